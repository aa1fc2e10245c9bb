"""The page's buttons: the Home sheet's button table, run on a workbook file.

The buttons are ``logistics.buttons.BUTTONS`` (column 0 jobs, column 1 documents), and
each runs what its Excel macro runs (``logistics.actions.ACTIONS``): a job of
``logistics.jobs`` or a document of ``logistics.documents.make_report``, with the same status
line. A button added to that table, with its action, appears on the page by itself.

The page's Home fields (month, year, as-of) stand in for the Home sheet's cells: the book
the jobs read is the file with those three values put in place of the sheet's.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from words import pick, word

from .. import jobs
from ..actions import ACTIONS, DOCUMENTS_FOLDER, Action, Document, Home, document_outcome, outcome
from ..buttons import BUTTONS, Button
from ..core.errors import LogisticsError, UsageError
from ..core.outputs import SheetRows
from ..core.rawbook import RawBook
from ..documents import make_report
from ..io.file_book import FileBook
from ..io.locks import WorkbookOpen, lock_owner

HOME_KEYS = ("month", "year", "as_of")
LOG_NAME = "logistics-error.log"

Progress = Callable[[str, int, int], None]  # word key, done, total


def page_buttons(column: int) -> list[Button]:
    """The buttons of one column of the Home sheet that have an action, in table order."""
    return [b for b in BUTTONS if b.column == column and b.function in ACTIONS]


def button(function: str) -> Button | None:
    return next((b for b in BUTTONS if b.function == function and function in ACTIONS), None)


class PageHomeBook:
    """A ``FileBook`` whose Home month, year and as-of are the page's (read once)."""

    def __init__(self, book: FileBook, home: dict[str, object]) -> None:
        self.book = book
        self.home = home
        self._raw: RawBook | None = None

    def read(self) -> RawBook:
        if self._raw is None:
            raw = self.book.read()
            raw.home = {**raw.home, **self.home}
            self._raw = raw
        return self._raw

    def write(self, rows: SheetRows, lang: str) -> None:
        self.book.write(rows, lang)


@dataclass
class Outcome:
    """What a finished button says: its status line, an alert, and where to look next."""

    ok: bool
    status: str
    alert: str = ""
    lang: str = "zh"  # the workbook's language (the status line's)
    sheets: list[str] = field(default_factory=list)  # result sheet keys written
    period: str = ""
    documents: list[Path] = field(default_factory=list)
    blocked: bool = False  # validation errors stopped it


def home_fields(form: dict[str, str]) -> dict[str, object]:
    """The page's Home fields as the Home sheet would hold them; a bad as-of is refused."""
    values: dict[str, object] = {k: (form.get(k) or "").strip() or None for k in HOME_KEYS}
    as_of = values["as_of"]
    if as_of is not None:
        try:
            values["as_of"] = dt.date.fromisoformat(str(as_of))
        except ValueError:
            raise UsageError(said="as_of_bad", as_of=as_of) from None
    return values


def run_button(
    path: Path,
    function: str,
    form: dict[str, str],
    documents_root: Path,
    page_lang: str,
    progress: Progress,
) -> Outcome:
    """Run the button ``function`` on the workbook at ``path``; never raises.

    A user's problem (locked or unreadable workbook, bad Home field, validation errors)
    becomes the outcome's message; anything else is logged and reported in one line.
    """
    action = ACTIONS.get(function)
    what = function
    if action is not None:
        what = word(page_lang, action.said)
    when = dt.datetime.now().strftime("%m-%d %H:%M")
    try:
        if action is None:
            raise KeyError(function)
        fields = home_fields(form)
        progress("reading", 0, 0)
        with FileBook.open(path) as file_book:
            book = PageHomeBook(file_book, fields)
            if isinstance(action, Document):
                return _document(book, action, documents_root, when, progress)
            return _job(book, action, when, page_lang, progress)
    except WorkbookOpen:
        info = lock_owner(path)
        app = info.app if info else "Excel"
        user = (info.user if info else "") or word(page_lang, "unknown_user")
        message = word(page_lang, "open_elsewhere", app=app, user=user)
        if info is not None and info.lock_file is not None:
            stale = word(page_lang, "stale_lock", lock_file=info.lock_file.name)
            message = pick(page_lang, "", " ").join((message, stale))
        return Outcome(False, message, lang=page_lang)
    except LogisticsError as exc:
        return Outcome(False, exc.message(page_lang), lang=page_lang)
    except Exception as exc:  # a bug: logged, told in one line, never a traceback
        log = log_error(path, exc)
        text = word(page_lang, "internal_error", what=what, error=type(exc).__name__, log=log)
        return Outcome(False, text, lang=page_lang)


def _job(
    book: PageHomeBook, action: Action, when: str, page_lang: str, progress: Progress
) -> Outcome:
    progress("running", 0, 0)
    period, result = action.run(cast(Any, book), Home(book.read().home))
    result.lang = page_lang  # the status line in the page's language (the sheets keep theirs)
    report = outcome(action, period, result, when)
    sheets = [k for k in result.written if k != "validation"] or ["validation"]
    return Outcome(
        not result.blocked,
        report.status,
        report.alert or "",
        result.lang,
        sheets=sheets,
        period=period,
        blocked=result.blocked,
    )


def _document(
    book: PageHomeBook, document: Document, root: Path, when: str, progress: Progress
) -> Outcome:
    raw = book.read()
    home = Home(raw.home)
    month = home.month() if document.period == "month" else None
    year = home.year() if document.period == "year" else None
    period = month.label if month is not None else str(year)
    folder = root / DOCUMENTS_FOLDER.get(raw.lang, DOCUMENTS_FOLDER["en"])

    def step(done: int, total: int) -> None:
        progress("converting" if done == total else "rendering", done, total)

    result = make_report(
        book, document.kind, month=month, year=year, out_dir=folder, pdf=True, progress=step
    )
    jobs.list_blocking_errors(book, result.problems, result.lang)  # as every door does
    report = document_outcome(document, period, result, folder, when)
    return Outcome(
        not result.blocked and bool(result.documents),
        report.status,
        report.alert or "",
        result.lang,
        period=period,
        documents=result.written,
        blocked=result.blocked,
        sheets=["validation"] if result.blocked else [],
    )


def log_error(path: Path, exc: BaseException) -> Path:
    """Append the traceback to the log file in the temp folder; return the file."""
    log = Path(tempfile.gettempdir()) / LOG_NAME
    text = "".join(traceback.format_exception(exc))
    stamp = dt.datetime.now().isoformat(timespec="seconds")
    try:
        with log.open("a", encoding="utf-8") as f:
            f.write(f"--- {stamp} workbench {path.name}\n{text}\n")
    except OSError:
        pass
    return log
