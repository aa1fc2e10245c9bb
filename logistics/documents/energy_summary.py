"""Energy use by kind (electricity, water) per month: the core's like-for-like totals
(``logistics.core.energy_totals``, SPEC 4.4) of its per-meter months, for the documents."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from logistics.core.dataset import Dataset
from logistics.core.energy import MeterMonth, energy_month
from logistics.core.energy_totals import KINDS, EnergyTotal, energy_total, totals_by_kind
from logistics.core.periods import Month

__all__ = ["KINDS", "KindMonth", "kind_months", "year_totals"]


@dataclass
class KindMonth:
    month: Month
    totals: dict[str, EnergyTotal]  # kind -> like-for-like total over its meters
    meters: list[MeterMonth]


def kind_months(ds: Dataset, months: list[Month], as_of: dt.date) -> list[KindMonth]:
    """Per month of ``months`` (those begun by ``as_of``): totals per kind and the meter rows."""
    out = []
    for month in months:
        rows = energy_month(ds, month, as_of)[0] if month.first <= as_of else []
        out.append(KindMonth(month, totals_by_kind(rows), rows))
    return out


def year_totals(months: list[KindMonth]) -> dict[str, EnergyTotal]:
    """{kind: like-for-like total over every meter-month of ``months``}."""
    return {k: energy_total(r for km in months for r in km.meters if r.kind == k) for k in KINDS}
