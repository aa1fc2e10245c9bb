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

from words import Both, both, word

from .dataset import Dataset
from .errors import UsageError
from .logged_months import logged_months
from .periods import Month, Quarter

MAX_LISTED = 30  # choices listed in a message; the rest are counted


class UnknownChoice(UsageError):
    """An argument names a year, person or meeting the workbook does not have (exit 2)."""


class NothingToReport(UsageError):
    """The chosen period has no rows for the job: no document or sheet is written (exit 2)."""


def listing_both(items: Iterable[object]) -> Both:
    """``listing`` in both languages, as one field of a message."""
    values = list(items)
    return Both(listing(values, "zh"), listing(values, "en"))


def listing(items: Iterable[object], lang: str) -> str:
    """Choices for a message: '2024、2025' (zh) or '2024, 2025'; '（无）' / '(none)' if empty."""
    values = [str(x) for x in items]
    if not values:
        return word(lang, "none_listed")
    shown = values[:MAX_LISTED]
    sep = word(lang, "list_sep")
    text = sep.join(shown)
    if len(values) > len(shown):
        text += word(lang, "in_all", values=len(values))
    return text


def _dates(ds: Dataset, sheet: str, column: str, as_of: dt.date) -> pd.Series:
    dates = ds.tables[sheet][column].dropna()
    return dates[dates <= pd.Timestamp(as_of)]


def log_months(ds: Dataset, as_of: dt.date) -> list[Month]:
    """Months with at least one log row dated in them, up to ``as_of`` (SPEC §4.1)."""
    return logged_months(ds.tables["logs"], as_of)


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
        said="no_logs_in_year",
        year=year,
        as_of=as_of,
        listed=listing_both(years),
    )


def require_quarter(ds: Dataset, quarter: Quarter, as_of: dt.date) -> None:
    """Raise ``UnknownChoice`` unless a month of ``quarter`` has logs (summary)."""
    months = log_months(ds, as_of)
    if any(m in months for m in quarter.months):
        return
    quarters = sorted({f"{m.year}Q{(m.month - 1) // 3 + 1}" for m in months})
    raise UnknownChoice(
        said="no_logs_in_quarter",
        label=quarter.label,
        as_of=as_of,
        listed=listing_both(quarters),
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
        said="year_outside_contract_years",
        year=year,
        years=years[0],
        years2=years[-1],
    )


def staff_ids(ds: Dataset) -> list[str]:
    return [str(x) for x in ds.tables["staff"]["staff_id"].dropna()]


def require_staff(ds: Dataset, staff_id: str) -> None:
    """Raise ``UnknownChoice`` when ``staff_id`` is not a 工号 on the Staff sheet."""
    ids = staff_ids(ds)
    if staff_id in ids:
        return
    near = [i for i in ids if i.strip().casefold() == staff_id.strip().casefold()]
    hint_zh, hint_en = both("did_you_mean", near=near[0]) if near else ("", "")
    raise UnknownChoice(
        said="no_such_staff",
        staff_id=staff_id,
        hint=Both(hint_zh, hint_en),
        listed=listing_both(ids),
    )


def not_scored_reason(ds: Dataset, staff_id: str, month: Month, as_of: dt.date) -> UsageError:
    """Why a known person has no score in ``month``: not employed then, or no working days."""
    staff = ds.tables["staff"]
    person = staff[staff["staff_id"] == staff_id].iloc[0]
    start, end = person.get("start_date"), person.get("end_date")

    def day(value: object) -> str:
        return value.date().isoformat() if isinstance(value, pd.Timestamp) else "—"

    if month.first > as_of:
        zh, en = both("month_after_as_of", label=month.label, as_of=as_of)
    elif isinstance(start, pd.Timestamp) and start.date() > month.last:
        zh, en = both("started_after_month", staff_id=staff_id, start=day(start), label=month.label)
    elif isinstance(end, pd.Timestamp) and end.date() < month.first:
        zh, en = both("left_before_month", staff_id=staff_id, end=day(end), label=month.label)
    else:
        zh, en = both("no_working_days_in_month", staff_id=staff_id, label=month.label)
    return NothingToReport(
        said="no_score_to_explain",
        reason=Both(zh, en),
        staff_id=staff_id,
    )


def require_log_month(ds: Dataset, month: Month, as_of: dt.date) -> None:
    """Raise ``NothingToReport`` when ``month`` has no log rows up to ``as_of``: it is not a
    recorded month (SPEC 4.1), so no notice, pay notice or explanation is made for it."""
    months = log_months(ds, as_of)
    if month in months:
        return
    raise NothingToReport(
        said="no_logs_in_month",
        label=month.label,
        as_of=as_of,
        listed=listing_both(months),
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
        said="no_readings_in_month",
        label=month.label,
        as_of=as_of,
        listed=listing_both(months),
    )


def meetings_listing(ds: Dataset, month: Month | None) -> Both:
    """What to say exists when a meeting look-up finds nothing: (zh, en) sentences."""
    table = ds.tables["meetings"].dropna(subset=["meeting_id", "date"])
    if month is not None:
        in_month = table[table["date"].dt.strftime("%Y-%m") == month.label]
        if not in_month.empty:
            ids = list(in_month["meeting_id"].map(str))
            return both(
                "meeting_ids_of_month",
                label=month.label,
                listed=listing_both(ids),
            )
    months = sorted({Month(d.year, d.month) for d in table["date"]})
    ids = list(table["meeting_id"].map(str))
    return both(
        "meeting_months_and_ids",
        listed=listing_both(months),
        ids=listing_both(ids),
    )
