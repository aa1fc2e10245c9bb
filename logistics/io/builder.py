"""Build the workbook from the schema with XlsxWriter.

Sheet order: Home (opens first), every input sheet as an Excel table, every output sheet
(header only, with a styled ``<col>`` per column for the result writer), then the hidden
``xlwings.conf``. An ``.xlsm`` gets the VBA project of :mod:`logistics.excel.vba` and one form
button per :data:`~logistics.excel.buttons.BUTTONS` entry on Home. The build is byte-stable:
same inputs, same bytes.

Text is always written with ``write_string`` so nothing typed by staff can become a formula.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import os
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from ..core import schema
from ..core.schema import Column, Kind, Sheet
from ..core.settings import SETTING_DEFS
from ..excel.buttons import BUTTONS, Button
from ..excel.vba import build_vba_project

__all__ = [
    "BUTTON_ANCHOR",
    "BUTTON_AREA",
    "BUTTON_GAP",
    "BUTTON_SIZE",
    "HOME_CELLS",
    "XLWINGS_CONF_ROWS",
    "build_workbook",
    "default_vba_project",
    "home_title",
]

DEFAULT_YEAR = 2025
TABLE_STYLE = "Table Style Medium 2"
ENTRY_ROWS = 2000  # blank rows below the data that keep dropdowns/checks for typing
DATE_FORMAT = "yyyy-mm-dd"
AUTHOR = "后勤处"
FIXED_CREATED = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
# XlsxWriter options: never turn a str into a formula, URL or number, even via write().
WORKBOOK_OPTIONS: dict[str, Any] = {
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
    "remove_timezone": True,
}

# ---- Home layout (1-based Excel rows) ------------------------------------------------
HOME_FIELD_ROW = 3  # first HOME_FIELDS row; label in column A, value in column B
HOME_CELLS: dict[str, tuple[str, str]] = {
    key: (f"A{HOME_FIELD_ROW + i}", f"B{HOME_FIELD_ROW + i}")
    for i, (key, _zh, _en) in enumerate(schema.HOME_FIELDS)
}
# Macro buttons go in columns D–F from row 3 down to row 14; nothing is written there. Each
# Button.column is a column of buttons from the anchor's top left: column 0 at its left edge,
# column 1 one button width and a gap to the right (it starts in E and ends inside F).
BUTTON_ANCHOR = ("D", 3)
BUTTON_AREA = ("D3", "F14")
BUTTON_SIZE = (150, 30)  # width, height in pixels: the longest caption fits in either language
BUTTON_GAP = 10  # pixels between two buttons, across and down
INSTRUCTIONS_ROW = 16
HOME_WIDTHS = {"A": 14.0, "B": 28.0, "C": 2.0, "D": 16.0, "E": 16.0, "F": 16.0}

# Read by xlwings' VBA from A1 down (keys upper-cased). All values are text: VBA would
# stringify a Boolean cell in the UI language ("WAHR"), which xlwings does not understand.
XLWINGS_CONF_ROWS: tuple[tuple[str, str], ...] = (
    ("Interpreter_Win", "python"),
    ("Interpreter_Mac", "python"),
    ("PYTHONPATH", ""),
    ("UDF Modules", "udfs"),
    ("ADD_WORKBOOK_TO_PYTHONPATH", "true"),
    ("Show Console", "false"),
)

TEXT: dict[str, dict[str, str]] = {
    "zh": {
        "title": "后勤考核工作台",
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
        "month_hint": "从列表选择或输入 YYYY-MM，如 2025-03",
        "year_hint": "考核所在年度，如 2025",
        "as_of_hint": "可选：只计算到此日期；留空为今天",
        "sep": "、",
        "instructions": "使用说明",
    },
    "en": {
        "title": "Logistics appraisal console",
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
        "month_hint": "Pick from the list or type YYYY-MM, e.g. 2025-03",
        "year_hint": "The appraisal year, e.g. 2025",
        "as_of_hint": "Optional: compute up to this date; blank = today",
        "sep": ", ",
        "instructions": "How to use",
    },
}


def _instructions(lang: str) -> list[str]:
    inputs = [s.label(lang) for s in schema.INPUT_SHEETS if s.key != "settings"]
    outputs = [s.label(lang) for s in schema.OUTPUT_SHEETS]
    settings = schema.SETTINGS.label(lang)
    if lang == "zh":
        return [
            f"1. 在「{'」「'.join(inputs[:3])}」等输入表中逐行填写；在表格下方接着写即可扩展表格。",
            "2. 带下拉箭头的列从列表中选择；日期写成 2025-03-07；是/否 列填“是”或“否”。",
            f"3. 「{settings}」表可改学校名称、各项满分、等级线和系数；缺少的项目按默认值。",
            "4. 选择考核月份后点击右侧按钮运行；结果见运行状态一栏。",
            f"5. 「{'」「'.join(outputs)}」由工具写入，请勿手工修改。",
            "6. 命令行（无需 Excel）：logistics validate 工作簿.xlsm",
            "   logistics score 工作簿.xlsm --month 2025-03；logistics --help 查看全部命令。",
        ]
    return [
        f"1. Type rows into the input sheets ({', '.join(inputs[:3])}, …); "
        "typing just below a table extends it.",
        "2. Pick dropdown columns from the list; dates as 2025-03-07; yes/no columns take Yes/No.",
        f"3. The {settings} sheet holds the school name, maxima, grade lines and coefficients.",
        "4. Choose the month, then click a button on the right; the result shows in Status.",
        f"5. {', '.join(outputs)} are written by the tool: do not edit them.",
        "6. Command line (no Excel needed): logistics validate WORKBOOK.xlsm",
        "   logistics score WORKBOOK.xlsm --month 2025-03; logistics --help lists every command.",
    ]


# ---- public API ------------------------------------------------------------------------


def build_workbook(
    path: Path,
    lang: str = "zh",
    data: Mapping[str, pd.DataFrame] | None = None,
    *,
    vba_project: bytes | None = None,
    constant_memory: bool = False,
) -> Path:
    """Write the workbook to ``path`` and return ``path``.

    ``data`` maps input-sheet keys to frames whose columns are column keys (canonical values:
    dates, bools, choice keys, numbers, text). An ``.xlsm`` path without ``vba_project`` gets
    :func:`default_vba_project`; a given project must define the buttons' Subs. The Home
    buttons are placed whenever there is a VBA project (in an ``.xlsx`` they could run
    nothing). ``constant_memory`` is refused: see ``_check_args``.
    """
    path = Path(path)
    data = dict(data or {})
    _check_args(path, lang, data, vba_project, constant_memory)
    if vba_project is None and path.suffix.lower() == ".xlsm":
        vba_project = default_vba_project()
    # Build beside the target and rename: a failed build never leaves a half-written file.
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        _write_package(tmp, lang, data, vba_project)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def default_vba_project() -> bytes:
    """The ``xl/vbaProject.bin`` of an ``.xlsm`` build: xlwings' project with the Buttons module.

    See :func:`logistics.excel.vba.build_vba_project`.
    """
    return build_vba_project()


def home_title(lang: str, data: Mapping[str, pd.DataFrame] | None = None) -> str:
    """The Home sheet title: school name (Settings data or default) + console name."""
    return f"{_school_name(data or {})} {TEXT[lang]['title']}"


# ---- package -----------------------------------------------------------------------------


def _check_args(
    path: Path,
    lang: str,
    data: Mapping[str, pd.DataFrame],
    vba_project: bytes | None,
    constant_memory: bool,
) -> None:
    if lang not in TEXT:
        raise ValueError(f"lang must be 'zh' or 'en', not {lang!r}")
    if constant_memory:
        # XlsxWriter 3.3.1 refuses add_table() in constant_memory mode, and every input
        # sheet must be a table (spec §3); the default mode handles 500k rows anyway.
        raise ValueError("constant_memory is not supported: XlsxWriter cannot add tables in it")
    if vba_project is not None and path.suffix.lower() != ".xlsm":
        raise ValueError(f"a VBA project needs an .xlsm path, not {path.name}")
    inputs = {s.key: s for s in schema.INPUT_SHEETS}
    for key, frame in data.items():
        if key not in inputs:
            raise ValueError(f"no input sheet {key!r} (output sheets are written by the tool)")
        unknown = set(map(str, frame.columns)) - {c.key for c in inputs[key].columns}
        if unknown:
            raise ValueError(f"sheet {key!r} has no columns {sorted(unknown)}")


def created_at() -> dt.datetime:
    """The fixed creation time, or SOURCE_DATE_EPOCH (reproducible-builds convention)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return FIXED_CREATED
    try:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    except ValueError as exc:
        raise ValueError(f"SOURCE_DATE_EPOCH must be whole seconds, not {epoch!r}") from exc


