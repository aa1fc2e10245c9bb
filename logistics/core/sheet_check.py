"""One input sheet checked on its own, ahead of the rest of the book (SPEC 4.5).

A reader that hands sheets over as it reads them (the workbook file's, with its read-ahead
thread) lets the jobs check each small sheet while the big one is still being parsed;
``validate.load`` then takes the outcome instead of checking that sheet again, and every
problem still comes out in the order a whole-book check gives.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .parsing import Coded
from .problems import Problem
from .rawbook import RawSheet


@dataclass(frozen=True)
class SheetCheck:
    """``validate.load_sheet``'s outcome for ``raw`` read in the ``date1904`` date system:
    the typed ``table`` (index: Excel rows), the sheet's ``problems`` in their order, and its
    text columns as codes (column key -> ``Coded``)."""

    raw: RawSheet
    date1904: bool
    table: pd.DataFrame
    problems: list[Problem]
    coded: dict[str, Coded]
