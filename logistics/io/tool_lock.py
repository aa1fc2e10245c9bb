"""Our own lock: two ``logistics`` runs (a scheduled job and a button, say) never write the
same workbook at once.

An O_CREAT|O_EXCL sidecar file works on local disks, NTFS and SMB shares alike, where advisory
locks (flock) are unreliable. It holds the holder's pid, host and start time; a lock left by a
dead process on this host is taken over, a live one or one from another host is refused.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import os
import secrets
import socket
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from ..core.errors import LogisticsError

# A tool lock with unreadable content (a run killed between create and write, or one that is
# writing it right now) counts as stale only once it is this old.
_UNREADABLE_LOCK_GRACE_S = 30.0


class WorkbookBusy(LogisticsError):
    said = "workbook_busy"


class WorkbookBusyUnknown(WorkbookBusy):
    """The tool's lock file is there but empty or garbled: who holds it is unknown."""

    said = "workbook_busy_unknown"


class FolderReadOnly(LogisticsError):
    """The workbook's folder refuses new files: no lock, temp file or backup can be made."""

    said = "folder_read_only"


def tool_lock_file(path: Path) -> Path:
    return Path(path).with_name("." + Path(path).name + ".logistics-lock")


def busy_status(path: Path) -> WorkbookBusy | None:
    """``WorkbookBusy`` when another live run holds the lock on ``path``; reads only."""
    lock = tool_lock_file(path)
    try:
        if not lock.is_file():
            return None
        seen = lock.read_bytes()
        age = time.time() - lock.stat().st_mtime
    except OSError:
        return None
    holder = _parse_holder(seen)
    return None if _is_stale(holder, age) else _busy(lock, Path(path).name, holder, age)


# ---- our own lock ---------------------------------------------------------------------


@contextlib.contextmanager
def tool_lock(path: Path) -> Iterator[Path]:
    """Hold the exclusive ``logistics`` lock on the workbook at ``path``; yields the lock file.

    A lock left by a dead process on this host is taken over; a live one, or one from another
    host (whose processes we cannot see), raises ``WorkbookBusy``. A folder that refuses the
    lock file (read-only share, medium or permissions) raises ``FolderReadOnly``.
    """
    lock = tool_lock_file(path)
    token = secrets.token_hex(8)
    content = json.dumps(
        {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "started": dt.datetime.now().isoformat(timespec="seconds"),
            "token": token,
        }
    ).encode()
    _acquire(lock, content, Path(path).name)
    try:
        yield lock
    finally:
        # Remove only our own lock: never one that another run holds.
        with contextlib.suppress(OSError):
            if lock.read_bytes() == content:
                lock.unlink()


def _acquire(lock: Path, content: bytes, name: str) -> None:
    for _ in range(5):  # retries only when racing another run over a stale lock
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            pass
        except OSError as exc:
            if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
                raise FolderReadOnly(
                    name=name, folder=str(lock.parent), error=exc.strerror or exc
                ) from exc
            raise
        else:
            try:
                try:
                    os.write(fd, content)
                    os.fsync(fd)
                finally:
                    os.close(fd)
            except BaseException:
                with contextlib.suppress(OSError):
                    lock.unlink()  # an empty lock would block others until it looks stale
                raise
            return
        try:
            seen = lock.read_bytes()
            age = time.time() - lock.stat().st_mtime
        except FileNotFoundError:
            continue  # released meanwhile: try again
        holder = _parse_holder(seen)
        if not _is_stale(holder, age):
            raise _busy(lock, name, holder, age)
        _remove_stale(lock, seen)
    raise _busy(lock, name, _parse_holder(b""), 0.0)


def _parse_holder(raw: bytes) -> dict[str, object]:
    try:
        holder = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        return {}
    return holder if isinstance(holder, dict) else {}


def _is_stale(holder: dict[str, object], age: float) -> bool:
    pid, host = holder.get("pid"), holder.get("host")
    if not isinstance(pid, int) or not isinstance(host, str):
        return age > _UNREADABLE_LOCK_GRACE_S
    if host.casefold() != socket.gethostname().casefold():
        return False  # cannot see another machine's processes
    return not _pid_alive(pid)


def _remove_stale(lock: Path, seen: bytes) -> None:
    """Move the stale lock aside atomically, so two runs taking it over cannot both win.

    Only one rename of the file succeeds. If what we moved is no longer the stale lock we
    judged (another run took it over in between and wrote its own), put it back.
    """
    grave = lock.with_name(f"{lock.name}.stale-{os.getpid()}-{secrets.token_hex(4)}")
    try:
        os.rename(lock, grave)
    except FileNotFoundError:
        return
    try:
        if grave.read_bytes() != seen:
            os.rename(grave, lock)
            return
    except OSError:
        return
    with contextlib.suppress(OSError):
        grave.unlink()


def _busy(lock: Path, name: str, holder: dict[str, object], age: float) -> WorkbookBusy:
    started = holder.get("started")
    if not isinstance(started, str):
        started = (dt.datetime.now() - dt.timedelta(seconds=age)).isoformat(timespec="seconds")
    if not isinstance(holder.get("pid"), int) or not isinstance(holder.get("host"), str):
        return WorkbookBusyUnknown(name=name, since=started.replace("T", " "), lock_file=str(lock))
    return WorkbookBusy(
        name=name,
        pid=holder.get("pid", "?"),
        host=holder.get("host", "?"),
        since=started.replace("T", " "),
        lock_file=str(lock),
    )


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":
        import ctypes

        # os.kill(pid, 0) would terminate the process on Windows: ask the kernel instead.
        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return bool(kernel32.GetLastError() == 5)  # ERROR_ACCESS_DENIED: exists
        try:
            code = ctypes.c_ulong()
            kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by another user
        return True
    return True
