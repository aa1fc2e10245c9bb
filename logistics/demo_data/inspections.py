"""The demo school's inspections: a few scored checks per person and month, and the bad month
whose deductions clamp one person's quality score at 0."""

from __future__ import annotations

import datetime as dt
import random

from ..core.workdays import WorkCalendar
from .people import Person, Roles, month_workdays
from .posts import POSTS

INSPECTORS = ("刘建国", "陈素梅", "周文涛")  # the director and deputies of 后勤处
CLAMP_MONTH = 5  # the month the clamped person's inspections sum below -30
CLAMP_FINDINGS = (  # item, points, reason
    ("门岗值守", -10, "夜间值班脱岗，校门无人值守"),
    ("来访登记", -9, "外来人员未登记即放行"),
    ("校园巡逻", -8, "夜间巡逻未到位，监控室无人"),
    ("门岗值守", -7, "交接班记录缺失"),
)


def inspection_rows(
    year: int, people: list[Person], roles: Roles, cal: WorkCalendar, rng: random.Random
) -> list[dict[str, object]]:
    points = (-5, -3, -2, -1, 0, 1, 2, 3, 5)
    weights = (5, 8, 10, 6, 36, 6, 12, 8, 4)
    rows: list[dict[str, object]] = []
    for index, person in enumerate(people):
        post = POSTS[person.post]
        for month in range(1, 13):
            days = month_workdays(cal, year, month, person)
            if not days:
                continue
            if index == roles.clamped and month == CLAMP_MONTH:
                # A bad month: four deductions, -34 in all; quality clamps at 0.
                for day, (item, pts, why) in zip(
                    sorted(rng.sample(days, 4)), CLAMP_FINDINGS, strict=True
                ):
                    rows.append(_inspection(day, person, item, pts, why, rng))
                continue
            for day in sorted(rng.sample(days, min(len(days), rng.choice((1, 2, 2, 2, 3))))):
                pts = rng.choices(points, weights)[0]
                item, good, bad = rng.choice(post.checks)
                reason = (
                    rng.choice(good)
                    if pts > 0
                    else rng.choice(bad)
                    if pts < 0
                    else rng.choice((None, None, "符合要求"))
                )
                rows.append(_inspection(day, person, item, pts, reason, rng))
    return rows


def _inspection(
    day: dt.date, person: Person, item: str, points: int, reason: str | None, rng: random.Random
) -> dict[str, object]:
    return {
        "date": day,
        "staff_id": person.staff_id,
        "item": item,
        "points": points,
        "reason": reason,
        "inspector": rng.choice(INSPECTORS),
    }
