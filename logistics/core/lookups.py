"""Arguments that name something in the workbook: a year, a month, a person, a meeting.

A command given a year with no logs (``rank --year 25``), an unknown 工号 or meeting ID, or a
month with nothing to report stops with exit code 2 before anything is written, and says
what does exist (SPEC §6). These functions check, and raise ``UsageError`` subclasses whose
message lists the choices; they write nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import pandas as pd

from .dataset import Dataset
from .errors import UsageError
from .periods import Month, Quarter

MAX_LISTED = 30  # choices listed in a message; the rest are counted


class UnknownChoice(UsageError):
    """An argument names a year, person or meeting the workbook does not have (exit 2)."""


class NothingToReport(UsageError):
    """The chosen period has no rows for the job: no document or sheet is written (exit 2)."""


def listing(items: Iterable[object], lang: str) -> str:
    """Choices for a message: '2024、2025' (zh) or '2024, 2025'; '（无）' / '(none)' if empty."""
    values = [str(x) for x in items]
    if not values:
        return "（无）" if lang == "zh" else "(none)"
    shown = values[:MAX_LISTED]
    sep = "、" if lang == "zh" else ", "
    text = sep.join(shown)
    if len(values) > len(shown):
        text += f"……共 {len(values)} 个" if lang == "zh" else f" … {len(values)} in all"
    return text


def _dates(ds: Dataset, sheet: str, column: str, as_of: dt.date) -> pd.Series:
    dates = ds.tables[sheet][column].dropna()
    return dates[dates <= pd.Timestamp(as_of)]


def log_months(ds: Dataset, as_of: dt.date) -> list[Month]:
    """Months with at least one log row dated in them, up to ``as_of`` (SPEC §4.1)."""
    dates = _dates(ds, "logs", "date", as_of)
    return sorted({Month(d.year, d.month) for d in dates})


def data_years(ds: Dataset, as_of: dt.date) -> list[int]:
    """Appraisal years (from 年度起始月) holding at least one log month up to ``as_of``."""
    start = ds.settings.year_start_month
    return sorted({m.year if m.month >= start else m.year - 1 for m in log_months(ds, as_of)})


def require_year(ds: Dataset, year: int, as_of: dt.date) -> None:
    """Raise ``UnknownChoice`` unless appraisal year ``year`` has logs (rank, year-end)."""
    years = data_years(ds, as_of)
    if year in years:
        return
    raise UnknownChoice(
        detail_zh=f"{year} 年度没有日志记录（截至 {as_of}），无法计算。"
        f"有日志的年度：{listing(years, 'zh')}。请用 --year 指定其中一个（四位数年份）。",
        detail_en=f"Year {year} has no logs (up to {as_of}), so there is nothing to compute. "
        f"Years with logs: {listing(years, 'en')}. Give one of them with --year "
        "(four digits).",
    )


def require_quarter(ds: Dataset, quarter: Quarter, as_of: dt.date) -> None:
    """Raise ``UnknownChoice`` unless a month of ``quarter`` has logs (summary)."""
    months = log_months(ds, as_of)
    if any(m in months for m in quarter.months):
        return
    quarters = sorted({f"{m.year}Q{(m.month - 1) // 3 + 1}" for m in months})
    raise UnknownChoice(
        detail_zh=f"{quarter.label} 没有日志记录（截至 {as_of}），无法汇总。"
        f"有日志的季度：{listing(quarters, 'zh')}。",
        detail_en=f"{quarter.label} has no logs (up to {as_of}), so there is nothing to "
        f"summarize. Quarters with logs: {listing(quarters, 'en')}.",
    )


def contract_years(ds: Dataset, as_of: dt.date) -> range:
    """Years a responsibility contract can be for: the first 入职日期's year to next year."""
    starts = ds.tables["staff"]["start_date"].dropna()
    first = int(starts.min().year) if not starts.empty else as_of.year
    start_month = ds.settings.year_start_month
    current = as_of.year if as_of.month >= start_month else as_of.year - 1
    return range(min(first, current), current + 2)


def require_contract_year(ds: Dataset, year: int, as_of: dt.date) -> None:
    """Raise ``UnknownChoice`` for a year no one on the Staff sheet can be employed in."""
    years = contract_years(ds, as_of)
    if year in years:
        return
    raise UnknownChoice(
        detail_zh=f"{year} 年度不在可签责任状的范围内（{years[0]}–{years[-1]}，"
        "从最早的入职日期到下一年度）。请用 --year 写四位数年份。",
        detail_en=f"Year {year} is outside the years a contract can be for ({years[0]}–"
        f"{years[-1]}: from the first start date to next year). Give --year as four digits.",
    )


def staff_ids(ds: Dataset) -> list[str]:
    return [str(x) for x in ds.tables["staff"]["staff_id"].dropna()]


