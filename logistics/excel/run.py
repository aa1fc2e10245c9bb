"""What every Home-sheet button runs: read the Home fields, run the job, report on Home.

A job button (``ACTIONS``' ``Action``) writes its result sheet as the CLI command does. A
document button (``Document``) runs ``logistics report``'s ``make_report`` on the workbook
and writes the Word files (and PDFs, when Word or LibreOffice is there) into a folder beside
the workbook (``DOCUMENTS_FOLDER``); it writes nothing into the workbook but the status line,
and, when validation errors block it, the Validation sheet and its marks, as every job and
``logistics report`` do.

A button never ends in a Python traceback. A user's mistake (a bad Home month, a missing
result sheet, validation errors, an unsaved workbook) becomes a status line on Home and an
alert in the workbook's language; anything unexpected is logged (beside the workbook, else
in the temp folder, and on stderr) and reported in one short alert that says where the log is.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

import xlwings as xw

from words import word

from ..actions import (
    ACTIONS,
    DOCUMENTS_FOLDER,
    Document,
    Home,
    Report,
    document_outcome,
    outcome,
)
from ..core.errors import LogisticsError
from ..jobs import list_blocking_errors
from .xl_book import XlBook, screen_paused

if TYPE_CHECKING:  # imported when a document button runs: Word and charts load slowly
    from ..documents import ReportResult

LOG_NAME = "logistics-error.log"


class WorkbookNotSaved(LogisticsError):
    said = "workbook_not_saved"


def now() -> dt.datetime:
    return dt.datetime.now()


def run_button(function_name: str) -> None:
    """Run the job of the button ``function_name`` on the workbook that called."""
    try:
        book = xw.Book.caller()
    except Exception as exc:  # not started from a workbook: there is nowhere to report
        log_error(None, exc)
        return
    try:
        _press(book, function_name)
    except Exception as exc:  # last resort: even reporting failed; still no traceback
        log_error(book, exc)


def _press(book: xw.Book, function_name: str) -> None:
    xl = XlBook(book)
    lang = _lang(xl)
    with screen_paused(book.app):
        report = _run(xl, function_name, lang)
        try:
            xl.write_status(report.status)
        except Exception as exc:  # a protected Home sheet must not hide the outcome
            log_error(book, exc)
    if report.alert:
        _alert(book, report, lang)


def _run(xl: XlBook, function_name: str, lang: str) -> Report:
    action = ACTIONS.get(function_name)
    what = word(lang, action.said) if action else function_name
    when = now().strftime("%m-%d %H:%M")
    try:
        if action is None:
            raise KeyError(f"no job for the button function {function_name!r}")
        if isinstance(action, Document):
            folder, period, report = make_documents(xl, action, lang)
            return document_outcome(action, period, report, folder, when)
        period, result = action.run(xl, Home(xl.home()))
        return outcome(action, period, result, when)
    except LogisticsError as exc:
        message = exc.message(lang)
        status = word(lang, "button_not_run", what=what, when=when, message=message)
        return Report(status, message)
    except Exception as exc:  # a bug or an Excel hiccup: logged, reported in one line
        path = log_error(xl.book, exc)
        where = str(path) if path else "stderr"
        status = word(lang, "button_failed", what=what, when=when, where=where)
        alert = word(
            lang,
            "button_failed_alert",
            what=what,
            error_type=type(exc).__name__,
            exc=exc,
            where=where,
        )
        return Report(status, alert, critical=True)


# ---- document buttons ------------------------------------------------------------------


def documents_folder(xl: XlBook, lang: str) -> Path:
    """``<workbook folder>/后勤文档`` (``documents`` for an English workbook), not yet made."""
    folder = book_folder(xl.book)
    if folder is None:
        raise WorkbookNotSaved()
    return folder / DOCUMENTS_FOLDER.get(lang, DOCUMENTS_FOLDER["en"])


def make_documents(xl: XlBook, document: Document, lang: str) -> tuple[Path, str, ReportResult]:
    """Run ``make_report`` for the Home month or year; the folder, period label and result.

    The workbook is read, never written, except that errors which block the documents are
    listed on the Validation sheet and marked on their cells, as every job does.
    """
    from ..documents import make_report

    folder = documents_folder(xl, lang)  # before any work: an unsaved workbook is told first
    home = Home(xl.home())
    month = home.month() if document.period == "month" else None
    year = home.year() if document.period == "year" else None
    period = month.label if month is not None else str(year) if year is not None else ""
    # PDFs whenever Word or LibreOffice is there (reports.pdf finds them); as_of and the
    # language come from the workbook (Home 截止日期, sheet names).
    result = make_report(
        xl,
        document.kind,
        month=month,
        year=year,
        out_dir=folder,
        pdf=True,
        workbook_dir=book_folder(xl.book),  # its 模板 (templates) folder overrides (SPEC §5)
    )
    list_blocking_errors(xl, result.problems, result.lang)
    return folder, period, result


def _lang(xl: XlBook) -> str:
    try:
        return xl.lang
    except Exception:
        return "zh"


def _alert(book: xw.Book, report: Report, lang: str) -> None:
    title = word(lang, "alert_title")
    try:
        book.app.alert(
            report.alert or "", title=title, mode="critical" if report.critical else "info"
        )
    except Exception as exc:  # no dialog available (some remote clients): the status says it
        log_error(book, exc)


def log_error(book: xw.Book | None, exc: BaseException) -> Path | None:
    """Write the traceback to stderr and to the log file; return the file, if one was written."""
    text = "".join(traceback.format_exception(exc))
    sys.stderr.write(text)
    name = _attr(book, "name")
    for folder in _log_dirs(book):
        path = folder / LOG_NAME
        try:
            with path.open("a", encoding="utf-8") as log:
                log.write(f"--- {now().isoformat(timespec='seconds')} {name or ''}\n{text}\n")
        except OSError:
            continue
        return path
    return None


def _log_dirs(book: xw.Book | None) -> list[Path]:
    folder = book_folder(book)
    return [*([folder] if folder is not None else []), Path(tempfile.gettempdir())]


def book_folder(book: xw.Book | None) -> Path | None:
    """The folder the workbook was saved in; None for a new, never saved workbook ("Book1"),
    a OneDrive URL xlwings could not map to a local folder, or a remote client's bare name."""
    fullname = _attr(book, "fullname")
    if not fullname:
        return None
    path = Path(fullname)
    return path.parent if path.is_absolute() and path.parent.is_dir() else None


def _attr(book: xw.Book | None, name: str) -> str | None:
    """A book's name or path for the log; None when the book cannot tell (it may be gone)."""
    try:
        return str(getattr(book, name)) if book is not None else None
    except Exception:
        return None
