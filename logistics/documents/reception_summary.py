"""The receptions sections of the year-end report and the monthly notice (SPEC 5): counts,
costs, findings of the reception regulation and budget use, from the same
``core.receptions`` statistics that fill the ReceptionStats sheet."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from fractions import Fraction

from logistics.core.dataset import Dataset
from logistics.core.periods import Month
from logistics.core.receptions import (
    FINDINGS,
    Reception,
    ReceptionMonth,
    finding_keys,
    finding_label,
    findings,
    in_months,
    reception_month,
    receptions,
)
from words import word

from . import formatting as f
from .context import Context


def _budget_used(stats: ReceptionMonth) -> str:
    return f.BLANK if stats.budget_used is None else f"{float(stats.budget_used):.1f}%"


def _by_date(rows: list[Reception]) -> list[Reception]:
    return sorted(rows, key=lambda r: (r.date or dt.date.min, r.row))


def _listed(r: Reception, ds: Dataset, lang: str) -> Context:
    keys = finding_keys(findings(r, ds.settings))
    return {
        "id": r.reception_id,
        "date": f.short_date(r.date),
        "visitor": r.visitor,
        "purpose": r.purpose,
        "people": f"{r.guests} / {r.hosts}",
        "total": f.money(r.total),
        "findings": word(lang, "list_sep").join(finding_label(k, lang) for k in keys)
        or word(lang, "complies_rule"),
    }


def reception_year(ds: Dataset, months: list[Month], as_of: dt.date, lang: str) -> Context:
    """The year-end report's receptions: the year's totals, each month, each kind of finding
    and the receptions with findings. ``months``: the appraisal year's twelve months."""
    table = receptions(ds.tables["receptions"])
    stats = [reception_month(table, m, ds.settings, as_of) for m in months]
    mine = _by_date(in_months(table, months[0], months[-1], as_of))
    found = {r.row: finding_keys(findings(r, ds.settings)) for r in mine}
    kinds = Counter(k for keys in found.values() for k in keys)
    count = len(mine)
    last = stats[-1]
    total = sum((x.total for x in stats), Fraction(0))
    return {
        "count": count,
        "guests": sum(x.guests for x in stats),
        "hosts": sum(x.hosts for x in stats),
        "meal": f.money(sum((x.meal_cost for x in stats), Fraction(0))),
        "lodging": f.money(sum((x.lodging_cost for x in stats), Fraction(0))),
        "other": f.money(sum((x.other_cost for x in stats), Fraction(0))),
        "total": f.money(total),
        "per_visit": f.money(total / count if count else None),
        "flagged": sum(x.flagged for x in stats),
        "flagged_share": f.ratio(sum(x.flagged for x in stats), count),
        "budget": "" if last.budget is None else f.money(last.budget),
        "budget_used": _budget_used(last),
        "months": [
            {
                "month": f.month_short(m, lang),
                "count": x.receptions,
                "guests": x.guests,
                "hosts": x.hosts,
                "total": f.money(x.total),
                "flagged": x.flagged,
                "year_to_date": f.money(x.year_to_date),
                "budget_used": _budget_used(x),
            }
            for m, x in zip(months, stats, strict=True)
        ],
        "kinds": [
            {
                "finding": finding_label(key, lang),
                "count": kinds.get(key, 0),
                "share": f.ratio(kinds.get(key, 0), count),
            }
            for key in FINDINGS
        ],
        "flagged_list": [_listed(r, ds, lang) for r in mine if found[r.row]],
    }


def reception_notice(ds: Dataset, month: Month, as_of: dt.date, lang: str) -> Context:
    """The monthly notice's receptions: the month's figures, the year to date and budget
    use, and every reception of the month with its findings."""
    table = receptions(ds.tables["receptions"])
    x = reception_month(table, month, ds.settings, as_of)
    return {
        "count": x.receptions,
        "guests": x.guests,
        "hosts": x.hosts,
        "total": f.money(x.total),
        "flagged": x.flagged,
        "year_to_date": f.money(x.year_to_date),
        "budget": "" if x.budget is None else f.money(x.budget),
        "budget_used": _budget_used(x),
        "rows": [_listed(r, ds, lang) for r in _by_date(in_months(table, month, month, as_of))],
    }
