"""What the pages show, as plain data: result tables, problems by sheet, an explanation.

Everything here reads; nothing writes. Result sheets are read from the file as the jobs
left them (``read_cached`` keeps the last few reads while the file is unchanged), problems
and explanations come from the same functions as ``logistics validate`` and
``logistics explain`` (``jobs.read_dataset``, ``jobs.explain``).
"""

from __future__ import annotations

import datetime as dt
import math
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from words import word

from .. import jobs
from ..core import outputs, schema
from ..core.periods import Month
from ..core.problems import display
from ..core.rawbook import RawBook
from ..core.rounding import to_float
from ..core.scoring import MonthScore
from ..explain_days import leave_rows
from ..io.file_book import FileBook
from ..io.reader import read_workbook

_CACHE: OrderedDict[tuple[str, int, int], RawBook] = OrderedDict()
_CACHE_LOCK = threading.Lock()
CACHE_SIZE = 4


def read_cached(path: Path) -> RawBook:
    """The workbook's raw sheets; read again only when the file changed (size or time)."""
    st = path.stat()
    key = (str(path.resolve()), st.st_mtime_ns, st.st_size)
    with _CACHE_LOCK:
        if key in _CACHE:
            _CACHE.move_to_end(key)
            return _CACHE[key]
    raw = read_workbook(path)
    with _CACHE_LOCK:
        _CACHE[key] = raw
        while len(_CACHE) > CACHE_SIZE:
            _CACHE.popitem(last=False)
    return raw


def result_sheets() -> list[schema.Sheet]:
    """The output sheets a page lists (Validation has its own page)."""
    return [s for s in schema.OUTPUT_SHEETS if s.key != "validation"]


