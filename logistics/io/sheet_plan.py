"""Where each owned sheet's rows go: its worksheet part, found through workbook.xml and its
relationships (never by the name sheetN.xml), or a new part, relationship Id and sheetId for
a sheet the workbook lacks."""

from __future__ import annotations

import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from xml.etree.ElementTree import Element

from defusedxml import ElementTree as DET

from words import both, listed

from .cell_xml import CellGrid
from .ooxml import local_name
from .workbook_parts import CONTENT_TYPES, WorkbookPart, rel_part
from .write_errors import SheetMissing, WriteFailed


@dataclass
class NewSheet:
    """How a sheet the workbook lacks is registered: its relationship Id and sheetId."""

    rid: str
    sheet_id: int


@dataclass
class SheetPlan:
    """One owned sheet: where its rows go, and (set by ``sheet_xml.split_sheet``) the XML kept
    around them."""

    name: str
    part: str
    index: int  # position in <sheets>: the localSheetId of its defined names
    rows: CellGrid
    date1904: bool
    header_rows: int  # rows kept verbatim at the top (1: the header; 0: none)
    labels: tuple[str, ...] | None = None  # expected header: row 1 is checked against it
    new: NewSheet | None = None  # set for a sheet added to the workbook
    before: str = ""  # XML before <sheetData>, with the new <dimension>
    header: str = ""  # kept row(s), verbatim, or the rewritten header row
    after: str = ""  # XML after </sheetData>, with the new <autoFilter>
    prefix: str = ""
    styles: tuple[str, ...] = ()  # per column: ' s="N"' from <cols>, or ""
    removed_formulas: bool = False
    filter_ref: str | None = None  # new autoFilter range, for the _FilterDatabase name


def plan_sheets(
    book: WorkbookPart,
    zin: zipfile.ZipFile,
    sheets: Mapping[str, CellGrid],
    header_rows: int,
    headers: Mapping[str, tuple[str, ...]],
) -> list[SheetPlan]:
    """Resolve sheet names to worksheet parts via workbook.xml and its rels (never sheetN.xml);
    a missing sheet with expected ``headers`` is planned as a new one."""
    names = book.names
    plans = []
    slots: Slots | None = None
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
            plans.append(SheetPlan(name, part, hits[0], rows, book.date1904, header_rows, labels))
            continue
        if labels is None:
            raise SheetMissing(name=book.file, sheet=name, sheets=listed(book.names))
        slots = slots or Slots.of(book, zin)
        part, new = slots.take()
        plans.append(SheetPlan(name, part, len(names), rows, book.date1904, 1, labels, new))
        names.append(name)
    return plans


def _worksheet_part(book: WorkbookPart, zin: zipfile.ZipFile, name: str, entry: Element) -> str:
    rel = book.rel_of(entry)
    if rel is None or not rel.get("Type", "").endswith("/worksheet"):
        raise WriteFailed(
            name=book.file,
            reason=both("not_worksheet", name=name),
        )
    part = rel_part(rel.get("Target", ""))
    if part not in zin.NameToInfo:
        raise WriteFailed(
            name=book.file,
            reason=both("part_sheet_missing", name=name, part=part),
        )
    return part


@dataclass
class Slots:
    """Unused names for sheets being added: part names, relationship Ids and sheetIds."""

    parts: set[str]  # casefolded: part names in a package ignore case
    rids: set[str]
    sheet_id: int  # the highest in use

    @classmethod
    def of(cls, book: WorkbookPart, zin: zipfile.ZipFile) -> Slots:
        parts = {n.casefold() for n in zin.NameToInfo}
        types = DET.fromstring(zin.read(CONTENT_TYPES))
        parts |= {  # an Override or Relationship left behind by a deleted part counts too
            e.get("PartName", "").lstrip("/").casefold()
            for e in types
            if local_name(e.tag) == "Override"
        }
        parts |= {rel_part(r.get("Target", "")).casefold() for r in book.rels.values()}
        ids = [int(i) for e in book.entries if (i := e.get("sheetId", "")).isdigit()]
        return cls(parts, {i for i in book.rels if i is not None}, max(ids, default=0))

    def take(self) -> tuple[str, NewSheet]:
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
        return part, NewSheet(rid, self.sheet_id)
