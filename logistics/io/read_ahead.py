"""Begin reading a workbook while the command line is still importing its jobs.

A command's first ~0.35 s go to importing pandas and the jobs, on one core. python-calamine
parses a sheet without holding the interpreter lock, so a thread can meanwhile check the
package, take the budget scan's verdict and parse the workbook's sheets; the reader then takes
the parsed sheets instead of parsing them again (``take``).

Nothing is taken that a fresh read would not give: the file must be the same file, unchanged
(size, modification time, inode), and whatever goes wrong in the thread is dropped: the reader
then checks and parses by itself and reports any problem as usual. The thread is not a daemon:
a Rust parse must not be cut off at interpreter exit, so a command that stops before reading
waits for it (at most one parse) on its way out.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path

from python_calamine import CalamineSheet, CalamineWorkbook

from ..core import schema
from .package import check_package
from .package_budget import check_budget

Stamp = tuple[int, int, int]  # size, mtime_ns, inode


@dataclass
class Parsed:
    """A workbook as the thread left it: the budget scan's marked parts, the open book, and
    every sheet the reader reads, parsed (by name as in the workbook)."""

    marked: frozenset[str]
    book: CalamineWorkbook
    sheets: dict[str, CalamineSheet]


@dataclass
class _Job:
    stamp: Stamp
    parsed: Parsed | None = None
    thread: threading.Thread | None = None


_jobs: dict[Path, _Job] = {}


def _stamp(path: Path) -> Stamp | None:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_size, found.st_mtime_ns, found.st_ino


def is_read(name: str) -> bool:
    """Whether the reader reads sheet ``name``: Home and the sheets of the schema."""
    return name in (schema.HOME[1], schema.HOME[2]) or schema.sheet_by_label(name) is not None


def _parse(path: Path, job: _Job) -> None:
    try:
        check_package(path)
        marked = check_budget(path)  # before calamine allocates anything
        book = CalamineWorkbook.from_path(str(path))
        sheets = {n: book.get_sheet_by_name(n) for n in book.sheet_names if is_read(n)}
    except Exception:  # the reader finds it again and says it in the user's words
        return
    job.parsed = Parsed(marked, book, sheets)


def start(path: Path) -> None:
    """Begin on the workbook at ``path``, once; a path that is not a file is left alone."""
    path = Path(path).absolute()
    stamp = _stamp(path)
    if path in _jobs or stamp is None or not path.is_file():
        return
    job = _Job(stamp)
    job.thread = threading.Thread(target=_parse, args=(path, job), name="read-ahead")
    _jobs[path] = job
    job.thread.start()


def take(path: Path) -> Parsed | None:
    """What the thread parsed of ``path`` if the file is still the one it parsed, else None
    (then the caller reads it whole). Waits for the thread; each result is taken once."""
    job = _jobs.pop(Path(path).absolute(), None)
    if job is None or job.thread is None:
        return None
    job.thread.join()
    if job.parsed is None or _stamp(path) != job.stamp:
        return None
    return job.parsed
