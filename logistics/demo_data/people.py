"""The demo school's logistics staff: headcounts per post, hiring dates, joiners and leavers,
pay, the people the special cases need (a tie, a clamped score), and who works when."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from ..core.workdays import WorkCalendar
from .names import distinct_names
from .posts import CLEANER, ELECTRICIAN, GATE, MEETING, POSTS, RECEPTION
from .school_calendar import D, days_in, first_workday

MIN_STAFF = 20  # enough people for every special case below


@dataclass
class Person:
    staff_id: str
    name: str
    post: int  # index into POSTS
    start: dt.date
    end: dt.date | None
    pay_base: int

    def works(self, first: dt.date, last: dt.date | None = None) -> bool:
        """Employed on every day from ``first`` to ``last`` (default: just ``first``)."""
        return self.start <= first and (self.end is None or (last or first) <= self.end)


@dataclass(frozen=True)
class Roles:
    tie: tuple[int, int]  # indices into the staff list: same post, identical rows
    clamped: int  # inspections in inspections.CLAMP_MONTH sum below -30


def _headcounts(count: int) -> list[int]:
    heads = [p.minimum for p in POSTS]
    total_weight = sum(p.weight for p in POSTS)
    for _ in range(count - sum(heads)):
        deficits = [p.weight * count / total_weight - h for p, h in zip(POSTS, heads, strict=True)]
        heads[deficits.index(max(deficits))] += 1
    return heads


def draw_staff(
    year: int, count: int, cal: WorkCalendar, rng: random.Random
) -> tuple[list[Person], Roles]:
    posts = [i for i, n in enumerate(_headcounts(count)) for _ in range(n)]
    early, late = D(year - 12, 3, 1).toordinal(), D(year - 2, 8, 31).toordinal()
    starts = [D.fromordinal(rng.randint(early, late)) for _ in posts]
    ends: list[dt.date | None] = [None] * count
    by_post = [[i for i, p in enumerate(posts) if p == k] for k in range(len(POSTS))]
    tie = (by_post[CLEANER][0], by_post[CLEANER][1])
    starts[tie[0]] = starts[tie[1]] = D(year - 6, 9, 1)
    senior = by_post[ELECTRICIAN][0]  # reads the meters from the first baseline on
    starts[senior] = D(year - 9, 8, 20)
    clamped = by_post[GATE][0]
    keep = {*tie, senior, clamped, by_post[MEETING][0], by_post[RECEPTION][0]}
    movers = [i for i in range(count) if i not in keep]
    rng.shuffle(movers)
    n_moves = max(3, round(count * 0.06))
    joiners, leavers = movers[:n_moves], movers[n_moves : 2 * n_moves]
    for n, i in enumerate(joiners):  # the first starts mid-month, the others on a month's start
        day = D(year, 3, 16) if n == 0 else D(year, rng.randint(4, 10), 1)
        starts[i] = first_workday(cal, day)
    for n, i in enumerate(leavers):  # the first leaves mid-month, the others at a month's end
        month = rng.randint(3, 11)
        ends[i] = D(year, month, 14) if n == 0 else D(year, month, days_in(year, month))
    order = sorted(range(count), key=lambda i: (starts[i], i))  # IDs in order of hiring
    names = distinct_names(count, rng)
    people = []
    for n, i in enumerate(order):
        low, high = POSTS[posts[i]].pay
        people.append(
            Person(
                f"HQ{n + 1:03d}",
                names[n],
                posts[i],
                starts[i],
                ends[i],
                rng.randrange(low, high + 1, 50),
            )
        )
    where = {i: order.index(i) for i in (*tie, clamped)}
    return people, Roles((where[tie[0]], where[tie[1]]), where[clamped])


def month_workdays(
    cal: WorkCalendar, year: int, month: int, person: Person | None = None
) -> list[dt.date]:
    days = cal.month_workdays(year, month)
    return days if person is None else [d for d in days if person.works(d)]


def pick_owner(
    people: list[Person], post: int, first: dt.date, last: dt.date, rng: random.Random
) -> Person:
    """Someone of ``post`` employed from ``first`` to ``last`` (anyone, failing that)."""
    staff = [p for p in people if p.post == post and p.works(first, last)]
    return rng.choice(staff or [p for p in people if p.works(first, last)])