def _write_package(
    target: Path, lang: str, data: Mapping[str, pd.DataFrame], vba_project: bytes | None
) -> None:
    wb = xlsxwriter.Workbook(str(target), WORKBOOK_OPTIONS)
    try:
        title = home_title(lang, data)
        wb.set_properties({"title": title, "author": AUTHOR, "created": created_at()})
        if vba_project is not None:
            wb.add_vba_project(io.BytesIO(vba_project), is_stream=True)  # type: ignore[arg-type]
            wb.set_vba_name("ThisWorkbook")
        formats = Formats(wb)
        home = wb.add_worksheet(schema.HOME[2 if lang == "en" else 1])
        write_home(home, formats, lang, data)
        if vba_project is not None:
            write_buttons(home, lang)
        for sheet in schema.INPUT_SHEETS:
            frame = data.get(sheet.key)
            if sheet.key == "settings" and frame is None:
                frame = default_settings_frame(lang)
            write_input_sheet(wb.add_worksheet(sheet.label(lang)), formats, sheet, lang, frame)
        for sheet in schema.OUTPUT_SHEETS:
            write_output_sheet(wb.add_worksheet(sheet.label(lang)), formats, sheet, lang)
        write_xlwings_conf(wb.add_worksheet(schema.XLWINGS_CONF))
    finally:
        wb.close()


