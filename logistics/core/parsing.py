"""Turn raw cell values into typed columns, marking the cells that do not parse.

Each parser sees every distinct value once (sheets repeat dates, IDs and statuses
thousands of times), so a 500k-row column costs a hash lookup per cell.

Numbers (SPEC 4.1, "Numbers are exact"): a typed table holds each number as the float64
nearest the decimal typed; ``numbers.exact`` turns it back into that decimal (the shortest
repr), and every sum goes through it. inf, NaN, logical values and error cells are not
numbers: they are type errors at their own cell, never blank, 0 or 1.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Final

import numpy as np
import numpy.typing as npt
import pandas as pd

from .rawbook import CellError
from .rawbook import Coded as Coded  # the checks import it from here, beside the parser
from .schema import Column, Kind


class Unparsed(enum.Enum):
    """The type of ``BAD``, so that a parser's result is a precise union (``float | Unparsed``)
    that ``is BAD`` narrows; a one-member enum is the sentinel type mypy understands."""

    BAD = "bad"


BAD: Final = Unparsed.BAD  # a value that did not parse
EXCEL_EPOCH = dt.date(1899, 12, 30)
EXCEL_EPOCH_1904 = dt.date(1904, 1, 1)  # workbooks saved with the 1904 date system
MAX_SERIAL = 2958465  # 9999-12-31
_TEXT_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
# What a parser returns: the typed value, or BAD. Dates are pandas Timestamps (datetimes).
Parsed = str | float | bool | dt.datetime | Unparsed
Parser = Callable[[object], Parsed]
_PARSE_CODE = {
    Kind.NUMBER: "not_a_number",
    Kind.INT: "not_an_integer",
    Kind.DATE: "not_a_date",
    Kind.BOOL: "bad_choice",
    Kind.CHOICE: "bad_choice",
}


def parse_text(value: object) -> str | Unparsed:
    """The text of a cell, stripped; an ID typed as a number keeps no ".0"; BAD for an error
    cell."""
    if type(value) is str:  # most cells: nothing below applies to a plain str
        return value.strip()
    if isinstance(value, CellError):
        return BAD
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # an ID typed as a number: 1001.0 -> "1001"
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def parse_number(value: object) -> float | Unparsed:
    """A finite float, else BAD (text that is no number, inf, 1e309, NaN, TRUE, #N/A …).

    Text goes through Decimal so that what is typed is what is checked: ``"1e309"`` is a
    finite decimal but no float, and is refused rather than becoming inf.
    """
    if isinstance(value, bool):
        return BAD
    if isinstance(value, int | float):
        try:
            number = float(value)
        except OverflowError:  # an int beyond the float range
            return BAD
        return number if math.isfinite(number) else BAD
    if isinstance(value, str):
        try:
            decimal = Decimal(value.replace(",", "").replace("，", "").strip())
        except InvalidOperation:
            return BAD
        if not decimal.is_finite():
            return BAD
        number = float(decimal)
        return number if math.isfinite(number) else BAD
    return BAD


def parse_int(value: object) -> float | Unparsed:
    """A whole number as a float (2.0), else BAD (2.5, text, TRUE, an error cell …)."""
    number = parse_number(value)
    if number is BAD or not number.is_integer():
        return BAD
    return number


def parse_date(value: object, date1904: bool = False) -> dt.datetime | Unparsed:
    """A Timestamp from a date cell, a text date (2025-03-07, 2025年3月7日) or a bare
    serial number, counted in the workbook's date system (``date1904``); else BAD."""
    if isinstance(value, dt.datetime):
        return _timestamp(value.date())
    if isinstance(value, dt.date):
        return _timestamp(value)
    if isinstance(value, str):
        m = _TEXT_DATE.match(value.strip())
        if m:
            try:
                return _timestamp(dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
            except ValueError:
                return BAD
        return BAD
    # An Excel serial in a cell without a date format.
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return BAD
    epoch, last = (EXCEL_EPOCH_1904, MAX_SERIAL - 1462) if date1904 else (EXCEL_EPOCH, MAX_SERIAL)
    if float(value).is_integer() and 1 <= value <= last:
        return _timestamp(epoch + dt.timedelta(days=int(value)))
    return BAD


def _timestamp(day: dt.date) -> dt.datetime:
    """``day`` as a pandas Timestamp at midnight (typed as the datetime it is)."""
    stamp: dt.datetime = pd.Timestamp(day)
    return stamp


def parse_bool(value: object) -> bool | Unparsed:
    """是/否 (or yes/no, y/n, true/false, any case) as a bool, else BAD."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        folded = value.strip().casefold()
        if folded in ("是", "yes", "y", "true"):
            return True
        if folded in ("否", "no", "n", "false"):
            return False
    return BAD


def _choice_parser(column: Column) -> Parser:
    def parse(value: object) -> str | Unparsed:
        if isinstance(value, CellError):
            return BAD
        choice = column.choice_for(str(value)) if isinstance(value, str) else None
        return BAD if choice is None else choice.key

    return parse


def _date1904(value: object) -> dt.datetime | Unparsed:
    return parse_date(value, date1904=True)


def parser_for(column: Column, date1904: bool = False) -> Parser:
    """The parser of ``column``'s kind (SPEC 4.1); dates in the workbook's date system."""
    parsers: dict[Kind, Parser] = {
        Kind.TEXT: parse_text,
        Kind.NUMBER: parse_number,
        Kind.INT: parse_int,
        Kind.DATE: _date1904 if date1904 else parse_date,
        Kind.BOOL: parse_bool,
    }
    return parsers.get(column.kind) or _choice_parser(column)


def parse_code(column: Column, value: object = None) -> str:
    """The problem code of a cell of ``column`` holding ``value`` that did not parse."""
    if isinstance(value, CellError):
        return "formula_not_computed" if value.uncomputed else "cell_error"
    return _PARSE_CODE[column.kind]


def parse_column(
    raw: pd.Series, column: Column, date1904: bool = False
) -> tuple[pd.Series, pd.Series]:
    """(typed values, mask of cells that held something unparseable)."""
    cells = parse_cells(raw, column, date1904)
    return cells.values, cells.bad


@dataclass(frozen=True)
class ParsedCells:
    """A column parsed: Series aligned with the raw column (index: Excel rows)."""

    values: pd.Series  # typed values; blank as NaT, NaN or None
    bad: pd.Series  # cells that held something unparseable
    missing: pd.Series  # blank typed values from cells that were not unparseable (empty)
    # Text columns: (code of each cell's typed value, -1 when blank; the distinct values), so
    # that keys and lookups over the column need not hash its text again.
    coded: Coded | None = None


def parse_cells(
    raw: pd.Series, column: Column, date1904: bool = False, raw_codes: Coded | None = None
) -> ParsedCells:
    """The column's typed values and masks (SPEC 4.1 types, 4.5 problems), as
    ``parse_arrays`` gives them, on the raw column's index."""
    cells = parse_arrays(raw, column, date1904, raw_codes)
    # copy=False: the arrays are new and the Series' own (pandas would copy each once more).
    return ParsedCells(
        pd.Series(cells.values, index=raw.index, dtype=cells.values.dtype, copy=False),
        pd.Series(cells.bad, index=raw.index, copy=False),
        pd.Series(cells.missing, index=raw.index, copy=False),
        cells.coded,
    )


def parse_arrays(
    raw: pd.Series, column: Column, date1904: bool = False, raw_codes: Coded | None = None
) -> ParsedArrays:
    """``parse_cells`` as arrays in the column's row order (no Series built for them).

    ``raw_codes``: the column's hash pass done already (``RawSheet.codes``: what
    ``pd.factorize`` of ``raw`` gives, its codes as long as ``raw``), so that the column is
    not hashed again; without them (or when they do not fit ``raw``), ``raw`` is hashed here.
    """
    if raw_codes is None or len(raw_codes[0]) != len(raw):
        codes, uniques = pd.factorize(raw.to_numpy(dtype=object))
        raw_codes = (codes, uniques)
    return _parse_coded(raw_codes, column, date1904)


@dataclass(frozen=True)
class ParsedArrays:
    """A column parsed, as arrays in the column's row order (``ParsedCells`` without index)."""

    values: npt.NDArray[Any]  # typed values; blank as NaT, NaN or None
    bad: npt.NDArray[np.bool_]  # cells that held something unparseable
    missing: npt.NDArray[np.bool_]  # blank typed values from cells that were not unparseable
    coded: Coded | None = None  # text columns: as ``ParsedCells.coded``


def _parse_coded(raw_codes: Coded, column: Column, date1904: bool = False) -> ParsedArrays:
    """The typed values and masks (SPEC 4.1 types, 4.5 problems) of the column coded as
    ``raw_codes`` (what ``pd.factorize`` gives: a code per cell, -1 when blank, and the
    distinct raw values by code).

    The parser, the typing and the masks run once per distinct value and the results are
    taken by code, so a column costs a few takes per cell beyond its one hash pass.
    """
    codes, uniques = raw_codes
    parse = parser_for(column, date1904)
    parsed = np.empty(len(uniques) + 1, dtype=object)  # the last slot answers code -1
    bad = np.zeros(len(uniques) + 1, dtype=bool)
    for i, value in enumerate(uniques):
        result = parse(value)
        if result is BAD:
            bad[i] = True
        else:
            parsed[i] = result
    # Typing is value by value (to_datetime / to_numeric with coerce), so typing the distinct
    # values and taking by code gives what typing the whole column would.
    typed = _typed(parsed, column)
    missing = pd.isna(typed) & ~bad
    coded = None
    if column.kind is Kind.TEXT:
        typed_codes, distinct = pd.factorize(typed)  # the blank last slot: -1
        coded = (typed_codes.astype(np.int64).take(codes), np.asarray(distinct, dtype=object))
    return ParsedArrays(typed.take(codes), _by_code(bad, codes), _by_code(missing, codes), coded)


def _by_code(mask: npt.NDArray[np.bool_], codes: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:
    """``mask.take(codes)``; a mask with no True is all False without reading the codes (a
    million-row column rarely has a bad or an empty cell)."""
    if mask.any():
        taken: npt.NDArray[np.bool_] = mask.take(codes)
        return taken
    return np.zeros(len(codes), dtype=bool)


def _typed(parsed: npt.NDArray[np.object_], column: Column) -> npt.NDArray[Any]:
    """The column's typed array of parsed values (None: blank or unparsed)."""
    if column.kind is Kind.DATE:
        if len(parsed) == 1:  # no value at all (the blank slot alone): a sheet left empty
            return _no_dates()
        if len(parsed) <= _FEW_DATES:
            few = _few_dates(parsed)
            if few is not None:
                return few
        dates: npt.NDArray[np.datetime64] = pd.to_datetime(
            pd.Series(parsed, dtype=object), errors="coerce"
        ).to_numpy()
        return dates
    if column.kind in (Kind.NUMBER, Kind.INT):
        return np.asarray(pd.to_numeric(parsed, errors="coerce"), dtype="float64")
    return parsed  # text, choice keys and bools stay Python objects, blanks None


@functools.cache
def _no_dates() -> npt.NDArray[np.datetime64]:
    """What ``_typed`` gives a date column's lone blank slot, typed once (each empty date
    column of a run would otherwise pay ``to_datetime``'s fixed cost); read-only, as shared."""
    dates: npt.NDArray[np.datetime64] = pd.to_datetime(
        pd.Series([None], dtype=object), errors="coerce"
    ).to_numpy()
    dates.flags.writeable = False
    return dates


# Up to this many distinct dates, a loop types them faster than ``to_datetime``'s fixed cost
# (~80 µs a column: most columns of a school's small sheets); beyond, ``to_datetime`` wins.
_FEW_DATES = 64
_NAT_S = np.datetime64("NaT", "s")


def _few_dates(parsed: npt.NDArray[np.object_]) -> npt.NDArray[np.datetime64] | None:
    """What ``to_datetime`` makes of ``parsed`` (``_timestamp``s at whole seconds, None for
    a blank), datetime64[s] as it gives them; None for any other value (left to it)."""
    dates: npt.NDArray[np.datetime64] = np.full(len(parsed), _NAT_S)
    for i, value in enumerate(parsed):
        if value is not None:
            if type(value) is not pd.Timestamp or value.unit != "s":
                return None
            dates[i] = value.asm8
    return dates
