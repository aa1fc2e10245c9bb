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
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import html
import os
import posixpath
import re
import shutil
import struct
import tempfile
import time
import zipfile
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, NamedTuple
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as DET

from ..core.errors import LogisticsError
from .cell_xml import col_index, col_letter, rows_xml
from .locks import ensure_not_open
from .package import check_package

Rows = Sequence[Sequence[object]]

BACKUP_DIR = ".logistics-backups"
EXCEL_MAX_ROWS, EXCEL_MAX_COLS = 1_048_576, 16_384
HEADER_ROWS = 1
_TMP_SUFFIX = ".logistics-tmp"
_ORPHAN_TMP_AGE_S = 3600  # temp files of killed runs are removed after this long

_P = r"(?:[\w.-]+:)?"  # optional namespace prefix (some generators write <x:row>)
_SHEET_DATA = re.compile(rb"<((?:[\w.-]+:)?)sheetData\b[^>]*?(/?)>")
_ROW_TAG = re.compile(rb"<(?:[\w.-]+:)?row\b([^>]*?)(/?)>")
_CELL_COL = re.compile(r'\br="([A-Z]{1,3})\d+"')
_CELL_REF = re.compile(r"([A-Z]{1,3})\d+$")
_COLS = re.compile(rf"<{_P}cols\b[^>]*>(.*?)</{_P}cols>", re.S)
_COL = re.compile(rf"<{_P}col\b([^>]*?)/?>")
_ATTR = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_DIMENSION = re.compile(rf'(<{_P}dimension\b[^>]*?\bref=")([^"]*)(")')
_AUTOFILTER = re.compile(rf'(<{_P}autoFilter\b[^>]*?\bref=")([^"]*)(")')
_RANGE = re.compile(r"\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$")
_DEFINED_NAME = re.compile(rf"(<{_P}definedName\b([^>]*)>)([^<]*)(</{_P}definedName>)")
# What a damaged package raises while we read it (check_package only saw its directory).
_DAMAGED = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    UnicodeDecodeError,
    DET.ParseError,
    DefusedXmlException,
)


class SheetMissing(LogisticsError):
    zh = (
        "工作簿 {name} 中没有工作表“{sheet}”（现有：{sheets}）。结果工作表不能改名或删除；"
        "请从 .logistics-backups 中的备份恢复，或重新生成工作簿。"
    )
    en = (
        "Workbook {name} has no sheet named '{sheet}' (it has: {sheets}). Result sheets must "
        "not be renamed or deleted; restore a backup from .logistics-backups or rebuild the "
        "workbook."
    )


class WorkbookChanged(LogisticsError):
    zh = (
        "工作簿 {name} 在计算期间被修改或保存过，为免覆盖这些修改，结果没有写入。"
        "请关闭工作簿后重新运行。"
    )
    en = (
        "Workbook {name} was changed or saved while the results were being computed; to keep "
        "those changes nothing was written. Close the workbook and run again."
    )


class WriteFailed(LogisticsError):
    zh = "无法把结果写入 {name}：{reason_zh}。工作簿没有被修改。"
    en = "Could not write the results into {name}: {reason_en}. The workbook was not changed."


class FileStamp(NamedTuple):
    mtime_ns: int
    size: int
    inode: int  # an editor that saves by rename gives the file a new inode


def file_stamp(path: Path) -> FileStamp:
    """What ``write_owned_sheets(unchanged_since=...)`` compares to detect a changed workbook."""
    st = os.stat(path)
    return FileStamp(st.st_mtime_ns, st.st_size, st.st_ino)


def write_owned_sheets(
    path: Path,
    sheets: Mapping[str, Rows],
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
    labels = {name: tuple(texts) for name, texts in (headers or {}).items() if name in sheets}
    if labels and header_rows != 1:
        raise ValueError("headers need header_rows=1: the labels are row 1")
    for name in labels:
        _check_sheet_name(name)
    path = Path(path)
    check_package(path)
    target = Path(os.path.realpath(path))  # write through a symlink, never replace it
    _ensure_closed(path, target)
    if not sheets:
        return None
    stamp = file_stamp(target)
    if unchanged_since is not None:
        _ensure_unchanged(target, unchanged_since, path.name)
    if not os.access(target, os.W_OK) or not os.access(target.parent, os.W_OK):
        raise WriteFailed(
            name=path.name,
            reason_zh="文件或所在文件夹是只读的",
            reason_en="the file or its folder is read-only",
        )
    _remove_orphan_temps(target)
    fd, tmp_name = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=_TMP_SUFFIX, dir=target.parent
    )
    tmp = Path(tmp_name)
    backup: Path | None = None
    try:
        with os.fdopen(fd, "w+b") as out:
            patched = _patch_package(target, out, sheets, header_rows, labels)
            out.flush()
            os.fsync(out.fileno())
        _verify(target, tmp, patched)
        _ensure_closed(path, target)  # someone may have opened it while we worked
        _ensure_unchanged(target, stamp, path.name)
        if keep_backups:
            backup = _backup(target)
            _ensure_unchanged(target, stamp, path.name)  # again: the copy took a moment
        shutil.copymode(target, tmp)
        os.replace(tmp, target)
    except BaseException as exc:
        for leftover in (tmp, backup):  # the original is untouched: a new backup is a duplicate
            if leftover is not None:
                with contextlib.suppress(OSError):
                    leftover.unlink()
        if isinstance(exc, OSError):
            raise WriteFailed(
                name=path.name,
                reason_zh=f"文件系统错误（{exc.strerror or exc}）",
                reason_en=f"file system error ({exc.strerror or exc})",
            ) from exc
        if isinstance(exc, _DAMAGED):
            raise WriteFailed(
                name=path.name,
                reason_zh=f"工作簿内部已损坏（{type(exc).__name__}: {exc}）",
                reason_en=f"the workbook is damaged inside ({type(exc).__name__}: {exc})",
            ) from exc
        raise
    _fsync_dir(target.parent)
    if keep_backups:
        _prune_backups(target, keep_backups)
    return backup


