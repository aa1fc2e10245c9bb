"""The Home sheet's 考核月份, 考核年度 and 截止日期 as typed, parsed one way for every door.

The Excel buttons, the workbench, the documents and the jobs all read these three fields
through here, so one workbook means the same month, year and as-of date wherever it is
opened (SPEC §3.1 控制台 / Home). A blank field is ``None`` (the caller picks its default);
a field that holds something else raises ``UsageError`` naming the field and the fix, never
a silent fallback to another period.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from .errors import UsageError
from .parsing import parse_date
from .periods import Month

# The years a Home 考核年度 (and a --year) may name: four digits, as the messages ask.
FIRST_YEAR = 1900
LAST_YEAR = 9999


def is_year(year: int) -> bool:
    """Whether ``year`` is in FIRST_YEAR..LAST_YEAR."""
    return FIRST_YEAR <= year <= LAST_YEAR


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value).strip()


def home_month(value: object) -> Month | None:
    """考核月份: a text month (2025-03, 2025/3, 2025年3月) or a date Excel made of one.

    Returns None when blank; raises ``UsageError`` otherwise when it is not a month.
    """
    if isinstance(value, dt.date) and is_year(value.year):  # Excel made a date of 2025-03
        return Month.of(value)
    text = _text(value)
    if not text:
        return None
    month: Month | None
    try:
        month = Month.parse(text)
    except ValueError:
        month = None
    if month is None or not is_year(month.year):
        raise UsageError(said="home_month_bad", text=text)
    return month


def home_year(value: object) -> int | None:
    """考核年度: a whole number FIRST_YEAR..LAST_YEAR, typed as a number or as text.

    Returns None when blank; raises ``UsageError`` otherwise when it is not such a year.
    """
    text = _text(value)
    if not text:
        return None
    if not isinstance(value, bool) and text.isdigit() and is_year(int(text)):
        return int(text)
    raise UsageError(said="home_year_bad", text=text)


def home_as_of(value: object, date1904: bool = False) -> dt.date | None:
    """截止日期: a date cell, a text date (2025-12-31, 2025年12月31日) or an Excel serial
    number counted in the workbook's date system (``date1904``).

    Returns None when blank; raises ``UsageError`` otherwise when it is not a date.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value)
    if not text:
        return None
    parsed = parse_date(value, date1904)  # the rule every date column follows
    day: dt.date | None = parsed.date() if isinstance(parsed, pd.Timestamp) else None
    if day is None or not is_year(day.year):
        raise UsageError(said="home_as_of_bad", text=text)
    return day
