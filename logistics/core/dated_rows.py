"""A dated sheet (Logs, Inspections) indexed once for the month windows of SPEC 4.2.

Scoring a year asks each sheet the same questions twelve times: the rows dated in the
window, without a person's leave days, summed per person. Sorting the rows by date once
turns each window into a slice, and each sum into a ``bincount`` over integer staff codes,
so a month costs work in proportion to its own rows, not to the sheet's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Hashable, Mapping
from fractions import Fraction

import numpy as np
import numpy.typing as npt
import pandas as pd

from .numbers import EXACT_INT, exact

_EPOCH = dt.date(1970, 1, 1)

IntArray = npt.NDArray[np.int64]


def day_number(day: dt.date) -> int:
    """Days since 1970-01-01: how ``datetime64[D]`` counts."""
    return (day - _EPOCH).days


class DatedRows:
    """The rows of ``table`` with a ``date_column`` value, sorted by that date (ties in row
    order), with their StaffID as an integer code (-1 for a blank 工号)."""

    def __init__(self, table: pd.DataFrame, date_column: str = "date") -> None:
        self.table = table
        dates = table[date_column].to_numpy(dtype="datetime64[D]")
        dated = np.flatnonzero(~np.isnat(dates))
        days = dates[dated].astype(np.int64)
        order = np.argsort(days, kind="stable")
        self.days: IntArray = days[order]  # day numbers, ascending
        self.positions: IntArray = dated[order].astype(np.int64)  # positions in ``table``
        codes, uniques = pd.factorize(table["staff_id"].to_numpy(dtype=object))
        self.staff: IntArray = codes[self.positions].astype(np.int64)
        self.staff_ids: list[Hashable] = list(uniques)  # code -> StaffID
        self.code_of: dict[Hashable, int] = {sid: i for i, sid in enumerate(self.staff_ids)}

    def window(self, first: dt.date, last: dt.date) -> slice:
        """The sorted rows dated ``first``..``last`` (both included)."""
        lo = int(np.searchsorted(self.days, day_number(first), side="left"))
        hi = int(np.searchsorted(self.days, day_number(last), side="right"))
        return slice(lo, hi)

    def outside_leave(self, rows: slice, leave: Mapping[str, Collection[dt.date]]) -> IntArray:
        """Sorted-row numbers of ``rows`` that are not dated inside their person's leave
        (SPEC 4.1: a log dated in a leave counts for nothing)."""
        keep = np.ones(rows.stop - rows.start, dtype=bool)
        staff, days = self.staff[rows], self.days[rows]
        for sid, off in leave.items():
            code = self.code_of.get(sid)
            if code is None or not off:
                continue
            off_days = np.fromiter((day_number(d) for d in off), dtype=np.int64, count=len(off))
            keep &= ~((staff == code) & np.isin(days, off_days))
        return np.arange(rows.start, rows.stop, dtype=np.int64)[keep]

    def frame_rows(self, rows: IntArray) -> pd.DataFrame:
        """The table's rows at sorted-row numbers ``rows``, in the table's own order."""
        return self.table.iloc[np.sort(self.positions[rows])]

    def distinct_days(self, rows: IntArray, counted: IntArray) -> dict[Hashable, int]:
        """StaffID -> how many distinct days of ``counted`` (day numbers) ``rows`` cover."""
        rows = rows[(self.staff[rows] >= 0) & np.isin(self.days[rows], counted)]
        if not len(rows):
            return {}
        days, staff = self.days[rows], self.staff[rows]
        span = int(days.max() - days.min()) + 1
        pairs = np.unique(staff * span + (days - days.min()))
        counts = np.bincount(pairs // span)
        return {self.staff_ids[c]: int(counts[c]) for c in np.flatnonzero(counts)}


class ExactColumn:
    """A numeric column of a ``DatedRows`` table, ready to be summed exactly per person
    (SPEC 4.1 "Numbers are exact": each value is the decimal typed, sums are exact)."""

    def __init__(self, rows: DatedRows, column: str) -> None:
        values = rows.table[column].to_numpy(dtype=np.float64)[rows.positions]
        self.rows = rows
        self.values = values  # by sorted row; NaN for a blank cell
        present = values[~np.isnan(values)]
        # Whole numbers of moderate size add up exactly in float64, in any order.
        self.whole = bool((present == np.round(present)).all()) and (
            float(np.abs(present).sum()) < EXACT_INT
        )

    def sums(self, rows: IntArray) -> dict[Hashable, Fraction]:
        """StaffID -> exact sum of the non-blank values at sorted-row numbers ``rows``."""
        staff, values = self.rows.staff[rows], self.values[rows]
        filled = (staff >= 0) & ~np.isnan(values)
        staff, values = staff[filled], values[filled]
        if not len(staff):
            return {}
        ids = self.rows.staff_ids
        if self.whole:
            totals = np.bincount(staff, weights=values)
            return {ids[c]: Fraction(int(totals[c])) for c in np.unique(staff)}
        # Each distinct value becomes a fraction once and counts as often as it occurs.
        value_codes, distinct = pd.factorize(values)
        pairs, counts = np.unique(staff * len(distinct) + value_codes, return_counts=True)
        out: dict[Hashable, Fraction] = {}
        for pair, count in zip(pairs.tolist(), counts.tolist(), strict=True):
            sid, value = ids[pair // len(distinct)], float(distinct[pair % len(distinct)])
            out[sid] = out.get(sid, Fraction(0)) + exact(value) * count
        return out
