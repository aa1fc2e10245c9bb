"""Rows that repeat an earlier row's key, found with integer codes (SPEC 4.5: duplicate IDs and
duplicate logs name the row they repeat).

A key of several columns becomes one integer code per row: each column gets integer codes
(a date its own tick count, anything else one hash pass), the codes are combined by
arithmetic and numbered once more, so a million log rows cost a few integer passes instead
of a groupby over tuples of objects.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import numpy.typing as npt
import pandas as pd

from .parsing import Coded


def key_codes(
    table: pd.DataFrame, keys: list[str], coded: Mapping[str, Coded] | None = None
) -> npt.NDArray[np.intp]:
    """One code per row of ``table``, equal exactly when the rows hold equal ``keys`` values
    (as ``DataFrame.duplicated`` compares them), numbered in order of first appearance; rows
    with a blank key value get -1. ``coded``: columns already coded by parsing."""
    coded = coded or {}
    columns = [
        (coded[key][0], max(len(coded[key][1]), 1)) if key in coded else _column_codes(table[key])
        for key in keys
    ]
    blank = np.zeros(len(table), dtype=bool)
    for codes, _ in columns:
        blank |= codes < 0
    combined: npt.NDArray[np.int64] = np.zeros(len(table), dtype=np.int64)
    size = 1
    for codes, count in columns:
        if size * count >= _INT64_ROOM:  # renumber what we have so far densely, then go on
            combined = pd.factorize(combined)[0].astype(np.int64)
            size = int(combined.max()) + 1 if len(combined) else 1
        combined = combined * count + np.where(codes < 0, 0, codes)
        size *= count
    out = np.full(len(table), -1, dtype=np.intp)
    out[~blank] = pd.factorize(combined[~blank])[0]
    return out


_INT64_ROOM = 2**62  # combined codes stay below this: no overflow, no collision
_DENSE_SPAN = 2**32  # a datetime column spanning more ticks than this is hashed instead


def _column_codes(values: pd.Series) -> tuple[npt.NDArray[np.int64], int]:
    """(code of each value, -1 when blank; how many codes there can be)."""
    if values.dtype.kind == "M":  # datetimes: their own integer, offset (no hashing)
        ticks = values.to_numpy().view(np.int64)
        blank = np.isnat(values.to_numpy())
        if blank.all():
            return np.full(len(values), -1, dtype=np.int64), 1
        low, high = int(ticks[~blank].min()), int(ticks[~blank].max())
        if high - low < _DENSE_SPAN:
            return np.where(blank, -1, ticks - low), high - low + 1
    codes, uniques = pd.factorize(values)
    return codes.astype(np.int64), max(len(uniques), 1)


def first_rows(
    table: pd.DataFrame, keys: list[str], coded: Mapping[str, Coded] | None = None
) -> tuple[pd.Series, pd.Series]:
    """(mask of rows repeating an earlier row's ``keys``, Excel row of that earlier row).

    Both are indexed by the rows whose ``keys`` are all filled (the others repeat nothing);
    "earlier" is table order, and the earlier row is the smallest Excel row with that key.
    """
    codes = key_codes(table, keys, coded)
    present = codes >= 0
    codes = codes[present]
    rows = table.index[present]
    # Codes number keys in order of first appearance, so a row is the first of its key
    # exactly where the running maximum of the codes steps up.
    running = np.maximum.accumulate(codes) if len(codes) else codes
    is_first = np.diff(running, prepend=-1) > 0
    row_numbers = rows.to_numpy(dtype=np.int64)
    if rows.is_monotonic_increasing:
        first_of_code = row_numbers[is_first]
    else:
        first_of_code = np.full(int(is_first.sum()), np.iinfo(np.int64).max, dtype=np.int64)
        np.minimum.at(first_of_code, codes, row_numbers)
    # copy=False: both arrays are new (pandas would copy each once more).
    return (
        pd.Series(~is_first, index=rows, copy=False),
        pd.Series(first_of_code[codes], index=rows, copy=False),
    )
