"""A sheet's table is read a chunk of rows at a time (io/sheet_table.py) and must come out
exactly as if read at once: the cells of core/rawbook.py's promise, Excel row numbers as the
index, blank rows dropped, marks in place, wherever the chunk edges fall.

The chunk size is made tiny here so that small sheets cross many edges. Expected tables are
computed independently: from the file through openpyxl (not calamine), and for the property
test by a plain per-cell loop written from SPEC 4.1 (strip text, blank is None, a logical
cell is the text TRUE/FALSE, a NaN the text NaN, a row blank in every column is dropped).
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook

from logistics.core import schema
from logistics.core.rawbook import CellError
from logistics.io import sheet_table
from logistics.io.reader import read_workbook, rows_to_raw_sheet, sheet_rows
from tests.workbooks import build

# 日期 工号 工作内容 完成数量 用时(小时) 状态 备注
LOG_LABELS: list[object] = [c.zh for c in schema.LOGS.columns]
LOG_KEYS = [c.key for c in schema.LOGS.columns]


@pytest.fixture
def tiny_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Chunks of 4 rows for a table from column A (7 cells a row), 3 from column C."""
    monkeypatch.setattr(sheet_table, "CHUNK_CELLS", 4 * 7)


def logs_book(tmp_path: Path, rows: dict[int, list[object]], *, first_col: int = 1) -> Path:
    """The small school whose log sheet holds only ``rows`` ({Excel row: values from column
    ``first_col``}); openpyxl writes an error text as an error cell and '=…' as a formula
    saved without its result."""
    path = build(tmp_path / "school.xlsm")
    wb = openpyxl.load_workbook(path, keep_vba=True)
    ws = wb[schema.LOGS.zh]
    ws.delete_rows(1, ws.max_row)
    for r, values in rows.items():
        for i, value in enumerate(values):
            ws.cell(row=r, column=first_col + i, value=value)
    wb.save(path)
    return path


def plain_table(path: Path, header_row: int, first_col: int = 1) -> dict[int, list[object]]:
    """{Excel row: the cleaned cells of the 7 log columns} of every row below the header that
    is not blank, read cell by cell with openpyxl."""
    ws = openpyxl.load_workbook(path)[schema.LOGS.zh]
    out = {}
    for r in range(header_row + 1, ws.max_row + 1):
        cells = [plain_cell(ws.cell(row=r, column=first_col + i)) for i in range(7)]
        if any(v is not None for v in cells):
            out[r] = cells
    return out


def plain_cell(cell: openpyxl.cell.cell.Cell) -> object:
    value = cell.value
    if cell.data_type == "e":
        return CellError(value)
    if cell.data_type == "f":  # openpyxl saves no result for a formula it wrote
        return CellError(value, True)
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date()  # calamine gives a date-formatted cell at midnight as a date
    return value


def frame_table(frame: pd.DataFrame) -> dict[int, list[object]]:
    return {int(r): list(row) for r, row in zip(frame.index, frame.to_numpy(), strict=True)}


def test_a_long_sheet_with_its_header_on_row_25(tmp_path: Path, tiny_chunks: None) -> None:
    day = dt.date(2025, 3, 3)
    rows: dict[int, list[object]] = {1: ["后勤日志 2025"], 25: LOG_LABELS}
    for r in range(26, 60):
        rows[r] = [day, f"S{r % 3}", f" 任务{r} ", 1, 2.5, "完成", None]
    rows[29] = [None] * 7  # body rows 26..29 are the first chunk: a blank row at its edge
    rows[30] = ["  ", None, "", None, None, None, None]  # blank once stripped, next chunk
    rows[33] = [day, "S0", "清扫", True, 1.0, "完成", None]  # TRUE where 1 came before
    rows[34] = [day, "S0", "清扫", "#N/A", 0, "完成", "#DIV/0!"]  # error cells, third chunk
    rows[41] = [day, "S1", "=A1&B1", 2, False, "完成", None]  # a formula saved without result
    rows[45] = [None] * 6 + ["备注 only"]
    path = logs_book(tmp_path, rows)

    raw = read_workbook(path).sheets["logs"]

    assert raw.header_row == 25
    assert raw.missing == [] and raw.positions == {k: i for i, k in enumerate(LOG_KEYS)}
    assert list(raw.frame.columns) == LOG_KEYS
    expected = plain_table(path, 25)
    assert 29 not in expected and 30 not in expected and 45 in expected  # the reference agrees
    assert frame_table(raw.frame) == expected
    assert raw.frame.loc[33, "units"] == "TRUE" and raw.frame.loc[41, "hours"] == "FALSE"
    assert raw.frame.loc[34, "units"] == CellError("#N/A")
    assert raw.frame.loc[41, "content"] == CellError("=A1&B1", True)
    assert all(dtype == np.dtype(object) for dtype in raw.frame.dtypes)


