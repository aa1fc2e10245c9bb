"""What each Home button does, whichever front door pressed it (Excel or the workbench).

``ACTIONS`` maps a button's function name (``logistics.buttons``) to its job (``Action``) or
document (``Document``); ``Home`` holds the Home fields as typed; ``outcome`` and
``document_outcome`` word the status line and alert of a finished press in the workbook's
language. The Excel adapter (``logistics.excel.run``) and the workbench both use them, so a
button reads the same in both.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from words import LANGS, both, word

from . import jobs
from .core import schema
from .core.errors import UsageError
from .core.home_fields import home_month, home_year
from .core.periods import Month, Quarter

if TYPE_CHECKING:  # imported when a document button runs: Word and charts load slowly
    from .documents import ReportResult

# beside the workbook, by its language
DOCUMENTS_FOLDER: dict[str, str] = dict(zip(LANGS, both("documents_folder"), strict=True))


@dataclass(frozen=True)
class Home:
    """The Home sheet's month and year as typed; parsed only by the buttons that need them."""

    values: dict[str, object]

    def month(self) -> Month:
        """考核月份 (core.home_fields.home_month); a blank one is an error here: the button
        needs a month."""
        month = home_month(self.values.get("month"))
        if month is None:
            raise UsageError(said="home_month_blank")
        return month

    def year(self) -> int:
        """考核年度 (core.home_fields.home_year); a blank one is an error here."""
        year = home_year(self.values.get("year"))
        if year is None:
            raise UsageError(said="home_year_blank")
        return year


@dataclass(frozen=True)
class Action:
    """A button's job: what it is called in the status line and how it runs."""

    said: str  # its name, a key of the catalogue of words
    run: Callable[[jobs.Book, Home], tuple[str, jobs.JobResult]]  # (period label, result)
    count: Callable[[jobs.JobResult], int] | None = None  # people or meters done
    unit: str = "unit_people"  # what ``count`` counts, a key of the catalogue


def _validate(book: jobs.Book, home: Home) -> tuple[str, jobs.JobResult]:
    return "", jobs.validate(book)


def _score(book: jobs.Book, home: Home) -> tuple[str, jobs.JobResult]:
    month = home.month()
    return month.label, jobs.score(book, [month])


