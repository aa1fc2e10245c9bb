"""``logistics excel-setup``: point a workbook's buttons at this Python.

xlwings' VBA reads its settings from the hidden ``xlwings.conf`` sheet (key in column A,
value in column B, no header). This writes this interpreter's path under the key of the
platform it runs on (Windows or macOS; Linux has no Excel, and it refuses there), keeps
every other setting, and adds the ones the workbook needs; the write is the same
owned-sheet zip patch as the results, so nothing else in the workbook changes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..core.errors import LogisticsError
from ..core.schema import XLWINGS_CONF
from ..io.builder import XLWINGS_CONF_ROWS
from ..io.locks import ensure_not_open, tool_lock
from ..io.package import check_package
from ..io.writer import write_owned_sheets
from ..io.xlwings_conf import read_conf

# The key xlwings' VBA reads the interpreter from, per platform Excel runs the buttons on.
INTERPRETER_KEYS = {
    "win32": "Interpreter_Win",
    "cygwin": "Interpreter_Win",
    "darwin": "Interpreter_Mac",
}


class NoExcelHere(LogisticsError):
    """Excel runs the buttons on Windows and macOS only: a path from here would be wrong."""

    said = "excel_setup_no_excel_here"


def interpreter_key(platform: str) -> str:
    """``Interpreter_Win`` or ``Interpreter_Mac`` for ``platform`` (``sys.platform``);
    raises ``NoExcelHere`` elsewhere (Linux), where Excel cannot run the buttons."""
    key = INTERPRETER_KEYS.get(platform)
    if key is None:
        raise NoExcelHere(platform=platform)
    return key


def conf_rows(current: list[tuple[str, str]], python: str, platform: str) -> list[list[object]]:
    """The settings to write: ``current`` updated with the interpreter and required keys.

    Raises ``NoExcelHere`` on a platform where Excel does not run (``interpreter_key``).
    """
    key = interpreter_key(platform)
    merged = dict(XLWINGS_CONF_ROWS) | dict(current)  # defaults only where a key is missing
    merged[key] = python
    # Text, never booleans: VBA would turn TRUE into the UI language's word.
    return [[key, str(value)] for key, value in merged.items()]


def excel_setup(
    path: Path, python: str | None = None, platform: str | None = None
) -> list[list[object]]:
    """Write the settings into ``path``'s xlwings.conf sheet; return what was written.

    On Linux (no Excel) it raises ``NoExcelHere`` (exit 2) before opening the file.
    """
    interpreter_key(platform or sys.platform)
    check_package(path)
    ensure_not_open(path)
    with tool_lock(path):
        rows = conf_rows(read_conf(path), python or sys.executable, platform or sys.platform)
        write_owned_sheets(path, {XLWINGS_CONF: rows}, header_rows=0)
    return rows
