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
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import xlwings as xw

from .. import jobs
from ..core import schema
from ..core.errors import LogisticsError, UsageError
from ..core.outputs import validation_rows
from ..core.periods import Month, Quarter
from ..terminal import t
from .xl_book import XlBook, screen_paused

if TYPE_CHECKING:  # imported when a document button runs: Word and charts load slowly
    from ..documents import ReportResult

LOG_NAME = "logistics-error.log"
DOCUMENTS_FOLDER = {"zh": "后勤文档", "en": "documents"}  # beside the workbook, by its language


class WorkbookNotSaved(LogisticsError):
    zh = (
        "找不到工作簿所在的文件夹，文档无法保存在工作簿旁边。请先把工作簿保存到本机的文件夹"
        "（“文件”>“另存为”），再点击此按钮。"
    )
    en = (
        "The workbook has no folder, so the documents cannot be saved beside it. Save the "
        "workbook to a folder on this computer first (File > Save As), then click the button "
        "again."
    )


@dataclass(frozen=True)
class Home:
    """The Home sheet's month and year as typed; parsed only by the buttons that need them."""

    values: dict[str, object]

    def month(self) -> Month:
        value = self.values.get("month")
        if isinstance(value, dt.date):  # Excel turned a typed 2025-03 into a date
            return Month.of(value)
        text = "" if value is None else str(value).strip()
        try:
            return Month.parse(text)
        except ValueError:
            raise UsageError(
                detail_zh=f"控制台的考核月份“{text}”不是月份。请写成 2025-03 的形式，"
                "或从下拉列表中选择。",
                detail_en=f"The Home sheet's Month '{text}' is not a month. Write it as "
                "2025-03, or pick it from the list.",
            ) from None

    def year(self) -> int:
        value = self.values.get("year")
        text = str(value).strip() if value is not None else ""
        if isinstance(value, float) and value.is_integer():
            text = str(int(value))
        if text.isdigit() and 2000 <= int(text) <= 2100:
            return int(text)
        raise UsageError(
            detail_zh=f"控制台的考核年度“{text}”不是年度。请填写四位数的年份，如 2025。",
            detail_en=f"The Home sheet's Year '{text}' is not a year. Enter four digits, "
            "e.g. 2025.",
        )


@dataclass(frozen=True)
class Action:
    """A button's job: what it is called in the status line and how it runs."""

    zh: str
    en: str
    run: Callable[[XlBook, Home], tuple[str, jobs.JobResult]]  # (period label, result)
    count: Callable[[jobs.JobResult], int] | None = None  # people or meters done
    unit_zh: str = "人"
    unit_en: str = "people"


def _validate(book: XlBook, home: Home) -> tuple[str, jobs.JobResult]:
    return "", jobs.validate(book)


def _score(book: XlBook, home: Home) -> tuple[str, jobs.JobResult]:
    month = home.month()
    return month.label, jobs.score(book, [month])


