/*
 * ta_series_text.c — the text form of a series and back (README "The series
 * text form").
 *
 *   v1 date; 2023-01-01 3 12.5; 2023-02-01 1 7
 *   v1 year; 2021 12 146.88; 2022 12 190.27
 *
 * "v1", the period kind (date or year), then per period, in increasing
 * order: the period, its row count, and its exact sum as the greedy
 * expansion of doubles (ta_xsum_expand: RN(x), then RN of the rest, ...;
 * usually one term, 0 for a sum of 0), each term in its shortest
 * round-trip decimal, a term beyond the doubles' range written t*2^64.
 *
 * Decimal digits come from our own code, never from printf: the exact
 * digits of the double (a small bignum), rounded half-even to 1, 2, ...
 * 17 significant digits, the first that reads back (correctly rounded, C
 * locale) as the same double. So the text is the same under every C
 * library, and reading it gives the same bits.
 *
 * Reading accepts exactly the text writing makes: the series is built, then
 * written again and compared. Anything else is TA_ERR_STATE.
 */
#include "ta_internal.h"
#include "ta_xsum.h"

#include <stdio.h>
#include <string.h>

/* ---- exact digits of a double --------------------------------------------------- */

#define LIMBS 100 /* base 1e9: 5^1074 * 2^53 has under 770 digits */
#define BASE  1000000000u

typedef struct big {
    uint32_t d[LIMBS]; /* least significant first */
    int n;
} big;

static void big_mul(big *b, uint32_t f)
{
    uint64_t carry = 0;
    for (int i = 0; i < b->n; i++) {
        uint64_t x = (uint64_t)b->d[i] * f + carry;
        b->d[i] = (uint32_t)(x % BASE);
        carry = x / BASE;
    }
    while (carry) {
        b->d[b->n++] = (uint32_t)(carry % BASE);
        carry /= BASE;
    }
}

/* The significant digits of |d| (d finite, not 0) without trailing zeros,
 * and k with |d| = 0.digits * 10^k. */
static int exact_digits(double d, char *out, int *k)
{
    uint64_t bits, m;
    memcpy(&bits, &d, 8);
    int ex = (int)(bits >> 52 & 0x7ff), e;
    m = bits & ((UINT64_C(1) << 52) - 1);
    if (ex == 0) {
        e = -1074;
    } else {
        m |= UINT64_C(1) << 52;
        e = ex - 1075;
    }
    big b = {{(uint32_t)(m % BASE), (uint32_t)(m / BASE % BASE), (uint32_t)(m / BASE / BASE)}, 3};
    while (b.n > 1 && b.d[b.n - 1] == 0)
        b.n--;
    int scale = 0; /* |d| = b / 10^scale */
    for (int i = e; i > 0; i -= 30)
        big_mul(&b, UINT32_C(1) << (i > 30 ? 30 : i));
    for (int i = -e; i > 0; i -= 13) {
        uint32_t f = 1;
        for (int j = 0; j < (i > 13 ? 13 : i); j++)
            f *= 5;
        big_mul(&b, f);
    }
    if (e < 0)
        scale = -e;
    char tmp[16];
    int len = snprintf(tmp, sizeof tmp, "%u", (unsigned)b.d[b.n - 1]);
    memcpy(out, tmp, (size_t)len);
    for (int i = b.n - 2; i >= 0; i--) {
        uint32_t x = b.d[i];
        for (int j = 8; j >= 0; j--, x /= 10)
            out[len + j] = (char)('0' + x % 10);
        len += 9;
    }
    *k = len - scale;
    while (len > 1 && out[len - 1] == '0')
        len--;
    out[len] = '\0';
    return len;
}

/* digits rounded half-even to p significant digits (in place); may carry
 * into a new leading digit (k grows). Trailing zeros stripped. */
static int round_digits(char *s, int len, int p, int *k)
{
    if (len <= p)
        return len;
    bool up;
    if (s[p] != '5')
        up = s[p] > '5';
    else {
        bool rest = false;
        for (int i = p + 1; i < len; i++)
            rest = rest || s[i] != '0';
        up = rest || ((s[p - 1] - '0') & 1);
    }
    len = p;
    if (up) {
        int i = p - 1;
        while (i >= 0 && s[i] == '9')
            s[i--] = '0';
        if (i < 0) {
            s[0] = '1';
            len = 1;
            (*k)++;
        } else
            s[i]++;
    }
    while (len > 1 && s[len - 1] == '0')
        len--;
    s[len] = '\0';
    return len;
}

