"""How numbers, dates and enumerations read in a document, in Chinese or English.

Contexts hand templates finished strings: a clerk editing a template never needs a filter,
and a score reads the same in the document as on the sheet (rounded half up).
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pandas as pd

from logistics.core import schema
from logistics.core.energy_totals import EnergyTotal
from logistics.core.periods import Month
from logistics.core.rounding import round_half_up
from words import Both, pick, word

BLANK = "—"
FILL = "_" * 10  # a blank field on a document to sign: a line to fill in by hand
FILL_LONG = "_" * 36
# Chinese weekday names; English ones come from strftime
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
UNITS = {"electricity": "kWh", "water": "m³"}


def score(value: Fraction | None) -> str:
    """One decimal, rounded half up: 92.45 -> "92.5"."""
    return BLANK if value is None else f"{float(round_half_up(value, 1)):.1f}"


def money(value: Fraction | None) -> str:
    """Yuan with two decimals and thousands separators: "2,640.00"."""
    return BLANK if value is None else f"{float(round_half_up(value, 2)):,.2f}"


def amount(value: Fraction | None) -> str:
    """A meter quantity: one decimal, thousands separators."""
    return BLANK if value is None else f"{float(round_half_up(value, 1)):,.1f}"


def number(value: Fraction | float | int | None) -> str:
    """A setting or target as typed: 20, 0.5, 1.2 (no trailing zeros)."""
    if value is None:
        return BLANK
    exact = Fraction(value) if not isinstance(value, float) else Fraction(repr(value))
    text = f"{float(round_half_up(exact, 2)):.2f}".rstrip("0").rstrip(".")
    return text or "0"


def coef(value: Fraction) -> str:
    return f"{float(round_half_up(value, 2)):.2f}"


def ratio(part: int | Fraction, whole: int | Fraction) -> str:
    """A share as a percentage with one decimal: "85.0%"; "—" when there is nothing to share."""
    if not whole:
        return BLANK
    return f"{float(round_half_up(Fraction(part) / Fraction(whole) * 100, 1)):.1f}%"


def percent(value: Fraction) -> str:
    """A percentage rounded half up to a whole number: "57%"."""
    return f"{int(round_half_up(value, 0))}%"


def change(yoy: Fraction | None) -> str:
    """A year-on-year change in percent with its sign: "+12.3%", "-4.0%"."""
    if yoy is None:
        return BLANK
    rounded = float(round_half_up(yoy, 1))
    return f"{rounded:+.1f}%" if rounded else "0.0%"


def energy_total(kind: str, total: EnergyTotal) -> dict[str, str]:
    """``kind`` (all use), ``kind_compared`` and ``kind_last`` (the like-for-like pair the
    change is taken over) and ``kind_yoy`` of a core total, as a document shows them."""
    return {
        kind: amount(total.usage),
        f"{kind}_compared": amount(total.compared),
        f"{kind}_last": amount(total.last_year),
        f"{kind}_yoy": change(total.yoy),
    }


def mean(values: list[Fraction]) -> Fraction | None:
    return sum(values, Fraction(0)) / len(values) if values else None


def long_date(day: dt.date, lang: str) -> str:
    month = Both(str(day.month), MONTHS_EN[day.month - 1])
    return word(lang, "long_date", year=day.year, month=month, day=day.day)


def short_date(day: dt.date | None) -> str:
    return BLANK if day is None else day.isoformat()


def weekday(day: dt.date, lang: str) -> str:
    return pick(lang, word("zh", WEEKDAYS[day.weekday()]), day.strftime("%A"))


def month_title(month: Month, lang: str) -> str:
    name = Both(str(month.month), MONTHS_EN[month.month - 1])
    return word(lang, "month_title", year=month.year, month=name)


def month_short(month: Month, lang: str) -> str:
    return word(lang, "month_short", month=Both(str(month.month), MONTHS_EN[month.month - 1]))


def choice(choices: tuple[schema.Choice, ...], key: object, lang: str) -> str:
    """The label of an enumeration key (``"large"`` -> 大型 / Large)."""
    return next(
        (c.label(lang) for c in choices if c.key == key), BLANK if key is None else str(key)
    )


def grade(key: str, lang: str) -> str:
    return choice(schema.GRADES, key, lang)


def yes_no(value: object, lang: str) -> str:
    return schema.yes_no_label(value is True, lang)


def is_blank(value: object) -> bool:
    return value is None or (not isinstance(value, str | list | tuple) and bool(pd.isna(value)))


def text(value: object) -> str:
    """A typed cell as text; blank for an empty cell. Never evaluated: the template escapes it."""
    return "" if is_blank(value) else str(value)


def day(value: object) -> dt.date | None:
    """A typed date cell (a pandas Timestamp) as a date; None when blank."""
    if is_blank(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    return value if isinstance(value, dt.date) else None
