"""The budget scan started ahead in a forked child: its outcome is the scan's, or none.

The reader takes the child's outcome only when it is whole and fresh; whatever else
happens (no fork, a dead child, garbage, a changed file) it scans itself, and no child is
left running or unreaped. Tests that need a process of their own (atexit, Ctrl+C, the
command line before numpy loads) are in ``test_budget_ahead_process``.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from logistics.cli import app
from logistics.io import budget_ahead
from logistics.io.locks import excel_lock_file
from logistics.io.package import UnsafeWorkbook
from logistics.io.package_budget import check_budget
from logistics.io.reader import read_workbook
from tests.workbooks import build

from .test_hostile_files import corner_cells

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
runner = CliRunner()


@pytest.fixture(autouse=True)
def python_threads_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Here pandas is loaded, and with it numpy's idle BLAS threads, which the command line
    never has when it forks (``test_a_thread_unknown_to_python_also_stops_the_fork``):
    count only Python's threads. End any child a failed test left."""
    monkeypatch.setattr(budget_ahead, "_one_thread", lambda: threading.active_count() == 1)
    assert budget_ahead._one_thread(), "a thread of another test is still running"
    yield
    budget_ahead.discard()


def gone(pid: int) -> bool:
    """Whether ``pid`` is neither running nor a zombie of this process."""
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def corner(tmp_path: Path) -> Path:
    """The small school with a far cell in its Logs sheet: 17 billion cells."""
    return corner_cells(tmp_path, "XFD1048576")


def test_the_childs_outcome_is_the_scan(tmp_path: Path) -> None:
    path = build(tmp_path / "school.xlsm")
    budget_ahead.start(path)
    pid = budget_ahead.pending()
    assert pid is not None and pid != os.getpid()
    assert budget_ahead.take(path) == check_budget(path)
    assert budget_ahead.pending() is None and gone(pid)
    assert budget_ahead.take(path) is None  # taken once: a second read scans itself


def test_a_refusal_comes_through_the_child_as_the_scan_says_it(tmp_path: Path) -> None:
    path = corner(tmp_path)
    with pytest.raises(UnsafeWorkbook) as inline:
        check_budget(path)
    budget_ahead.start(path)
    with pytest.raises(UnsafeWorkbook) as ahead:
        budget_ahead.take(path)
    for lang in ("en", "zh"):
        assert ahead.value.message(lang) == inline.value.message(lang)
    assert "spans about 17,179,869,184 cells" in ahead.value.message("en")


def test_the_refusal_through_the_command_line_is_unchanged(tmp_path: Path) -> None:
    """Exit 2 and the same message, with the scan done by the child (spied on)."""
    path = corner(tmp_path)
    taken: list[object] = []
    real_take = budget_ahead.take

    def spy(p: Path) -> frozenset[str] | None:
        pid = budget_ahead.pending()
        try:
            taken.append(real_take(p))
        except UnsafeWorkbook as exc:
            taken.append(exc)
            raise
        finally:
            assert pid is not None and gone(pid)
        return None

    mp = pytest.MonkeyPatch()
    mp.setattr(budget_ahead, "take", spy)
    try:
        result = runner.invoke(app, ["validate", str(path)])
    finally:
        mp.undo()
    assert result.exit_code == 2
    assert "Refused to open corner.xlsm" in result.output
    assert "spans about 17,179,869,184 cells" in " ".join(result.output.split())
    assert len(taken) == 1 and isinstance(taken[0], UnsafeWorkbook)


def test_a_command_leaves_no_child_behind(tmp_path: Path) -> None:
    path = build(tmp_path / "school.xlsm")
    pids: list[int | None] = []
    real_start = budget_ahead.start

    def spy(p: Path) -> None:
        real_start(p)
        pids.append(budget_ahead.pending())

    mp = pytest.MonkeyPatch()
    mp.setattr(budget_ahead, "start", spy)
    try:
        result = runner.invoke(app, ["score", str(path), "--month", "2025-03"])
        excel_lock_file(path).write_bytes(b"")  # open in Excel: refused before the read
        blocked = runner.invoke(app, ["score", str(path), "--month", "2025-03"])
    finally:
        mp.undo()
    assert result.exit_code == 0, result.output
    assert blocked.exit_code == 2 and "Excel" in blocked.output
    assert len(pids) == 2 and None not in pids and all(gone(pid) for pid in pids if pid)