def _ensure_closed(path: Path, target: Path) -> None:
    ensure_not_open(path)
    if target != path.absolute():
        ensure_not_open(target)


def _ensure_unchanged(target: Path, stamp: FileStamp, name: str) -> None:
    if file_stamp(target) != stamp:
        raise WorkbookChanged(name=name)


# ---- the package --------------------------------------------------------------------

_WORKBOOK, _RELS, _CONTENT_TYPES, _APP = (
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
    "[Content_Types].xml",
    "docProps/app.xml",
)
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
_VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
# An added sheet: its header row frozen, like the builder's output sheets. No bold header:
# that needs a cell format, and styles.xml is not ours to edit.
_NEW_SHEET = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<worksheet xmlns="{ns}"><dimension ref="A1"/><sheetViews><sheetView workbookViewId="0">'
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView>'
    '</sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData/><pageMargins left="0.7" '
    'right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>'
)
_BAD_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")
_START_TAG = re.compile(r"<(?![?!/])[\w.:-]+([^>]*)>")  # the first one found is the root's
_XMLNS = re.compile(r"""\sxmlns(?::[\w.-]+)?\s*=\s*(?:"[^"]*"|'[^']*')""")
_ROW_OPEN = re.compile(rf"<{_P}row\b([^>]*?)/?>")
_ROW_DROPPED = re.compile(r"""\s(?:r|spans|hidden)\s*=\s*(?:"[^"]*"|'[^']*')""")
_EXCEL_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


@dataclass
class _NewSheet:
    """How a sheet the workbook lacks is registered: its relationship Id and sheetId."""

    rid: str
    sheet_id: int


@dataclass
class _SheetPlan:
    name: str
    part: str
    index: int  # position in <sheets>: the localSheetId of its defined names
    rows: Rows
    date1904: bool
    header_rows: int  # rows kept verbatim at the top (1: the header; 0: none)
    labels: tuple[str, ...] | None = None  # expected header: row 1 is checked against it
    new: _NewSheet | None = None  # set for a sheet added to the workbook
    before: str = ""  # XML before <sheetData>, with the new <dimension>
    header: str = ""  # kept row(s), verbatim, or the rewritten header row
    after: str = ""  # XML after </sheetData>, with the new <autoFilter>
    prefix: str = ""
    styles: tuple[str, ...] = ()  # per column: ' s="N"' from <cols>, or ""
    removed_formulas: bool = False
    filter_ref: str | None = None  # new autoFilter range, for the _FilterDatabase name


@dataclass
class _Patched:
    changed: list[str]  # parts whose bytes differ from the original (or are new)
    dropped: set[str]
    added: list[str]  # new parts, written after all the original ones


@dataclass
class _Book:
    """What the writer needs from xl/workbook.xml and its relationships."""

    file: str  # the workbook file's name, for messages
    entries: list[Element]  # the <sheet> elements, in tab order
    rels: dict[str | None, Element]  # Relationship by Id
    date1904: bool
    main_ns: str
    rel_ns: str  # the namespace of r:id on <sheet> (transitional or strict)

    @property
    def names(self) -> list[str]:
        return [e.get("name", "") for e in self.entries]

    def rel_of(self, entry: Element) -> Element | None:
        return self.rels.get(next((v for k, v in entry.attrib.items() if _local(k) == "id"), None))

    def worksheets(self) -> list[str]:
        """The names of the sheets that are worksheets (not chart sheets), in tab order."""
        return [
            e.get("name", "")
            for e in self.entries
            if (rel := self.rel_of(e)) is not None and rel.get("Type", "").endswith("/worksheet")
        ]

    def rel_target(self, kind: str) -> str | None:
        """The part of the first relationship whose Type ends in ``/kind``."""
        for rel in self.rels.values():
            if rel.get("Type", "").endswith("/" + kind):
                return _rel_part(rel.get("Target", ""))
        return None

    def worksheet_rel_type(self) -> str:
        """The worksheet relationship Type as this package spells it (strict or transitional)."""
        return next(
            (t for r in self.rels.values() if (t := r.get("Type", "")).endswith("/worksheet")),
            _REL_NS + "/worksheet",
        )


