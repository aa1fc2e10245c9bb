"""The checks on entry cells (Excel data validation): dropdowns of choices, number ranges,
and the input hints and error texts in both languages."""

from __future__ import annotations

from typing import Any

from words import word

from ..core.schema import Column, Kind


def validation_options(col: Column, lang: str) -> dict[str, Any] | None:
    """The data validation for a column's entry rows: dropdown, range, or a hint only."""
    hints = [word(lang, "check_required")] if col.required else []
    if col.unique:
        hints.append(word(lang, "check_unique"))
    options: dict[str, Any]
    if col.choices:
        labels = [c.label(lang) for c in col.choices]
        options = {
            "validate": "list",
            "source": labels,
            "error_type": "stop",
            "error_message": word(lang, "check_choose") + word(lang, "list_sep").join(labels),
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
        hints.append(word(lang, "check_date_hint"))
    elif hints:
        options = {"validate": "any"}
    else:
        return None
    if "error_message" in options:
        options["error_title"] = word(lang, "check_invalid")
    if hints:
        options["input_title"] = col.label(lang)
        options["input_message"] = word(lang, "clause_sep").join(hints)
    return options


def _criteria(lo: float | None, hi: float | None) -> dict[str, Any]:
    if lo is not None and hi is not None:
        return {"criteria": "between", "minimum": lo, "maximum": hi}
    if lo is not None:
        return {"criteria": ">=", "value": lo}
    return {"criteria": "<=", "value": hi}


def range_message(lang: str, lo: float | None, hi: float | None, *, whole: bool) -> str:
    """The error/hint text for a numeric range, e.g. 请输入 0 到 24 之间的数字."""
    case = (
        "check_between"
        if lo is not None and hi is not None
        else ("check_at_least" if lo is not None else "check_at_most")
    )
    return word(
        lang,
        case,
        lo=_num(lo),
        hi=_num(hi),
        what=word(lang, "check_whole" if whole else "check_number"),
    )


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:g}"
