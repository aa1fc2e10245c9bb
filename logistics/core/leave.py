"""SPEC 4.1: leave (请假). Every leave type, 公出 included, removes its days from WD(s,m),
and log rows dated inside a person's leave count for nothing (``leave_days`` gives the days;
scoring drops those logs in ``dated_rows.DatedRows.outside_leave``)."""

from __future__ import annotations

import datetime as dt

import pandas as pd


def valid_leave(leave: pd.DataFrame | None) -> pd.DataFrame:
    """Leave rows that can be used: 工号, 开始日期 and 结束日期 present and End ≥ Start.

    Rows that fail are validation errors (they block scoring); this keeps ``explain`` and the
    checks themselves from tripping over them.
    """
    if leave is None or leave.empty:
        return pd.DataFrame(
            {
                "staff_id": pd.Series(dtype=object),
                "start": pd.Series(dtype="datetime64[ns]"),
                "end": pd.Series(dtype="datetime64[ns]"),
                "type": pd.Series(dtype=object),
            }
        )
    rows = leave.dropna(subset=["staff_id", "start", "end"])
    return rows[rows["end"] >= rows["start"]]


def leave_days(
    leave: pd.DataFrame | None, first: dt.date, last: dt.date
) -> dict[str, set[dt.date]]:
    """Calendar days in [first, last] inside a Leave row, per 工号 (weekends included: a log
    on a Saturday inside a leave counts for nothing either)."""
    days: dict[str, set[dt.date]] = {}
    if leave is None or leave.empty:
        return days
    lo, hi = pd.Timestamp(first), pd.Timestamp(last)
    # Plain Python over the few leave rows: this runs once for every month scored.
    for sid, start, end in zip(leave["staff_id"], leave["start"], leave["end"], strict=True):
        if sid is None or pd.isna(start) or pd.isna(end) or end < lo or start > hi:
            continue  # unusable (an error validation reports) or outside the window
        day, stop = max(start, lo).date(), min(end, hi).date()
        mine = days.setdefault(str(sid), set())
        while day <= stop:
            mine.add(day)
            day += dt.timedelta(days=1)
    return {sid: mine for sid, mine in days.items() if mine}
