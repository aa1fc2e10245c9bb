"""What every Home-sheet button runs: read the Home fields, run the job, report on Home.

A button never ends in a Python traceback. A user's mistake (a bad Home month, a missing
result sheet, validation errors) becomes a status line on Home and an alert in the
workbook's language; anything unexpected is logged (beside the workbook, else in the temp
folder, and on stderr) and reported in one short alert that says where the log is.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import xlwings as xw

from .. import jobs
from ..core import schema
from ..core.errors import LogisticsError, UsageError
from ..core.periods import Month, Quarter
from ..terminal import t
from .xl_book import XlBook, screen_paused

LOG_NAME = "logistics-error.log"


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


# Keyed by Button.function (logistics.excel.buttons); a test keeps the two in step.
ACTIONS: dict[str, Action] = {
    "validate_entries": Action("校验", "Validation", _validate),
    "compute_monthly_scores": Action("月度考评", "monthly scores", _score, lambda r: len(r.months)),
    "summarize_quarter": Action(
        "季度汇总", "quarterly summary", _summary, lambda r: len(r.periods)
    ),
    "rank_year": Action("年终排名", "year-end ranking", _rank, lambda r: len(r.periods)),
    "energy_statistics": Action(
        "能耗统计", "energy statistics", _energy, lambda r: len(r.energy), "个表计", "meters"
    ),
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
    sheet = schema.VALIDATION.label(lang)
    alert = t(
        lang,
        f"有 {errors} 条错误，已列在“{sheet}”工作表并在单元格上标出。请改正后重新运行。",
        f"There are {errors} errors, listed on the {sheet} sheet and marked on their cells. "
        "Correct them and run again.",
    )
    if action.count is None:  # validation: the counts are the result
        status = t(
            lang,
            f"{what}完成：错误 {errors} 条，警告 {warnings} 条（{when}）",
            f"{what} done: {errors} errors, {warnings} warnings ({when})",
        )
        return Report(status, alert if errors else None)
    if result.blocked:
        status = t(
            lang,
            f"{what}未完成：有 {errors} 条错误，见“{sheet}”工作表（{when}）",
            f"{what} not done: {errors} errors, see the {sheet} sheet ({when})",
        )
        return Report(status, alert)
    n = action.count(result)
    status = t(
        lang,
        f"{what}完成：{n} {action.unit_zh}，警告 {warnings} 条（{when}）",
        f"{what} done: {n} {action.unit_en}, {warnings} warnings ({when})",
    )
    return Report(status)


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
    dirs: list[Path] = []
    fullname = _attr(book, "fullname")
    if fullname:
        folder = Path(fullname).parent
        if Path(fullname).is_absolute() and folder.is_dir():  # not a OneDrive URL
            dirs.append(folder)
    dirs.append(Path(tempfile.gettempdir()))
    return dirs


def _attr(book: xw.Book | None, name: str) -> str | None:
    """A book's name or path for the log; None when the book cannot tell (it may be gone)."""
    try:
        return str(getattr(book, name)) if book is not None else None
    except Exception:
        return None
