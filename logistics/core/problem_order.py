"""Validation problems in the order a clerk fixes them: by sheet, then row, then column.

The checks find problems check by check (every missing value of a sheet, then every
out-of-range one …); a person working through a workbook goes sheet by sheet and row by
row. Sheets follow the workbook's order (``schema.SHEETS``), columns the sheet's.
"""

from __future__ import annotations

from collections.abc import Iterable

from . import schema
from .problems import Problem

_SHEET_ORDER = {key: i for i, key in enumerate(schema.SHEETS)}


def place_key(problem: Problem) -> tuple[int, int, int, str]:
    """Sort key: (sheet position, Excel row, column position, column key).

    A problem about a whole sheet (row None) comes before its rows, one about a whole row
    (column None) before its cells; a column the schema does not know (a setting key) goes
    after the known ones, by name.
    """
    sheet = schema.SHEETS.get(problem.sheet)
    column = -1
    if problem.column is not None:
        keys = [c.key for c in sheet.columns] if sheet is not None else []
        column = keys.index(problem.column) if problem.column in keys else len(keys)
    return (
        _SHEET_ORDER.get(problem.sheet, len(_SHEET_ORDER)),
        -1 if problem.row is None else problem.row,
        column,
        problem.column or "",
    )


def by_place(problems: Iterable[Problem]) -> list[Problem]:
    """``problems`` sorted by sheet, row and column (stable: equal places keep their order)."""
    return sorted(problems, key=place_key)
