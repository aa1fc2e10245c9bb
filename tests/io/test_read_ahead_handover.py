"""The read-ahead hands sheets over one at a time, the smallest first (``io/read_ahead``):
the reader builds and the jobs check the small sheets while the big one is being parsed,
and the book, the problems and their order are those of a workbook read by itself."""

from __future__ import annotations

import datetime as dt
import os
import threading
import weakref
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from python_calamine import CalamineSheet, CalamineWorkbook
from typer.testing import CliRunner

from logistics import jobs
from logistics.cli import app
from logistics.core import schema
from logistics.core.dataset import Dataset
from logistics.core.rawbook import RawSheet
from logistics.core.validate import load
from logistics.interrupt import Interrupted
from logistics.io import read_ahead
from logistics.io.file_book import FileBook
from logistics.io.reader import UnreadableWorkbook, read_workbook
from tests.workbooks import build, small_school

from .io_books import NS
from .test_hostile_files import school_with
from .test_read_ahead import assert_same

AS_OF = dt.date(2025, 12, 31)


class Spy:
    """Stands in for ``CalamineWorkbook`` in the thread: records the sheets the thread
    parses, in order, and runs ``before(name)`` first there (to hold a parse back or make it
    fail); the reader parsing a sheet itself gets it plainly."""

    def __init__(self, before: Callable[[str], None] = lambda name: None) -> None:
        self.parsed: list[str] = []
        self.alive: dict[str, weakref.ref[Held]] = {}  # by name: a parsed sheet still held
        self.before = before
        self.book: CalamineWorkbook | None = None

    def from_path(self, path: str) -> Spy:
        self.book = CalamineWorkbook.from_path(path)
        return self

    @property
    def sheet_names(self) -> list[str]:
        assert self.book is not None
        return self.book.sheet_names

    def get_sheet_by_name(self, name: str) -> CalamineSheet:
        assert self.book is not None
        if threading.current_thread().name != "read-ahead":
            return self.book.get_sheet_by_name(name)
        self.before(name)
        found = Held(self.book.get_sheet_by_name(name))
        self.parsed.append(name)
        self.alive[name] = weakref.ref(found)
        return found  # type: ignore[return-value]


class Held:
    """A parsed sheet as calamine gives it, which can be seen to be let go (a weak ref)."""

    def __init__(self, sheet: CalamineSheet) -> None:
        self.sheet = sheet

    def __getattr__(self, name: str) -> object:
        return getattr(self.sheet, name)


@pytest.fixture
def spy(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Spy]:
    def install(before: Callable[[str], None] = lambda name: None) -> Spy:
        made = Spy(before)
        monkeypatch.setattr(read_ahead, "CalamineWorkbook", made)
        return made

    return install


def part_sizes(path: Path) -> dict[str, int]:
    """{sheet name: uncompressed size of its part}, from workbook.xml and its rels by hand."""
    with zipfile.ZipFile(path) as z:
        wb = ET.fromstring(z.read("xl/workbook.xml"))
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels.iterfind("p:Relationship", NS)}
        sizes = {}
        for sheet in wb.iterfind("m:sheets/m:sheet", NS):
            target = str(targets[sheet.get(f"{{{NS['r']}}}id")])
            part = target[1:] if target.startswith("/") else "xl/" + target
            sizes[str(sheet.get("name"))] = z.getinfo(part).file_size
    return sizes


def school_with_problems(path: Path) -> Path:
    """The small school with problems in several sheets, so that their order shows: a log
    by an unknown person, a person whose start is no date, a post id typed twice."""
    frames = small_school()
    frames["logs"].loc[0, "staff_id"] = "S9"
    frames["staff"]["start_date"] = frames["staff"]["start_date"].astype(object)
    frames["staff"].loc[1, "start_date"] = "不是日期"
    frames["posts"].loc[1, "post_id"] = "P1"
    return build(path, frames)


