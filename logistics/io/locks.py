"""Whether a workbook is open in Excel, WPS or LibreOffice, and our own lock between CLI runs.

Saving into a workbook that someone has open loses work on one side: they save over our
results, or we replace the file under them. Office apps leave an owner file beside the
workbook while it is open:

- Excel, and WPS on Windows: ``~$<name>`` (hidden, ~165 bytes). Byte 0 = length n of the
  user's display name, bytes 1..n = the name in the machine's ANSI code page padded with
  spaces to byte 54, then the length again as 16-bit little-endian at byte 54 and the name in
  UTF-16LE from byte 56. On Windows Excel also holds the file with a deny-write share mode.
- WPS on Linux: ``.~<name>`` (the same layout as far as it can be read; else no name).
- LibreOffice: ``.~lock.<name>#`` holding the CSV fields OOOUSERNAME (the name set in
  LibreOffice), SYSUSERNAME (the login), LOCALHOST, LOCKTIME, USERURL (UTF-8, ``;`` at the end).

All are left behind when the app crashes, so messages always name the lock file: the user
deletes it when nobody really has the workbook open. ``lock_owner`` tells who has a workbook
open without writing anything (for the workbench's status line).

Our own lock between runs lives in :mod:`.tool_lock`; its names are re-exported here.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from words import Both, both, word

from ..core.errors import LogisticsError
from ..core.safe_text import terminal_text
from .tool_lock import (
    FolderReadOnly,
    WorkbookBusy,
    WorkbookBusyUnknown,
    busy_status,
    tool_lock,
    tool_lock_file,
)

__all__ = [
    "EXCEL",
    "EXCEL_OR_WPS",
    "LIBREOFFICE",
    "WPS",
    "FolderReadOnly",
    "LockInfo",
    "WorkbookBusy",
    "WorkbookBusyUnknown",
    "WorkbookOpen",
    "WorkbookOpenNoLockFile",
    "WorkbookOpenUnknownOwner",
    "ensure_not_open",
    "excel_lock_file",
    "libreoffice_lock_file",
    "lock_owner",
    "lock_status",
    "open_error",
    "tool_lock",
    "tool_lock_file",
    "wps_lock_file",
]

EXCEL = "Excel"
EXCEL_OR_WPS = "Excel or WPS"  # ``~$name``: Excel, or WPS on Windows, write the same file
WPS = "WPS"
LIBREOFFICE = "LibreOffice"


@dataclass(frozen=True)
class LockInfo:
    """Who has a workbook open, as far as the owner file tells."""

    app: str  # EXCEL, EXCEL_OR_WPS, WPS or LIBREOFFICE
    user: str  # display name; "" when the owner file does not say (empty or garbled)
    lock_file: Path | None  # None: Windows refused write access but left no owner file
    since: dt.datetime | None = None  # when the lock file was written (local time)
    host: str = ""  # LibreOffice records the machine

    def app_label(self, lang: str) -> str:
        return word(lang, "excel_or_wps") if self.app == EXCEL_OR_WPS else self.app


class WorkbookOpen(LogisticsError):
    said = "workbook_open"


class WorkbookOpenUnknownOwner(WorkbookOpen):
    """A lock file that is empty or unreadable: someone may have it open, who is unknown."""

    said = "workbook_open_unknown_owner"


class WorkbookOpenNoLockFile(WorkbookOpen):
    """Windows denies write access (Excel or another program has the file) but no owner file."""

    said = "workbook_open_no_lock_file"


def excel_lock_file(path: Path) -> Path:
    return Path(path).with_name("~$" + Path(path).name)


def wps_lock_file(path: Path) -> Path:
    """WPS Office on Linux; on Windows WPS writes Excel's ``~$`` file."""
    return Path(path).with_name(".~" + Path(path).name)


def libreoffice_lock_file(path: Path) -> Path:
    return Path(path).with_name(".~lock." + Path(path).name + "#")