def test_a_table_that_starts_in_column_c(tmp_path: Path, tiny_chunks: None) -> None:
    # Columns A and B are empty: calamine's rows then start at C, and positions must still
    # count from A (messages name the cell).
    rows: dict[int, list[object]] = {2: LOG_LABELS}
    for r in range(3, 15):
        rows[r] = [dt.date(2025, 3, r), "S1", f"任务{r}", r, 1.5, "完成", f"第{r}行"]
    rows[9] = [dt.date(2025, 3, 9), "S1", "#REF!", 9, 1.5, "完成", None]
    path = logs_book(tmp_path, rows, first_col=3)

    raw = read_workbook(path).sheets["logs"]

    assert raw.header_row == 2
    assert raw.positions == {k: i + 2 for i, k in enumerate(LOG_KEYS)}
    assert frame_table(raw.frame) == plain_table(path, 2, first_col=3)
    assert raw.frame.loc[9, "content"] == CellError("#REF!")


def test_chunk_edges_change_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows: dict[int, list[object]] = {1: LOG_LABELS}
    for r in range(2, 40):
        blank = r % 7 == 0
        rows[r] = [None] * 7 if blank else [dt.date(2025, 1, 2), "S1", "x", r % 2, 1, "完成", ""]
    path = logs_book(tmp_path, rows)
    frames = []
    for size in (1, 3, 6, 7, 100):  # rows a chunk
        monkeypatch.setattr(sheet_table, "CHUNK_CELLS", size * 7)
        frames.append(read_workbook(path).sheets["logs"].frame)
    for frame in frames[1:]:
        pd.testing.assert_frame_equal(frame, frames[0], check_index_type=True, check_exact=True)
    assert frame_table(frames[0]) == plain_table(path, 1)


def test_a_header_with_nothing_below_it(tmp_path: Path, tiny_chunks: None) -> None:
    raw = read_workbook(logs_book(tmp_path, {3: LOG_LABELS})).sheets["logs"]
    assert raw.header_row == 3 and raw.frame.empty and list(raw.frame.columns) == LOG_KEYS


# The property: any rows, any header position, any chunk size give the plain table. Numbers
# are floats, as calamine gives every number of an xlsx file (an int 1 and a float 1.0 in one
# column are one distinct value to the cleaning, and either may stand for both).
CELLS = st.sampled_from(
    [
        *(None, "", " ", "  a ", "完成", True, False, 1.0, 0.0, 2.5, math.nan),
        *(dt.date(2025, 1, 2), dt.datetime(2025, 1, 2, 8, 30), CellError("#N/A")),
    ]
)


def plain_clean(value: object) -> object:
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, float) and math.isnan(value):
        return "NaN"
    return value


