/*
 * ta_registry.c — what each SQL function is called and what it takes.
 *
 * Both engines register their functions by walking these tables, so a name
 * or an argument list is written once.
 */
#include "ta_internal.h"

#define P  TA_ROLE_PERIOD
#define V  TA_ROLE_VALUE
#define T  TA_ROLE_TARGET
#define F  TA_ROLE_FY
#define B  TA_ROLE_FLAG
#define M  TA_ROLE_MONTHS
#define BP TA_ROLE_BASE
#define X  TA_ROLE_EXPORT
#define C  TA_ROLE_COMPETITOR

/* One entry per aggregate reads best as a table. */
/* clang-format off */
const ta_agg_desc ta_aggs[TA_AGG_END] = {
    [TA_AGG_CUMULATIVE] = {"cumulative_trade", TA_AGG_CUMULATIVE, 1, 1,
                           {V}, {"value"}, TA_R_REAL, false},
    [TA_AGG_YTD] = {"ytd_trade", TA_AGG_YTD, 2, 3,
                    {P, V, F}, {"period", "value", "fy_start_month"}, TA_R_REAL, true},
    [TA_AGG_TTM] = {"ttm_trade", TA_AGG_TTM, 2, 2,
                    {P, V}, {"period", "value"}, TA_R_REAL, true},
    [TA_AGG_YOY] = {"yoy_growth", TA_AGG_YOY, 2, 2,
                    {P, V}, {"period", "value"}, TA_R_REAL, true},
    [TA_AGG_YTD_YOY] = {"ytd_yoy_growth", TA_AGG_YTD_YOY, 2, 3,
                        {P, V, F}, {"period", "value", "fy_start_month"}, TA_R_REAL, true},
    [TA_AGG_TARGET_ATTAINMENT] = {"target_attainment", TA_AGG_TARGET_ATTAINMENT, 2, 2,
                                  {V, T}, {"value", "target"}, TA_R_REAL, false},
    [TA_AGG_TARGET_REACHED_AT] = {"target_reached_at", TA_AGG_TARGET_REACHED_AT, 3, 3,
                                  {P, V, T}, {"period", "value", "target"}, TA_R_PERIOD, true},
    [TA_AGG_PROJECTED] = {"projected_trade", TA_AGG_PROJECTED, 2, 3,
                          {P, V, F}, {"period", "value", "fy_start_month"}, TA_R_REAL, true},
    [TA_AGG_PERIOD_FROM_YTD] = {"period_from_ytd", TA_AGG_PERIOD_FROM_YTD, 2, 3,
                                {P, V, F}, {"period", "ytd_value", "fy_start_month"},
                                TA_R_REAL, true},
    [TA_AGG_SHARE_OF] = {"share_of", TA_AGG_SHARE_OF, 2, 2,
                         {V, B}, {"value", "is_part"}, TA_R_REAL, false},
    [TA_AGG_HHI] = {"hhi", TA_AGG_HHI, 1, 1, {V}, {"value"}, TA_R_REAL, false},
    [TA_AGG_PERIOD_GROWTH] = {"period_growth", TA_AGG_PERIOD_GROWTH, 3, 3,
                              {P, V, M}, {"period", "value", "months"}, TA_R_REAL, true},
    [TA_AGG_TRAILING] = {"trailing_trade", TA_AGG_TRAILING, 3, 3,
                         {P, V, M}, {"period", "value", "months"}, TA_R_REAL, true},
    [TA_AGG_PRIOR_YEAR] = {"prior_year_trade", TA_AGG_PRIOR_YEAR, 2, 2,
                           {P, V}, {"period", "value"}, TA_R_REAL, true},
    [TA_AGG_PRIOR_YTD] = {"prior_ytd_trade", TA_AGG_PRIOR_YTD, 2, 3,
                          {P, V, F}, {"period", "value", "fy_start_month"}, TA_R_REAL, true},
    [TA_AGG_YTD_CONTRIBUTION] = {"ytd_contribution", TA_AGG_YTD_CONTRIBUTION, 3, 4,
                                 {P, V, B, F}, {"period", "value", "is_part", "fy_start_month"},
                                 TA_R_REAL, true},
    [TA_AGG_TRADE_BALANCE] = {"trade_balance", TA_AGG_TRADE_BALANCE, 2, 2,
                              {V, X}, {"value", "is_export"}, TA_R_REAL, false},
    [TA_AGG_COVERAGE] = {"coverage_ratio", TA_AGG_COVERAGE, 2, 2,
                         {V, X}, {"value", "is_export"}, TA_R_REAL, false},
    [TA_AGG_INDEX] = {"index_number", TA_AGG_INDEX, 3, 3,
                      {P, V, BP}, {"period", "value", "base_period"}, TA_R_REAL, true},
    [TA_AGG_YTD_PERIOD_COUNT] = {"ytd_period_count", TA_AGG_YTD_PERIOD_COUNT, 2, 3,
                                 {P, V, F}, {"period", "value", "fy_start_month"}, TA_R_INT, true},
    [TA_AGG_HHI_COMPETITOR] = {"hhi", TA_AGG_HHI_COMPETITOR, 2, 2,
                               {C, V}, {"competitor", "value"}, TA_R_REAL, false},
};

const ta_scalar_desc ta_scalars[TA_FN_COUNT] = {
    [TA_FN_GROWTH_RATE] = {"growth_rate", TA_FN_GROWTH_RATE, 2, {"current", "previous"}},
    [TA_FN_ATTAINMENT_RATIO] = {"attainment_ratio", TA_FN_ATTAINMENT_RATIO, 2,
                                {"actual", "target"}},
    [TA_FN_SHARE_RATIO] = {"share_ratio", TA_FN_SHARE_RATIO, 2, {"part", "total"}},
    [TA_FN_CAGR] = {"cagr", TA_FN_CAGR, 3, {"first", "last", "years"}},
};
/* clang-format on */

bool ta_has_role(ta_agg_kind kind, ta_role role)
{
    for (int i = 0; i < ta_aggs[kind].max_args; i++)
        if (ta_aggs[kind].roles[i] == role)
            return true;
    return false;
}
