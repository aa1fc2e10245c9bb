"""Cell markup for result rows: values to SpreadsheetML ``<row>``/``<c>`` elements, fast.

Text becomes inline strings (``t="inlineStr"``): never a formula, whatever it starts with,
and no shared-strings table to rewrite. Dates, times and durations become serial numbers.
"""

from __future__ import annotations

import datetime as dt
import decimal
import math
import numbers
import re
from collections.abc import Iterator, Sequence
from itertools import chain, repeat, zip_longest
from typing import Any

from ..core.columns import column_letters

MAX_CELL_CHARS = 32767  # Excel's limit; longer text is cut
_CHUNK_ROWS = 2000  # rows turned into XML at a time
_FLOAT, _STR, _INT, _NONE = {float}, {str}, {int}, {type(None)}
_BIG_INT = 10**15  # Excel keeps 15 significant digits: longer integers are written as text
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_EXCEL_ESCAPE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")  # Excel decodes _xHHHH_ in text

CellGrid = Sequence[Sequence[object]]


def rows_xml(
    rows: CellGrid, first_row: int, styles: Sequence[str], p: str, date1904: bool
) -> Iterator[str]:
    """The <row> elements, in chunks of rows.

    Hot path (300k rows x 13 columns in about a second): each chunk is transposed, each
    column turned into cell markup by one list comprehension when its values share a common
    type, and the rows are stitched back together by one join, all at C speed.
    """
    serial = _Serials(date1904)
    columns = [_Column(col_letter(j + 1), s, p, serial) for j, s in enumerate(styles)]
    row_end = f"</{p}row>"
    for start in range(0, len(rows), _CHUNK_ROWS):
        chunk = rows[start : start + _CHUNK_ROWS]
        nums = [str(n) for n in range(first_row + start, first_row + start + len(chunk))]
        opens = [f'<{p}row r="{n}">' for n in nums]
        cells = [c.cells(nums, v) for c, v in zip(columns, zip_longest(*chunk), strict=False)]
        yield "".join(chain.from_iterable(zip(opens, *cells, repeat(row_end))))


class _Column:
    """Markup of one column's cells, with its style; each distinct text is escaped once."""

    def __init__(self, letter: str, style: str, p: str, serial: _Serials) -> None:
        self.open = f'<{p}c r="{letter}'
        self.num = f'"{style}><{p}v>'
        self.v_end = f"</{p}v></{p}c>"
        self.boolean = (
            f'"{style} t="b"><{p}v>0{self.v_end}',
            f'"{style} t="b"><{p}v>1{self.v_end}',
        )
        self.text = _TextMarkup(style, p)
        self.serial = serial

    def cells(self, nums: Sequence[str], values: Sequence[Any]) -> list[str]:
        """The cells of this column for rows ``nums``; "" for an empty cell."""
        kinds = set(map(type, values))
        o = self.open
        if kinds == _FLOAT and all(map(math.isfinite, values)):
            mid, end = self.num, self.v_end
            distinct = set(values)
            if len(distinct) * 4 < len(values):  # scores repeat: format each value once
                text = {v: repr(v) for v in distinct}
                return [f"{o}{n}{mid}{text[v]}{end}" for n, v in zip(nums, values, strict=True)]
            return [f"{o}{n}{mid}{v!r}{end}" for n, v in zip(nums, values, strict=True)]
        if kinds == _STR:
            markup = self.text
            if _plain_texts(values):
                mid, end = markup.plain, markup.end
                return [f"{o}{n}{mid}{v}{end}" for n, v in zip(nums, values, strict=True)]
            return [f"{o}{n}{markup[v]}" for n, v in zip(nums, values, strict=True)]
        if kinds == _INT and min(values) > -_BIG_INT and max(values) < _BIG_INT:
            mid, end = self.num, self.v_end
            return [f"{o}{n}{mid}{v}{end}" for n, v in zip(nums, values, strict=True)]
        if kinds == _NONE:
            return [""] * len(values)
        return [self.cell(n, v) for n, v in zip(nums, values, strict=True)]

    def cell(self, n: str, v: Any) -> str:
        """Any one value: the general path, for columns of mixed types."""
        t = type(v)
        if t is not str and t is not float and t is not int:
            if v is None:
                return ""
            v = _normalize(v)
            t = type(v)
            if t is bool:
                return f"{self.open}{n}{self.boolean[v]}"
            if v is None:
                return ""
            if t is not str and t is not float and t is not int:
                v = self.serial(v)  # a date, time or duration: a number, or text when out of range
                t = type(v)
        if t is float:
            # NaN and ±inf have no Excel value: leave the cell empty.
            return f"{self.open}{n}{self.num}{v!r}{self.v_end}" if math.isfinite(v) else ""
        if t is int:
            if -_BIG_INT < v < _BIG_INT:
                return f"{self.open}{n}{self.num}{v}{self.v_end}"
            v = str(v)  # beyond Excel's 15 digits: keep every digit, as text
        return f"{self.open}{n}{self.text[v]}"


