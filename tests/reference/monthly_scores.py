"""A second, independent implementation of the monthly score (SPEC 4.1–4.2), for the tests.

Written from the SPEC alone in plain Python: the workbook is read with openpyxl (not the
product's calamine reader), numbers are Decimals of the cell's shortest repr, every sum and
ratio is a Fraction, and rounding is half up. It imports NOTHING from the product (a test
checks that), so that the golden table is checked against a computation that shares no code
with the one under test. Working days come from the official calendar package the SPEC
names (chinesecalendar) with the Calendar sheet's overrides; Leave and Transfers sheets are
honoured when the workbook has them.
"""

from __future__ import annotations

import datetime as dt
from calendar import monthrange
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import chinese_calendar
import openpyxl

MAXIMA = {"日志分满分": 20, "数量分满分": 30, "质量分满分": 30, "时效分满分": 20}
DEFAULTS = {
    **MAXIMA,
    "优秀线": 90,
    "良好线": 80,
    "合格线": 60,
    "优秀系数": Decimal("1.2"),
    "良好系数": 1,
    "合格系数": Decimal("0.8"),
    "不合格系数": Decimal("0.5"),
    "解释折算": Decimal("0.5"),
}
GRADES = ("优秀", "良好", "合格", "不合格")


def number(value: object) -> Fraction:
    """The decimal a cell shows: floats by their shortest repr, text through Decimal."""
    if value is None or value == "":
        return Fraction(0)
    if isinstance(value, float):
        return Fraction(Decimal(repr(value)))
    return Fraction(Decimal(str(value).strip()))


