"""``demo_frames``: the demo school's year as one DataFrame per input sheet, in schema order."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..core import schema
from ..core.schema import Kind
from ..core.settings import SETTING_DEFS
from ..core.workdays import WorkCalendar
from .energy import energy_rows
from .inspections import inspection_rows
from .leave_transfers import drop_logs_on_leave, leave_and_transfers
from .logs import log_columns
from .meetings import meeting_rows
from .people import MIN_STAFF, Person, Roles, draw_staff
from .plans import plan_rows
from .posts import POSTS, Post
from .property import property_rows
from .receptions import reception_rows
from .repair_requests import classify_requests, repair_request_rows
from .school_calendar import D, calendar_rows
from .service_requests import request_rows

DEMO_SETTINGS = {"reception_budget": 30000}  # the demo's values where they are not the default


def demo_frames(
    year: int = 2025, *, staff_count: int = 44, logs_per_day: float = 1.3, seed: int = 2025
) -> dict[str, pd.DataFrame]:
    """One DataFrame per input sheet key for the fictional 示例实验小学's ``year``.

    ``staff_count`` people (at least 20) file about ``logs_per_day`` log rows each per working
    day; energy readings start at the end of ``year`` - 2 so that every month of ``year`` has
    a year-on-year comparison. The same arguments always give equal frames.
    """
    if staff_count < MIN_STAFF:
        raise ValueError(f"staff_count must be at least {MIN_STAFF}")
    if logs_per_day <= 0:
        raise ValueError("logs_per_day must be positive")
    rng = random.Random(seed)
    gen = np.random.default_rng(rng.getrandbits(64))  # vectorized draws for the log table
    overrides = calendar_rows(year)
    cal = WorkCalendar({d: kind == "workday" for d, kind, _ in overrides})
    sports_day = overrides[1][0]
    people, roles = draw_staff(year, staff_count, cal, rng)
    owners = [p for i, p in enumerate(people) if i not in roles.tie]  # the tie pair owns none
    rows = _record_rows(year, people, owners, roles, cal, sports_day, rng)
    leave, transfers, moved = leave_and_transfers(year, people, roles, seed + 1)
    # Property and repairs draw from their own streams: the sheets above stay as they were.
    assets, loans, counts = property_rows(year, people, seed)
    classify_requests(rows["requests"], seed)
    rows["requests"] += repair_request_rows(year, people, assets, seed)
    return {
        "posts": _frame("posts", [_post_row(p) for p in POSTS]),
        "staff": _frame("staff", [{**_staff_row(p), **_moved(p, moved)} for p in people]),
        "logs": _frame(
            "logs",
            drop_logs_on_leave(log_columns(year, people, roles, cal, logs_per_day, gen), leave),
        ),
        "inspections": _frame("inspections", rows["inspections"]),
        "meetings": _frame("meetings", rows["meetings"]),
        "energy": _frame("energy", energy_rows(year, people, cal, rng)),
        "plans": _frame("plans", rows["plans"]),
        "requests": _frame("requests", rows["requests"]),
        "settings": _frame("settings", _settings_rows()),
        "calendar": _frame(
            "calendar", [{"date": d, "type": kind, "note": note} for d, kind, note in overrides]
        ),
        "leave": _frame("leave", leave),
        "transfers": _frame("transfers", transfers),
        "pay_pools": _frame("pay_pools", [_year_end_pool(year, people)]),
        "receptions": _frame("receptions", reception_rows(year, owners, cal, seed)),
        "assets": _frame("assets", assets),
        "loans": _frame("loans", loans),
        "counts": _frame("counts", counts),
    }


def _record_rows(
    year: int,
    people: list[Person],
    owners: list[Person],
    roles: Roles,
    cal: WorkCalendar,
    sports_day: dt.date,
    rng: random.Random,
) -> dict[str, list[dict[str, object]]]:
    """Inspections, meetings, plans and requests (the tied pair's B with copies of A's rows),
    numbered and in sheet order."""
    rows = {
        "inspections": inspection_rows(year, people, roles, cal, rng),
        "meetings": meeting_rows(year, people, cal, sports_day, rng),
        "plans": plan_rows(year, owners, sports_day, rng),
        "requests": request_rows(year, owners, cal, rng),
    }
    a, b = (people[i].staff_id for i in roles.tie)
    for key, table in rows.items():  # B's rows are A's rows: their totals tie
        rows[key] = [r for r in table if r["staff_id"] != b]
        rows[key] += [{**r, "staff_id": b} for r in table if r["staff_id"] == a]
    _number(rows["meetings"], "meeting_id", f"HY{year}-", ("date",))
    _number(rows["requests"], "request_id", f"SQ{year}-", ("date",))
    _number(rows["plans"], "plan_id", f"JH{year}-", ("start", "due"), width=2)
    rows["inspections"].sort(key=lambda r: (r["date"], r["staff_id"]))
    return rows


def _settings_rows() -> list[dict[str, object]]:
    """The Settings sheet: every setting at its default, or the demo's value."""
    return [
        {"key": d.zh, "value": DEMO_SETTINGS.get(d.key, d.default), "note": d.note_zh}
        for d in SETTING_DEFS
    ]


