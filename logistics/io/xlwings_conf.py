"""The hidden ``xlwings.conf`` sheet, read as xlwings' VBA reads it: key in column A, value in
column B, no header. ``logistics excel-setup`` rewrites it; ``logistics doctor`` checks the
interpreter path in it."""

from __future__ import annotations

from pathlib import Path

from python_calamine import CalamineWorkbook

from ..core.schema import XLWINGS_CONF


def read_conf(path: Path) -> list[tuple[str, str]]:
    """The (key, value) rows of ``path``'s xlwings.conf sheet, in sheet order; [] without one.

    Keys are stripped, values kept as typed; rows without a key are skipped.
    """
    book = CalamineWorkbook.from_path(str(path))
    if XLWINGS_CONF not in book.sheet_names:
        return []
    rows = book.get_sheet_by_name(XLWINGS_CONF).to_python()
    return [(str(r[0]).strip(), "" if len(r) < 2 else str(r[1])) for r in rows if r and r[0]]
