"""The budget scan of the workbook a command reads, started ahead in a forked child.

A command that reads one workbook spends its first ~0.35 s importing pandas and the jobs,
on one core, before ``read_workbook`` scans the package (``check_budget``: 0.1 s CPU at
100k log rows, 1.1 s at a million). On POSIX the command line calls ``ahead(path)`` first:
a forked child scans on the other core while the parent imports, and sends its outcome
(the marked parts, or the refusal's fields) through a pipe; ``take`` gives it to the reader.

Nothing is trusted that is not whole and fresh: ``take`` answers None, and the reader scans
itself, when no child was started for that path (no ``os.fork``, a thread already running,
not a regular file), when the child failed, died or was killed, when its message is not
exactly what a child writes, or when the file's stamp (device, inode, size, mtime, ctime) is not
the one the child scanned. The child ends with ``os._exit``: no atexit handler, no flush of
the parent's buffered output, no finally of the parent's; it never takes the tool's lock
(it is forked before the lock is taken, and the lock is not inherited by what it runs). A
child is always reaped: by ``take``, or killed and reaped when ``ahead`` ends (an error
before the read, Ctrl+C).
"""

from __future__ import annotations

import atexit
import json
import os
import signal
import stat
import threading
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from words import Both

from .package import UnsafeWorkbook

# st_dev, st_ino, st_size, st_mtime_ns, st_ctime_ns: a program can set a file's mtime back
# after writing it, never its ctime
Stamp = tuple[int, int, int, int, int]


@dataclass(frozen=True)
class _Child:
    pid: int
    fd: int  # the pipe's read end
    path: str  # absolute
    stamp: Stamp
    parent: int  # the pid that forked it: a process forked later owns no child of ours


_child: _Child | None = None  # started, not yet taken
_reading: _Child | None = None  # being read by ``take`` (maybe in the read-ahead thread)
_lock = threading.Lock()  # reaping and killing a child never interleave (no reused pid)
_exit_hook = False  # ``discard`` is registered to run at exit


def regular_stamp(path: str | Path) -> Stamp | None:
    """The file's stamp, or None when it is not a regular file (a FIFO would block)."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    if not stat.S_ISREG(st.st_mode):
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def _one_thread() -> bool:
    """Forking a process with other threads can copy a lock held by one of them."""
    if threading.active_count() != 1:
        return False
    try:
        return len(os.listdir("/proc/self/task")) == 1  # threads of C libraries too (Linux)
    except OSError:
        return True


def start(path: Path) -> None:
    """Fork a child that scans ``path`` (``check_budget``), where fork exists and this
    process runs one thread; else, or for anything but a regular file, do nothing. A child
    already scanning the same file, unchanged, is kept (the console script starts one as
    the process begins: ``logistics.entry``); any other is ended first. A child never taken
    is ended when the process exits."""
    global _child, _exit_hook
    where = os.path.abspath(path)
    stamp = regular_stamp(where)
    child = _child
    same = child is not None and (child.parent, child.path, child.stamp) == (
        os.getpid(),
        where,
        stamp,
    )
    if same:
        return
    discard()
    if not hasattr(os, "fork") or not _one_thread() or stamp is None:
        return
    if not _exit_hook:
        atexit.register(discard)
        _exit_hook = True
    from . import package_budget  # noqa: F401  imported here: the child needs it at once

    read_end, write_end = os.pipe()
    # Ctrl+C waits until each side is ready for it: the child with no handler (it must not
    # run the parent's code), the parent with the child recorded (to end it).
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        return
    if pid == 0:  # the child: never returns
        os.close(read_end)
        _scan_and_exit(where, stamp, write_end, _two_core_scan, mask)
    os.close(write_end)
    _child = _Child(pid, read_end, where, stamp, os.getpid())
    signal.pthread_sigmask(signal.SIG_SETMASK, mask)


def _scan_and_exit(
    where: str,
    stamp: Stamp,
    fd: int,
    check_budget: Callable[[Path], frozenset[str]],
    mask: set[int | signal.Signals],
) -> None:
    code = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl+C ends it at once, silently
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        quiet = os.open(os.devnull, os.O_WRONLY)
        os.dup2(quiet, 1)
        os.dup2(quiet, 2)
        try:
            marked = check_budget(Path(where))
            outcome: dict[str, object] = {"marked": sorted(marked)}
        except UnsafeWorkbook as exc:
            reason = exc.params.get("reason")
            if not isinstance(reason, Both):
                raise
            outcome = {"refused": [reason.zh, reason.en]}
        if regular_stamp(where) == stamp:  # else the file changed while it was read: say nothing
            message = json.dumps({"stamp": list(stamp), **outcome}).encode()
            while message:
                message = message[os.write(fd, message) :]
            code = 0
    except BaseException:  # whatever it was, the parent scans itself
        code = 1
    finally:
        os._exit(code)


# Worksheet XML above which the scan outlasts the command's imports (~0.35 s at ~7 ms a MB),
# so that the command waits for it: only then is a second core worth taking from the imports.
TWO_CORES_ABOVE = 48 << 20


def worksheet_bytes(path: Path) -> int:
    """The worksheet parts' sizes as the zip's directory declares them (nothing inflated)."""
    from .package_budget import WORKSHEET

    with zipfile.ZipFile(path) as z:
        return sum(i.file_size for i in z.infolist() if WORKSHEET.fullmatch(i.filename))


def odd_parts(path: Path) -> bool:
    """Whether a worksheet part of ``path`` holds a tag not in the standard form
    (``sheet_placement.odd_form``), chunk by chunk as ``check_budget`` sees them: with
    ``check_budget(path, odd_forms=False)`` in another process, the two give
    ``check_budget(path)``'s outcome when this is False, on two cores."""
    from .package import MAX_TOTAL_SIZE
    from .package_budget import CHUNK, OVERLAP, WORKSHEET
    from .sheet_placement import odd_form

    total = 0  # a bomb is check_budget's to refuse: past the budget, answer "look"
    with zipfile.ZipFile(path) as z:
        for info in z.infolist():
            if not WORKSHEET.fullmatch(info.filename):
                continue
            tail = b""
            with z.open(info) as part:
                while chunk := part.read(CHUNK):
                    total += len(chunk)
                    if total > MAX_TOTAL_SIZE or odd_form(tail + chunk):
                        return True
                    tail = chunk[-OVERLAP:]
    return False


