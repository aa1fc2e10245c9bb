"""SPEC 4.2: the monthly score of every person, and how each component came about.

What is the same for every month (staff, posts, the Logs and Inspections sorted by date) is
read once into a ``ScoreBasis``; each month is then a slice of it, counted and summed per
person with integer codes. The per-person arithmetic runs on exact fractions (a school has
at most a few hundred people), so that rounding half up to one decimal is exact.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from fractions import Fraction

import numpy as np
import numpy.typing as npt
import pandas as pd

from .dataset import Dataset
from .due_items import checklist_done, plan_kept, promise_credit, promises_due
from .leave import leave_days
from .month_score import GRADE_KEYS as GRADE_KEYS  # re-exported: documents count grades
from .month_score import MonthScore as MonthScore  # re-exported: adapters take it from here
from .month_score import coef_of as coef_of  # re-exported: documents and UDFs
from .month_score import competition_ranks
from .month_score import grade_of as grade_of  # re-exported: UDFs
from .numbers import exact
from .own_days import own_days
from .pay import apply_month_pool
from .pay_pools import pool_amounts
from .periods import Month
from .posts_on_day import PostHistory
from .rounding import round_half_up, round_sum_half_up
from .score_basis import ScoreBasis
from .settings import Settings


def _window(frame: pd.DataFrame, column: str, first: dt.date, last: dt.date) -> pd.DataFrame:
    dates = frame[column]
    return frame[(dates >= pd.Timestamp(first)) & (dates <= pd.Timestamp(last))]


def _rows_by_staff(frame: pd.DataFrame, key: str = "staff_id") -> dict[str, list[int]]:
    return {str(k): [int(r) for r in v] for k, v in frame.groupby(key).groups.items()}


_Employment = tuple[np.datetime64[dt.date], np.datetime64[dt.date]]  # first, last day (days)


@dataclass(frozen=True)
class _MonthFacts:
    """What ``score_month`` gathers once for the month, vectorized, and then reads per person."""

    label: str  # the month, YYYY-MM
    full: int  # WDfull: the month's working days
    counted_days: list[dt.date]  # its working days up to the as-of date
    on_leave: dict[str, set[dt.date]]  # StaffID -> leave days in the month
    history: PostHistory
    post_name: dict[object, object]  # PostID -> 岗位
    post_target: dict[object, object]  # PostID -> MonthlyTarget (blank = 0)
    log_days: dict[object, int]  # StaffID -> distinct counted days with a log
    units: dict[Hashable, Fraction]  # StaffID -> exact sum of 完成数量 of done logs
    points: dict[Hashable, Fraction]  # StaffID -> exact sum of inspection points
    items: dict[str, int]  # StaffID -> timeliness items due
    credits: dict[str, Fraction]  # StaffID -> timeliness credit earned
    evidence: dict[str, dict[str, list[int]]] | None  # sheet key -> StaffID -> rows; or None
    settings: Settings


def score_month(
    ds: Dataset,
    month: Month,
    as_of: dt.date,
    *,
    with_evidence: bool = False,
    basis: ScoreBasis | None = None,
) -> list[MonthScore]:
    """Scores of everyone with working days in ``month`` up to ``as_of``, ordered by rank.

    ``basis``: what scoring reads from ``ds`` for every month, when the caller scores several
    months of the same dataset (built here when not given).
    """
    basis = basis or ScoreBasis(ds)
    end = min(month.last, as_of)
    full = ds.calendar.month_workdays(month.year, month.month)
    counted = np.array([d for d in full if d <= end], dtype="datetime64[D]")

    staff = basis.staff
    wd_counts, employed = _workdays_by_staff(staff, counted)
    facts = _month_facts(ds, basis, month, end, full, with_evidence)

    scores = []
    people = zip(staff["staff_id"], staff["name"], staff["post_id"], staff["pay_base"], strict=True)
    for (sid, name, post_id, pay_base), wd in zip(people, wd_counts, strict=True):
        score = _person_score(facts, sid, name, post_id, pay_base, int(wd), employed[sid])
        if score is not None:
            scores.append(score)

    for score, rank in zip(scores, competition_ranks([x.total for x in scores]), strict=True):
        score.rank = rank
    scores.sort(key=lambda x: (x.rank, x.staff_id))
    if ds.settings.pay_mode == "pool":
        apply_month_pool(scores, pool_amounts(ds.tables.get("pay_pools")).get(month.label))
    return scores


def _workdays_by_staff(
    staff: pd.DataFrame, counted: npt.NDArray[np.datetime64]
) -> tuple[npt.NDArray[np.intp], dict[str, _Employment]]:
    """WD of each Staff row, in row order: the ``counted`` working days between its StartDate
    and EndDate (no EndDate: no end), never below 0 (SPEC 4.1); and StaffID -> (first, last)."""
    start = staff["start_date"].to_numpy(dtype="datetime64[D]")
    stop = staff["end_date"].fillna(pd.Timestamp.max.normalize()).to_numpy(dtype="datetime64[D]")
    wd_counts = np.searchsorted(counted, stop, side="right") - np.searchsorted(
        counted, start, side="left"
    )
    employed = dict(zip(staff["staff_id"], zip(start, stop, strict=True), strict=True))
    return np.clip(wd_counts, 0, None), employed


def _month_facts(
    ds: Dataset,
    basis: ScoreBasis,
    month: Month,
    end: dt.date,
    full: list[dt.date],
    with_evidence: bool,
) -> _MonthFacts:
    """The month's logs, inspections, timeliness items and posts, summed per person (SPEC 4.2):
    logs and inspections from the 1st to ``end``, without logs dated in the person's leave."""
    on_leave = leave_days(ds.tables.get("leave"), month.first, end)
    counted_days = [d for d in full if d <= end]
    sums = basis.log_sums(month.first, end, counted_days, on_leave, with_rows=with_evidence)
    items, credits, timely_rows = _timeliness(ds, month.first, end, with_evidence)
    evidence = (
        {
            "logs": _rows_by_staff(_present(sums.logs)),
            "inspections": _rows_by_staff(_present(sums.inspections)),
        }
        | timely_rows
        if with_evidence
        else None
    )
    return _MonthFacts(
        label=month.label,
        full=len(full),
        counted_days=counted_days,
        on_leave=on_leave,
        history=basis.history,
        post_name=basis.post_name,
        post_target=basis.post_target,
        log_days=sums.log_days,
        units=sums.units,
        points=sums.points,
        items=items,
        credits=credits,
        evidence=evidence,
        settings=ds.settings,
    )


