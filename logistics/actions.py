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

from . import jobs
from .core import schema
from .core.errors import UsageError
from .core.home_fields import home_month, home_year
from .core.periods import Month, Quarter
from .terminal import t

if TYPE_CHECKING:  # imported when a document button runs: Word and charts load slowly
    from .documents import ReportResult

DOCUMENTS_FOLDER = {"zh": "后勤文档", "en": "documents"}  # beside the workbook, by its language


@dataclass(frozen=True)
class Home:
    """The Home sheet's month and year as typed; parsed only by the buttons that need them."""

    values: dict[str, object]

    def month(self) -> Month:
        """考核月份 (core.home_fields.home_month); a blank one is an error here: the button
        needs a month."""
        month = home_month(self.values.get("month"))
        if month is None:
            raise UsageError(
                detail_zh="控制台的考核月份是空的。请写成 2025-03 的形式，或从下拉列表中选择。",
                detail_en="The Home sheet's Month is empty. Write it as 2025-03, or pick it "
                "from the list.",
            )
        return month

    def year(self) -> int:
        """考核年度 (core.home_fields.home_year); a blank one is an error here."""
        year = home_year(self.values.get("year"))
        if year is None:
            raise UsageError(
                detail_zh="控制台的考核年度是空的。请填写四位数的年份，如 2025。",
                detail_en="The Home sheet's Year is empty. Enter four digits, e.g. 2025.",
            )
        return year


@dataclass(frozen=True)
class Action:
    """A button's job: what it is called in the status line and how it runs."""

    zh: str
    en: str
    run: Callable[[jobs.Book, Home], tuple[str, jobs.JobResult]]  # (period label, result)
    count: Callable[[jobs.JobResult], int] | None = None  # people or meters done
    unit_zh: str = "人"
    unit_en: str = "people"


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

    zh: str
    en: str
    kind: str  # logistics.documents.KINDS
    # meeting: every meeting of the Home month; as_of: no period, the Home 截止日期 (else today)
    period: Literal["month", "year", "as_of"]


# Keyed by Button.function (logistics.buttons); a test keeps the two in step.
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
