"""Counts behind the year-end report's service chapters: meetings, requests, plans.

Each function takes the typed tables of a ``Dataset`` and a period, and counts only what was
dated in the period up to the as-of date, as the scoring rules do.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from logistics.core.dataset import Dataset

CHECKLIST = ("notice", "venue", "sign_in", "support")  # the four items of a meeting


def _between(frame: pd.DataFrame, column: str, first: dt.date, last: dt.date) -> pd.DataFrame:
    dates = frame[column]
    return frame[(dates >= pd.Timestamp(first)) & (dates <= pd.Timestamp(last))]


@dataclass
class MeetingStats:
    total: int
    by_scale: Counter[str]
    urgent_by_scale: Counter[str]
    complete_by_scale: Counter[str]  # all four checklist items done
    done: dict[str, int]  # checklist item -> meetings where it was done
    with_issues: int

    @property
    def urgent(self) -> int:
        return sum(self.urgent_by_scale.values())

    @property
    def complete(self) -> int:
        return sum(self.complete_by_scale.values())


def meeting_stats(ds: Dataset, first: dt.date, last: dt.date) -> MeetingStats:
    rows = _between(ds.tables["meetings"], "date", first, last)
    done = rows[list(CHECKLIST)].eq(True)
    complete = done.all(axis=1)
    urgent = rows["urgency"].eq("urgent")
    return MeetingStats(
        total=len(rows),
        by_scale=Counter(rows["scale"].dropna()),
        urgent_by_scale=Counter(rows.loc[urgent, "scale"].dropna()),
        complete_by_scale=Counter(rows.loc[complete, "scale"].dropna()),
        done={k: int(done[k].sum()) for k in CHECKLIST},
        with_issues=int(rows["issues"].notna().sum()),
    )


@dataclass
class RequestStats:
    total: int = 0
    urgent: int = 0
    done: int = 0
    promised: int = 0
    due: int = 0  # promises whose date has come (kept rate = kept / due)
    kept: int = 0
    late_explained: int = 0
    late_unexplained: int = 0
    on_the_spot: int = 0  # not promised, done the day it came in
    declined: int = 0  # not promised, not done, reason given
    late_rows: pd.DataFrame = field(default_factory=pd.DataFrame)


def request_stats(ds: Dataset, first: dt.date, last: dt.date) -> RequestStats:
    rows = _between(ds.tables["requests"], "date", first, last)
    as_of = pd.Timestamp(last)
    done = rows["done_date"].notna() & (rows["done_date"] <= as_of)
    promised = rows["promised"].eq(True) & rows["promised_date"].notna()
    due = promised & (rows["promised_date"] <= as_of)
    kept = promised & done & (rows["done_date"] <= rows["promised_date"])
    late = due & ~kept  # done after the promised date, or not done by now
    explained = rows["explanation"].notna()
    not_promised = ~rows["promised"].eq(True)
    return RequestStats(
        total=len(rows),
        urgent=int(rows["urgent"].eq(True).sum()),
        done=int(done.sum()),
        promised=int(promised.sum()),
        due=int(due.sum()),
        kept=int(kept.sum()),
        late_explained=int((late & explained).sum()),
        late_unexplained=int((late & ~explained).sum()),
        on_the_spot=int((not_promised & done & (rows["done_date"] == rows["date"])).sum()),
        declined=int((not_promised & ~done & explained).sum()),
        late_rows=rows[late | (not_promised & ~done)],
    )


@dataclass
class PlanStats:
    by_category: dict[str, dict[str, float]]  # category -> total, done, on_time, overdue, …
    overdue_rows: pd.DataFrame


def plan_stats(ds: Dataset, first: dt.date, last: dt.date) -> PlanStats:
    """Plans running in the period (started by its end, due after its start)."""
    plans = ds.tables["plans"]
    rows = plans[(plans["start"] <= pd.Timestamp(last)) & (plans["due"] >= pd.Timestamp(first))]
    as_of = pd.Timestamp(last)
    done = rows["done_date"].notna() & (rows["done_date"] <= as_of)
    on_time = done & (rows["done_date"] <= rows["due"])
    overdue = ~done & (rows["due"] < as_of)
    progress = rows["progress"].where(~done, 100).fillna(0)
    frame = pd.DataFrame(
        {
            "category": rows["category"],
            "total": 1,
            "done": done.astype(int),
            "on_time": on_time.astype(int),
            "overdue": overdue.astype(int),
            "open": (~done & ~overdue).astype(int),
            "progress": progress.astype(float),
            "budget": rows["budget"].fillna(0).astype(float),
        }
    )
    grouped = frame.groupby("category", sort=False).agg(
        total=("total", "sum"),
        done=("done", "sum"),
        on_time=("on_time", "sum"),
        overdue=("overdue", "sum"),
        open=("open", "sum"),
        progress=("progress", "mean"),
        budget=("budget", "sum"),
    )
    by_category = {str(k): {c: float(v) for c, v in row.items()} for k, row in grouped.iterrows()}
    return PlanStats(by_category, rows[overdue])
