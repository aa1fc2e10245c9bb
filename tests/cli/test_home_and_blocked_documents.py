"""Adapters that do no job work: a blocked document's Validation sheet is written by one job
function, and every door reads the Home month, year and as-of the same way."""

from __future__ import annotations

import datetime as dt

import pytest

from logistics import jobs
from logistics.core.errors import UsageError
from logistics.core.problems import Problem
from logistics.core.rawbook import RawBook
from logistics.documents import make_report
from tests.factories import POST, log, person, raw_book


class MemoryBook:
    """A Book that keeps what is written, so a test sees every write a job makes."""

    def __init__(self, raw: RawBook) -> None:
        self.raw = raw
        self.writes: list[tuple[dict[str, list[list[object]]], str]] = []

    def read(self) -> RawBook:
        return self.raw

    def write(self, rows: dict[str, list[list[object]]], lang: str) -> None:
        self.writes.append((rows, lang))


def school(**home: object) -> RawBook:
    raw = raw_book(posts=[POST], staff=[person()], logs=[log(dt.date(2025, 3, 3))])
    raw.home = dict(home)
    return raw


def test_blocking_errors_are_written_to_the_validation_sheet_and_nothing_else():
    book = MemoryBook(school())
    error = Problem("unknown_staff", "logs", 5, "staff_id", "S9")
    warning = Problem("after_as_of", "logs", 6, "date", "2026-01-02", {"as_of": "2025-12-31"})
    assert jobs.list_blocking_errors(book, [error, warning], "en") is True
    assert len(book.writes) == 1
    rows, lang = book.writes[0]
    assert lang == "en" and list(rows) == ["validation"]
    assert [(r[0], r[1], r[2], r[4]) for r in rows["validation"]] == [
        ("Logs", 5, "StaffID", "Error"),
        ("Logs", 6, "Date", "Warning"),
    ]


def test_warnings_alone_block_nothing_and_write_nothing():
    book = MemoryBook(school())
    warning = Problem("after_as_of", "logs", 6, "date", "2026-01-02", {"as_of": "2025-12-31"})
    assert jobs.list_blocking_errors(book, [warning], "zh") is False
    assert book.writes == []


@pytest.mark.parametrize(
    ("home", "field"),
    [({"month": "2025-13"}, "考核月份"), ({"year": "明年"}, "考核年度")],
)
def test_a_document_refuses_a_bad_home_field_instead_of_using_another_period(tmp_path, home, field):
    # Before, the documents fell back to the as-of month or year without a word.
    kind = "monthly" if "month" in home else "year-end"
    book = MemoryBook(school(**home))
    with pytest.raises(UsageError) as caught:
        make_report(book, kind, out_dir=tmp_path, pdf=False, as_of=dt.date(2025, 3, 31))
    assert field in caught.value.message("zh")
    assert book.writes == [] and not any(tmp_path.iterdir())


def test_a_bad_home_as_of_is_refused_not_taken_for_today():
    book = MemoryBook(school(as_of="2025-02-30"))
    with pytest.raises(UsageError) as caught:
        jobs.score(book)
    assert "截止日期“2025-02-30”" in caught.value.message("zh")
    assert book.writes == []


def test_the_home_as_of_is_the_jobs_default():
    result = jobs.validate(MemoryBook(school(as_of=dt.datetime(2025, 3, 31))))
    assert result.as_of == dt.date(2025, 3, 31)
