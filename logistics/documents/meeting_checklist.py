"""The standard meeting checklist (会务标准流程) by scale and urgency.

Four stages, as on the Meetings sheet: 通知 notice, 会场布置 venue, 签到 sign-in, 会议保障
support. Each task says who does it and when, counted back from the meeting day: a large
meeting starts a week ahead, a medium one three days, a small one the day before. An urgent
meeting compresses everything into hours on the day. Deadlines that fall on a non-working
day move to the working day before it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from logistics.core.due_items import CHECKLIST
from logistics.core.workdays import WorkCalendar

SCALES = ("large", "medium", "small")
STAGES = {key: (zh, en) for key, zh, en in CHECKLIST}  # the core's four checklist items
OWNERS = {
    "lead": ("会务负责人", "Person in charge"),
    "service": ("会务服务员", "Meeting service"),
    "electric": ("水电工", "Electrician"),
    "cleaner": ("保洁员", "Cleaner"),
    "gate": ("门卫员", "Gatekeeper"),
    "reception": ("接待员", "Reception"),
}


@dataclass(frozen=True)
class Due:
    """When a task is due: ``days`` before the meeting (negative: after it); ``hours`` before
    the start on the day (negative: after the start); ``on_receipt``: hours after the task
    was assigned (urgent meetings)."""

    days: int = 0
    hours: float = 0
    on_receipt: bool = False


@dataclass(frozen=True)
class Task:
    stage: str
    zh: str
    en: str
    owner: str
    normal: dict[str, Due]  # scale -> due; a scale missing here does not need the task
    urgent: Due


def _all(days: tuple[int, int, int], hours: float = 0) -> dict[str, Due]:
    return {s: Due(d, hours) for s, d in zip(SCALES, days, strict=True)}


TASKS: tuple[Task, ...] = (
    Task(
        "notice",
        "拟定会议通知：时间、地点、参会范围、议程、需准备的材料",
        "Draft the notice: time, place, who attends, agenda, what to bring",
        "lead",
        _all((7, 3, 1)),
        Due(hours=1, on_receipt=True),
    ),
    Task(
        "notice",
        "发布通知（校园网、工作群），收集回执，确认参会人数",
        "Send the notice (website, work groups), collect replies, confirm numbers",
        "lead",
        _all((5, 2, 1)),
        Due(hours=3),
    ),
    Task(
        "notice",
        "会前提醒参会人员，通知主持人、发言人到场时间",
        "Remind attendees; tell the chair and speakers when to arrive",
        "service",
        _all((1, 1, 0), hours=2),
        Due(hours=1),
    ),
    Task(
        "venue",
        "预定会场，确认场地无冲突",
        "Book the room and make sure nothing else is on",
        "lead",
        _all((5, 2, 1)),
        Due(hours=1, on_receipt=True),
    ),
    Task(
        "venue",
        "摆放主席台、座次牌，划分参会区域",
        "Set up the top table, name cards and seating areas",
        "service",
        {"large": Due(1), "medium": Due(1)},
        Due(hours=2),
    ),
    Task(
        "venue",
        "悬挂会标/横幅，布置电子屏内容",
        "Hang the banner; put the slide or screen content up",
        "service",
        {"large": Due(2)},
        Due(hours=2),
    ),
    Task(
        "venue",
        "调试音响、话筒、投影，备好备用话筒和电池",
        "Test sound, microphones and projector; spare microphone and batteries",
        "electric",
        _all((1, 1, 0), hours=1),
        Due(hours=1),
    ),
    Task(
        "venue",
        "检查照明、空调、电源插座；大型会议安排备用电源",
        "Check lights, air conditioning and sockets; backup power for large meetings",
        "electric",
        _all((1, 1, 0), hours=1),
        Due(hours=1),
    ),
    Task(
        "venue",
        "会场保洁，会前通风",
        "Clean the room and air it before the meeting",
        "cleaner",
        _all((1, 0, 0), hours=2),
        Due(hours=1),
    ),
    Task(
        "sign_in",
        "准备签到表或签到二维码、签字笔",
        "Prepare the sign-in sheet or QR code and pens",
        "service",
        _all((1, 1, 0), hours=1),
        Due(hours=1),
    ),
    Task(
        "sign_in",
        "设签到台，安排 2 名签到引导人员",
        "Set up a sign-in desk with two ushers",
        "service",
        {"large": Due(0, 1), "medium": Due(0, 0.5)},
        Due(hours=0.5),
    ),
    Task(
        "sign_in",
        "会议开始后 15 分钟内统计到会人数，报会议负责人",
        "Count attendance within 15 minutes of the start; report to the person in charge",
        "service",
        _all((0, 0, 0), hours=-0.25),
        Due(hours=-0.25),
    ),
    Task(
        "support",
        "准备茶水、饮用水、纸巾",
        "Tea, drinking water and tissues",
        "service",
        _all((0, 0, 0), hours=0.5),
        Due(hours=0.5),
    ),
    Task(
        "support",
        "来宾车辆停放与校门引导",
        "Guests' parking and directions at the gate",
        "gate",
        {"large": Due(0, 1)},
        Due(hours=0.5),
    ),
    Task(
        "support",
        "制定安全疏散预案，落实医务人员值守",
        "Evacuation plan; first-aid staff on duty",
        "lead",
        {"large": Due(2)},
        Due(hours=2),
    ),
    Task(
        "support",
        "会议摄影、摄像和会议记录",
        "Photos, video and minutes",
        "service",
        {"large": Due(0, 0.5), "medium": Due(0, 0.5)},
        Due(hours=0.5),
    ),
    Task(
        "support",
        "会后整理会场、关闭水电、清点归还设备",
        "After the meeting: tidy the room, switch off, return equipment",
        "cleaner",
        _all((0, 0, 0), hours=-2),
        Due(hours=-2),
    ),
    Task(
        "support",
        "填写问题记录，完成会后小结",
        "Record any issues and write a short review",
        "lead",
        _all((-1, -1, -1)),
        Due(days=-1),
    ),
)

LEAD_DAYS = {"large": 7, "medium": 3, "small": 1}


def tasks_for(scale: str, urgent: bool) -> list[tuple[Task, Due]]:
    """The tasks a meeting of ``scale`` needs, each with its due time."""
    return [
        (task, task.urgent if urgent else task.normal[scale])
        for task in TASKS
        if scale in task.normal
    ]


def due_date(meeting_day: dt.date, due: Due, calendar: WorkCalendar) -> dt.date:
    """The calendar date of a deadline; days before the meeting land on a working day."""
    day = meeting_day - dt.timedelta(days=due.days)
    if due.days > 0:
        while not calendar.is_workday(day) and day > meeting_day - dt.timedelta(days=30):
            day -= dt.timedelta(days=1)
    elif due.days < 0:
        while not calendar.is_workday(day) and day < meeting_day + dt.timedelta(days=30):
            day += dt.timedelta(days=1)
    return day


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def _hours(hours: float, lang: str) -> str:
    if hours < 1:
        minutes = round(hours * 60)
        return f"{minutes} 分钟" if lang == "zh" else f"{minutes} min"
    value = f"{hours:g}"
    return f"{value} 小时" if lang == "zh" else f"{value} h"


def due_text(meeting_day: dt.date, due: Due, calendar: WorkCalendar, lang: str) -> str:
    """``会前 3 天（3月4日）`` / ``3 days before (4 Mar)``; hours on the day for urgent ones."""
    zh = lang == "zh"
    if due.on_receipt:
        return (
            f"接到任务后 {_hours(due.hours, lang)}内"
            if zh
            else f"within {_hours(due.hours, lang)} of the request"
        )
    day = due_date(meeting_day, due, calendar)
    date = f"{day.month}月{day.day}日" if zh else day.strftime("%d %b").lstrip("0")
    if due.days > 0:
        return f"会前 {due.days} 天（{date}）" if zh else f"{_days(due.days)} before ({date})"
    if due.days < 0:
        return (
            f"会后 {-due.days} 个工作日内（{date}）"
            if zh
            else f"within {_days(-due.days).replace('day', 'working day')} after ({date})"
        )
    if due.hours > 0:
        return (
            f"会前 {_hours(due.hours, lang)}"
            if zh
            else f"{_hours(due.hours, lang)} before the start"
        )
    if due.hours < 0:
        return (
            f"会议开始后 {_hours(-due.hours, lang)}"
            if zh
            else f"{_hours(-due.hours, lang)} after the start"
        )
    return f"会议当天（{date}）" if zh else f"on the day ({date})"


def checklist(
    meeting_day: dt.date, scale: str, urgent: bool, calendar: WorkCalendar, lang: str
) -> list[dict[str, object]]:
    """The rows of the work sheet's checklist table."""
    rows: list[dict[str, object]] = []
    for no, (task, due) in enumerate(tasks_for(scale, urgent), start=1):
        zh = lang == "zh"
        rows.append(
            {
                "no": no,
                "stage": STAGES[task.stage][0 if zh else 1],
                "task": task.zh if zh else task.en,
                "owner": OWNERS[task.owner][0 if zh else 1],
                "due": due_text(meeting_day, due, calendar, lang),
            }
        )
    return rows


def standard(scale: str, urgent: bool, lang: str) -> str:
    """The standard applied, e.g. ``大型会议 · 一般（会前 7 天启动）``."""
    names = {"large": ("大型", "Large"), "medium": ("中型", "Medium"), "small": ("小型", "Small")}
    zh = lang == "zh"
    name = names[scale][0 if zh else 1]
    if urgent:
        return (
            f"{name}会议 · 紧急（按小时倒排）"
            if zh
            else f"{name} meeting · urgent (hours on the day)"
        )
    days = LEAD_DAYS[scale]
    return (
        f"{name}会议 · 一般（会前 {days} 天启动）"
        if zh
        else f"{name} meeting · normal (starts {_days(days)} ahead)"
    )
