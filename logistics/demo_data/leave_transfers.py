"""The demo school's leave (请假) and post transfers (调岗), outside March so that the golden
March table stays as it was: a month of sick leave, a few short leaves, two mid-month moves
between posts with the same monthly target. Drawn from their own random stream."""

from __future__ import annotations

import datetime as dt
import random

import numpy as np

from .people import Person, Roles
from .posts import POSTS
from .school_calendar import D

# (start month, start day, end month, end day, leave type key, note); year from the demo.
LEAVES = (
    (6, 1, 6, 30, "sick", "住院治疗"),
    (4, 8, 4, 10, "personal", "家中有事"),
    (10, 20, 10, 24, "annual", "年休假"),
    (11, 12, 11, 13, "business", "参加区教育局后勤培训"),
)
MOVES = ((5, 16), (9, 15))  # effective dates (month, day): both mid-month


def _steady(people: list[Person], roles: Roles, year: int) -> list[int]:
    """People employed all year, outside the tied pair and the clamped case."""
    taken = {*roles.tie, roles.clamped}
    return [
        i
        for i, p in enumerate(people)
        if i not in taken and p.works(D(year, 1, 1), D(year, 12, 31))
    ]


def leave_and_transfers(
    year: int, people: list[Person], roles: Roles, seed: int
) -> tuple[list[dict[str, object]], list[dict[str, object]], dict[str, str]]:
    """(Leave rows, Transfers rows, {工号: the post held now}) for the demo.

    A moved person's Staff row shows the new post (the clerk's edit); their Transfers row
    records where they came from.
    """
    rng = random.Random(seed)
    steady = _steady(people, roles, year)
    rng.shuffle(steady)
    movers = _movers(people, steady)
    transfers, now = [], {}
    for (month, day), i in zip(MOVES, movers, strict=False):
        person = people[i]
        old = POSTS[person.post]
        new = min(
            (p for p in POSTS if p.post_id != old.post_id),
            key=lambda p: (abs(p.target - old.target), p.post_id),
        )
        transfers.append(
            {
                "staff_id": person.staff_id,
                "effective_date": D(year, month, day),
                "from_post_id": old.post_id,
                "to_post_id": new.post_id,
                "note": "工作需要调整岗位",
            }
        )
        now[person.staff_id] = new.post_id
    on_leave = [i for i in steady if i not in movers]
    leave = [
        {
            "staff_id": people[i].staff_id,
            "start": D(year, m1, d1),
            "end": D(year, m2, d2),
            "type": kind,
            "note": note,
        }
        for (m1, d1, m2, d2, kind, note), i in zip(LEAVES, on_leave, strict=False)
    ]
    leave.sort(key=lambda r: (r["start"], r["staff_id"]))  # type: ignore[arg-type, return-value]
    return leave, transfers, now


def _movers(people: list[Person], steady: list[int]) -> list[int]:
    """Two people, of different posts that have a post of equal target to move to."""
    chosen: list[int] = []
    for i in steady:
        target = POSTS[people[i].post].target
        twin = any(p.target == target and p.post_id != POSTS[people[i].post].post_id for p in POSTS)
        if twin and all(people[j].post != people[i].post for j in chosen):
            chosen.append(i)
        if len(chosen) == len(MOVES):
            break
    return chosen


def drop_logs_on_leave(
    logs: dict[str, np.ndarray], leave: list[dict[str, object]]
) -> dict[str, np.ndarray]:
    """The log columns without rows dated inside their person's leave (nobody logs then)."""
    keep = np.ones(len(logs["date"]), dtype=bool)
    dates = np.asarray(logs["date"])
    staff = np.asarray(logs["staff_id"])
    for row in leave:
        start, end = row["start"], row["end"]
        assert isinstance(start, dt.date) and isinstance(end, dt.date)
        inside = (staff == row["staff_id"]) & (dates >= start) & (dates <= end)
        keep &= ~inside
    return {key: np.asarray(values)[keep] for key, values in logs.items()}
