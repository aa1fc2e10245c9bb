"""What a reader hands to the core: sheets as raw cell values, positioned by Excel row.

Readers (a file through python-calamine, an open workbook through xlwings) fill these;
the core parses and validates them. Values are what the cell held: str, float, int,
datetime.date/datetime, None for an empty cell, "TRUE"/"FALSE" for a logical cell (text, so
that TRUE never passes for the number 1), and ``CellError`` for an error value or a formula
whose result the file does not hold.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
import pandas as pd

from .columns import column_letters
from .problems import Problem

# A column as integer codes: (code of each cell, -1 when blank; the distinct values by code).
Coded = tuple[npt.NDArray[np.int64], npt.NDArray[np.object_]]


@dataclass(frozen=True)
class CellError:
    """A cell with no usable value: an error (``#DIV/0!``, ``#N/A`` …) or, with
    ``uncomputed``, a formula saved without its result (``text`` is then the formula)."""

    text: str
    uncomputed: bool = False

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class MergedRange:
    """Merged cells: Excel rows ``first_row``..``last_row``, 0-based columns
    ``first_col``..``last_col`` (as calamine and the header positions count them)."""

    first_row: int
    first_col: int
    last_row: int
    last_col: int

    @property
    def ref(self) -> str:
        """``A10:A11``: how Excel names the range."""
        first, last = column_letters(self.first_col), column_letters(self.last_col)
        return f"{first}{self.first_row}:{last}{self.last_row}"

    def covers(self, row: int, col: int) -> bool:
        return self.first_row <= row <= self.last_row and self.first_col <= col <= self.last_col


@dataclass
class RawSheet:
    key: str  # schema sheet key
    name: str  # the sheet's name in the workbook
    header_row: int  # Excel row number of the header
    frame: pd.DataFrame  # columns: column keys found; index: Excel row numbers; object values
    missing: list[str] = field(default_factory=list)  # column keys of the schema not found
    positions: dict[str, int] = field(default_factory=dict)  # column key -> 0-based column
    problems: list[Problem] = field(default_factory=list)  # of the header (repeated labels)
    merged: list[MergedRange] = field(default_factory=list)  # merged ranges below the header
    # Column key -> what ``pd.factorize`` of ``frame[key]`` gives (codes in order of first
    # appearance), when the reader coded the column as it read it; the parser then need not
    # hash the column again. Optional: a column absent here is coded by the parser.
    codes: dict[str, Coded] = field(default_factory=dict)


@dataclass
class RawBook:
    lang: str  # "zh" or "en": the workbook's language, from its sheet names
    sheets: dict[str, RawSheet]  # by sheet key; a sheet absent from the workbook is absent here
    home: dict[str, object] = field(default_factory=dict)  # Home-sheet field key -> value
    problems: list[Problem] = field(default_factory=list)  # of the book (stale sheet copies)
    date1904: bool = False  # the workbook counts date serials from 1904-01-01 (Mac Excel)