/* 0.digits * 10^k as text: plain for 1e-6 <= |x| < 1e21, else d.ddde+X. */
static int place(char *out, bool neg, const char *s, int len, int k)
{
    int o = 0;
    if (neg)
        out[o++] = '-';
    if (k > 0 && k <= 21) {
        for (int i = 0; i < (len > k ? len : k); i++) {
            if (i == k)
                out[o++] = '.';
            out[o++] = i < len ? s[i] : '0';
        }
    } else if (k <= 0 && k > -6) {
        out[o++] = '0';
        out[o++] = '.';
        for (int i = 0; i < -k; i++)
            out[o++] = '0';
        memcpy(out + o, s, (size_t)len);
        o += len;
    } else {
        out[o++] = s[0];
        if (len > 1) {
            out[o++] = '.';
            memcpy(out + o, s + 1, (size_t)len - 1);
            o += len - 1;
        }
        o += sprintf(out + o, "e%c%d", k - 1 < 0 ? '-' : '+', k - 1 < 0 ? 1 - k : k - 1);
    }
    out[o] = '\0';
    return o;
}

static bool same_bits(double x, double y) { return memcmp(&x, &y, sizeof x) == 0; }

/* The shortest decimal that reads back as d (finite); out holds 32 bytes.
 * Returns its length, or -1 if memory for reading ran out. */
static int shortest(double d, char *out)
{
    char all[800], s[800];
    int k0, len0;
    if (d == 0) {
        strcpy(out, "0");
        return 1;
    }
    len0 = exact_digits(d, all, &k0);
    for (int p = 1; p <= 17; p++) {
        int k = k0;
        memcpy(s, all, (size_t)len0 + 1);
        int len = round_digits(s, len0, p, &k);
        int n = place(out, d < 0, s, len, k);
        double back;
        int r = ta_parse_decimal(out, (size_t)n, &back);
        if (r < 0)
            return -1;
        if (r == 1 && same_bits(back, d))
            return n;
    }
    return -1; /* 17 digits always read back: not reached */
}

/* ---- writing --------------------------------------------------------------------- */

typedef struct sbuf {
    char *p;
    size_t n, cap;
    const ta_allocator *al;
    bool nomem;
} sbuf;

