"""How a folder's results look in a terminal: one row per workbook (``logistics.batch``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from rich.table import Table

from .batch import DONE, ERRORS, Outcome
from .core.schema import SHEETS
from .terminal import t


def folder_lang(outcomes: Sequence[Outcome]) -> str:
    """The language most of the folder's readable workbooks are in; zh, the default, on a
    tie or when none could be read (so the order workers finish in never changes it)."""
    langs = Counter(o.lang for o in outcomes if not o.message)
    return "en" if langs["en"] > langs["zh"] else "zh"


def _state(o: Outcome, lang: str) -> tuple[str, str]:
    if o.code == DONE:
        return t(lang, "完成", "Done"), "green"
    if o.code == ERRORS:
        return t(lang, "有错误", "Errors"), "red"
    return t(lang, "未处理", "Not run"), "red"


def _detail(o: Outcome, kind: str, lang: str) -> str:
    if o.message:
        return o.message[lang]
    if o.code == ERRORS:
        return t(
            lang,
            f"请按“{SHEETS['validation'].label(lang)}”工作表改正后再运行",
            f"Correct the entries listed on the {SHEETS['validation'].label(lang)} sheet "
            "and run again",
        )
    parts = []
    if kind == "score":
        parts.append(
            t(lang, f"{o.months} 个月，{o.people} 人", f"{o.months} months, {o.people} people")
        )
    if kind == "rank":
        parts.append(t(lang, f"{o.people} 人", f"{o.people} people"))
    if kind in ("score", "rank"):
        parts.append(t(lang, f"优秀 {o.excellent} 人次", f"Excellent ×{o.excellent}"))
    if o.unwritten:
        parts.append(t(lang, "文件夹只读，未写入", "read-only folder: not written"))
    return t(lang, "，", ", ").join(parts)


def folder_table(outcomes: Sequence[Outcome], kind: str, lang: str, title: str) -> Table:
    """Workbook, school, state, errors, warnings and what was done, by file name."""
    table = Table(
        t(lang, "工作簿", "Workbook"),
        t(lang, "学校", "School"),
        t(lang, "结果", "Result"),
        t(lang, "错误", "Errors"),
        t(lang, "警告", "Warnings"),
        t(lang, "说明", "Details"),
        title=title,
    )
    for column in table.columns:
        column.overflow = "fold"
    for o in sorted(outcomes, key=lambda x: x.path.name):
        state, style = _state(o, lang)
        table.add_row(
            o.path.name,
            o.school,
            state,
            "" if o.message else str(o.errors),
            "" if o.message else str(o.warnings),
            _detail(o, kind, lang),
            style=None if o.code == DONE else style,
        )
    return table


def folder_line(outcomes: Sequence[Outcome], lang: str) -> str:
    """「12 个工作簿：完成 10，有错误 1，未处理 1。」"""
    codes = Counter(o.code for o in outcomes)
    done, errors = codes[DONE], codes[ERRORS]
    other = len(outcomes) - done - errors
    return t(
        lang,
        f"{len(outcomes)} 个工作簿：完成 {done}，有错误 {errors}，未处理 {other}。",
        f"{len(outcomes)} workbook{'' if len(outcomes) == 1 else 's'}: {done} done, "
        f"{errors} with errors, {other} not run.",
    )