def cell_text(value: object, column: schema.Column, lang: str) -> str:
    """A cell as the page prints it: whole numbers without .0, choices by their label."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if value is pd.NaT:
        return ""
    if column.kind is schema.Kind.BOOL and isinstance(value, bool):
        return schema.yes_no_label(value, lang)
    if column.kind is schema.Kind.CHOICE and isinstance(value, str):
        return next((c.label(lang) for c in column.choices if c.key == value), value)
    if isinstance(value, float):  # as the sheet's number format shows it
        fmt = column.num_format or ""
        if column.kind is schema.Kind.INT or (value.is_integer() and fmt == "0"):
            return str(int(value))
        if fmt.endswith(".00"):
            return f"{value:,.2f}" if "," in fmt else f"{value:.2f}"
        if fmt.endswith(".0"):
            return f"{value:.1f}"
        return f"{value:g}"
    return display(value)


@dataclass
class Table:
    sheet: schema.Sheet
    columns: list[schema.Column]
    rows: list[dict[str, object]]  # column key -> raw value
    periods: list[str]  # distinct values of the period column, newest first
    total: int  # rows before filtering


def result_table(
    raw: RawBook, key: str, *, period: str = "", query: str = "", sort: str = "", desc: bool = False
) -> Table:
    """One output sheet's rows, filtered by period and text and sorted by a column.

    ``sort`` is a column key (unknown keys keep the sheet's order); numbers sort as numbers,
    blanks last. ``query`` matches any cell's text, case-insensitively.
    """
    sheet = schema.SHEETS[key]
    found = raw.sheets.get(key)
    frame = found.frame if found is not None else pd.DataFrame()
    columns = [c for c in sheet.columns if c.key in frame.columns]
    rows = [{c.key: v for c, v in zip(columns, r, strict=True)} for r in _tuples(frame, columns)]
    total = len(rows)
    periods: list[str] = []
    if sheet.period and sheet.period in frame.columns:
        periods = sorted({display(v) for v in frame[sheet.period] if v is not None}, reverse=True)
        if period:
            rows = [r for r in rows if display(r.get(sheet.period)) == period]
    if query:
        folded = query.casefold()
        rows = [r for r in rows if any(folded in display(v).casefold() for v in r.values())]
    if sort in {c.key for c in columns}:
        filled = [r for r in rows if r.get(sort) is not None]
        blank = [r for r in rows if r.get(sort) is None]
        rows = sorted(filled, key=lambda r: _sort_key(r[sort]), reverse=desc) + blank
    return Table(sheet, columns, rows, periods, total)


def _tuples(frame: pd.DataFrame, columns: list[schema.Column]) -> list[tuple[object, ...]]:
    if frame.empty:
        return []
    return list(frame[[c.key for c in columns]].itertuples(index=False, name=None))


def _sort_key(value: object) -> tuple[int, float, str]:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return (0, float(value), "")
    return (1, 0.0, display(value))


@dataclass
class SheetProblems:
    sheet: str  # label in the page's language ("" for the whole workbook)
    rows: list[list[object]]  # row, column, value, severity, message
    errors: int


def problems_by_sheet(path: Path, lang: str) -> tuple[list[SheetProblems], int, int]:
    """Validation problems as ``logistics validate`` finds them, grouped by sheet (read only)."""
    ds, _ = jobs.read_dataset(FileBook(path), None)
    groups: dict[str, SheetProblems] = {}
    error_label = schema.SEVERITY[0].label(lang)
    for row in outputs.validation_rows(ds.problems, lang):
        label = str(row[0] or "")
        group = groups.setdefault(label, SheetProblems(label, [], 0))
        group.rows.append(row[1:])
        group.errors += row[4] == error_label
    errors = sum(p.is_error for p in ds.problems)
    return list(groups.values()), errors, len(ds.problems) - errors


@dataclass
class Component:
    name: str
    score: str
    how: str


@dataclass
class Evidence:
    title: str
    headers: list[str]
    rows: list[list[str]]  # Excel row number first


@dataclass
class PersonMonth:
    staff_id: str
    month: str
    as_of: dt.date
    heading: str = ""
    components: list[Component] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    has_errors: bool = False
    scored: bool = False


EVIDENCE_SHEETS = ("logs", "inspections", "requests", "meetings", "plans")


def explain_month(path: Path, staff_id: str, month: Month, lang: str) -> PersonMonth:
    """``logistics explain`` for the page: each component, how it came about, the rows."""
    ex = jobs.explain(FileBook(path), staff_id, month, None)
    out = PersonMonth(
        staff_id, month.label, ex.as_of, has_errors=any(p.is_error for p in ex.problems)
    )
    x = ex.score
    if x is None:
        return out
    out.scored = True
    out.heading = word(
        lang, "person_month_heading", staff_id=x.staff_id, name=x.name, post=x.post, month=x.month
    )
    out.components = _components(x, lang)
    out.evidence += _days(x, ex.tables, month, lang)
    out.evidence += _rows_behind(x, ex.tables, lang)
    return out


def _components(x: MonthScore, lang: str) -> list[Component]:
    """Each component's points and how they came about (SPEC 4.2), then the total."""

    def num(value: object) -> str:
        return f"{float(value):g}"  # type: ignore[arg-type]

    return [
        Component(
            word(lang, "log_score"),
            f"{to_float(x.log_score):g}",
            word(lang, "how_log", log_days=x.log_days, workdays=x.workdays),
        ),
        Component(
            word(lang, "quantity_score"),
            f"{to_float(x.quantity_score):g}",
            word(
                lang,
                "how_quantity",
                units=num(x.units),
                target=f"{float(x.target):.2f}",
                workdays=x.workdays,
                full=x.full_workdays,
            ),
        ),
        Component(
            word(lang, "quality_score"),
            f"{to_float(x.quality_score):g}",
            word(lang, "how_quality", points=f"{float(x.inspection_points):+g}"),
        ),
        Component(
            word(lang, "timeliness_score"),
            f"{to_float(x.timeliness_score):g}",
            word(lang, "how_timeliness", credits=num(x.credits), items=x.items),
        ),
        Component(
            word(lang, "total"),
            num(x.total),
            word(
                lang,
                "how_total",
                grade=outputs.grade_label(x.grade, lang),
                rank=x.rank,
                pay="—" if x.pay is None else f"{float(x.pay):,.2f}",  # a pool not yet given
            ),
        ),
    ]


def _rows_behind(x: MonthScore, tables: dict[str, pd.DataFrame], lang: str) -> list[Evidence]:
    """A table per sheet of the rows the score counted, with their Excel rows."""
    evidence = []
    for key in EVIDENCE_SHEETS:
        rows = x.evidence.get(key, [])
        if not rows:
            continue
        sheet = schema.SHEETS[key]
        frame = tables[key]
        columns = [c for c in sheet.columns if c.key != "staff_id"]  # the person is known
        title = word(lang, "rows_behind", sheet=sheet.label(lang), n=len(rows))
        headers = [word(lang, "excel_row"), *(c.label(lang) for c in columns)]
        body = [[str(r), *(cell_text(frame.at[r, c.key], c, lang) for c in columns)] for r in rows]
        evidence.append(Evidence(title, headers, body))
    return evidence


def _days(
    x: MonthScore, tables: dict[str, pd.DataFrame], month: Month, lang: str
) -> list[Evidence]:
    """The leave rows that removed working days and, after a transfer, the post of each run
    of working days (SPEC 4.1), as ``logistics explain`` lists them."""
    out = []
    mine = leave_rows(x, tables, month.first)
    if len(mine):
        sheet = schema.SHEETS["leave"]
        columns = [sheet.column(k) for k in ("start", "end", "type", "note")]
        out.append(
            Evidence(
                word(lang, "leave_removed", days=x.leave_days),
                [word(lang, "excel_row"), *(c.label(lang) for c in columns)],
                [
                    [str(r), *(cell_text(row[c.key], c, lang) for c in columns)]
                    for r, row in mine.iterrows()
                ],
            )
        )
    if len(x.post_periods) > 1:
        posts = tables.get("posts")
        names = (
            dict(zip(posts["post_id"], posts["post"], strict=True))
            if isinstance(posts, pd.DataFrame)
            else {}
        )
        out.append(
            Evidence(
                word(lang, "posts_by_day"),
                [word(lang, "working_days"), word(lang, "days"), word(lang, "post")],
                [
                    [
                        f"{p.first} – {p.last}",
                        str(p.days),
                        f"{p.post_id} {names.get(p.post_id, '')}",
                    ]
                    for p in x.post_periods
                ],
            )
        )
    return out


def person_totals(raw: RawBook, staff_id: str, months: list[Month]) -> list[float | None]:
    """The person's 总分 of each month on the Scores sheet (None where not scored)."""
    found = raw.sheets.get("scores")
    if found is None or "total" not in found.frame.columns:
        return [None] * len(months)
    frame = found.frame[found.frame["staff_id"].map(display) == staff_id]
    by_month = {display(m): t for m, t in zip(frame["month"], frame["total"], strict=True)}
    out: list[float | None] = []
    for m in months:
        value = by_month.get(m.label)
        out.append(float(value) if isinstance(value, int | float) else None)  # type: ignore[arg-type]
    return out


def grade_counts(raw: RawBook, key: str, period: str, lang: str) -> tuple[list[str], list[float]]:
    """People per grade in one period of Scores (a month) or Annual (a year)."""
    labels = [g.label(lang) for g in schema.GRADES]
    found = raw.sheets.get(key)
    sheet = schema.SHEETS[key]
    if found is None or "grade" not in found.frame.columns or sheet.period is None:
        return labels, [0.0] * len(labels)
    frame = found.frame[found.frame[sheet.period].map(display) == period]
    counts = [0.0] * len(schema.GRADES)
    for grade in frame["grade"]:
        for i, g in enumerate(schema.GRADES):
            if grade in (g.zh, g.en):
                counts[i] += 1
    return labels, counts


def energy_by_month(
    raw: RawBook, year: int
) -> dict[str, tuple[list[float | None], list[float | None]]]:
    """Per kind (电, 水 …): the year's use by month and last year's, from EnergyStats."""
    found = raw.sheets.get("energy_stats")
    out: dict[str, tuple[list[float | None], list[float | None]]] = {}
    if found is None or found.frame.empty:
        return out
    frame = found.frame
    for kind, group in frame.groupby(frame["kind"].map(display), sort=True):
        now: list[float | None] = [None] * 12
        before: list[float | None] = [None] * 12
        for label, use, last in zip(
            group["month"], group["usage"], group["last_year"], strict=True
        ):
            try:
                m = Month.parse(display(label))
            except ValueError:
                continue
            if m.year != year:
                continue
            i = m.month - 1
            if isinstance(use, int | float):
                now[i] = (now[i] or 0.0) + float(use)
            if isinstance(last, int | float):
                before[i] = (before[i] or 0.0) + float(last)
        if any(v is not None for v in now):
            out[str(kind)] = (now, before)
    return out