def _two_core_scan(path: Path) -> frozenset[str]:
    """``check_budget(path)``'s outcome, on two cores for a big workbook (in the child): a
    process of its own looks for tags not in the standard form (``odd_parts``) while this
    one scans without looking (``odd_forms=False``); where it finds one, or fails, the
    whole scan runs here (such a part is then placed exactly)."""
    from .package_budget import check_budget

    if worksheet_bytes(path) <= TWO_CORES_ABOVE:
        return check_budget(path)

    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # never returns
        os.close(read_end)
        code = 1
        try:
            os.write(write_end, b"odd" if odd_parts(path) else b"standard")
            code = 0
        finally:
            os._exit(code)
    os.close(write_end)
    refusal: UnsafeWorkbook | None = None
    try:
        try:
            marked = check_budget(path, odd_forms=False)
        except UnsafeWorkbook as exc:
            marked, refusal = frozenset(), exc
        said = _read_all(read_end)
    finally:
        os.close(read_end)
        with suppress(ChildProcessError):
            os.waitpid(pid, 0)
    if said != b"standard":
        return check_budget(path)
    if refusal is not None:
        raise refusal
    return marked


def take(path: Path) -> frozenset[str] | None:
    """The child's outcome for ``path``: the marked parts, or ``UnsafeWorkbook`` raised as
    ``check_budget`` would raise it; None when there is no whole, fresh outcome (then the
    caller scans). Waits for the child if it is still scanning; ``discard`` from another
    thread ends that wait (None)."""
    global _child, _reading
    with _lock:
        child = _child
        if child is None or child.parent != os.getpid() or child.path != os.path.abspath(path):
            return None
        _child, _reading = None, child
    try:
        data = _read_all(child.fd)
    except OSError:
        data = b""
    finally:
        with _lock:
            _reading = None
            _end(child)
    outcome = _parse(data, child.stamp)
    if outcome is None or regular_stamp(child.path) != child.stamp:
        return None
    if isinstance(outcome, Both):
        raise UnsafeWorkbook(name=Path(path).name, reason=outcome)
    return outcome


def scan(path: Path) -> frozenset[str]:
    """``check_budget``'s outcome for ``path``: the child's (``take``), else scanned now."""
    marked = take(path)
    if marked is not None:
        return marked
    from .package_budget import check_budget

    return check_budget(path)


def _read_all(fd: int) -> bytes:
    parts = []
    while part := os.read(fd, 1 << 16):
        parts.append(part)
    return b"".join(parts)


def _parse(data: bytes, stamp: Stamp) -> frozenset[str] | Both | None:
    """The outcome in a child's message, or None when it is not exactly one."""
    try:
        message = json.loads(data)
    except (ValueError, RecursionError):
        return None
    if not isinstance(message, dict) or message.get("stamp") != list(stamp):
        return None
    texts = message.get("marked", message.get("refused"))
    if not isinstance(texts, list) or not all(isinstance(text, str) for text in texts):
        return None
    if set(message) == {"stamp", "marked"}:
        return frozenset(texts)
    if set(message) == {"stamp", "refused"} and len(texts) == 2:
        return Both(*texts)
    return None


def _end(child: _Child) -> None:
    """Close the pipe, stop the child if it still runs, and reap it (no zombie). Until it
    is reaped its pid is not reused, so the kill reaches no other process; a child that
    has sent its message is ending anyway."""
    with suppress(OSError):
        os.close(child.fd)
    with suppress(OSError):
        os.kill(child.pid, signal.SIGKILL)
    with suppress(OSError):
        os.waitpid(child.pid, 0)


def discard() -> None:
    """End a child whose outcome was not taken, or is being waited for by another thread
    (this process's only)."""
    global _child
    with _lock:
        child, _child = _child, None
        if child is not None and child.parent == os.getpid():
            _end(child)
        reading = _reading
        if reading is not None and reading.parent == os.getpid():
            with suppress(OSError):  # not reaped yet (the lock): its pid is still its own
                os.kill(reading.pid, signal.SIGKILL)  # its reader sees the pipe end


@contextmanager
def ahead(path: Path) -> Iterator[None]:
    """Scan ``path`` ahead (``start``) for the run inside; end the child when it is over."""
    try:
        start(path)  # a Ctrl+C that waited for the fork comes at its end
        yield
    finally:
        discard()


def pending() -> int | None:
    """The pid of the child not yet taken (tests: no child is left behind)."""
    return _child.pid if _child is not None and _child.parent == os.getpid() else None
