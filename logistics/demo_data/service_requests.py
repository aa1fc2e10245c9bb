"""Requests to the logistics office (诉求): repairs and other needs from teachers and offices,
with promises kept, late (explained or not), done on the spot, or not promised."""

from __future__ import annotations

import datetime as dt
import random

from ..core.workdays import WorkCalendar
from .names import GRADES, SURNAMES
from .people import Person, pick_owner
from .posts import CANTEEN, CLEANER, DORM, ELECTRICIAN, GREEN, STORE
from .school_calendar import DAY, D

REQUEST_KINDS = (  # responsible post, contents; repairs (the first two) are the ones that run late
    (
        ELECTRICIAN,
        (
            "教室日光灯不亮",
            "教室插座没电",
            "教室空调不制冷",
            "多媒体讲台电源故障",
            "走廊感应灯不亮",
            "卫生间水箱漏水",
            "洗手池下水堵塞",
            "饮水机不出热水",
        ),
    ),
    (STORE, ("课桌椅损坏需更换", "教室门锁损坏", "窗帘脱轨", "讲台抽屉损坏")),
    (CLEANER, ("楼梯间积水需清理", "教室外墙面污渍清理", "走廊垃圾桶破损需更换")),
    (GREEN, ("窗外树枝遮挡光线需修剪", "花坛杂草较多需清理")),
    (DORM, ("宿舍床板松动", "宿舍门禁卡失效")),
    (CANTEEN, ("午餐菜品偏咸", "食堂餐桌有油污", "希望增加面食品种")),
)
URGENT = {
    "教室日光灯不亮",
    "教室插座没电",
    "多媒体讲台电源故障",
    "卫生间水箱漏水",
    "洗手池下水堵塞",
    "教室门锁损坏",
    "楼梯间积水需清理",
    "宿舍门禁卡失效",
}  # may be urgent
ON_THE_SPOT = ("需领用粉笔和板擦", "需领用清洁工具")  # done at once, no promise needed
LATE_EXPLAINED = (
    "所需配件厂家缺货，已向提出人说明并约定新时间",
    "需专业厂家上门维修，已电话告知延期原因",
    "涉及采购审批，已书面说明预计完成时间",
)
BLOCKED = ("教室空调不制冷", "压缩机需厂家更换，配件年后到货，已向提出人说明并先调配移动空调")
CANNOT = (
    "希望在教室加装一台空调",
    "教室电路负荷不足，需整体增容改造并报教育局审批，已纳入明年计划，暂不能承诺完成时间",
)
OFFICES = ("教务处", "德育处", "办公室", "总务处", "体育组", "音乐组")


def request_rows(
    year: int, people: list[Person], cal: WorkCalendar, rng: random.Random
) -> list[dict[str, object]]:
    """About 60 requests: most promised and kept, some late (explained or not), a few done on
    the spot, and one that could not be promised."""
    days = [
        d
        for d in (D(year, 1, 6) + i * DAY for i in range(339))
        if cal.is_workday(d) and not D(year, 7, 12) <= d <= D(year, 8, 24)
    ]
    cases = (
        ["cannot"] + ["on_the_spot"] * 2 + ["late_explained"] * 4 + ["late"] * 3 + ["on_time"] * 49
    )
    rng.shuffle(cases)
    cases.append("blocked")  # the year's last request: waiting for a part due next year
    rows: list[dict[str, object]] = []
    for day, case in zip(sorted(rng.sample(days, len(cases))), cases, strict=True):
        kinds = REQUEST_KINDS[:2] if case.startswith("late") else REQUEST_KINDS
        post, contents = rng.choice(kinds)
        content = rng.choice(contents)
        urgent = case == "on_time" and content in URGENT and rng.random() < 0.7
        promise = day + (rng.randint(0, 1) if urgent else rng.randint(2, 7)) * DAY
        promised: dt.date | None = promise
        done: dt.date | None = None
        explanation = None
        if case == "on_time":
            done = max(promise - rng.randint(0, 1 if urgent else 2) * DAY, day)
        elif case == "late":
            done = promise + rng.randint(1, 5) * DAY
        elif case == "late_explained":
            done = promise + rng.randint(3, 10) * DAY
            explanation = rng.choice(LATE_EXPLAINED)
        elif case == "blocked":  # late, explained, still waiting at the end of the year
            post, (content, explanation) = ELECTRICIAN, BLOCKED
        elif case == "on_the_spot":
            post, content, promised, done = STORE, rng.choice(ON_THE_SPOT), None, day
        else:  # "cannot": do not promise what cannot be done, and say why
            post, (content, explanation) = ELECTRICIAN, CANNOT
            promised = None
        last = max(d for d in (day, promised, done) if d is not None)
        owner = pick_owner(people, post, day, D(year, 12, 31) if done is None else last, rng)
        rows.append(
            {
                "request_id": None,
                "date": day,
                "requester": _requester(rng),
                "content": content,
                "urgent": urgent,
                "promised": promised is not None,
                "promised_date": promised,
                "staff_id": owner.staff_id,
                "done_date": done,
                "explanation": explanation,
            }
        )
    return rows


def _requester(rng: random.Random) -> str:
    who = rng.random()
    surname = rng.choice(SURNAMES)
    if who < 0.7:
        return f"{rng.choice(GRADES)}年级{rng.randint(1, 6)}班 {surname}老师"
    if who < 0.9:
        return f"{rng.choice(OFFICES)} {surname}老师"
    return f"{rng.choice(GRADES[2:])}年级{rng.randint(1, 6)}班 班长"
