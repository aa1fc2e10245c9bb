"""Hypothesis strategies for every input sheet, as a reader hands cells over.

Rows are keyed by column key and hold what a cell holds: labels (完成, 是, 大型), dates and
numbers. Decimal columns get one- and two-decimal values, either as the float a number cell
holds or as text, so exactness is exercised; requests, meetings and plans fall due inside the
month, so timeliness is. Every generated school is valid: no validation errors.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import strategies as st

D = dt.date
MONTH_DAYS = [D(2025, 3, d) for d in range(1, 32)]
NEAR_DAYS = [D(2025, 2, 27), D(2025, 2, 28), *MONTH_DAYS, D(2025, 4, 1), D(2025, 4, 2)]
STATUS = ["完成", "未完成", "延期"]
YES_NO = ["是", "否", None]


def decimal_cell(low: str, high: str, places: int) -> st.SearchStrategy[object]:
    """A number with ``places`` decimals, typed as a number (float) or as text."""
    values = st.decimals(Decimal(low), Decimal(high), places=places)
    return st.one_of(values.map(float), values.map(str))


def one_or_two_decimals(low: str, high: str) -> st.SearchStrategy[object]:
    return st.one_of(decimal_cell(low, high, 1), decimal_cell(low, high, 2))


@st.composite
def posts(draw: st.DrawFn) -> list[dict[str, object]]:
    return [
        {"post_id": f"P{i}", "post": name, "monthly_target": draw(st.integers(0, 60))}
        for i, name in enumerate(("保洁员", "水电工"), start=1)
    ]


@st.composite
def staff(draw: st.DrawFn) -> list[dict[str, object]]:
    rows = []
    for i in range(draw(st.integers(1, 5))):
        start = draw(st.sampled_from([D(2024, 1, 1), D(2025, 3, 3), D(2025, 3, 17)]))
        end = draw(st.sampled_from([None, D(2025, 3, 21), D(2025, 12, 31)]))
        rows.append(
            {
                "staff_id": f"S{i + 1}",
                "name": f"员工{i + 1}",
                "post_id": draw(st.sampled_from(["P1", "P2"])),
                "start_date": start,
                "end_date": end if end is None or end >= start else None,
                "pay_base": draw(one_or_two_decimals("0", "5000")),
            }
        )
    return rows


def employed(person: dict[str, object], day: dt.date) -> bool:
    end = person["end_date"]
    return person["start_date"] <= day and (end is None or day <= end)  # type: ignore[operator]


@st.composite
def dated_rows(draw: st.DrawFn, people: list[dict[str, object]], make, max_size: int):  # type: ignore[no-untyped-def]
    """Rows of ``make(draw, person, day)`` for people on days they were employed."""
    rows = []
    for _ in range(draw(st.integers(0, max_size))):
        person = draw(st.sampled_from(people))
        day = draw(st.sampled_from(NEAR_DAYS))
        if employed(person, day):
            rows.append(make(draw, person, day))
    return rows


def log_row(draw: st.DrawFn, person: dict[str, object], day: dt.date) -> dict[str, object]:
    return {
        "date": day,
        "staff_id": person["staff_id"],
        "content": draw(st.sampled_from(["清扫", "巡查", "维修"])),
        "units": draw(st.one_of(st.none(), st.integers(0, 9))),
        "hours": draw(st.one_of(st.none(), decimal_cell("0", "24", 1))),
        "status": draw(st.sampled_from(STATUS)),
    }


def inspection_row(draw: st.DrawFn, person: dict[str, object], day: dt.date) -> dict[str, object]:
    return {
        "date": day,
        "staff_id": person["staff_id"],
        "item": "卫生",
        "points": draw(one_or_two_decimals("-10", "10")),
        "reason": "记录",
    }


def meeting_row(draw: st.DrawFn, person: dict[str, object], day: dt.date) -> dict[str, object]:
    return {
        "date": day,
        "title": "例会",
        "scale": draw(st.sampled_from(["大型", "中型", "小型"])),
        "urgency": draw(st.sampled_from(["紧急", "一般"])),
        "staff_id": person["staff_id"],
        **{k: draw(st.sampled_from(YES_NO)) for k in ("notice", "venue", "sign_in", "support")},
    }


@st.composite
def requests(draw: st.DrawFn, people: list[dict[str, object]]) -> list[dict[str, object]]:
    rows = []
    for i in range(draw(st.integers(0, 8))):
        promised = draw(st.sampled_from(YES_NO))
        rows.append(
            {
                "request_id": f"R{i}",
                "date": draw(st.sampled_from(MONTH_DAYS)),
                "requester": "王老师",
                "content": "修灯",
                "promised": promised,
                "promised_date": draw(st.sampled_from(NEAR_DAYS)) if promised == "是" else None,
                "staff_id": draw(st.sampled_from(people))["staff_id"],
                "done_date": draw(st.one_of(st.none(), st.sampled_from(NEAR_DAYS))),
                "explanation": draw(st.sampled_from([None, "缺配件"])),
            }
        )
    return rows


@st.composite
def plans(draw: st.DrawFn, people: list[dict[str, object]]) -> list[dict[str, object]]:
    rows = []
    for i in range(draw(st.integers(0, 5))):
        due = draw(st.sampled_from(NEAR_DAYS))
        done = draw(st.one_of(st.none(), st.sampled_from(NEAR_DAYS)))
        rows.append(
            {
                "plan_id": f"J{i}",
                "level": draw(st.sampled_from(["长期", "学年", "学期", "阶段"])),
                "category": draw(st.sampled_from(["校舍维修", "设备添置", "其他"])),
                "item": "维修",
                "staff_id": draw(st.sampled_from(people))["staff_id"],
                "start": D(2025, 1, 1),
                "due": due,
                "budget": draw(st.one_of(st.none(), one_or_two_decimals("0", "99999"))),
                "progress": draw(st.one_of(st.none(), decimal_cell("0", "100", 1))),
                "done_date": done,
            }
        )
    return rows


@st.composite
def energy(draw: st.DrawFn) -> list[dict[str, object]]:
    rows, reading = [], Decimal(0)
    for day in sorted(set(draw(st.lists(st.sampled_from(NEAR_DAYS), max_size=6)))):
        reading += draw(st.decimals(Decimal(0), Decimal(500), places=2))
        rows.append(
            {
                "date": day,
                "meter": "电表1",
                "kind": "电",
                "reading": float(reading),
                "check_type": "周查",
            }
        )
    return rows


@st.composite
def settings_rows(draw: st.DrawFn) -> list[dict[str, object]]:
    credit = draw(st.sampled_from(["0.5", "0.25", "0.75", 0.3, None]))
    return [] if credit is None else [{"key": "解释折算", "value": credit}]


@st.composite
def calendar(draw: st.DrawFn) -> list[dict[str, object]]:
    """A few of March's days declared holidays (放假) or make-up working days (补班)."""
    days = draw(st.lists(st.sampled_from(MONTH_DAYS), max_size=3, unique=True))
    return [
        {"date": d, "type": draw(st.sampled_from(["放假", "补班"])), "note": "校历"} for d in days
    ]


@st.composite
def schools(draw: st.DrawFn) -> dict[str, list[dict[str, object]]]:
    """Every input sheet of one valid school for March 2025."""
    people = draw(staff())
    meetings = draw(dated_rows(people, meeting_row, 4))
    for i, m in enumerate(meetings):
        m["meeting_id"] = f"M{i}"
    return {
        "posts": draw(posts()),
        "staff": people,
        "logs": draw(dated_rows(people, log_row, 40)),
        "inspections": draw(dated_rows(people, inspection_row, 8)),
        "meetings": meetings,
        "requests": draw(requests(people)),
        "plans": draw(plans(people)),
        "energy": draw(energy()),
        "settings": draw(settings_rows()),
        "calendar": draw(calendar()),
    }