def _patch_package(
    src: Path,
    out: IO[bytes],
    sheets: Mapping[str, Rows],
    header_rows: int,
    headers: Mapping[str, tuple[str, ...]],
) -> _Patched:
    """Write the patched copy of ``src`` to ``out``."""
    with zipfile.ZipFile(src) as zin:
        book = _read_book(src.name, zin)
        shared = _SharedStrings(zin, book.rel_target("sharedStrings"))
        planned = _plan_sheets(book, zin, sheets, header_rows, headers)
        for plan in planned:
            xml = _NEW_SHEET.format(ns=book.main_ns).encode() if plan.new else zin.read(plan.part)
            _split_sheet(plan, xml, src.name, shared)
        edits = _workbook_edits(zin, planned, book)
        plans = {p.part: p for p in planned if p.new is None}
        added = [p for p in planned if p.new is not None]
        with zipfile.ZipFile(out, "w") as zout:
            zout.comment = zin.comment
            for info in zin.infolist():
                name = info.filename
                if name in edits and edits[name] is None:
                    continue
                if name not in plans and name not in edits:
                    _copy_compressed(zin, info, zout)
                    continue
                zi = copy.copy(info)  # the writer updates sizes and CRC on its copy
                if name in plans:
                    _write_sheet(zout, zi, plans[name])
                else:
                    with zout.open(zi, "w") as dst:
                        dst.write(edits[name] or b"")
            for plan in added:  # after the original parts, which keep their order
                _write_sheet(zout, _new_part_info(plan.part), plan)
    return _Patched(
        changed=[*plans, *(p.part for p in added), *(n for n, d in edits.items() if d is not None)],
        dropped={n for n, d in edits.items() if d is None},
        added=[p.part for p in added],
    )


def _write_sheet(zout: zipfile.ZipFile, zi: zipfile.ZipInfo, plan: _SheetPlan) -> None:
    _fast_deflate(zi)
    with zout.open(zi, "w") as dst:
        for chunk in _sheet_xml(plan):
            dst.write(chunk.encode("utf-8"))


def _new_part_info(name: str) -> zipfile.ZipInfo:
    zi = zipfile.ZipInfo(name, date_time=time.localtime()[:6])
    zi.compress_type = zipfile.ZIP_DEFLATED
    return zi


_LOCAL_HEADER = struct.Struct("<4s5H3L2H")  # a zip entry's local file header (30 bytes)


def _copy_compressed(zin: zipfile.ZipFile, info: zipfile.ZipInfo, zout: zipfile.ZipFile) -> None:
    """Copy an unchanged part as its compressed bytes: no inflate, no deflate.

    zipfile has no public raw copy; re-compressing the input sheets (tens of MB at 100k log
    rows) was most of the write time. The entry keeps its name, CRC, sizes, compression and
    metadata; its local header is written anew (without a data descriptor, sizes known).
    """
    fp = zin.fp
    assert fp is not None and zout.fp is not None
    fp.seek(info.header_offset)
    header = _LOCAL_HEADER.unpack(fp.read(_LOCAL_HEADER.size))
    if header[0] != b"PK\x03\x04":  # a local file header's signature
        raise zipfile.BadZipFile(f"bad local header for {info.filename}")
    fp.seek(info.header_offset + _LOCAL_HEADER.size + header[9] + header[10])
    zi = copy.copy(info)
    zi.flag_bits &= ~0x08  # sizes and CRC go in the local header
    zi.header_offset = zout.fp.tell()
    zout.fp.write(zi.FileHeader())
    remaining = info.compress_size
    while remaining:
        chunk = fp.read(min(remaining, 1 << 20))
        if not chunk:
            raise zipfile.BadZipFile(f"{info.filename} is truncated")
        zout.fp.write(chunk)
        remaining -= len(chunk)
    zout.filelist.append(zi)
    zout.NameToInfo[zi.filename] = zi
    zout.start_dir = zout.fp.tell()
    zout._didModify = True  # type: ignore[attr-defined]  # write the central directory on close


def _fast_deflate(zi: zipfile.ZipInfo) -> None:
    """Our generated sheet XML: deflate level 1 is ~3x faster than the default, for ~25% more
    bytes. The level is public from Python 3.13 (compress_level); before: _compresslevel."""
    setattr(zi, "compress_level" if hasattr(zi, "compress_level") else "_compresslevel", 1)


def _read_book(file: str, zin: zipfile.ZipFile) -> _Book:
    if _RELS not in zin.NameToInfo:
        raise WriteFailed(
            name=file,
            reason_zh="缺少 xl/_rels/workbook.xml.rels，无法找到各工作表",
            reason_en="xl/_rels/workbook.xml.rels is missing, so sheets cannot be located",
        )
    wb = DET.fromstring(zin.read(_WORKBOOK))
    rels = DET.fromstring(zin.read(_RELS))
    entries = [s for s in wb.iter() if _local(s.tag) == "sheet"]
    rel_ns = next(
        (_ns(k) for e in entries for k in e.attrib if _local(k) == "id" and _ns(k)), _REL_NS
    )
    return _Book(
        file=file,
        entries=entries,
        rels={r.get("Id"): r for r in rels if _local(r.tag) == "Relationship"},
        date1904=any(
            _local(e.tag) == "workbookPr" and e.get("date1904") in ("1", "true") for e in wb
        ),
        main_ns=_ns(wb.tag),
        rel_ns=rel_ns,
    )


