"""A workbook file as a job's Book: read with calamine, write owned sheets in the zip."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from ..core import schema
from ..core.outputs import SheetRows
from ..core.rawbook import RawBook
from .locks import FolderReadOnly, ensure_not_open, tool_lock
from .package import check_package
from .reader import OnSheet, read_workbook
from .writer import FileStamp, file_stamp, write_owned_sheets


class FileBook:
    """Reads once, writes once; open it with ``FileBook.open`` to hold the tool's lock."""

    def __init__(self, path: Path, keep_backups: int = 10) -> None:
        self.path = path
        self.keep_backups = keep_backups  # newest backups kept per workbook; 0: none made
        self.backup: Path | None = None
        self.read_only = False  # opened in a read-only folder: ``write`` writes nothing
        self.unwritten: list[str] = []  # sheet keys a read-only book did not write
        self._read_stamp: FileStamp | None = None
        self._raw: RawBook | None = None

    @classmethod
    @contextmanager
    def open(cls, path: Path, *, writes: bool = True, keep_backups: int = 10) -> Iterator[FileBook]:
        """Refuse a missing, unsafe or open workbook before any work; lock it for this run.

        In a folder that is read-only, a run that ``writes`` stops with ``FolderReadOnly``
        (exit 2) before reading; any other run (validate, explain) reads without the lock,
        and its ``write`` only records what it could not write (``unwritten``).
        ``keep_backups`` 0 makes no backup: for a file the tool itself has just made (the
        demo), never for a workbook the user had.
        """
        check_package(path)
        ensure_not_open(path)
        with ExitStack() as stack:
            book = cls(path, keep_backups)
            try:
                stack.enter_context(tool_lock(path))
            except FolderReadOnly:
                if writes:
                    raise
                book.read_only = True
            yield book

    def read(self) -> RawBook:
        return self.read_each(None)

    def read_each(self, on_sheet: OnSheet | None) -> RawBook:
        """``read``, calling ``on_sheet(sheet, date1904)`` with each sheet as soon as it is
        read, the smallest first when read ahead (``reader.read_workbook``)."""
        self._read_stamp = file_stamp(self.path)
        self._raw = read_workbook(self.path, on_sheet)
        return self._raw

    def write(self, rows: SheetRows, lang: str) -> None:
        """Replace the owned sheets; refused if the file was saved since it was read.

        A workbook made by another tool may lack an output sheet, or have one without the
        header: the writer adds the sheet and writes the header from the schema's labels.
        """
        if self.read_only:
            self.unwritten = list(rows)
            return
        by_name: dict[str, list[list[object]]] = {}
        headers: dict[str, list[str]] = {}
        for key, value in rows.items():
            sheet = schema.SHEETS[key]
            found = self._raw.sheets.get(key) if self._raw else None
            name = found.name if found else sheet.label(lang)  # as spelled in the workbook
            by_name[name] = value
            if not self._header_in_place(sheet):  # checking costs a shared-strings parse
                headers[name] = [c.label(lang) for c in sheet.columns]
        self.backup = write_owned_sheets(
            self.path,
            by_name,
            headers=headers,
            unchanged_since=self._read_stamp,
            keep_backups=self.keep_backups,
        )

    def _header_in_place(self, sheet: schema.Sheet) -> bool:
        """Whether the read found this sheet's header in row 1, every column in order."""
        raw = self._raw.sheets.get(sheet.key) if self._raw else None
        expected = {c.key: i for i, c in enumerate(sheet.columns)}
        return raw is not None and raw.header_row == 1 and raw.positions == expected
