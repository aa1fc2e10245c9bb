"""Leave (SPEC 4.1, 4.5): the issue's cases, each value checked by hand.

March 2025 has 21 official working days; February 2025 has 19 (1–4 Feb are the Spring
Festival holiday, Saturday 8 Feb is a make-up working day); January 2025 has 19.
"""

from fractions import Fraction

from logistics.core.periods import Month, Quarter
from logistics.core.scoring import score_month
from logistics.core.summary import summarize
from logistics.core.workdays import WorkCalendar
from tests.factories import POST, D, dataset, log, person

MARCH = Month(2025, 3)
AS_OF = D(2025, 12, 31)


def workdays(year, month):
    return WorkCalendar().month_workdays(year, month)


def codes(ds):
    return [(p.code, p.sheet, p.row, p.column) for p in ds.problems]


def leave(start, end, staff_id="S1", kind="事假"):
    return {"staff_id": staff_id, "start": start, "end": end, "type": kind}


def test_three_days_of_personal_leave_prorate_log_and_quantity_and_ignore_a_leave_day_log():
    # 事假 Mon 10 – Wed 12 March: WD = 21 - 3 = 18. Logs (1 unit each) on 17 of the other 18
    # days (not 31 March) and one on 11 March, inside the leave.
    others = [d for d in workdays(2025, 3) if not D(2025, 3, 10) <= d <= D(2025, 3, 12)]
    logs = [log(d) for d in others[:17]] + [log(D(2025, 3, 11))]
    ds = dataset(
        posts=[POST], staff=[person()], logs=logs, leave=[leave(D(2025, 3, 10), D(2025, 3, 12))]
    )
    x = score_month(ds, MARCH, AS_OF)[0]
    # WD 18; logged days 17 (the leave-day log is no logged day); units 17 (nor units).
    assert (x.workdays, x.full_workdays, x.log_days, x.leave_days) == (18, 21, 17, 3)
    assert x.log_score == Fraction(20 * 17, 18)  # 18.89
    # Target 21 × 18/21 = 18; 30 × 17/18 = 28.33.
    assert x.target == 18 and x.units == 17
    assert x.quantity_score == Fraction(30 * 17, 18)
    # 18.889 + 28.333 + 30 + 20 = 97.22 -> 97.2
    assert x.total == Fraction(972, 10)
    # The leave-day log (the 18th log row: Excel row 2 + 17 = 19) is a warning, not an error.
    assert ("log_on_leave", "logs", 19, "date") in codes(ds)
    assert not ds.errors


def test_a_whole_month_of_sick_leave_is_not_scored_and_the_quarter_averages_the_others():
    # Full logs, 2 units a day, in January and March; 病假 all of February, no logs then.
    logs = [log(d, units=2) for m in (1, 3) for d in workdays(2025, m)]
    ds = dataset(
        posts=[POST],
        staff=[person()],
        logs=logs,
        leave=[leave(D(2025, 2, 1), D(2025, 2, 28), kind="病假")],
    )
    assert score_month(ds, Month(2025, 2), AS_OF) == []
    months = [x for m in Quarter(2025, 1).months for x in score_month(ds, m, AS_OF)]
    # January: 19/19 days logged, 38 units ≥ target 21: 20 + 30 + 30 + 20 = 100; March alike.
    assert [(x.month, x.total) for x in months] == [("2025-01", 100), ("2025-03", 100)]
    q = summarize("2025Q1", months, ds.settings)[0]
    assert (q.months, q.average) == (2, 100)


def test_leave_end_before_start_is_an_error_and_overlapping_rows_a_warning():
    ds = dataset(
        posts=[POST],
        staff=[person()],
        leave=[
            leave(D(2025, 3, 10), D(2025, 3, 12)),
            leave(D(2025, 3, 12), D(2025, 3, 14), kind="病假"),  # overlaps row 2 on the 12th
            leave(D(2025, 3, 20), D(2025, 3, 18)),  # End before Start
            leave(D(2025, 3, 3), D(2025, 3, 3), staff_id="NOBODY"),
        ],
    )
    found = codes(ds)
    assert ("leave_overlap", "leave", 3, "start") in found
    assert ("end_before_start", "leave", 4, "end") in found
    assert ("unknown_staff", "leave", 5, "staff_id") in found
    assert {p.code for p in ds.errors} == {"end_before_start", "unknown_staff"}


def test_leave_type_must_be_one_of_the_list():
    ds = dataset(
        posts=[POST], staff=[person()], leave=[leave(D(2025, 3, 3), D(2025, 3, 3), kind="调休")]
    )
    assert ("bad_choice", "leave", 2, "type") in codes(ds)


def test_business_trip_removes_the_day_too():
    # 公出 on Mon 3 March: WD 20; logs on the 20 other days: 20/20 -> 20 log points.
    days = [d for d in workdays(2025, 3) if d != D(2025, 3, 3)]
    ds = dataset(
        posts=[POST],
        staff=[person()],
        logs=[log(d) for d in days],
        leave=[leave(D(2025, 3, 3), D(2025, 3, 3), kind="公出")],
    )
    x = score_month(ds, MARCH, AS_OF)[0]
    assert (x.workdays, x.log_days, x.log_score, x.target) == (20, 20, 20, 20)
