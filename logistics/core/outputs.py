"""Results as the rows of the output sheets, in the workbook's language.

Owned sheets keep the rows of other periods: computing March replaces March's rows only.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from fractions import Fraction

import pandas as pd

from . import schema
from .energy import MeterMonth
from .month_score import MonthScore
from .parsing import parse_text
from .problems import Problem, display
from .rounding import to_float
from .summary import PeriodScore

Row = list[object]
SheetRows = dict[str, list[Row]]  # an owned sheet's key -> its rows below the header


def _num(value: Fraction | None) -> float | None:
    return None if value is None else float(value)


def grade_label(key: str, lang: str) -> str:
    return next(g.label(lang) for g in schema.GRADES if g.key == key)


def score_rows(scores: Iterable[MonthScore], lang: str) -> list[Row]:

    return [
        [
            x.month,
            x.staff_id,
            x.name,
            x.post,
            to_float(x.log_score),
            to_float(x.quantity_score),
            to_float(x.quality_score),
            to_float(x.timeliness_score),
            float(x.total),
            grade_label(x.grade, lang),
            x.rank,
            float(x.coef),
            _num(x.pay),
        ]
        for x in scores
    ]


def quarter_rows(rows: Iterable[PeriodScore], lang: str) -> list[Row]:
    return [
        [
            r.period,
            r.staff_id,
            r.name,
            r.post,
            r.months,
            float(r.average),
            grade_label(r.grade, lang),
            r.rank,
        ]
        for r in rows
    ]


def annual_rows(rows: Iterable[PeriodScore], lang: str) -> list[Row]:
    return [
        [
            int(r.period),
            r.staff_id,
            r.name,
            r.post,
            r.months,
            float(r.average),
            grade_label(r.grade, lang),
            r.rank,
            float(r.pay),
            _num(r.year_end_pay),
        ]
        for r in rows
    ]


def energy_rows(rows: Iterable[MeterMonth], lang: str) -> list[Row]:
    kinds = {c.key: c.label(lang) for c in schema.ENERGY_KIND}
    return [
        [
            r.month,
            r.meter,
            kinds.get(r.kind, r.kind),
            _num(r.usage),
            _num(r.last_year),
            _num(r.yoy),
            schema.yes_no_label(r.alert, lang),
            r.weekly_checks,
            r.open_findings,
        ]
        for r in rows
    ]


def validation_rows(problems: Iterable[Problem], lang: str) -> list[Row]:
    severity = {c.key: c.label(lang) for c in schema.SEVERITY}
    rows: list[Row] = []
    for p in problems:
        sheet = schema.SHEETS[p.sheet]
        label = column_label(p, lang)
        rows.append(
            [
                sheet.label(lang),
                p.row,
                label,
                display(p.value),
                severity[p.severity],
                p.message(lang, label),
            ]
        )
    return rows


def column_label(p: Problem, lang: str) -> str:
    if p.column is None:
        return ""
    sheet = schema.SHEETS[p.sheet]
    try:
        return sheet.column(p.column).label(lang)
    except KeyError:
        return p.column


def kept_rows(existing: pd.DataFrame | None, sheet: schema.Sheet, periods: set[str]) -> list[Row]:
    """The rows of ``sheet`` already in the workbook for periods other than ``periods``."""
    if existing is None or existing.empty or sheet.period not in existing.columns:
        return []
    frame = existing.reindex(columns=[c.key for c in sheet.columns])
    period = frame[sheet.period].map(lambda v: None if v is None else parse_text(v))
    frame = frame[~period.isin(periods)]
    return [
        [None if pd.isna(v) else v for v in row] for row in frame.itertuples(index=False, name=None)
    ]


def merge_period(
    existing: pd.DataFrame | None, sheet: schema.Sheet, periods: set[str], new_rows: Sequence[Row]
) -> list[Row]:
    """Rows of ``sheet`` for other periods as they were, plus ``new_rows``, in period order."""
    keys = [c.key for c in sheet.columns]
    kept = kept_rows(existing, sheet, periods)
    rank = keys.index("rank") if "rank" in keys else None

    def order(row: Row) -> tuple[str, float, str]:
        """Period, then rank (none: 0), then staff ID or meter (the second column)."""
        r = row[rank] if rank is not None else 0
        return (
            str(parse_text(row[0])) if row[0] is not None else "",
            float(r) if isinstance(r, int | float) else float("inf"),
            str(row[1]),
        )

    return sorted(kept + list(new_rows), key=order)
