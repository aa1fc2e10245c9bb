"""Write result rows into the owned sheets of a workbook file, and nothing else.

A macro workbook holds VBA, buttons, charts, tables and styles that no Python library
round-trips faithfully (openpyxl drops buttons and chart details). So the file is patched as
a zip package: for each owned sheet only the ``<sheetData>`` of its worksheet part is
replaced (row 1, the header, kept verbatim; results from row 2 on), plus its ``<dimension>``
and ``<autoFilter>`` extents; every other part is copied unchanged, in the same order, with
the same names, compression and zip metadata. Text is written as inline strings, so a
value such as ``=1+1`` stays text and can never become a formula.

Given the expected header labels (``headers``), a workbook made by another tool is repaired
as well: a missing owned sheet is added as a new worksheet part (registered in
``[Content_Types].xml``, the workbook's rels and ``<sheets>``, and docProps/app.xml when its
lists are the usual ones), and a first row that is not exactly the labels is replaced.

Safe save: temp file in the same folder, re-read and verified, fsynced; the original must be
unchanged since we started (or since ``unchanged_since``); a timestamped backup goes to
``.logistics-backups/`` beside the workbook; then ``os.replace``. Any failure leaves the
original untouched.

Locking: the writer refuses a workbook that is open in Excel or LibreOffice (checked at the
start and again just before the swap). It does not take ``locks.tool_lock``: the caller
holds that around read + compute + write, so no other run can slip in between.

This module holds the call and the safe-save sequence; the steps live in :mod:`.zip_patch`
(the patched copy), :mod:`.sheet_plan`, :mod:`.sheet_xml` and :mod:`.header_row` (each owned
sheet), :mod:`.new_sheets` (a sheet the workbook lacks) and :mod:`.safe_save`.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

from words import both

from .. import interrupt
from .cell_xml import CellGrid
from .locks import ensure_not_open
from .new_sheets import check_sheet_name
from .package import check_package
from .safe_save import (
    BACKUP_DIR,
    fsync_dir,
    make_backup,
    new_temp,
    prune_backups,
    remove_orphan_temps,
    verify_patched,
)
from .write_errors import DAMAGED, SheetMissing, WorkbookChanged, WriteFailed
from .zip_patch import patch_package

__all__ = [
    "BACKUP_DIR",
    "HEADER_ROWS",
    "CellGrid",
    "FileStamp",
    "SheetMissing",
    "WorkbookChanged",
    "WriteFailed",
    "file_stamp",
    "write_owned_sheets",
]

HEADER_ROWS = 1


class FileStamp(NamedTuple):
    mtime_ns: int
    size: int
    inode: int  # an editor that saves by rename gives the file a new inode
    ctime_ns: int  # a program can set the mtime back after rewriting in place, not this


def file_stamp(path: Path) -> FileStamp:
    """What ``write_owned_sheets(unchanged_since=...)`` compares to detect a changed workbook."""
    st = os.stat(path)
    return FileStamp(st.st_mtime_ns, st.st_size, st.st_ino, st.st_ctime_ns)


def write_owned_sheets(
    path: Path,
    sheets: Mapping[str, CellGrid],
    *,
    header_rows: int = HEADER_ROWS,
    headers: Mapping[str, Sequence[str]] | None = None,
    keep_backups: int = 10,
    unchanged_since: FileStamp | None = None,
) -> Path | None:
    """Replace the rows below the header of each named sheet; return the backup's path.

    ``sheets`` maps sheet names as shown in Excel (e.g. "考评") to rows written below the
    first ``header_rows`` rows, which are kept verbatim (0 for a sheet without a header).
    ``headers`` maps sheet names to their expected header labels (needs ``header_rows=1``):
    such a sheet is added when the workbook lacks it (else ``SheetMissing``), and its row 1
    is rewritten with the labels unless its cell texts are exactly those labels.
    ``keep_backups`` newest backups per workbook are kept; 0 makes none (and returns None).
    ``unchanged_since``: the workbook's ``file_stamp`` when the caller read it; the write is
    refused with ``WorkbookChanged`` if the file differs from it (default: from this call's start).
    """
    if keep_backups < 0:
        raise ValueError("keep_backups must be >= 0")
    labels = _header_labels(sheets, headers, header_rows)
    path = Path(path)
    check_package(path)
    target = Path(os.path.realpath(path))  # write through a symlink, never replace it
    _ensure_closed(path, target)
    if not sheets:
        return None
    stamp = file_stamp(target)
    if unchanged_since is not None:
        _ensure_unchanged(target, unchanged_since, path.name)
    _ensure_writable(path, target)
    backup = _patch_and_replace(path, target, sheets, header_rows, labels, stamp, keep_backups)
    fsync_dir(target.parent)
    if keep_backups:
        prune_backups(target, keep_backups)
    return backup


def _header_labels(
    sheets: Mapping[str, CellGrid], headers: Mapping[str, Sequence[str]] | None, header_rows: int
) -> dict[str, tuple[str, ...]]:
    """{sheet name: its header labels} for the sheets written; ValueError unless the labels
    are row 1, or a name is one Excel refuses as a sheet name."""
    labels = {name: tuple(texts) for name, texts in (headers or {}).items() if name in sheets}
    if labels and header_rows != 1:
        raise ValueError("headers need header_rows=1: the labels are row 1")
    for name in labels:
        check_sheet_name(name)
    return labels


def _ensure_writable(path: Path, target: Path) -> None:
    """WriteFailed when the workbook or its folder is read-only (no temp file can replace it)."""
    if not os.access(target, os.W_OK) or not os.access(target.parent, os.W_OK):
        raise WriteFailed(
            name=path.name,
            reason=both("file_folder_read_only"),
        )


def _patch_and_replace(
    path: Path,
    target: Path,
    sheets: Mapping[str, CellGrid],
    header_rows: int,
    labels: dict[str, tuple[str, ...]],
    stamp: FileStamp,
    keep_backups: int,
) -> Path | None:
    """Write the patched package to a temp file beside ``target``, verify it, back the
    workbook up (when ``keep_backups``) and move the temp file over it; return the backup.

    Refused (WorkbookOpen, WorkbookChanged) when the workbook was opened or changed meanwhile;
    OS errors and a damaged package become WriteFailed. On any failure the workbook is
    untouched and neither the temp file nor the new backup is left behind."""
    remove_orphan_temps(target)
    fd, tmp = new_temp(target)
    backup: Path | None = None
    try:
        with os.fdopen(fd, "w+b") as out:
            patched = patch_package(target, out, sheets, header_rows, labels)
            out.flush()
            os.fsync(out.fileno())
        verify_patched(target, tmp, patched)
        _ensure_closed(path, target)  # someone may have opened it while we worked
        _ensure_unchanged(target, stamp, path.name)
        if keep_backups:
            backup = make_backup(target)
            _ensure_unchanged(target, stamp, path.name)  # again: the copy took a moment
        shutil.copymode(target, tmp)
        interrupt.check()  # a Ctrl+C whose exception was lost: the workbook stays as it was
        os.replace(tmp, target)
    except BaseException as exc:
        for leftover in (tmp, backup):  # the original is untouched: a new backup is a duplicate
            if leftover is not None:
                with contextlib.suppress(OSError):
                    leftover.unlink()
        if isinstance(exc, OSError):
            raise WriteFailed(
                name=path.name,
                reason=both("file_system_error", exc=exc.strerror or exc),
            ) from exc
        if isinstance(exc, DAMAGED):
            raise WriteFailed(
                name=path.name,
                reason=both("workbook_damaged_inside", name=type(exc).__name__, exc=exc),
            ) from exc
        raise
    return backup


def _ensure_closed(path: Path, target: Path) -> None:
    ensure_not_open(path)
    if target != path.absolute():
        ensure_not_open(target)


def _ensure_unchanged(target: Path, stamp: FileStamp, name: str) -> None:
    if file_stamp(target) != stamp:
        raise WorkbookChanged(name=name)
