"""Quarter and year (SPEC 4.3)."""

from fractions import Fraction

from logistics.core.periods import Month, Quarter, year_months
from logistics.core.scoring import score_month
from logistics.core.summary import summarize
from tests.factories import POST, D, dataset, log, person


def logs_for(staff_id, months, skip=0):
    from logistics.core.workdays import WorkCalendar

    cal = WorkCalendar()
    rows = []
    for m in months:
        days = cal.month_workdays(m.year, m.month)
        rows += [log(d, staff_id) for d in days[: len(days) - skip]]
    return rows


def test_quarter_average_is_the_mean_of_scored_months_rounded_half_up():
    q1 = Quarter(2025, 1)
    # S2 joins on 1 March: scored in one month of the quarter only.
    ds = dataset(
        posts=[{**POST, "monthly_target": 0}],
        staff=[person("S1"), person("S2", start=D(2025, 3, 1))],
        logs=logs_for("S1", q1.months, skip=1) + logs_for("S2", [Month(2025, 3)]),
    )
    monthly = [x for m in q1.months for x in score_month(ds, m, D(2025, 12, 31))]
    rows = {r.staff_id: r for r in summarize(q1.label, monthly, ds.settings)}
    s1_totals = [x.total for x in monthly if x.staff_id == "S1"]
    assert rows["S1"].months == 3 and rows["S2"].months == 1
    assert rows["S1"].average == Fraction(round(sum(s1_totals) / 3 * 10), 10)
    assert rows["S2"].average == 100 and rows["S2"].rank == 1 and rows["S1"].rank == 2


def test_year_pay_is_the_sum_of_monthly_pay_and_school_year_starts_in_september():
    assert year_months(2025, 9)[0] == Month(2025, 9)
    assert year_months(2025, 9)[-1] == Month(2026, 8)
    months = [Month(2025, 11), Month(2025, 12)]
    ds = dataset(posts=[POST], staff=[person(pay_base=1000)], logs=logs_for("S1", months))
    monthly = [x for m in year_months(2025, 9) for x in score_month(ds, m, D(2025, 12, 31))]
    # Sep and Oct have working days but no logs; 2026 lies after the as-of date.
    assert [x.month for x in monthly] == ["2025-09", "2025-10", "2025-11", "2025-12"]
    (row,) = summarize("2025", monthly, ds.settings)
    assert row.months == 4
    assert row.pay == sum(x.pay for x in monthly)
    # Sep, Oct: no logs, so 0 + 0 + 30 + 20 = 50; Nov: 20 units of 21 gives 98.6; Dec: 100.
    assert sum(x.total for x in monthly) == Fraction("298.6")
    assert row.average == Fraction("74.7")  # 74.65 rounds half up


def test_quarter_labels_and_months():
    assert Quarter.parse("2025Q4").months == [Month(2025, 10), Month(2025, 11), Month(2025, 12)]
    assert Quarter.parse("2025q1").label == "2025Q1"
    assert Month.parse("2025/3").label == "2025-03"
