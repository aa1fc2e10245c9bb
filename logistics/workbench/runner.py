"""Buttons run in background threads, one workbook at a time, with progress the page polls.

Each click becomes a ``Job``. Jobs on the same workbook take that workbook's lock in turn:
two tabs (or two people) clicking at once run one after the other, and each job reads the
file the previous one wrote, so no update is lost. Jobs on different workbooks run side by
side. The page asks for a job's state with ``wait``, which returns as soon as something
changed (a long poll): the page learns of the end at once, without fast polling.
"""

from __future__ import annotations

import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .actions import Outcome

KEEP_JOBS = 200  # finished jobs remembered for the page; the oldest are forgotten

Work = Callable[[Callable[[str, int, int], None]], Outcome]  # (progress) -> outcome


@dataclass
class Job:
    id: str
    workbook: str  # file name
    function: str  # the button
    state: str = "queued"  # queued, running, done, failed
    stage: str = "queued"  # a word key of the page (reading, rendering …)
    done: int = 0
    total: int = 0
    outcome: Outcome | None = None
    version: int = 0  # bumped on every change, for the long poll
    finished: bool = field(default=False)


class Runner:
    """Starts jobs, keeps their state, serializes them per workbook."""

    def __init__(self) -> None:
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._locks: dict[Path, threading.Lock] = {}
        self._changed = threading.Condition()

    def workbook_lock(self, path: Path) -> threading.Lock:
        with self._changed:
            return self._locks.setdefault(path.resolve(), threading.Lock())

    def submit(self, path: Path, function: str, work: Work) -> Job:
        """Queue ``work`` on the workbook at ``path`` and return its job at once."""
        job = Job(secrets.token_urlsafe(9), path.name, function)
        with self._changed:
            self._jobs[job.id] = job
            while len(self._jobs) > KEEP_JOBS:
                self._jobs.popitem(last=False)
        thread = threading.Thread(
            target=self._work, args=(job, path, work), name=f"job-{function}", daemon=True
        )
        thread.start()
        return job

    def _work(self, job: Job, path: Path, work: Work) -> None:
        def progress(stage: str, done: int, total: int) -> None:
            self._update(job, stage=stage, done=done, total=total)

        with self.workbook_lock(path):
            self._update(job, state="running", stage="running")
            result = work(progress)  # never raises (actions.run_button catches all)
        self._update(job, state="done" if result.ok else "failed", outcome=result, finished=True)

    def _update(self, job: Job, **changes: object) -> None:
        with self._changed:
            for key, value in changes.items():
                setattr(job, key, value)
            job.version += 1
            self._changed.notify_all()

    def get(self, job_id: str) -> Job | None:
        with self._changed:
            return self._jobs.get(job_id)

    def wait(self, job_id: str, seen: int, timeout: float) -> Job | None:
        """The job once its version differs from ``seen`` or ``timeout`` seconds passed."""
        with self._changed:
            job = self._jobs.get(job_id)
            if job is None:
                return None
            self._changed.wait_for(lambda: job.version != seen or job.finished, timeout)
            return job

    def join(self, job_id: str, timeout: float = 600.0) -> Job | None:
        """Wait for the job to finish (tests and the benchmark)."""
        with self._changed:
            job = self._jobs.get(job_id)
            if job is not None:
                self._changed.wait_for(lambda: job.finished, timeout)
            return job
