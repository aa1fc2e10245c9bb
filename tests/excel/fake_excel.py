"""A workbook as xlwings' remote clients see it, so the macros run without Excel.

``FakeExcel`` holds each sheet's cells as Excel holds them, plus what the actions set
(number formats, fills, notes, alerts). ``payload()`` is the JSON a client sends with a
call: the Office.js add-in's shape by default (values from A1, ``used_range_address``,
notes by address), or the VBA client's (``Remote.bas``: values from A1, nulls, no notes).
``apply(actions)`` plays ``book.json()["actions"]`` back the way Excel would, including how
Excel takes entered text: in a cell not formatted as text, "=…" (or "+", "-", "@") becomes
a formula, "001" a number and "2025-03" a date; a leading apostrophe keeps text as text.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import xlwings as xw
from python_calamine import CalamineWorkbook, SheetVisibleEnum

Pos = tuple[int, int]  # Excel row, column (1-based)

FORMULA_START = ("=", "+", "-", "@")
_NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
_DATE = re.compile(r"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$")


def _column_letters(col: int) -> str:
    letters = ""
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def address(row: int, col: int) -> str:
    return f"${_column_letters(col)}${row}"


@dataclass
class FakeSheet:
    name: str
    cells: dict[Pos, object] = field(default_factory=dict)
    formats: dict[Pos, str] = field(default_factory=dict)
    fills: dict[Pos, str] = field(default_factory=dict)
    notes: dict[Pos, str] = field(default_factory=dict)
    formulas: set[Pos] = field(default_factory=set)
    hidden: bool = False

    def rows(self) -> list[list[object]]:
        """Values from A1 to the last used cell."""
        if not self.cells:
            return []
        nrows = max(r for r, _ in self.cells)
        ncols = max(c for _, c in self.cells)
        return [[self.cells.get((r, c)) for c in range(1, ncols + 1)] for r in range(1, nrows + 1)]

    def enter(self, pos: Pos, value: object) -> None:
        """Store a value a client set, as Excel stores an entered value."""
        self.formulas.discard(pos)
        if value is None or value == "":
            self.cells.pop(pos, None)
        elif not isinstance(value, str):
            self.cells[pos] = value
        elif value.startswith("'"):
            self.cells[pos] = value[1:]
        elif self.formats.get(pos) == "@":
            self.cells[pos] = value
        elif _NUMBER.match(value):
            self.cells[pos] = float(value)
        elif value.startswith(FORMULA_START):
            self.formulas.add(pos)
            self.cells[pos] = value
        elif m := _DATE.match(value):
            self.cells[pos] = dt.datetime(int(m[1]), int(m[2]), int(m[3] or 1))
        else:
            self.cells[pos] = value


def _json_value(value: object, empty: object) -> object:
    """A cell value as the client serialises it (JSON numbers, ISO dates in UTC)."""
    if value is None or value == "":
        return empty
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%dT%H:%M:%S.000Z")
    if isinstance(value, dt.date):
        return f"{value.isoformat()}T00:00:00.000Z"
    if isinstance(value, float) and value.is_integer():
        return int(value)  # JSON from JavaScript/VBA has no 1.0
    return value


class FakeExcel:
    def __init__(self, name: str, sheets: list[FakeSheet], client: str = "Office.js") -> None:
        self.name = name
        self.sheets = sheets
        self.client = client
        self.active = 0
        self.alerts: list[str] = []
        self.screen_updating: list[bool] = []

    @classmethod
    def from_file(cls, path: Path, client: str = "Office.js") -> FakeExcel:
        book = CalamineWorkbook.from_path(str(path))
        sheets = []
        for meta in book.sheets_metadata:
            rows = book.get_sheet_by_name(meta.name).to_python(skip_empty_area=False)
            sheet = FakeSheet(meta.name, hidden=meta.visible != SheetVisibleEnum.Visible)
            sheet.cells = {
                (r, c): v
                for r, row in enumerate(rows, start=1)
                for c, v in enumerate(row, start=1)
                if v not in ("", None)
            }
            sheets.append(sheet)
        return cls(path.name, sheets, client)

    def __getitem__(self, name: str) -> FakeSheet:
        return next(s for s in self.sheets if s.name == name)

    # ---- what a client sends -----------------------------------------------------------

    def payload(self) -> dict[str, Any]:
        office_js = self.client == "Office.js"
        data = {
            "client": self.client,
            "version": xw.__version__,
            "book": {"name": self.name, "active_sheet_index": self.active, "selection": "A1"},
            "names": [],
            "sheets": [self._sheet(s, office_js) for s in self.sheets],
        }
        return json.loads(json.dumps(data))  # exactly what survives the wire

    def _sheet(self, sheet: FakeSheet, office_js: bool) -> dict[str, Any]:
        empty = "" if office_js else None
        rows = sheet.rows() or [[]]
        values = [[_json_value(v, empty) for v in row] for row in rows]
        data: dict[str, Any] = {"name": sheet.name, "values": values, "pictures": [], "tables": []}
        if office_js:
            data.update(
                used_range_address=self._used_range(sheet),
                visibility="Hidden" if sheet.hidden else "Visible",
                shapes=[],
                charts=[],
                notes=[{"address": address(*pos)} for pos in sorted(sheet.notes)],
                show_gridlines=True,
                pivot_tables=[],
            )
        return data

    @staticmethod
    def _used_range(sheet: FakeSheet) -> str | None:
        if not sheet.cells:
            return None  # Office.js: an empty sheet has no used range
        rows = [r for r, _ in sheet.cells]
        cols = [c for _, c in sheet.cells]
        return f"{address(min(rows), min(cols))}:{address(max(rows), max(cols))}"

    # ---- what Excel does with the answer -----------------------------------------------

    def apply(self, actions: list[dict[str, Any]]) -> None:
        for action in actions:
            func, args = action["func"], action["args"]
            if func == "alert":
                self.alerts.append(args[0])
            elif func == "setScreenUpdating":
                self.screen_updating.append(args[0])
            else:
                self._apply_to_range(self.sheets[action["sheet_position"]], action)

    @staticmethod
    def _apply_to_range(sheet: FakeSheet, action: dict[str, Any]) -> None:
        func, args = action["func"], action["args"]
        top, left = action["start_row"] + 1, action["start_column"] + 1
        area = [
            (top + i, left + j)
            for i in range(action["row_count"])
            for j in range(action["column_count"])
        ]
        if func == "setValues":
            for i, row in enumerate(action["values"]):
                for j, value in enumerate(row):
                    sheet.enter((top + i, left + j), value)
        elif func == "rangeClearContents":
            for pos in area:
                sheet.cells.pop(pos, None)
                sheet.formulas.discard(pos)
        elif func == "setNumberFormat":
            sheet.formats.update(dict.fromkeys(area, args[0]))
        elif func == "setRangeColor":
            for pos in area:
                if args[0] is None:
                    sheet.fills.pop(pos, None)
                else:
                    sheet.fills[pos] = args[0]
        elif func == "addNote":
            assert (top, left) not in sheet.notes, "Excel refuses a second note on a cell"
            sheet.notes[(top, left)] = args[1]
        elif func == "setNoteText":
            assert (top, left) in sheet.notes
            sheet.notes[(top, left)] = args[1]
        elif func == "deleteNote":
            del sheet.notes[(top, left)]
        else:
            raise AssertionError(f"unexpected action {func}: {action}")
