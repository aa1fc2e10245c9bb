"""The one Home parser: 考核月份, 考核年度 and 截止日期 as Excel, WPS or a person leave them."""

from __future__ import annotations

import datetime as dt

import pytest

from logistics.actions import Home
from logistics.core.errors import UsageError
from logistics.core.home_fields import FIRST_YEAR, LAST_YEAR, home_as_of, home_month, home_year
from logistics.core.periods import Month


@pytest.mark.parametrize(
    ("value", "month"),
    [
        ("2025-03", Month(2025, 3)),
        (" 2025/3 ", Month(2025, 3)),
        ("2025年3月", Month(2025, 3)),
        (dt.date(2025, 3, 1), Month(2025, 3)),  # Excel made a date of a typed 2025-03
        (dt.datetime(2025, 12, 1, 0, 0), Month(2025, 12)),
        ("1900-01", Month(1900, 1)),
        ("9999-12", Month(9999, 12)),
        (None, None),
        ("", None),
        ("   ", None),
    ],
)
def test_home_month(value, month):
    assert home_month(value) == month


@pytest.mark.parametrize("value", ["2025-13", "2025-00", "三月", "1899-12", "25-03", 45717.0])
def test_a_home_month_that_is_not_one_is_an_error_naming_it(value):
    with pytest.raises(UsageError) as caught:
        home_month(value)
    assert "考核月份" in caught.value.message("zh") and "Month" in caught.value.message("en")


@pytest.mark.parametrize(
    ("value", "year"),
    [
        (2025, 2025),
        (2025.0, 2025),  # a number cell
        (" 2025 ", 2025),
        (FIRST_YEAR, 1900),
        (LAST_YEAR, 9999),
        (None, None),
        ("", None),
    ],
)
def test_home_year(value, year):
    assert home_year(value) == year


@pytest.mark.parametrize("value", [1899, 10000, "25", 2025.5, "明年", "2025年", True, -2025])
def test_a_home_year_outside_1900_to_9999_or_not_whole_is_an_error(value):
    with pytest.raises(UsageError) as caught:
        home_year(value)
    assert "考核年度" in caught.value.message("zh")


@pytest.mark.parametrize(
    ("value", "day"),
    [
        (dt.date(2025, 12, 31), dt.date(2025, 12, 31)),
        (dt.datetime(2025, 12, 31, 0, 0), dt.date(2025, 12, 31)),
        ("2025-12-31", dt.date(2025, 12, 31)),
        (None, None),
        ("", None),
    ],
)
def test_home_as_of(value, day):
    assert home_as_of(value) == day


def test_an_as_of_serial_counts_in_the_workbooks_date_system():
    # Serial 45657 is 2024-12-31 counted from 1899-12-30; from 1904-01-01 it is 4 years
    # and a day later (1,462 days: the two systems' offset), 2029-01-01.
    assert home_as_of(45657.0) == dt.date(2024, 12, 31)
    assert home_as_of(45657.0, date1904=True) == dt.date(2029, 1, 1)


@pytest.mark.parametrize("value", ["2025-02-30", "明天", "31/12"])
def test_an_as_of_that_is_not_a_date_is_an_error_not_today(value):
    with pytest.raises(UsageError) as caught:
        home_as_of(value)
    assert "截止日期" in caught.value.message("zh")


def test_the_buttons_need_a_month_and_a_year_and_say_so_when_blank():
    with pytest.raises(UsageError, match="Month is empty"):
        Home({}).month()
    with pytest.raises(UsageError, match="Year is empty"):
        Home({"year": None}).year()
    assert Home({"month": "2025-03", "year": 2025.0}).year() == 2025


def test_the_buttons_take_any_year_the_command_line_takes():
    # Before: the buttons stopped at 2100, the documents at 9999.
    assert Home({"year": "2101"}).year() == 2101
