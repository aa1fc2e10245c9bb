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

A chunk of a sheet written in row order costs two counts and six searches that find nothing
(``_SheetExtent.feed``): the last row tag gives the candidate bounds, and one search looks for
anything past them (a wider column, a longer or higher row number); only a chunk where it finds
one is measured exactly, as a hostile file needs. Where a bound of the quick path is over
budget, the part is read again and measured exactly.

The searches trust the form every writer uses, ``<row r="1"`` and ``<c r="A1"``. calamine
also honours a cell or row without ``r`` (placed after the previous one), ``r`` later in the
tag, single quotes, spaces around ``=``, a namespace prefix, lower-case and four-letter
columns; three of the searches (``sheet_placement.odd_form``; ``odd_reference`` where values
are looked at) find any of these, and such a part is read again by ``sheet_placement``, which
places its cells as calamine does. Cost: about 0.7 s of CPU per 100 MB of XML (a school's
year is ~15 MB: 0.1 s; measuring every chunk, as ``tests/io/budget_reference.py`` still
does, 2 s; a part placed by ``sheet_placement``, about 9 s); bombs stop at the budget. A
million-row log sheet (1,000,001 rows × 7 columns) is well inside MAX_CELLS.
"""

from __future__ import annotations

import functools
import re
import zipfile
from pathlib import Path

from words import Both, both

from .package import MAX_TOTAL_SIZE, UnsafeWorkbook
from .sheet_placement import Placement, Unplaceable, is_key, odd_form, odd_reference, place_cells
from .write_errors import DAMAGED

MAX_CELLS = 16_000_000  # per sheet rectangle and per workbook: 2x a million log rows (7M)
# The sheets' rectangles together (their bounds): calamine's cells for the whole workbook,
# which the reader may hold at once. A million log rows with a year's other sheets: ~15M.
MAX_BOOK_CELLS = 2 * MAX_CELLS
CHUNK = 4 << 20
OVERLAP = 64  # a tag split across two chunks is still seen whole
WORKSHEET = re.compile(r"xl/worksheets/[^/]+\.xml")
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


# The quick path. A row tag as written by Excel and every library: ``r`` first.
_ROW_TAG = re.compile(rb'<row r="([0-9]+)"')
_PROBE = 64 << 10


def _last_row_tag(data: bytes) -> int:
    """The number of the last whole ``<row r="n"`` in ``data``, or 0."""
    end = len(data)
    for _ in range(2):  # the very last one may be cut by the chunk's end
        end = data.rfind(b'<row r="', 0, end)
        if end < 0:
            return 0
        if found := _ROW_TAG.match(data, end):
            return int(found[1])
    return 0


@functools.cache
def _past_bounds(digits: int, lead: int, width: int) -> re.Pattern[bytes]:
    """Any attribute ending in ``r`` (as ``_ROW_NUMBER``) whose value is a cell reference or
    row number past ``width`` columns (1..26), ``digits`` digits or, with as many digits, a
    first digit of ``lead``: after at most one letter within the width, at most one digit
    up to ``lead`` and ``digits - 1`` digits more, a digit or letter follows. ``?+`` and
    ``{}+`` take what they match for good, so a reference within the bounds fails at its
    closing quote, with no second try; one literal prefix keeps the search at C speed."""
    first = (
        rb"[0-9]{0,%d}+" % digits if lead == 9 else rb"[0-%d]?+[0-9]{0,%d}+" % (lead, digits - 1)
    )
    return re.compile(rb'r="[A-%c]?+%s[0-9A-Za-z]' % (64 + width, first))


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
    10**n - 1, which is the bound unless it alone is over budget. Columns are exact (one to
    three upper-case letters). ``odd``: a tag or reference is not in the standard form
    (``sheet_placement.odd_form``, ``odd_reference``); the bounds here then count for
    nothing, and the caller places the part's cells (``sheet_placement.place_cells``).

    ``count_cells`` False: the caller has bounded the workbook's cells by its parts' sizes,
    so chunks measured by the quick path are not counted (``cells`` is then a lower figure);
    True: they count every "c", a higher figure (``cells_exact`` False) that the caller
    replaces by the exact count if it is over budget.
    A chunk on the quick path gives ``rows`` from its last row tag: the same digits and
    leading digit as the highest number in it, but maybe not that number.
    """

    def __init__(
        self, *, count_cells: bool = True, quick: bool = True, odd_forms: bool = True
    ) -> None:
        self.rows = 0
        self.ref_rows = 0
        self.width = 0
        self.cells = 0
        self.row_tags = 0
        self.marked = False
        self.count_cells = count_cells
        self.quick = quick
        self.loose_digits = 0
        self.cells_exact = True
        self.odd = False
        self.odd_forms = odd_forms  # False: ``odd_parts`` looks for them (another process)

    def feed(self, data: bytes, start: int) -> None:
        """Scan ``data``, whose new bytes begin at ``start`` (before: the last chunk's tail)."""
        # ``<c`` and ``<row`` also count <cols> or <rowBreaks>: more, never fewer, cells.
        begin = max(0, start - 3)
        self.row_tags += data.count(b"<row", begin)
        self.marked = self.marked or any(m.search(data) for m in _MARKS)
        if self.odd or (self.odd_forms and odd_form(data)):
            self.odd = True  # the part is placed by ``sheet_placement``: nothing more here
            return
        if self.quick and self._within_bounds(data):
            if self.count_cells:  # a bound at a third of the cost: each "<c" holds a "c"
                self.cells += data.count(b"c", begin)
                self.cells_exact = False
            return
        if odd_reference(data):
            self.odd = True
            return
        self.cells += data.count(b"<c", begin)
        self.width = max(self.width, self._widest(data))
        self.rows = max(self.rows, max(map(int, _ROW_NUMBER.findall(data)), default=0))
        # Cell references longer than the highest row tag (none in a file a program wrote)
        # count as they are; the others are bounded in ``rectangle``.
        longer = _LONGER_REF[self.digits].findall(data)
        if self.leading < 9:
            longer += _higher_ref(self.digits, self.leading).findall(data)
        self.ref_rows = max(self.ref_rows, max(map(int, longer), default=0))

    def _within_bounds(self, data: bytes) -> bool:
        """The quick path: True when nothing in ``data`` is past the width found so far and
        the digits and leading digit of the chunk's last row tag (then that tag's number is
        taken as the chunk's rows). ``feed`` measures exactly what it finds past them."""
        rows = max(self.rows, _last_row_tag(data))
        # The first chunk's width: its first bytes' (a sheet's rows are alike).
        width = self.width or self._widest(data[:_PROBE])
        if not 0 < width <= 26 or not 0 < rows < 10**9:
            return False
        digits = len(str(rows))
        # While any row of ``digits`` digits is within budget, the first digit needs no look.
        loose = (10**digits - 1) * width <= MAX_CELLS
        for found in _past_bounds(digits, 9 if loose else int(str(rows)[0]), width).finditer(data):
            if not found[0][-1:].islower() or is_key(data, found.start()):
                return False
            # else a lower-case value of another attribute ending in r (operator="equal")
        self.rows, self.width = rows, width
        if loose:
            self.loose_digits = max(self.loose_digits, digits)
        return True

    def loose_holds(self) -> bool:
        """Whether the chunks read without a look at the first digit (``loose_digits``) hide
        nothing that counts: their rows are below 10**loose_digits, which is within the
        final bound or, times the final width, within budget. Else read the part again."""
        highest = 10**self.loose_digits - 1
        return highest <= self._bound() or highest * self.width <= MAX_CELLS

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
        bound = self._bound() if same_digits is None else same_digits
        return max(self.rows, self.ref_rows, self.row_tags, bound) * width

    def _bound(self) -> int:
        return (self.leading + 1) * 10 ** (self.digits - 1) - 1


