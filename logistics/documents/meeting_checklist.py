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
from words import Both, both, pick, word

SCALES = ("large", "medium", "small")
STAGES = {key: (zh, en) for key, zh, en in CHECKLIST}  # the core's four checklist items
OWNERS = {
    "lead": both("person_charge"),
    "service": both("meeting_service"),
    "electric": both("electrician"),
    "cleaner": both("cleaner"),
    "gate": both("gatekeeper"),
    "reception": both("reception"),
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
        *both("draft_notice_time_place"),
        "lead",
        _all((7, 3, 1)),
        Due(hours=1, on_receipt=True),
    ),
    Task(
        "notice",
        *both("send_notice_website_work"),
        "lead",
        _all((5, 2, 1)),
        Due(hours=3),
    ),
    Task(
        "notice",
        *both("remind_attendees_tell_chair"),
        "service",
        _all((1, 1, 0), hours=2),
        Due(hours=1),
    ),
    Task(
        "venue",
        *both("book_room_make_sure"),
        "lead",
        _all((5, 2, 1)),
        Due(hours=1, on_receipt=True),
    ),
    Task(
        "venue",
        *both("set_up_top_table"),
        "service",
        {"large": Due(1), "medium": Due(1)},
        Due(hours=2),
    ),
    Task(
        "venue",
        *both("hang_banner_put_slide"),
        "service",
        {"large": Due(2)},
        Due(hours=2),
    ),
    Task(
        "venue",
        *both("test_sound_microphones_projector"),
        "electric",
        _all((1, 1, 0), hours=1),
        Due(hours=1),
    ),
    Task(
        "venue",
        *both("check_lights_air_conditioning"),
        "electric",
        _all((1, 1, 0), hours=1),
        Due(hours=1),
    ),
    Task(
        "venue",
        *both("clean_room_air_before"),
        "cleaner",
        _all((1, 0, 0), hours=2),
        Due(hours=1),
    ),
    Task(
        "sign_in",
        *both("prepare_sign_sheet_qr"),
        "service",
        _all((1, 1, 0), hours=1),
        Due(hours=1),
    ),
    Task(
        "sign_in",
        *both("set_up_sign_desk"),
        "service",
        {"large": Due(0, 1), "medium": Due(0, 0.5)},
        Due(hours=0.5),
    ),
    Task(
        "sign_in",
        *both("count_attendance_within_minutes"),
        "service",
        _all((0, 0, 0), hours=-0.25),
        Due(hours=-0.25),
    ),
    Task(
        "support",
        *both("tea_drinking_water_tissues"),
        "service",
        _all((0, 0, 0), hours=0.5),
        Due(hours=0.5),
    ),
    Task(
        "support",
        *both("guests_parking_directions_gate"),
        "gate",
        {"large": Due(0, 1)},
        Due(hours=0.5),
    ),
    Task(
        "support",
        *both("evacuation_plan_first_aid"),
        "lead",
        {"large": Due(2)},
        Due(hours=2),
    ),
    Task(
        "support",
        *both("photos_video_minutes"),
        "service",
        {"large": Due(0, 0.5), "medium": Due(0, 0.5)},
        Due(hours=0.5),
    ),
    Task(
        "support",
        *both("after_meeting_tidy_room"),
        "cleaner",
        _all((0, 0, 0), hours=-2),
        Due(hours=-2),
    ),
    Task(
        "support",
        *both("record_any_issues_write"),
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
        return word(lang, "minutes_n", minutes=minutes)
    value = f"{hours:g}"
    return word(lang, "hours_n", value=value)


def due_text(meeting_day: dt.date, due: Due, calendar: WorkCalendar, lang: str) -> str:
    """``会前 3 天（3月4日）`` / ``3 days before (4 Mar)``; hours on the day for urgent ones."""
    if due.on_receipt:
        return word(lang, "within_request", hours=_hours(due.hours, lang))
    day = due_date(meeting_day, due, calendar)
    date = word(lang, "month_day", month=Both(str(day.month), day.strftime("%b")), day=day.day)
    if due.days > 0:
        return word(lang, "days_before", days=Both(str(due.days), _days(due.days)), date=date)
    if due.days < 0:
        return word(
            lang,
            "working_days_after",
            days=Both(str(-due.days), _days(-due.days).replace("day", "working day")),
            date=date,
        )
    if due.hours > 0:
        return word(lang, "before_start", hours=_hours(due.hours, lang))
    if due.hours < 0:
        return word(lang, "after_start", hours=_hours(-due.hours, lang))
    return word(lang, "on_meeting_day", date=date)


def checklist(
    meeting_day: dt.date, scale: str, urgent: bool, calendar: WorkCalendar, lang: str
) -> list[dict[str, object]]:
    """The rows of the work sheet's checklist table."""
    rows: list[dict[str, object]] = []
    for no, (task, due) in enumerate(tasks_for(scale, urgent), start=1):
        rows.append(
            {
                "no": no,
                "stage": pick(lang, *STAGES[task.stage]),
                "task": pick(lang, task.zh, task.en),
                "owner": pick(lang, *OWNERS[task.owner]),
                "due": due_text(meeting_day, due, calendar, lang),
            }
        )
    return rows


def standard(scale: str, urgent: bool, lang: str) -> str:
    """The standard applied, e.g. ``大型会议 · 一般（会前 7 天启动）``."""
    names = {"large": both("large"), "medium": both("medium"), "small": both("small")}
    name = pick(lang, *names[scale])
    if urgent:
        return word(lang, "meeting_urgent_hours_day", name=name)
    days = LEAD_DAYS[scale]
    return word(lang, "meeting_normal_starts_ahead", name=name, days=Both(str(days), _days(days)))