def day(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value.strip():
        return dt.date.fromisoformat(value.strip())
    return None


def half_up(value: Fraction, places: int) -> Fraction:
    scaled = abs(value) * 10**places
    rounded = Fraction(int(scaled + Fraction(1, 2)), 10**places)
    return rounded if value >= 0 else -rounded


def read_tables(path: Path) -> dict[str, list[dict[str, object]]]:
    """Every sheet as a list of {header label: value}, from the row holding the labels."""
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    tables = {}
    for ws in book.worksheets:
        rows = list(ws.iter_rows(values_only=True))
        if not rows:
            tables[ws.title] = []
            continue
        header = [str(c).strip() if c is not None else "" for c in rows[0]]
        body = [dict(zip(header, r, strict=False)) for r in rows[1:]]
        tables[ws.title] = [r for r in body if any(v not in (None, "") for v in r.values())]
    return tables


@dataclass
class Row:
    month: str
    staff_id: str
    name: str
    post: str
    log: Fraction
    quantity: Fraction
    quality: Fraction
    timeliness: Fraction
    total: Fraction
    grade: str
    rank: int
    coef: Fraction
    pay: Fraction
    units: Fraction = Fraction(0)  # exact, before any rounding
    points: Fraction = Fraction(0)  # the month's inspection points, exact


def monthly_scores(path: Path, year: int, month: int, as_of: dt.date) -> list[Row]:
    """The Scores rows of ``year``-``month`` for the workbook at ``path``, ordered by rank."""
    return scores_from_tables(read_tables(path), year, month, as_of)


def scores_from_tables(
    t: dict[str, list[dict[str, object]]], year: int, month: int, as_of: dt.date
) -> list[Row]:
    """The same from tables keyed by zh sheet name, rows keyed by zh column label."""
    settings = dict(DEFAULTS)
    for r in t.get("设置", []):
        if r.get("项目") in settings and r.get("值") not in (None, ""):
            settings[str(r["项目"])] = r["值"]
    s = {k: number(v) for k, v in settings.items()}

    overrides = {day(r["日期"]): r["类型"] == "补班" for r in t.get("日历", []) if day(r["日期"])}

    def is_workday(d: dt.date) -> bool:
        if d in overrides:
            return overrides[d]
        try:
            return chinese_calendar.is_workday(d)
        except NotImplementedError:
            return d.weekday() < 5

    first, last = dt.date(year, month, 1), dt.date(year, month, monthrange(year, month)[1])
    end = min(last, as_of)
    full = [first + dt.timedelta(i) for i in range(last.day)]
    full = [d for d in full if is_workday(d)]

    def in_month(d: dt.date | None) -> bool:
        return d is not None and first <= d <= end

    posts = {r["岗位编号"]: r for r in t["岗位"] if r.get("岗位编号")}
    leave: dict[str, list[tuple[dt.date, dt.date]]] = {}
    for r in t.get("请假", []):
        leave.setdefault(str(r["工号"]), []).append((day(r["开始日期"]), day(r["结束日期"])))
    transfers: dict[str, list[tuple[dt.date, str]]] = {}
    for r in t.get("调岗", []):
        transfers.setdefault(str(r["工号"]), []).append((day(r["生效日期"]), str(r["原岗位编号"])))

    def post_on(staff: dict[str, object], d: dt.date) -> str:
        later = sorted(x for x in transfers.get(str(staff["工号"]), []) if x[0] > d)
        return later[0][1] if later else str(staff["岗位编号"])

    rows: list[Row] = []
    for p in t["人员"]:
        sid = str(p["工号"])
        start, stop = day(p["入职日期"]), day(p.get("离职日期"))
        wd = [
            d
            for d in full
            if d <= end
            and d >= start
            and (stop is None or d <= stop)
            and not any(a <= d <= b for a, b in leave.get(sid, []))
        ]
        if not wd:
            continue
        on_leave = {d for a, b in leave.get(sid, []) for d in _days(a, b)}
        logs = [
            r
            for r in t["日志"]
            if str(r["工号"]) == sid and in_month(day(r["日期"])) and day(r["日期"]) not in on_leave
        ]
        logged = {day(r["日期"]) for r in logs} & set(wd)
        log_score = s["日志分满分"] * len(logged) / len(wd)

        target = sum(
            (number(posts[post_on(p, d)].get("月度数量目标")) for d in wd), Fraction(0)
        ) / len(full)
        units = sum((number(r.get("完成数量")) for r in logs if r["状态"] == "完成"), Fraction(0))
        quantity = s["数量分满分"] * min(Fraction(1), units / target) if target else s["数量分满分"]

        points = sum(
            (
                number(r["加减分"])
                for r in t["检查"]
                if str(r["工号"]) == sid and in_month(day(r["日期"]))
            ),
            Fraction(0),
        )
        quality = min(max(s["质量分满分"] + points, Fraction(0)), s["质量分满分"])

        items, credits = 0, Fraction(0)
        for r in t["诉求"]:
            due = day(r.get("承诺完成日期"))
            if str(r["负责人"]) == sid and r.get("承诺") == "是" and in_month(due):
                items += 1
                done = day(r.get("完成日期"))
                if done is not None and due is not None and done <= due:
                    credits += 1
                elif r.get("解释说明") not in (None, ""):
                    credits += s["解释折算"]
        for r in t["会务"]:
            if str(r["负责人"]) == sid and in_month(day(r["日期"])):
                items += 4
                credits += sum(r.get(k) == "是" for k in ("通知", "会场布置", "签到", "会议保障"))
        for r in t["计划"]:
            if str(r["负责人"]) == sid and in_month(day(r["截止日期"])):
                items += 1
                done = day(r.get("完成日期"))
                credits += done is not None and done <= day(r["截止日期"])
        timeliness = s["时效分满分"] * credits / items if items else s["时效分满分"]

        total = half_up(log_score + quantity + quality + timeliness, 1)
        lines = (s["优秀线"], s["良好线"], s["合格线"])
        grade = next((g for g, line in zip(GRADES, lines, strict=False) if total >= line), "不合格")
        coef = s[
            {"优秀": "优秀系数", "良好": "良好系数", "合格": "合格系数"}.get(grade, "不合格系数")
        ]
        rows.append(
            Row(
                f"{year:04d}-{month:02d}",
                sid,
                str(p["姓名"]),
                str(posts[post_on(p, wd[-1])]["岗位名称"]),
                half_up(log_score, 1),
                half_up(quantity, 1),
                half_up(quality, 1),
                half_up(timeliness, 1),
                total,
                grade,
                0,
                coef,
                half_up(number(p.get("绩效工资基数")) * coef, 2),
                units,
                points,
            )
        )
    for r in rows:
        r.rank = 1 + sum(o.total > r.total for o in rows)
    return sorted(rows, key=lambda r: (r.rank, r.staff_id))


def _days(a: dt.date, b: dt.date) -> list[dt.date]:
    return [a + dt.timedelta(i) for i in range((b - a).days + 1)]
