"""The demo school's property (学校财产): about 300 assets over 30 places, loans and the
December count, drawn from their own random stream so the other sheets stay as they were.

Cases the demo shows: every category (GB/T 14885-2010 codes: 7 digits, 4 levels; 低值易耗品
are not fixed assets and have none); disposals; idle and in-repair items; loans, three of
them overdue at the year's end; and a count with a shortage, a surplus on the books, a
surplus off the books, a wrong room and an item not found.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from .people import Person
from .posts import ELECTRICIAN, STORE
from .school_calendar import DAY, D

CLASSROOMS = tuple(f"教学楼{floor}0{n}" for floor in (1, 2, 3) for n in range(1, 7))[:17]
ROOMS = (
    *CLASSROOMS,
    "物理实验室",
    "化学实验室",
    "计算机教室",
    "音乐教室",
    "美术教室",
    "图书室",
    "校长室",
    "教务处",
    "总务处",
    "会议室",
    "体育器材室",
    "食堂",
)
CAMPUS = "校园"  # buildings and structures stand here: the 30th place
DEPARTMENTS = {"物理实验室": "教务处", "化学实验室": "教务处", "计算机教室": "信息中心"}


@dataclass(frozen=True)
class Item:
    name: str
    category: str  # schema.ASSET_CATEGORY key
    code: str  # GB/T 14885-2010
    model: str
    price: float
    quantity: int = 1


DESKTOP = Item("台式计算机", "general", "2010105", "联想启天M430", 4299.0)
PROJECTOR = Item("投影仪", "general", "2020200", "爱普生CB-X06", 3899.0)
CLASSROOM_ITEMS = (
    Item("学生课桌椅", "furniture", "6010200", "单人升降式", 268.0, 45),
    Item("讲台", "furniture", "6010200", "钢木组合", 680.0),
    PROJECTOR,
    Item("电子白板", "general", "2020600", "鸿合HV-I786", 6980.0),
    Item("柜式空调", "general", "2151000", "格力3匹", 5699.0),
    Item("图书柜", "furniture", "6010500", "钢制五层", 560.0, 2),
    Item("LED教室灯", "consumables", "", "36W护眼灯", 128.0, 9),
    Item("遮光窗帘", "consumables", "", "涤纶遮光", 95.0, 6),
    Item("饮水机", "general", "2200000", "美的温热型", 680.0),
    Item("学生储物柜", "furniture", "6010500", "24格钢制", 1500.0),
)
ROOM_ITEMS: dict[str, tuple[Item, ...]] = {
    "物理实验室": (
        Item("学生实验桌", "furniture", "6010200", "钢木实验台", 1280.0, 24),
        Item("数字化实验系统", "special", "3310000", "朗威DISLab", 18600.0, 4),
        Item("演示电表", "special", "3310000", "J0409", 320.0, 6),
        Item("光具座", "special", "3310000", "J2501", 460.0, 12),
        PROJECTOR,
        Item("器材柜", "furniture", "6010500", "钢制双开门", 980.0, 6),
        Item("实验用电源", "consumables", "", "学生电源J1202", 150.0, 24),
    ),
    "化学实验室": (
        Item("学生实验桌", "furniture", "6010200", "耐腐蚀台面", 1380.0, 24),
        Item("通风橱", "special", "3310000", "全钢1500型", 12800.0, 2),
        Item("药品柜", "furniture", "6010500", "防腐蚀", 2680.0, 4),
        Item("电子天平", "special", "2420000", "0.01g", 860.0, 8),
        Item("洗眼器", "special", "3310000", "台式双口", 420.0, 2),
        PROJECTOR,
        Item("玻璃仪器", "consumables", "", "烧杯量筒一套", 85.0, 48),
    ),
    "计算机教室": (
        Item("交换机", "general", "2010200", "华为S5735", 3680.0),
        Item("教师机", "general", "2010105", "联想启天M455", 5499.0),
        Item("电子白板", "general", "2020600", "鸿合HV-I786", 6980.0),
        Item("机房空调", "general", "2151000", "美的5匹", 9800.0, 2),
        Item("电脑桌", "furniture", "6010200", "双人位", 520.0, 25),
    ),
    "音乐教室": (
        Item("立式钢琴", "special", "3320100", "珠江UP120", 16800.0),
        Item("电钢琴", "special", "3320100", "雅马哈P-125", 4680.0, 2),
        Item("音响系统", "general", "2320000", "天龙功放套装", 6200.0),
        Item("合唱台阶", "furniture", "6010600", "三层可折叠", 1800.0, 3),
        Item("打击乐器", "special", "3320100", "奥尔夫套装", 2400.0),
        Item("学生椅", "furniture", "6010300", "折叠椅", 120.0, 50),
    ),
    "美术教室": (
        Item("画架", "furniture", "6010600", "木质", 180.0, 40),
        Item("石膏像", "other", "", "教学套装", 1500.0),
        Item("静物台", "furniture", "6010200", "升降式", 650.0, 4),
        Item("作品展示柜", "furniture", "6010500", "玻璃门", 1600.0, 2),
        PROJECTOR,
    ),
    "图书室": (
        Item("图书", "books", "5010000", "少儿读物（批）", 28.5, 1200),
        Item("图书", "books", "5010000", "教辅资料（批）", 36.0, 400),
        Item("期刊合订本", "books", "5010000", "2020-2024", 45.0, 120),
        Item("书架", "furniture", "6010600", "双面钢制", 880.0, 20),
        Item("阅览桌椅", "furniture", "6010200", "六人位", 1680.0, 8),
        Item("借还书机", "general", "2040000", "RFID自助", 26800.0),
        Item("档案柜", "furniture", "6010500", "密集架", 3200.0, 4),
    ),
    "校长室": (
        Item("办公桌", "furniture", "6010200", "1.6米", 1380.0),
        Item("办公椅", "furniture", "6010300", "转椅", 560.0),
        Item("笔记本电脑", "general", "2010108", "华为MateBook14", 5999.0),
        Item("文件柜", "furniture", "6010500", "钢制", 860.0, 2),
        Item("沙发", "furniture", "6010400", "三人位", 2600.0),
    ),
    "教务处": (
        Item("办公桌", "furniture", "6010200", "1.4米", 980.0, 4),
        Item("办公椅", "furniture", "6010300", "转椅", 380.0, 4),
        DESKTOP,
        DESKTOP,
        Item("多功能一体机", "general", "2020400", "佳能iR2425", 8600.0),
        Item("扫描仪", "general", "2010600", "富士通fi-7160", 5200.0),
        Item("文件柜", "furniture", "6010500", "钢制", 860.0, 4),
    ),
    "总务处": (
        Item("办公桌", "furniture", "6010200", "1.4米", 980.0, 3),
        DESKTOP,
        Item("复印机", "general", "2020100", "理光MP2555", 9800.0),
        Item("数码照相机", "general", "2020500", "佳能EOS R50", 5499.0),
        Item("笔记本电脑", "general", "2010108", "联想ThinkPad E14", 5299.0),
        Item("保险柜", "furniture", "6010500", "电子密码", 2800.0),
        Item("便携投影仪", "general", "2020200", "极米RS Pro", 4299.0),
    ),
    "会议室": (
        Item("会议桌", "furniture", "6010200", "椭圆形", 6800.0),
        Item("会议椅", "furniture", "6010300", "皮质", 420.0, 24),
        Item("触控一体机", "general", "2020600", "MAXHUB 86寸", 16800.0),
        Item("会议音响", "general", "2320000", "铁三角话筒套装", 4800.0),
        Item("柜式空调", "general", "2151000", "格力5匹", 8600.0, 2),
    ),
    "体育器材室": (
        Item("篮球", "consumables", "", "7号比赛用球", 160.0, 40),
        Item("足球", "consumables", "", "5号", 120.0, 30),
        Item("跳绳", "consumables", "", "竹节", 12.0, 120),
        Item("乒乓球台", "special", "3330000", "室外SMC", 2600.0, 6),
        Item("跳高架", "special", "3330000", "升降式", 1800.0, 2),
        Item("体操垫", "special", "3330000", "折叠", 260.0, 20),
        Item("器材架", "furniture", "6010600", "钢制", 680.0, 4),
    ),
    "食堂": (
        Item("蒸饭柜", "special", "3140000", "24盘电蒸", 6800.0, 2),
        Item("消毒柜", "special", "3140000", "大型双门", 4200.0, 2),
        Item("冷藏柜", "general", "2151000", "六门", 5600.0, 2),
        Item("和面机", "special", "3140000", "25公斤", 3800.0),
        Item("餐桌椅", "furniture", "6010200", "八人连体", 880.0, 60),
        Item("餐盘", "consumables", "", "不锈钢", 18.0, 600),
        Item("留样柜", "general", "2151000", "单门冷藏", 2200.0),
    ),
    CAMPUS: (
        Item("教学楼", "buildings", "1020200", "四层框架 3600㎡", 7200000.0),
        Item("实验楼", "buildings", "1020200", "三层框架 1800㎡", 3900000.0),
        Item("行政楼", "buildings", "1020100", "三层框架 1200㎡", 2600000.0),
        Item("食堂", "buildings", "1020200", "两层 900㎡", 1800000.0),
        Item("塑胶跑道", "buildings", "1030000", "200米环形", 680000.0),
        Item("围墙及大门", "buildings", "1030000", "砖混 820米", 420000.0),
    ),
}
LENDABLE = ("数码照相机", "笔记本电脑", "便携投影仪", "篮球", "足球", "电钢琴", "音响系统")
LOAN_BORROWERS = (
    "三年级2班 王老师",
    "体育组 刘老师",
    "教务处 陈老师",
    "德育处 赵老师",
    "五年级1班 孙老师",
)


def property_rows(
    year: int, people: list[Person], seed: int
) -> tuple[list[dict[str, object]], list[dict[str, object]], list[dict[str, object]]]:
    """(assets, loans, counts) of the demo school for ``year``; ``seed`` as demo_frames'."""
    rng = random.Random(f"{seed}-property")
    end = D(year, 12, 31)
    keeper = _staff_of(people, STORE, end) or people[0].staff_id
    electrician = _staff_of(people, ELECTRICIAN, end) or keeper
    assets: list[dict[str, object]] = []
    for room in (*ROOMS, CAMPUS):
        items = CLASSROOM_ITEMS if room in CLASSROOMS else ROOM_ITEMS[room]
        if room == "计算机教室":
            items = items + (DESKTOP,) * 48  # each pupil's computer has its own card
        for item in items:
            bought = _purchase_date(year, item, rng)
            assets.append(
                {
                    "asset_id": None,
                    "name": item.name,
                    "category_code": item.code or None,
                    "category": item.category,
                    "model": item.model,
                    "quantity": item.quantity,
                    "unit_price": item.price,
                    "purchase_date": bought,
                    "location": room,
                    "department": _department(room),
                    "staff_id": electrician if room == "计算机教室" else keeper,
                    "status": "in_use",
                    "disposed_date": None,
                    "notes": None,
                }
            )
    for i, row in enumerate(assets, 1):
        row["asset_id"] = f"ZC{year % 100:02d}{i:04d}"
    _statuses(year, assets, rng)
    return assets, _loans(year, assets, people, rng), _counts(year, assets, rng)


