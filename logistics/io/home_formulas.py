"""The Home sheet's live parts (SPEC §3.1): the title formula that follows 设置 → 学校名称,
and the 考核月份 dropdown list that spans five years either side of the build year.

The title is a formula with a cached value computed here, so that readers that do not
recalculate (python-calamine, LibreOffice trusting a file's cached values) show the same
title as Excel does. The month list is longer than the 255 characters Excel allows in a
list written into the validation itself, so it is a column of text cells in a hidden
column of the Home sheet, and the dropdown refers to that range.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd

from words import LANGS, both

from ..core import schema
from ..core.columns import column_letters
from ..core.settings import SETTING_DEFS

YEARS_AROUND = 5  # the month list spans build year − 5 … build year + 5 (SPEC §3.1)
# Far right of the Home sheet: instruction lines in column A overflow to the right, and a
# filled cell would cut them off; a hidden column this far out is never reached.
MONTH_LIST_COLUMN = 25  # 0-based: column Z

CONSOLE_NAME: dict[str, str] = dict(zip(LANGS, both("console_name"), strict=True))

_SCHOOL = next(d for d in SETTING_DEFS if d.key == "school_name")


def month_list(build_year: int) -> list[str]:
    """Every month ``YYYY-MM`` from January of ``build_year - 5`` to December of
    ``build_year + 5``, in order (132 entries)."""
    years = range(build_year - YEARS_AROUND, build_year + YEARS_AROUND + 1)
    return [f"{y}-{m:02d}" for y in years for m in range(1, 13)]


def month_list_range(build_year: int) -> str:
    """The absolute reference of the month list on the Home sheet, e.g. ``=$Z$1:$Z$132``."""
    col = column_letters(MONTH_LIST_COLUMN)
    return f"=${col}$1:${col}${len(month_list(build_year))}"


def title_formula(lang: str) -> str:
    """The Home title: the Settings value of 学校名称 (SchoolName), trimmed, else the default
    name, then the console's name.

    ``VLOOKUP(…)&""`` turns a blank value cell into "" rather than 0; IFERROR covers a
    Settings sheet without the key. Only functions of Excel 2007, LibreOffice and WPS.
    """
    sheet = schema.SETTINGS.label(lang).replace("'", "''")
    key = _formula_text(_SCHOOL.label(lang))
    name = f'TRIM(IFERROR(VLOOKUP({key},\'{sheet}\'!$A:$B,2,FALSE)&"",""))'
    default = _formula_text(str(_SCHOOL.default))
    return f'=IF({name}="",{default},{name})&{_formula_text(" " + CONSOLE_NAME[lang])}'


def title_value(lang: str, data: Mapping[str, pd.DataFrame] | None = None) -> str:
    """What :func:`title_formula` evaluates to on a workbook built from ``data`` (the
    Settings frame's ``key``/``value`` columns as the builder writes them)."""
    name = ""
    frame = (data or {}).get("settings")
    if frame is not None and {"key", "value"} <= set(frame.columns):
        label = _SCHOOL.label(lang).casefold()  # VLOOKUP ignores case
        for key, value in zip(frame["key"].tolist(), frame["value"].tolist(), strict=True):
            if isinstance(key, str) and key.casefold() == label:
                name = _excel_trim(_as_text(value))
                break  # VLOOKUP takes the first match
    return f"{name or _SCHOOL.default} {CONSOLE_NAME[lang]}"


def _formula_text(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _excel_trim(text: str) -> str:
    """Excel's TRIM: no leading or trailing spaces, inner runs of spaces become one."""
    return " ".join(part for part in text.split(" ") if part)


def _as_text(value: object) -> str:
    """A cell value as ``&""`` shows it: blank → "", 25.0 → "25", text as is."""
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)
