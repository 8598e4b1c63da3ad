/* replay.c — runs a fuzz target's corpus through its entry point once,
 * without libFuzzer, so that a gcc --coverage build counts what the
 * committed seeds reach (`make coverage`). Arguments: corpus files. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) {
            perror(argv[i]);
            return 1;
        }
        uint8_t *buf = NULL;
        size_t n = 0, cap = 0, got;
        do {
            if (n == cap) {
                cap = cap ? 2 * cap : 4096;
                uint8_t *nb = realloc(buf, cap);
                if (!nb) {
                    fclose(f);
                    free(buf);
                    return 1;
                }
                buf = nb;
            }
            got = fread(buf + n, 1, cap - n, f);
            n += got;
        } while (got > 0);
        fclose(f);
        LLVMFuzzerTestOneInput(buf, n);
        free(buf);
    }
    return 0;
}