def _year_end_pool(year: int, people: list[Person]) -> dict[str, object]:
    """A year-end pool (年终绩效, SPEC 4.6): 2,000 yuan per person employed at the year's end."""
    staying = sum(p.end is None or p.end >= D(year, 12, 31) for p in people)
    return {"period": str(year), "amount": 2000 * staying, "note": "年终绩效"}


def _moved(p: Person, moved: dict[str, str]) -> dict[str, object]:
    """A moved person's Staff row shows the post held now (SPEC 3.1)."""
    return {"post_id": moved[p.staff_id]} if p.staff_id in moved else {}


def _frame(key: str, data: Sequence[dict[str, object]] | dict[str, np.ndarray]) -> pd.DataFrame:
    """Columns in schema order; numbers stay int/float, everything else is object (None blank)."""
    columns = schema.SHEETS[key].columns
    table: dict[str, Sequence[object] | np.ndarray] = (
        dict(data) if isinstance(data, dict) else {c.key: [r[c.key] for r in data] for c in columns}
    )
    if set(table) != {c.key for c in columns}:
        raise AssertionError(f"{key}: columns differ from the schema")
    out: dict[str, pd.Series] = {}
    for c in columns:
        values = table[c.key]
        numeric = c.kind in (Kind.INT, Kind.NUMBER)
        if isinstance(values, np.ndarray) and numeric and values.dtype != object:
            out[c.key] = pd.Series(values)
        elif numeric and all(v is not None for v in values):
            out[c.key] = pd.Series(list(values))
        elif numeric:  # a mostly blank number column (换表后读数): NaN for blank
            out[c.key] = pd.Series([np.nan if v is None else v for v in values], dtype=float)
        else:
            out[c.key] = pd.Series(values, dtype=object)
    return pd.DataFrame(out)


def _number(
    rows: list[dict[str, object]], key: str, prefix: str, order: tuple[str, ...], width: int = 3
) -> None:
    """Sort ``rows`` by ``order`` and give them IDs in that order, as a clerk would."""
    rows.sort(key=lambda r: tuple(r[k] for k in order))  # type: ignore[arg-type]
    for i, row in enumerate(rows, 1):
        row[key] = f"{prefix}{i:0{width}d}"


def _post_row(p: Post) -> dict[str, object]:
    return {
        "post_id": p.post_id,
        "post": p.name,
        "duties": p.duties,
        "quality_standard": p.quality,
        "quantity_standard": p.quantity,
        "monthly_target": p.target,
        "time_limit_hours": p.hours,
    }


def _staff_row(p: Person) -> dict[str, object]:
    return {
        "staff_id": p.staff_id,
        "name": p.name,
        "post_id": POSTS[p.post].post_id,
        "start_date": p.start,
        "end_date": p.end,
        "pay_base": p.pay_base,
    }