def _summary(book: jobs.Book, home: Home) -> tuple[str, jobs.JobResult]:
    month = home.month()
    quarter = Quarter(month.year, (month.month - 1) // 3 + 1)
    return quarter.label, jobs.summary(book, [quarter])


def _rank(book: jobs.Book, home: Home) -> tuple[str, jobs.JobResult]:
    year = home.year()
    return str(year), jobs.rank(book, year)


def _energy(book: jobs.Book, home: Home) -> tuple[str, jobs.JobResult]:
    month = home.month()
    return month.label, jobs.energy(book, [month])


def _reception(book: jobs.Book, home: Home) -> tuple[str, jobs.JobResult]:
    month = home.month()
    return month.label, jobs.reception(book, [month])


def _assets(book: jobs.Book, home: Home) -> tuple[str, jobs.JobResult]:
    result = jobs.assets(book)
    return result.as_of.isoformat(), result


def _inventory(book: jobs.Book, home: Home) -> tuple[str, jobs.JobResult]:
    year = home.year()
    return str(year), jobs.inventory(book, year)


@dataclass(frozen=True)
class Document:
    """A document button: the ``make_report`` kind and the Home field that picks its period."""

    said: str  # its name, a key of the catalogue of words
    kind: str  # logistics.documents.KINDS
    # meeting: every meeting of the Home month; as_of: no period, the Home 截止日期 (else today)
    period: Literal["month", "year", "as_of"]


# Keyed by Button.function (logistics.buttons); a test keeps the two in step.
ACTIONS: dict[str, Action | Document] = {
    "validate_entries": Action("action_validation", _validate),
    "compute_monthly_scores": Action("action_monthly_scores", _score, lambda r: len(r.months)),
    "summarize_quarter": Action("action_quarterly_summary", _summary, lambda r: len(r.periods)),
    "rank_year": Action("action_year_end_ranking", _rank, lambda r: len(r.periods)),
    "energy_statistics": Action(
        "action_energy_statistics", _energy, lambda r: len(r.energy), "unit_meters"
    ),
    "year_end_report": Document("action_year_end_report", "year-end", "year"),
    "monthly_notice": Document("action_monthly_notice", "monthly", "month"),
    "energy_notice": Document("action_energy_notice", "energy", "month"),
    "meeting_sheets": Document("action_meeting_sheets", "meeting", "month"),
    "responsibility_contracts": Document("action_contracts", "contracts", "year"),
    "pay_notice": Document("action_pay_notice", "pay-notice", "month"),
    "reception_statistics": Action(
        "action_reception_statistics",
        _reception,
        lambda r: sum(x.receptions for x in r.receptions),
        "unit_receptions",
    ),
    "reception_lists": Document("action_reception_lists", "reception", "month"),
    "asset_statistics": Action(
        "action_asset_statistics", _assets, lambda r: len(r.asset_stats), "unit_rows"
    ),
    "count_result": Action(
        "action_count_result", _inventory, lambda r: len(r.count_lines), "unit_items"
    ),
    "inventory_report": Document("action_inventory_report", "inventory", "year"),
    "asset_ledger": Document("action_asset_ledger", "asset-ledger", "as_of"),
}


@dataclass(frozen=True)
class Report:
    status: str
    alert: str | None = None
    critical: bool = False


def outcome(action: Action, period: str, result: jobs.JobResult, when: str) -> Report:
    """The status line (and alert, when there are errors) for a finished job."""
    lang = result.lang
    errors = sum(p.is_error for p in result.problems)
    warnings = len(result.problems) - errors
    what = (f"{period} " if period else "") + word(lang, action.said)
    if action.count is None:  # validation: the counts are the result
        status = word(
            lang, "validation_done", what=what, errors=errors, warnings=warnings, when=when
        )
        return Report(status, _errors_alert(lang, errors) if errors else None)
    if result.blocked:
        return _blocked(lang, what, errors, when)
    n = action.count(result)
    status = word(
        lang,
        "button_done_count",
        what=what,
        n=n,
        unit=word(lang, action.unit),
        warnings=warnings,
        when=when,
    )
    return Report(status)


def _errors_alert(lang: str, errors: int) -> str:
    sheet = schema.VALIDATION.label(lang)
    return word(lang, "errors_listed_alert", errors=errors, sheet=sheet)


def _blocked(lang: str, what: str, errors: int, when: str) -> Report:
    sheet = schema.VALIDATION.label(lang)
    status = word(lang, "button_blocked", what=what, errors=errors, sheet=sheet, when=when)
    return Report(status, _errors_alert(lang, errors))


def document_outcome(
    document: Document, period: str, result: ReportResult, folder: Path, when: str
) -> Report:
    """The status line (and alert, when blocked or PDFs are missing) for a document button."""
    lang = result.lang
    what = (f"{period} " if period else "") + word(lang, document.said)
    if result.blocked:
        return _blocked(lang, what, sum(p.is_error for p in result.problems), when)
    if not result.documents:  # e.g. contracts when nobody is in post
        message = word(lang, "nothing_to_write")
        status = word(lang, "documents_none", what=what, when=when, message=message)
        return Report(status, message)
    n = len(result.written)
    status = word(
        lang,
        "documents_written",
        what=what,
        n=n,
        folder=folder,
        when=when,
        s="s" if n != 1 else "",
    )
    missing = len(result.documents) - len(result.pdfs)
    if not missing:
        return Report(status)
    # No converter, or one that failed: the .docx files are there. The alert gives the
    # whole message (how to get PDFs); the status stays short, since a wrapped status row
    # that grows tall stretches the buttons beside it.
    status += word(lang, "documents_without_pdf", missing=missing, s="s" if missing != 1 else "")
    alert = word(lang, "documents_folder_alert", what=what, folder=folder, message=result.message)
    return Report(status, alert)
