"""The jobs both front doors run: read a book, validate, compute, write owned sheets.

A ``Book`` is anything that can hand over the raw sheets and take result rows: a workbook
file (``logistics.io.file_book``) or an open Excel workbook (the xlwings adapter). Errors
block every job but ``validate``: then only the Validation sheet is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from .core import asset_outputs, lookups, outputs, schema
from .core.assets import AssetStat, CountLine, asset_stats, count_result, counts_in_year
from .core.dataset import Dataset, today
from .core.energy import MeterMonth, energy_month
from .core.home_fields import home_as_of
from .core.month_score import MonthScore
from .core.outputs import SheetRows
from .core.pay import annual_year_end_pay, pool_problems
from .core.periods import Month, Quarter, year_months
from .core.problems import Problem
from .core.rawbook import RawBook, RawSheet
from .core.receptions import ReceptionMonth, reception_month, reception_stat_rows, receptions
from .core.recorded import not_recorded, period_not_recorded, recorded_months, score_recorded
from .core.score_basis import ScoreBasis
from .core.scoring import score_month
from .core.sheet_check import SheetCheck
from .core.summary import PeriodScore, summarize
from .core.validate import check_sheet, load

if TYPE_CHECKING:
    import pandas as pd


class Book(Protocol):
    def read(self) -> RawBook: ...

    def write(self, rows: SheetRows, lang: str) -> None: ...


@runtime_checkable
class ReadsEach(Protocol):
    """A book that can call ``on_sheet(sheet, date1904)`` with each sheet as soon as it has
    read it, in the order it reads them, and then return the whole ``RawBook`` as ``read``."""

    def read_each(self, on_sheet: Callable[[RawSheet, bool], None]) -> RawBook: ...


@dataclass
class JobResult:
    lang: str
    as_of: dt.date
    problems: list[Problem]
    school: str = ""  # Settings' SchoolName
    written: list[str] = field(default_factory=list)  # sheet keys
    months: list[MonthScore] = field(default_factory=list)
    periods: list[PeriodScore] = field(default_factory=list)
    energy: list[MeterMonth] = field(default_factory=list)
    receptions: list[ReceptionMonth] = field(default_factory=list)
    asset_stats: list[AssetStat] = field(default_factory=list)
    count_lines: list[CountLine] = field(default_factory=list)
    checked: int = 0  # how many of ``problems`` (the first) came from checking the input

    @property
    def blocked(self) -> bool:
        return any(p.is_error for p in self.problems)


def resolve_as_of(as_of: dt.date | None, raw: RawBook) -> dt.date:
    """The command line's --as-of, else the Home sheet's 截止日期, else today; a 截止日期
    that is not a date raises ``UsageError`` (core.home_fields)."""
    if as_of is not None:
        return as_of
    return home_as_of(raw.home.get("as_of"), raw.date1904) or today()


def read_dataset(book: Book, as_of: dt.date | None) -> tuple[Dataset, dt.date]:
    """Read the book, settle the as-of date and validate: what every job starts with.

    A book that hands each sheet over as it reads it (``ReadsEach``: a workbook file) has
    each input sheet checked then, while the next one is parsed; ``load`` takes those."""
    checked: dict[str, SheetCheck] = {}
    if isinstance(book, ReadsEach):
        raw = book.read_each(partial(_check_now, checked))
    else:
        raw = book.read()
    when = resolve_as_of(as_of, raw)
    return load(raw, when, checked), when


def _check_now(checked: dict[str, SheetCheck], raw: RawSheet, date1904: bool) -> None:
    """Check input sheet ``raw`` on its own into ``checked`` (an owned sheet is not checked)."""
    checked.pop(raw.key, None)
    if schema.SHEETS[raw.key].owned:
        return
    with suppress(Exception):  # ``load`` checks it again and fails as it always has
        checked[raw.key] = check_sheet(raw, date1904)


Compute = Callable[[Dataset, dt.date, JobResult], tuple[SheetRows, list[Problem]]]
Check = Callable[[Dataset, dt.date], None]  # raises UsageError for an argument that selects nothing


def _run(
    book: Book, as_of: dt.date | None, compute: Compute | None, check: Check | None = None
) -> JobResult:
    ds, when = read_dataset(book, as_of)
    if check is not None:  # before anything is written (SPEC §6: exit 2)
        check(ds, when)
    result = JobResult(
        ds.lang, when, list(ds.problems), ds.settings.school_name, checked=len(ds.problems)
    )
    rows: SheetRows = {}
    if compute is not None and not ds.errors:
        rows, extra = compute(ds, when, result)
        result.problems += extra
    rows["validation"] = outputs.validation_rows(result.problems, ds.lang)
    book.write(rows, ds.lang)
    result.written = list(rows)
    return result


def list_blocking_errors(book: Book, problems: list[Problem], lang: str) -> bool:
    """When errors block a job that writes no sheet of its own (a document), write every
    problem to the Validation sheet, as a blocked scoring job does (SPEC 4.5); return
    whether they blocked. ``lang``: the workbook's language. The three front doors (the
    command line, the Excel buttons, the workbench) call this, never the writer."""
    if not any(p.is_error for p in problems):
        return False
    book.write({"validation": outputs.validation_rows(problems, lang)}, lang)
    return True


def validate(book: Book, as_of: dt.date | None = None) -> JobResult:
    return _run(book, as_of, None)


def months_with_data(ds: Dataset, as_of: dt.date) -> list[Month]:
    """The recorded months up to ``as_of`` (for ``score --all``; SPEC 4.1)."""
    return recorded_months(ds, as_of)


def score(
    book: Book, months: Sequence[Month] | None = None, as_of: dt.date | None = None
) -> JobResult:
    """Monthly scores for ``months`` (None: every month with logs) into the Scores sheet."""

    def compute(ds: Dataset, when: dt.date, result: JobResult) -> tuple[SheetRows, list[Problem]]:
        chosen = list(months) if months is not None else months_with_data(ds, when)
        scored = score_recorded(ds, chosen, when)
        for month in chosen:
            result.months += scored.get(month, [])
        warnings = [not_recorded(m, when) for m in chosen if m not in scored]
        new = outputs.score_rows(result.months, ds.lang)
        merged = outputs.merge_period(
            ds.owned.get("scores"), schema.SCORES, {m.label for m in chosen}, new
        )
        return {"scores": merged}, warnings + pool_problems(ds, result.months)

    return _run(book, as_of, compute)


def summary(book: Book, quarters: Sequence[Quarter], as_of: dt.date | None = None) -> JobResult:
    """Quarterly averages into the Quarterly sheet."""

    def compute(ds: Dataset, when: dt.date, result: JobResult) -> tuple[SheetRows, list[Problem]]:
        warnings = []
        basis = ScoreBasis(ds)  # read once for every quarter
        for quarter in quarters:
            scored = score_recorded(ds, quarter.months, when, basis)
            if not scored:
                warnings.append(period_not_recorded(quarter.label, when))
            monthly = [x for scores in scored.values() for x in scores]
            result.periods += summarize(quarter.label, monthly, ds.settings)
        new = outputs.quarter_rows(result.periods, ds.lang)
        merged = outputs.merge_period(
            ds.owned.get("quarterly"), schema.QUARTERLY, {q.label for q in quarters}, new
        )
        return {"quarterly": merged}, warnings

    def check(ds: Dataset, when: dt.date) -> None:
        for quarter in quarters:
            lookups.require_quarter(ds, quarter, when)

    return _run(book, as_of, compute, check)


def rank(book: Book, year: int, as_of: dt.date | None = None) -> JobResult:
    """The year's ranking and pay into the Annual sheet."""

    def compute(ds: Dataset, when: dt.date, result: JobResult) -> tuple[SheetRows, list[Problem]]:
        scored = score_recorded(ds, year_months(year, ds.settings.year_start_month), when)
        for scores in scored.values():
            result.months += scores
        result.periods = summarize(str(year), result.months, ds.settings)
        annual_year_end_pay(ds, year, result.periods)
        new = outputs.annual_rows(result.periods, ds.lang)
        merged = outputs.merge_period(ds.owned.get("annual"), schema.ANNUAL, {str(year)}, new)
        return {"annual": merged}, [] if scored else [period_not_recorded(str(year), when)]

    return _run(book, as_of, compute, lambda ds, when: lookups.require_year(ds, year, when))


