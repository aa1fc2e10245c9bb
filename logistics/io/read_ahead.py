"""Begin reading a workbook while the command line is still importing its jobs.

A command's first ~0.35 s go to importing pandas and the jobs, on one core. ``ahead(path)``
forks the budget scan (``budget_ahead``) and then starts a thread that checks the package,
waits for the scan's verdict and parses the workbook's sheets: python-calamine parses without
holding the interpreter lock, so the parse overlaps the imports. The reader then takes the
parsed sheets instead of parsing them again (``take``), one at a time as the thread hands
them over, the smallest first (``parse_order``): the reader builds (and the jobs check) the
small sheets while the big one is still being parsed.

Nothing is taken that a fresh read would not give: the file must be the same file, unchanged
(size, modification and change times, inode) when the reader takes it and when the thread
is done, and whatever goes wrong in the thread is dropped: the reader then checks and parses
by itself and reports any problem as usual. The thread is not a daemon (a Rust parse must
not be cut off at interpreter exit); a run that ends before the thread does cancels it, and
it stops before its next step.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from python_calamine import CalamineSheet, CalamineWorkbook

from ..core import schema
from ..core.errors import LogisticsError
from . import budget_ahead
from .package import check_package
from .package_budget import check_budget
from .sheet_sizes import smallest_first


class Changed(Exception):
    """The file was changed while the thread parsed it: what it handed over is stale."""


@dataclass
class Parsed:
    """A workbook as the thread opened it: the budget scan's marked parts, the open book and
    its sheet names in tab order; its sheets come one at a time from ``next_sheet``."""

    marked: frozenset[str]
    book: CalamineWorkbook
    names: list[str]
    job: _Job = field(repr=False)

    def next_sheet(self) -> tuple[str, CalamineSheet] | None:
        """(name, parsed sheet) of the next sheet the reader reads (``sheets_read``) as the
        thread hands it over (``parse_order``), waiting for it; None when the thread has
        handed over all it will. Nothing is kept here: the caller lets go of each sheet.

        ``book`` is the thread's until this gives None (calamine refuses a second caller
        while it parses: "Already mutably borrowed"); then what the thread did not hand
        over (it stopped at a sheet that failed to parse) is the caller's to parse. Raises
        ``Changed`` when the file is no longer the one parsed: then read it afresh.
        """
        job = self.job
        with job.turn:
            while not job.handed and not job.done:
                job.turn.wait()
            if job.handed:
                return job.handed.popleft()
        _finish(job)
        if budget_ahead.regular_stamp(job.path) != job.stamp:
            raise Changed
        return None


@dataclass
class _Job:
    path: Path
    stamp: budget_ahead.Stamp
    thread: threading.Thread | None = None
    opened: Parsed | None = None  # the book, once open (then its sheets follow)
    handed: deque[tuple[str, CalamineSheet]] = field(default_factory=deque)
    done: bool = False  # the thread has nothing more to hand over
    taken: bool = False
    refused: LogisticsError | None = None  # the package's or the scan's refusal
    cancelled: threading.Event = field(default_factory=threading.Event)
    turn: threading.Condition = field(default_factory=threading.Condition)

    def post(
        self, opened: Parsed | None = None, sheet: tuple[str, CalamineSheet] | None = None
    ) -> None:
        """Hand over the opened book or a parsed sheet and wake the reader."""
        with self.turn:
            if opened is not None:
                self.opened = opened
            if sheet is not None:
                self.handed.append(sheet)
            self.turn.notify_all()

    def end(self) -> None:
        """The thread is done (all handed over, stopped or failed): wake the reader."""
        with self.turn:
            self.done = True
            self.turn.notify_all()


_jobs: dict[Path, _Job] = {}  # by absolute path, from ``start`` until the thread is done


def sheets_read(names: Sequence[str]) -> dict[str, schema.Sheet | None]:
    """{name: schema sheet, None for Home} of the sheets among ``names`` (tab order) that the
    reader reads, in that order: every Home sheet (the last one counts) and the first sheet
    of each schema sheet (a second, 人员 beside Staff, is not read)."""
    found: dict[str, schema.Sheet | None] = {}
    keys: set[str] = set()
    for name in names:
        if name in (schema.HOME[1], schema.HOME[2]):
            found[name] = None
        elif (sheet := schema.sheet_by_label(name)) is not None and sheet.key not in keys:
            keys.add(sheet.key)
            found[name] = sheet
    return found


def parse_order(path: Path, wanted: dict[str, schema.Sheet | None]) -> list[str]:
    """The names of ``wanted`` in the order the thread parses them: first the sheets the
    jobs check (and Home), smallest first, so that the reader has them to build and check
    soonest while the biggest is parsed; then the tool's own output sheets (smallest first):
    the reader only builds their frame, quick next to their parse, so they are parsed while
    it builds and checks the biggest input sheet rather than before it."""
    order = smallest_first(path, list(wanted))
    owned = {name for name, sheet in wanted.items() if sheet is not None and sheet.owned}
    return [n for n in order if n not in owned] + [n for n in order if n in owned]


def _parse(path: Path, job: _Job) -> None:
    try:
        check_package(path)
        marked = budget_ahead.take(path)  # the forked scan's outcome, before calamine allocates
        if marked is None:
            if job.cancelled.is_set():
                return
            marked = check_budget(path)
        book = CalamineWorkbook.from_path(str(path))
        names = list(book.sheet_names)
        order = parse_order(path, sheets_read(names))
        job.post(opened=Parsed(marked, book, names, job))
        for name in order:
            if job.cancelled.is_set():
                return
            job.post(sheet=(name, book.get_sheet_by_name(name)))
    except LogisticsError as exc:  # unsafe or not a workbook: the same file gives the same
        job.refused = exc
    except Exception:  # the reader reads by itself and says it in the user's words
        return
    finally:
        job.end()


def _finish(job: _Job) -> None:
    """Wait for the thread of ``job`` and forget it (it has nothing left to cancel)."""
    if job.thread is not None:
        job.thread.join()
    if _jobs.get(job.path) is job:
        del _jobs[job.path]


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
    if (path in _jobs and not _jobs[path].taken) or stamp is None:
        return
    job = _Job(path, stamp)
    job.thread = threading.Thread(target=_parse, args=(path, job), name="read-ahead")
    _jobs[path] = job
    job.thread.start()


def take(path: Path) -> Parsed | None:
    """The workbook the thread opened at ``path`` if the file is still the one it opened,
    else None (then the caller reads it whole); raises the refusal the thread met
    (``UnsafeWorkbook``, ``NotAWorkbook`` …) for that same file. Waits until the book is
    open (its sheets follow: ``Parsed.next_sheet``); each start is taken once."""
    job = _jobs.get(Path(path).absolute())
    if job is None or job.thread is None or job.taken:
        return None
    job.taken = True
    with job.turn:
        while job.opened is None and not job.done:
            job.turn.wait()
    same = budget_ahead.regular_stamp(path) == job.stamp
    if job.opened is None or not same:
        job.cancelled.set()  # nothing of it is used
        _finish(job)
        if same and job.refused is not None:
            raise job.refused
        return None
    return job.opened
