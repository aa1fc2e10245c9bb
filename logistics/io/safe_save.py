"""The steps of a safe save around the patched copy: a temp file beside the workbook, the copy
re-read and verified, a timestamped backup (the newest few kept), and the folder fsynced
after the swap. Temp files of killed runs are cleaned up."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import tempfile
import time
import zipfile
from pathlib import Path

from defusedxml import ElementTree as DET

from words import both

from ..core.errors import LogisticsError
from .package import check_package
from .write_errors import DAMAGED, WriteFailed
from .zip_patch import UTF8_NAME, Patched, seek_data

BACKUP_DIR = ".logistics-backups"
_TMP_SUFFIX = ".logistics-tmp"
# Temp files and partial backups of killed runs are removed once this old. The caller holds
# the tool lock, so no other logistics run is saving; a save takes seconds, not minutes.
_ORPHAN_TMP_AGE_S = 300


def new_temp(target: Path) -> tuple[int, Path]:
    """A new temp file in ``target``'s folder, named after it: its descriptor and path."""
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=_TMP_SUFFIX, dir=target.parent)
    return fd, Path(name)


class _Sink:
    """Parser target without start/end/data handlers: expat checks well-formedness at C speed."""

    def close(self) -> None:
        return None


def verify_patched(src: Path, tmp: Path, patched: Patched) -> None:
    """Re-read the temp file: same parts in the same order; each changed part inflates to its
    CRC and parses; each copied part is the original's very bytes (``_same_part``)."""

    def failed(detail: str) -> WriteFailed:
        return WriteFailed(
            name=src.name,
            reason=both("new_file_failed_verification", detail=detail),
        )

    try:
        check_package(tmp)
        with zipfile.ZipFile(src) as a, zipfile.ZipFile(tmp) as b:
            kept = [n for n in a.namelist() if n not in patched.dropped]
            if b.namelist() != kept + patched.added:
                raise failed("part names or order")
            changed = set(patched.changed)
            for info in b.infolist():
                if info.filename not in changed:
                    if not _same_part(a, a.getinfo(info.filename), b, info):
                        raise failed(f"copy of {info.filename}")
                    continue
                parser = DET.DefusedXMLParser(target=_Sink())
                parser.parser.DefaultHandlerExpand = None  # no per-token Python callback
                with b.open(info) as part:  # reading to the end checks the CRC
                    while chunk := part.read(1 << 20):
                        parser.feed(chunk)
                parser.close()
    except LogisticsError as exc:
        raise failed(exc.message("en")) from exc
    except DAMAGED as exc:
        raise failed(f"{type(exc).__name__}: {exc}") from exc


def _same_part(
    a: zipfile.ZipFile, old: zipfile.ZipInfo, b: zipfile.ZipFile, new: zipfile.ZipInfo
) -> bool:
    """Whether part ``new`` of ``b`` is part ``old`` of ``a`` copied unchanged: the same
    name, CRC, sizes and compression, and the same compressed bytes. Stricter than inflating
    it to its CRC, and ~10x faster: the log sheet of a large workbook is hundreds of MB
    inflated, tens of MB compressed."""
    fields = ("filename", "CRC", "compress_size", "file_size", "compress_type")
    if any(getattr(old, f) != getattr(new, f) for f in fields):
        return False
    if (old.flag_bits ^ new.flag_bits) & UTF8_NAME:  # the name's bytes read another way
        return False
    src, _ = seek_data(a, old)
    dst, name = seek_data(b, new)
    if name != new.orig_filename:
        return False
    remaining = new.compress_size
    while remaining:
        size = min(remaining, 1 << 20)
        mine = dst.read(size)
        if len(mine) != size or src.read(size) != mine:
            return False
        remaining -= size
    return True


def make_backup(target: Path) -> Path:
    folder = target.parent / BACKUP_DIR
    folder.mkdir(exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    dest = folder / f"{target.stem}.{stamp}{target.suffix}"
    partial = folder / f".{dest.name}.partial"
    try:
        shutil.copyfile(target, partial)
        with partial.open("rb+") as f:
            os.fsync(f.fileno())
        shutil.copystat(target, partial)  # the backup keeps the version's own date
        os.replace(partial, dest)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    return dest


def prune_backups(target: Path, keep: int) -> None:
    pattern = re.compile(
        re.escape(target.stem) + r"\.\d{8}-\d{6}-\d{6}" + re.escape(target.suffix) + "$"
    )
    folder = target.parent / BACKUP_DIR
    backups = sorted(p for p in folder.iterdir() if pattern.match(p.name))  # names sort by time
    for old in backups[:-keep]:
        with contextlib.suppress(OSError):
            old.unlink()


def remove_orphan_temps(target: Path) -> None:
    """Temp files and partial backups of runs killed mid-save (older than a few minutes)."""
    cutoff = time.time() - _ORPHAN_TMP_AGE_S
    _remove_old(target.parent, f".{target.name}.", _TMP_SUFFIX, cutoff)
    _remove_old(target.parent / BACKUP_DIR, f".{target.stem}.", ".partial", cutoff)


def _remove_old(folder: Path, prefix: str, suffix: str, cutoff: float) -> None:
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if entry.name.startswith(prefix) and entry.name.endswith(suffix):
                with contextlib.suppress(OSError):
                    if entry.is_file(follow_symlinks=False) and entry.stat().st_mtime < cutoff:
                        os.unlink(entry.path)


def fsync_dir(folder: Path) -> None:
    """Make the rename durable. Best effort: the new file is already in place."""
    if os.name != "posix":
        return  # Windows cannot open a directory; NTFS journals the rename itself
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
