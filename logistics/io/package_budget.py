"""Stream a workbook's parts before a parser reads them: real bytes and cells within budget.

``check_package`` trusts the zip directory's declared sizes; a hostile file can declare small
parts that inflate to gigabytes, or place two cells at A1 and XFD1048576 so that a reader
allocating the rectangle between them (python-calamine does) asks for 17 billion cells.
``check_budget`` inflates every part once, in chunks, never holding more than one chunk:

- the bytes that come out are counted against ``MAX_TOTAL_SIZE``; zipfile stops each part at
  its declared size and then checks its CRC, so a part longer than declared is refused as
  damaged instead of read on;
- in worksheet parts it counts cells and bounds the sheet's rectangle (highest row × widest
  column) against ``MAX_CELLS``.

Cost: about 2 s of CPU per 100 MB of XML (a school's year is ~15 MB: 0.3 s); bombs stop at
the budget. A million-row log sheet (1,000,001 rows × 7 columns) is well inside MAX_CELLS.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from ..words import Both, both
from .package import MAX_TOTAL_SIZE, UnsafeWorkbook
from .write_errors import DAMAGED

MAX_CELLS = 16_000_000  # per sheet rectangle and per workbook: 2x a million log rows (7M)
CHUNK = 4 << 20
_OVERLAP = 64  # a tag split across two chunks is still seen whole
_WORKSHEET = re.compile(r"xl/worksheets/[^/]+\.xml")
_ROW_NUMBER = re.compile(rb'<row\b[^>]*?\br="([0-9]+)"')
# Cell references (``r`` is the only attribute with letters then digits): fast literal scans.
_CELL_COLUMN = re.compile(rb'\sr="([A-Z]+)[0-9]')
_FAR_ROW = re.compile(rb'\sr="[A-Z]{1,3}([0-9]{7,})"')  # row 1,000,000 and beyond
# Cell references of exactly n digits (n = 1..6): their rows are below 10**n.
_REF_OF_DIGITS = {n: re.compile(rb'\sr="[A-Z]{1,3}[0-9]{%d}"' % n) for n in range(1, 7)}
_ROW_TAG = re.compile(rb"<row[\s>/]")


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


class _SheetExtent:
    """Bounds of one worksheet part: highest row, widest column, number of cells.

    Rows come from ``<row r>`` tags and from cell references of 7 digits or more; a cell
    reference of n < 7 digits (beyond any row tag, in a hostile file) can reach row 10**n - 1.
    Columns are exact. Cells without a reference are placed one
    after another, so a row is never wider than the sheet's cell count.
    """

    def __init__(self) -> None:
        self.rows = 0
        self.ref_rows = 0
        self.columns: set[bytes] = set()
        self.cells = 0
        self.row_tags = 0

    def feed(self, data: bytes, start: int) -> None:
        """Scan ``data``, whose new bytes begin at ``start`` (before: the last chunk's tail)."""
        new = data[max(0, start - 3) :]
        self.cells += new.count(b"<c ") + new.count(b"<c>") + new.count(b"<c/>")
        self.columns.update(_CELL_COLUMN.findall(data))
        for m in _ROW_NUMBER.finditer(data):
            self.rows = max(self.rows, int(m.group(1)))
        for m in _FAR_ROW.finditer(data):
            self.ref_rows = max(self.ref_rows, int(m.group(1)))
        self.row_tags += len(_ROW_TAG.findall(data, max(0, start - 4)))
        for digits in range(6, 0, -1):  # the longest reference: a bound on its row
            bound = 10**digits - 1
            if self.ref_rows >= bound:
                break
            if _REF_OF_DIGITS[digits].search(data):
                self.ref_rows = bound
                break

    @property
    def rectangle(self) -> int:
        width = max((_column_number(c) for c in self.columns), default=0)
        width = max(width, min(self.cells, 16_384)) if not self.columns else width
        return max(self.rows, self.ref_rows, self.row_tags) * width


def check_budget(path: Path) -> None:
    """Raise ``UnsafeWorkbook`` when the parts really inflate beyond the budget (SPEC §7).

    Call after ``check_package`` and before any parser. Reads the file once.
    """
    path = Path(path)
    name = path.name
    total = cells = 0

    def unsafe(zh: str, en: str) -> UnsafeWorkbook:
        return UnsafeWorkbook(name=name, reason=Both(zh, en))

    try:
        with zipfile.ZipFile(path) as z:
            for info in z.infolist():
                extent = _SheetExtent() if _WORKSHEET.fullmatch(info.filename) else None
                tail = b""
                with z.open(info) as part:
                    while chunk := part.read(CHUNK):
                        total += len(chunk)
                        if total > MAX_TOTAL_SIZE:
                            raise unsafe(
                                *both(
                                    "unpacks_more_than_mib", MAX_TOTAL_SIZE=MAX_TOTAL_SIZE / 1024**2
                                ),
                            )
                        if extent is not None:
                            extent.feed(tail + chunk, len(tail))
                            tail = chunk[-_OVERLAP:]
                if extent is None:
                    continue
                cells += extent.cells
                if extent.rectangle > MAX_CELLS or cells > MAX_CELLS:
                    size = max(extent.rectangle, cells)
                    raise unsafe(
                        *both(
                            "worksheet_part_spans_about",
                            filename=info.filename,
                            size=size,
                            MAX_CELLS=MAX_CELLS,
                        ),
                    )
    except DAMAGED as exc:
        raise unsafe(
            *both("data_damaged", name=type(exc).__name__, exc=exc),
        ) from exc