def _plan_sheets(
    book: _Book,
    zin: zipfile.ZipFile,
    sheets: Mapping[str, Rows],
    header_rows: int,
    headers: Mapping[str, tuple[str, ...]],
) -> list[_SheetPlan]:
    """Resolve sheet names to worksheet parts via workbook.xml and its rels (never sheetN.xml);
    a missing sheet with expected ``headers`` is planned as a new one."""
    names = book.names
    plans = []
    slots: _Slots | None = None
    for name, rows in sheets.items():
        labels = headers.get(name)
        # Excel sheet names are unique ignoring case; prefer the exact spelling.
        hits = [i for i, n in enumerate(names) if n == name] or [
            i for i, n in enumerate(names) if n.casefold() == name.casefold()
        ]
        if hits and hits[0] >= len(book.entries):
            raise ValueError(f"sheet names {name!r} and {names[hits[0]]!r} differ only in case")
        if hits:
            part = _worksheet_part(book, zin, name, book.entries[hits[0]])
            plans.append(_SheetPlan(name, part, hits[0], rows, book.date1904, header_rows, labels))
            continue
        if labels is None:
            raise SheetMissing(name=book.file, sheet=name, sheets="、".join(book.names))
        slots = slots or _Slots.of(book, zin)
        part, new = slots.take()
        plans.append(_SheetPlan(name, part, len(names), rows, book.date1904, 1, labels, new))
        names.append(name)
    return plans


def _worksheet_part(book: _Book, zin: zipfile.ZipFile, name: str, entry: Element) -> str:
    rel = book.rel_of(entry)
    if rel is None or not rel.get("Type", "").endswith("/worksheet"):
        raise WriteFailed(
            name=book.file,
            reason_zh=f"“{name}”不是普通工作表",
            reason_en=f"'{name}' is not a worksheet",
        )
    part = _rel_part(rel.get("Target", ""))
    if part not in zin.NameToInfo:
        raise WriteFailed(
            name=book.file,
            reason_zh=f"工作表“{name}”的内容（{part}）缺失",
            reason_en=f"the part {part} of sheet '{name}' is missing",
        )
    return part


@dataclass
class _Slots:
    """Unused names for sheets being added: part names, relationship Ids and sheetIds."""

    parts: set[str]  # casefolded: part names in a package ignore case
    rids: set[str]
    sheet_id: int  # the highest in use

    @classmethod
    def of(cls, book: _Book, zin: zipfile.ZipFile) -> _Slots:
        parts = {n.casefold() for n in zin.NameToInfo}
        types = DET.fromstring(zin.read(_CONTENT_TYPES))
        parts |= {  # an Override or Relationship left behind by a deleted part counts too
            e.get("PartName", "").lstrip("/").casefold()
            for e in types
            if _local(e.tag) == "Override"
        }
        parts |= {_rel_part(r.get("Target", "")).casefold() for r in book.rels.values()}
        ids = [int(i) for e in book.entries if (i := e.get("sheetId", "")).isdigit()]
        return cls(parts, {i for i in book.rels if i is not None}, max(ids, default=0))

    def take(self) -> tuple[str, _NewSheet]:
        n = 1
        while f"xl/worksheets/sheet{n}.xml" in self.parts:
            n += 1
        k = len(self.rids) + 1
        while f"rId{k}" in self.rids:
            k += 1
        part, rid = f"xl/worksheets/sheet{n}.xml", f"rId{k}"
        self.parts.add(part)
        self.rids.add(rid)
        self.sheet_id += 1
        return part, _NewSheet(rid, self.sheet_id)


def _check_sheet_name(name: str) -> None:
    """Excel's rules for a sheet name: a sheet added under a name that breaks them would make
    Excel refuse the whole workbook."""
    if (
        not 0 < len(name) <= 31
        or not name.isprintable()
        or _BAD_SHEET_NAME.search(name)
        or name[0] == "'"
        or name[-1] == "'"
        or name.casefold() == "history"
    ):
        raise ValueError(f"{name!r} cannot be an Excel sheet name")


