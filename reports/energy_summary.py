"""Energy use added up by kind (electricity, water) from the core's per-meter months."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

from logistics.core.dataset import Dataset
from logistics.core.energy import MeterMonth, energy_month
from logistics.core.periods import Month

KINDS = ("electricity", "water")


@dataclass
class KindMonth:
    month: Month
    usage: dict[str, Fraction | None]  # kind -> sum over meters (None when no meter has one)
    last_year: dict[str, Fraction | None]
    meters: list[MeterMonth]


def _sum(values: list[Fraction | None]) -> Fraction | None:
    known = [v for v in values if v is not None]
    return sum(known, Fraction(0)) if known else None


def by_kind(
    rows: list[MeterMonth],
) -> tuple[dict[str, Fraction | None], dict[str, Fraction | None]]:
    """This month's use and last year's per kind, over the meters that have a value."""
    usage = {k: _sum([r.usage for r in rows if r.kind == k]) for k in KINDS}
    last = {k: _sum([r.last_year for r in rows if r.kind == k]) for k in KINDS}
    return usage, last


def kind_months(ds: Dataset, months: list[Month], as_of: dt.date) -> list[KindMonth]:
    """Per month of ``months`` (those begun by ``as_of``): use per kind and the meter rows."""
    out = []
    for month in months:
        if month.first > as_of:
            out.append(KindMonth(month, dict.fromkeys(KINDS), dict.fromkeys(KINDS), []))
            continue
        rows, _missing = energy_month(ds, month, as_of)
        usage, last = by_kind(rows)
        out.append(KindMonth(month, usage, last, rows))
    return out


def total(values: list[Fraction | None]) -> Fraction | None:
    return _sum(values)
