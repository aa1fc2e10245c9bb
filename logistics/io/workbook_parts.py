"""The workbook's own parts: xl/workbook.xml and its relationships read as a ``WorkbookPart``
(which sheet is which part), and small XML parts edited as text (``PartTexts``)."""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import Element

from defusedxml import ElementTree as DET

from words import both

from .ooxml import local_name, namespace
from .write_errors import WriteFailed

WORKBOOK, RELS, CONTENT_TYPES, APP = (
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
    "[Content_Types].xml",
    "docProps/app.xml",
)
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


@dataclass
class WorkbookPart:
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
        return self.rels.get(
            next((v for k, v in entry.attrib.items() if local_name(k) == "id"), None)
        )

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
                return rel_part(rel.get("Target", ""))
        return None

    def worksheet_rel_type(self) -> str:
        """The worksheet relationship Type as this package spells it (strict or transitional)."""
        return next(
            (t for r in self.rels.values() if (t := r.get("Type", "")).endswith("/worksheet")),
            REL_NS + "/worksheet",
        )


def read_workbook_part(file: str, zin: zipfile.ZipFile) -> WorkbookPart:
    if RELS not in zin.NameToInfo:
        raise WriteFailed(
            name=file,
            reason=both("xl_rels_workbook_xml"),
        )
    wb = DET.fromstring(zin.read(WORKBOOK))
    rels = DET.fromstring(zin.read(RELS))
    entries = [s for s in wb.iter() if local_name(s.tag) == "sheet"]
    rel_ns = next(
        (namespace(k) for e in entries for k in e.attrib if local_name(k) == "id" and namespace(k)),
        REL_NS,
    )
    return WorkbookPart(
        file=file,
        entries=entries,
        rels={r.get("Id"): r for r in rels if local_name(r.tag) == "Relationship"},
        date1904=any(
            local_name(e.tag) == "workbookPr" and e.get("date1904") in ("1", "true") for e in wb
        ),
        main_ns=namespace(wb.tag),
        rel_ns=rel_ns,
    )


def sheet_names(path: Path) -> list[str]:
    """The sheet names of the workbook file at ``path``, in tab order (workbook.xml only:
    no sheet is read). Call after ``check_package``."""
    with zipfile.ZipFile(path) as zin:
        workbook = DET.fromstring(zin.read(WORKBOOK))
    return [e.get("name", "") for e in workbook.iter() if local_name(e.tag) == "sheet"]


def rel_part(target: str) -> str:
    """The part a workbook relationship's Target names (relative to xl/, or absolute)."""
    return target[1:] if target.startswith("/") else posixpath.normpath("xl/" + target)


class PartTexts:
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