def require_staff(ds: Dataset, staff_id: str) -> None:
    """Raise ``UnknownChoice`` when ``staff_id`` is not a 工号 on the Staff sheet."""
    ids = staff_ids(ds)
    if staff_id in ids:
        return
    near = [i for i in ids if i.strip().casefold() == staff_id.strip().casefold()]
    hint_zh = f"（是否是 {near[0]}？工号区分大小写）" if near else ""
    hint_en = f" (did you mean {near[0]}? IDs are case-sensitive)" if near else ""
    raise UnknownChoice(
        detail_zh=f"人员表中没有工号“{staff_id}”{hint_zh}。已有工号：{listing(ids, 'zh')}。",
        detail_en=f"No StaffID '{staff_id}' on the Staff sheet{hint_en}. "
        f"StaffIDs there: {listing(ids, 'en')}.",
    )


def not_scored_reason(ds: Dataset, staff_id: str, month: Month, as_of: dt.date) -> UsageError:
    """Why a known person has no score in ``month``: not employed then, or no working days."""
    staff = ds.tables["staff"]
    person = staff[staff["staff_id"] == staff_id].iloc[0]
    start, end = person.get("start_date"), person.get("end_date")

    def day(value: object) -> str:
        return value.date().isoformat() if isinstance(value, pd.Timestamp) else "—"

    if month.first > as_of:
        zh = f"{month.label} 在截止日期 {as_of} 之后，还没有可计算的工作日。"
        en = f"{month.label} is after the as-of date {as_of}: no working days to score yet."
    elif isinstance(start, pd.Timestamp) and start.date() > month.last:
        zh = f"{staff_id} 的入职日期是 {day(start)}，{month.label} 时尚未入职。"
        en = f"{staff_id} started on {day(start)}, after {month.label}."
    elif isinstance(end, pd.Timestamp) and end.date() < month.first:
        zh = f"{staff_id} 的离职日期是 {day(end)}，{month.label} 时已离职。"
        en = f"{staff_id} left on {day(end)}, before {month.label}."
    else:
        zh = f"{staff_id} 在 {month.label} 没有应出勤的工作日（假期、请假或截止日期之前）。"
        en = f"{staff_id} has no working days in {month.label} (holidays, leave or the as-of date)."
    return NothingToReport(
        detail_zh=f"{zh}该月没有 {staff_id} 的考评，无可解释的内容。",
        detail_en=f"{en} There is no score of {staff_id} for that month to explain.",
    )


def require_log_month(ds: Dataset, month: Month, as_of: dt.date) -> None:
    """Raise ``NothingToReport`` when ``month`` has no log rows up to ``as_of``: it is not a
    recorded month (SPEC 4.1), so no notice, pay notice or explanation is made for it."""
    months = log_months(ds, as_of)
    if month in months:
        return
    raise NothingToReport(
        detail_zh=f"{month.label} 没有日志记录（截至 {as_of}），该月不计算考评，也没有可通报的"
        f"考评或绩效。有日志的月份：{listing(months, 'zh')}。",
        detail_en=f"{month.label} has no logs (up to {as_of}), so it is not scored and has no "
        f"scores or pay to report. Months with logs: {listing(months, 'en')}.",
    )


def reading_months(ds: Dataset, as_of: dt.date) -> list[Month]:
    """Months with at least one energy reading dated in them, up to ``as_of``."""
    frame = ds.tables["energy"]
    dates = frame.loc[frame["reading"].notna(), "date"].dropna()
    dates = dates[dates <= pd.Timestamp(as_of)]
    return sorted({Month(d.year, d.month) for d in dates})


def require_reading_month(ds: Dataset, month: Month, as_of: dt.date) -> None:
    """Raise ``NothingToReport`` when no energy reading is dated in ``month`` up to ``as_of``.

    Readings carry forward (SPEC §4.4), so such a month would show every meter at 0 or blank:
    an energy notice or EnergyStats rows of nothing.
    """
    months = reading_months(ds, as_of)
    if month in months:
        return
    raise NothingToReport(
        detail_zh=f"{month.label} 没有能耗读数（截至 {as_of}），无可统计或通报的内容，未写入。"
        f"有读数的月份：{listing(months, 'zh')}。",
        detail_en=f"{month.label} has no energy readings (up to {as_of}), so there is nothing "
        f"to count or report and nothing was written. Months with readings: "
        f"{listing(months, 'en')}.",
    )


def meetings_listing(ds: Dataset, month: Month | None) -> tuple[str, str]:
    """What to say exists when a meeting look-up finds nothing: (zh, en) sentences."""
    table = ds.tables["meetings"].dropna(subset=["meeting_id", "date"])
    if month is not None:
        in_month = table[table["date"].dt.strftime("%Y-%m") == month.label]
        if not in_month.empty:
            ids = list(in_month["meeting_id"].map(str))
            return (
                f"{month.label} 的会议编号：{listing(ids, 'zh')}。",
                f"Meeting IDs of {month.label}: {listing(ids, 'en')}.",
            )
    months = sorted({Month(d.year, d.month) for d in table["date"]})
    ids = list(table["meeting_id"].map(str))
    return (
        f"有会议的月份：{listing(months, 'zh')}；会议编号：{listing(ids, 'zh')}。",
        f"Months with meetings: {listing(months, 'en')}; meeting IDs: {listing(ids, 'en')}.",
    )
