"""The demo school's work log: a year of rows per person and working day, drawn vectorized."""

from __future__ import annotations

import numpy as np

from ..core.workdays import WorkCalendar
from .people import Person, Roles
from .posts import POSTS
from .school_calendar import DAY, D

UNDONE_NOTES = ("配件未到，待续", "临时任务冲突，明日完成", "需他人配合，已上报")
POSTPONED_NOTES = ("顺延至次日", "因天气原因延期", "按主任安排延后")
DONE_NOTES = ("配合学校活动", "临时加班", "主任安排的临时任务", "已拍照留档")


def _weak_people(people: list[Person], roles: Roles) -> list[int]:
    """Two people who log and deliver far less than the rest (never the tied pair)."""
    taken = {*roles.tie, roles.clamped}
    # Fixed positions keep the default demo stable; any staff list has two others to pick.
    candidates = [9, 20, 10, 21, *range(len(people))]
    return list(dict.fromkeys(i for i in candidates if i not in taken and i < len(people)))[:2]


def log_columns(
    year: int,
    people: list[Person],
    roles: Roles,
    cal: WorkCalendar,
    per_day: float,
    gen: np.random.Generator,
) -> dict[str, np.ndarray]:
    """Log columns, vectorized: a person x working-day grid of row counts, then one row each."""
    days = [
        d
        for d in (D(year, 1, 1) + i * DAY for i in range(366))
        if d.year == year and cal.is_workday(d)
    ]
    ords = np.array([d.toordinal() for d in days])
    n_people, n_days = len(people), len(days)
    first = np.searchsorted(ords, [p.start.toordinal() for p in people], "left")
    last = (
        np.searchsorted(ords, [(p.end or D(year, 12, 31)).toordinal() for p in people], "right") - 1
    )
    col = np.arange(n_days)
    employed = (col >= first[:, None]) & (col <= last[:, None])

    # Presence per person (some miss days), rows per present day to average ``per_day``.
    attendance = gen.uniform(0.85, 1.0, n_people)
    attendance[gen.choice(n_people, 2, replace=False)] = 0.75
    weak = _weak_people(people, roles)  # a school has a few who struggle: 合格 and below
    attendance[weak] = (0.62, 0.5)
    presence = np.minimum(attendance, per_day)
    extra = np.maximum(per_day / presence - 1, 0)
    present = employed & (gen.random((n_people, n_days)) < presence[:, None])
    present[roles.tie[1]] = False  # B's rows are copies of A's, added below
    counts = np.where(present, 1 + gen.poisson(extra[:, None], (n_people, n_days)), 0).ravel()
    cells = np.flatnonzero(counts)
    per_cell = counts[cells]
    cell = np.repeat(cells, per_cell)
    k = np.arange(len(cell)) - np.repeat(np.cumsum(per_cell) - per_cell, per_cell)
    person, day = cell // n_days, cell % n_days

    # Content: consecutive entries of the post's list from a random offset (no repeats a day).
    post_of = np.array([p.post for p in people])
    lists = [p.contents() for p in POSTS]
    sizes = np.array([len(c) for c in lists])
    offsets = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    pool = np.array([c for lst in lists for c in lst], dtype=object)
    post = post_of[person]
    shift = np.repeat(gen.integers(0, 1 << 20, len(cells)), per_cell)
    content = pool[offsets[post] + (shift + k) % sizes[post]]
    for i in np.flatnonzero(k >= sizes[post]):  # more rows than the list: number the rounds
        content[i] = f"{content[i]}（第{k[i] // sizes[post[i]] + 1}轮）"

    # Status: mostly done; each person has their own reliability.
    reliability = gen.uniform(0.9, 0.98, n_people)[person]
    u = gen.random(len(cell))
    status_code = np.where(
        u < reliability, 0, np.where(u < reliability + (1 - reliability) * 0.6, 1, 2)
    )
    status = np.array(["done", "undone", "postponed"], dtype=object)[status_code]

    # Units around the post's daily target (per person performance 0.75-1.15), hours 0.5-9.
    daily = np.array([p.target * 12 / n_days for p in POSTS])[post]
    performance_of = gen.uniform(0.75, 1.15, n_people)
    performance_of[weak] = (0.55, 0.4)
    performance = performance_of[person]
    mean = daily * performance / per_day * gen.uniform(0.6, 1.4, len(cell))
    units = np.floor(mean + gen.random(len(cell))).astype(np.int64)
    units = np.where(status_code == 0, units, np.where(status_code == 1, units // 2, 0))
    hour_mean = 7.5 * presence[person] / per_day
    hours = np.clip(np.round(hour_mean * gen.uniform(0.7, 1.3, len(cell)) * 2) / 2, 0.5, 9.0)

    notes = np.full(len(cell), None, dtype=object)
    pick = gen.integers(0, 1 << 20, len(cell))
    for code, texts, rate in (
        (0, DONE_NOTES, 0.04),
        (1, UNDONE_NOTES, 1.0),
        (2, POSTPONED_NOTES, 1.0),
    ):
        mask = (status_code == code) & (gen.random(len(cell)) < rate)
        notes[mask] = np.array(texts, dtype=object)[pick[mask] % len(texts)]

    columns = {
        "day": day,
        "person": person,
        "k": k,
        "content": content,
        "units": units,
        "hours": hours,
        "status": status,
        "notes": notes,
    }
    twin = person == roles.tie[0]
    for key, values in columns.items():
        copy = np.full(int(twin.sum()), roles.tie[1]) if key == "person" else values[twin]
        columns[key] = np.concatenate([values, copy])
    order = np.lexsort((columns["k"], columns["person"], columns["day"]))
    ids = np.array([p.staff_id for p in people], dtype=object)
    return {
        "date": np.array(days, dtype=object)[columns["day"][order]],
        "staff_id": ids[columns["person"][order]],
        "content": columns["content"][order],
        "units": columns["units"][order],
        "hours": columns["hours"][order],
        "status": columns["status"][order],
        "notes": columns["notes"][order],
    }
