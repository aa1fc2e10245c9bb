"""The table under a sheet's header as a frame of cleaned cells, built a chunk of rows at a time.

calamine hands over one Python list per row. Holding every row of a 100,000-row log sheet at
once, then a 2-D frame of them, its cleaned copy and the copy without blank rows, nearly
doubled the memory of a whole run. Here the rows are pulled a chunk (``CHUNK_CELLS``) at a
time: each chunk's wanted columns are cleaned (``distinct_cleaned``), its non-blank rows are
written into the one block of the result, and the chunk's row lists go before the next chunk
is read, so cells that repeat (dates, IDs, statuses) live once per chunk, not once per cell.

The cleaning rules are SPEC 4.1's (see ``clean``); the result is what ``RawSheet.frame``
promises (core/rawbook.py): object values, Excel row numbers as index, blanks as None. The
hash pass that cleans each distinct value once also codes the column (``RawSheet.codes``), so
the parser does not hash a million cells a second time.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from itertools import chain, islice

import numpy as np
import numpy.typing as npt
import pandas as pd
from pandas._libs import lib
from pandas._libs.missing import checknull

from ..core.rawbook import Coded

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


class Distinct:
    """A column's distinct cleaned values as its chunks are read: each value the first time
    read, and its code (its place among the non-missing ones, in order of first appearance;
    -1 for a value ``pd.isna`` calls missing, as ``pd.factorize`` codes it)."""

    __slots__ = ("found", "values")

    def __init__(self) -> None:
        self.found: dict[object, tuple[object, int]] = {}  # value -> (the first read, code)
        self.values: list[object] = []  # by code

    def add(self, value: object) -> tuple[object, int]:
        """(the value as first read, its code) for ``value``, met for the first time."""
        code = -1 if checknull(value) else len(self.values)
        if code >= 0:
            self.values.append(value)
        entry = self.found[value] = (value, code)
        return entry

    def uniques(self) -> npt.NDArray[np.object_]:
        """The distinct non-missing values by code, as an object array."""
        out = np.empty(len(self.values), dtype=object)
        out[:] = self.values
        return out


def distinct_cleaned(
    values: np.ndarray, seen: Distinct | None = None
) -> tuple[npt.NDArray[np.intp], np.ndarray, npt.NDArray[np.int64] | None]:
    """(code of each value of the 1-D object array ``values`` among its distinct values,
    -1 for a blank; ``clean`` of each distinct value, one slot more for code -1 (None); with
    ``seen``, each distinct value's code in ``seen``, -1 in that last slot and for a missing
    value): the cells are ``cleaned[codes]``, their codes in the column ``coded[codes]``.

    Each distinct value is cleaned once (sheets repeat dates, IDs and statuses): one hash
    pass (``factorize``) codes the cells and the cleaned values are taken by code, as is
    whether each is missing. ``seen``: the distinct values of the column's earlier chunks; a
    value equal to one of them is given as that one, so that a column read in chunks holds
    the objects (and so the types: 1 and 1.0 are one value) of a column read at once, and is
    coded as ``pd.factorize`` of that column (SPEC 4.1's cleaning; the parser's one hash pass).

    True hashes as 1 and False as 0, so distinct values would merge a logical cell with
    the number: logical cells are turned into text first, found by type where 0 or 1 occur.
    ``factorize`` codes None and NaN alike as missing; a NaN is text (``clean``), found as
    the one value not equal to itself, and put in as text before the values are coded.
    """
    codes, uniques = pd.factorize(values)
    copied = False
    if _has_logical(values, codes, uniques):
        logical = np.fromiter((type(v) is bool for v in values), bool, len(values))
        values, copied = values.copy(), True
        values[logical] = ["TRUE" if v else "FALSE" for v in values[logical]]
        codes, uniques = pd.factorize(values)
    missing = np.flatnonzero(codes == -1)
    if len(missing):
        blanks = values[missing]
        nan = missing[blanks != blanks]
        if len(nan):  # rare: coded again, so that "NaN" takes its place in order
            values = values if copied else values.copy()
            values[nan] = "NaN"
            codes, uniques = pd.factorize(values)
    cleaned = np.empty(len(uniques) + 1, dtype=object)  # the last slot: missing (code -1)
    if seen is None:
        for i, value in enumerate(uniques):
            cleaned[i] = clean(value)
        return codes, cleaned, None
    coded = np.full(len(uniques) + 1, -1, dtype=np.int64)
    found = seen.found
    for i, value in enumerate(uniques):
        tidy = clean(value)
        if tidy is not None:
            cleaned[i], coded[i] = found.get(tidy) or seen.add(tidy)
    return codes, cleaned, coded


def coded_table(
    rows: Iterator[Sequence[object]],
    first_row: int,
    columns: Mapping[str, int],
    size_hint: int = 0,
) -> tuple[pd.DataFrame, dict[str, Coded]]:
    """The frame of the rows below a header, and its columns as codes.

    ``rows``: the cell values of each row from column A, the first being Excel row
    ``first_row``; consumed a chunk at a time. ``columns``: {column key: 0-based column}, in
    the frame's column order. ``size_hint``: how many rows ``rows`` will give, if known (the
    block is then allocated once; a wrong hint only costs a copy).

    Returns an object frame with those columns, indexed by Excel row number, holding the
    cleaned cells of every row that is not blank in all of them (a short row reads as blanks);
    and {column key: (codes, uniques)}: what ``pd.factorize`` of the frame's column gives
    (codes in order of first appearance, -1 where blank; ``uniques[codes]`` the very objects
    of the frame), for the parser (``RawSheet.codes``).
    """
    keys = list(columns)
    picks = list(columns.values())
    block = np.empty((len(keys), max(size_hint, 0)), dtype=object)
    code_block = np.empty(block.shape, dtype=np.int64)
    kept: list[np.ndarray] = []  # per chunk: which of its rows hold anything
    filled = 0  # rows written into the block
    seen = [Distinct() for _ in picks]  # per column: its distinct values
    first = next(rows, None)  # its width (calamine's rows are all as wide) sizes the chunks
    per_chunk = max(1, CHUNK_CELLS // max(len(first), 1)) if first is not None else 1
    rows = chain([first], rows) if first is not None else rows
    while chunk := list(islice(rows, per_chunk)):
        # pandas' own list-of-rows to 2-D object array (what DataFrame(rows) runs), no frame.
        cells = lib.to_object_array(chunk)
        del chunk  # the row lists go; the cells live on in ``cells`` until cleaned
        parts = []
        keep = np.zeros(len(cells), dtype=bool)
        for j, earlier in zip(picks, seen, strict=True):
            codes, cleaned, coded = _column(cells, j, earlier)
            parts.append((codes, cleaned, coded))
            keep |= pd.notna(cleaned)[codes]
        del cells
        kept.append(keep)
        count = int(keep.sum())
        if filled + count > block.shape[1]:
            block = _grown(block, filled + count)
            code_block = _grown(code_block, filled + count)
        everything = count == len(keep)
        for i, (codes, cleaned, coded) in enumerate(parts):
            picked = codes if everything else codes[keep]
            # Taken straight into the blocks (no array of the chunk's cells in between);
            # "wrap" sends code -1 to the last slot, as indexing does, unbuffered.
            np.take(cleaned, picked, out=block[i, filled : filled + count], mode="wrap")
            np.take(coded, picked, out=code_block[i, filled : filled + count], mode="wrap")
        filled += count
    if filled < block.shape[1]:
        block = block[:, :filled].copy()  # blank rows or a generous hint: exact and contiguous
        code_block = code_block[:, :filled]  # each column's codes: a row of it, contiguous
    mask = np.concatenate(kept) if kept else np.zeros(0, dtype=bool)
    # The index as filtering a frame of every row would leave it (a RangeIndex when it can).
    index = pd.RangeIndex(first_row, first_row + len(mask))[mask]
    frame = pd.DataFrame(block.T, index=index, columns=keys, dtype=object, copy=False)
    by_key = {key: (code_block[i], seen[i].uniques()) for i, key in enumerate(keys)}
    return frame, by_key


def _has_logical(values: np.ndarray, codes: npt.NDArray[np.intp], uniques: np.ndarray) -> bool:
    """Whether any cell of ``values`` (coded by ``factorize`` as ``codes`` of ``uniques``) is
    a logical one. A logical cell is coded as the distinct value equal to 1 or 0 (True == 1),
    so only the cells of those codes are looked at (a number column holds many other
    numbers); the set of their types is one C loop."""
    zero_one = [i for i, v in enumerate(uniques) if isinstance(v, int | float) and v in (0, 1)]
    if not zero_one:
        return False
    coded_so = codes == zero_one[0]
    for i in zero_one[1:]:  # 1 and 0 both: two codes at most
        coded_so |= codes == i
    return bool in set(map(type, values[coded_so]))


def _column(
    cells: np.ndarray, j: int, seen: Distinct
) -> tuple[npt.NDArray[np.intp], np.ndarray, npt.NDArray[np.int64]]:
    """``distinct_cleaned`` of column ``j`` of a chunk; all blank where every row is
    shorter."""
    if j < cells.shape[1]:
        codes, cleaned, coded = distinct_cleaned(cells[:, j], seen)  # a strided view
        assert coded is not None  # given ``seen``, the codes come too
        return codes, cleaned, coded
    blank = np.full(len(cells), -1, dtype=np.intp)
    return blank, np.full(1, None, dtype=object), np.full(1, -1, dtype=np.int64)


def _grown(block: np.ndarray, needed: int) -> np.ndarray:
    bigger = np.empty((block.shape[0], max(needed, 2 * block.shape[1])), dtype=block.dtype)
    bigger[:, : block.shape[1]] = block
    return bigger
