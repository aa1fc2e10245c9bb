"""Working days: the official calendar, the school's overrides, and the fallback."""

import datetime as dt

from logistics.core.workdays import WorkCalendar, official_year_covered, uncovered_years
from tests.factories import D, dataset, log, person

POSTS = [{"post_id": "P1", "post": "保洁员", "monthly_target": 0}]


def test_sunday_make_up_day_2025_09_28_is_a_working_day():
    assert D(2025, 9, 28).weekday() == 6
    assert WorkCalendar().is_workday(D(2025, 9, 28))


def test_spring_festival_2025():
    cal = WorkCalendar()
    holidays = [D(2025, 1, 28) + dt.timedelta(days=i) for i in range(8)]  # 除夕 to 初七
    assert not any(cal.is_workday(d) for d in holidays)
    assert cal.is_workday(D(2025, 1, 26))  # Sunday make-up day
    assert cal.is_workday(D(2025, 2, 8))  # Saturday make-up day
    assert len(cal.month_workdays(2025, 2)) == 19


def test_calendar_sheet_overrides_the_official_calendar():
    cal = WorkCalendar({D(2025, 3, 3): False, D(2025, 3, 8): True})
    assert not cal.is_workday(D(2025, 3, 3))  # a Monday the school gave off
    assert cal.is_workday(D(2025, 3, 8))  # a Saturday the school works
    assert len(cal.month_workdays(2025, 3)) == 21


def test_uncovered_year_falls_back_to_monday_to_friday():
    assert not official_year_covered(2099)
    assert uncovered_years({2025, 2099}) == [2099]
    cal = WorkCalendar()
    assert cal.is_workday(D(2099, 1, 1))  # a Thursday: New Year is unknown there
    assert not cal.is_workday(D(2099, 1, 3))  # Saturday


def test_uncovered_year_in_logs_is_a_warning():
    ds = dataset(
        posts=POSTS,
        staff=[person(start=D(2099, 1, 1))],
        logs=[log(D(2099, 1, 5))],
        as_of=D(2099, 12, 31),
    )
    codes = [(p.code, p.severity, p.row) for p in ds.problems]
    assert codes == [("calendar_not_covered", "warning", 2)]


def test_calendar_sheet_rows_reach_the_dataset():
    ds = dataset(
        calendar=[
            {"date": D(2025, 3, 3), "type": "放假", "note": "运动会"},
            {"date": "2025-03-08", "type": "Workday"},
        ]
    )
    assert not ds.calendar.is_workday(D(2025, 3, 3))
    assert ds.calendar.is_workday(D(2025, 3, 8))


def test_no_coverage_warning_for_a_year_the_calendar_sheet_has_rows_for():
    ds = dataset(
        posts=POSTS,
        staff=[person(start=D(2099, 1, 1))],
        logs=[log(D(2099, 1, 5)), log(D(2098, 12, 1))],
        calendar=[{"date": D(2099, 1, 1), "type": "放假", "note": "元旦"}],
        as_of=D(2099, 12, 31),
    )
    # 2099 is entered in the Calendar sheet; 2098 is not, so it alone is warned about.
    assert [(p.code, p.value) for p in ds.problems if p.code == "calendar_not_covered"] == [
        ("calendar_not_covered", 2098)
    ]
