"""The patched copy of a workbook package: each owned sheet's part rewritten, the parts that
must change with them edited (the ``_FilterDatabase`` names, calcChain, added sheets), and
every other part copied as its compressed bytes, in the same order, with the same names,
compression and zip metadata."""

from __future__ import annotations

import copy
import posixpath
import re
import struct
import time
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from .cell_xml import CellGrid
from .header_row import SharedStrings
from .new_sheets import NEW_SHEET_XML, register_sheets
from .ooxml import ATTR, PREFIX
from .sheet_plan import SheetPlan, plan_sheets
from .sheet_xml import split_sheet, xml_chunks
from .workbook_parts import (
    CONTENT_TYPES,
    RELS,
    WORKBOOK,
    PartTexts,
    WorkbookPart,
    read_workbook_part,
)

_DEFINED_NAME = re.compile(rf"(<{PREFIX}definedName\b([^>]*)>)([^<]*)(</{PREFIX}definedName>)")


@dataclass
class Patched:
    """What the patched copy holds that the original does not, for its verification."""

    changed: list[str]  # parts whose bytes differ from the original (or are new)
    dropped: set[str]
    added: list[str]  # new parts, written after all the original ones


def patch_package(
    src: Path,
    out: IO[bytes],
    sheets: Mapping[str, CellGrid],
    header_rows: int,
    headers: Mapping[str, tuple[str, ...]],
) -> Patched:
    """Write the patched copy of ``src`` to ``out``."""
    with zipfile.ZipFile(src) as zin:
        book = read_workbook_part(src.name, zin)
        shared = SharedStrings(zin, book.rel_target("sharedStrings"))
        planned = plan_sheets(book, zin, sheets, header_rows, headers)
        for plan in planned:
            xml = (
                NEW_SHEET_XML.format(ns=book.main_ns).encode() if plan.new else zin.read(plan.part)
            )
            split_sheet(plan, xml, src.name, shared)
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
                zi = _same_name(copy.copy(info))  # the writer updates sizes and CRC on it
                if name in plans:
                    _write_sheet(zout, zi, plans[name])
                else:
                    with zout.open(zi, "w") as dst:
                        dst.write(edits[name] or b"")
            for plan in added:  # after the original parts, which keep their order
                _write_sheet(zout, _new_part_info(plan.part), plan)
    return Patched(
        changed=[*plans, *(p.part for p in added), *(n for n, d in edits.items() if d is not None)],
        dropped={n for n, d in edits.items() if d is None},
        added=[p.part for p in added],
    )


def _write_sheet(zout: zipfile.ZipFile, zi: zipfile.ZipInfo, plan: SheetPlan) -> None:
    _fast_deflate(zi)
    with zout.open(zi, "w") as dst:
        for chunk in xml_chunks(plan):
            dst.write(chunk.encode("utf-8"))


def _new_part_info(name: str) -> zipfile.ZipInfo:
    zi = zipfile.ZipInfo(name, date_time=time.localtime()[:6])
    zi.compress_type = zipfile.ZIP_DEFLATED
    return zi


_LOCAL_HEADER = struct.Struct("<4s5H3L2H")  # a zip entry's local file header (30 bytes)
UTF8_NAME = 0x800  # general purpose flag: the name is UTF-8 (else cp437)


