"""The demo school's receptions (接待): visits by the education bureau, inspectors and other
schools, mostly by the regulation, with a few findings of each kind (SPEC 4.7).

Drawn from their own random stream (``reception_rows``' ``seed``), so that adding them
changed none of the other demo data or the scores that rest on it.
"""

from __future__ import annotations

import datetime as dt
import random

from ..core.workdays import WorkCalendar
from .people import Person, month_workdays
from .posts import MEETING, RECEPTION

# (visitor, purpose, guests range)
VISITS = (
    ("区教育局基础教育科", "办学情况专项调研", (3, 6)),
    ("区教育督导室", "责任督学挂牌督导", (2, 4)),
    ("市教育局安全处", "校园安全工作检查", (3, 5)),
    ("区市场监管局", "食堂食品安全检查", (2, 4)),
    ("区卫健委疾控科", "学校卫生防疫检查", (2, 3)),
    ("兄弟学校考察团", "后勤管理交流学习", (8, 14)),
    ("结对帮扶学校", "教学观摩与教研交流", (10, 30)),
    ("区教研室", "课堂教学视导", (4, 8)),
    ("省教育厅调研组", "义务教育优质均衡发展调研", (4, 7)),
    ("区财政局", "专项资金使用检查", (2, 3)),
)
APPROVERS = ("王建国", "李文华")  # the principal and the vice principal in charge
MONTHLY = {1: 3, 2: 1, 3: 4, 4: 3, 5: 4, 6: 3, 7: 2, 8: 1, 9: 4, 10: 3, 11: 4, 12: 3}  # 35
FINDING_KINDS = ("hosts_over", "meal_over", "no_letter", "unapproved", "alcohol")
PER_KIND = 3  # receptions given each finding (one of them gets three findings at once)
NOTES = {
    "hosts_over": "校领导临时陪同",
    "meal_over": "来访人员临时增加用餐",
    "no_letter": "电话预约，公函后补",
    "unapproved": "临时来访，事后补批",
    "alcohol": "来访单位自带酒水",
}


def reception_rows(
    year: int, people: list[Person], cal: WorkCalendar, seed: int
) -> list[dict[str, object]]:
    """About 35 receptions over ``year``, by date, numbered JD{year}-001 …; 15 findings in
    all, 3 of each kind, one reception holding three of them."""
    rng = random.Random(f"receptions-{seed}")
    hosts_staff = [p for p in people if p.post == RECEPTION]
    fallback = [p for p in people if p.post == MEETING]
    rows: list[dict[str, object]] = []
    for month, count in MONTHLY.items():
        days = rng.sample(month_workdays(cal, year, month), count)
        for day in sorted(days):
            staff = [p for p in hosts_staff if p.works(day)] or [
                p for p in fallback if p.works(day)
            ]
            rows.append(_visit(day, rng.choice(staff).staff_id, rng))
    triple = ["hosts_over", "no_letter", "alcohol"]  # one reception breaks three rules
    single = [k for k in FINDING_KINDS for _ in range(PER_KIND)]
    for k in triple:
        single.remove(k)
    chosen = rng.sample(range(len(rows)), 1 + len(single))
    marked = {chosen[0]: triple} | {i: [k] for i, k in zip(chosen[1:], single, strict=True)}
    for i, found in marked.items():
        for kind in found:
            _break(rows[i], kind, rng)
        rows[i]["notes"] = "；".join(NOTES[k] for k in found)
    for n, row in enumerate(rows, 1):
        row["reception_id"] = f"JD{year}-{n:03d}"
    return rows


def _visit(day: dt.date, staff_id: str, rng: random.Random) -> dict[str, object]:
    """A reception by the regulation: letter, approval before the visit, hosts within the cap,
    meals at 30–48 yuan a head, no alcohol."""
    visitor, purpose, (low, high) = rng.choice(VISITS)
    guests = rng.randint(low, high)
    cap = max(3, guests // 3)
    hosts = rng.randint(1, cap)
    meals = rng.choice((0, 1, 1, 1, 2))
    meal_cost = meals * (guests + hosts) * rng.randint(30, 48) if meals else 0
    lodging = guests * 260 if meals == 2 and rng.random() < 0.5 else 0
    other = rng.choice((0, 0, 0, 60, 120, 180.5))
    return {
        "reception_id": None,
        "date": day,
        "visitor": visitor,
        "purpose": purpose,
        "official_letter": True,
        "approver": rng.choice(APPROVERS),
        "approved_date": day - dt.timedelta(days=rng.randint(1, 7)),
        "guests": guests,
        "hosts": hosts,
        "meals": meals,
        "meal_cost": meal_cost,
        "lodging_cost": lodging,
        "other_cost": other,
        "alcohol": False,
        "staff_id": staff_id,
        "notes": None,
    }


def _break(row: dict[str, object], kind: str, rng: random.Random) -> None:
    """Make ``row`` breach one rule of the regulation."""
    guests = int(row["guests"])  # type: ignore[call-overload]
    if kind == "hosts_over":
        row["hosts"] = max(3, guests // 3) + rng.randint(1, 2)
    elif kind == "meal_over":
        meals = int(row["meals"]) or 1  # type: ignore[call-overload]
        row["meals"] = meals
        row["meal_cost"] = meals * (guests + int(row["hosts"])) * rng.randint(56, 75)  # type: ignore[call-overload]
    elif kind == "no_letter":
        row["official_letter"] = False
    elif kind == "unapproved":
        day = row["date"]
        assert isinstance(day, dt.date)
        row["approved_date"] = rng.choice((None, day + dt.timedelta(days=rng.randint(1, 3))))
    else:
        row["alcohol"] = True