def energy(book: Book, months: Sequence[Month], as_of: dt.date | None = None) -> JobResult:
    """Per-meter use of each month into the EnergyStats sheet."""

    def compute(ds: Dataset, when: dt.date, result: JobResult) -> tuple[SheetRows, list[Problem]]:
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

    def check(ds: Dataset, when: dt.date) -> None:
        for month in months:
            lookups.require_reading_month(ds, month, when)

    return _run(book, as_of, compute, check)


def reception(book: Book, months: Sequence[Month], as_of: dt.date | None = None) -> JobResult:
    """Each month's receptions, costs, findings and budget use into ReceptionStats (SPEC 4.7)."""

    def compute(ds: Dataset, when: dt.date, result: JobResult) -> tuple[SheetRows, list[Problem]]:
        rows = receptions(ds.tables["receptions"])
        result.receptions = [reception_month(rows, m, ds.settings, when) for m in months]
        merged = outputs.merge_period(
            ds.owned.get("reception_stats"),
            schema.RECEPTION_STATS,
            {m.label for m in months},
            reception_stat_rows(result.receptions),
        )
        return {"reception_stats": merged}, []

    return _run(book, as_of, compute)


def assets(book: Book, as_of: dt.date | None = None) -> JobResult:
    """Held assets by category and location as of the as-of date into AssetStats (§4.8)."""

    def compute(ds: Dataset, when: dt.date, result: JobResult) -> tuple[SheetRows, list[Problem]]:
        result.asset_stats = asset_stats(ds.tables["assets"], when)
        label = when.isoformat()
        new = asset_outputs.asset_stats_rows(label, result.asset_stats, ds.lang)
        merged = asset_outputs.merge_in_order(
            ds.owned.get("asset_stats"), schema.ASSET_STATS, {label}, new
        )
        return {"asset_stats": merged}, []

    return _run(book, as_of, compute)


