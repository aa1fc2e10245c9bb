"""SPEC 4.1 and 4.2: the post a person held on a day, from the Transfers sheet (调岗).

post(s,d) = 原岗位编号 of the earliest Transfers row of s with 生效日期 > d; with no such row,
the Staff sheet's 岗位编号 (the current post). So January keeps the old post after a clerk
edits 人员 for a move in March, as long as the move has its 调岗 row.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class PostPeriod:
    """Consecutive working days of one person under one post (for ``explain``)."""

    first: dt.date
    last: dt.date
    post_id: str
    days: int


class PostHistory:
    """Answers post(s,d) for every person."""

    def __init__(self, transfers: pd.DataFrame | None, current: Mapping[str, str]) -> None:
        self.current = dict(current)
        self._moves: dict[str, tuple[list[dt.date], list[str]]] = {}
        if transfers is None or transfers.empty:
            return
        # Plain Python: a school has a handful of transfers, and this runs once a month scored.
        rows = sorted(
            (day, row, sid, from_post)
            for row, sid, day, from_post in zip(
                transfers.index,
                transfers["staff_id"],
                transfers["effective_date"],
                transfers["from_post_id"],
                strict=True,
            )
            if sid is not None and from_post is not None and not pd.isna(day)
        )
        for day, _, sid, from_post in rows:
            dates, posts = self._moves.setdefault(str(sid), ([], []))
            dates.append(day.date())
            posts.append(str(from_post))

    def moved(self, staff_id: str) -> bool:
        """Whether the person has any Transfers row."""
        return staff_id in self._moves

    def post_on(self, staff_id: str, day: dt.date) -> str | None:
        """post(s,d): the 岗位编号 held on ``day``; None for a person not on the Staff sheet."""
        moves = self._moves.get(staff_id)
        if moves is not None:
            later = bisect_right(moves[0], day)  # first transfer effective after ``day``
            if later < len(moves[0]):
                return moves[1][later]
        return self.current.get(staff_id)


def post_periods(history: PostHistory, staff_id: str, days: Sequence[dt.date]) -> list[PostPeriod]:
    """The runs of ``days`` (in order) under one post each."""
    periods: list[PostPeriod] = []
    for day in days:
        post = history.post_on(staff_id, day) or ""
        if periods and periods[-1].post_id == post:
            last = periods[-1]
            periods[-1] = PostPeriod(last.first, day, post, last.days + 1)
        else:
            periods.append(PostPeriod(day, day, post, 1))
    return periods
