"""SPEC 4.4, last paragraph: totals over several meters, compared like for like.

A meter counts in a year-on-year comparison only for the months where both its 用量 and its
去年同期 exist, and both sides are summed over exactly those meter-months. So a meter new
this year adds to the year's use but not to its change, and a document's "全年 … 同比" never
puts twelve months beside two.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from .energy import MeterMonth, yoy_percent

KINDS = ("electricity", "water")


@dataclass(frozen=True)
class EnergyTotal:
    usage: Fraction | None  # use over every meter-month that has one (None: none has)
    compared: Fraction | None  # use over the meter-months that have a 去年同期 as well
    last_year: Fraction | None  # 去年同期 over those same meter-months
    yoy: Fraction | None  # percent, rounded half up to 0.1; None when last_year is None or 0


def energy_total(rows: Iterable[MeterMonth]) -> EnergyTotal:
    """The like-for-like total of ``rows`` (meter-months, of one kind or several months)."""
    usage: Fraction | None = None
    compared: Fraction | None = None
    last: Fraction | None = None
    for r in rows:
        if r.usage is not None:
            usage = (usage or Fraction(0)) + r.usage
            if r.last_year is not None:
                compared = (compared or Fraction(0)) + r.usage
                last = (last or Fraction(0)) + r.last_year
    return EnergyTotal(usage, compared, last, yoy_percent(compared, last))


def totals_by_kind(rows: Iterable[MeterMonth]) -> dict[str, EnergyTotal]:
    """{kind: like-for-like total} for electricity and water."""
    items = list(rows)
    return {k: energy_total(r for r in items if r.kind == k) for k in KINDS}
