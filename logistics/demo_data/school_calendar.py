"""Dates for the demo school: the school's own workday overrides for the year, and small date
helpers the other tables share."""

from __future__ import annotations

import calendar as _calendar
import datetime as dt

from ..core.workdays import WorkCalendar

D = dt.date
DAY = dt.timedelta(days=1)


def calendar_rows(year: int) -> list[tuple[dt.date, str, str]]:
    """The school's own overrides: a Saturday sports meet worked, a day off in lieu, and a
    Saturday of opening preparations."""
    official = WorkCalendar()
    day = D(year, 10, 18)
    while not (
        day.weekday() == 5 and not official.is_workday(day) and official.is_workday(day + 2 * DAY)
    ):
        day += DAY
    opening = D(year, 8, 23)
    while opening.weekday() != 5 or official.is_workday(opening):
        opening += DAY
    return [
        (opening, "workday", "秋季开学准备，后勤全员返岗（周六补班）"),
        (day, "workday", "秋季田径运动会，后勤全员保障（周六补班）"),
        (day + 2 * DAY, "holiday", "运动会调休"),
    ]


def first_workday(cal: WorkCalendar, day: dt.date) -> dt.date:
    while not cal.is_workday(day):
        day += DAY
    return day


def days_in(year: int, month: int) -> int:
    return _calendar.monthrange(year, month)[1]
