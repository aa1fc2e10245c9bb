"""Working days (SPEC 4.1): the Calendar sheet's overrides, then the official calendar.

``chinesecalendar`` knows the State Council's holidays and weekend make-up days for the
years it covers; for other years Monday to Friday are used and the caller warns.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
from collections.abc import Mapping
from functools import lru_cache

import chinese_calendar


@lru_cache(maxsize=64)
def official_year_covered(year: int) -> bool:
    try:
        chinese_calendar.is_workday(dt.date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


@lru_cache(maxsize=4096)
def _official_workday(day: dt.date) -> bool:
    if official_year_covered(day.year):
        return bool(chinese_calendar.is_workday(day))
    return day.weekday() < 5


class WorkCalendar:
    """Answers 'is this a working day' with the school's overrides taking precedence."""

    def __init__(self, overrides: Mapping[dt.date, bool] | None = None) -> None:
        self.overrides = dict(overrides or {})  # date -> True (补班) / False (放假)

    def is_workday(self, day: dt.date) -> bool:
        if day in self.overrides:
            return self.overrides[day]
        return _official_workday(day)

    def month_workdays(self, year: int, month: int) -> list[dt.date]:
        """All working days of the month, in order (WDfull)."""
        days = _calendar.monthrange(year, month)[1]
        return [
            d for d in (dt.date(year, month, i) for i in range(1, days + 1)) if self.is_workday(d)
        ]

    def workdays_between(self, start: dt.date, end: dt.date) -> int:
        """Number of working days d with start <= d <= end."""
        count = 0
        day = start
        while day <= end:
            count += self.is_workday(day)
            day += dt.timedelta(days=1)
        return count


def uncovered_years(years: set[int]) -> list[int]:
    """Years the official calendar does not know (Monday–Friday fallback applies)."""
    return sorted(y for y in years if not official_year_covered(y))
