"""Ctrl+C at any point prints one line and exits 130, never a traceback."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from logistics import interrupt
from tests.workbooks import build, part_hashes

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="sends SIGINT")

# Runs the console script's function with a command line; PATCH may stop it mid-job.
SCRIPT = """
import os, signal, sys
{patch}
from logistics.entry import main
sys.argv = ["logistics", *sys.argv[1:]]
main()
"""


# Says on stdout when the handler is in place, before the command line is imported.
SAY_INSTALLED = """
import logistics.interrupt as it
real_install = it.install
def install():
    real_install()
    assert "logistics.cli" not in sys.modules
    print("installed", flush=True)
it.install = install
"""


def run(args: list[str], patch: str = "", *, interrupt_start_up: bool = False):
    child = subprocess.Popen(
        [sys.executable, "-c", SCRIPT.format(patch=patch), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    if interrupt_start_up:
        assert child.stdout is not None and child.stdout.readline() == "installed\n"
        child.send_signal(signal.SIGINT)  # while pandas, typer and rich are being imported
    out, err = child.communicate(timeout=120)
    return child.returncode, out, err


def assert_interrupted(code: int, out: str, err: str) -> None:
    assert code == interrupt.EXIT_CODE, (code, out, err)
    assert "Traceback" not in err + out and "Aborted" not in err
    assert err.strip().splitlines() == [interrupt.MESSAGE]


def test_ctrl_c_during_start_up() -> None:
    code, out, err = run(["--help"], SAY_INSTALLED, interrupt_start_up=True)
    assert_interrupted(code, out, err)
    assert "Usage" not in out  # stopped before the command line ran


STOP_IN_THE_JOB = """
import logistics.jobs as jobs
real = jobs.score_recorded
def stop(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGINT)
    return real(*args, **kwargs)
jobs.score_recorded = stop
"""

STOP_IN_THE_SAVE = """
import logistics.io.writer as writer
real = writer.verify_patched
def stop(*args, **kwargs):
    real(*args, **kwargs)
    os.kill(os.getpid(), signal.SIGINT)
writer.verify_patched = stop
"""


@pytest.mark.parametrize("patch", [STOP_IN_THE_JOB, STOP_IN_THE_SAVE], ids=["job", "save"])
def test_ctrl_c_during_a_run_leaves_the_workbook_and_folder_as_they_were(
    tmp_path: Path, patch: str
) -> None:
    book = build(tmp_path / "school.xlsm")
    before = part_hashes(book)
    code, out, err = run(["score", str(book), "--month", "2025-03", "--as-of", "2025-12-31"], patch)
    assert_interrupted(code, out, err)
    assert part_hashes(book) == before
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != book.name]
    assert leftovers in ([], [".logistics-backups"]), leftovers  # no temp file, no lock
    for folder in tmp_path.glob(".logistics-backups"):
        assert list(folder.iterdir()) == []  # no backup (the original was never replaced)


# Ctrl+C in the parent once the first workbook of a folder is done (its row is on the bar).
STOP_AFTER_THE_FIRST = """
import rich.progress
real_update = rich.progress.Progress.update
def update(self, *args, **kwargs):
    real_update(self, *args, **kwargs)
    if kwargs.get("advance"):
        os.kill(os.getpid(), signal.SIGINT)
rich.progress.Progress.update = update
"""


@pytest.mark.parametrize("workers", ["1", "2"])
def test_ctrl_c_in_a_folder_run_lists_what_was_done_and_begins_nothing_more(
    tmp_path: Path, workers: str
) -> None:
    folder = tmp_path / "schools"
    folder.mkdir()
    first = build(folder / "a.xlsm")
    for name in ("b", "c", "d", "e", "f"):
        (folder / f"{name}.xlsm").write_bytes(first.read_bytes())
    before = {p.name: part_hashes(p) for p in folder.glob("*.xlsm")}
    code, out, err = run(
        ["score", str(folder), "--all", "--as-of", "2025-12-31", "--workers", workers],
        STOP_AFTER_THE_FIRST,
    )
    assert code == interrupt.EXIT_CODE, (code, out, err)
    assert "Traceback" not in err + out
    assert "1/6" in err  # the one line says how many were done, in the folder's language
    changed = [n for n, hashes in before.items() if part_hashes(folder / n) != hashes]
    listed = [n for n in before if n in out]
    assert len(listed) == 1 and listed[0] in changed  # the table lists the one done
    # One worker: nothing after it was begun. Two: the one under way and the one begun as
    # the first finished may finish too; the last three never begin.
    assert len(changed) == 1 if workers == "1" else 1 <= len(changed) <= 3, changed


# A Ctrl+C whose exception Python loses (raised in a callback, printed as "ignored"): the
# job runs on, but the workbook is not replaced and the command still exits 130.
LOST_IN_THE_JOB = """
import logistics.jobs as jobs
real = jobs.score_recorded
def lose(*args, **kwargs):
    try:
        os.kill(os.getpid(), signal.SIGINT)
    except BaseException:
        pass  # as Python does in a destructor or a weakref callback
    return real(*args, **kwargs)
jobs.score_recorded = lose
"""


def test_a_ctrl_c_whose_exception_was_lost_still_stops_the_write(tmp_path: Path) -> None:
    book = build(tmp_path / "school.xlsm")
    before = part_hashes(book)
    code, out, err = run(
        ["score", str(book), "--month", "2025-03", "--as-of", "2025-12-31"], LOST_IN_THE_JOB
    )
    assert_interrupted(code, out, err)
    assert part_hashes(book) == before
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != book.name]
    assert leftovers in ([], [".logistics-backups"]), leftovers