@dataclass
class Formats:
    """The workbook's formats, made once (XlsxWriter dedups them, but not for free)."""

    wb: Workbook
    _cache: dict[tuple[tuple[str, Any], ...], Format] = field(default_factory=dict)

    def get(self, **props: Any) -> Format:
        key = tuple(sorted(props.items()))
        if key not in self._cache:
            self._cache[key] = self.wb.add_format(props)
        return self._cache[key]

    @property
    def date(self) -> Format:
        return self.get(num_format=DATE_FORMAT)

    @property
    def text(self) -> Format:
        return self.get(num_format="@")


# ---- Home ------------------------------------------------------------------------------


def write_home(
    ws: Worksheet, formats: Formats, lang: str, data: Mapping[str, pd.DataFrame]
) -> None:
    """Title, the HOME_FIELDS label/value rows, and instructions below the button area."""
    ws.activate()
    ws.hide_gridlines(2)
    for letter, width in HOME_WIDTHS.items():
        ws.set_column(f"{letter}:{letter}", width)
    ws.set_row(0, 30)
    ws.write_string(0, 0, home_title(lang, data), formats.get(bold=True, font_size=16))
    year, month = data_year_month(data)
    label_fmt = formats.get(bold=True, align="right", indent=1, valign="vcenter")
    for key, (label_cell, _value_cell) in HOME_CELLS.items():
        row = int(label_cell[1:]) - 1
        ws.write_string(row, 0, _home_label(key, lang), label_fmt)
        match key:
            case "month":
                _home_month(ws, row, formats, lang, year, month)
            case "year":
                _home_year(ws, row, formats, lang, year)
            case "as_of":
                _home_as_of(ws, row, formats, lang)
            case "status":
                _home_status(ws, row, formats)
            case _:
                raise ValueError(f"no Home layout for field {key!r}")
    write_instructions(ws, formats, lang, INSTRUCTIONS_ROW - 1)
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)


