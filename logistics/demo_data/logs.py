"""The demo school's work log: a year of rows per person and working day, drawn vectorized."""

from __future__ import annotations

import datetime as dt

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
    """Log columns, vectorized: a person x working-day grid of row counts, then one row each.

    The steps draw from ``gen`` in a fixed order, so a seed gives the same school every time.
    """
    days, employed = _workday_grid(year, people, cal)
    weak = _weak_people(people, roles)  # a school has a few who struggle: 合格 and below
    person, day, k, per_cell, presence = _log_cells(employed, roles, weak, per_day, gen)
    post = np.array([p.post for p in people])[person]
    content = _contents(post, k, per_cell, gen)
    status_code = _status_codes(person, len(people), gen)
    units, hours = _units_and_hours(
        post, person, status_code, presence, weak, len(days), per_day, gen
    )
    columns = {
        "day": day,
        "person": person,
        "k": k,
        "content": content,
        "units": units,
        "hours": hours,
        "status": np.array(["done", "undone", "postponed"], dtype=object)[status_code],
        "notes": _notes(status_code, gen),
    }
    return _sorted_with_twin(columns, days, people, roles)


def _workday_grid(
    year: int, people: list[Person], cal: WorkCalendar
) -> tuple[list[dt.date], np.ndarray]:
    """The year's working days, and a person x day mask of the days each person is employed."""
    days = [
        d
        for d in (D(year, 1, 1) + i * DAY for i in range(366))
        if d.year == year and cal.is_workday(d)
    ]
    ords = np.array([d.toordinal() for d in days])
    first = np.searchsorted(ords, [p.start.toordinal() for p in people], "left")
    last = (
        np.searchsorted(ords, [(p.end or D(year, 12, 31)).toordinal() for p in people], "right") - 1
    )
    col = np.arange(len(days))
    return days, (col >= first[:, None]) & (col <= last[:, None])


def _log_cells(
    employed: np.ndarray, roles: Roles, weak: list[int], per_day: float, gen: np.random.Generator
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Which person logs on which day, and how often: (person, day, k = the row's number in its
    day, rows per non-empty cell, each person's presence rate)."""
    n_people, n_days = int(employed.shape[0]), int(employed.shape[1])
    # Presence per person (some miss days), rows per present day to average ``per_day``.
    attendance = gen.uniform(0.85, 1.0, n_people)
    attendance[gen.choice(n_people, 2, replace=False)] = 0.75
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
    return cell // n_days, cell % n_days, k, per_cell, presence


def _contents(
    post: np.ndarray, k: np.ndarray, per_cell: np.ndarray, gen: np.random.Generator
) -> np.ndarray:
    """Content: consecutive entries of the post's list from a random offset (no repeats a day)."""
    lists = [p.contents() for p in POSTS]
    sizes = np.array([len(c) for c in lists])
    offsets = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    pool = np.array([c for lst in lists for c in lst], dtype=object)
    shift = np.repeat(gen.integers(0, 1 << 20, len(per_cell)), per_cell)
    content = pool[offsets[post] + (shift + k) % sizes[post]]
    for i in np.flatnonzero(k >= sizes[post]):  # more rows than the list: number the rounds
        content[i] = f"{content[i]}（第{k[i] // sizes[post[i]] + 1}轮）"
    return content


def _status_codes(person: np.ndarray, n_people: int, gen: np.random.Generator) -> np.ndarray:
    """Status: mostly done (0); else undone (1) or postponed (2); each person has their own
    reliability."""
    reliability = gen.uniform(0.9, 0.98, n_people)[person]
    u = gen.random(len(person))
    return np.where(u < reliability, 0, np.where(u < reliability + (1 - reliability) * 0.6, 1, 2))


def _units_and_hours(
    post: np.ndarray,
    person: np.ndarray,
    status_code: np.ndarray,
    presence: np.ndarray,
    weak: list[int],
    n_days: int,
    per_day: float,
    gen: np.random.Generator,
) -> tuple[np.ndarray, np.ndarray]:
    """Units around the post's daily target (per person performance 0.75-1.15), hours 0.5-9."""
    n = len(person)
    daily = np.array([p.target * 12 / n_days for p in POSTS])[post]
    performance_of = gen.uniform(0.75, 1.15, len(presence))
    performance_of[weak] = (0.55, 0.4)
    performance = performance_of[person]
    mean = daily * performance / per_day * gen.uniform(0.6, 1.4, n)
    units = np.floor(mean + gen.random(n)).astype(np.int64)
    units = np.where(status_code == 0, units, np.where(status_code == 1, units // 2, 0))
    hour_mean = 7.5 * presence[person] / per_day
    hours = np.clip(np.round(hour_mean * gen.uniform(0.7, 1.3, n) * 2) / 2, 0.5, 9.0)
    return units, hours


def _notes(status_code: np.ndarray, gen: np.random.Generator) -> np.ndarray:
    """A note on every undone or postponed row, and on a few done ones."""
    n = len(status_code)
    notes = np.full(n, None, dtype=object)
    pick = gen.integers(0, 1 << 20, n)
    for code, texts, rate in (
        (0, DONE_NOTES, 0.04),
        (1, UNDONE_NOTES, 1.0),
        (2, POSTPONED_NOTES, 1.0),
    ):
        mask = (status_code == code) & (gen.random(n) < rate)
        notes[mask] = np.array(texts, dtype=object)[pick[mask] % len(texts)]
    return notes


def _sorted_with_twin(
    columns: dict[str, np.ndarray], days: list[dt.date], people: list[Person], roles: Roles
) -> dict[str, np.ndarray]:
    """The rows plus a copy of the tied pair's A for B, by day, person and k; dates and
    StaffIDs in place of indices."""
    twin = columns["person"] == roles.tie[0]
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
