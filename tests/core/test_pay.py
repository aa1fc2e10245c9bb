"""Performance pay (SPEC 4.6): pools shared to the cent, blanks without a pool, 年终绩效.

Each value checked by hand; the arithmetic is in the comments.
"""

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from logistics.core.pay import Claim, annual_year_end_pay, share_pool
from logistics.core.periods import Month, year_months
from logistics.core.scoring import score_month
from logistics.core.summary import summarize
from logistics.core.workdays import WorkCalendar
from tests.factories import POST, D, dataset, log, person

MARCH = Month(2025, 3)
AS_OF = D(2025, 3, 31)
POOL_MODE = [{"key": "绩效分配方式", "value": "总额分配"}]


def test_a_pool_of_10000_over_seven_awkward_weights_sums_to_the_cent():
    # Weights w = PayBase × coef: 2000×1.2 (twice), 1800×1.0, 2000×0.8, 2500×0.5, 2000×0.5,
    # 3000×1.2 = 2400, 2400, 1800, 1600, 1250, 1000, 3600; Σw = 14050; pool 1,000,000 cents.
    claims = [
        Claim(Fraction(2400), 2, "S03"),
        Claim(Fraction(2400), 2, "S02"),
        Claim(Fraction(1800), 4, "S04"),
        Claim(Fraction(1600), 5, "S05"),
        Claim(Fraction(1250), 6, "S06"),
        Claim(Fraction(1000), 7, "S07"),
        Claim(Fraction(3600), 1, "S01"),
    ]
    # Exact cents 1e6 × w / 14050: 2400 -> 170818.505 (14050 × 170818 = 2,399,992,900, rest
    # 7,100); 1800 -> 128113.879 (rest 12,350); 1600 -> 113879.004 (rest 50); 1250 -> 88967.972
    # (rest 13,650); 1000 -> 71174.377 (rest 5,300); 3600 -> 256227.758 (rest 10,650).
    # Floors sum to 999,996: 4 cents left, to the remainders .972 (1250), .879 (1800),
    # .758 (3600) and one of the two equal .505 (2400): both rank 2, so 工号 S02 before S03.
    shares = share_pool(Fraction(10000), claims)
    assert shares == [
        Fraction("1708.18"),
        Fraction("1708.19"),
        Fraction("1281.14"),
        Fraction("1138.79"),
        Fraction("889.68"),
        Fraction("711.74"),
        Fraction("2562.28"),
    ]
    assert sum(shares) == 10000


def test_equal_remainders_go_to_the_better_rank_first():
    # 100.00 over 3 equal weights: 3333.33 cents each, floors 9999, one cent left; the three
    # remainders are equal, so it goes to rank 1 (S09) although its 工号 sorts last.
    claims = [
        Claim(Fraction(1), 2, "S01"),
        Claim(Fraction(1), 3, "S02"),
        Claim(Fraction(1), 1, "S09"),
    ]
    assert share_pool(Fraction(100), claims) == [
        Fraction("33.33"),
        Fraction("33.33"),
        Fraction("33.34"),
    ]


def test_no_weight_shares_nothing():
    assert share_pool(Fraction(100), [Claim(Fraction(0), 1, "S1")]) is None


@given(
    pool=st.integers(0, 10**9).map(lambda c: Fraction(c, 100)),
    weights=st.lists(st.integers(0, 10**6), min_size=1, max_size=40),
)
def test_shares_sum_to_the_pool_and_a_larger_weight_never_gets_less(pool, weights):
    claims = [Claim(Fraction(w, 10), i % 5 + 1, f"S{i:03d}") for i, w in enumerate(weights)]
    shares = share_pool(pool, claims)
    if sum(weights) == 0:
        assert shares is None
        return
    assert shares is not None and sum(shares) == pool
    assert all(s >= 0 and (s * 100).denominator == 1 for s in shares)
    for a, sa in zip(claims, shares, strict=True):
        for b, sb in zip(claims, shares, strict=True):
            if a.weight > b.weight:
                assert sa >= sb


def two_people(settings=(), pools=()):
    # S1 logs every March working day (100 points: 优秀, coef 1.2, w = 2000 × 1.2 = 2400);
    # S2 logs 10 of 21 days, 1 unit each: 20×10/21 + 30×10/21 + 30 + 20 = 9.52 + 14.29 + 50
    # = 73.8 (合格, coef 0.8, w = 2000 × 0.8 = 1600). Both start 1 March 2025.
    days = WorkCalendar().month_workdays(2025, 3)
    start = D(2025, 3, 1)
    return dataset(
        as_of=AS_OF,
        posts=[POST],
        staff=[person("S1", start=start), person("S2", start=start)],
        logs=[log(d, "S1") for d in days] + [log(d, "S2") for d in days[:10]],
        settings=list(settings),
        pay_pools=list(pools),
    )