def _summary(book: XlBook, home: Home) -> tuple[str, jobs.JobResult]:
    month = home.month()
    quarter = Quarter(month.year, (month.month - 1) // 3 + 1)
    return quarter.label, jobs.summary(book, [quarter])


def _rank(book: XlBook, home: Home) -> tuple[str, jobs.JobResult]:
    year = home.year()
    return str(year), jobs.rank(book, year)


def _energy(book: XlBook, home: Home) -> tuple[str, jobs.JobResult]:
    month = home.month()
    return month.label, jobs.energy(book, [month])


def _reception(book: XlBook, home: Home) -> tuple[str, jobs.JobResult]:
    month = home.month()
    return month.label, jobs.reception(book, [month])


def _assets(book: XlBook, home: Home) -> tuple[str, jobs.JobResult]:
    result = jobs.assets(book)
    return result.as_of.isoformat(), result


def _inventory(book: XlBook, home: Home) -> tuple[str, jobs.JobResult]:
    year = home.year()
    return str(year), jobs.inventory(book, year)


@dataclass(frozen=True)
class Document:
    """A document button: the ``make_report`` kind and the Home field that picks its period."""

    zh: str
    en: str
    kind: str  # logistics.documents.KINDS
    # meeting: every meeting of the Home month; as_of: no period, the Home 截止日期 (else today)
    period: Literal["month", "year", "as_of"]


# Keyed by Button.function (logistics.excel.buttons); a test keeps the two in step.
ACTIONS: dict[str, Action | Document] = {
    "validate_entries": Action("校验", "Validation", _validate),
    "compute_monthly_scores": Action("月度考评", "monthly scores", _score, lambda r: len(r.months)),
    "summarize_quarter": Action(
        "季度汇总", "quarterly summary", _summary, lambda r: len(r.periods)
    ),
    "rank_year": Action("年终排名", "year-end ranking", _rank, lambda r: len(r.periods)),
    "energy_statistics": Action(
        "能耗统计", "energy statistics", _energy, lambda r: len(r.energy), "个表计", "meters"
    ),
    "year_end_report": Document("年终考核报告", "year-end report", "year-end", "year"),
    "monthly_notice": Document("月度考评通报", "monthly notice", "monthly", "month"),
    "energy_notice": Document("节能通报", "energy notice", "energy", "month"),
    "meeting_sheets": Document("会务工作单", "meeting sheets", "meeting", "month"),
    "responsibility_contracts": Document("岗位责任状", "contracts", "contracts", "year"),
    "pay_notice": Document("绩效公示", "pay notice", "pay-notice", "month"),
    "reception_statistics": Action(
        "接待统计",
        "reception statistics",
        _reception,
        lambda r: sum(x.receptions for x in r.receptions),
        "批",
        "receptions",
    ),
    "reception_lists": Document("接待清单", "reception lists", "reception", "month"),
    "asset_statistics": Action(
        "资产统计", "asset statistics", _assets, lambda r: len(r.asset_stats), "行", "rows"
    ),
    "count_result": Action(
        "盘点结果", "count result", _inventory, lambda r: len(r.count_lines), "项", "items"
    ),
    "inventory_report": Document("资产盘点报告", "inventory report", "inventory", "year"),
    "asset_ledger": Document("资产台账", "asset ledger", "asset-ledger", "as_of"),
}


@dataclass(frozen=True)
class Report:
    status: str
    alert: str | None = None
    critical: bool = False


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
    what = (action.zh if lang == "zh" else action.en) if action else function_name
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
        status = t(
            lang, f"{what}未完成（{when}）：{message}", f"{what}: not run ({when}). {message}"
        )
        return Report(status, message)
    except Exception as exc:  # a bug or an Excel hiccup: logged, reported in one line
        path = log_error(xl.book, exc)
        where = str(path) if path else "stderr"
        status = t(
            lang, f"{what}出错（{when}），详情见 {where}", f"{what} failed ({when}); see {where}"
        )
        alert = t(
            lang,
            f"运行“{what}”时出错：{type(exc).__name__}: {exc}\n详细信息已记录在 {where}，"
            "请把该文件发给维护人员。",
            f"'{what}' failed: {type(exc).__name__}: {exc}\nThe details were logged to {where}; "
            "please send that file to whoever maintains the workbook.",
        )
        return Report(status, alert, critical=True)


def outcome(action: Action, period: str, result: jobs.JobResult, when: str) -> Report:
    """The status line (and alert, when there are errors) for a finished job."""
    lang = result.lang
    errors = sum(p.is_error for p in result.problems)
    warnings = len(result.problems) - errors
    what = (f"{period} " if period else "") + (action.zh if lang == "zh" else action.en)
    if action.count is None:  # validation: the counts are the result
        status = t(
            lang,
            f"{what}完成：错误 {errors} 条，警告 {warnings} 条（{when}）",
            f"{what} done: {errors} errors, {warnings} warnings ({when})",
        )
        return Report(status, _errors_alert(lang, errors) if errors else None)
    if result.blocked:
        return _blocked(lang, what, errors, when)
    n = action.count(result)
    status = t(
        lang,
        f"{what}完成：{n} {action.unit_zh}，警告 {warnings} 条（{when}）",
        f"{what} done: {n} {action.unit_en}, {warnings} warnings ({when})",
    )
    return Report(status)


def _errors_alert(lang: str, errors: int) -> str:
    sheet = schema.VALIDATION.label(lang)
    return t(
        lang,
        f"有 {errors} 条错误，已列在“{sheet}”工作表并在单元格上标出。请改正后重新运行。",
        f"There are {errors} errors, listed on the {sheet} sheet and marked on their cells. "
        "Correct them and run again.",
    )


def _blocked(lang: str, what: str, errors: int, when: str) -> Report:
    sheet = schema.VALIDATION.label(lang)
    status = t(
        lang,
        f"{what}未完成：有 {errors} 条错误，见“{sheet}”工作表（{when}）",
        f"{what} not done: {errors} errors, see the {sheet} sheet ({when})",
    )
    return Report(status, _errors_alert(lang, errors))


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
    if result.blocked:
        xl.write({"validation": validation_rows(result.problems, result.lang)}, result.lang)
    return folder, period, result


def document_outcome(
    document: Document, period: str, result: ReportResult, folder: Path, when: str
) -> Report:
    """The status line (and alert, when blocked or PDFs are missing) for a document button."""
    lang = result.lang
    what = (f"{period} " if period else "") + (document.zh if lang == "zh" else document.en)
    if result.blocked:
        return _blocked(lang, what, sum(p.is_error for p in result.problems), when)
    if not result.documents:  # e.g. contracts when nobody is in post
        message = t(lang, "没有需要生成的文档。", "There was nothing to write.")
        status = t(lang, f"{what}未生成（{when}）：{message}", f"{what}: none ({when}). {message}")
        return Report(status, message)
    n = len(result.written)
    status = t(
        lang,
        f"{what}已生成：{n} 个文件，见 {folder}（{when}）",
        f"{what} written: {n} file{'s' if n != 1 else ''}, see {folder} ({when})",
    )
    missing = len(result.documents) - len(result.pdfs)
    if not missing:
        return Report(status)
    # No converter, or one that failed: the .docx files are there. The alert gives the
    # whole message (how to get PDFs); the status stays short, since a wrapped status row
    # that grows tall stretches the buttons beside it.
    status += t(
        lang,
        f"。{missing} 个文档未生成 PDF，原因见提示框",
        f". {missing} document{'s' if missing != 1 else ''} got no PDF; the alert says why",
    )
    alert = t(
        lang,
        f"{what}的文件已保存在 {folder}。\n{result.message}",
        f"The files of the {what} are in {folder}.\n{result.message}",
    )
    return Report(status, alert)


def _lang(xl: XlBook) -> str:
    try:
        return xl.lang
    except Exception:
        return "zh"


def _alert(book: xw.Book, report: Report, lang: str) -> None:
    title = t(lang, "后勤考核", "Logistics appraisal")
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
