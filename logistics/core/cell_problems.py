"""Problems about single cells that need more than a parse: merged ranges in a table, and how
a range is worded (SPEC 4.5: a merged cell gets its own message; ranges read as a clerk
would say them)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
import pandas as pd

from words import Both, word

from . import schema
from .problems import Problem, display
from .rawbook import RawSheet


def merged_problems(sheet: schema.Sheet, raw: RawSheet, found: list[Problem]) -> list[Problem]:
    """One ``merged_cells`` problem per merged range of the table, at its first cell; the
    problems of the other cells of the range (empty, so "required") are dropped."""
    column_of = {j: key for key, j in raw.positions.items()}
    merged: list[Problem] = []
    covered = []
    for m in raw.merged:
        keys = [column_of[j] for j in range(m.first_col, m.last_col + 1) if j in column_of]
        if not keys:
            continue
        row = max(m.first_row, raw.header_row + 1)
        value = raw.frame.at[row, keys[0]] if row in raw.frame.index else None
        merged.append(Problem("merged_cells", sheet.key, row, keys[0], value, {"cells": m.ref}))
        covered.append(m)
    kept = [
        p
        for p in found
        if p.row is None
        or p.column not in raw.positions
        or not any(m.covers(p.row, raw.positions[p.column]) for m in covered)
    ]
    return sorted(merged + kept, key=lambda p: p.row or 0)


def range_text(low: float | None, high: float | None, lang: str) -> str:
    """How a clerk says a range: 应在 0 到 24 之间 / 应不小于 0 (en: between 0 and 24)."""
    lo = None if low is None else display(low)
    hi = None if high is None else display(high)
    if lo is not None and hi is not None:
        return word(lang, "range_between", lo=lo, hi=hi)
    return (
        word(lang, "range_at_least", lo=lo)
        if lo is not None
        else word(lang, "range_at_most", hi=hi)
    )


def range_params(column: schema.Column) -> dict[str, object]:
    return {
        "range": Both(
            range_text(column.min, column.max, "zh"), range_text(column.min, column.max, "en")
        ),
    }


def rows_where(mask: pd.Series) -> list[int]:
    """The Excel row numbers (the frame's index) where ``mask`` holds (a blank: not)."""
    held = mask.to_numpy()
    if held.dtype != bool:  # a nullable or object mask: blanks count as False
        held = mask.fillna(False).to_numpy(dtype=bool)
    return rows_in(mask.index, held)


def rows_in(index: pd.Index, held: npt.NDArray[np.bool_]) -> list[int]:
    """The Excel row numbers of ``index`` where the bool array ``held`` (in its order) holds."""
    if not held.any():  # most checks of most sheets find nothing: no index taken
        return []
    return [int(r) for r in index[held]]


def cells_at(column: pd.Series, rows: Sequence[int]) -> list[object]:
    """``column.at[r]`` for each Excel row of ``rows``, boxed as ``.at`` boxes it (a Timestamp,
    a numpy scalar or the object held), in one take instead of one lookup per row (a check
    may find thousands of rows)."""
    if not len(rows):
        return []
    positions = column.index.get_indexer(list(rows))
    if isinstance(column.dtype, np.dtype) and column.dtype.kind not in "mM":
        return list(column.to_numpy().take(positions))
    return list(column.array.take(positions))  # datetimes box to Timestamps, as ``.at`` does


def end_before_start(key: str, table: pd.DataFrame, later: str, earlier: str) -> list[Problem]:
    """An error at each row of sheet ``key`` whose ``later`` date precedes its ``earlier`` one
    (Due < Start, 离职日期 < 入职日期 …; SPEC 4.5)."""
    column = schema.SHEETS[key].column(earlier)
    return [
        Problem(
            "end_before_start",
            key,
            r,
            later,
            table.at[r, later],
            {
                "other": Both(column.zh, column.en),
                "other_value": display(table.at[r, earlier]),
            },
        )
        for r in rows_where(table[later] < table[earlier])
    ]