def test_the_sheets_are_parsed_smallest_first_the_output_sheets_last(demo_book: Path, spy):
    # The output sheets are only turned into frames (not checked): parsing them after the
    # biggest input sheet lets the reader build and check that one meanwhile.
    path = demo_book
    scored = CliRunner().invoke(app, ["score", str(path), "--all", "--as-of", "2025-12-31"])
    assert scored.exit_code == 0, scored.output
    seen = spy()
    read_ahead.start(path)
    read_workbook(path)
    sizes = part_sizes(path)
    owned = {s.zh for s in schema.OUTPUT_SHEETS}
    inputs = [n for n in seen.parsed if n not in owned]
    outputs = [n for n in seen.parsed if n in owned]
    assert seen.parsed == inputs + outputs
    assert [sizes[n] for n in inputs] == sorted(sizes[n] for n in inputs)
    assert [sizes[n] for n in outputs] == sorted(sizes[n] for n in outputs)
    assert inputs[-1] == "日志" and outputs[-1] == "考评"  # the demo's biggest sheets
    assert sizes["考评"] > max(sizes[n] for n in inputs[:-1])
    # every sheet the reader reads, once: Home and the schema's (not xlwings.conf)
    assert sorted(seen.parsed) == sorted(n for n in sizes if n != "xlwings.conf")


def test_small_sheets_are_built_and_checked_while_the_big_one_is_parsed(
    demo_book: Path, spy
) -> None:
    inputs_done = threading.Event()
    names = CalamineWorkbook.from_path(str(demo_book)).sheet_names
    inputs = [s.key for s in read_ahead.sheets_read(names).values() if s and not s.owned]

    def hold_logs(name: str) -> None:  # the big sheet waits until the rest are in the reader
        if name == "日志":
            assert inputs_done.wait(10)

    seen = spy(hold_logs)
    handed: list[tuple[str, bool]] = []  # (sheet key, logs parsed by then)

    def on_sheet(sheet: RawSheet, date1904: bool) -> None:
        handed.append((sheet.key, "日志" in seen.parsed))
        if len(handed) == len(inputs) - 1:  # all input sheets but Logs
            inputs_done.set()

    read_ahead.start(demo_book)
    read_workbook(demo_book, on_sheet)
    first = handed[: len(inputs) - 1]
    assert sorted(key for key, _ in first) == sorted(k for k in inputs if k != "logs")
    assert not any(parsed for _, parsed in first)
    assert handed[len(inputs) - 1] == ("logs", True)  # then the output sheets


def test_each_parsed_sheet_is_let_go_before_the_sheet_is_checked(demo_book: Path, spy):
    # At a million log rows calamine's copy of the Logs sheet is ~90 MB: it must not be
    # held (by the hand-over) while the sheet is checked.
    seen = spy()
    held: list[str] = []

    def on_sheet(sheet: RawSheet, date1904: bool) -> None:
        if seen.alive[sheet.name]() is not None:
            held.append(sheet.name)

    read_ahead.start(demo_book)
    read_workbook(demo_book, on_sheet)
    assert held == [] and "日志" in seen.alive


def test_a_book_read_ahead_is_the_book_read_alone(tmp_path: Path, demo_book: Path) -> None:
    for path in (demo_book, school_with_problems(tmp_path / "bad.xlsm")):
        alone = read_workbook(path)
        read_ahead.start(path)
        assert_same(alone, read_workbook(path))


def assert_same_dataset(a: Dataset, b: Dataset) -> None:
    assert (a.lang, a.home, a.problems, a.settings) == (b.lang, b.home, b.problems, b.settings)
    assert list(a.tables) == list(b.tables) and list(a.owned) == list(b.owned)
    for key, table in a.tables.items():
        pd.testing.assert_frame_equal(table, b.tables[key])


def test_sheets_checked_as_they_come_give_the_problems_in_the_usual_order(
    tmp_path: Path, demo_book: Path
) -> None:
    for path in (demo_book, school_with_problems(tmp_path / "bad.xlsm")):
        # the reference: the whole book read alone, then checked in one go (no sheet early)
        whole = load(read_workbook(path), AS_OF)
        read_ahead.start(path)
        early, _ = jobs.read_dataset(FileBook(path), AS_OF)
        assert_same_dataset(whole, early)
    # the bad school's problems span sheets checked at different times: their order shows
    assert {"logs", "staff", "posts"} <= {p.sheet for p in whole.problems}


