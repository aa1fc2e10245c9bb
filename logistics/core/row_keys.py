"""Rows that repeat an earlier row's key, found with integer codes (SPEC 4.5: duplicate IDs and
duplicate logs name the row they repeat).

A key of several columns becomes one integer code per row: each column is factorized (one
hash pass), and the codes are combined pairwise and factorized again, so a million log rows
cost a few integer passes instead of a groupby over tuples of objects.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pandas as pd


def key_codes(table: pd.DataFrame, keys: list[str]) -> npt.NDArray[np.intp]:
    """One code per row of ``table``, equal exactly when the rows hold equal ``keys`` values
    (as ``DataFrame.duplicated`` compares them), numbered in order of first appearance; rows
    with a blank key value get -1."""
    combined: npt.NDArray[np.intp] | None = None
    blank = np.zeros(len(table), dtype=bool)
    for key in keys:
        codes, uniques = pd.factorize(table[key])
        blank |= codes < 0
        if combined is None:
            combined = codes
        else:
            # Both codes are below the row count, so the pair fits in int64 without collisions.
            pair = combined.astype(np.int64) * (len(uniques) + 1) + codes
            combined, _ = pd.factorize(pair)
    assert combined is not None, "at least one key column"
    if not blank.any():
        return combined
    present = combined[~blank]
    out = np.full(len(table), -1, dtype=np.intp)
    out[~blank] = pd.factorize(present)[0]
    return out


def first_rows(table: pd.DataFrame, keys: list[str]) -> tuple[pd.Series, pd.Series]:
    """(mask of rows repeating an earlier row's ``keys``, Excel row of that earlier row).

    Both are indexed by the rows whose ``keys`` are all filled (the others repeat nothing);
    "earlier" is table order, and the earlier row is the smallest Excel row with that key.
    """
    codes = key_codes(table, keys)
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
    return pd.Series(~is_first, index=rows), pd.Series(first_of_code[codes], index=rows)