def _present(frame: pd.DataFrame | None) -> pd.DataFrame:
    assert frame is not None, "rows are kept when evidence is asked for"
    return frame


def _person_score(
    m: _MonthFacts,
    sid: str,
    name: object,
    post_id: object,
    pay_base: object,
    wd: int,
    employed: _Employment,
) -> MonthScore | None:
    """One person's score of the month from WD working days, None when WD is 0. Leave or a
    transfer in the month makes WD, the post and the target go day by day (SPEC 4.1, 4.2)."""
    own = None
    if sid in m.on_leave or m.history.moved(sid):  # day by day (SPEC 4.1, 4.2)
        when = (employed[0].item(), employed[1].item())  # datetime64[D] -> dt.date
        own = own_days(
            sid, m.counted_days, when, m.on_leave.get(sid, set()), m.history, m.post_target
        )
        wd, post_id = own.workdays, own.post_id or post_id
    if wd <= 0:
        return None
    score = MonthScore(
        month=m.label,
        staff_id=str(sid),
        name=str(name),
        post=str(m.post_name.get(post_id, post_id)),
        pay_base=exact(_zero(pay_base)),
        workdays=int(wd),
        full_workdays=m.full,
        log_days=int(m.log_days.get(sid, 0)),
        target=_times_ratio(exact(m.post_target.get(post_id, 0)), int(wd), m.full),
        units=m.units.get(sid, _ZERO),
        inspection_points=m.points.get(sid, _ZERO),
        items=int(m.items.get(sid, 0)),
        credits=m.credits.get(sid, _ZERO),
    )
    if own is not None:
        score.target = own.target_units / m.full
        score.leave_days, score.post_periods = own.leave_days, own.periods
    if m.evidence is not None:
        score.evidence = {k: v.get(score.staff_id, []) for k, v in m.evidence.items()}
    _components(score, m.settings)
    return score


def _zero(value: object) -> object:
    return 0 if value is None or (isinstance(value, float) and np.isnan(value)) else value


def _components(x: MonthScore, s: Settings) -> None:
    x.log_score = _times_ratio(s.log_points, x.log_days, x.workdays)
    x.quantity_score = (
        (
            s.quantity_points
            if x.units >= x.target
            else _times_ratio(s.quantity_points, x.units, x.target)
        )
        if x.target.numerator > 0
        else s.quantity_points
    )  # s.quantity_points × min(1, units / target)
    x.quality_score = min(max(s.quality_points + x.inspection_points, _ZERO), s.quality_points)
    x.timeliness_score = (
        _times_ratio(s.timeliness_points, x.credits, x.items) if x.items else s.timeliness_points
    )
    parts = (x.log_score, x.quantity_score, x.quality_score, x.timeliness_score)
    x.total = round_sum_half_up(parts, 1)
    x.grade = grade_of(x.total, s)
    x.coef = coef_of(x.grade, s)
    x.pay = round_half_up(x.pay_base * x.coef, 2)


_ZERO = Fraction(0)


def _times_ratio(p: Fraction, a: Fraction | int, b: Fraction | int) -> Fraction:
    """p × a / b, exactly, as one fraction (one reduction instead of two operations)."""
    return Fraction(
        p.numerator * a.numerator * b.denominator, p.denominator * a.denominator * b.numerator
    )


def _timeliness(
    ds: Dataset, first: dt.date, end: dt.date, with_rows: bool = False
) -> tuple[dict[str, int], dict[str, Fraction], dict[str, dict[str, list[int]]]]:
    """Items due in [first, end] per person, the credit earned, and (``with_rows``) the rows
    behind them."""
    s = ds.settings
    items: dict[str, int] = {}
    credits: dict[str, Fraction] = {}

    def add(staff: pd.Series, per_row: int, credit: Iterable[Fraction]) -> None:
        """Each row of ``staff`` brings ``per_row`` items and its ``credit``."""
        for sid, c in zip(staff, credit, strict=True):
            items[sid] = items.get(sid, 0) + per_row
            credits[sid] = credits.get(sid, Fraction(0)) + c

    requests = ds.tables["requests"]
    requests = requests[promises_due(requests, first, end)]
    add(requests["staff_id"], 1, promise_credit(requests, end, s.explained_credit))

    meetings = _window(ds.tables["meetings"], "date", first, end)
    checks = checklist_done(meetings)
    add(meetings["staff_id"], checks.shape[1], map(Fraction, checks.sum(axis=1).tolist()))

    plans = _window(ds.tables["plans"], "due", first, end)
    kept = plan_kept(plans, end)
    add(plans["staff_id"], 1, (Fraction(int(k)) for k in kept.tolist()))

    if not with_rows:  # only ``explain`` shows them
        return items, credits, {}
    rows = {
        "requests": _rows_by_staff(requests),
        "meetings": _rows_by_staff(meetings),
        "plans": _rows_by_staff(plans),
    }
    return items, credits, rows
