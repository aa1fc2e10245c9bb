"""SPEC 3.1: the PayPools sheet (绩效总额). 期间 `YYYY-MM` is a month's pool, `YYYY` the
year-end pool of that appraisal year.

A clerk who types 2026-03 into Excel or WPS usually gets the date 2026-03-01 back, and 2026
becomes the number 2026; both mean what was typed. The column is read as text (see
``schema.PAY_POOLS``) and turned into a period label here.
"""

from __future__ import annotations

import re
from fractions import Fraction

import pandas as pd

from .periods import Month
from .settings import exact

_YEAR = re.compile(r"^\s*(\d{4})\s*年?\s*$")
# A date cell read as text: 2026-03-01 or 2026-03-01 00:00:00 (only the 1st: what Excel makes
# of a typed month; another day is not a period).
_MONTH_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-01(?:[ T]00:00(?::00)?)?\s*$")


def period_label(value: object) -> str | None:
    """'2026-03' for a month, '2026' for a year, None when ``value`` names neither."""
    if value is None:
        return None
    text = str(value)
    year = _YEAR.match(text)
    if year:
        return year.group(1)
    day_one = _MONTH_DATE.match(text)
    if day_one:
        text = f"{day_one.group(1)}-{day_one.group(2)}"
    try:
        return Month.parse(text).label
    except ValueError:
        return None


def pool_amounts(table: pd.DataFrame | None) -> dict[str, Fraction]:
    """Period label -> 总额(元), exact; the first row of a period wins (a repeat is an error)."""
    pools: dict[str, Fraction] = {}
    if table is None or table.empty:
        return pools
    for period, amount in zip(table["period"], table["amount"], strict=True):
        label = period_label(period)
        if label is not None and not pd.isna(amount) and label not in pools:
            pools[label] = exact(amount)
    return pools
