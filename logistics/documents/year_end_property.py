"""The year-end report's property, repairs and satisfaction sections (SPEC §5, §4.8):
held value by category, the year's count, loans past due, repeat repairs as candidates for
the next repair or equipment plan, and 满意度 means per person and for the school."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from logistics.core import schema
from logistics.core.assets import asset_stats
from logistics.core.dataset import Dataset
from logistics.core.repairs import repair_window, repairs_between, repeat_repairs, satisfaction
from words import word

from . import formatting as f
from .context import Context
from .lookups import staff_names
from .property_figures import count_context, count_figures, overdue_loan_rows


def property_context(ds: Dataset, year: int, first: dt.date, until: dt.date, lang: str) -> Context:
    """``{"property": …, "satisfaction": …}`` for the year-end report of ``year``, whose
    months run from ``first``; figures are as of ``until`` (the year's end or the as-of date,
    whichever is earlier). The count is that of calendar year ``year``."""
    return {
        "property": _property(ds, year, until, lang),
        "satisfaction": _satisfaction(ds, first, until, lang),
    }


def _property(ds: Dataset, year: int, until: dt.date, lang: str) -> Context:
    stats = asset_stats(ds.tables["assets"], until)
    categories = []
    for choice in schema.ASSET_CATEGORY:
        mine = [s for s in stats if s.category == choice.key]
        if mine:
            categories.append(
                {
                    "category": choice.label(lang),
                    "assets": sum(s.items for s in mine),
                    "quantity": sum(s.quantity for s in mine),
                    "value": f.money(sum((s.amount for s in mine), Fraction(0))),
                    "idle": sum(s.idle for s in mine),
                    "in_repair": sum(s.in_repair for s in mine),
                }
            )
    figures = count_figures(ds, year)
    threshold = ds.settings.repeat_repairs
    start, end = repair_window(until)
    repeats = repeat_repairs(ds.tables["requests"], ds.tables["assets"], until, threshold)
    return {
        "as_of": f.long_date(until, lang),
        "categories": categories,
        "assets": sum(s.items for s in stats),
        "quantity": sum(s.quantity for s in stats),
        "value": f.money(sum((s.amount for s in stats), Fraction(0))),
        "has_count": figures.first is not None,
        "count": count_context(figures, ds, lang),
        "overdue_loans": overdue_loan_rows(ds, until, lang),
        "threshold": threshold,
        "window": f"{f.short_date(start)}{word(lang, 'range_to')}{f.short_date(end)}",
        "repairs": len(repairs_between(ds.tables["requests"], start, end)),
        "repeats": [
            {
                "what": word(lang, "name_detail", name=r.name, detail=r.key)
                if r.kind == "asset"
                else word(lang, "no_asset_given"),
                "location": r.location,
                "count": r.count,
                "last": f.short_date(r.last),
                "plan": word(lang, "equipment_replace")
                if r.kind == "asset"
                else word(lang, "repairs"),
            }
            for r in repeats
        ],
    }


def _satisfaction(ds: Dataset, first: dt.date, until: dt.date, lang: str) -> Context:
    people, school = satisfaction(ds.tables["requests"], first, until)
    names = staff_names(ds)
    return {
        "ratings": school.ratings,
        "mean": _mean(school.mean),
        "people": [
            {
                "staff_id": p.staff_id,
                "name": names.get(p.staff_id or "", p.staff_id or ""),
                "ratings": p.ratings,
                "mean": _mean(p.mean),
            }
            for p in people
        ],
    }


def _mean(value: Fraction | None) -> str:
    """A mean rating out of 5, one decimal, rounded half up (4.33… -> "4.3")."""
    return f.score(value)
