"""An open Excel workbook (through xlwings) as a job's Book.

``read`` takes each known sheet in one range read and hands the cells to the file reader's
own functions, so both front doors see the same RawBook. ``write`` rewrites the rows below
the header of the owned sheets, then marks the input cells the Validation sheet lists (fill
and note) after clearing the marks of the previous run, which it finds on the old
Validation sheet. Input values are never written.

Works with desktop Excel (Windows, macOS) and xlwings' remote engine (``xw.Book(json=...)``,
which the tests drive). What an engine cannot do (read screen updating, read a note's text,
notes on non-Office.js clients) is guarded and skipped, never fatal.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import xlwings as xw

from words import LANGS, both

from ..core import schema
from ..core.errors import LogisticsError
from ..core.outputs import SheetRows
from ..core.rawbook import RawBook, RawSheet
from ..io.builder import HOME_CELLS
from ..io.reader import detect_lang, find_header, read_home, rows_to_raw_sheet

Cell = tuple[str, int, int]  # workbook sheet name, Excel row, Excel column (1-based)

HOME_NAMES = (schema.HOME[1], schema.HOME[2])
FIRST_DATA_ROW = 2  # owned sheets: header in row 1, as the builder and the file writer have it
TEXT_FORMAT = "@"
FORMULA_START = ("=", "+", "-", "@")  # what Excel would take as the start of a formula
MAX_MARKS = 500  # cells marked per run: one Excel call each; the Validation sheet lists all
ERROR_FILL = (255, 199, 206)  # Excel's "light red fill"
WARNING_FILL = (255, 235, 156)  # Excel's "light yellow fill"
# tells our notes from the user's own
NOTE_PREFIX: dict[str, str] = dict(zip(LANGS, both("note_prefix"), strict=True))
_ERROR_LABELS = {schema.SEVERITY[0].zh, schema.SEVERITY[0].en}


class OutputSheetMissing(LogisticsError):
    said = "output_sheet_missing"


@dataclass
class _Sheet:
    """Where a known sheet's cells are, as found by ``read``."""

    name: str
    last_row: int  # last row of the used range (Excel row number)
    last_col: int
    columns: dict[str, int] = field(default_factory=dict)  # column key -> Excel column


@dataclass
class _Mark:
    error: bool
    messages: list[str]


def sheet_cells(sheet: xw.Sheet) -> tuple[list[list[object]], int, int]:
    """The sheet's values as rows from A1 (one range read), its last used row and column.

    The used range need not start at A1: blank rows and cells are put in front so list
    positions are Excel positions, as the reader expects.
    """
    used = sheet.used_range
    # Error cells as their text (#DIV/0!): read as None they would pass for blank cells.
    values: list[list[object]] = used.options(ndim=2, err_to_str=True).value or [[]]
    top, left = used.row, used.column
    rows: list[list[object]] = [[] for _ in range(top - 1)]
    pad: list[object] = [None] * (left - 1)
    rows += [pad + list(r) for r in values] if pad else values
    nrows, ncols = used.shape
    return rows, top + nrows - 1, left + ncols - 1


