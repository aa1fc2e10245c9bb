"""The budget scan started ahead, in commands run as processes of their own (as the console
script runs them: one thread until pandas loads): the child's outcome is taken, it runs no
atexit handler and flushes nothing of the parent's, and Ctrl+C leaves no child behind.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from contextlib import suppress
from pathlib import Path

import pytest

from logistics import interrupt
from logistics.io.package_budget import check_budget
from tests.workbooks import build

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")


def ended(pid: int) -> bool:
    """Whether ``pid`` (a child of another process) is gone within 5 s: reaped by its parent,
    or by init once the parent is gone."""
    for _ in range(50):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


ATEXIT = """
import atexit, sys
from pathlib import Path
from logistics.io import budget_ahead
atexit.register(lambda: print("atexit ran"))
sys.stdout.write("written before the fork\\n")  # in the buffer: stdout is a pipe
budget_ahead.start(Path(sys.argv[1]))
print("child", budget_ahead.pending() is not None)
print("marked", sorted(budget_ahead.take(Path(sys.argv[1]))))
"""


def test_the_child_runs_no_atexit_handler_and_flushes_nothing(tmp_path: Path) -> None:
    path = build(tmp_path / "school.xlsm")
    done = subprocess.run(
        [sys.executable, "-c", ATEXIT, str(path)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "written before the fork" and lines[1] == "child True"
    assert lines[2] == f"marked {sorted(check_budget(path))}"
    assert lines[3:] == ["atexit ran"]  # once: the parent's


NATIVE_THREAD = """
import _thread, sys, threading
from pathlib import Path
from logistics.io import budget_ahead
print("alone", budget_ahead._one_thread())
lock = _thread.allocate_lock()
lock.acquire()
_thread.start_new_thread(lock.acquire, ())  # a thread as a C library starts one
print("python threads", threading.active_count())
budget_ahead.start(Path(sys.argv[1]))
print("child", budget_ahead.pending())
"""


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="counts threads in /proc")
def test_a_thread_unknown_to_python_also_stops_the_fork(tmp_path: Path) -> None:
    path = build(tmp_path / "school.xlsm")
    done = subprocess.run(
        [sys.executable, "-c", NATIVE_THREAD, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.stdout.splitlines() == ["alone True", "python threads 1", "child None"], done.stderr


SLOW_CHILD = """
import os, sys, time
import logistics.io.budget_ahead as ahead
import logistics.io.package_budget as budget
real_start = ahead.start
def slow(path, **options):
    time.sleep(600)  # in the child: a scan that would outlast the test
    return frozenset()
budget.check_budget = slow
def start(path):
    real_start(path)
    print(ahead.pending(), flush=True)
ahead.start = start
from logistics.entry import main
sys.argv = ["logistics", *sys.argv[1:]]
main()
"""


@pytest.mark.skipif(sys.platform == "win32", reason="sends SIGINT")
def test_ctrl_c_ends_the_child_too(tmp_path: Path) -> None:
    """SIGINT to the command alone (not its process group): it exits 130 and its child,
    still scanning, is killed and reaped."""
    path = build(tmp_path / "school.xlsm")
    command = subprocess.Popen(
        [sys.executable, "-c", SLOW_CHILD, "validate", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert command.stdout is not None
    pid = int(command.stdout.readline())
    try:
        os.kill(pid, 0)  # the child runs
        time.sleep(0.5)
        command.send_signal(signal.SIGINT)
        _, err = command.communicate(timeout=60)  # it does not wait for the child
        assert command.returncode == 130, err
        assert ended(pid), f"the child {pid} still runs"
    finally:  # a failed run leaves nothing either
        for stray in (pid, command.pid):
            with suppress(ProcessLookupError):
                os.kill(stray, signal.SIGKILL)
        command.wait()


CTRL_C_AT_THE_FORK = """
import os, signal, sys, time
import logistics.io.package_budget as budget
budget.check_budget = lambda path: time.sleep(600)  # the child would outlast the test
real_fork = os.fork
def fork():
    os.kill(os.getpid(), signal.SIGINT)  # Ctrl+C as the child is made
    pid = real_fork()
    if pid:
        print(pid, flush=True)
    return pid
os.fork = fork
from logistics.entry import main
sys.argv = ["logistics", *sys.argv[1:]]
main()
"""


@pytest.mark.skipif(sys.platform == "win32", reason="sends SIGINT")
def test_ctrl_c_at_the_fork_leaves_no_child(tmp_path: Path) -> None:
    """The signal waits until the child has no handler and the parent knows the child: the
    command exits 130 with one line, and the child is ended."""
    path = build(tmp_path / "school.xlsm")
    command = [sys.executable, "-c", CTRL_C_AT_THE_FORK, "validate", str(path)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 130, done.stderr
    assert done.stderr.strip().splitlines() == [interrupt.MESSAGE]
    pid = int(done.stdout)
    try:
        assert ended(pid), f"the child {pid} still runs"
    finally:
        with suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


TAKEN = """
import sys
import logistics.io.budget_ahead as ahead
real_take = ahead.take
def take(path):
    outcome = real_take(path)
    print("taken from the child:", outcome is not None, file=sys.stderr, flush=True)
    return outcome
ahead.take = take
from logistics.entry import main
sys.argv = ["logistics", *sys.argv[1:]]
main()
"""


@pytest.mark.parametrize(
    "args",
    [
        ["score", "{book}", "--month", "2025-03"],
        ["explain", "{book}", "--staff", "S1", "--month", "2025-03"],
        ["report", "{book}", "monthly", "--month", "2025-03", "--no-pdf", "--out", "{out}"],
    ],
    ids=["score", "explain", "report"],
)
def test_each_kind_of_command_takes_the_childs_outcome(tmp_path: Path, args: list[str]) -> None:
    """In a process of its own (no numpy threads yet), as the console script runs."""
    book = build(tmp_path / "school.xlsm")
    filled = [a.format(book=book, out=tmp_path / "out") for a in args]
    command = [sys.executable, "-c", TAKEN, *filled]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "taken from the child: True" in done.stderr.splitlines()


FORKS = """
import os, sys
real_fork = os.fork
def fork():
    pid = real_fork()
    if pid:
        print("forked", pid, file=sys.stderr, flush=True)
    return pid
os.fork = fork
from logistics.entry import main
sys.argv = ["logistics", *sys.argv[1:]]
main()
"""


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["score", "{book}", "--month", "2025-03"], 0),  # begun by the console script
        (["score", "--month", "2025-03", "{book}"], 0),  # an option first: by the command
        (["score", "{book}", "--month", "March"], 2),  # begun, never taken: ended at exit
    ],
    ids=["early", "late", "unused"],
)
def test_one_child_scans_and_none_outlives_the_command(
    tmp_path: Path, args: list[str], code: int
) -> None:
    book = build(tmp_path / "school.xlsm")
    command = [sys.executable, "-c", FORKS, *(a.format(book=book) for a in args)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert done.returncode == code, done.stderr
    lines = done.stderr.splitlines()
    forked = [int(line.split()[1]) for line in lines if line.startswith("forked")]
    assert len(forked) == 1  # the command took over the child the console script began
    assert ended(forked[0])
