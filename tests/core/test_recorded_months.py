"""SPEC 4.1 "Recorded months": the issue's September/October school, through the jobs.

Logs exist only in September and October 2025. Before, ``rank --year 2025`` scored January to
August too (about 50 points each: no logs, no units, full quality and timeliness), so nearly
everyone was 不合格 and a newcomer with one month came first; ``summary`` of 2025Q3 said 3
months. Now only the two recorded months count.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from logistics import jobs
from logistics.core import schema
from logistics.core.lookups import UnknownChoice
from logistics.core.periods import Month, Quarter
from logistics.core.rawbook import RawBook, RawSheet
from logistics.core.workdays import WorkCalendar
from tests.factories import POST, D, log, person, raw_book

STAFF = ["S01", "S02", "S03", "S04"]
NEWCOMER = "S05"  # joined on 1 October


class MemoryBook:
    """A job's Book in memory: hands over a RawBook, keeps what the job writes."""

    def __init__(self, raw: RawBook) -> None:
        self.raw = raw
        self.written: dict[str, list[list[object]]] = {}

    def read(self) -> RawBook:
        return self.raw

    def write(self, rows: dict[str, list[list[object]]], lang: str) -> None:
        self.written = rows
        for key, values in rows.items():  # the next read sees them, as in a file
            sheet = schema.SHEETS[key]
            frame = pd.DataFrame(values, columns=[c.key for c in sheet.columns], dtype=object)
            frame.index = pd.RangeIndex(len(values)) + 2
            self.raw.sheets[key] = RawSheet(key, sheet.zh, 1, frame)


def autumn_school() -> MemoryBook:
    cal = WorkCalendar()
    days = cal.month_workdays(2025, 9) + cal.month_workdays(2025, 10)
    logs = [log(d, s, units=1) for s in STAFF for d in days]
    logs += [log(d, NEWCOMER, units=1) for d in days if d >= D(2025, 10, 1)]
    post = {**POST, "monthly_target": 0}  # full quantity points: every month scores 100
    staff = [person(s) for s in STAFF] + [person(NEWCOMER, start=D(2025, 10, 1))]
    return MemoryBook(raw_book(posts=[post], staff=staff, logs=logs))


AS_OF = dt.date(2025, 12, 31)


def test_the_year_counts_recorded_months_only():
    result = jobs.rank(autumn_school(), 2025, AS_OF)
    by_id = {p.staff_id: p for p in result.periods}
    assert {s: by_id[s].months for s in by_id} == {**dict.fromkeys(STAFF, 2), NEWCOMER: 1}
    assert all(p.average == 100 and p.grade == "excellent" and p.rank == 1 for p in by_id.values())
    assert sorted({x.month for x in result.months}) == ["2025-09", "2025-10"]


def test_a_quarter_counts_its_recorded_months():
    result = jobs.summary(autumn_school(), [Quarter(2025, 3)], AS_OF)
    assert {p.staff_id: p.months for p in result.periods} == dict.fromkeys(STAFF, 1)


def test_score_all_scores_the_recorded_months():
    book = autumn_school()
    jobs.score(book, None, AS_OF)
    assert sorted({r[0] for r in book.written["scores"]}) == ["2025-09", "2025-10"]


def test_an_unrecorded_month_writes_no_rows_removes_old_ones_and_warns():
    book = autumn_school()
    jobs.score(book, [Month(2025, 9), Month(2025, 8)], AS_OF)  # August rows written before?
    assert {r[0] for r in book.written["scores"]} == {"2025-09"}
    old = [["2025-08", "S01", "员工S01", "保洁员", 0, 0, 30, 20, 50, "不合格", 1, 0.5, 1000]]
    book.raw.sheets["scores"].frame = pd.DataFrame(
        old + book.written["scores"], columns=[c.key for c in schema.SCORES.columns], dtype=object
    )
    result = jobs.score(book, [Month(2025, 8)], AS_OF)
    assert {r[0] for r in book.written["scores"]} == {"2025-09"}  # August's old row is gone
    assert [(p.code, p.params["month"]) for p in result.problems] == [
        ("month_not_recorded", "2025-08")
    ]
    assert not result.blocked and not result.months


def test_a_month_after_the_as_of_date_is_not_recorded():
    result = jobs.score(autumn_school(), [Month(2025, 10)], dt.date(2025, 9, 30))
    codes = {p.code for p in result.problems}
    assert codes == {"after_as_of", "month_not_recorded"}  # October's logs are after as-of
    assert not result.months


def test_a_year_without_recorded_months_is_refused_and_nothing_written():
    book = autumn_school()
    with pytest.raises(UnknownChoice) as refused:  # the command line's exit 2 (SPEC 6)
        jobs.rank(book, 2024, AS_OF)
    assert "Years with logs: 2025" in refused.value.message("en")
    assert book.written == {}


def test_the_monthly_notice_shows_what_the_scores_sheet_holds():
    from logistics.core.validate import load
    from reports.monthly_notice import monthly_context

    ds = load(autumn_school().raw, AS_OF)
    assert monthly_context(ds, Month(2025, 8), AS_OF, "zh")["scores"] == []  # not recorded
    september = monthly_context(ds, Month(2025, 9), AS_OF, "zh")["scores"]
    assert [r["staff_id"] for r in september] == STAFF