def inventory(book: Book, year: int, as_of: dt.date | None = None) -> JobResult:
    """The calendar year's count against the books into CountResult (§4.8); a year without
    Counts rows writes no rows for it and warns."""

    def compute(ds: Dataset, when: dt.date, result: JobResult) -> tuple[SheetRows, list[Problem]]:
        result.count_lines = count_result(ds.tables["assets"], ds.tables["counts"], year)
        problems = []
        if counts_in_year(ds.tables["counts"], year).empty:
            problems.append(Problem("counts_missing_year", "counts", None, "date", year))
        new = asset_outputs.count_result_rows(year, result.count_lines, ds.lang)
        merged = asset_outputs.merge_in_order(
            ds.owned.get("count_result"), schema.COUNT_RESULT, {str(year)}, new
        )
        return {"count_result": merged}, problems

    return _run(book, as_of, compute)


@dataclass
class Explanation:
    lang: str
    as_of: dt.date
    score: MonthScore | None
    tables: dict[str, pd.DataFrame]  # sheet key -> typed frame, for the rows behind a score
    problems: list[Problem]


def explain(book: Book, staff_id: str, month: Month, as_of: dt.date | None = None) -> Explanation:
    """The score of one person in one month with the rows behind each component (read only).

    Raises ``UnknownChoice`` for a 工号 not on the Staff sheet and ``NothingToReport`` when
    the month is not recorded or the person has no score in it (SPEC §6: exit 2).
    """
    ds, when = read_dataset(book, as_of)
    lookups.require_staff(ds, staff_id)
    found = [x for x in score_month(ds, month, when, with_evidence=True) if x.staff_id == staff_id]
    if not found:
        raise lookups.not_scored_reason(ds, staff_id, month, when)
    lookups.require_log_month(ds, month, when)  # an unrecorded month has no score (SPEC 4.1)
    return Explanation(ds.lang, when, found[0], dict(ds.tables), ds.problems)
