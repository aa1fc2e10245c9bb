"""The budget scan as it was before its quick path (logistics/io/package_budget.py): every
chunk measured exactly, about 2.5 times the CPU. Kept as the reference that
``test_budget_scan`` compares the product's scan with, outcome by outcome.

Stream a workbook's parts before a parser reads them: real bytes and cells within budget.

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

Since the product places the cells of a part not in the standard form as python-calamine
does (``logistics/io/sheet_placement.py``, an expat parser), so does this reference, by a
plain tag-by-tag reading of the whole part (``_placed``; the generated test parts are
small and well-formed): a cell or row tag whose first attribute is not ``r`` in double
quotes makes a part odd, and its bounds are then the farthest placed cell's.
"""

from __future__ import annotations

import functools
import re
import zipfile
from pathlib import Path

from logistics.io.package import MAX_TOTAL_SIZE, UnsafeWorkbook
from logistics.io.write_errors import DAMAGED
from words import Both, both

MAX_CELLS = 16_000_000  # per sheet rectangle and per workbook: 2x a million log rows (7M)
CHUNK = 4 << 20
_OVERLAP = 64  # a tag split across two chunks is still seen whole
_WORKSHEET = re.compile(r"xl/worksheets/[^/]+\.xml")
# The patterns start with the literal ``r="`` so that re skips to it at C speed. They match
# any attribute ending in ``r`` (a superset of the cell and row references), which can only
# raise the bounds: never hide a far cell.
_ROW_NUMBER = re.compile(rb'r="([0-9]+)"')
# Cell references with more digits than n: rows the row tags do not reach.
_LONGER_REF = {n: re.compile(rb'r="[A-Z]{1,3}([0-9]{%d,})"' % (n + 1)) for n in range(1, 11)}


# Cell references of n digits whose first digit is above f: rows past the highest row tag's
# leading digit (none in a file a program wrote).
@functools.cache
def _higher_ref(n: int, f: int) -> re.Pattern[bytes]:
    return re.compile(rb'r="[A-Z]{1,3}([%d-9][0-9]{%d})"' % (f + 1, n - 1))


_SMALL = 256 << 10  # below this, listing a part's one-letter columns beats halving A..Z
# Columns of two and three letters, listed only when there are any (a school's sheets have
# fewer than 27 columns); the last single letter is found by halving A..Z.
_WIDE_COLUMN = re.compile(rb'r="[A-Z]{2}')
_ONE_LETTER = re.compile(rb'r="([A-Z])[0-9]')
_WIDE_COLUMNS = {n: re.compile(rb'r="([A-Z]{%d})[0-9]' % n) for n in (3, 2)}
# What ``cell_marks`` looks for: an error cell's type, or a formula element (not the
# <formula1> of a data validation).
MARK_NEEDLES = (b't="e"', b"t='e'", b"<f>", b"<f ", b"<f/")
_MARKS = (re.compile(rb"""t=["']e["']"""), re.compile(rb"<f[ >/]"))


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def _last_single_letter(data: bytes, known: int) -> int:
    """The column number (1..26) of the last one-letter cell reference in ``data``, at least
    ``known`` (the width found so far), or 0: a binary search over letter ranges, each a
    C-speed scan that stops at its first hit. With ``known`` set, a sheet whose width does
    not grow costs one scan."""
    if known >= 26:
        return known
    if len(data) < _SMALL:
        letters = _ONE_LETTER.findall(data)
        return max(known, max(letters)[0] - 64) if letters else known
    low, high = known, 26  # the answer is within [low, high]; low == 0: maybe none at all
    while low < high:
        mid = (low + high + 1) // 2
        pattern = rb'r="[%c-%c][0-9]' % (64 + mid, 64 + high)
        if re.search(pattern, data):
            low = mid
        else:
            high = mid - 1
    return low


