"""The Home sheet: the title, the HOME_FIELDS label/value rows (month, year, as-of date,
status) with their entry checks, a form button per macro, and the instructions. The title
formula and the month list are in :mod:`.home_formulas`."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from words import pick, word

from ..buttons import BUTTONS, Button
from ..core import schema
from .entry_checks import range_message
from .home_formulas import (
    MONTH_LIST_COLUMN,
    month_list,
    month_list_range,
    title_formula,
    title_value,
)
from .sheet_layout import DATE_FORMAT, Formats

# ---- layout (1-based Excel rows) ------------------------------------------------------
HOME_FIELD_ROW = 3  # first HOME_FIELDS row; label in column A, value in column B
HOME_CELLS: dict[str, tuple[str, str]] = {
    key: (f"A{HOME_FIELD_ROW + i}", f"B{HOME_FIELD_ROW + i}")
    for i, (key, _zh, _en) in enumerate(schema.HOME_FIELDS)
}
# Macro buttons go in columns D–F from row 3 down (BUTTON_AREA); nothing is written there. Each
# Button.column is a column of buttons from the anchor's top left: column 0 at its left edge,
# column 1 one button width and a gap to the right (it starts in E and ends inside F).
BUTTON_ANCHOR = ("D", 3)
BUTTON_SIZE = (150, 30)  # width, height in pixels: the longest caption fits in either language
BUTTON_GAP = 10  # pixels between two buttons, across and down
# The area grows with the longest column of buttons (default rows are 20 pixels high).
_BUTTON_ROWS = -(
    -max(Counter(b.column for b in BUTTONS).values()) * (BUTTON_SIZE[1] + BUTTON_GAP) // 20
)
BUTTON_AREA = ("D3", f"F{max(14, 3 + _BUTTON_ROWS)}")
INSTRUCTIONS_ROW = int(BUTTON_AREA[1][1:]) + 2
HOME_WIDTHS = {"A": 14.0, "B": 28.0, "C": 2.0, "D": 16.0, "E": 16.0, "F": 16.0}

# The instructions below the buttons, one entry a line.
INSTRUCTION_LINES = (
    "home_line_inputs",
    "home_line_dropdowns",
    "home_line_settings",
    "home_line_buttons",
    "home_line_outputs",
    "home_line_cli",
    "home_line_cli_more",
)


def _instructions(lang: str) -> list[str]:
    inputs = [s.label(lang) for s in schema.INPUT_SHEETS if s.key != "settings"]
    outputs = [s.label(lang) for s in schema.OUTPUT_SHEETS]
    join = word(lang, "quoted_names_sep").join
    fields = {
        "inputs": join(inputs[:3]),
        "settings": schema.SETTINGS.label(lang),
        "outputs": join(outputs),
    }
    return [word(lang, key, **fields) for key in INSTRUCTION_LINES]


def home_title(lang: str, data: Mapping[str, pd.DataFrame] | None = None) -> str:
    """The Home sheet title as built: school name (Settings data or default) + console name.
    In the workbook it is a formula (:func:`.home_formulas.title_formula`) with this value."""
    return title_value(lang, data)


def write_home(
    ws: Worksheet,
    formats: Formats,
    lang: str,
    data: Mapping[str, pd.DataFrame],
    build_date: dt.date,
    as_of: dt.date | None = None,
) -> None:
    """Title, the HOME_FIELDS label/value rows, and instructions below the button area.

    ``build_date`` sets the month list (five years either side of its year, SPEC §3.1) and,
    when the data has no log dates, the month and year offered; ``as_of`` the 截止日期
    (blank when None).
    """
    ws.activate()
    ws.hide_gridlines(2)
    for letter, width in HOME_WIDTHS.items():
        ws.set_column(f"{letter}:{letter}", width)
    ws.set_row(0, 30)
    ws.write_formula(
        0,
        0,
        title_formula(lang),
        formats.get(bold=True, font_size=16),
        home_title(lang, data),
    )
    _month_list(ws, build_date.year)
    year, month = data_year_month(data, build_date)
    label_fmt = formats.get(bold=True, align="right", indent=1, valign="vcenter")
    for key, (label_cell, _value_cell) in HOME_CELLS.items():
        row = int(label_cell[1:]) - 1
        ws.write_string(row, 0, _home_label(key, lang), label_fmt)
        match key:
            case "month":
                _home_month(ws, row, formats, lang, month, build_date.year)
            case "year":
                _home_year(ws, row, formats, lang, year)
            case "as_of":
                _home_as_of(ws, row, formats, lang, as_of)
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


def _month_list(ws: Worksheet, build_year: int) -> None:
    """The dropdown's months as text cells in a hidden column (see :mod:`.home_formulas`)."""
    col = MONTH_LIST_COLUMN
    ws.set_column(col, col, None, None, {"hidden": True})
    for r, label in enumerate(month_list(build_year)):
        ws.write_string(r, col, label)


