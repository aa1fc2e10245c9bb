"""Repairs (报修) and ratings (满意度) for the demo school, from their own random stream.

The existing requests get a category from their content and, once done, the requester's
rating. New repair requests are added: a classroom projector repaired again and again, a
leaking toilet block reported three times (a place, no asset), and single repairs of other
items. They are done on the spot, with no promise, so no appraisal score changes: only a
promise (承诺 = 是) is a timeliness item (SPEC §4.2).
"""

from __future__ import annotations

import datetime as dt
import random

from .names import GRADES, SURNAMES
from .people import Person, pick_owner
from .posts import ELECTRICIAN, STORE
from .property import asset_by_name
from .school_calendar import DAY, D

REPAIR_CONTENTS = {  # existing request contents that are repairs; the rest are services
    "教室日光灯不亮",
    "教室插座没电",
    "教室空调不制冷",
    "多媒体讲台电源故障",
    "走廊感应灯不亮",
    "卫生间水箱漏水",
    "洗手池下水堵塞",
    "饮水机不出热水",
    "课桌椅损坏需更换",
    "教室门锁损坏",
    "窗帘脱轨",
    "讲台抽屉损坏",
    "宿舍床板松动",
    "宿舍门禁卡失效",
}
OTHER_CONTENTS = {"希望在教室加装一台空调", "希望增加面食品种"}

PROJECTOR_ROOM = "教学楼203"
PROJECTOR_FAULTS = (  # (month, day, what the teacher reported)
    (2, 24, "投影仪开机后无画面"),
    (4, 8, "投影仪画面偏黄、发暗"),
    (5, 20, "投影仪上课中自动关机"),
    (9, 9, "投影仪灯泡报警，画面闪烁"),
    (11, 4, "投影仪开机后无画面"),
)
LEAK_PLACE = "教学楼二楼卫生间"
LEAK_DAYS = ((3, 12, "卫生间水管接口漏水"), (6, 3, "卫生间地面渗水"), (10, 21, "卫生间水管漏水"))
SINGLE_REPAIRS = (  # (item, room, fault)
    ("电子白板", "教学楼102", "电子白板触控失灵"),
    ("柜式空调", "教学楼301", "空调不制冷"),
    ("多功能一体机", "教务处", "一体机卡纸"),
    ("立式钢琴", "音乐教室", "钢琴琴键回弹慢"),
    ("乒乓球台", "体育器材室", "球台网架松动"),
    ("消毒柜", "食堂", "消毒柜不加热"),
    ("学生课桌椅", "教学楼204", "课桌升降卡死"),
)


def classify_requests(rows: list[dict[str, object]], seed: int) -> None:
    """Give the existing requests 类别 (from the content) and, when done, a rating."""
    rng = random.Random(f"{seed}-satisfaction")
    for row in rows:
        content = str(row["content"])
        row["category"] = (
            "repair"
            if content in REPAIR_CONTENTS
            else "other"
            if content in OTHER_CONTENTS
            else "service"
        )
        row["asset_id"] = None
        row["location"] = None
        row["satisfaction"] = _rating(row, rng)


UNRATED = float("nan")  # a blank number cell: the numeric column keeps its dtype


def _rating(row: dict[str, object], rng: random.Random) -> float:
    done, promised = row["done_date"], row["promised_date"]
    if done is None or rng.random() < 0.15:  # open, or the requester did not rate it
        return UNRATED
    if promised is None or done <= promised:  # type: ignore[operator]
        return rng.choice((4, 5, 5, 5))
    return rng.choice((3, 4)) if row["explanation"] else rng.choice((2, 3))


def repair_request_rows(
    year: int, people: list[Person], assets: list[dict[str, object]], seed: int
) -> list[dict[str, object]]:
    """The added repair requests, numbered BX{year}-NNN in date order."""
    rng = random.Random(f"{seed}-repairs")
    projector = asset_by_name(assets, "投影仪", PROJECTOR_ROOM)
    rows = [
        _repair(D(year, m, d), text, projector, PROJECTOR_ROOM, people, rng, ELECTRICIAN)
        for m, d, text in PROJECTOR_FAULTS
    ]
    rows += [
        _repair(D(year, m, d), text, None, LEAK_PLACE, people, rng, ELECTRICIAN)
        for m, d, text in LEAK_DAYS
    ]
    for name, room, text in SINGLE_REPAIRS:
        day = D(year, 1, 6) + rng.randint(0, 320) * DAY
        post = ELECTRICIAN if name not in ("学生课桌椅", "乒乓球台") else STORE
        rows.append(_repair(day, text, asset_by_name(assets, name, room), room, people, rng, post))
    rows.sort(key=lambda r: r["date"])  # type: ignore[arg-type, return-value]
    for i, row in enumerate(rows, 1):
        row["request_id"] = f"BX{year}-{i:03d}"
    return rows


def _repair(
    day: dt.date,
    content: str,
    asset: dict[str, object] | None,
    place: str,
    people: list[Person],
    rng: random.Random,
    post: int,
) -> dict[str, object]:
    while day.weekday() >= 5:  # reported on a school day
        day += DAY
    done = day + rng.choice((0, 0, 1)) * DAY
    owner = pick_owner(people, post, day, done, rng)
    repeated = asset is not None and asset["location"] == PROJECTOR_ROOM
    return {
        "request_id": None,
        "date": day,
        "requester": f"{rng.choice(GRADES)}年级{rng.randint(1, 6)}班 {rng.choice(SURNAMES)}老师",
        "content": content,
        "urgent": True,
        "promised": False,
        "promised_date": None,
        "staff_id": owner.staff_id,
        "done_date": done,
        "explanation": None,
        "category": "repair",
        "asset_id": None if asset is None else asset["asset_id"],
        "location": place,
        # Fixed at once each time, but the same fault keeps coming back.
        "satisfaction": rng.choice((2, 3)) if repeated else rng.choice((4, 5)),
    }
