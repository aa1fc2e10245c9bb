"""The context of 节能通报, the monthly energy notice (``energy_notice_tpl.docx``)."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from logistics.core import schema
from logistics.core.dataset import Dataset
from logistics.core.energy import MeterMonth, energy_month
from logistics.core.energy_totals import totals_by_kind
from logistics.core.periods import Month
from words import word

from . import charts
from . import formatting as f
from .context import Context
from .lookups import staff_names


def energy_context(
    ds: Dataset,
    month: Month,
    as_of: dt.date,
    lang: str,
    rows: list[MeterMonth] | None = None,
) -> Context:
    """The context of the notice of ``month`` up to ``as_of`` (``rows``: its MeterMonths, when
    the caller has them): totals like for like (SPEC 4.4), each meter against last year, the
    alerts, and the check findings of the month and those still not fixed."""
    rows = rows if rows is not None else energy_month(ds, month, as_of)[0]
    end = min(month.last, as_of)
    table = ds.tables["energy"]
    upto = table[table["date"] <= pd.Timestamp(end)]
    in_month = upto[upto["date"] >= pd.Timestamp(month.first)]
    found = in_month[in_month["finding"].notna()].sort_values(["date", "meter"], kind="stable")
    still_open = upto[upto["finding"].notna() & ~upto["fixed"].eq(True)]
    still_open = still_open.sort_values(["date", "meter"], kind="stable")
    names = staff_names(ds)
    totals: Context = {}
    for kind, total in totals_by_kind(rows).items():  # like for like (SPEC 4.4)
        totals.update(f.energy_total(kind, total))
    return {
        "school": ds.settings.school_name,
        "month": month.label,
        "month_title": f.month_title(month, lang),
        "as_of": f.long_date(as_of, lang),
        "issue_date": f.long_date(as_of, lang),
        "month_end": f.long_date(end, lang),
        "alert_percent": f"{f.number(ds.settings.energy_alert_percent)}%",
        "totals": totals,
        "checks": {
            "weekly": in_month.loc[in_month["check_type"] == "weekly", "date"].nunique(),
            "monthly": in_month.loc[in_month["check_type"] == "monthly", "date"].nunique(),
            "findings": len(found),
        },
        "meters": _meters(rows, lang),
        "meter_chart": charts.meter_chart(
            [r.meter for r in rows],
            [r.kind for r in rows],
            [None if r.usage is None else float(r.usage) for r in rows],
            [None if r.last_year is None else float(r.last_year) for r in rows],
            lang,
        ),
        "alerts": _alerts(rows, found, lang),
        "findings": _findings(found, names, lang),
        "open_findings": _open_findings(still_open, names, end),
    }


def _meters(rows: list[MeterMonth], lang: str) -> list[Context]:
    """A row per meter: its use, last year's, the change and whether it alerts."""
    return [
        {
            "meter": r.meter,
            "kind": f.choice(schema.ENERGY_KIND, r.kind, lang),
            "unit": f.UNITS.get(r.kind, ""),
            "usage": f.amount(r.usage),
            "last_year": f.amount(r.last_year),
            "yoy": f.change(r.yoy),
            "alert": f.yes_no(r.alert, lang),
            "weekly_checks": r.weekly_checks,
            "open_findings": r.open_findings,
        }
        for r in rows
    ]


def _alerts(rows: list[MeterMonth], found: pd.DataFrame, lang: str) -> list[Context]:
    """The meters that alert, each with the month's findings on it (``found``: those rows)."""
    findings_by_meter = {
        str(meter): word(lang, "clause_sep").join(dict.fromkeys(group["finding"].map(f.text)))
        for meter, group in found.groupby("meter", sort=False)
    }
    return [
        {
            "meter": r.meter,
            "usage": f"{f.amount(r.usage)} {f.UNITS.get(r.kind, '')}".strip(),
            "last_year": f.amount(r.last_year),
            "yoy": f.change(r.yoy),
            "findings": findings_by_meter.get(r.meter, f.BLANK),
        }
        for r in rows
        if r.alert
    ]


def _findings(found: pd.DataFrame, names: dict[str, str], lang: str) -> list[Context]:
    """The month's check rows with a finding, by date then meter."""
    return [
        {
            "date": f.short_date(f.day(row["date"])),
            "meter": f.text(row["meter"]),
            "check": f.choice(schema.CHECK_TYPE, row["check_type"], lang),
            "finding": f.text(row["finding"]),
            "checker": names.get(f.text(row["staff_id"]), f.text(row["staff_id"])),
            "fixed": f.yes_no(row["fixed"], lang),
        }
        for _, row in found.iterrows()
    ]


def _open_findings(still_open: pd.DataFrame, names: dict[str, str], end: dt.date) -> list[Context]:
    """Findings up to ``end`` not yet fixed, with the days they have been open at ``end``."""
    return [
        {
            "date": f.short_date(f.day(row["date"])),
            "meter": f.text(row["meter"]),
            "finding": f.text(row["finding"]),
            "checker": names.get(f.text(row["staff_id"]), f.text(row["staff_id"])),
            "days": (end - (f.day(row["date"]) or end)).days,
        }
        for _, row in still_open.iterrows()
    ]
