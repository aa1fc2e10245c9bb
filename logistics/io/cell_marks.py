"""What calamine's cell values do not tell: the date system, error cells, formulas without
a saved result.

``CalamineSheet.to_python`` gives ``''`` for ``#DIV/0!``, ``#N/A`` and for a formula whose
result was never computed (files written by other programs), so they would read as blank
cells, counted 0 or called "required". This module finds them in the sheet XML so that they
become type errors at their own cell (SPEC 4.1). Most sheets hold neither error cells nor
formulas: ``package_budget`` streams each part once and notes those holding ``t="e"`` or
``<f``, and only a sheet that has them is read again and looked at cell by cell.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Collection, Iterable
from pathlib import Path
from xml.etree.ElementTree import Element

from defusedxml import ElementTree as DET

from ..core.rawbook import CellError
from .cell_xml import col_index
from .ooxml import local_name
from .package_budget import MARK_NEEDLES
from .workbook_parts import RELS, WORKBOOK, rel_part

# An error cell's type, or a formula element (not <formula1> of a data validation).
_NEEDLES = MARK_NEEDLES
_CELL = re.compile(rb"<c\b[^>]*?(?:/>|>.*?</c>)", re.S)
_REF = re.compile(rb'\br=["\']([A-Z]+)(\d+)["\']')
_ERROR_TYPE = re.compile(rb'\bt=["\']e["\']')
_FORMULA = re.compile(rb"<f\b[^>]*?(?:/>|>(.*?)</f>)", re.S)
_VALUE = re.compile(rb"<v\b[^>]*>(.*?)</v>", re.S)

Marks = dict[tuple[int, int], CellError]  # (Excel row, 0-based column) -> the cell's mark


def read_marks(
    path: Path, names: Iterable[str], marked: Collection[str]
) -> tuple[bool, dict[str, Marks]]:
    """(the workbook uses the 1904 date system, {sheet name: marks}) for the sheets ``names``;
    ``marked``: the parts that hold a needle (``check_budget``'s answer).

    A part that cannot be located or read gives no marks: calamine has already read the
    sheet, and this is a refinement of its values, not a second reader.
    """
    wanted = set(names)
    with zipfile.ZipFile(path) as zin:
        workbook = DET.fromstring(zin.read(WORKBOOK))
        date1904 = any(
            local_name(e.tag) == "workbookPr" and e.get("date1904") in ("1", "true")
            for e in workbook
        )
        parts = _sheet_parts(zin, workbook)
        marks: dict[str, Marks] = {}
        for name, part in parts.items():
            if name in wanted and part in marked and part in zin.NameToInfo:
                found = _marks(zin.read(part))
                if found:
                    marks[name] = found
    return date1904, marks


def _sheet_parts(zin: zipfile.ZipFile, workbook: Element) -> dict[str, str]:
    if RELS not in zin.NameToInfo:
        return {}
    rels = {
        r.get("Id"): r.get("Target", "")
        for r in DET.fromstring(zin.read(RELS))
        if local_name(r.tag) == "Relationship"
    }
    out = {}
    for entry in workbook.iter():
        if local_name(entry.tag) != "sheet":
            continue
        rid = next((v for k, v in entry.attrib.items() if local_name(k) == "id"), None)
        if rid in rels:
            out[entry.get("name", "")] = rel_part(rels[rid])
    return out


def _cells_with_needles(xml: bytes) -> list[bytes]:
    """The <c> elements holding a needle, found from the needles (not by scanning every cell:
    a sheet of 100,000 plain cells with one formula costs one cell's parse)."""
    starts: set[int] = set()
    for needle in _NEEDLES:
        at = xml.find(needle)
        while at >= 0:
            start = xml.rfind(b"<c ", 0, at)
            if start >= 0:
                starts.add(start)
            at = xml.find(needle, at + 1)
    cells = []
    for start in sorted(starts):
        match = _CELL.match(xml, start)
        if match:
            cells.append(match.group(0))
    return cells


def _marks(xml: bytes) -> Marks:
    found: Marks = {}
    for text in _cells_with_needles(xml):
        error = _ERROR_TYPE.search(text.split(b">", 1)[0]) is not None
        formula = _FORMULA.search(text)
        if not error and formula is None:
            continue
        ref = _REF.search(text)
        if ref is None:
            continue
        value = _VALUE.search(text)
        cached = value.group(1).decode("utf-8", "replace").strip() if value else ""
        position = (int(ref.group(2)), col_index(ref.group(1).decode()) - 1)
        if error:
            found[position] = CellError(cached or "#VALUE!")
        elif not cached:
            body = (formula.group(1) or b"") if formula else b""
            found[position] = CellError("=" + _unescape(body.decode("utf-8", "replace")), True)
    return found


def _unescape(text: str) -> str:
    return (
        text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", '"')
        .replace("&apos;", "'")
        .replace("&amp;", "&")
    )
