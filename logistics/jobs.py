"""The jobs both front doors run: read a book, validate, compute, write owned sheets.

A ``Book`` is anything that can hand over the raw sheets and take result rows: a workbook
file (``logistics.io.file_book``) or an open Excel workbook (the xlwings adapter). Errors
block every job but ``validate``: then only the Validation sheet is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import pandas as pd

from .core import outputs, schema
from .core.dataset import Dataset, today
from .core.energy import MeterMonth, energy_month
from .core.parsing import parse_date
from .core.pay import annual_year_end_pay, pool_problems
from .core.periods import Month, Quarter, year_months
from .core.problems import Problem
from .core.rawbook import RawBook
from .core.scoring import MonthScore, score_month
from .core.summary import PeriodScore, summarize
from .core.validate import load

Rows = dict[str, list[outputs.Row]]  # sheet key -> rows below the header


class Book(Protocol):
    def read(self) -> RawBook: ...

    def write(self, rows: Rows, lang: str) -> None: ...


@dataclass
class JobResult:
    lang: str
    as_of: dt.date
    problems: list[Problem]
    written: list[str] = field(default_factory=list)  # sheet keys
    months: list[MonthScore] = field(default_factory=list)
    periods: list[PeriodScore] = field(default_factory=list)
    energy: list[MeterMonth] = field(default_factory=list)

    @property
    def blocked(self) -> bool:
        return any(p.is_error for p in self.problems)


def resolve_as_of(as_of: dt.date | None, raw: RawBook) -> dt.date:
    """The command line's --as-of, else the Home sheet's 截止日期, else today."""
    if as_of is not None:
        return as_of
    home = raw.home.get("as_of")
    if home is not None:
        parsed = parse_date(home)
        if isinstance(parsed, pd.Timestamp):
            return parsed.date()
    return today()


def read_dataset(book: Book, as_of: dt.date | None) -> tuple[Dataset, dt.date]:
    """Read the book, settle the as-of date and validate: what every job starts with."""
    raw = book.read()
    when = resolve_as_of(as_of, raw)
    return load(raw, when), when


Compute = Callable[[Dataset, dt.date, JobResult], tuple[Rows, list[Problem]]]


def _run(book: Book, as_of: dt.date | None, compute: Compute | None) -> JobResult:
    ds, when = read_dataset(book, as_of)
    result = JobResult(ds.lang, when, list(ds.problems))
    rows: Rows = {}
    if compute is not None and not ds.errors:
        rows, extra = compute(ds, when, result)
        result.problems += extra
    rows["validation"] = outputs.validation_rows(result.problems, ds.lang)
    book.write(rows, ds.lang)
    result.written = list(rows)
    return result


def validate(book: Book, as_of: dt.date | None = None) -> JobResult:
    return _run(book, as_of, None)


def months_with_data(ds: Dataset, as_of: dt.date) -> list[Month]:
    """Every month from the first log to the last one up to ``as_of`` (for ``score --all``)."""
    dates = ds.tables["logs"]["date"].dropna()
    dates = dates[dates.dt.date <= as_of]
    if dates.empty:
        return []
    first, last = Month.of(dates.min().date()), Month.of(dates.max().date())
    months = [first]
    while months[-1] < last:
        months.append(months[-1].shift(1))
    return months


def score(
    book: Book, months: Sequence[Month] | None = None, as_of: dt.date | None = None
) -> JobResult:
    """Monthly scores for ``months`` (None: every month with logs) into the Scores sheet."""

    def compute(ds: Dataset, when: dt.date, result: JobResult) -> tuple[Rows, list[Problem]]:
        chosen = list(months) if months is not None else months_with_data(ds, when)
        for month in chosen:
            result.months += score_month(ds, month, when)
        new = outputs.score_rows(result.months, ds.lang)
        merged = outputs.merge_period(
            ds.owned.get("scores"), schema.SCORES, {m.label for m in chosen}, new
        )
        return {"scores": merged}, pool_problems(ds, result.months)

    return _run(book, as_of, compute)


def summary(book: Book, quarters: Sequence[Quarter], as_of: dt.date | None = None) -> JobResult:
    """Quarterly averages into the Quarterly sheet."""

    def compute(ds: Dataset, when: dt.date, result: JobResult) -> tuple[Rows, list[Problem]]:
        for quarter in quarters:
            monthly = [x for m in quarter.months for x in score_month(ds, m, when)]
            result.periods += summarize(quarter.label, monthly, ds.settings)
        new = outputs.quarter_rows(result.periods, ds.lang)
        merged = outputs.merge_period(
            ds.owned.get("quarterly"), schema.QUARTERLY, {q.label for q in quarters}, new
        )
        return {"quarterly": merged}, []

    return _run(book, as_of, compute)


def rank(book: Book, year: int, as_of: dt.date | None = None) -> JobResult:
    """The year's ranking and pay into the Annual sheet."""

    def compute(ds: Dataset, when: dt.date, result: JobResult) -> tuple[Rows, list[Problem]]:
        for month in year_months(year, ds.settings.year_start_month):
            result.months += score_month(ds, month, when)
        result.periods = summarize(str(year), result.months, ds.settings)
        annual_year_end_pay(ds, year, result.periods)
        new = outputs.annual_rows(result.periods, ds.lang)
        merged = outputs.merge_period(ds.owned.get("annual"), schema.ANNUAL, {str(year)}, new)
        return {"annual": merged}, []

    return _run(book, as_of, compute)


def energy(book: Book, months: Sequence[Month], as_of: dt.date | None = None) -> JobResult:
    """Per-meter use of each month into the EnergyStats sheet."""

    def compute(ds: Dataset, when: dt.date, result: JobResult) -> tuple[Rows, list[Problem]]:
        problems: list[Problem] = []
        for month in months:
            stats, missing = energy_month(ds, month, when)
            result.energy += stats
            problems += missing
        new = outputs.energy_rows(result.energy, ds.lang)
        merged = outputs.merge_period(
            ds.owned.get("energy_stats"), schema.ENERGY_STATS, {m.label for m in months}, new
        )
        return {"energy_stats": merged}, problems

    return _run(book, as_of, compute)


@dataclass
class Explanation:
    lang: str
    as_of: dt.date
    score: MonthScore | None
    tables: dict[str, object]  # sheet key -> typed frame, for listing the rows behind a score
    problems: list[Problem]


def explain(book: Book, staff_id: str, month: Month, as_of: dt.date | None = None) -> Explanation:
    """The score of one person in one month with the rows behind each component (read only)."""
    ds, when = read_dataset(book, as_of)
    found = [x for x in score_month(ds, month, when, with_evidence=True) if x.staff_id == staff_id]
    return Explanation(ds.lang, when, found[0] if found else None, dict(ds.tables), ds.problems)
