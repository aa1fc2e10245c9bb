"""The input sheets (an Excel table each, with the data and checks on the entry rows) and the
output sheets (the header, and a styled ``<col>`` per column for the result writer)."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from ..core import schema
from ..core.schema import Column, Kind, Sheet
from ..core.settings import SETTING_DEFS, SettingDef
from .entry_checks import validation_options
from .sheet_layout import Formats, column_width, page_setup

TABLE_STYLE = "Table Style Medium 2"
ENTRY_ROWS = 2000  # blank rows below the data that keep dropdowns/checks for typing


def default_settings_frame(lang: str) -> pd.DataFrame:
    """Every setting with its default value and note, labelled in ``lang``."""
    return pd.DataFrame(
        {
            "key": [d.label(lang) for d in SETTING_DEFS],
            "value": pd.Series([_default_label(d, lang) for d in SETTING_DEFS], dtype=object),
            "note": [d.note(lang) for d in SETTING_DEFS],
        }
    )


def _default_label(d: SettingDef, lang: str) -> object:
    """A setting's default in the workbook's language: a choice's label (基数系数 / BaseCoef),
    else its value (an English workbook names an English school)."""
    found = next((c for c in d.choices if d.default in (c.zh, c.en, c.key)), None)
    return d.default_in(lang) if found is None else found.label(lang)


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
    if col.kind is Kind.TEXT and col.key.endswith(("_id", "_code")):
        return formats.text  # identifiers: Excel keeps 001 as typed instead of the number 1
    if col.num_format:
        return formats.get(num_format=col.num_format)  # money columns: 1,300.00
    if col.key == "period":
        return formats.text  # 绩效总额 期间: 2026-03 stays text, not a date Excel makes of it
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