def lock_owner(path: Path) -> LockInfo | None:
    """Who has the workbook at ``path`` open in Excel, WPS or LibreOffice, or None.

    Reads only the lock files beside it (never writes): safe to call for a status display.
    """
    path = Path(path)
    for app, lock_file, parse in (
        (EXCEL_OR_WPS, excel_lock_file(path), _excel_user),
        (WPS, wps_lock_file(path), _excel_user),
        (LIBREOFFICE, libreoffice_lock_file(path), _libreoffice_user),
    ):
        try:
            if not lock_file.is_file():  # never open a FIFO or a folder of that name
                continue
            with lock_file.open("rb") as f:
                raw = f.read(4096)
            since = dt.datetime.fromtimestamp(lock_file.stat().st_mtime)
        except FileNotFoundError:
            continue
        except OSError:  # exists but unreadable (Excel may hold it exclusively): still a lock
            raw, since = b"", None
        user, host = parse(raw)
        return LockInfo(app=app, user=user, lock_file=lock_file, since=since, host=host)
    if os.name == "nt" and path.is_file():
        try:
            with path.open("r+b"):
                pass
        except PermissionError as exc:
            # ERROR_SHARING_VIOLATION / ERROR_LOCK_VIOLATION: Excel's deny-write handle (a
            # read-only file fails with ERROR_ACCESS_DENIED instead, which is not "open").
            if getattr(exc, "winerror", None) in (32, 33):
                return LockInfo(app=EXCEL_OR_WPS, user="", lock_file=None)
    return None


def open_error(path: Path, info: LockInfo) -> WorkbookOpen:
    """The message for a workbook that ``lock_owner`` found open (SPEC §7)."""
    name = Path(path).name
    app = Both(info.app_label("zh"), info.app_label("en"))
    if info.lock_file is None:
        return WorkbookOpenNoLockFile(name=name, app=app)
    if not info.user:
        return WorkbookOpenUnknownOwner(name=name, app=app, lock_file=str(info.lock_file))
    user = both("user_on_computer", user=info.user, host=info.host) if info.host else info.user
    return WorkbookOpen(
        name=name,
        app=app,
        user=user,
        since=f"{info.since:%Y-%m-%d %H:%M}" if info.since else "?",
        lock_file=str(info.lock_file),
    )


def ensure_not_open(path: Path) -> None:
    """Raise ``WorkbookOpen`` when the workbook is open in Excel, WPS or LibreOffice."""
    info = lock_owner(path)
    if info is not None:
        raise open_error(path, info)


def lock_status(path: Path) -> LogisticsError | None:
    """Why the workbook cannot be written right now, or None; reads only, never writes.

    For a status display (the workbench): an office app has it open (``WorkbookOpen``, whose
    message asks to save and close it there first), or another logistics run is working on it
    (``WorkbookBusy``). ``.message(lang)`` gives the text.
    """
    info = lock_owner(path)
    if info is not None:
        return open_error(path, info)
    return busy_status(path)


def _printable_name(text: str) -> str:
    # Escapes and control characters go (the name reaches a terminal); what is left is shown.
    return terminal_text(text.replace("\x00", ""), keep_newlines=False).strip()


def _excel_user(raw: bytes) -> tuple[str, str]:
    # Prefer the UTF-16LE copy: the ANSI copy is in the machine's code page (cp936 on Chinese
    # Windows), so a Chinese name there reads back as mojibake or '?'.
    if len(raw) >= 58:
        n16 = int.from_bytes(raw[54:56], "little")
        if n16 > 0 and len(raw) >= 56 + 2 * n16:
            try:
                name = _printable_name(raw[56 : 56 + 2 * n16].decode("utf-16-le"))
            except UnicodeDecodeError:
                name = ""
            if name:
                return name, ""
    if raw and 0 < raw[0] < len(raw):
        return _printable_name(raw[1 : 1 + raw[0]].decode("cp1252", "replace")), ""
    return "", ""


def _libreoffice_user(raw: bytes) -> tuple[str, str]:
    """(user, host) from OOOUSERNAME,SYSUSERNAME,LOCALHOST,LOCKTIME,USERURL;"""
    text = raw.decode("utf-8", "replace").strip().rstrip(";")
    fields = _split_escaped(text)
    if len(fields) < 3:  # empty or not LibreOffice's format: who has it is unknown
        return "", ""
    full_name, login, host = (_printable_name(f) for f in fields[:3])
    return (full_name or login), host


def _split_escaped(text: str) -> list[str]:
    """Split on commas; LibreOffice escapes ',' ';' and '\\' inside fields with a backslash."""
    fields, cur, chars = [], [], iter(text)
    for ch in chars:
        if ch == "\\":
            cur.append(next(chars, ""))
        elif ch == ",":
            fields.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    fields.append("".join(cur))
    return fields