class _SheetExtent:
    """Bounds of one worksheet part: highest row, widest column, number of cells.

    Rows come from ``<row r>`` tags and from cell references with more digits than the
    highest tag; a reference of as many digits as that tag (n) can still reach row
    10**n - 1, which is the bound unless it alone is over budget. Columns are exact. Cells
    without a reference are placed one after another, so a row is never wider than the
    sheet's cell count.
    """

    def __init__(self) -> None:
        self.rows = 0
        self.ref_rows = 0
        self.width = 0
        self.cells = 0
        self.row_tags = 0
        self.marked = False

    def feed(self, data: bytes, start: int) -> None:
        """Scan ``data``, whose new bytes begin at ``start`` (before: the last chunk's tail)."""
        # ``<c`` and ``<row`` also count <cols> or <rowBreaks>: more, never fewer, cells.
        new = data[max(0, start - 3) :]
        self.cells += new.count(b"<c")
        self.row_tags += new.count(b"<row")
        self.width = max(self.width, self._widest(data))
        self.rows = max(self.rows, max(map(int, _ROW_NUMBER.findall(data)), default=0))
        # Cell references longer than the highest row tag (none in a file a program wrote)
        # count as they are; the others are bounded in ``rectangle``.
        longer = _LONGER_REF[self.digits].findall(data)
        if self.leading < 9:
            longer += _higher_ref(self.digits, self.leading).findall(data)
        self.ref_rows = max(self.ref_rows, max(map(int, longer), default=0))
        self.marked = self.marked or any(m.search(data) for m in _MARKS)

    def _widest(self, data: bytes) -> int:
        if not _WIDE_COLUMN.search(data):
            return _last_single_letter(data, self.width)
        for pattern in _WIDE_COLUMNS.values():
            letters = set(pattern.findall(data))
            if letters:
                return max(map(_column_number, letters))
        return _last_single_letter(data, self.width)

    @property
    def digits(self) -> int:
        """Digits of the highest row tag: the longest reference not counted as it is."""
        return min(len(str(self.rows)), 10)

    @property
    def leading(self) -> int:
        """The highest row tag's first digit."""
        return int(str(self.rows)[0])

    def rectangle(self, same_digits: int | None = None) -> int:
        """Highest row × widest column. A reference of ``digits`` digits and a first digit
        no higher than ``leading`` is below the next leading digit (1,048,576 rows: below
        2,000,000), unless ``same_digits``, the highest such reference's row, was found
        (``_same_digit_rows``)."""
        width = self.width or min(self.cells, 16_384)
        bound = (self.leading + 1) * 10 ** (self.digits - 1) - 1
        bound = bound if same_digits is None else same_digits
        return max(self.rows, self.ref_rows, self.row_tags, bound) * width


def _same_digit_rows(z: zipfile.ZipFile, info: zipfile.ZipInfo, digits: int) -> int:
    """The highest row of a cell reference of exactly ``digits`` digits in the part: read
    again only when the power-of-ten bound alone is over budget (a sheet just past 10**n
    rows, whose references of n + 1 digits are the few rows beyond 10**n)."""
    pattern = re.compile(rb'r="[A-Z]{1,3}([0-9]{%d})"' % digits)
    highest, tail = 0, b""
    with z.open(info) as part:
        while chunk := part.read(CHUNK):
            data = tail + chunk
            highest = max(highest, max(map(int, pattern.findall(data)), default=0))
            tail = chunk[-_OVERLAP:]
    return highest


_TAG = re.compile(r"<(/?)([\w:]+)([^>]*?)(/?)>")
_R = re.compile(r"""(?:^|\s)r\s*=\s*["']([^"']*)["']""")


def _placed(xml: str) -> tuple[int, int, int] | None:
    """(highest row, widest column, cells) of a part with a cell or row tag whose first
    attribute is not ``r="`` (None for the others), as calamine places them: a row without
    ``r`` follows the previous one, a cell without ``r`` the previous cell of its row."""
    body = xml.split("<sheetData>", 1)[1].split("</sheetData>", 1)[0]
    tags = _TAG.findall(body)
    if all(a.startswith(' r="') for c, n, a, e in tags if not c and n.split(":")[-1] in "c row"):
        return None
    row = column = 1
    rows = width = cells = 0
    for closing, name, attrs, empty in tags:
        local, found = name.split(":")[-1], _R.search(attrs)
        if local == "row":
            if not closing and found:
                row = int(re.sub("[A-Za-z]", "", found[1]))
            if closing or empty:
                row, column = row + 1, 1
        elif local == "c" and not closing:
            here = (row, column)
            if found:
                letters, digits = re.fullmatch("([A-Za-z]+)([0-9]+)", found[1]).groups()
                here = (int(digits), _column_number(letters.upper().encode()))
            column = here[1] + 1
            rows, width, cells = max(rows, here[0]), max(width, here[1]), cells + 1
    return rows, width, cells


def check_budget(path: Path) -> frozenset[str]:
    """Raise ``UnsafeWorkbook`` when the parts really inflate beyond the budget (SPEC §7);
    return the worksheet parts that hold an error cell or a formula (``MARK_NEEDLES``), so
    that ``cell_marks`` reads only those again.

    Call after ``check_package`` and before any parser. Reads the file once.
    """
    path = Path(path)
    name = path.name
    total = cells = 0
    marked: set[str] = set()

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
                if extent.marked:
                    marked.add(info.filename)
                placed = _placed(z.read(info).decode())
                if placed is not None:
                    cells += placed[2]
                    size = placed[0] * placed[1]
                else:
                    cells += extent.cells
                    size = extent.rectangle()
                if placed is None and size > MAX_CELLS >= extent.rectangle(0):
                    size = extent.rectangle(_same_digit_rows(z, info, extent.digits))
                if size > MAX_CELLS or cells > MAX_CELLS:
                    size = max(size, cells)
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
    return frozenset(marked)
