"""The workbooks the workbench serves: those directly inside PATH, and nothing else (SPEC §9).

A workbook is named in a URL by its file name alone. ``resolve`` refuses a name with a path
separator, ``..``, a leading dot, a drive or an absolute path, a file that is not .xlsx/.xlsm,
and a symbolic link that leads out of the folder. Documents are served only from the
documents folder beside the workbooks (``后勤文档`` / ``documents``, as the Excel buttons
write them). New and uploaded files get a safe name and never replace an existing file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import secrets
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

from python_calamine import CalamineWorkbook

from reports.filenames import safe_stem

from ..actions import DOCUMENTS_FOLDER
from ..core import schema
from ..core.errors import LogisticsError
from ..core.safe_text import terminal_text
from ..core.settings import SETTING_DEFS
from ..io.locks import LockInfo, lock_owner
from ..io.package import check_package
from ..io.package_budget import check_budget
from ..io.reader import rows_to_raw_sheet

SCHOOL_NAME = next(d for d in SETTING_DEFS if d.key == "school_name")

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
DOCUMENT_SUFFIXES = (".docx", ".pdf")
MAX_UPLOAD_BYTES = 64 * 1024**2  # a million log rows is a 26 MB file (SPEC §7)


class NotServed(Exception):
    """The name does not lead to a workbook or document this workbench serves."""


@dataclass(frozen=True)
class Workspace:
    """PATH as given to ``logistics app``: a folder, or one workbook (then only that one)."""

    root: Path  # the folder; resolved
    only: str | None = None  # the one workbook's name when PATH was a file

    @classmethod
    def of(cls, path: Path) -> Workspace:
        path = path.resolve()
        if path.is_file():
            return cls(path.parent, path.name)
        return cls(path)

    def names(self) -> list[str]:
        """Workbook file names served, sorted; Office's lock and temp files left out."""
        if self.only is not None:
            return [self.only] if (self.root / self.only).is_file() else []
        found = []
        for entry in self.root.iterdir():
            with contextlib.suppress(NotServed):
                self.resolve(entry.name)
                found.append(entry.name)
        return sorted(found)

    def resolve(self, name: str) -> Path:
        """The workbook file ``name`` inside the folder; ``NotServed`` for anything else."""
        path = self._inside(name, WORKBOOK_SUFFIXES)
        if self.only is not None and name != self.only:
            raise NotServed(name)
        return path

    def documents_dir(self, lang: str) -> Path:
        return self.root / DOCUMENTS_FOLDER.get(lang, DOCUMENTS_FOLDER["en"])

    def documents(self) -> list[Path]:
        """Documents in the documents folders, newest first."""
        found: list[Path] = []
        for lang in DOCUMENTS_FOLDER:
            folder = self.documents_dir(lang)
            if folder.is_dir() and not folder.is_symlink():
                for entry in folder.iterdir():
                    with contextlib.suppress(NotServed):
                        found.append(self.document(folder.name, entry.name))
        return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)

    def document(self, folder: str, name: str) -> Path:
        """A .docx or .pdf directly inside a documents folder; ``NotServed`` otherwise."""
        if folder not in DOCUMENTS_FOLDER.values():
            raise NotServed(folder)
        base = self.root / folder
        if base.is_symlink() or not base.is_dir():
            raise NotServed(folder)
        return _inside(base, name, DOCUMENT_SUFFIXES)

    def _inside(self, name: str, suffixes: tuple[str, ...]) -> Path:
        return _inside(self.root, name, suffixes)


def _inside(folder: Path, name: str, suffixes: tuple[str, ...]) -> Path:
    if (
        not name
        or name in (".", "..")
        or name.startswith((".", "~$"))
        or "\x00" in name
        or PurePosixPath(name).name != name
        or PureWindowsPath(name).name != name  # "C:x", "a\\b"
        or not name.lower().endswith(suffixes)
    ):
        raise NotServed(name)
    path = folder / name
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):
        raise NotServed(name) from None
    if real.parent != folder.resolve() or not real.is_file():
        raise NotServed(name)  # a symbolic link out of the folder, or a folder
    return path


@dataclass(frozen=True)
class Listing:
    """One row of the choose-a-workbook page."""

    name: str
    school: str
    changed: dt.datetime
    lock: LockInfo | None
    problem: str  # why it cannot be read, in the page's language; "" when readable


def listing(path: Path, lang: str) -> Listing:
    """The school name (from the Settings sheet alone: fast), last change and lock state."""
    changed = dt.datetime.fromtimestamp(path.stat().st_mtime)
    school, problem = "", ""
    try:
        school = school_name(path)
    except LogisticsError as exc:
        problem = exc.message(lang)
    except Exception as exc:  # a damaged part calamine cannot read
        problem = f"{type(exc).__name__}: {exc}"
    return Listing(path.name, school, changed, lock_owner(path), problem)


def school_name(path: Path) -> str:
    """设置 → 学校名称 as typed, or "" when the sheet or the row is not there. The package
    is checked whole first, as for any read (SPEC §7): calamine allocates before it reads."""
    check_package(path)
    check_budget(path)
    book = CalamineWorkbook.from_path(str(path))
    sheet = schema.SETTINGS
    name = next((n for n in book.sheet_names if n in (sheet.zh, sheet.en)), None)
    if name is None:
        return ""
    raw = rows_to_raw_sheet(sheet, name, book.get_sheet_by_name(name).to_python())
    if "key" not in raw.frame.columns or "value" not in raw.frame.columns:
        return ""
    wanted = {schema.label_key(x) for x in (SCHOOL_NAME.zh, SCHOOL_NAME.en)}
    for key, value in zip(raw.frame["key"], raw.frame["value"], strict=True):
        if isinstance(key, str) and schema.label_key(key) in wanted and value is not None:
            return str(value)
    return ""


def safe_workbook_name(text: str, default_suffix: str = ".xlsm") -> str:
    """A file name for a new or uploaded workbook: no folders, no forbidden characters."""
    base = PureWindowsPath(PurePosixPath(text.replace("\\", "/")).name).name
    stem, dot, suffix = base.rpartition(".")
    if not dot or ("." + suffix.lower()) not in WORKBOOK_SUFFIXES:
        stem, suffix = base, default_suffix.lstrip(".")
    return safe_stem(stem, fallback="workbook", clean=terminal_text) + "." + suffix.lower()


@contextlib.contextmanager
def temp_file(folder: Path, suffix: str = ".tmp") -> Iterator[Path]:
    """A hidden temporary file name in ``folder`` (same disk: linking it is atomic), removed
    afterwards."""
    path = folder / f".logistics-upload-{secrets.token_hex(8)}{suffix}"
    try:
        yield path
    finally:
        with contextlib.suppress(OSError):
            path.unlink()


def keep(temp: Path, folder: Path, name: str) -> Path:
    """Give ``temp`` the name ``name`` in ``folder``, or ``stem-2`` …: never replacing a file.

    ``os.link`` fails when the target exists, so two uploads of one name cannot overwrite
    each other, whatever the timing.
    """
    stem, _, suffix = name.rpartition(".")
    for n in range(1, 1000):
        target = folder / (name if n == 1 else f"{stem}-{n}.{suffix}")
        try:
            os.link(temp, target)
        except FileExistsError:
            continue
        except OSError:  # a disk without hard links (FAT, some shares): exclusive create
            try:
                with target.open("xb") as out, temp.open("rb") as src:
                    shutil.copyfileobj(src, out)
            except FileExistsError:
                continue
        return target
    raise FileExistsError(name)
