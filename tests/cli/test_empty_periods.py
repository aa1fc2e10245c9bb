"""A period that selects nothing stops with exit 2 before any write and says what exists;
one that still has old result rows has them removed with a warning (SPEC 4.1, 4.8)."""

from __future__ import annotations

import pandas as pd
import pytest
from typer.testing import CliRunner

from logistics import jobs
from logistics.cli import app
from logistics.core import schema
from logistics.core.lookups import NothingToReport
from logistics.core.rawbook import RawSheet
from tests.factories import D, raw_book
from tests.workbooks import build, part_hashes, sheet_rows

runner = CliRunner(env={"COLUMNS": "200"})
AS_OF = ["--as-of", "2025-12-31"]


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def book(tmp_path):
    return build(tmp_path / "school.xlsm")  # logs and one reception, all in March 2025


@pytest.mark.parametrize(
    ("args", "exists"),
    [
        (["score", "--month", "2025-04"], "有日志的月份：2025-03"),
        (["score", "--month", "2030-01"], "有日志的月份：2025-03"),
        (["reception", "--month", "2025-01"], "有接待的月份：2025-03"),
        (["inventory", "--year", "2025"], "有盘点记录的年份：（无）"),
    ],
)
def test_a_period_with_nothing_in_it_stops_before_any_write(book, tmp_path, args, exists):
    before = part_hashes(book)
    result = invoke(args[0], book, *args[1:], *AS_OF)
    assert result.exit_code == 2, result.output
    assert exists in result.output
    assert part_hashes(book) == before
    assert not (tmp_path / ".logistics-backups").exists()  # not even a backup


def test_a_month_without_receptions_in_a_year_with_some_still_gets_its_row(book):
    # April: no reception, but March's 240 yuan is this year's so far (SPEC 4.7 本年累计).
    result = invoke("reception", book, "--month", "2025-04", *AS_OF)
    assert result.exit_code == 0, result.output
    row = sheet_rows(book, "接待统计")[1]
    assert row[0] == "2025-04" and row[1] == 0.0 and row[9] == 240.0


def test_an_unrecorded_month_with_old_rows_has_them_removed_and_is_warned(book):
    assert invoke("score", book, "--month", "2025-03", *AS_OF).exit_code == 0
    assert {r[0] for r in sheet_rows(book, "考评")[1:]} == {"2025-03"}
    # As of 2 March, before the first log, March is not recorded: its rows go (SPEC 4.1).
    result = invoke("score", book, "--month", "2025-03", "--as-of", "2025-03-02")
    assert result.exit_code == 0, result.output
    assert sheet_rows(book, "考评")[1:] == []
    assert "不是已记录的月份" in result.output


def test_a_count_year_without_counts_but_with_old_rows_has_them_removed_and_is_warned():
    raw = raw_book()
    old = [[2024, "A1", "投影仪", "教学楼101", "总务处", 1, 1, 0, "地点不符"]]
    frame = pd.DataFrame(old, columns=[c.key for c in schema.COUNT_RESULT.columns], dtype=object)
    frame.index = frame.index + 2
    raw.sheets["count_result"] = RawSheet("count_result", "盘点结果", 1, frame)
    written: dict = {}

    class Book:
        def read(self):
            return raw

        def write(self, rows, lang):
            written.update(rows)

    result = jobs.inventory(Book(), 2024, D(2025, 12, 31))
    assert written["count_result"] == []  # 2024's old row is gone
    assert [p.code for p in result.problems] == ["counts_missing_year"]


def test_the_same_year_without_old_rows_is_refused():
    written: dict = {}

    class Book:
        def read(self):
            return raw_book()

        def write(self, rows, lang):
            written.update(rows)

    with pytest.raises(NothingToReport):
        jobs.inventory(Book(), 2024, D(2025, 12, 31))
    assert written == {}


def test_reception_lists_of_a_month_without_receptions_name_the_months_with_some(book, tmp_path):
    out = tmp_path / "out"
    result = invoke("report", book, "reception", "--month", "2025-05", "--out", out, "--no-pdf")
    assert result.exit_code == 2, result.output
    assert "2025-05 没有接待记录" in result.output and "有接待的月份：2025-03" in result.output
    assert not out.exists()
