"""Write result rows into the owned sheets of a workbook file, and nothing else.

A macro workbook holds VBA, buttons, charts, tables and styles that no Python library
round-trips faithfully (openpyxl drops buttons and chart details). So the file is patched as
a zip package: for each owned sheet only the ``<sheetData>`` of its worksheet part is
replaced (row 1, the header, kept verbatim; results from row 2 on), plus its ``<dimension>``
and ``<autoFilter>`` extents; every other part is copied unchanged, in the same order, with
the same names, compression and zip metadata. Text is written as inline strings, so a
value such as ``=1+1`` stays text and can never become a formula.

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
import os
import posixpath
import re
import shutil
import struct
import tempfile
import time
import zipfile
import zlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, NamedTuple

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
    keep_backups: int = 10,
    unchanged_since: FileStamp | None = None,
) -> Path | None:
    """Replace the rows below the header of each named sheet; return the backup's path.

    ``sheets`` maps sheet names as shown in Excel (e.g. "考评") to rows written below the
    first ``header_rows`` rows, which are kept verbatim (0 for a sheet without a header).
    ``keep_backups`` newest backups per workbook are kept; 0 makes none (and returns None).
    ``unchanged_since``: the workbook's ``file_stamp`` when the caller read it; the write is
    refused with ``WorkbookChanged`` if the file differs from it (default: from this call's start).
    """
    if keep_backups < 0:
        raise ValueError("keep_backups must be >= 0")
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
            patched = _patch_package(target, out, sheets, header_rows)
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


@dataclass
class _SheetPlan:
    name: str
    part: str
    index: int  # position in <sheets>: the localSheetId of its defined names
    rows: Rows
    date1904: bool
    header_rows: int  # rows kept verbatim at the top (1: the header; 0: none)
    before: str = ""  # XML before <sheetData>, with the new <dimension>
    header: str = ""  # kept row(s), verbatim
    after: str = ""  # XML after </sheetData>, with the new <autoFilter>
    prefix: str = ""
    styles: tuple[str, ...] = ()  # per column: ' s="N"' from <cols>, or ""
    removed_formulas: bool = False
    filter_ref: str | None = None  # new autoFilter range, for the _FilterDatabase name


@dataclass
class _Patched:
    changed: list[str]  # parts whose bytes differ from the original
    dropped: set[str]


def _patch_package(
    src: Path, out: IO[bytes], sheets: Mapping[str, Rows], header_rows: int
) -> _Patched:
    """Write the patched copy of ``src`` to ``out``."""
    with zipfile.ZipFile(src) as zin:
        plans = {p.part: p for p in _plan_sheets(src.name, zin, sheets, header_rows)}
        for plan in plans.values():
            _split_sheet(plan, zin.read(plan.part), src.name)
        edits = _workbook_edits(zin, list(plans.values()))
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
                    _fast_deflate(zi)
                with zout.open(zi, "w") as dst:
                    if name in plans:
                        for chunk in _sheet_xml(plans[name]):
                            dst.write(chunk.encode("utf-8"))
                    else:
                        dst.write(edits[name] or b"")
    return _Patched(
        changed=[*plans, *(n for n, d in edits.items() if d is not None)],
        dropped={n for n, d in edits.items() if d is None},
    )


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


def _plan_sheets(
    book: str, zin: zipfile.ZipFile, sheets: Mapping[str, Rows], header_rows: int
) -> list[_SheetPlan]:
    """Resolve sheet names to worksheet parts via workbook.xml and its rels (never sheetN.xml)."""
    if "xl/_rels/workbook.xml.rels" not in zin.NameToInfo:
        raise WriteFailed(
            name=book,
            reason_zh="缺少 xl/_rels/workbook.xml.rels，无法找到各工作表",
            reason_en="xl/_rels/workbook.xml.rels is missing, so sheets cannot be located",
        )
    wb = DET.fromstring(zin.read("xl/workbook.xml"))
    rels = DET.fromstring(zin.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r for r in rels if _local(r.tag) == "Relationship"}
    date1904 = any(_local(e.tag) == "workbookPr" and e.get("date1904") in ("1", "true") for e in wb)
    entries = [s for s in wb.iter() if _local(s.tag) == "sheet"]
    names = [s.get("name", "") for s in entries]
    plans = []
    for name, rows in sheets.items():
        # Excel sheet names are unique ignoring case; prefer the exact spelling.
        hits = [i for i, n in enumerate(names) if n == name] or [
            i for i, n in enumerate(names) if n.casefold() == name.casefold()
        ]
        if not hits:
            raise SheetMissing(name=book, sheet=name, sheets="、".join(names))
        entry = entries[hits[0]]
        rid = next((v for k, v in entry.attrib.items() if _local(k) == "id"), None)
        rel = targets.get(rid)
        if rel is None or not rel.get("Type", "").endswith("/worksheet"):
            raise WriteFailed(
                name=book,
                reason_zh=f"“{name}”不是普通工作表",
                reason_en=f"'{name}' is not a worksheet",
            )
        target = rel.get("Target", "")
        part = target[1:] if target.startswith("/") else posixpath.normpath("xl/" + target)
        if part not in zin.NameToInfo:
            raise WriteFailed(
                name=book,
                reason_zh=f"工作表“{name}”的内容（{part}）缺失",
                reason_en=f"the part {part} of sheet '{name}' is missing",
            )
        plans.append(_SheetPlan(name, part, hits[0], rows, date1904, header_rows))
    return plans


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _split_sheet(plan: _SheetPlan, xml: bytes, book: str) -> None:
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
    plan.header = xml[m.end() : rest].decode("utf-8").strip()
    plan.removed_formulas = _has_formula(xml, rest, end, pb)
    before = xml[: m.start()].decode("utf-8")
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


def _workbook_edits(zin: zipfile.ZipFile, plans: list[_SheetPlan]) -> dict[str, bytes | None]:
    """Parts outside the sheets that must change with them (None = drop the part)."""
    edits: dict[str, bytes | None] = {}
    refs = {str(p.index): p.filter_ref for p in plans if p.filter_ref is not None}
    if refs:  # keep the hidden _xlnm._FilterDatabase name in step with the autoFilter
        xml = zin.read("xl/workbook.xml").decode("utf-8")
        new = _DEFINED_NAME.sub(lambda m: _filter_name(m, refs), xml)
        if new != xml:
            edits["xl/workbook.xml"] = new.encode("utf-8")
    if any(p.removed_formulas for p in plans):
        # calcChain lists formula cells; a stale entry makes Excel "repair" the file. Excel
        # rebuilds it when it is missing, so drop it with its relationship and content type.
        rels_name, ct_name = "xl/_rels/workbook.xml.rels", "[Content_Types].xml"
        rels = zin.read(rels_name).decode("utf-8")
        rel = re.search(r'<Relationship\b[^>]*\bType="[^"]*/calcChain"[^>]*/>', rels)
        if rel is not None:
            target = re.search(r'\bTarget="([^"]*)"', rel.group(0))
            part = posixpath.normpath("xl/" + target.group(1)) if target else "xl/calcChain.xml"
            edits[part] = None
            edits[rels_name] = (rels[: rel.start()] + rels[rel.end() :]).encode("utf-8")
            ct = zin.read(ct_name).decode("utf-8")
            override = rf'<Override\b[^>]*\bPartName="/{re.escape(part)}"[^>]*/>'
            edits[ct_name] = re.sub(override, "", ct).encode("utf-8")
    return edits


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
            if b.namelist() != [n for n in a.namelist() if n not in patched.dropped]:
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
