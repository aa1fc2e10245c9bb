"""SPEC 4.1 and 4.2 for one person with leave or transfers: WD(s,m) day by day, the post of
each day and the quantity target they add up to. Everyone else keeps scoring's fast path
(a count of working days within employment, one post all month)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from .posts_on_day import PostHistory, PostPeriod, post_periods
from .settings import exact


@dataclass(frozen=True)
class OwnDays:
    workdays: int  # |WD(s,m)|
    leave_days: int  # working days (employed, up to the as-of date) removed by leave
    target_units: Fraction  # Σ over d in WD(s,m) of MonthlyTarget(post(s,d)); ÷ |WDfull| = T
    periods: list[PostPeriod]  # the posts over WD(s,m), in order

    @property
    def post_id(self) -> str | None:
        """The post on the last day of WD(s,m) (shown under 岗位)."""
        return self.periods[-1].post_id if self.periods else None


def own_days(
    staff_id: str,
    counted: Sequence[dt.date],
    employed: tuple[dt.date, dt.date],
    on_leave: set[dt.date],
    history: PostHistory,
    targets: Mapping[object, object],
) -> OwnDays:
    """``counted``: the month's working days up to the as-of date; ``employed``: first and last
    day of employment; ``targets``: 岗位编号 -> MonthlyTarget (blank = 0)."""
    first, last = employed
    days = [d for d in counted if first <= d <= last]
    away = sum(d in on_leave for d in days)
    days = [d for d in days if d not in on_leave]
    periods = post_periods(history, staff_id, days)
    units = sum((exact(targets.get(p.post_id, 0)) * p.days for p in periods), Fraction(0))
    return OwnDays(len(days), away, units, periods)
