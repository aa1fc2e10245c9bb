"""SPEC 4.5's errors that span rows or sheets: unknown IDs, end dates before start dates,
records outside employment, meter readings that go back, and values another value requires.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import numpy.typing as npt
import pandas as pd

from .cell_problems import cells_at, end_before_start, rows_in, rows_where
from .meter_readings import reading_problems
from .parsing import Coded
from .problems import Problem, display


def cross_checks(
    t: dict[str, pd.DataFrame],
    problems: list[Problem],
    staff_codes: Mapping[str, Coded] | None = None,
) -> None:
    """The errors of SPEC 4.5 that span rows or sheets, appended to ``problems``: unknown IDs,
    end dates before start dates, records outside employment, meter readings that go back,
    and values that another value makes required. ``staff_codes``: sheet key -> its StaffID
    column as parsing coded it (looked up by distinct value instead of by row)."""
    employment = _employment(t["staff"])
    staff_rows = {
        key: _rows_in(employment.index, t[key]["staff_id"], (staff_codes or {}).get(key))
        for key in ("logs", "inspections", "meetings", "energy", "plans", "requests")
    }  # each record's row in ``employment`` (-1: not on the Staff sheet), hashed once
    _unknown_ids(t, staff_rows, problems, staff_codes or {})
    problems += end_before_start("staff", t["staff"], "end_date", "start_date")
    problems += end_before_start("plans", t["plans"], "due", "start")
    problems += end_before_start("plans", t["plans"], "done_date", "start")
    _outside_employment(t, employment, staff_rows, problems)
    problems += reading_problems(t["energy"])
    _missing_companions(t, problems)


def _employment(staff: pd.DataFrame) -> pd.DataFrame:
    """StartDate and EndDate by StaffID (the first Staff row of each 工号)."""
    return (
        staff.dropna(subset=["staff_id"])
        .drop_duplicates("staff_id")
        .set_index("staff_id")[["start_date", "end_date"]]
    )


def _rows_in(index: pd.Index, keys: pd.Series, coded: Coded | None) -> npt.NDArray[np.intp]:
    """The position in ``index`` of each of ``keys`` (-1: absent or blank)."""
    if coded is None:
        each: npt.NDArray[np.intp] = index.get_indexer(keys.to_numpy(dtype=object))
        return each
    codes, distinct = coded
    found: npt.NDArray[np.intp] = np.append(index.get_indexer(distinct), -1)  # -1: a blank
    rows: npt.NDArray[np.intp] = found.take(codes)
    return rows


def _unknown_ids(
    t: dict[str, pd.DataFrame],
    staff_rows: dict[str, npt.NDArray[np.intp]],
    problems: list[Problem],
    staff_codes: Mapping[str, Coded],
) -> None:
    """A PostID on Staff that Posts lacks; a StaffID on a record sheet that Staff lacks
    (``staff_codes``: as ``cross_checks`` takes them)."""
    staff, posts = t["staff"], t["posts"]
    known_posts = set(posts["post_id"].dropna())

    bad = staff["post_id"].notna() & ~staff["post_id"].isin(known_posts)
    problems += [
        Problem("unknown_post", "staff", r, "post_id", staff.at[r, "post_id"])
        for r in rows_where(bad)
    ]
    for key in ("logs", "inspections", "meetings", "energy", "plans", "requests"):
        table = t[key]
        bad = _filled(table["staff_id"], staff_codes.get(key)) & (staff_rows[key] < 0)
        rows = rows_in(table.index, bad)
        problems += [
            Problem("unknown_staff", key, r, "staff_id", staff_id)
            for r, staff_id in zip(rows, cells_at(table["staff_id"], rows), strict=True)
        ]


def _outside_employment(
    t: dict[str, pd.DataFrame],
    employment: pd.DataFrame,
    staff_rows: dict[str, npt.NDArray[np.intp]],
    problems: list[Problem],
) -> None:
    """A log, inspection or meeting dated before its person's StartDate or after EndDate."""
    for key in ("logs", "inspections", "meetings"):
        table = t[key]
        start = _lookup(table.index, staff_rows[key], employment["start_date"])
        end = _lookup(table.index, staff_rows[key], employment["end_date"])
        rows = rows_where(table["date"] < start)
        problems += [
            Problem("before_start", key, r, "date", day, {"start": display(first)})
            for r, day, first in zip(
                rows, cells_at(table["date"], rows), cells_at(start, rows), strict=True
            )
        ]
        rows = rows_where(table["date"] > end)
        problems += [
            Problem("after_end", key, r, "date", day, {"end": display(last)})
            for r, day, last in zip(
                rows, cells_at(table["date"], rows), cells_at(end, rows), strict=True
            )
        ]


def _missing_companions(t: dict[str, pd.DataFrame], problems: list[Problem]) -> None:
    """PromisedDate missing when Promised = 是; Reason missing when Points ≠ 0."""
    requests = t["requests"]
    missing = (requests["promised"] == True) & requests["promised_date"].isna()  # noqa: E712
    problems += [
        Problem("promised_date_missing", "requests", r, "promised_date", None)
        for r in rows_where(missing)
    ]
    inspections = t["inspections"]
    missing = (
        inspections["points"].notna() & (inspections["points"] != 0) & inspections["reason"].isna()
    )
    problems += [
        Problem("reason_missing", "inspections", r, "reason", None) for r in rows_where(missing)
    ]


def _filled(values: pd.Series, coded: Coded | None) -> npt.NDArray[np.bool_]:
    """``values.notna()`` as an array; from the column's codes when parsing coded it (a text
    column's code is -1 exactly where it is blank), which a million-row column of text
    answers at once instead of testing each object."""
    if coded is not None and len(coded[0]) == len(values):
        return coded[0] >= 0
    filled: npt.NDArray[np.bool_] = values.notna().to_numpy()
    return filled


def _lookup(index: pd.Index, rows: npt.NDArray[np.intp], values: pd.Series) -> pd.Series:
    """values at positions ``rows`` (NaT where a row is -1), indexed by ``index``."""
    blank = np.array([np.datetime64("NaT")], dtype=values.dtype)
    extended = np.concatenate([values.to_numpy(), blank])  # the last slot answers -1
    return pd.Series(extended.take(rows), index=index, dtype=values.dtype, copy=False)  # new
