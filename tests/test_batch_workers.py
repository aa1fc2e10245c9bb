"""A folder run's pool workers and Ctrl+C (logistics/batch.py): a worker waiting for its next
workbook only remembers Ctrl+C. A terminal sends Ctrl+C to every process of the command;
raised in a worker waiting inside the pool's queue, it ended that worker holding the queue's
lock, and the other worker and the command then waited for ever."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from logistics import batch, interrupt

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="sends SIGINT")


def _came_and_pid() -> tuple[bool, int]:
    return interrupt.came(), os.getpid()


def test_an_idle_worker_survives_ctrl_c_and_remembers_it() -> None:
    pool = batch.worker_pool(2)
    try:
        with batch._ctrl_c_held_back():
            futures = [pool.submit(_came_and_pid) for _ in range(4)]
        assert all(not f.result(timeout=60)[0] for f in futures)
        workers = list(pool._processes)  # both forked by the first submits
        assert len(workers) == 2
        for pid in workers:
            os.kill(pid, signal.SIGINT)  # as a terminal's Ctrl+C reaches every process
        time.sleep(0.3)
        answers = [pool.submit(_came_and_pid).result(timeout=60) for _ in range(6)]
        assert {pid for _, pid in answers} <= set(workers)  # the same workers, alive
        assert all(came for came, _ in answers)  # each remembers it: a new workbook stops
    finally:
        pool.shutdown(wait=True, cancel_futures=True)  # returns: nothing waits on a lock


def _wait_for_ctrl_c() -> str:
    interrupt.check()
    time.sleep(30)  # Ctrl+C comes meanwhile
    return "finished"


def test_ctrl_c_still_stops_the_workbook_under_way(monkeypatch: pytest.MonkeyPatch) -> None:
    """``in_worker`` runs ``run_one`` with Ctrl+C raised, as a run on one workbook does."""
    monkeypatch.setattr(batch, "run_one", lambda path, task: _wait_for_ctrl_c())
    pool = batch.worker_pool(1)
    try:
        with batch._ctrl_c_held_back():
            future = pool.submit(batch.in_worker, None, None)
        while not pool._processes:
            time.sleep(0.01)
        time.sleep(0.5)  # the worker is inside run_one
        for pid in pool._processes:
            os.kill(pid, signal.SIGINT)
        with pytest.raises(interrupt.Interrupted):
            future.result(timeout=20)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


HELD = """
import os, signal
from logistics import interrupt
interrupt.install()
with interrupt.held():
    os.kill(os.getpid(), signal.SIGINT)  # remembered, not raised: the wait goes on
    print("went on", interrupt.came())
try:
    os.kill(os.getpid(), signal.SIGINT)
    signal.pause()
except interrupt.Interrupted:
    print("raised after")
"""


def test_held_remembers_ctrl_c_and_raises_it_again_after() -> None:
    """The folder run's pool shutdown is held: a second Ctrl+C cut it short, and at exit
    Python closed the pool's queue before the workers were told to stop."""
    done = subprocess.run([sys.executable, "-c", HELD], capture_output=True, text=True, timeout=60)
    assert done.stdout.splitlines() == ["went on True", "raised after"], done.stderr
