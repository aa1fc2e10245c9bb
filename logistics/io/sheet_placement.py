"""Where python-calamine places a worksheet's cells, for parts not in the standard form.

Every writer (Excel, WPS, LibreOffice, openpyxl, XlsxWriter) writes ``<row r="1"`` and
``<c r="A1"`` with ``r`` first in double quotes, and ``package_budget`` bounds those parts
by searching bytes. A part with a cell or row tag in another form (no ``r``, ``r`` later,
a namespace prefix, single quotes, spaces around ``=``, lower-case or long column letters)
is read here instead, with ``xml.parsers.expat`` fed chunk by chunk (no tree is held), and
its cells are placed as calamine's xlsx reader places them (``XlsxCellReader::next_cell``):

- only the first ``sheetData`` counts, up to its end; elements match by local name
  (``x:c`` is a cell);
- ``<row r>`` sets the running row; the end of a row moves it one down and the running
  column back to A, so a row without ``r`` is the row after the previous one;
- ``<c r>`` is placed at its reference and sets the running column; a cell without ``r``
  is placed at the running row and column; every cell moves the running column one right;
- what is inside a cell (``v``, ``f``, ``is``) holds no cell.

Lower-case column letters count as upper-case ones; a row's ``r`` may carry letters,
which calamine ignores. A reference calamine cannot read (``$A$1``, ``A1:B2``, row 0) would
stop calamine with an error, and a part that is not well-formed XML may be read by
calamine in ways expat does not: both are refused as damaged (``Unplaceable``), as is a
document type declaration (entities could expand without bound).
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from xml.parsers import expat

_CELL_REF = re.compile(r"([A-Za-z]*)([0-9]+)")


# Tags and ``r`` attributes not in the standard form (``odd_form``), all honoured by calamine:
# a cell tag whose first attribute is not ``r="``, a cell with a namespace prefix, and, in
# one search whose hits ``odd_form`` checks, a row tag not in the form ``<row r="`` (``x:row``
# too) or an ``r`` with spaces around ``=`` or single quotes. An ``r`` value with lower-case
# or more than three letters is found where values are looked at (``odd_reference``, and
# ``package_budget``'s quick path). Such a part is placed by ``place_cells``.
_ODD_CELL = re.compile(rb'<c(?! r=")[\s/>]')
_PREFIXED_CELL = re.compile(rb":c[\s/>]")
_ODD_ROW_OR_KEY = re.compile(rb'r(?:ow(?<!/row)(?:[\t\n\r/>]| (?!r="))|\s|=[^"])')
_R_KEY = re.compile(rb"r\s*(?:=\s*(?:[\"']|\Z)|\Z)")  # reaching the chunk's end counts
_ODD_REF = re.compile(rb'r="[A-Z]{0,3}+[A-Za-z]')
_KEY_BEFORE = b" \t\n\x0c\r\"'"  # before an attribute's name (Rust's ASCII spaces, a quote)
_CUT = 16  # a match this close to a chunk's end is seen whole in the next chunk


def is_key(data: bytes, at: int) -> bool:
    """Whether the ``r`` at ``at`` begins an attribute name (after a space or a quote)."""
    return at == 0 or data[at - 1] in _KEY_BEFORE


def odd_form(data: bytes) -> bool:
    """Whether ``data`` holds a cell or row tag or an ``r`` attribute not in the standard
    form (``<c r="A1"`` / ``<row r="1"``): three searches with a literal prefix, at C
    speed; the third one's hits (a name ending in "r" before a space, as ``<sheetPr ``, a
    word in a text) are checked one by one."""
    limit = len(data) - _CUT
    for pattern in (_ODD_CELL, _PREFIXED_CELL):
        found = pattern.search(data)
        if found and found.start() <= limit:
            return True
    for found in _ODD_ROW_OR_KEY.finditer(data):
        at = found.start()
        if at > limit:
            break
        if data.startswith(b"ow", at + 1):  # a row tag, if it follows "<" or a prefix
            if at > 0 and data[at - 1] in b"<:":
                return True
        elif is_key(data, at) and _R_KEY.match(data, at):
            return True
    return False


def odd_reference(data: bytes) -> bool:
    """Whether an ``r`` value has lower-case letters or more than three letters (calamine
    reads ``xfd1`` as XFD1, and ``AAAA1`` as column 18,279)."""
    return any(is_key(data, f.start()) for f in _ODD_REF.finditer(data))


class Unplaceable(ValueError):
    """The part cannot be placed as calamine would: not well-formed, or a bad reference."""


class _Done(Exception):
    """The end of the first ``sheetData``: calamine reads no further."""


@dataclass
class Placement:
    """Bounds of a part's cells as calamine places them (SPEC §7).

    ``rows``: the highest row (1-based), ``width``: the widest column (1-based), ``cells``:
    the number of cell elements (calamine keeps only those with a value: at most this).
    ``marked`` is set by the caller (error cells or formulas, ``package_budget``).
    """

    rows: int = 0
    width: int = 0
    cells: int = 0
    marked: bool = False
    cells_exact: bool = True

    def rectangle(self, same_digits: int | None = None) -> int:
        """Rows × columns from A1 to the farthest cell: what calamine allocates at most.
        ``same_digits`` is ignored (the bounds are exact), as for ``_SheetExtent``."""
        return self.rows * self.width

    def loose_holds(self) -> bool:
        """Always True: nothing was bounded loosely."""
        return True


def _column(letters: str) -> int:
    """1 for A or a, 27 for AA: the column calamine reads (base 26, either case)."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def _reference(value: str, *, row_only: bool) -> tuple[int, int]:
    """(row, column), 1-based, of an ``r`` value as calamine's ``get_row_column`` reads
    it: letters then digits; a cell needs a letter, a row ignores them. Raise
    ``Unplaceable`` for anything calamine refuses."""
    found = _CELL_REF.fullmatch(value)
    if not found or int(found[2]) == 0 or not (row_only or found[1]):
        raise Unplaceable(f"the reference r={value!r} is not a cell reference")
    return int(found[2]), _column(found[1])


