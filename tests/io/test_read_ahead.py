"""Reading ahead (``io/read_ahead``): a workbook read ahead reads exactly as one read by
itself, and what the thread did is taken only for the same, unchanged file."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from logistics.cli import app
from logistics.core.rawbook import RawBook
from logistics.io import budget_ahead, read_ahead
from logistics.io.package import UnsafeWorkbook
from logistics.io.reader import read_workbook
from tests.workbooks import build

from .test_hostile_files import corner_cells


def spy_on_take(monkeypatch: pytest.MonkeyPatch, seen: list[object]) -> None:
    """Record what each ``take`` gives the reader (None: it reads by itself) in ``seen``."""
    real = read_ahead.take

    def spy(path: Path) -> read_ahead.Parsed | None:
        found = real(path)
        seen.append(found)
        return found

    monkeypatch.setattr(read_ahead, "take", spy)


@pytest.fixture
def taken(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    seen: list[object] = []
    spy_on_take(monkeypatch, seen)
    return seen


def assert_same(a: RawBook, b: RawBook) -> None:
    assert (a.lang, a.home, a.date1904, a.problems) == (b.lang, b.home, b.date1904, b.problems)
    assert list(a.sheets) == list(b.sheets)
    for key, sheet in a.sheets.items():
        other = b.sheets[key]
        pd.testing.assert_frame_equal(sheet.frame, other.frame)
        assert (sheet.name, sheet.header_row, sheet.missing, sheet.positions) == (
            other.name,
            other.header_row,
            other.missing,
            other.positions,
        )


def test_a_workbook_read_ahead_reads_as_one_read_alone(tmp_path: Path, taken: list[object]):
    path = build(tmp_path / "school.xlsm")
    alone = read_workbook(path)
    read_ahead.start(path)
    ahead = read_workbook(path)
    assert taken[0] is None and isinstance(taken[1], read_ahead.Parsed)
    assert_same(alone, ahead)


def test_a_file_changed_after_the_start_is_read_again(tmp_path: Path, taken: list[object]):
    path = build(tmp_path / "school.xlsm")
    read_ahead.start(path)
    later = path.stat().st_mtime_ns + 1_000_000_000
    os.utime(path, ns=(later, later))  # saved again meanwhile
    read_workbook(path)
    assert taken == [None]


def test_each_start_is_taken_once(tmp_path: Path) -> None:
    path = build(tmp_path / "school.xlsm")
    assert read_ahead.take(path) is None  # never started
    read_ahead.start(path)
    assert read_ahead.take(path) is not None
    assert read_ahead.take(path) is None


def test_a_missing_file_or_a_folder_starts_nothing(tmp_path: Path) -> None:
    read_ahead.start(tmp_path / "none.xlsm")
    read_ahead.start(tmp_path)
    assert read_ahead.take(tmp_path / "none.xlsm") is None and read_ahead.take(tmp_path) is None


def test_a_hostile_workbook_is_refused_as_when_read_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The thread checks the budget before calamine allocates; its refusal is the reader's.
    path = corner_cells(tmp_path, "XFD1048576")
    with pytest.raises(UnsafeWorkbook) as alone:
        read_workbook(path)
    read_ahead.start(path)
    read_ahead._jobs[path.absolute()].thread.join()  # type: ignore[union-attr]

    def untouched(name: str) -> None:
        raise AssertionError("the reader scanned again")

    monkeypatch.setattr(budget_ahead, "scan", untouched)  # the thread has scanned
    monkeypatch.setattr(read_ahead, "check_budget", untouched)
    with pytest.raises(UnsafeWorkbook) as ahead:
        read_workbook(path)
    assert ahead.value.message("en") == alone.value.message("en")


def test_a_thread_that_fails_leaves_the_reading_to_the_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = build(tmp_path / "school.xlsm")
    alone = read_workbook(path)

    def broken(path: Path) -> frozenset[str]:
        raise RuntimeError("a bug in the thread")

    monkeypatch.setattr(read_ahead, "check_budget", broken)
    read_ahead.start(path)
    read_ahead._jobs[path.absolute()].thread.join()  # type: ignore[union-attr]
    monkeypatch.undo()  # the reader's own scan works
    taken: list[object] = []
    spy_on_take(monkeypatch, taken)
    assert_same(alone, read_workbook(path))
    assert taken == [None]


def test_a_command_reads_its_workbook_ahead(tmp_path: Path, taken: list[object]) -> None:
    path = build(tmp_path / "school.xlsm")
    result = CliRunner().invoke(app, ["validate", str(path), "--as-of", "2025-12-31"])
    assert result.exit_code == 0, result.output
    assert len(taken) == 1 and isinstance(taken[0], read_ahead.Parsed)


def test_a_file_rewritten_with_its_old_time_is_read_again(tmp_path: Path, taken: list[object]):
    # Same size, modification time set back: only the change time tells (a trial did this
    # with dd and touch -d while a run was starting).
    path = build(tmp_path / "school.xlsm")
    before = path.stat()
    read_ahead.start(path)
    read_ahead._jobs[path.absolute()].thread.join()  # type: ignore[union-attr]
    time.sleep(0.01)
    path.write_bytes(path.read_bytes())
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    read_workbook(path)
    assert taken == [None]
