"""One job over every workbook of a folder, in one command: ``logistics validate DIR``,
``logistics score DIR --all``, ``logistics rank DIR --year Y`` (SPEC §6).

A district or a group of schools keeps one workbook per school in a folder. Starting the
command line once per workbook would pay the interpreter and the imports every time; here
the jobs are imported once per worker process, and the workers (one per core) take
workbook after workbook. A workbook that cannot be opened or read is one row of the
results, never the end of the run; each is written exactly as a run on it alone writes it.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
from collections.abc import Callable, Generator, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from words import LANGS, word

from . import interrupt, jobs
from .core import schema
from .core.errors import LogisticsError
from .core.periods import Month
from .io.file_book import FileBook
from .io.workbook_parts import sheet_names

WORKBOOK_SUFFIXES = (".xlsm", ".xlsx")
DONE, ERRORS, REFUSED = 0, 1, 2  # the command line's exit codes


def workbooks_in(folder: Path) -> list[Path]:
    """The workbook files directly in ``folder``, by name.

    Lock files of Excel, WPS and LibreOffice (``~$…``, ``.~…``, ``.~lock…#``), hidden
    files and the tool's own temp files are not workbooks; sub-folders (backups among them)
    are not searched.
    """
    found = []
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        name = path.name
        if name.startswith(("~$", ".", "~")) or path.suffix.lower() not in WORKBOOK_SUFFIXES:
            continue
        if path.is_file():
            found.append(path)
    return found


@dataclass(frozen=True)
class Task:
    """What to run on each workbook: ``kind`` is validate, score or rank."""

    kind: str
    as_of: dt.date | None = None
    months: tuple[Month, ...] | None = None  # score: None = every recorded month (--all)
    year: int | None = None  # rank


@dataclass(frozen=True)
class Outcome:
    """One workbook's result, small enough to cross from a worker process."""

    path: Path
    code: int  # DONE, ERRORS (validation errors: nothing but Validation written) or REFUSED
    lang: str = "zh"
    school: str = ""
    errors: int = 0
    warnings: int = 0
    months: int = 0  # score: months scored
    people: int = 0  # score, rank: distinct staff in the results
    excellent: int = 0  # score, rank: 优秀 grades given
    message: dict[str, str] = field(default_factory=dict)  # lang -> why it stopped
    written: tuple[str, ...] = ()  # sheet keys
    unwritten: bool = False  # a read-only folder: the results were not written


def _job(task: Task) -> Callable[[FileBook], jobs.JobResult]:
    if task.kind == "validate":
        return lambda book: jobs.validate(book, task.as_of)
    if task.kind == "score":
        months = list(task.months) if task.months is not None else None
        return lambda book: jobs.score(book, months, task.as_of)
    if task.kind == "rank":
        assert task.year is not None
        year = task.year
        return lambda book: jobs.rank(book, year, task.as_of)
    raise ValueError(f"no batch job {task.kind!r}")


def is_logistics_workbook(names: Sequence[str]) -> bool:
    """Whether sheet ``names`` are a logistics workbook's: its Home sheet, or two of its input
    sheets. A folder also holds rosters and budgets; they are not written into."""
    home = {schema.label_key(h) for h in schema.HOME[1:]}
    if any(schema.label_key(n) in home for n in names):
        return True
    inputs = {s.key for n in names if (s := schema.sheet_by_label(n)) is not None and not s.owned}
    return len(inputs) >= 2


def _said(key: str, **fields: object) -> dict[str, str]:
    said: dict[str, str] = {lang: word(lang, key, **fields) for lang in LANGS}
    return said


def run_one(path: Path, task: Task) -> Outcome:
    """Run ``task`` on the workbook at ``path`` as a run on it alone would; never raises for
    what is wrong with the workbook (that is the outcome's ``message``): a spreadsheet that
    is not a logistics workbook is left as it is, and an error of the system (a name too
    long for the disk) or of the program ends this workbook's run, not the folder's."""
    interrupt.check()  # a worker forked after a Ctrl+C begins nothing
    try:
        with FileBook.open(path, writes=task.kind != "validate") as book:
            if not is_logistics_workbook(sheet_names(path)):
                return Outcome(path, REFUSED, message=_said("folder_not_logistics"))
            result = _job(task)(book)
    except LogisticsError as exc:
        message: dict[str, str] = {lang: exc.message(lang) for lang in LANGS}
        return Outcome(path, exc.exit_code, message=message)
    except OSError as exc:
        why = exc.strerror or str(exc)
        return Outcome(path, REFUSED, message=_said("folder_system_error", why=why))
    except Exception as exc:  # a bug: this workbook's row says so, the others still run
        what = f"{type(exc).__name__}: {exc}"
        return Outcome(path, REFUSED, message=_said("folder_internal_error", what=what))
    staff = {x.staff_id for x in result.months} | {x.staff_id for x in result.periods}
    grades = [x.grade for x in result.months] + [x.grade for x in result.periods]
    return Outcome(
        path,
        ERRORS if result.blocked else DONE,
        lang=result.lang,
        school=result.school,
        errors=sum(p.is_error for p in result.problems),
        warnings=sum(not p.is_error for p in result.problems),
        months=len({x.month for x in result.months}),
        people=len(staff),
        excellent=grades.count("excellent"),
        written=tuple(result.written),
        unwritten=bool(book.unwritten),
    )


def run_many(paths: Sequence[Path], task: Task, workers: int) -> Generator[Outcome, None, None]:
    """``run_one`` on every path, ``workers`` at a time (1: in this process), yielding
    outcomes as they finish. Closing the generator (or Ctrl+C) waits for the workbooks under
    way, which finish or stop cleanly, and begins no other."""
    if workers <= 1 or len(paths) <= 1:
        for path in paths:
            yield run_one(path, task)
        return
    waiting = iter(paths)
    pool = worker_pool(workers)
    try:
        # Only ``workers`` at a time are handed to the pool (it would queue more ahead), so
        # that Ctrl+C leaves every workbook not yet begun as it is.
        with _ctrl_c_held_back():  # the first submit forks the workers
            running = {pool.submit(in_worker, path, task) for path in islice(waiting, workers)}
        while running:
            done, running = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                following = next(waiting, None)
                if following is not None:
                    running.add(pool.submit(in_worker, following, task))
                yield future.result()
    finally:  # Ctrl+C, or a caller that stops reading: wait for those under way, begin no more
        # A second Ctrl+C must not cut the shutdown short: at exit, Python then closed the
        # pool's queue before the workers were told to stop, and waited for them for ever.
        with interrupt.held():
            pool.shutdown(wait=True, cancel_futures=True)


def worker_pool(workers: int) -> ProcessPoolExecutor:
    """The pool of ``workers`` processes a folder run hands its workbooks to (``in_worker``);
    a worker waiting for its next workbook only remembers Ctrl+C (``interrupt.hold``)."""
    return ProcessPoolExecutor(max_workers=workers, initializer=_worker_start)


def in_worker(path: Path, task: Task) -> Outcome:
    """``run_one`` in a pool worker: Ctrl+C stops the workbook under way, as in a run on it
    alone, but between workbooks it is only remembered. Raised there, it would end the
    worker inside the pool's queue holding its lock: the other worker would wait for that
    lock for ever, and the command for its workers."""
    interrupt.install()
    try:
        return run_one(path, task)
    finally:
        interrupt.hold()


def _worker_start() -> None:
    interrupt.hold()
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


@contextmanager
def _ctrl_c_held_back() -> Iterator[None]:
    """Ctrl+C waits while workers are forked (a new worker holds it back until
    ``_worker_start`` has made it only remembered); then it comes as usual."""
    if not hasattr(signal, "pthread_sigmask"):  # Windows: workers are spawned, not forked
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def default_workers(count: int) -> int:
    """One worker per core, never more than there are workbooks."""
    return max(1, min(count, os.cpu_count() or 1))
