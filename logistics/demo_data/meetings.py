"""The demo school's meetings and events served by the logistics office, with the checklist
of each (notice, venue, sign-in, support) and what went wrong."""

from __future__ import annotations

import datetime as dt
import random

from ..core.workdays import WorkCalendar
from .names import GRADES
from .people import Person, month_workdays
from .posts import MEETING, RECEPTION

MEETING_TITLES = {
    "large": ("全体教职工大会", "家长会", "教职工安全培训大会", "法治教育报告会"),
    "medium": (
        "班主任工作例会",
        "教学质量分析会",
        "安全工作专题会议",
        "新教师培训会",
        "区教育局调研座谈会",
        "家长委员会会议",
    ),
    "small": (
        "校务委员会会议",
        "后勤工作例会",
        "膳食委员会会议",
        "党支部委员会会议",
        "教研组长会议",
        "来访接待座谈会",
    ),
}
MEETING_EVENTS = {  # month -> (title, scale): one fixed event of the school year
    1: ("期末总结表彰大会", "large"),
    2: ("春季开学工作部署会", "large"),
    5: ("六一文艺汇演彩排", "large"),
    7: ("学期末教职工大会", "large"),
    9: ("秋季开学典礼", "large"),
    12: ("元旦文艺汇演", "large"),
}
SPORTS_MEETING = "秋季田径运动会开幕式"
MEETING_GAPS = {  # checklist item left undone -> what was recorded
    "notice": "通知下发较晚，部分教师未及时收到",
    "venue": "会场布置未按时完成，临时调整座位",
    "sign_in": "签到表准备不足，部分人员未签到",
    "support": "会中话筒故障，更换备用设备耽误约5分钟",
}
MEETING_NOTES = (
    "投影仪信号不稳定，已更换转接头",
    "室温偏高，已调低空调温度",
    "来宾临时增加，加摆座位10个",
)


def meeting_rows(
    year: int, people: list[Person], cal: WorkCalendar, sports_day: dt.date, rng: random.Random
) -> list[dict[str, object]]:
    servers = [p for p in people if p.post == MEETING]
    receptionists = [p for p in people if p.post == RECEPTION]
    rows: list[dict[str, object]] = []
    for month in range(1, 13):
        days = month_workdays(cal, year, month)
        count = rng.choice((2, 3)) if month in (2, 8) else rng.choice((5, 6, 6, 7))
        chosen = rng.sample(days, min(count, len(days)))
        if month == sports_day.month:  # the opening ceremony is on the sports day
            chosen = [sports_day, *[d for d in chosen if d != sports_day][: count - 1]]
        for n, day in enumerate(chosen):
            if day == sports_day:
                title, scale = SPORTS_MEETING, "large"
            elif n == 0 and month in MEETING_EVENTS:
                title, scale = MEETING_EVENTS[month]
            else:
                scale = rng.choices(("large", "medium", "small"), (2, 4, 4))[0]
                title = rng.choice(MEETING_TITLES[scale])
                if title == "家长会":
                    title = f"{GRADES[rng.randrange(6)]}年级家长会"
            urgent = rng.random() < 0.2
            pool = receptionists if "接待" in title or "调研" in title else servers
            staff = [p for p in pool if p.works(day)] or [p for p in servers if p.works(day)]
            checks = {k: rng.random() < (0.85 if urgent else 0.93) for k in MEETING_GAPS}
            gaps = [MEETING_GAPS[k] for k, ok in checks.items() if not ok]
            issues = (
                "；".join(gaps)
                if gaps
                else (rng.choice(MEETING_NOTES) if rng.random() < 0.1 else None)
            )
            rows.append(
                {
                    "meeting_id": None,
                    "date": day,
                    "title": title,
                    "scale": scale,
                    "urgency": "urgent" if urgent else "normal",
                    "staff_id": rng.choice(staff).staff_id,
                    **checks,
                    "issues": issues,
                }
            )
    return rows