def write_buttons(ws: Worksheet, lang: str, buttons: Sequence[Button] = BUTTONS) -> None:
    """One form button per entry, each running its Sub: in the entry's column of the button
    area, below the column's earlier entries. Inserted in table order (the drawing order)."""
    col, row = BUTTON_ANCHOR
    width, height = BUTTON_SIZE
    placed: dict[int, int] = {}  # Button.column -> buttons already in it
    for button in buttons:
        i = placed.get(button.column, 0)
        placed[button.column] = i + 1
        options = {
            # The bare Sub name: Excel finds a Public Sub in any standard module, and the
            # button table keeps the names unique.
            "macro": button.sub,
            "caption": button.caption(lang),
            "width": width,
            "height": height,
            "x_offset": button.column * (width + BUTTON_GAP),
            "y_offset": i * (height + BUTTON_GAP),
        }
        ws.insert_button(f"{col}{row}", options)


def _input_cell(formats: Formats, **props: Any) -> Format:
    return formats.get(
        bg_color="#FFF2CC", border=1, border_color="#BFBFBF", valign="vcenter", **props
    )


def _home_month(
    ws: Worksheet, row: int, formats: Formats, lang: str, year: int, month: str
) -> None:
    ws.set_row(row, 20)
    # Text format: Excel would turn a typed 2025-03 into a date.
    ws.write_string(row, 1, month, _input_cell(formats, num_format="@", align="left"))
    options: dict[str, Any] = {
        "validate": "list",
        "source": [f"{year}-{m:02d}" for m in range(1, 13)],
        "show_error": False,  # other years' months may be typed freely
        "input_title": _home_label("month", lang),
        "input_message": TEXT[lang]["month_hint"],
    }
    ws.data_validation(row, 1, row, 1, options)


def _home_year(ws: Worksheet, row: int, formats: Formats, lang: str, year: int) -> None:
    ws.set_row(row, 20)
    ws.write_number(row, 1, year, _input_cell(formats, num_format="0", align="left"))
    options: dict[str, Any] = {
        "validate": "integer",
        "criteria": "between",
        "minimum": 2000,
        "maximum": 2100,
        "input_title": _home_label("year", lang),
        "input_message": TEXT[lang]["year_hint"],
        "error_title": TEXT[lang]["invalid"],
        "error_message": range_message(lang, 2000, 2100, whole=True),
    }
    ws.data_validation(row, 1, row, 1, options)


def _home_as_of(ws: Worksheet, row: int, formats: Formats, lang: str) -> None:
    ws.set_row(row, 20)
    ws.write_blank(row, 1, None, _input_cell(formats, num_format=DATE_FORMAT, align="left"))
    options: dict[str, Any] = {
        "validate": "any",
        "input_title": _home_label("as_of", lang),
        "input_message": TEXT[lang]["as_of_hint"],
    }
    ws.data_validation(row, 1, row, 1, options)


def _home_status(ws: Worksheet, row: int, formats: Formats) -> None:
    # Wrapped, and no fixed row height: a long status grows the row instead of running
    # under the buttons.
    ws.write_blank(row, 1, None, formats.get(text_wrap=True, valign="top", font_color="#404040"))


def _home_label(key: str, lang: str) -> str:
    return next(zh if lang == "zh" else en for k, zh, en in schema.HOME_FIELDS if k == key)


def write_instructions(ws: Worksheet, formats: Formats, lang: str, first_row: int) -> None:
    ws.write_string(first_row, 0, TEXT[lang]["instructions"], formats.get(bold=True, font_size=12))
    hint = formats.get(font_color="#404040")
    for i, line in enumerate(_instructions(lang), start=1):
        ws.write_string(first_row + i, 0, line, hint)