def _home_month(
    ws: Worksheet, row: int, formats: Formats, lang: str, month: str, build_year: int
) -> None:
    ws.set_row(row, 20)
    # Text format: Excel would turn a typed 2025-03 into a date.
    ws.write_string(row, 1, month, _input_cell(formats, num_format="@", align="left"))
    options: dict[str, Any] = {
        "validate": "list",
        "source": month_list_range(build_year),
        "show_error": False,  # other years' months may be typed freely
        "input_title": _home_label("month", lang),
        "input_message": word(lang, "home_month_hint"),
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
        "input_message": word(lang, "home_year_hint"),
        "error_title": word(lang, "check_invalid"),
        "error_message": range_message(lang, 2000, 2100, whole=True),
    }
    ws.data_validation(row, 1, row, 1, options)


def _home_as_of(
    ws: Worksheet, row: int, formats: Formats, lang: str, as_of: dt.date | None
) -> None:
    ws.set_row(row, 20)
    cell = _input_cell(formats, num_format=DATE_FORMAT, align="left")
    if as_of is None:
        ws.write_blank(row, 1, None, cell)
    else:
        ws.write_datetime(row, 1, dt.datetime.combine(as_of, dt.time()), cell)
    options: dict[str, Any] = {
        "validate": "any",
        "input_title": _home_label("as_of", lang),
        "input_message": word(lang, "home_as_of_hint"),
    }
    ws.data_validation(row, 1, row, 1, options)


def _home_status(ws: Worksheet, row: int, formats: Formats) -> None:
    # Wrapped, and no fixed row height: a long status grows the row instead of running
    # under the buttons.
    ws.write_blank(row, 1, None, formats.get(text_wrap=True, valign="top", font_color="#404040"))


def _home_label(key: str, lang: str) -> str:
    return next(pick(lang, zh, en) for k, zh, en in schema.HOME_FIELDS if k == key)


def write_instructions(ws: Worksheet, formats: Formats, lang: str, first_row: int) -> None:
    ws.write_string(
        first_row, 0, word(lang, "home_instructions"), formats.get(bold=True, font_size=12)
    )
    hint = formats.get(font_color="#404040")
    for i, line in enumerate(_instructions(lang), start=1):
        ws.write_string(first_row + i, 0, line, hint)


def data_year_month(data: Mapping[str, pd.DataFrame], build_date: dt.date) -> tuple[int, str]:
    """The year and ``YYYY-MM`` of the latest log date, else those of ``build_date``."""
    logs = data.get("logs")
    latest: dt.date | None = None
    if logs is not None and "date" in logs.columns:
        dates = [_as_date(v) for v in logs["date"].tolist()]
        latest = max((d for d in dates if d is not None), default=None)
    if latest is None:
        latest = build_date
    return latest.year, f"{latest.year}-{latest.month:02d}"


def _as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):  # includes pandas.Timestamp; NaT is not a datetime
        return None if pd.isna(value) else value.date()
    return value if isinstance(value, dt.date) else None
