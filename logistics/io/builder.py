"""Build the workbook from the schema with XlsxWriter.

Sheet order: Home (opens first), every input sheet as an Excel table, every output sheet
(header only, with a styled ``<col>`` per column for the result writer), then the hidden
``xlwings.conf``. An ``.xlsm`` gets the VBA project of :mod:`logistics.io.vba_project` and one form
button per :data:`~logistics.buttons.BUTTONS` entry on Home. The build is byte-stable:
same inputs, same bytes.

Text is always written with ``write_string`` so nothing typed by staff can become a formula.

This module holds the call, the package and ``xlwings.conf``; the sheets are written by
:mod:`.home_sheet` and :mod:`.data_sheets`, with :mod:`.entry_checks` (data validation) and
:mod:`.sheet_layout` (formats, widths, print setup).
"""

from __future__ import annotations

import datetime as dt
import io
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd
import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from words import LANGS, pick, word

from ..core import schema
from .data_sheets import default_settings_frame, write_input_sheet, write_output_sheet
from .home_sheet import (
    BUTTON_ANCHOR,
    BUTTON_AREA,
    BUTTON_GAP,
    BUTTON_SIZE,
    HOME_CELLS,
    home_title,
    write_buttons,
    write_home,
)
from .sheet_layout import Formats
from .vba_project import build_vba_project

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

FIXED_CREATED = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
# XlsxWriter options: never turn a str into a formula, URL or number, even via write().
WORKBOOK_OPTIONS: dict[str, Any] = {
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
    "remove_timezone": True,
}

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


# ---- public API ------------------------------------------------------------------------


def build_workbook(
    path: Path,
    lang: str = "zh",
    data: Mapping[str, pd.DataFrame] | None = None,
    *,
    vba_project: bytes | None = None,
    constant_memory: bool = False,
    build_date: dt.date | None = None,
    as_of: dt.date | None = None,
) -> Path:
    """Write the workbook to ``path`` and return ``path``.

    ``data`` maps input-sheet keys to frames whose columns are column keys (canonical values:
    dates, bools, choice keys, numbers, text). An ``.xlsm`` path without ``vba_project`` gets
    :func:`default_vba_project`; a given project must define the buttons' Subs. The Home
    buttons are placed whenever there is a VBA project (in an ``.xlsx`` they could run
    nothing). ``constant_memory`` is refused: see ``_check_args``.

    ``build_date`` (default: the fixed creation date, so the build is byte-stable) sets the
    Home sheet's month list, five years either side of its year, and the month and year
    offered when ``data`` has no log dates (``logistics new`` passes today). ``as_of`` fills
    the Home sheet's 截止日期 (default: blank, which the jobs read as today).
    """
    path = Path(path)
    data = dict(data or {})
    _check_args(path, lang, data, vba_project, constant_memory)
    if vba_project is None and path.suffix.lower() == ".xlsm":
        vba_project = default_vba_project()
    # Build beside the target and rename: a failed build never leaves a half-written file.
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        _write_package(tmp, lang, data, vba_project, build_date or created_at().date(), as_of)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def default_vba_project() -> bytes:
    """The ``xl/vbaProject.bin`` of an ``.xlsm`` build: xlwings' project with the Buttons module.

    See :func:`logistics.io.vba_project.build_vba_project`.
    """
    return build_vba_project()


# ---- package -----------------------------------------------------------------------------


def _check_args(
    path: Path,
    lang: str,
    data: Mapping[str, pd.DataFrame],
    vba_project: bytes | None,
    constant_memory: bool,
) -> None:
    if lang not in LANGS:
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
    target: Path,
    lang: str,
    data: Mapping[str, pd.DataFrame],
    vba_project: bytes | None,
    build_date: dt.date,
    as_of: dt.date | None = None,
) -> None:
    wb = xlsxwriter.Workbook(str(target), WORKBOOK_OPTIONS)
    try:
        title = home_title(lang, data)
        wb.set_properties(
            {"title": title, "author": word(lang, "workbook_author"), "created": created_at()}
        )
        if vba_project is not None:
            wb.add_vba_project(io.BytesIO(vba_project), is_stream=True)  # type: ignore[arg-type]
            wb.set_vba_name("ThisWorkbook")
        formats = Formats(wb)
        home = wb.add_worksheet(pick(lang, schema.HOME[1], schema.HOME[2]))
        write_home(home, formats, lang, data, build_date, as_of)
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


def write_xlwings_conf(ws: Worksheet) -> None:
    ws.set_column(0, 0, 28)
    ws.set_column(1, 1, 16)
    for r, (key, value) in enumerate(XLWINGS_CONF_ROWS):
        ws.write_string(r, 0, key)
        ws.write_string(r, 1, value)
    ws.hide()