def asset_by_name(assets: list[dict[str, object]], name: str, room: str) -> dict[str, object]:
    return next(a for a in assets if a["name"] == name and a["location"] == room)


def _staff_of(people: list[Person], post: int, day: dt.date) -> str | None:
    found = [p for p in people if p.post == post and p.works(day)]
    return found[0].staff_id if found else None


def _department(room: str) -> str:
    if room in CLASSROOMS:
        return f"{room[3]}年级组"
    return DEPARTMENTS.get(room, "总务处")


def _purchase_date(year: int, item: Item, rng: random.Random) -> dt.date:
    oldest = year - (25 if item.category == "buildings" else 9)
    first, last = D(oldest, 1, 1).toordinal(), D(year, 9, 30).toordinal()
    day = D.fromordinal(rng.randint(first, last))
    return day.replace(day=min(day.day, 28))


def _statuses(year: int, assets: list[dict[str, object]], rng: random.Random) -> None:
    """Disposals (old computers, broken furniture), idle and in-repair items."""
    pcs = [a for a in assets if a["name"] == "台式计算机" and a["location"] == "计算机教室"]
    for a in pcs[:6]:  # six pupils' computers replaced this year
        a["status"] = "disposed"
        a["purchase_date"] = D(year - 9, 3, 2)
        a["disposed_date"] = D(year, rng.choice((3, 7)), 15)
        a["notes"] = "主板损坏，经鉴定无维修价值"
    old = [a for a in assets if a["name"] == "图书柜" and a["location"] in CLASSROOMS[6:]]
    for a in rng.sample(old, 4):
        a["status"] = "disposed"
        a["disposed_date"] = D(year - 1, 12, 20)
        a["notes"] = "年久损坏，报废处置"
    spare = [a for a in assets if a["name"] in ("电钢琴", "石膏像", "扫描仪")]
    for a in spare:
        a["status"] = "idle"
    projector = asset_by_name(assets, "投影仪", "教学楼203")
    projector["status"] = "repair"
    projector["purchase_date"] = D(year - 8, 8, 26)
    projector["notes"] = "灯泡和主板多次维修，建议更换"


