"""How a folder's results look in a terminal: one row per workbook (``logistics.batch``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from rich.table import Table

from words import word

from .batch import DONE, ERRORS, Outcome
from .core.schema import SHEETS


def folder_lang(outcomes: Sequence[Outcome]) -> str:
    """The language most of the folder's readable workbooks are in; zh, the default, on a
    tie or when none could be read (so the order workers finish in never changes it)."""
    langs = Counter(o.lang for o in outcomes if not o.message)
    return "en" if langs["en"] > langs["zh"] else "zh"


def _state(o: Outcome, lang: str) -> tuple[str, str]:
    if o.code == DONE:
        return word(lang, "folder_done"), "green"
    if o.code == ERRORS:
        return word(lang, "folder_errors"), "red"
    return word(lang, "folder_not_run"), "red"


def _detail(o: Outcome, kind: str, lang: str) -> str:
    if o.message:
        return o.message[lang]
    if o.code == ERRORS:
        return word(lang, "folder_fix_validation", sheet=SHEETS["validation"].label(lang))
    parts = []
    if kind == "score":
        parts.append(word(lang, "folder_months_people", months=o.months, people=o.people))
    if kind == "rank":
        parts.append(word(lang, "folder_people", people=o.people))
    if kind in ("score", "rank"):
        parts.append(word(lang, "folder_excellent", count=o.excellent))
    if o.unwritten:
        parts.append(word(lang, "folder_read_only_not_written"))
    return word(lang, "comma_sep").join(parts)


def folder_table(outcomes: Sequence[Outcome], kind: str, lang: str, title: str) -> Table:
    """Workbook, school, state, errors, warnings and what was done, by file name."""
    keys = (
        "folder_col_workbook",
        "folder_col_school",
        "folder_col_result",
        "folder_col_errors",
        "folder_col_warnings",
        "folder_col_details",
    )
    table = Table(*(word(lang, key) for key in keys), title=title)
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
    count = len(outcomes)
    return word(
        lang,
        "folder_summary",
        count=count,
        s="" if count == 1 else "s",
        done=done,
        errors=errors,
        other=count - done - errors,
    )
