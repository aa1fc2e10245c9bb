"""Invariants of the rules over generated months (hypothesis)."""

from fractions import Fraction

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from logistics.core.periods import Month
from logistics.core.scoring import score_month
from logistics.core.summary import summarize
from logistics.core.workdays import WorkCalendar
from tests.factories import D, dataset, log, person

MARCH = Month(2025, 3)
DAYS = [*WorkCalendar().month_workdays(2025, 3), D(2025, 3, 1), D(2025, 3, 2)]  # + a weekend
STAFF = ["S1", "S2", "S3", "S4"]
STATUS = ["完成", "未完成", "延期"]

log_rows = st.lists(
    st.tuples(
        st.sampled_from(DAYS), st.sampled_from(STAFF), st.integers(0, 9), st.sampled_from(STATUS)
    ),
    max_size=60,
)
inspection_rows = st.lists(
    st.tuples(st.sampled_from(DAYS), st.sampled_from(STAFF), st.integers(-10, 10)), max_size=12
)
targets = st.integers(0, 80)
PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def build(logs, inspections, target, extra_log=None):
    rows = [log(d, s, u, st_, content=f"工作{i}") for i, (d, s, u, st_) in enumerate(logs)]
    if extra_log is not None:
        rows.append(extra_log)
    return dataset(
        posts=[{"post_id": "P1", "post": "保洁员", "monthly_target": target}],
        staff=[person(s, start=D(2025, 3, 10) if s == "S4" else D(2024, 1, 1)) for s in STAFF],
        logs=[r for r in rows if not (r["staff_id"] == "S4" and r["date"] < D(2025, 3, 10))],
        inspections=[
            {"date": d, "staff_id": s, "item": "检查", "points": p, "reason": "记录"}
            for d, s, p in inspections
        ],
    )


@PROPERTY
@given(log_rows, inspection_rows, targets)
def test_components_stay_within_their_maxima(logs, inspections, target):
    ds = build(logs, inspections, target)
    s = ds.settings
    for x in score_month(ds, MARCH, D(2025, 12, 31)):
        assert 0 <= x.log_score <= s.log_points
        assert 0 <= x.quantity_score <= s.quantity_points
        assert 0 <= x.quality_score <= s.quality_points
        assert 0 <= x.timeliness_score <= s.timeliness_points
        assert 0 <= x.total <= 100


@PROPERTY
@given(
    log_rows,
    inspection_rows,
    targets,
    st.sampled_from(DAYS[:21]),
    st.sampled_from(STAFF[:3]),
    st.integers(0, 9),
)
def test_adding_a_completed_log_never_lowers_a_score(logs, inspections, target, day, staff, units):
    before = {
        x.staff_id: x for x in score_month(build(logs, inspections, target), MARCH, D(2025, 12, 31))
    }
    extra = log(day, staff, units, "完成", content="新增")
    after = {
        x.staff_id: x
        for x in score_month(build(logs, inspections, target, extra), MARCH, D(2025, 12, 31))
    }
    assert after[staff].total >= before[staff].total
    assert after[staff].log_score >= before[staff].log_score
    assert after[staff].quantity_score >= before[staff].quantity_score


@PROPERTY
@given(log_rows, inspection_rows, targets)
def test_ranks_are_consistent_with_totals(logs, inspections, target):
    scores = score_month(build(logs, inspections, target), MARCH, D(2025, 12, 31))
    for a in scores:
        assert a.rank == 1 + sum(b.total > a.total for b in scores)
    assert [x.rank for x in scores] == sorted(x.rank for x in scores)


@PROPERTY
@given(log_rows, inspection_rows, targets)
def test_a_period_is_the_rounded_mean_of_its_months(logs, inspections, target):
    ds = build(logs, inspections, target)
    months = [Month(2025, 2), MARCH]
    monthly = [x for m in months for x in score_month(ds, m, D(2025, 12, 31))]
    for row in summarize("2025Q1", monthly, ds.settings):
        own = [x for x in monthly if x.staff_id == row.staff_id]
        mean = sum((x.total for x in own), Fraction(0)) / len(own)
        assert abs(row.average - mean) <= Fraction(1, 20)
        assert row.months == len(own)
        assert row.pay == sum(x.pay for x in own)
