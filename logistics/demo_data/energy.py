"""The demo school's energy: cumulative meter readings from weekly and monthly checks, with
findings, and a spike in one meter's month."""

from __future__ import annotations

import datetime as dt
import random

from ..core.workdays import WorkCalendar
from .people import Person
from .posts import ELECTRICIAN
from .school_calendar import DAY, D

SPIKE_METER, SPIKE_MONTH, SPIKE_FACTOR = "食堂电表", 7, 1.5
METERS = (  # name, kind, usage per month, seasonal profile
    (
        "教学楼电表",
        "electricity",
        16000,
        (1.0, 0.6, 1.0, 0.95, 1.0, 1.2, 0.85, 0.55, 1.1, 1.0, 1.0, 1.15),
    ),
    (
        "办公楼电表",
        "electricity",
        4200,
        (1.0, 0.7, 1.0, 0.95, 1.0, 1.15, 0.9, 0.7, 1.05, 1.0, 1.0, 1.1),
    ),
    (
        "食堂电表",
        "electricity",
        9000,
        (1.0, 0.6, 1.0, 1.0, 1.05, 1.15, 0.8, 0.5, 1.05, 1.0, 1.0, 1.05),
    ),
    (
        "宿舍楼电表",
        "electricity",
        7000,
        (1.1, 0.6, 1.0, 0.9, 1.0, 1.2, 0.7, 0.4, 1.05, 1.0, 1.0, 1.2),
    ),
    ("教学楼水表", "water", 900, (0.8, 0.5, 1.0, 1.0, 1.1, 1.2, 0.8, 0.5, 1.1, 1.0, 0.9, 0.8)),
    ("食堂水表", "water", 700, (0.9, 0.5, 1.0, 1.0, 1.05, 1.1, 0.8, 0.4, 1.05, 1.0, 1.0, 0.9)),
    ("宿舍楼水表", "water", 1100, (0.9, 0.5, 1.0, 1.0, 1.1, 1.2, 0.7, 0.4, 1.1, 1.0, 1.0, 0.9)),
)
FINDINGS = {
    "electricity": (
        "走廊照明白天未关",
        "无人房间空调仍在运行",
        "配电箱门未上锁",
        "饮水机夜间未断电",
        "电表箱内线路老化",
    ),
    "water": (
        "卫生间水箱持续漏水",
        "洗手池水龙头滴漏",
        "绿化浇灌水管接头渗漏",
        "水表井积水",
        "拖把池龙头未关紧",
    ),
}
SPIKE_FINDING = "冷库压缩机温控失灵持续运转，用电量同比大幅上升"
# The dormitory water meter is replaced at a weekly check in October of the demo year: the new
# meter starts at SWAP_START, and its use still adds up (SPEC 4.4).
SWAP_METER, SWAP_MONTH, SWAP_START = "宿舍楼水表", 10, 3.0
SWAP_NOTE = "旧水表计量失准，更换新表"


def energy_rows(
    year: int, people: list[Person], cal: WorkCalendar, rng: random.Random
) -> list[dict[str, object]]:
    """Cumulative readings from a baseline at the end of year-2: weekly checks on each working
    week's last working day and a joint check on each month's last day."""
    baseline = D(year - 2, 12, 31)
    span = [baseline + i * DAY for i in range(1, (D(year, 12, 31) - baseline).days + 1)]
    work = {d: cal.is_workday(d) for d in span}
    weekly, monthly = _check_days(baseline, span, work)
    electricians = [p for p in people if p.post == ELECTRICIAN]
    end_of_day = _end_of_day_readings(year, baseline, span, work, rng)
    swap_day = min(d for d in weekly - monthly if (d.year, d.month) == (year, SWAP_MONTH))
    swap_shift = round(end_of_day[SWAP_METER][swap_day], 1) - SWAP_START
    rows: list[dict[str, object]] = []
    for day in sorted(weekly | monthly):
        checker = rng.choice(
            [p for p in electricians if p.works(day)] or [p for p in people if p.works(day)]
        )  # one round per day
        for name, kind, *_ in METERS:
            for check in ("weekly", "monthly"):
                if day not in (weekly if check == "weekly" else monthly):
                    continue
                finding, fixed = _finding(name, kind, day, check, year, baseline, rng)
                reading = round(end_of_day[name][day], 1)
                after = None
                if (name, day) == (SWAP_METER, swap_day):
                    check, after, finding, fixed = "replacement", SWAP_START, SWAP_NOTE, True
                elif name == SWAP_METER and day > swap_day:
                    reading = round(reading - swap_shift, 1)  # the new meter's own count
                rows.append(
                    {
                        "date": day,
                        "meter": name,
                        "kind": kind,
                        "reading": reading,
                        "check_type": check,
                        "staff_id": checker.staff_id,
                        "finding": finding,
                        "fixed": fixed,
                        "reading_after": after,
                    }
                )
    return rows


def _check_days(
    baseline: dt.date, span: list[dt.date], work: dict[dt.date, bool]
) -> tuple[set[dt.date], set[dt.date]]:
    """(weekly check days: each working week's last working day, monthly check days: each
    month's last day and the baseline)."""
    weeks: dict[tuple[int, int], dt.date] = {}
    for d in span:
        if work[d]:
            weeks[d.isocalendar()[:2]] = d
    weekly = set(weeks.values())
    monthly = {baseline} | {d for d in span if (d + DAY).day == 1}
    return weekly, monthly


def _end_of_day_readings(
    year: int,
    baseline: dt.date,
    span: list[dt.date],
    work: dict[dt.date, bool],
    rng: random.Random,
) -> dict[str, dict[dt.date, float]]:
    """Meter -> day -> its reading at the end of the day: each month's use (seasonal, a little
    growth in ``year``, the spike) spread over its days, weekends and holidays at 35%."""
    months: dict[tuple[int, int], list[dt.date]] = {}
    for d in span:
        months.setdefault((d.year, d.month), []).append(d)
    growth = {name: rng.uniform(1.0, 1.03) for name, *_ in METERS}
    end_of_day: dict[str, dict[dt.date, float]] = {}
    for name, _kind, base, season in METERS:
        reading = float(rng.randint(20, 90) * 1000 if base > 2000 else rng.randint(2, 9) * 1000)
        values = {baseline: reading}
        for y in (year - 1, year):
            for m in range(1, 13):
                usage = base * season[m - 1] * rng.uniform(0.97, 1.03)
                if y == year:
                    usage *= growth[name] * (
                        SPIKE_FACTOR if (name, m) == (SPIKE_METER, SPIKE_MONTH) else 1
                    )
                month_days = months[(y, m)]
                weight = [1.0 if work[d] else 0.35 for d in month_days]
                total = sum(weight)
                for d, w in zip(month_days, weight, strict=True):
                    reading += usage * w / total
                    values[d] = reading
        end_of_day[name] = values
    return end_of_day


def _finding(
    name: str,
    kind: str,
    day: dt.date,
    check: str,
    year: int,
    baseline: dt.date,
    rng: random.Random,
) -> tuple[str | None, bool | None]:
    """(发现问题, 是否已整改) of one check: the spike's finding on its monthly check, else now
    and then one of the kind's findings, mostly fixed."""
    if (name, day.year, day.month, check) == (SPIKE_METER, year, SPIKE_MONTH, "monthly"):
        return SPIKE_FINDING, True
    if day != baseline and rng.random() < (0.04 if check == "weekly" else 0.12):
        finding = rng.choice(FINDINGS[kind])
        return finding, rng.random() < (0.95 if day.year < year else 0.7)
    return None, None