def _loans(
    year: int, assets: list[dict[str, object]], people: list[Person], rng: random.Random
) -> list[dict[str, object]]:
    """About twenty loans of portable items: most back on time, some late, three still out
    and overdue at the end of ``year``, two out and not yet due."""
    lendable = [a for a in assets if a["name"] in LENDABLE and a["status"] != "disposed"]
    handler = _staff_of(people, STORE, D(year, 12, 31)) or people[0].staff_id
    rows: list[dict[str, object]] = []
    for i in range(20):
        out = D(year, 1, 6) + rng.randint(0, 330) * DAY
        due = out + rng.choice((3, 7, 14)) * DAY
        returned: dt.date | None = due - rng.randint(0, 2) * DAY
        if i % 6 == 5:
            returned = due + rng.randint(2, 9) * DAY  # back late
        rows.append(_loan(rng.choice(lendable), out, due, returned, handler, rng))
    for days_late, item in ((40, "数码照相机"), (12, "笔记本电脑"), (5, "便携投影仪")):
        due = D(year, 12, 31) - days_late * DAY
        rows.append(
            _loan(asset_by_name(assets, item, "总务处"), due - 14 * DAY, due, None, handler, rng)
        )
    for item in ("篮球", "电钢琴"):  # out over the holiday, due back next term
        room = "体育器材室" if item == "篮球" else "音乐教室"
        rows.append(
            _loan(
                asset_by_name(assets, item, room),
                D(year, 12, 26),
                D(year + 1, 2, 24),
                None,
                handler,
                rng,
            )
        )
    rows.sort(key=lambda r: (r["out"], r["asset_id"]))  # type: ignore[arg-type]
    return rows


