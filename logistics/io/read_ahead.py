"""Begin reading a workbook while the command line is still importing its jobs.

A command's first ~0.35 s go to importing pandas and the jobs, on one core. ``ahead(path)``
forks the budget scan (``budget_ahead``) and then starts a thread that checks the package,
waits for the scan's verdict and parses the workbook's sheets: python-calamine parses without
holding the interpreter lock, so the parse overlaps the imports. The reader then takes the
parsed sheets instead of parsing them again (``take``).

Nothing is taken that a fresh read would not give: the file must be the same file, unchanged
(size, modification and change times, inode), and whatever goes wrong in the thread is
dropped: the reader then checks and parses by itself and reports any problem as usual. The
thread is not a daemon (a Rust parse must not be cut off at interpreter exit); a run that
ends without taking it cancels it, and it stops before its next step.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from python_calamine import CalamineSheet, CalamineWorkbook

from ..core import schema
from ..core.errors import LogisticsError
from . import budget_ahead
from .package import check_package
from .package_budget import check_budget


@dataclass
class Parsed:
    """A workbook as the thread left it: the budget scan's marked parts, the open book, and
    every sheet the reader reads, parsed (by name as in the workbook)."""

    marked: frozenset[str]
    book: CalamineWorkbook
    sheets: dict[str, CalamineSheet]


@dataclass
class _Job:
    stamp: budget_ahead.Stamp
    parsed: Parsed | None = None
    thread: threading.Thread | None = None
    refused: LogisticsError | None = None  # the package's or the scan's refusal
    cancelled: threading.Event = field(default_factory=threading.Event)


_jobs: dict[Path, _Job] = {}


def is_read(name: str) -> bool:
    """Whether the reader reads sheet ``name``: Home and the sheets of the schema."""
    return name in (schema.HOME[1], schema.HOME[2]) or schema.sheet_by_label(name) is not None


def _parse(path: Path, job: _Job) -> None:
    try:
        check_package(path)
        marked = budget_ahead.take(path)  # the forked scan's outcome, before calamine allocates
        if marked is None:
            if job.cancelled.is_set():
                return
            marked = check_budget(path)
        book = CalamineWorkbook.from_path(str(path))
        sheets = {}
        for name in book.sheet_names:
            if job.cancelled.is_set():
                return
            if is_read(name):
                sheets[name] = book.get_sheet_by_name(name)
    except LogisticsError as exc:  # unsafe or not a workbook: the same file gives the same
        job.refused = exc
        return
    except Exception:  # the reader reads by itself and says it in the user's words
        return
    job.parsed = Parsed(marked, book, sheets)


@contextmanager
def ahead(path: Path) -> Iterator[None]:
    """Scan and parse ``path`` ahead for the run inside (the scan's fork first: a process
    with a thread must not fork). When the run ends, what it did not take is stopped: the
    scanning child is ended and the thread stops before its next step (waited for)."""
    try:
        budget_ahead.start(path)  # a Ctrl+C held during the fork comes here
        start(path)
        yield
    finally:
        job = _jobs.pop(Path(path).absolute(), None)
        if job is not None:
            job.cancelled.set()
        budget_ahead.discard()  # ends a child the thread may still be waiting for
        if job is not None and job.thread is not None:
            job.thread.join()


def start(path: Path) -> None:
    """Begin on the workbook at ``path``, once; a path that is not a file is left alone."""
    path = Path(path).absolute()
    stamp = budget_ahead.regular_stamp(path)  # None: not a regular file
    if path in _jobs or stamp is None:
        return
    job = _Job(stamp)
    job.thread = threading.Thread(target=_parse, args=(path, job), name="read-ahead")
    _jobs[path] = job
    job.thread.start()


def take(path: Path) -> Parsed | None:
    """What the thread parsed of ``path`` if the file is still the one it parsed, else None
    (then the caller reads it whole); raises the refusal the thread met (``UnsafeWorkbook``,
    ``NotAWorkbook`` …) for that same file. Waits for the thread; each result is taken once."""
    job = _jobs.pop(Path(path).absolute(), None)
    if job is None or job.thread is None:
        return None
    job.thread.join()
    if budget_ahead.regular_stamp(path) != job.stamp:
        return None
    if job.refused is not None:
        raise job.refused
    return job.parsed