def data_year_month(data: Mapping[str, pd.DataFrame]) -> tuple[int, str]:
    """The year and ``YYYY-MM`` of the latest log date, else DEFAULT_YEAR and its January."""
    logs = data.get("logs")
    latest: dt.date | None = None
    if logs is not None and "date" in logs.columns:
        dates = [_as_date(v) for v in logs["date"].tolist()]
        latest = max((d for d in dates if d is not None), default=None)
    if latest is None:
        return DEFAULT_YEAR, f"{DEFAULT_YEAR}-01"
    return latest.year, f"{latest.year}-{latest.month:02d}"


def _as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):  # includes pandas.Timestamp; NaT is not a datetime
        return None if pd.isna(value) else value.date()
    return value if isinstance(value, dt.date) else None


def _school_name(data: Mapping[str, pd.DataFrame]) -> str:
    default = next(d for d in SETTING_DEFS if d.key == "school_name")
    frame = data.get("settings")
    if frame is not None and {"key", "value"} <= set(frame.columns):
        for key, value in zip(frame["key"].tolist(), frame["value"].tolist(), strict=True):
            is_name = isinstance(key, str) and key.strip() in (default.zh, default.en, default.key)
            if is_name and isinstance(value, str) and value.strip():
                return value.strip()
    return str(default.default)


# ---- input sheets ----------------------------------------------------------------------


def default_settings_frame(lang: str) -> pd.DataFrame:
    """Every setting with its default value and note, labelled in ``lang``."""
    return pd.DataFrame(
        {
            "key": [d.label(lang) for d in SETTING_DEFS],
            "value": pd.Series([d.default for d in SETTING_DEFS], dtype=object),
            "note": [d.note(lang) for d in SETTING_DEFS],
        }
    )


def write_input_sheet(
    ws: Worksheet, formats: Formats, sheet: Sheet, lang: str, frame: pd.DataFrame | None
) -> None:
    """An Excel table at A1 over the data (at least one empty row), with entry checks."""
    n = 0 if frame is None else len(frame)
    cols = sheet.columns
    table = {
        "name": sheet.table,
        "style": TABLE_STYLE,
        "columns": [{"header": c.label(lang)} for c in cols],
    }
    ws.add_table(0, 0, max(n, 1), len(cols) - 1, table)
    col_formats = [input_column_format(formats, c) for c in cols]
    widths = [column_width(c, lang, filter_button=True) for c in cols]
    for i, (width, fmt) in enumerate(zip(widths, col_formats, strict=True)):
        ws.set_column(i, i, width, fmt)
    if frame is not None and n:
        values = [
            column_values(c, frame[c.key] if c.key in frame.columns else None, n, lang)
            for c in cols
        ]
        write_rows(ws, values, col_formats, formats.date)
    last_entry_row = max(n, 1) + ENTRY_ROWS
    for i, c in enumerate(cols):
        options = validation_options(c, lang)
        if options is not None:
            ws.data_validation(1, i, last_entry_row, i, options)
    ws.freeze_panes(1, 0)
    page_setup(ws, widths)


def input_column_format(formats: Formats, col: Column) -> Format | None:
    if col.kind is Kind.DATE:
        return formats.date
    if col.kind is Kind.TEXT and col.key.endswith("_id"):
        return formats.text  # identifiers: Excel keeps 001 as typed instead of the number 1
    return None


def column_values(
    col: Column, series: pd.Series | None, n: int, lang: str
) -> list[str | float | int | dt.date | None]:
    """Canonical values → what the cell holds: labels for choices/bools, blanks for NA."""
    if series is None:
        return [None] * n
    labels = {c.key: c.label(lang) for c in col.choices}
    return [cell_value(v, labels, lang) for v in series.tolist()]


