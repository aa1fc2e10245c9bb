"""The checks on entry cells (Excel data validation): dropdowns of choices, number ranges,
and the input hints and error texts in both languages."""

from __future__ import annotations

from typing import Any

from ..core.schema import Column, Kind

CHECK_TEXT: dict[str, dict[str, str]] = {
    "zh": {
        "required": "必填",
        "unique": "不可重复",
        "choose": "请从下拉列表中选择：",
        "invalid": "输入无效",
        "date_hint": "填写日期，如 2025-03-07",
        "number": "数字",
        "whole": "整数",
        "between": "请输入 {lo} 到 {hi} 之间的{what}",
        "at_least": "请输入不小于 {lo} 的{what}",
        "at_most": "请输入不大于 {hi} 的{what}",
        "sep": "、",
    },
    "en": {
        "required": "Required",
        "unique": "must be unique",
        "choose": "Please choose from the list: ",
        "invalid": "Invalid entry",
        "date_hint": "Enter a date, e.g. 2025-03-07",
        "number": "number",
        "whole": "whole number",
        "between": "Enter a {what} between {lo} and {hi}",
        "at_least": "Enter a {what} of at least {lo}",
        "at_most": "Enter a {what} of at most {hi}",
        "sep": ", ",
    },
}


def validation_options(col: Column, lang: str) -> dict[str, Any] | None:
    """The data validation for a column's entry rows: dropdown, range, or a hint only."""
    t = CHECK_TEXT[lang]
    hints = [t["required"]] if col.required else []
    if col.unique:
        hints.append(t["unique"])
    options: dict[str, Any]
    if col.choices:
        labels = [c.label(lang) for c in col.choices]
        options = {
            "validate": "list",
            "source": labels,
            "error_type": "stop",
            "error_message": t["choose"] + t["sep"].join(labels),
        }
    elif col.min is not None or col.max is not None:
        whole = col.kind is Kind.INT
        options = {
            "validate": "integer" if whole else "decimal",
            "error_type": "stop",
            **_criteria(col.min, col.max),
        }
        message = range_message(lang, col.min, col.max, whole=whole)
        options["error_message"] = message
        hints.append(message)
    elif col.kind is Kind.DATE:
        options = {"validate": "any"}
        hints.append(t["date_hint"])
    elif hints:
        options = {"validate": "any"}
    else:
        return None
    if "error_message" in options:
        options["error_title"] = t["invalid"]
    if hints:
        options["input_title"] = col.label(lang)
        options["input_message"] = ("；" if lang == "zh" else "; ").join(hints)
    return options


def _criteria(lo: float | None, hi: float | None) -> dict[str, Any]:
    if lo is not None and hi is not None:
        return {"criteria": "between", "minimum": lo, "maximum": hi}
    if lo is not None:
        return {"criteria": ">=", "value": lo}
    return {"criteria": "<=", "value": hi}


def range_message(lang: str, lo: float | None, hi: float | None, *, whole: bool) -> str:
    """The error/hint text for a numeric range, e.g. 请输入 0 到 24 之间的数字."""
    t = CHECK_TEXT[lang]
    case = (
        "between"
        if lo is not None and hi is not None
        else ("at_least" if lo is not None else "at_most")
    )
    return t[case].format(lo=_num(lo), hi=_num(hi), what=t["whole" if whole else "number"])


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:g}"