def _reread(z: zipfile.ZipFile, info: zipfile.ZipInfo, digits: int) -> tuple[int, int]:
    """The highest row of a cell reference of exactly ``digits`` digits in the part, and its
    highest row number as ``_ROW_NUMBER`` finds them: read again only when the part's
    rectangle is over budget (a refusal, or a sheet just past 10**n rows whose references
    of n + 1 digits are the few rows beyond 10**n)."""
    pattern = re.compile(rb'r="[A-Z]{1,3}([0-9]{%d})"' % digits)
    highest = rows = 0
    tail = b""
    with z.open(info) as part:
        while chunk := part.read(CHUNK):
            data = tail + chunk
            highest = max(highest, max(map(int, pattern.findall(data)), default=0))
            rows = max(rows, max(map(int, _ROW_NUMBER.findall(data)), default=0))
            tail = chunk[-OVERLAP:]
    return highest, rows


def _most_cells(infos: list[zipfile.ZipInfo]) -> int:
    """At most how many ``<c`` the sheet parts can hold: zipfile stops each part at its
    declared size, a ``<c`` takes two bytes, and each chunk counts 3 bytes again."""
    return sum(i.file_size // 2 + 2 * (i.file_size // CHUNK + 2) for i in infos)


def _measured(z: zipfile.ZipFile, info: zipfile.ZipInfo) -> _SheetExtent | Placement:
    """The part read again, every chunk measured exactly (its bytes were counted); placed
    as calamine places its cells if a tag is not in the standard form."""
    extent, tail = _SheetExtent(quick=False), b""
    with z.open(info) as part:
        while chunk := part.read(CHUNK):
            extent.feed(tail + chunk, len(tail))
            tail = chunk[-OVERLAP:]
    return _placed(z, info, extent) if extent.odd else extent


def _placed(z: zipfile.ZipFile, info: zipfile.ZipInfo, extent: _SheetExtent) -> Placement:
    """The part's exact bounds from ``sheet_placement`` (``extent.odd``), with the marks
    found while streaming it."""
    placement = place_cells(z, info, CHUNK)
    placement.marked = extent.marked
    return placement


def check_budget(path: Path, *, odd_forms: bool = True) -> frozenset[str]:
    """Raise ``UnsafeWorkbook`` when the parts really inflate beyond the budget (SPEC §7);
    return the worksheet parts that hold an error cell or a formula (``MARK_NEEDLES``), so
    that ``cell_marks`` reads only those again.

    Call after ``check_package`` and before any parser. Reads the file once, a sheet part
    again only where a bound is over budget (a refusal, or a sheet close to the limits).
    """
    path = Path(path)
    name = path.name
    total = 0
    marked: set[str] = set()

    def unsafe(zh: str, en: str) -> UnsafeWorkbook:
        return UnsafeWorkbook(name=name, reason=Both(zh, en))

    try:
        with zipfile.ZipFile(path) as z:
            sheets = [i for i in z.infolist() if WORKSHEET.fullmatch(i.filename)]
            count_cells = _most_cells(sheets) > MAX_CELLS  # else no total can be over
            counts: list[int] = []  # cells of each sheet part so far
            bounded: dict[int, zipfile.ZipInfo] = {}  # those counts that are bounds
            rectangles = 0  # the sheets' rectangles so far (bounds)
            for info in z.infolist():
                extent = None
                if WORKSHEET.fullmatch(info.filename):
                    extent = _SheetExtent(count_cells=count_cells, odd_forms=odd_forms)
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
                            tail = chunk[-OVERLAP:]
                if extent is None:
                    continue
                sheet: _SheetExtent | Placement = extent
                if extent.odd:
                    sheet = _placed(z, info, extent)
                elif not extent.loose_holds():
                    sheet = _measured(z, info)
                if sheet.marked:
                    marked.add(info.filename)
                counts.append(sheet.cells)
                if not sheet.cells_exact:
                    bounded[len(counts) - 1] = info
                if sum(counts) > MAX_CELLS and bounded:  # only bounds over: count exactly
                    for index, part_info in bounded.items():
                        counts[index] = _measured(z, part_info).cells
                    bounded.clear()
                cells = sum(counts)
                size = sheet.rectangle()
                if isinstance(sheet, _SheetExtent) and size > MAX_CELLS >= sheet.rectangle(0):
                    # The quick path's rows can be lower than the highest: read them too.
                    same_digits, sheet.rows = _reread(z, info, sheet.digits)
                    if sheet.rectangle(0) <= MAX_CELLS:
                        size = sheet.rectangle(same_digits)
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
                rectangles += size
                if rectangles > MAX_BOOK_CELLS:  # many sheets, each under the limit
                    raise unsafe(
                        *both("worksheets_span_about", size=rectangles, limit=MAX_BOOK_CELLS)
                    )
    except (*DAMAGED, Unplaceable) as exc:
        raise unsafe(
            *both("data_damaged", name=type(exc).__name__, exc=exc),
        ) from exc
    return frozenset(marked)