class _TextMarkup(dict[str, str]):
    """Text -> the rest of its inline-string cell; remembers short texts (months, names, grades)."""

    def __init__(self, style: str, p: str) -> None:
        super().__init__()
        self.plain = f'"{style} t="inlineStr"><{p}is><{p}t>'
        self.spaced = f'"{style} t="inlineStr"><{p}is><{p}t xml:space="preserve">'
        self.end = f"</{p}t></{p}is></{p}c>"
        self.empty = f'"{style}/>'  # "" (or text of only control characters): a blank cell

    def __missing__(self, s: str) -> str:
        text, preserve = _escape_text(s)
        markup = (
            f"{self.spaced if preserve else self.plain}{text}{self.end}" if text else self.empty
        )
        if len(s) <= 256 and len(self) < 100_000:  # bounded: long, unique notes are not kept
            self[s] = markup
        return markup


def _plain_texts(values: Sequence[str]) -> bool:
    """True when no text needs escaping, cutting or xml:space: a few C-speed scans per chunk."""
    flat = "".join(values)
    if not flat.isprintable() or "&" in flat or "<" in flat or ">" in flat or "_x" in flat:
        return False
    if min(map(len, values)) == 0 or max(map(len, values)) > MAX_CELL_CHARS:
        return False
    spaced = "\x01".join(values)  # a leading or trailing space needs xml:space="preserve"
    return not (spaced[0] == " " or spaced[-1] == " " or " \x01" in spaced or "\x01 " in spaced)


def _escape_text(s: str) -> tuple[str, bool]:
    """Text as the content of <t>, and whether it needs xml:space="preserve"."""
    if len(s) > MAX_CELL_CHARS:
        s = s[:MAX_CELL_CHARS]
    odd = not s.isprintable()  # control chars, newlines, tabs, odd spaces: rare, so checked once
    if odd:
        s = _ILLEGAL_XML.sub("", s)
    if "_x" in s:
        s = _EXCEL_ESCAPE.sub(r"_x005F_\1", s)
    if "&" in s:
        s = s.replace("&", "&amp;")
    if "<" in s:
        s = s.replace("<", "&lt;")
    if ">" in s:
        s = s.replace(">", "&gt;")
    if not s:
        return s, False
    if odd:
        preserve = s[0].isspace() or s[-1].isspace() or "\n" in s or "\t" in s
        # XML parsers turn a raw CR into LF: keep it as a character reference.
        return (s.replace("\r", "&#13;") if "\r" in s else s), preserve
    return s, s[0] == " " or s[-1] == " "


def _normalize(v: object) -> object:
    """Map any other value to None, bool, int, float, str, or a date/time/duration."""
    name = type(v).__name__
    if name in ("NaTType", "NAType"):  # pandas' missing values (NaT is a datetime!)
        return None
    if isinstance(v, bool | dt.date | dt.time | dt.timedelta):
        return v
    if isinstance(v, str):
        return str(v)
    if name in ("bool_", "bool"):  # numpy.bool_
        return bool(v)
    if name in ("datetime64", "timedelta64"):
        if v != v:  # NaT
            return None
        item = v.astype(f"{name}[us]").item()  # type: ignore[attr-defined]
        return item if isinstance(item, dt.date | dt.timedelta) else str(v)  # out of range: int
    if isinstance(v, numbers.Integral):
        return int(v)
    if isinstance(v, numbers.Real | decimal.Decimal):
        f = float(v)
        return f if math.isfinite(f) else None
    return str(v)


class _Serials:
    """Excel serial numbers: days since the epoch, fractions for the time of day."""

    def __init__(self, date1904: bool) -> None:
        self.date1904 = date1904
        self.epoch = (dt.date(1904, 1, 1) if date1904 else dt.date(1899, 12, 30)).toordinal()

    def __call__(self, v: object) -> object:
        if isinstance(v, dt.timedelta):
            return v.total_seconds() / 86400
        if isinstance(v, dt.time):
            return self._seconds(v) / 86400
        assert isinstance(v, dt.date)
        days = v.toordinal() - self.epoch
        if not self.date1904 and days < 61:
            days -= 1  # Excel counts a 29 Feb 1900 that never was: earlier dates are one lower
        if days < (0 if self.date1904 else 1):
            return v.isoformat()  # before Excel's first date: keep it readable as text
        if isinstance(v, dt.datetime):
            seconds = self._seconds(v)
            return days + seconds / 86400 if seconds else days
        return days

    @staticmethod
    def _seconds(v: dt.time | dt.datetime) -> float:
        return v.hour * 3600 + v.minute * 60 + v.second + v.microsecond / 1e6


def col_letter(n: int) -> str:
    """The letters of the 1-based column ``n`` (1 → "A")."""
    return column_letters(n - 1)


def col_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n