def test_pool_mode_shares_the_month_by_points():
    ds = two_people(POOL_MODE, [{"period": "2025-03", "amount": 5000}])
    scores = score_month(ds, MARCH, AS_OF)
    # 5000 × 2400/4000 = 3000.00 and 5000 × 1600/4000 = 2000.00.
    assert [(x.staff_id, x.total, x.pay) for x in scores] == [
        ("S1", 100, 3000),
        ("S2", Fraction(738, 10), 2000),
    ]


def test_no_pool_row_leaves_pay_blank_with_a_warning_and_base_mode_is_unchanged():
    ds = two_people(POOL_MODE)
    assert [x.pay for x in score_month(ds, MARCH, AS_OF)] == [None, None]
    missing = [p for p in ds.problems if p.code == "pool_missing"]
    assert [(p.sheet, p.value, p.is_error) for p in missing] == [("pay_pools", "2025-03", False)]
    base = two_people()  # 基数系数: 2000 × 1.2 = 2400.00, 2000 × 0.8 = 1600.00
    assert [x.pay for x in score_month(base, MARCH, AS_OF)] == [2400, 1600]
    assert not any(p.code == "pool_missing" for p in base.problems)


def test_a_year_end_pool_gives_year_end_pay_and_annual_pay_stays_the_sum_of_months():
    pools = [{"period": "2025-03", "amount": 5000}, {"period": 2025, "amount": 1000}]
    ds = two_people(POOL_MODE, pools)
    months = [x for m in year_months(2025) for x in score_month(ds, m, AS_OF)]
    rows = summarize("2025", months, ds.settings)
    assert annual_year_end_pay(ds, 2025, rows)
    # Annual grades = March's (one month): w 2400 and 1600; 1000 × 2400/4000 = 600.00, 400.00.
    # 全年绩效工资 = the monthly pay: 3000.00 and 2000.00.
    assert [(r.staff_id, r.pay, r.year_end_pay) for r in rows] == [
        ("S1", 3000, 600),
        ("S2", 2000, 400),
    ]


def test_pay_pool_periods_read_as_typed_and_must_be_unique():
    import datetime as dt

    from logistics.core.pay_pools import period_label

    # A typed month that Excel turned into a date, a year typed as a number, text forms.
    assert period_label(dt.datetime(2026, 3, 1).isoformat(sep=" ")) == "2026-03"
    assert period_label("2026") == "2026" and period_label("2026-3") == "2026-03"
    assert period_label("2026-03-15") is None and period_label("March") is None
    ds = two_people(
        POOL_MODE,
        [
            {"period": dt.datetime(2025, 3, 1), "amount": 5000},
            {"period": "2025-03", "amount": 4000},
            {"period": "三月", "amount": 1},
        ],
    )
    found = [(p.code, p.row) for p in ds.problems if p.sheet == "pay_pools"]
    assert ("duplicate_period", 3) in found and ("pay_period_invalid", 4) in found


def test_a_pool_with_no_weight_to_share_by_leaves_pay_blank_with_a_warning():
    from logistics.core.pay import pool_problems

    days = WorkCalendar().month_workdays(2025, 3)
    ds = dataset(
        as_of=AS_OF,
        posts=[POST],
        staff=[person("S1", start=D(2025, 3, 1), pay_base=0)],  # Σw = 0 × 1.2 = 0
        logs=[log(d, "S1") for d in days],
        settings=POOL_MODE,
        pay_pools=[{"period": "2025-03", "amount": 5000}],
    )
    scores = score_month(ds, MARCH, AS_OF)
    assert [x.pay for x in scores] == [None]
    found = pool_problems(ds, scores)
    assert [(p.code, p.value, p.is_error) for p in found] == [("pool_no_weight", "2025-03", False)]


def test_pay_mode_takes_either_language_and_refuses_anything_else():
    assert two_people([{"key": "PayMode", "value": "Pool"}]).settings.pay_mode == "pool"
    assert (
        two_people([{"key": "绩效分配方式", "value": "基数系数"}]).settings.pay_mode == "base_coef"
    )
    ds = two_people([{"key": "绩效分配方式", "value": "按人头"}])
    assert [(p.code, p.row, p.column) for p in ds.errors] == [("setting_invalid", 2, "value")]
    assert "总额分配/Pool" in ds.errors[0].message("zh")