def _rel_part(target: str) -> str:
    """The part a workbook relationship's Target names (relative to xl/, or absolute)."""
    return target[1:] if target.startswith("/") else posixpath.normpath("xl/" + target)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _ns(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def _split_sheet(plan: _SheetPlan, xml: bytes, book: str, shared: _SharedStrings) -> None:
    """Cut the old sheet XML around <sheetData>. Works on bytes with offsets: the old rows
    (possibly 100+ MB) are only searched for formulas, never decoded or copied."""
    m = _SHEET_DATA.search(xml)
    end = -1
    if m is not None:
        end = m.end() if m[2] else xml.find(b"</%ssheetData>" % m[1], m.end())
    if m is None or end < 0:
        raise WriteFailed(
            name=book,
            reason_zh=f"工作表“{plan.name}”的内容不完整（sheetData）",
            reason_en=f"the content of sheet '{plan.name}' is incomplete (sheetData)",
        )
    pb = m[1]
    plan.prefix = pb.decode()
    after_start = end if m[2] else end + len(b"</%ssheetData>" % pb)
    rest = _header_end(xml, m.end(), end, pb, plan.header_rows)
    before = xml[: m.start()].decode("utf-8")
    plan.header = xml[m.end() : rest].decode("utf-8").strip()
    if plan.labels is not None and _rewrite_header(plan, plan.labels, before, shared):
        rest = m.end()  # the old first row goes, with any formula in it
    plan.removed_formulas = _has_formula(xml, rest, end, pb)
    after = xml[after_start:].decode("utf-8")
    ncols = max(
        [col_index(c) for c in _CELL_COL.findall(plan.header)]
        + [max(map(len, plan.rows), default=0), 1]
    )
    last_row = plan.header_rows + len(plan.rows)
    if last_row > EXCEL_MAX_ROWS or ncols > EXCEL_MAX_COLS:
        raise WriteFailed(
            name=book,
            reason_zh=f"工作表“{plan.name}”的结果有 {last_row:,} 行、{ncols:,} 列，"
            f"超出 Excel 的上限（{EXCEL_MAX_ROWS:,} 行、{EXCEL_MAX_COLS:,} 列）",
            reason_en=f"the results for sheet '{plan.name}' need {last_row:,} rows and "
            f"{ncols:,} columns; Excel allows {EXCEL_MAX_ROWS:,} and {EXCEL_MAX_COLS:,}",
        )
    plan.styles = _column_styles(before, ncols)
    dim = "A1" if ncols == 1 and last_row == 1 else f"A1:{col_letter(ncols)}{last_row}"
    plan.before = _DIMENSION.sub(lambda d: d.group(1) + dim + d.group(3), before, count=1)
    plan.after = _update_autofilter(plan, after, last_row)


def _has_formula(xml: bytes, start: int, end: int, pb: bytes) -> bool:
    """Whether an <f> element lies in xml[start:end]: one fast bytes search, not a regex."""
    needle = b"<%sf" % pb
    at = xml.find(needle, start, end)
    while at >= 0:
        follow = xml[at + len(needle) : at + len(needle) + 1]
        if follow in (b">", b" ", b"/"):  # not <family> of rich text
            return True
        at = xml.find(needle, at + 1, end)
    return False


def _header_end(xml: bytes, start: int, end: int, pb: bytes, header_rows: int) -> int:
    """Offset where the kept header (the first row, when it is row 1) ends within sheetData."""
    m = _ROW_TAG.search(xml, start, end)
    if m is None:
        return start
    r = re.search(rb'\br="(\d+)"', m[1])
    if header_rows == 0 or (r is not None and int(r[1]) > header_rows):
        return start
    if m[2]:  # <row .../>
        return m.end()
    close = b"</%srow>" % pb
    stop = xml.find(close, m.end(), end)
    return start if stop < 0 else stop + len(close)


def _rewrite_header(
    plan: _SheetPlan, labels: tuple[str, ...], before: str, shared: _SharedStrings
) -> bool:
    """Replace ``plan.header`` by ``labels`` unless its cell texts are exactly those labels."""
    cells = _row_cells(plan.header, before, shared)
    if {c.col: c.text for c in cells if c.text != ""} == dict(enumerate(labels, start=1)):
        return False
    plan.header = _header_xml(labels, plan.prefix, plan.header, cells)
    return True


class _Cell(NamedTuple):
    col: int
    text: str | None  # "" for a blank cell; None for a number, formula or other non-text
    style: str  # ' s="N"', or ""


def _row_cells(row: str, before: str, shared: _SharedStrings) -> list[_Cell]:
    """The cells of the first row's XML (``row``; "" for none), texts resolved.

    The row is parsed on its own, under the namespace declarations of the sheet's root
    element (``before`` starts with it): rows use prefixes such as x14ac: declared there.
    """
    if not row:
        return []
    root = _START_TAG.search(before)
    declarations = "".join(_XMLNS.findall(root.group(1))) if root else ""
    try:
        wrapper = DET.fromstring(f"<w{declarations}>{row}</w>")
    except (DET.ParseError, DefusedXmlException):
        return [_Cell(1, None, "")]  # unreadable: not the header, so it is rewritten
    cells, col = [], 0
    for c in (c for r in wrapper for c in r if _local(c.tag) == "c"):
        ref = _CELL_REF.match(c.get("r", ""))
        col = col_index(ref.group(1)) if ref else col + 1  # no r: the cell after the last
        style = c.get("s", "")
        cells.append(_Cell(col, _cell_text(c, shared), f' s="{style}"' if style.isdigit() else ""))
    return cells


def _cell_text(c: Element, shared: _SharedStrings) -> str | None:
    kids = {_local(k.tag): k for k in c}
    kind = c.get("t", "n")
    if "f" in kids:
        text = None
    elif kind == "inlineStr":
        text = _rich_text(kids["is"]) if "is" in kids else ""
    elif "v" not in kids:
        text = ""
    elif kind == "s":
        index = (kids["v"].text or "").strip()
        text = shared.get(int(index)) if index.isdigit() else None
    elif kind == "str":  # some tools write plain text this way
        text = kids["v"].text or ""
    else:
        text = None
    return text if text is None else _EXCEL_ESCAPED.sub(lambda m: chr(int(m[1], 16)), text)


def _rich_text(item: Element) -> str:
    """The text of an <is> or <si>: its <t>, or the <t> of its runs (phonetic runs skipped)."""
    parts = []
    for kid in item:
        if _local(kid.tag) == "t":
            parts.append(kid.text or "")
        elif _local(kid.tag) == "r":
            parts += [t.text or "" for t in kid if _local(t.tag) == "t"]
    return "".join(parts)


def _header_xml(labels: Sequence[str], p: str, old: str, cells: Sequence[_Cell]) -> str:
    """Row 1 with ``labels`` as inline strings; the old row's height, style and its cells'
    styles (a bold header stays bold) are kept, its r, spans and hidden are not."""
    styles = {c.col: c.style for c in cells}
    attrs = _ROW_OPEN.match(old)
    kept = _ROW_DROPPED.sub("", attrs.group(1)) if attrs else ""
    column_styles = [styles.get(j, "") for j in range(1, len(labels) + 1)]
    row = "".join(rows_xml([list(labels)], 1, column_styles, p, False))
    return row.replace(f'<{p}row r="1">', f'<{p}row r="1"{kept}>', 1)


class _SharedStrings:
    """The workbook's shared strings, parsed only as far as a header cell needs."""

    def __init__(self, zin: zipfile.ZipFile, part: str | None) -> None:
        self.zin = zin
        self.part = part if part in zin.NameToInfo else None
        self.items: list[str] = []
        self.complete = self.part is None

    def get(self, index: int) -> str | None:
        if index >= len(self.items) and not self.complete:
            self._load(index)
        return self.items[index] if index < len(self.items) else None

    def _load(self, index: int) -> None:
        """Parse from the start up to ``index``: headers' strings come early, the table can be
        long. A later call for a higher index parses again (a few times per write at most)."""
        assert self.part is not None
        self.items = []
        with self.zin.open(self.part) as f:
            for _, elem in DET.iterparse(f, events=("end",)):
                if _local(elem.tag) == "si":
                    self.items.append(_rich_text(elem))
                    elem.clear()
                    if len(self.items) > index:
                        return
        self.complete = True


def _column_styles(before: str, ncols: int) -> tuple[str, ...]:
    """Each column's style from <cols>: the builder formats whole columns (0.0, yyyy-mm-dd)."""
    styles = [""] * ncols
    cols = _COLS.search(before)
    for col in _COL.finditer(cols.group(1) if cols else ""):
        attrs = {k: a or b for k, a, b in _ATTR.findall(col.group(1))}
        style = attrs.get("style", "0")
        if style in ("", "0") or not style.isdigit():
            continue
        lo, hi = int(attrs.get("min", "0")), int(attrs.get("max", "0"))
        for j in range(max(lo, 1) - 1, min(hi, ncols)):
            styles[j] = f' s="{style}"'
    return tuple(styles)


def _update_autofilter(plan: _SheetPlan, after: str, last_row: int) -> str:
    views = after.find("customSheetViews")  # their own autoFilters come later: leave them
    head, tail = (after, "") if views < 0 else (after[:views], after[views:])
    m = _AUTOFILTER.search(head)
    rng = _RANGE.match(m.group(2)) if m else None
    if m is None or rng is None:
        return after
    c1, r1, c2 = rng.group(1), int(rng.group(2)), rng.group(3) or rng.group(1)
    plan.filter_ref = f"{c1}{r1}:{c2}{max(r1, last_row)}"
    return head[: m.start(2)] + plan.filter_ref + head[m.end(2) :] + tail


class _PartTexts:
    """Small XML parts being edited, as text, so that several edits of one part combine."""

    def __init__(self, zin: zipfile.ZipFile) -> None:
        self.zin = zin
        self.original: dict[str, str] = {}
        self.text: dict[str, str] = {}
        self.dropped: set[str] = set()

    def get(self, name: str) -> str:
        if name not in self.text:
            self.original[name] = self.text[name] = self.zin.read(name).decode("utf-8")
        return self.text[name]

    def set(self, name: str, text: str) -> None:
        self.get(name)  # the original, to tell an edit from a no-op
        self.text[name] = text

    def edits(self) -> dict[str, bytes | None]:
        """Changed parts' new bytes; None for a dropped part."""
        out: dict[str, bytes | None] = {
            n: t.encode("utf-8") for n, t in self.text.items() if t != self.original[n]
        }
        out.update(dict.fromkeys(self.dropped))
        return out


def _workbook_edits(
    zin: zipfile.ZipFile, plans: list[_SheetPlan], book: _Book
) -> dict[str, bytes | None]:
    """Parts outside the sheets that must change with them (None = drop the part)."""
    parts = _PartTexts(zin)
    refs = {str(p.index): p.filter_ref for p in plans if p.filter_ref is not None}
    if refs:  # keep the hidden _xlnm._FilterDatabase name in step with the autoFilter
        xml = parts.get(_WORKBOOK)
        parts.set(_WORKBOOK, _DEFINED_NAME.sub(lambda m: _filter_name(m, refs), xml))
    if any(p.removed_formulas for p in plans):
        _drop_calc_chain(parts)
    added = [(p, p.new) for p in plans if p.new is not None]
    if added:
        _register_sheets(parts, added, book)
    return parts.edits()


def _drop_calc_chain(parts: _PartTexts) -> None:
    """calcChain lists formula cells; a stale entry makes Excel "repair" the file. Excel
    rebuilds it when it is missing, so drop it with its relationship and content type."""
    rels = parts.get(_RELS)
    rel = re.search(r'<Relationship\b[^>]*\bType="[^"]*/calcChain"[^>]*/>', rels)
    if rel is None:
        return
    target = re.search(r'\bTarget="([^"]*)"', rel.group(0))
    part = posixpath.normpath("xl/" + target.group(1)) if target else "xl/calcChain.xml"
    parts.dropped.add(part)
    parts.set(_RELS, rels[: rel.start()] + rels[rel.end() :])
    override = rf'<Override\b[^>]*\bPartName="/{re.escape(part)}"[^>]*/>'
    parts.set(_CONTENT_TYPES, re.sub(override, "", parts.get(_CONTENT_TYPES)))


def _register_sheets(
    parts: _PartTexts, added: list[tuple[_SheetPlan, _NewSheet]], book: _Book
) -> None:
    """Make the added sheet parts sheets of the workbook: a content type, a relationship
    and a tab each (appended: existing sheets keep their position, so their localSheetId)."""
    rel_type = html.escape(book.worksheet_rel_type())
    r, declaration = _rel_prefix(parts.get(_WORKBOOK), book.rel_ns)
    _append_children(
        parts,
        _CONTENT_TYPES,
        "Types",
        lambda p: "".join(
            f'<{p}Override PartName="/{s.part}" ContentType="{_WORKSHEET_TYPE}"/>' for s, _ in added
        ),
        book,
    )
    _append_children(
        parts,
        _RELS,
        "Relationships",
        lambda p: "".join(
            f'<{p}Relationship Id="{n.rid}" Type="{rel_type}" '
            f'Target="{posixpath.relpath(s.part, "xl")}"/>'
            for s, n in added
        ),
        book,
    )
    _append_children(
        parts,
        _WORKBOOK,
        "sheets",
        lambda p: "".join(
            f'<{p}sheet name="{html.escape(s.name)}" sheetId="{n.sheet_id}" '
            f'{r}:id="{n.rid}"{declaration}/>'
            for s, n in added
        ),
        book,
    )
    if _APP in parts.zin.NameToInfo:
        names = [s.name for s, _ in added]
        parts.set(_APP, _app_xml_with(parts.get(_APP), book.worksheets(), names))


def _rel_prefix(workbook_xml: str, rel_ns: str) -> tuple[str, str]:
    """The prefix for r:id on a new <sheet>: the one the root declares for the relationships
    namespace, else "r" with a declaration on the element itself (as openpyxl writes it)."""
    root = _START_TAG.search(workbook_xml)
    declared = re.search(
        rf"""\sxmlns:([\w.-]+)\s*=\s*["']{re.escape(rel_ns)}["']""", root.group(1) if root else ""
    )
    if declared:
        return declared.group(1), ""
    return "r", f' xmlns:r="{html.escape(rel_ns)}"'


def _append_children(
    parts: _PartTexts, part: str, parent: str, children: Callable[[str], str], book: _Book
) -> None:
    """Add ``children(prefix)`` at the end of the one ``parent`` element of ``part``."""
    xml = parts.get(part)
    close = re.search(rf"</({_P}){parent}\s*>", xml)
    if close is not None:
        parts.set(part, xml[: close.start()] + children(close.group(1)) + xml[close.start() :])
        return
    empty = re.search(rf"<({_P}){parent}\b([^>]*?)/>", xml)
    if empty is None:
        raise WriteFailed(
            name=book.file,
            reason_zh=f"{part} 中缺少 <{parent}>，无法添加工作表",
            reason_en=f"{part} has no <{parent}> element, so no sheet can be added",
        )
    p, attrs = empty.group(1), empty.group(2)
    opened = f"<{p}{parent}{attrs}>{children(p)}</{p}{parent}>"
    parts.set(part, xml[: empty.start()] + opened + xml[empty.end() :])


def _app_xml_with(xml: str, worksheets: list[str], added: list[str]) -> str:
    """docProps/app.xml with the added sheets listed after the worksheets.

    It holds HeadingPairs (per group a title such as "Worksheets", localized, and a count) and
    TitlesOfParts (every group's names in turn). Excel does not check them and rewrites them
    on save, so the file is left as it is unless the worksheets' group is found, by its names,
    and every count and size agrees: an edit never makes these lists inconsistent.
    """
    lists = _app_lists(xml)
    if lists is None or not worksheets:
        return xml
    start = 0
    for count in lists.counts:
        n = int(count.group(1))
        if [html.unescape(m.group(1)) for m in lists.names[start : start + n]] == worksheets:
            last = lists.names[start + n - 1].end()
            v = lists.vt
            listed = "".join(f"<{v}lpstr>{html.escape(a, quote=False)}</{v}lpstr>" for a in added)
            return _splice(
                xml,
                [
                    (count.span(1), str(n + len(added))),
                    (lists.size.span(1), str(len(lists.names) + len(added))),
                    ((last, last), listed),
                ],
            )
        start += n
    return xml


class _AppLists(NamedTuple):
    vt: str  # the prefix of the docPropsVTypes namespace, with its colon
    counts: list[re.Match[str]]  # HeadingPairs' counts (group 1), one per group
    names: list[re.Match[str]]  # TitlesOfParts' names (group 1, escaped)
    size: re.Match[str]  # TitlesOfParts' vector size (group 1)


def _app_lists(xml: str) -> _AppLists | None:
    """HeadingPairs and TitlesOfParts as Excel writes them, if their counts and sizes agree."""
    vt = re.search(rf"""\sxmlns:([\w.-]+)\s*=\s*["']{re.escape(_VT_NS)}["']""", xml)
    heads = re.search(r"<HeadingPairs>.*?</HeadingPairs>", xml, re.S)
    titles = re.search(r"<TitlesOfParts>.*?</TitlesOfParts>", xml, re.S)
    if vt is None or heads is None or titles is None:
        return None
    v = vt.group(1) + ":"

    def find(pattern: str, within: re.Match[str]) -> list[re.Match[str]]:
        return list(re.compile(pattern).finditer(xml, within.start(), within.end()))

    x = re.escape(v)
    counts = find(rf"<{x}i4>(\d+)</{x}i4>", heads)
    groups = find(rf"<{x}lpstr>[^<]*</{x}lpstr>", heads)
    names = find(rf"<{x}lpstr>([^<]*)</{x}lpstr>", titles)
    sizes = find(r'\bsize="(\d+)"', heads) + find(r'\bsize="(\d+)"', titles)
    if [int(s.group(1)) for s in sizes] != [2 * len(counts), len(names)]:
        return None
    if len(groups) != len(counts) or sum(int(c.group(1)) for c in counts) != len(names):
        return None
    return _AppLists(v, counts, names, sizes[1])


def _splice(text: str, edits: list[tuple[tuple[int, int], str]]) -> str:
    """``text`` with each (start, end) span replaced; the spans must not overlap."""
    for (start, end), new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def _filter_name(m: re.Match[str], refs: dict[str, str]) -> str:
    attrs = {k: a or b for k, a, b in _ATTR.findall(m.group(2))}
    ref = refs.get(attrs.get("localSheetId", ""))
    value, bang = m.group(3), m.group(3).rfind("!")
    if attrs.get("name") != "_xlnm._FilterDatabase" or ref is None or bang < 0:
        return m.group(0)
    absolute = ":".join("$" + re.sub(r"(\d+)", r"$\1", cell) for cell in ref.split(":"))
    return m.group(1) + value[: bang + 1] + absolute + m.group(4)


def _sheet_xml(plan: _SheetPlan) -> Iterator[str]:
    p = plan.prefix
    yield f"{plan.before}<{p}sheetData>{plan.header}"
    yield from rows_xml(plan.rows, plan.header_rows + 1, plan.styles, p, plan.date1904)
    yield f"</{p}sheetData>{plan.after}"


# ---- safe save ----------------------------------------------------------------------


class _Sink:
    """Parser target without start/end/data handlers: expat checks well-formedness at C speed."""

    def close(self) -> None:
        return None


def _verify(src: Path, tmp: Path, patched: _Patched) -> None:
    """Re-read the temp file: same parts in the same order, CRCs good, changed parts parse."""

    def failed(detail: str) -> WriteFailed:
        return WriteFailed(
            name=src.name,
            reason_zh=f"新文件校验失败（{detail}）",
            reason_en=f"the new file failed verification ({detail})",
        )

    try:
        check_package(tmp)
        with zipfile.ZipFile(src) as a, zipfile.ZipFile(tmp) as b:
            kept = [n for n in a.namelist() if n not in patched.dropped]
            if b.namelist() != kept + patched.added:
                raise failed("part names or order")
            for info in b.infolist():
                parser = None
                if info.filename in patched.changed:
                    parser = DET.DefusedXMLParser(target=_Sink())
                    parser.parser.DefaultHandlerExpand = None  # no per-token Python callback
                with b.open(info) as part:  # reading to the end checks the CRC
                    while chunk := part.read(1 << 20):
                        if parser is not None:
                            parser.feed(chunk)
                if parser is not None:
                    parser.close()
    except LogisticsError as exc:
        raise failed(exc.message("en")) from exc
    except _DAMAGED as exc:
        raise failed(f"{type(exc).__name__}: {exc}") from exc


def _backup(target: Path) -> Path:
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


def _prune_backups(target: Path, keep: int) -> None:
    pattern = re.compile(
        re.escape(target.stem) + r"\.\d{8}-\d{6}-\d{6}" + re.escape(target.suffix) + "$"
    )
    folder = target.parent / BACKUP_DIR
    backups = sorted(p for p in folder.iterdir() if pattern.match(p.name))  # names sort by time
    for old in backups[:-keep]:
        with contextlib.suppress(OSError):
            old.unlink()


def _remove_orphan_temps(target: Path) -> None:
    """Temp files of runs killed mid-save; old ones cannot belong to a run still working."""
    prefix, cutoff = f".{target.name}.", time.time() - _ORPHAN_TMP_AGE_S
    with contextlib.suppress(OSError):
        for entry in os.scandir(target.parent):
            if entry.name.startswith(prefix) and entry.name.endswith(_TMP_SUFFIX):
                with contextlib.suppress(OSError):
                    if entry.stat().st_mtime < cutoff:
                        os.unlink(entry.path)


def _fsync_dir(folder: Path) -> None:
    """Make the rename durable. Best effort: the new file is already in place."""
    if os.name != "posix":
        return  # Windows cannot open a directory; NTFS journals the rename itself
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