static void put(sbuf *b, const char *s, size_t n)
{
    if (b->nomem)
        return;
    if (b->n + n + 1 > b->cap) {
        size_t cap = (b->n + n + 1) * 2;
        char *q = b->al->alloc(b->al->ud, cap);
        if (!q) {
            b->nomem = true;
            return;
        }
        if (b->p) {
            memcpy(q, b->p, b->n);
            b->al->free(b->al->ud, b->p);
        }
        b->p = q;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

static void puts_(sbuf *b, const char *s) { put(b, s, strlen(s)); }

/* The text of a loaded table. */
static ta_status write_text(const ta_ptable *t, ta_pkind pk, sbuf *b)
{
    ta_pt_cursor c;
    int32_t key;
    uint32_t count;
    const ta_xsum *sum;
    double terms[TA_XSUM_TERMS_MAX];
    int scales[TA_XSUM_TERMS_MAX];
    char buf[64];

    puts_(b, pk == TA_PK_YEAR ? "v1 year" : "v1 date");
    ta_pt_seek(t, INT32_MIN, &c);
    while (ta_pt_next(t, &c, &key, &count, &sum)) {
        puts_(b, "; ");
        ta_period_format((ta_period){pk, key}, buf);
        puts_(b, buf);
        snprintf(buf, sizeof buf, " %lu", (unsigned long)count);
        puts_(b, buf);
        int n = ta_xsum_expand(sum, terms, scales, TA_XSUM_TERMS_MAX);
        if (n < 0)
            return TA_ERR_INTERNAL;
        if (n == 0)
            puts_(b, " 0");
        for (int i = 0; i < n; i++) {
            puts_(b, " ");
            if (shortest(terms[i], buf) < 0)
                return TA_ERR_NOMEM;
            puts_(b, buf);
            if (scales[i])
                puts_(b, "*2^64");
        }
    }
    return b->nomem ? TA_ERR_NOMEM : TA_OK;
}

ta_status ta_series_to_text(const ta_value *s, const char *fn, const ta_allocator *al, char **out,
                            size_t *n, ta_error *e)
{
    ta_ptable t;
    ta_pkind pk;
    char shown[TA_RENDER_MAX];
    *out = NULL;
    *n = 0;
    if (s->type == TA_V_NULL)
        return TA_OK;
    if (s->type != TA_V_BLOB) {
        ta_render_value(s, shown);
        return ta_fail(e, TA_ERR_STATE,
                       "%s: invalid series %s (expected a series made by trade_series or rollup)",
                       fn, shown);
    }
    ta_status st = ta_series_load((const uint8_t *)s->p, s->n, fn, &t, &pk, al, e);
    if (st != TA_OK)
        return st;
    sbuf b = {NULL, 0, 0, al, false};
    st = write_text(&t, pk, &b);
    ta_pt_free(&t, al);
    if (st != TA_OK) {
        if (b.p)
            al->free(al->ud, b.p);
        return st == TA_ERR_NOMEM ? ta_fail(e, st, "%s: out of memory", fn)
                                  : ta_fail(e, st, "%s: a sum has no short expansion", fn);
    }
    *out = b.p;
    *n = b.n;
    return TA_OK;
}

/* ---- reading --------------------------------------------------------------------- */

typedef struct reader {
    const char *p;
    size_t n, i;
} reader;

static bool lit(reader *r, const char *s)
{
    size_t k = strlen(s);
    if (r->n - r->i < k || memcmp(r->p + r->i, s, k) != 0)
        return false;
    r->i += k;
    return true;
}

/* A token up to the next ' ' or ';' (or the end). */
static size_t token(reader *r, const char **tok)
{
    size_t j = r->i;
    while (j < r->n && r->p[j] != ' ' && r->p[j] != ';')
        j++;
    *tok = r->p + r->i;
    size_t len = j - r->i;
    r->i = j;
    return len;
}

static bool all_digits(const char *s, size_t n)
{
    if (n == 0)
        return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

static bool read_key(ta_pkind pk, const char *s, size_t n, int32_t *key)
{
    if (pk == TA_PK_DATE)
        return n == 10 && ta_parse_period_text(s, n, key);
    if (!all_digits(s, n) || n > 4 || s[0] == '0')
        return false;
    int y = 0;
    for (size_t i = 0; i < n; i++)
        y = y * 10 + (s[i] - '0');
    *key = y;
    return y >= TA_YEAR_MIN && y <= TA_YEAR_MAX;
}

static bool read_count(const char *s, size_t n, uint32_t *count)
{
    uint64_t c = 0;
    if (!all_digits(s, n) || n > 10 || s[0] == '0')
        return false;
    for (size_t i = 0; i < n; i++)
        c = c * 10 + (uint64_t)(s[i] - '0');
    if (c > UINT32_MAX)
        return false;
    *count = (uint32_t)c;
    return true;
}

/* A term: a decimal, or a decimal followed by *2^64; finite. 1, 0 (not a
 * term) or -1 (out of memory). */
static int read_term(const char *s, size_t n, ta_xsum *sum, const ta_allocator *al)
{
    int scale = 0;
    double v;
    if (n > 5 && memcmp(s + n - 5, "*2^64", 5) == 0) {
        scale = TA_XSUM_SCALE;
        n -= 5;
    }
    int r = ta_parse_decimal(s, n, &v);
    if (r <= 0 || n == 0 || s[0] == ' ' || s[n - 1] == ' ')
        return r;
    if (!isfinite(v))
        return 0;
    return ta_xsum_add_scaled(sum, v, scale, al) == TA_OK ? 1 : -1;
}

static ta_status text_bad(ta_error *e, const char *fn, size_t at, const char *why)
{
    return ta_fail(e, TA_ERR_STATE, "%s: invalid series text (%s at character %zu)", fn, why,
                   at + 1);
}

/* One "; period count term..." entry into t. */
static ta_status read_entry(reader *r, ta_pkind pk, ta_ptable *t, const char *fn,
                            const ta_allocator *al, ta_error *e)
{
    const char *tok;
    size_t len, at;
    int32_t key, last;
    uint32_t count;
    at = r->i;
    len = token(r, &tok);
    if (!read_key(pk, tok, len, &key))
        return text_bad(e, fn, at, "bad period");
    if (ta_pt_last(t, &last) && key <= last)
        return text_bad(e, fn, at, "periods not increasing");
    if (!lit(r, " "))
        return text_bad(e, fn, r->i, "expected a row count");
    at = r->i;
    len = token(r, &tok);
    if (!read_count(tok, len, &count))
        return text_bad(e, fn, at, "bad row count");
    ta_xsum sum = TA_XSUM_ZERO;
    int terms = 0;
    while (lit(r, " ")) {
        at = r->i;
        len = token(r, &tok);
        int ok = ++terms > TA_XSUM_TERMS_MAX ? 0 : read_term(tok, len, &sum, al);
        if (ok <= 0) {
            ta_xsum_free(&sum, al);
            return ok < 0 ? ta_fail(e, TA_ERR_NOMEM, "%s: out of memory", fn)
                          : text_bad(e, fn, at, "bad sum");
        }
    }
    if (terms == 0)
        return text_bad(e, fn, r->i, "expected a sum");
    if (!ta_xsum_within(&sum, count, 1024)) {
        ta_xsum_free(&sum, al);
        return text_bad(e, fn, at, "a sum larger than its rows can make");
    }
    ta_status st = ta_pt_add_entry(t, key, count, &sum, 1, al);
    ta_xsum_free(&sum, al);
    if (st == TA_ERR_NOMEM)
        return ta_fail(e, st, "%s: out of memory", fn);
    if (st == TA_ERR_RANGE || ta_pt_rows(t) < count)
        return text_bad(e, fn, at, "too many rows");
    return st;
}

ta_status ta_series_from_text(const char *p, size_t n, const char *fn, const ta_allocator *al,
                              uint8_t **out, size_t *outn, ta_error *e)
{
    reader r = {p, n, 0};
    ta_agg a;
    ta_pkind pk;
    ta_status st = TA_OK;

    *out = NULL;
    *outn = 0;
    if (!lit(&r, "v1 "))
        return text_bad(e, fn, 0, "expected 'v1 ' (format version 1)");
    if (lit(&r, "date"))
        pk = TA_PK_DATE;
    else if (lit(&r, "year"))
        pk = TA_PK_YEAR;
    else
        return text_bad(e, fn, r.i, "expected the period kind date or year");
    ta_agg_init(&a, TA_AGG_SERIES, al);
    a.pkind = (uint8_t)pk;
    while (st == TA_OK && r.i < n) {
        if (!lit(&r, "; "))
            st = text_bad(e, fn, r.i, "expected '; '");
        else
            st = read_entry(&r, pk, &a.pt, fn, al, e);
    }
    if (st == TA_OK && ta_pt_size(&a.pt) == 0)
        st = text_bad(e, fn, r.i, "no periods");
    /* Only the text writing makes: written again, it must be the same. */
    sbuf b = {NULL, 0, 0, al, false};
    if (st == TA_OK && (st = write_text(&a.pt, pk, &b)) != TA_OK)
        st = ta_fail(e, st, "%s: out of memory", fn);
    if (st == TA_OK && (b.n != n || memcmp(b.p, p, n) != 0))
        st = ta_fail(e, TA_ERR_STATE,
                     "%s: invalid series text (not in canonical form: numbers as series_text "
                     "writes them)",
                     fn);
    if (b.p)
        al->free(al->ud, b.p);
    if (st == TA_OK) {
        *outn = ta_series_size(&a);
        if (*outn == 0 || !(*out = al->alloc(al->ud, *outn)))
            st = ta_fail(e, TA_ERR_NOMEM, "%s: out of memory", fn);
        else
            ta_series_write(&a, *out);
    }
    ta_agg_free(&a);
    return st;
}
