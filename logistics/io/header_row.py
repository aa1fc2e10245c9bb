"""Row 1 of an owned sheet: its cell texts (shared strings resolved, parsed only as far as
needed) compared with the expected labels, and the row rewritten when they differ."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Sequence
from typing import NamedTuple
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as DET

from .cell_xml import col_index, rows_xml
from .ooxml import PREFIX, START_TAG, local_name

_CELL_REF = re.compile(r"([A-Z]{1,3})\d+$")
_XMLNS = re.compile(r"""\sxmlns(?::[\w.-]+)?\s*=\s*(?:"[^"]*"|'[^']*')""")
_ROW_OPEN = re.compile(rf"<{PREFIX}row\b([^>]*?)/?>")
_ROW_DROPPED = re.compile(r"""\s(?:r|spans|hidden)\s*=\s*(?:"[^"]*"|'[^']*')""")
_EXCEL_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def rewritten_header(
    header: str, labels: tuple[str, ...], prefix: str, before: str, shared: SharedStrings
) -> str | None:
    """Row 1 (``header``: its XML) as ``labels``; None if its cell texts are exactly those
    labels, so that it is kept as it is."""
    cells = _row_cells(header, before, shared)
    if {c.col: c.text for c in cells if c.text != ""} == dict(enumerate(labels, start=1)):
        return None
    return _header_xml(labels, prefix, header, cells)


class _Cell(NamedTuple):
    col: int
    text: str | None  # "" for a blank cell; None for a number, formula or other non-text
    style: str  # ' s="N"', or ""


def _row_cells(row: str, before: str, shared: SharedStrings) -> list[_Cell]:
    """The cells of the first row's XML (``row``; "" for none), texts resolved.

    The row is parsed on its own, under the namespace declarations of the sheet's root
    element (``before`` starts with it): rows use prefixes such as x14ac: declared there.
    """
    if not row:
        return []
    root = START_TAG.search(before)
    declarations = "".join(_XMLNS.findall(root.group(1))) if root else ""
    try:
        wrapper = DET.fromstring(f"<w{declarations}>{row}</w>")
    except (DET.ParseError, DefusedXmlException):
        return [_Cell(1, None, "")]  # unreadable: not the header, so it is rewritten
    cells, col = [], 0
    for c in (c for r in wrapper for c in r if local_name(c.tag) == "c"):
        ref = _CELL_REF.match(c.get("r", ""))
        col = col_index(ref.group(1)) if ref else col + 1  # no r: the cell after the last
        style = c.get("s", "")
        cells.append(_Cell(col, _cell_text(c, shared), f' s="{style}"' if style.isdigit() else ""))
    return cells


def _cell_text(c: Element, shared: SharedStrings) -> str | None:
    kids = {local_name(k.tag): k for k in c}
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
        if local_name(kid.tag) == "t":
            parts.append(kid.text or "")
        elif local_name(kid.tag) == "r":
            parts += [t.text or "" for t in kid if local_name(t.tag) == "t"]
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


class SharedStrings:
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
                if local_name(elem.tag) == "si":
                    self.items.append(_rich_text(elem))
                    elem.clear()
                    if len(self.items) > index:
                        return
        self.complete = True
