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

from python_calamine import CalamineWorkbook

from ..core.errors import LogisticsError
from ..core.schema import XLWINGS_CONF
from ..io.builder import XLWINGS_CONF_ROWS
from ..io.locks import ensure_not_open, tool_lock
from ..io.package import check_package
from ..io.writer import write_owned_sheets

# The key xlwings' VBA reads the interpreter from, per platform Excel runs the buttons on.
INTERPRETER_KEYS = {
    "win32": "Interpreter_Win",
    "cygwin": "Interpreter_Win",
    "darwin": "Interpreter_Mac",
}


class NoExcelHere(LogisticsError):
    """Excel runs the buttons on Windows and macOS only: a path from here would be wrong."""

    zh = (
        "Excel 的按钮只在 Windows 或 macOS 上运行，这台电脑（{platform}）的 Python 路径对它们"
        "无用，所以未写入任何内容。请在打开该工作簿的 Windows 或 Mac 电脑上运行 "
        "logistics excel-setup；在这台电脑上，logistics app（工作台）可以完成同样的工作。"
    )
    en = (
        "Excel runs the buttons on Windows or macOS only; a Python path from this computer "
        "({platform}) would be of no use to them, so nothing was written. Run logistics "
        "excel-setup on the Windows or Mac computer that opens the workbook; here, logistics "
        "app (the workbench) does the same jobs."
    )


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


def read_conf(path: Path) -> list[tuple[str, str]]:
    book = CalamineWorkbook.from_path(str(path))
    if XLWINGS_CONF not in book.sheet_names:
        return []
    rows = book.get_sheet_by_name(XLWINGS_CONF).to_python()
    return [(str(r[0]).strip(), "" if len(r) < 2 else str(r[1])) for r in rows if r and r[0]]


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