def _row_number(value: object) -> int | None:
    """An Excel row number from a Validation cell (1, 1.0 or "1"), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float) and float(value).is_integer() and value >= 1:
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _column_key(sheet: schema.Sheet, label: object) -> str | None:
    """The column key behind a Validation ``列`` cell (a zh/en label, or a key)."""
    if not isinstance(label, str) or not label.strip():
        return None
    text = label.strip()
    for c in sheet.columns:
        if text in (c.zh, c.en, c.key) or text.casefold() == c.en.casefold():
            return c.key
    return None


def _as_cell_value(value: object, text_column: bool) -> object:
    """Text for a column not formatted as text gets an apostrophe if Excel would see a formula."""
    if isinstance(value, str) and not text_column and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _text_runs(sheet: schema.Sheet) -> list[tuple[int, int]]:
    """Spans (first, last Excel column) of adjacent text columns: one format call per span."""
    runs: list[tuple[int, int]] = []
    for i, col in enumerate(sheet.columns, start=1):
        if col.kind is not schema.Kind.TEXT:
            continue
        if runs and runs[-1][1] == i - 1:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs


def _set_screen_updating(app: xw.App, value: bool) -> None:
    with contextlib.suppress(Exception):  # the remote engine's clients may not support it
        app.screen_updating = value


@contextlib.contextmanager
def screen_paused(app: xw.App) -> Iterator[None]:
    """Screen updating off for the block, then as it was (on, when it cannot be read)."""
    try:
        before = bool(app.screen_updating)
    except Exception:  # remote: write-only
        before = True
    _set_screen_updating(app, False)
    try:
        yield
    finally:
        _set_screen_updating(app, before)


class XlBook:
    """A job's Book over an open ``xlwings.Book``; ``read`` before ``write``, as jobs do."""

    def __init__(self, book: xw.Book) -> None:
        self.book = book
        self._sheets: dict[str, _Sheet] = {}  # by sheet key, from the last read
        self._validation: RawSheet | None = None  # the Validation sheet as last read
        self._read = False
        self._notes = True  # False once the engine refuses notes: fills still work

    # ---- reading -----------------------------------------------------------------------

    @property
    def lang(self) -> str:
        return detect_lang([s.name for s in self.book.sheets])

    def home(self) -> dict[str, object]:
        """The Home fields (month, year, as_of, status) by label, as the reader finds them."""
        found = self._home_sheet()
        return {} if found is None else read_home(sheet_cells(found)[0])

    def read(self) -> RawBook:
        names: list[str] = []
        sheets: dict[str, RawSheet] = {}
        home: dict[str, object] = {}
        self._sheets = {}
        for sheet in self.book.sheets:
            name = sheet.name
            names.append(name)
            if name in HOME_NAMES:
                home = read_home(sheet_cells(sheet)[0])
                continue
            spec = schema.sheet_by_label(name)
            if spec is None or spec.key in sheets:
                continue  # not ours (xlwings.conf, a user's notes sheet): not read at all
            rows, last_row, last_col = sheet_cells(sheet)
            sheets[spec.key] = rows_to_raw_sheet(spec, name, rows)
            _, positions = find_header(spec, rows)
            columns = {key: j + 1 for j, key in positions.items()}
            self._sheets[spec.key] = _Sheet(name, last_row, last_col, columns)
        self._validation = sheets.get("validation")
        self._read = True
        return RawBook(lang=detect_lang(names), sheets=sheets, home=home, date1904=self._date1904())

    def _date1904(self) -> bool:
        """Whether the workbook counts dates from 1904 (Excel's own flag; engines without the
        object model, such as the remote one, say no)."""
        try:
            return bool(self.book.api.Date1904)
        except Exception:
            return False

    # ---- writing -----------------------------------------------------------------------

    def write(self, rows: SheetRows, lang: str) -> None:
        if not self._read:
            self.read()
        targets = {key: self._output_sheet(key, lang) for key in rows}  # all found, or no write
        for key, values in rows.items():
            self._write_rows(targets[key], schema.SHEETS[key], values)
        if "validation" in rows:
            self._remark(rows["validation"], lang)

    def write_status(self, text: str) -> None:
        """The Home sheet's status line (the cell right of the 运行状态 label)."""
        sheet = self._home_sheet()
        if sheet is None:
            return
        cell = self._home_value_cell(sheet, "status")
        cell.value = _as_cell_value(text, text_column=False)

    def _home_sheet(self) -> xw.Sheet | None:
        return next((s for s in self.book.sheets if s.name in HOME_NAMES), None)

    def _home_value_cell(self, sheet: xw.Sheet, key: str) -> xw.Range:
        labels = {zh for k, zh, _ in schema.HOME_FIELDS if k == key}
        labels |= {en for k, _, en in schema.HOME_FIELDS if k == key}
        for i, row in enumerate(sheet_cells(sheet)[0], start=1):
            for j, value in enumerate(row, start=1):
                if isinstance(value, str) and value.strip() in labels:
                    return sheet.range((i, j + 1))
        return sheet.range(HOME_CELLS[key][1])  # label edited away: the built layout

    def _output_sheet(self, key: str, lang: str) -> xw.Sheet:
        spec = schema.SHEETS[key]
        known = self._sheets.get(key)
        wanted = known.name if known else spec.label(lang)
        for sheet in self.book.sheets:
            if sheet.name == wanted:
                return sheet
        raise OutputSheetMissing(sheet=spec.label(lang))

    def _write_rows(self, sheet: xw.Sheet, spec: schema.Sheet, rows: list[list[object]]) -> None:
        width = len(spec.columns)
        known = self._sheets.get(spec.key)
        if known is not None and known.last_row >= FIRST_DATA_ROW:
            last_col = max(width, known.last_col)
            sheet.range((FIRST_DATA_ROW, 1), (known.last_row, last_col)).clear_contents()
        if not rows:
            return
        last = FIRST_DATA_ROW + len(rows) - 1
        # Text columns are formatted as text before the values go in: Excel then keeps
        # "=1+1", "-x", "001" and "2025-03" as typed instead of making formulas, numbers, dates.
        for first, stop in _text_runs(spec):
            sheet.range((FIRST_DATA_ROW, first), (last, stop)).number_format = TEXT_FORMAT
        text = [c.kind is schema.Kind.TEXT for c in spec.columns]
        cells = [
            [_as_cell_value(v, t) for v, t in zip(_fit(row, width), text, strict=True)]
            for row in rows
        ]
        sheet.range((FIRST_DATA_ROW, 1), (last, width)).value = cells

    # ---- validation marks --------------------------------------------------------------

    def _remark(self, new_rows: Sequence[Sequence[object]], lang: str) -> None:
        old = self._marks(self._old_validation())
        new = self._marks((r[0], r[1], r[2], r[4], r[5]) for r in new_rows if len(r) >= 6)
        sheets = {s.name: s for s in self.book.sheets}
        for cell in old.keys() - new.keys():
            self._unmark(sheets[cell[0]].range(cell[1:]))
        for cell, mark in new.items():
            self._mark(sheets[cell[0]].range(cell[1:]), mark, lang, was_marked=cell in old)

    def _old_validation(self) -> Iterator[tuple[object, ...]]:
        frame = self._validation.frame if self._validation is not None else None
        if frame is None or frame.empty:
            return
        columns = ["sheet", "row", "column", "severity", "message"]
        yield from frame.reindex(columns=columns).itertuples(index=False, name=None)

    def _marks(self, records: Iterable[tuple[object, ...]]) -> dict[Cell, _Mark]:
        """Input cells from Validation records (sheet, row, column, severity, message).

        The first MAX_MARKS cells in Validation order, so a run finds exactly the cells the
        previous run marked from the previous Validation sheet.
        """
        marks: dict[Cell, _Mark] = {}
        for sheet_label, row, column, severity, message in records:
            cell = self._cell(sheet_label, row, column)
            if cell is None:
                continue
            mark = marks.get(cell)
            if mark is None:
                if len(marks) >= MAX_MARKS:
                    continue
                mark = marks[cell] = _Mark(False, [])
            mark.error = mark.error or severity in _ERROR_LABELS
            if isinstance(message, str) and message not in mark.messages:
                mark.messages.append(message)
        return marks

    def _cell(self, sheet_label: object, row: object, column: object) -> Cell | None:
        spec = schema.sheet_by_label(sheet_label) if isinstance(sheet_label, str) else None
        known = self._sheets.get(spec.key) if spec is not None and not spec.owned else None
        number = _row_number(row)
        if spec is None or known is None or number is None:
            return None
        key = _column_key(spec, column)
        col = known.columns.get(key) if key is not None else None
        return None if col is None else (known.name, number, col)

    def _unmark(self, cell: xw.Range) -> None:
        cell.color = None
        note = self._note(cell)
        if note is not None and _is_ours(note, unknown=True):
            with contextlib.suppress(Exception):  # a note is a hint: never fail the job on one
                note.delete()

    def _mark(self, cell: xw.Range, mark: _Mark, lang: str, *, was_marked: bool) -> None:
        cell.color = ERROR_FILL if mark.error else WARNING_FILL
        if not self._notes:
            return
        text = NOTE_PREFIX[lang] + "\n".join(mark.messages)
        note = self._note(cell)
        try:
            if note is None:
                cell.add_note(text)
            elif _is_ours(note, unknown=was_marked):
                note.text = text
            # else: the user's own note stays; the message is on the Validation sheet
        except Exception:  # e.g. remote clients other than Office.js have no notes
            self._notes = False

    def _note(self, cell: xw.Range) -> Any:
        if not self._notes:
            return None
        try:
            return cell.note
        except Exception:
            self._notes = False
            return None


def _is_ours(note: Any, *, unknown: bool) -> bool:
    """Whether a note is one of our marks; ``unknown`` when its text cannot be read (remote)."""
    try:
        text = note.text
    except Exception:
        return unknown
    return isinstance(text, str) and text.startswith(tuple(NOTE_PREFIX.values()))


def _fit(row: Sequence[object], width: int) -> list[object]:
    values = list(row[:width])
    return values + [None] * (width - len(values))


__all__ = [
    "ERROR_FILL",
    "MAX_MARKS",
    "NOTE_PREFIX",
    "WARNING_FILL",
    "OutputSheetMissing",
    "XlBook",
    "screen_paused",
    "sheet_cells",
]