def test_a_child_that_dies_leads_to_an_inline_scan(tmp_path: Path) -> None:
    path = build(tmp_path / "school.xlsm")
    budget_ahead.start(path)
    pid = budget_ahead.pending()
    assert pid is not None
    os.kill(pid, signal.SIGKILL)
    assert budget_ahead.take(path) is None and gone(pid)
    assert read_workbook(path).sheets["logs"].frame.shape[0] == 15


@pytest.mark.parametrize(
    "message",
    [
        b"",  # nothing (the child failed)
        b"not json",
        b'{"stamp": [1, 2, 3, 4], "marked": []}',  # another file's stamp
        b'{"stamp": STAMP, "marked": "xl/worksheets/sheet1.xml"}',  # not a list
        b'{"stamp": STAMP, "marked": [1]}',
        b'{"stamp": STAMP, "marked": [], "refused": ["a", "b"]}',
        b'{"stamp": STAMP, "refused": ["only one"]}',
        b'{"stamp": STAMP, "marked": [',  # cut short
        b"[" * 100_000,  # nested too deep
    ],
)
def test_garbage_from_the_child_is_not_trusted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, message: bytes
) -> None:
    path = build(tmp_path / "school.xlsm")

    def garbage(where: str, stamp: tuple[int, ...], fd: int, *rest: object) -> None:
        text = message.replace(b"STAMP", str(list(stamp)).encode())
        try:
            while text:
                text = text[os.write(fd, text) :]
        finally:
            os._exit(0)

    monkeypatch.setattr(budget_ahead, "_scan_and_exit", garbage)  # the child runs it too
    budget_ahead.start(path)
    assert budget_ahead.pending() is not None
    assert budget_ahead.take(path) is None


def test_a_well_formed_message_is_taken(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The counterpart of the garbage: the same writer with a whole message is believed (so
    the garbage above is refused for what it is, not for how it was sent)."""
    path = build(tmp_path / "school.xlsm")

    def whole(where: str, stamp: tuple[int, ...], fd: int, *rest: object) -> None:
        os.write(fd, b'{"stamp": %s, "marked": ["x"]}' % str(list(stamp)).encode())
        os._exit(0)

    monkeypatch.setattr(budget_ahead, "_scan_and_exit", whole)
    budget_ahead.start(path)
    assert budget_ahead.take(path) == frozenset({"x"})


def test_a_file_changed_after_the_fork_is_scanned_again(tmp_path: Path) -> None:
    path = build(tmp_path / "school.xlsm")
    budget_ahead.start(path)
    pid = budget_ahead.pending()
    assert pid is not None
    os.replace(corner(tmp_path), path)  # saved by another program meanwhile
    assert budget_ahead.take(path) is None and gone(pid)
    with pytest.raises(UnsafeWorkbook, match="spans about"):
        read_workbook(path)  # the reader's own scan sees the new file


def test_another_path_is_not_answered(tmp_path: Path) -> None:
    path = build(tmp_path / "school.xlsm")
    other = build(tmp_path / "other.xlsm")
    budget_ahead.start(path)
    assert budget_ahead.take(other) is None
    assert budget_ahead.pending() is not None  # still the first path's
    budget_ahead.discard()
    assert budget_ahead.pending() is None


def test_without_fork_the_reader_scans_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = build(tmp_path / "school.xlsm")
    monkeypatch.delattr(os, "fork")
    budget_ahead.start(path)
    assert budget_ahead.pending() is None and budget_ahead.take(path) is None
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 0, result.output


def test_no_fork_while_another_thread_runs(tmp_path: Path) -> None:
    path = build(tmp_path / "school.xlsm")
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        budget_ahead.start(path)
        assert budget_ahead.pending() is None
    finally:
        stop.set()
        thread.join()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_not_scanned_ahead(tmp_path: Path) -> None:
    fifo = tmp_path / "school.xlsm"
    os.mkfifo(fifo)
    budget_ahead.start(fifo)  # returns at once: nothing opens the FIFO
    assert budget_ahead.pending() is None


def test_a_child_not_taken_is_ended_when_the_run_ends(tmp_path: Path) -> None:
    path = build(tmp_path / "school.xlsm")
    with pytest.raises(RuntimeError), budget_ahead.ahead(path):
        pid = budget_ahead.pending()
        raise RuntimeError("the command failed before the read")
    assert pid is not None and gone(pid) and budget_ahead.pending() is None