def _loan(
    asset: dict[str, object],
    out: dt.date,
    due: dt.date,
    returned: dt.date | None,
    handler: str,
    rng: random.Random,
) -> dict[str, object]:
    return {
        "asset_id": asset["asset_id"],
        "borrower": rng.choice(LOAN_BORROWERS),
        "out": out,
        "due": due,
        "returned": returned,
        "staff_id": handler,
    }


COUNT_DAYS = (15, 16, 17, 18, 19)  # the December count, a week of rooms


def _counts(
    year: int, assets: list[dict[str, object]], rng: random.Random
) -> list[dict[str, object]]:
    """The December count: every held item, room by room, with the cases an audit finds."""
    first = D(year, 12, COUNT_DAYS[0])
    rooms = list(dict.fromkeys(str(a["location"]) for a in assets))
    day_of = {
        room: D(year, 12, COUNT_DAYS[i * len(COUNT_DAYS) // len(rooms)])
        for i, room in enumerate(rooms)
    }
    shortage = asset_by_name(assets, "学生课桌椅", "教学楼105")
    surplus = asset_by_name(assets, "会议椅", "会议室")
    moved = asset_by_name(assets, "便携投影仪", "总务处")  # found in the meeting room
    missing = asset_by_name(assets, "石膏像", "美术教室")
    rows: list[dict[str, object]] = []
    for a in assets:
        held = a["purchase_date"] <= first and not (  # type: ignore[operator]
            a["disposed_date"] is not None and a["disposed_date"] <= first  # type: ignore[operator]
        )
        if not held or a is missing:
            continue
        room, counted, note = str(a["location"]), int(a["quantity"]), None  # type: ignore[call-overload]
        if a is shortage:
            counted, note = counted - 2, "两套课桌椅损坏后未登记报废，去向不明"
        elif a is surplus:
            counted, note = counted + 2, "另有两把会议椅，原记录数量有误"
        elif a is moved:
            room, note = "会议室", "借给会议室使用后未归位"
        rows.append(
            {
                "date": day_of[str(a["location"])],
                "asset_id": a["asset_id"],
                "name": a["name"],
                "location": room,
                "counted": counted,
                "staff_id": a["staff_id"],
                "notes": note,
            }
        )
    rows.append(
        {
            "date": day_of["音乐教室"],
            "asset_id": None,
            "name": "旧手风琴",
            "location": "音乐教室",
            "counted": 1,
            "staff_id": rows[0]["staff_id"],
            "notes": "账外资产，系往年捐赠未入账",
        }
    )
    return rows