def cell_value(
    value: object, labels: Mapping[str, str], lang: str
) -> str | float | int | dt.date | None:
    if isinstance(value, str):
        # Empty text is a blank cell; a choice key becomes its label; anything else stays text.
        return labels.get(value, value) if value else None
    if isinstance(value, np.datetime64):
        value = pd.Timestamp(value)
    if value is None or value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, bool | np.bool_):
        return schema.yes_no_label(bool(value), lang)
    if isinstance(value, dt.datetime):  # pandas.Timestamp too; timezone dropped by XlsxWriter
        return value.to_pydatetime() if isinstance(value, pd.Timestamp) else value
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int):
        return value
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return str(value)
    if math.isnan(number):
        return None
    return number if math.isfinite(number) else str(value)


def write_rows(
    ws: Worksheet,
    columns: Sequence[Sequence[str | float | int | dt.date | None]],
    col_formats: Sequence[Format | None],
    date_format: Format,
) -> None:
    """Row by row from per-column lists (no iterrows); every str goes through write_string."""
    for r, row in enumerate(zip(*columns, strict=True), start=1):
        for c, value in enumerate(row):
            if value is None:
                continue
            if isinstance(value, str):
                ws.write_string(r, c, value, col_formats[c])
            elif isinstance(value, dt.date):
                ws.write_datetime(r, c, value, date_format)
            else:
                ws.write_number(r, c, value, col_formats[c])


def validation_options(col: Column, lang: str) -> dict[str, Any] | None:
    """The data validation for a column's entry rows: dropdown, range, or a hint only."""
    t = TEXT[lang]
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
    t = TEXT[lang]
    case = (
        "between"
        if lo is not None and hi is not None
        else ("at_least" if lo is not None else "at_most")
    )
    return t[case].format(lo=_num(lo), hi=_num(hi), what=t["whole" if whole else "number"])


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


# ---- output sheets and xlwings.conf ----------------------------------------------------


def write_output_sheet(ws: Worksheet, formats: Formats, sheet: Sheet, lang: str) -> None:
    """Header only; each column's ``<col style>`` is the format the result writer applies."""
    header = formats.get(bold=True, bg_color="#DDEBF7", border=1, align="center", valign="vcenter")
    widths = [column_width(c, lang) for c in sheet.columns]
    for i, (col, width) in enumerate(zip(sheet.columns, widths, strict=True)):
        ws.set_column(i, i, width, output_column_format(formats, col))
        ws.write_string(0, i, col.label(lang), header)
    ws.freeze_panes(1, 0)
    page_setup(ws, widths)


def output_column_format(formats: Formats, col: Column) -> Format:
    # Text columns still need a non-default style, or XlsxWriter drops the style attribute.
    if col.num_format:
        return formats.get(num_format=col.num_format)
    return formats.get(align="left")


def write_xlwings_conf(ws: Worksheet) -> None:
    ws.set_column(0, 0, 28)
    ws.set_column(1, 1, 16)
    for r, (key, value) in enumerate(XLWINGS_CONF_ROWS):
        ws.write_string(r, 0, key)
        ws.write_string(r, 1, value)
    ws.hide()


# ---- shared layout helpers -------------------------------------------------------------


def display_width(text: str) -> int:
    """Column-width units: CJK (wide/full-width) characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def column_width(col: Column, lang: str, *, filter_button: bool = False) -> float:
    """Column.width, widened so the header label (and a table's filter arrow) fits."""
    return max(col.width, display_width(col.label(lang)) + (4 if filter_button else 2))


LANDSCAPE_WIDTH = 90  # wider than this (in width units) does not fit A4 portrait


def page_setup(ws: Worksheet, widths: Sequence[float]) -> None:
    ws.set_paper(9)  # A4
    if sum(widths) > LANDSCAPE_WIDTH:
        ws.set_landscape()
    ws.repeat_rows(0)
    ws.fit_to_pages(1, 0)