class _Placer:
    """Expat handlers that follow calamine's running row and column."""

    def __init__(self) -> None:
        self.placement = Placement()
        self.started = False
        self.inside = 0  # depth inside a cell: nothing there is a cell
        self.row = 1  # the running row and column (1-based)
        self.column = 1

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if self.inside:
            self.inside += 1
            return
        local = name[name.find(":") + 1 :]  # quick-xml: after the first colon
        if not self.started:
            self.started = local == "sheetData"
            return
        if local == "row":
            if "r" in attrs:
                self.row = _reference(attrs["r"], row_only=True)[0]
        elif local == "c":
            row, column = self.row, self.column
            if "r" in attrs:
                row, column = _reference(attrs["r"], row_only=False)
            self.column = column + 1
            placed = self.placement
            placed.cells += 1
            placed.rows = max(placed.rows, row)
            placed.width = max(placed.width, column)
            self.inside = 1

    def end(self, name: str) -> None:
        if self.inside:
            self.inside -= 1
            return
        if not self.started:
            return
        local = name[name.find(":") + 1 :]
        if local == "row":
            self.row += 1
            self.column = 1
        elif local == "sheetData":
            raise _Done


def _no_doctype(*_: object) -> None:
    raise Unplaceable("the part declares a document type")


def place_cells(z: zipfile.ZipFile, info: zipfile.ZipInfo, chunk: int) -> Placement:
    """The part's cells placed as calamine places them, read in chunks of ``chunk`` bytes.

    Raise ``Unplaceable`` when the part is not well-formed XML, declares a document type or
    holds a reference calamine refuses; zipfile's errors (a damaged part) pass through.
    """
    placer = _Placer()
    parser = expat.ParserCreate()
    parser.StartElementHandler = placer.start
    parser.EndElementHandler = placer.end
    parser.StartDoctypeDeclHandler = _no_doctype
    try:
        with z.open(info) as part:
            while data := part.read(chunk):
                parser.Parse(data, False)
            parser.Parse(b"", True)
    except _Done:
        pass
    except expat.ExpatError as exc:
        raise Unplaceable(f"{info.filename}: {exc}") from exc
    return placer.placement
