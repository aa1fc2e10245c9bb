"""Counts behind the year-end report's service chapters: meetings, requests, plans.

Each function takes the typed tables of a ``Dataset`` and a period, and counts only what was
dated in the period up to the as-of date. What a kept promise, a meeting's checklist and a
plan done on time are is the core's (``logistics.core.due_items``), as the scores use them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from fractions import Fraction

import pandas as pd

from logistics.core.dataset import Dataset
from logistics.core.due_items import (
    CHECKLIST_KEYS,
    checklist_done,
    plan_kept,
    promise_kept,
    promised,
)
from logistics.core.numbers import exact, is_blank

CHECKLIST = CHECKLIST_KEYS  # the four items of a meeting, as the core lists them


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
    done = checklist_done(rows)
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
    made = promised(rows)
    due = made & (rows["promised_date"] <= as_of)
    kept = due & promise_kept(rows, last)  # the scores' rule, over the promises now due
    late = due & ~kept  # done after the promised date, or not done by now
    explained = rows["explanation"].notna()
    not_promised = ~rows["promised"].eq(True)
    return RequestStats(
        total=len(rows),
        urgent=int(rows["urgent"].eq(True).sum()),
        done=int(done.sum()),
        promised=int(made.sum()),
        due=int(due.sum()),
        kept=int(kept.sum()),
        late_explained=int((late & explained).sum()),
        late_unexplained=int((late & ~explained).sum()),
        on_the_spot=int((not_promised & done & (rows["done_date"] == rows["date"])).sum()),
        declined=int((not_promised & ~done & explained).sum()),
        late_rows=rows[late | (not_promised & ~done)],
    )


PLAN_FIELDS = ("total", "done", "on_time", "overdue", "open", "progress", "budget")


@dataclass
class PlanStats:
    # category -> total, done, on_time, overdue, open (counts), progress (exact mean percent,
    # a done plan at 100, blank at 0) and budget (exact sum, yuan)
    by_category: dict[str, dict[str, Fraction]]
    overdue_rows: pd.DataFrame


def plan_stats(ds: Dataset, first: dt.date, last: dt.date) -> PlanStats:
    """Plans running in the period (started by its end, due after its start)."""
    plans = ds.tables["plans"]
    rows = plans[(plans["start"] <= pd.Timestamp(last)) & (plans["due"] >= pd.Timestamp(first))]
    as_of = pd.Timestamp(last)
    done = rows["done_date"].notna() & (rows["done_date"] <= as_of)
    on_time = plan_kept(rows, last)
    overdue = ~done & (rows["due"] < as_of)
    by_category: dict[str, dict[str, Fraction]] = {}
    zero = Fraction(0)
    for category, d, ok, late, progress, budget in zip(
        rows["category"], done, on_time, overdue, rows["progress"], rows["budget"], strict=True
    ):
        c = by_category.setdefault(
            str(category),
            dict.fromkeys(
                ("total", "done", "on_time", "overdue", "open", "progress", "budget"), zero
            ),
        )
        c["total"] += 1
        c["done"] += int(d)
        c["on_time"] += int(ok)
        c["overdue"] += int(late)
        c["open"] += int(not d and not late)
        c["progress"] += Fraction(100) if d else (zero if is_blank(progress) else exact(progress))
        c["budget"] += zero if is_blank(budget) else exact(budget)
    for c in by_category.values():
        c["progress"] /= c["total"]
    return PlanStats(by_category, rows[overdue])
