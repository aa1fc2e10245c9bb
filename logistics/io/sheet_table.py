"""The table under a sheet's header as a frame of cleaned cells, built a chunk of rows at a time.

calamine hands over one Python list per row. Holding every row of a 100,000-row log sheet at
once, then a 2-D frame of them, its cleaned copy and the copy without blank rows, nearly
doubled the memory of a whole run. Here the rows are pulled a chunk (``CHUNK_CELLS``) at a
time: each chunk's wanted columns are cleaned (``clean_values``), its non-blank rows are
written into the one block of the result, and the chunk's row lists go before the next chunk
is read, so cells that repeat (dates, IDs, statuses) live once per chunk, not once per cell.

The cleaning rules are SPEC 4.1's (see ``clean``); the result is what ``RawSheet.frame``
promises (core/rawbook.py): object values, Excel row numbers as index, blanks as None.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from itertools import chain, islice

import numpy as np
import pandas as pd
from pandas._libs import lib

# Cells per chunk: 8,192 rows of a 7-column log sheet (4,096 to 8,192 rows measured fastest:
# the chunk stays in cache); a wider sheet gets fewer rows, so a chunk's size stays bounded.
CHUNK_CELLS = 65_536


def clean(value: object) -> object:
    """calamine gives '' for an empty cell; strip text so ' ' counts as blank. A logical
    cell becomes the text TRUE/FALSE and a NaN the text NaN: neither is a number (SPEC 4.1),
    and as text neither can pass for 1, 0 or a blank cell."""
    if isinstance(value, str):
        value = value.strip()
        return value or None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value != value:
        return "NaN"
    return value


def clean_values(values: np.ndarray) -> np.ndarray:
    """``clean`` each value of the 1-D object array ``values``: a new object array."""
    return cleaned_and_present(values)[0]


def cleaned_and_present(
    values: np.ndarray, seen: dict[object, object] | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """(``clean`` of each value of the 1-D object array ``values``, which cleaned values are
    not missing as ``pd.notna`` tells): a new object array and a bool array, both as long.

    Each distinct value is cleaned once (sheets repeat dates, IDs and statuses): one hash
    pass (``factorize``) codes the cells and the cleaned values are taken by code, as is
    whether each is missing. ``seen``: the cleaned values of the column's earlier chunks; a
    value equal to one of them is given as that one, so that a column read in chunks holds
    the objects (and so the types: 1 and 1.0 are one value) of a column read at once.

    True hashes as 1 and False as 0, so distinct values would merge a logical cell with
    the number: logical cells are turned into text first, found by type where 0 or 1 occur.
    ``factorize`` codes None and NaN alike as missing; a NaN is text (``clean``), found as
    the one value not equal to itself.
    """
    codes, uniques = pd.factorize(values)
    if any(isinstance(v, int | float) and v in (0, 1) for v in uniques) and _has_logical(values):
        logical = np.fromiter((type(v) is bool for v in values), bool, len(values))
        values = values.copy()
        values[logical] = ["TRUE" if v else "FALSE" for v in values[logical]]
        codes, uniques = pd.factorize(values)
    cleaned = np.empty(len(uniques) + 1, dtype=object)  # the last slot: missing (code -1)
    for i, value in enumerate(uniques):
        tidy = clean(value)
        cleaned[i] = tidy if seen is None or tidy is None else seen.setdefault(tidy, tidy)
    out = cleaned[codes]
    present = pd.notna(cleaned)[codes]
    missing = np.flatnonzero(codes == -1)
    if len(missing):
        blanks = values[missing]
        nan = missing[blanks != blanks]
        out[nan] = "NaN"
        present[nan] = True
    return out, present


def table_frame(
    rows: Iterator[Sequence[object]],
    first_row: int,
    columns: Mapping[str, int],
    size_hint: int = 0,
) -> pd.DataFrame:
    """The frame of the rows below a header.

    ``rows``: the cell values of each row from column A, the first being Excel row
    ``first_row``; consumed a chunk at a time. ``columns``: {column key: 0-based column}, in
    the frame's column order. ``size_hint``: how many rows ``rows`` will give, if known (the
    block is then allocated once; a wrong hint only costs a copy).

    Returns an object frame with those columns, indexed by Excel row number, holding the
    cleaned cells of every row that is not blank in all of them (a short row reads as blanks).
    """
    keys = list(columns)
    picks = list(columns.values())
    block = np.empty((len(keys), max(size_hint, 0)), dtype=object)
    kept: list[np.ndarray] = []  # per chunk: which of its rows hold anything
    filled = 0  # rows written into the block
    seen: list[dict[object, object]] = [{} for _ in picks]  # per column: its distinct values
    first = next(rows, None)  # its width (calamine's rows are all as wide) sizes the chunks
    per_chunk = max(1, CHUNK_CELLS // max(len(first), 1)) if first is not None else 1
    rows = chain([first], rows) if first is not None else rows
    while chunk := list(islice(rows, per_chunk)):
        # pandas' own list-of-rows to 2-D object array (what DataFrame(rows) runs), no frame.
        cells = lib.to_object_array(chunk)
        del chunk  # the row lists go; the cells live on in ``cells`` until cleaned
        cleaned = []
        keep = np.zeros(len(cells), dtype=bool)
        for j, earlier in zip(picks, seen, strict=True):
            values, present = _column(cells, j, earlier)
            cleaned.append(values)
            keep |= present
        del cells
        kept.append(keep)
        count = int(keep.sum())
        if filled + count > block.shape[1]:
            block = _grown(block, filled + count)
        everything = count == len(keep)
        for i, values in enumerate(cleaned):
            block[i, filled : filled + count] = values if everything else values[keep]
        filled += count
    if filled < block.shape[1]:
        block = block[:, :filled].copy()  # blank rows or a generous hint: exact and contiguous
    mask = np.concatenate(kept) if kept else np.zeros(0, dtype=bool)
    # The index as filtering a frame of every row would leave it (a RangeIndex when it can).
    index = pd.RangeIndex(first_row, first_row + len(mask))[mask]
    return pd.DataFrame(block.T, index=index, columns=keys, dtype=object, copy=False)


def _has_logical(values: np.ndarray) -> bool:
    """Whether any cell is a logical one: the set of types is one C loop, and most number
    columns holding a 1 or a 0 have no logical cell to turn into text."""
    return bool in set(map(type, values))


def _column(cells: np.ndarray, j: int, seen: dict[object, object]) -> tuple[np.ndarray, np.ndarray]:
    """The cleaned column ``j`` of a chunk and which of its cells hold anything; all blank
    where every row is shorter."""
    if j < cells.shape[1]:
        return cleaned_and_present(cells[:, j], seen)  # a strided view: factorize reads it
    return np.full(len(cells), None, dtype=object), np.zeros(len(cells), dtype=bool)


def _grown(block: np.ndarray, needed: int) -> np.ndarray:
    bigger = np.empty((block.shape[0], max(needed, 2 * block.shape[1])), dtype=object)
    bigger[:, : block.shape[1]] = block
    return bigger