@settings(max_examples=60, deadline=None)
@given(
    header_at=st.integers(0, 5),
    body=st.lists(st.lists(CELLS, min_size=4, max_size=4), max_size=30),
    chunk=st.integers(1, 8),
    as_list=st.booleans(),
)
def test_any_rows_read_as_the_plain_table(
    header_at: int, body: list[list[object]], chunk: int, as_list: bool
) -> None:
    # Columns: 工号 at A, a stranger at B, 日期 at C, 状态 at D; the header after a few
    # title rows. The frame's columns follow the schema's order (date, staff_id, status).
    header: list[object] = ["工号", "说明", "日期", "状态"]
    rows = [["标题", None, None, None]] * header_at + [header, *body]
    original = sheet_table.CHUNK_CELLS
    sheet_table.CHUNK_CELLS = chunk * 4  # rows of 4 cells
    try:
        source = rows if as_list else iter(rows)
        raw = rows_to_raw_sheet(schema.LOGS, "日志", source, height=len(rows))
    finally:
        sheet_table.CHUNK_CELLS = original

    expected = {}
    for i, row in enumerate(body):
        cells = [plain_clean(row[2]), plain_clean(row[0]), plain_clean(row[3])]
        if any(c is not None for c in cells):
            expected[header_at + 2 + i] = cells
    got = frame_table(raw.frame)
    assert got == expected
    # == lets TRUE pass for 1 and 1.0 for 1: the types must be the plain ones too.
    assert {r: [type(c) for c in v] for r, v in got.items()} == {
        r: [type(c) for c in v] for r, v in expected.items()
    }
    assert raw.header_row == header_at + 1
    assert raw.frame.index.dtype == np.int64 and list(raw.frame.columns) == [
        "date",
        "staff_id",
        "status",
    ]
    assert raw.missing == ["content", "units", "hours", "notes"]


def test_rows_come_from_a1_as_calamine_gives_them_at_once(tmp_path: Path) -> None:
    # iter_rows starts each row at the first used column; sheet_rows must give what
    # to_python(skip_empty_area=False) gives (rows and columns from A1), marks in place.
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["C3"], ws["E4"], ws["D5"] = "x", True, 1.5
    wb.create_sheet("empty")
    path = tmp_path / "offset.xlsx"
    wb.save(path)
    book = CalamineWorkbook.from_path(str(path))
    found = book.get_sheet_by_name(ws.title)
    at_once = found.to_python(skip_empty_area=False)
    assert [len(r) for r in at_once] == [5] * 5  # A1:E5, the reference's own shape

    assert list(sheet_rows(found, {})) == at_once
    # A mark left of the used columns, one inside, one below the last row (dropped).
    marks = {(2, 0): CellError("#N/A"), (5, 3): CellError("=1/0", True), (9, 0): CellError("#X")}
    expected: list[list[object]] = [list(r) for r in at_once]
    expected[1][0], expected[4][3] = CellError("#N/A"), CellError("=1/0", True)
    assert list(sheet_rows(found, marks)) == expected
    assert list(sheet_rows(book.get_sheet_by_name("empty"), {})) == []


@settings(max_examples=60, deadline=None)
@given(
    body=st.lists(
        st.lists(st.sampled_from([None, 1, 1.0, 0, 0.0, True, False, " a", "a"]), min_size=2),
        max_size=30,
    ),
    chunk=st.integers(1, 8),
)
def test_equal_numbers_read_in_chunks_as_at_once(body: list[list[object]], chunk: int) -> None:
    # 1 and 1.0 are one value to the cleaning (they hash alike): a column read at once holds
    # the first one read for both, and so must a column read in chunks; True stays text.
    rows: list[list[object]] = [["工号", "日期"], *(row[:2] for row in body)]
    original = sheet_table.CHUNK_CELLS
    try:
        frames = []
        for cells in (chunk * 2, 10_000):  # in chunks; in one chunk
            sheet_table.CHUNK_CELLS = cells
            frames.append(rows_to_raw_sheet(schema.LOGS, "日志", rows).frame)
    finally:
        sheet_table.CHUNK_CELLS = original
    chunked, at_once = frames
    pd.testing.assert_frame_equal(chunked, at_once, check_exact=True)
    assert [type(v) for v in chunked.to_numpy().ravel()] == [
        type(v) for v in at_once.to_numpy().ravel()
    ]
    firsts: dict[tuple[str, object], object] = {}  # (column, number): the first one read
    for row in body:
        for key, cell in zip(("staff_id", "date"), row, strict=False):
            if type(cell) in (int, float):
                firsts.setdefault((key, cell), cell)  # 1 and 1.0 are one key
    for key in ("staff_id", "date"):
        for value in at_once[key]:
            if type(value) in (int, float):
                assert type(value) is type(firsts[key, value])