def seek_data(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> tuple[IO[bytes], str]:
    """``zf``'s file positioned at the first compressed byte of part ``info`` (after its
    local header, whose signature is checked), and the name that local header gives."""
    fp = zf.fp
    assert fp is not None
    fp.seek(info.header_offset)
    header = _LOCAL_HEADER.unpack(fp.read(_LOCAL_HEADER.size))
    if header[0] != b"PK\x03\x04":  # a local file header's signature
        raise zipfile.BadZipFile(f"bad local header for {info.filename}")
    name = fp.read(header[9]).decode("utf-8" if header[2] & UTF8_NAME else "cp437", "replace")
    fp.seek(header[10], 1)
    return fp, name


def _copy_compressed(zin: zipfile.ZipFile, info: zipfile.ZipInfo, zout: zipfile.ZipFile) -> None:
    """Copy an unchanged part as its compressed bytes: no inflate, no deflate.

    zipfile has no public raw copy; re-compressing the input sheets (tens of MB at 100k log
    rows) was most of the write time. The entry keeps its name, CRC, sizes, compression and
    metadata; its local header is written anew (without a data descriptor, sizes known).
    """
    assert zout.fp is not None
    fp = seek_data(zin, info)[0]
    zi = _same_name(copy.copy(info))
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


class _NameBytes(zipfile.ZipInfo):
    """A part's entry written under the very bytes its name had (``_same_name``)."""

    __slots__ = ("name_bytes",)
    name_bytes: bytes

    def _encodeFilenameFlags(self) -> tuple[bytes, int]:  # zipfile's hook for both headers
        return self.name_bytes, self.flag_bits


def _same_name(zi: zipfile.ZipInfo) -> zipfile.ZipInfo:
    """``zi``, to be written under the very bytes of its name. zipfile read a name without
    the UTF-8 flag as cp437 and would write it back as UTF-8 (a part named in UTF-8 or GBK
    by a writer that sets no flag came back as mojibake): cp437 gives each byte back."""
    if zi.flag_bits & UTF8_NAME or zi.orig_filename.isascii():
        return zi
    try:
        name = zi.orig_filename.encode("cp437")
    except UnicodeEncodeError:  # a name zipfile took from elsewhere (an extra field)
        return zi
    kept = _NameBytes(zi.filename)
    for slot in zipfile.ZipInfo.__slots__:
        if hasattr(zi, slot):
            setattr(kept, slot, getattr(zi, slot))
    kept.name_bytes = name
    return kept


def _fast_deflate(zi: zipfile.ZipInfo) -> None:
    """Our generated sheet XML: deflate level 1 is ~3x faster than the default, for ~25% more
    bytes. The level is public from Python 3.13 (compress_level); before: _compresslevel."""
    setattr(zi, "compress_level" if hasattr(zi, "compress_level") else "_compresslevel", 1)


def _workbook_edits(
    zin: zipfile.ZipFile, plans: list[SheetPlan], book: WorkbookPart
) -> dict[str, bytes | None]:
    """Parts outside the sheets that must change with them (None = drop the part)."""
    parts = PartTexts(zin)
    refs = {str(p.index): p.filter_ref for p in plans if p.filter_ref is not None}
    if refs:  # keep the hidden _xlnm._FilterDatabase name in step with the autoFilter
        xml = parts.get(WORKBOOK)
        parts.set(WORKBOOK, _DEFINED_NAME.sub(lambda m: _filter_name(m, refs), xml))
    if any(p.removed_formulas for p in plans):
        _drop_calc_chain(parts)
    added = [(p, p.new) for p in plans if p.new is not None]
    if added:
        register_sheets(parts, added, book)
    return parts.edits()


def _drop_calc_chain(parts: PartTexts) -> None:
    """calcChain lists formula cells; a stale entry makes Excel "repair" the file. Excel
    rebuilds it when it is missing, so drop it with its relationship and content type."""
    rels = parts.get(RELS)
    rel = re.search(r'<Relationship\b[^>]*\bType="[^"]*/calcChain"[^>]*/>', rels)
    if rel is None:
        return
    target = re.search(r'\bTarget="([^"]*)"', rel.group(0))
    part = posixpath.normpath("xl/" + target.group(1)) if target else "xl/calcChain.xml"
    parts.dropped.add(part)
    parts.set(RELS, rels[: rel.start()] + rels[rel.end() :])
    override = rf'<Override\b[^>]*\bPartName="/{re.escape(part)}"[^>]*/>'
    parts.set(CONTENT_TYPES, re.sub(override, "", parts.get(CONTENT_TYPES)))


def _filter_name(m: re.Match[str], refs: dict[str, str]) -> str:
    attrs = {k: a or b for k, a, b in ATTR.findall(m.group(2))}
    ref = refs.get(attrs.get("localSheetId", ""))
    value, bang = m.group(3), m.group(3).rfind("!")
    if attrs.get("name") != "_xlnm._FilterDatabase" or ref is None or bang < 0:
        return m.group(0)
    absolute = ":".join("$" + re.sub(r"(\d+)", r"$\1", cell) for cell in ref.split(":"))
    return m.group(1) + value[: bang + 1] + absolute + m.group(4)
