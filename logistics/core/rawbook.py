"""What a reader hands to the core: sheets as raw cell values, positioned by Excel row.

Readers (a file through python-calamine, an open workbook through xlwings) fill these;
the core parses and validates them. Values are what the cell held: str, float, int, bool,
datetime.date/datetime, or None for an empty cell.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from .problems import Problem


@dataclass
class RawSheet:
    key: str  # schema sheet key
    name: str  # the sheet's name in the workbook
    header_row: int  # Excel row number of the header
    frame: pd.DataFrame  # columns: column keys found; index: Excel row numbers; object values
    missing: list[str] = field(default_factory=list)  # column keys of the schema not found
    positions: dict[str, int] = field(default_factory=dict)  # column key -> 0-based column
    problems: list[Problem] = field(default_factory=list)  # of the header (repeated labels)


@dataclass
class RawBook:
    lang: str  # "zh" or "en": the workbook's language, from its sheet names
    sheets: dict[str, RawSheet]  # by sheet key; a sheet absent from the workbook is absent here
    home: dict[str, object] = field(default_factory=dict)  # Home-sheet field key -> value
    problems: list[Problem] = field(default_factory=list)  # of the book (stale sheet copies)