def test_the_reader_parses_what_the_thread_could_not(tmp_path: Path, spy) -> None:
    path = school_with_problems(tmp_path / "school.xlsm")
    alone = read_workbook(path)

    def fail_at_settings(name: str) -> None:
        if name == "设置":
            raise RuntimeError("a sheet the thread cannot parse")

    seen = spy(fail_at_settings)
    handed: list[str] = []
    read_ahead.start(path)
    ahead = read_workbook(path, lambda sheet, date1904: handed.append(sheet.name))
    assert_same(alone, ahead)
    assert "设置" not in seen.parsed and seen.parsed  # it stopped there, after others
    assert sorted(handed) == sorted(s.name for s in ahead.sheets.values())


def test_a_damaged_sheet_is_called_so_as_when_read_alone(tmp_path: Path) -> None:
    bad = '<sheetData><row r="1"><c r="A1" t="s"><v>99999</v></c></row></sheetData>'
    path = school_with(tmp_path, "damaged.xlsm", {"设置": bad})
    with pytest.raises(UnreadableWorkbook) as alone:
        read_workbook(path)
    read_ahead.start(path)
    with pytest.raises(UnreadableWorkbook) as ahead:
        read_workbook(path)
    assert ahead.value.message("en") == alone.value.message("en")
    assert "shared strings" in alone.value.message("en")


def test_a_file_saved_while_the_last_sheet_is_parsed_is_read_again(tmp_path: Path, spy) -> None:
    path = school_with_problems(tmp_path / "school.xlsm")
    alone = read_workbook(path)
    last = read_ahead.parse_order(path, read_ahead.sheets_read(alone_names(path)))[-1]
    taken = threading.Event()

    def save_meanwhile(name: str) -> None:  # once the reader has taken the first sheets
        if name == last:
            assert taken.wait(10)
            later = path.stat().st_mtime_ns + 1_000_000_000
            os.utime(path, ns=(later, later))

    def on_sheet(sheet: RawSheet, date1904: bool) -> None:
        handed.append(sheet.key)
        taken.set()

    seen = spy(save_meanwhile)
    handed: list[str] = []
    read_ahead.start(path)
    raw = read_workbook(path, on_sheet)
    assert_same(alone, raw)
    assert seen.parsed[-1] == last and handed.count("staff") == 2  # once stale, once anew


def alone_names(path: Path) -> list[str]:
    return CalamineWorkbook.from_path(str(path)).sheet_names


def test_a_run_that_ends_mid_way_stops_the_thread(tmp_path: Path, spy) -> None:
    path = build(tmp_path / "school.xlsm")
    gate: list[threading.Event] = []

    def wait_for_the_end(name: str) -> None:  # the second sheet is parsed as the run ends
        if len(seen.parsed) == 1:
            assert gate[0].wait(10)

    seen = spy(wait_for_the_end)
    with read_ahead.ahead(path):
        job = read_ahead._jobs[path.absolute()]
        gate.append(job.cancelled)
        parsed = read_ahead.take(path)
        assert parsed is not None
        first = parsed.next_sheet()
        assert first is not None
    assert job.thread is not None and not job.thread.is_alive()
    assert seen.parsed == [first[0], seen.parsed[1]] and len(seen.parsed) == 2
    assert len(read_ahead.sheets_read(parsed.names)) > 2  # it had more to parse


def test_ctrl_c_while_a_small_sheet_is_checked_stops_the_thread(tmp_path: Path, spy) -> None:
    path = build(tmp_path / "school.xlsm")
    seen = spy()

    def interrupted(sheet: RawSheet, date1904: bool) -> None:
        raise Interrupted

    with pytest.raises(Interrupted), read_ahead.ahead(path), FileBook.open(path) as book:
        job = read_ahead._jobs[path.absolute()]
        book.read_each(interrupted)
    assert job.thread is not None and not job.thread.is_alive()
    assert path.absolute() not in read_ahead._jobs and seen.parsed
