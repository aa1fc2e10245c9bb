"""The reader codes each column as it reads it (io/sheet_table.py, ``RawSheet.codes``) and the
parser takes those codes instead of hashing the column again (core/parsing.py).

Two things must hold, whatever the sheet holds:
- the codes are what ``pd.factorize`` of the finished frame's column gives (the reference,
  computed here on the frame itself): -1 exactly at the blank cells, the same code exactly
  for equal values, ``uniques[codes]`` the very objects of the frame;
- parsing and validating with the codes gives exactly what it gives without them (the path
  of a RawSheet built by other readers, which carries none): typed values, dtypes, the bad
  and missing masks, the coded text columns and every problem, in order.

The sheets are hostile: logical cells next to 1 and 0, 1 and 1.0 in one column, NaN and the
text "NaN", error cells and formulas without results, blank and whitespace cells, blank rows,
short rows, columns missing from the header, merged ranges, chunk edges anywhere.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from logistics.core import schema
from logistics.core.parsing import parse_cells
from logistics.core.problems import Problem
from logistics.core.rawbook import CellError, MergedRange, RawSheet
from logistics.core.validate import load, load_sheet
from logistics.io import sheet_table
from logistics.io.reader import read_workbook, rows_to_raw_sheet
from tests.workbooks import build

HOSTILE: list[object] = [
    *(None, "", " ", "  a ", "a", "NaN", " NaN", math.nan, pd.NaT, True, False, "TRUE"),
    *(1, 1.0, 0, 0.0, -0.0, 2.5, -1.0, 1e308, math.inf, "1e309", 1001.0, "1001", " S1", "S1"),
    *(dt.date(2025, 1, 2), dt.datetime(2025, 1, 2), dt.datetime(2025, 1, 2, 8, 30)),
    *(CellError("#N/A"), CellError("#N/A"), CellError("=A1", True), "2025-03-01", 45000.0),
    *("2025年3月7日", "是", "否", "yes", "完成", "大型", "workday"),
]  # fmt: skip
STRANGER = "说明"  # a column the schema does not know


@st.composite
def hostile_sheets(draw: st.DrawFn) -> tuple[schema.Sheet, list[list[object]], list[MergedRange]]:
    """(sheet, its rows from A1, merged ranges): a header naming some of the sheet's columns
    in any order (zh or en labels, a stranger among them) under a few title rows, and rows of
    hostile cells, some shorter than the header, some blank."""
    sheet = draw(st.sampled_from(schema.INPUT_SHEETS))
    columns = draw(st.permutations(sheet.columns))
    columns = columns[: draw(st.integers(1, len(columns)))]
    header: list[object] = [draw(st.sampled_from([c.zh, c.en])) for c in columns]
    header.insert(draw(st.integers(0, len(header))), STRANGER)
    labels = [
        label for c in sheet.columns for choice in c.choices for label in (choice.zh, choice.en)
    ]
    cell = st.sampled_from(HOSTILE + labels)
    titles = draw(st.integers(0, 2))
    body: list[list[object]] = draw(st.lists(st.lists(cell, max_size=len(header) + 1), max_size=40))
    title: list[object] = ["标题"]
    rows = [title] * titles + [header, *body]
    merged = []
    if draw(st.booleans()) and body:
        top = titles + 2 + draw(st.integers(0, len(body) - 1))
        left = draw(st.integers(0, len(header) - 1))
        merged.append(MergedRange(top, left, top + draw(st.integers(0, 2)), left))
    return sheet, rows, merged


def problem_facts(problems: list[Problem]) -> list[tuple[object, ...]]:
    """Everything a problem says, comparable (a NaT value is not equal to itself)."""
    return [
        (p.code, p.sheet, p.row, p.column, type(p.value), repr(p.value), p.message("zh"),
         p.message("en"))
        for p in problems
    ]  # fmt: skip


def assert_codes_are_factorize(raw: RawSheet) -> None:
    assert set(raw.codes) == set(raw.frame.columns)
    for key, (codes, uniques) in raw.codes.items():
        cells = raw.frame[key].to_numpy(dtype=object)
        want_codes, want_uniques = pd.factorize(cells)
        assert codes.dtype == np.int64 and len(codes) == len(cells)
        assert np.array_equal(codes, want_codes), key
        assert list(uniques) == list(want_uniques), key
        # -1 exactly where the cell is blank; elsewhere the frame's own object.
        assert np.array_equal(codes == -1, pd.isna(cells)), key
        assert all(uniques[c] is v for c, v in zip(codes, cells, strict=True) if c >= 0), key


def assert_same_parse(raw: RawSheet, bare: RawSheet, date1904: bool) -> None:
    sheet = schema.SHEETS[raw.key]
    for key in raw.frame.columns:
        column = sheet.column(key)
        got = parse_cells(raw.frame[key], column, date1904, raw.codes[key])
        want = parse_cells(bare.frame[key], column, date1904)
        pd.testing.assert_series_equal(got.values, want.values, check_exact=True)
        assert [type(v) for v in got.values] == [type(v) for v in want.values], key
        pd.testing.assert_series_equal(got.bad, want.bad, check_exact=True)
        pd.testing.assert_series_equal(got.missing, want.missing, check_exact=True)
        assert (got.coded is None) == (want.coded is None), key
        if got.coded is not None and want.coded is not None:
            assert np.array_equal(got.coded[0], want.coded[0]), key
            assert list(got.coded[1]) == list(want.coded[1]), key
    problems: list[Problem] = []
    bare_problems: list[Problem] = []
    coded: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    bare_coded: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    table = load_sheet(sheet, raw, problems, date1904=date1904, coded=coded)
    bare_table = load_sheet(sheet, bare, bare_problems, date1904=date1904, coded=bare_coded)
    pd.testing.assert_frame_equal(table, bare_table, check_exact=True)
    assert problem_facts(problems) == problem_facts(bare_problems)
    assert coded.keys() == bare_coded.keys()
    for key, (codes, distinct) in coded.items():
        assert np.array_equal(codes, bare_coded[key][0]), key
        assert list(distinct) == list(bare_coded[key][1]), key


@settings(max_examples=150, deadline=None)
@given(drawn=hostile_sheets(), chunk=st.integers(1, 6), date1904=st.booleans())
def test_codes_of_hostile_sheets_are_factorize_and_parse_alike(
    drawn: tuple[schema.Sheet, list[list[object]], list[MergedRange]], chunk: int, date1904: bool
) -> None:
    sheet, rows, merged = drawn
    original = sheet_table.CHUNK_CELLS
    sheet_table.CHUNK_CELLS = chunk * max(len(r) for r in rows)  # chunk edges anywhere
    try:
        raw = rows_to_raw_sheet(sheet, "表", iter(rows), merged, height=len(rows))
    finally:
        sheet_table.CHUNK_CELLS = original
    assert_codes_are_factorize(raw)
    assert_same_parse(raw, dataclasses.replace(raw, codes={}), date1904)


def test_a_column_read_in_chunks_keeps_one_code_for_1_and_1_0() -> None:
    # 1 then 1.0 in a later chunk: one value (the first read), one code; TRUE is text, a
    # code of its own; NaN is the text "NaN", coded with the typed "NaN" it equals.
    rows: list[list[object]] = [["工号", "日期"], [1, None], [True, None], [1.0, None]]
    rows += [[math.nan, None], [None, None], ["NaN", None], [" ", None], [0.0, None]]
    original = sheet_table.CHUNK_CELLS
    sheet_table.CHUNK_CELLS = 2  # a row a chunk
    try:
        raw = rows_to_raw_sheet(schema.LOGS, "日志", rows)
    finally:
        sheet_table.CHUNK_CELLS = original
    codes, uniques = raw.codes["staff_id"]
    # Rows 6 and 8 are blank in both columns and dropped: 2, 3, 4, 5, 7, 9 stay.
    assert list(raw.frame.index) == [2, 3, 4, 5, 7, 9]
    assert list(codes) == [0, 1, 0, 2, 2, 3]
    assert [type(v) for v in uniques] == [int, str, str, float] and list(uniques) == [
        1,
        "TRUE",
        "NaN",
        0.0,
    ]
    assert list(raw.codes["date"][0]) == [-1] * 6 and len(raw.codes["date"][1]) == 0


def test_codes_that_do_not_fit_the_frame_are_not_used() -> None:
    # A RawSheet whose frame was cut after reading keeps codes as long as the old frame:
    # the parser hashes the column itself rather than take codes that do not fit.
    rows: list[list[object]] = [["工号", "日期"], ["S1", 45000.0], ["S2", "x"], ["S1", None]]
    raw = rows_to_raw_sheet(schema.LOGS, "日志", rows)
    cut = raw.frame.iloc[1:]
    date = schema.LOGS.column("date")
    got = parse_cells(cut["date"], date, raw_codes=raw.codes["date"])
    want = parse_cells(cut["date"], date)
    pd.testing.assert_series_equal(got.values, want.values)
    assert list(got.bad) == [True, False]


def test_a_workbook_loads_alike_with_and_without_codes(tmp_path: Path) -> None:
    # Through calamine: a logical cell where numbers are, error cells, a formula saved
    # without its result, a blank row, text with spaces around it.
    path = build(tmp_path / "school.xlsm")
    wb = openpyxl.load_workbook(path, keep_vba=True)
    ws = wb[schema.LOGS.zh]
    last = ws.max_row
    hostile: list[list[object]] = [
        [dt.date(2025, 3, 3), " S1 ", "清扫", True, 1, "完成", None],
        [dt.date(2025, 3, 3), "S1", "清扫", 1.0, "#N/A", "完成", "=A1&B1"],
        [None] * 7,
        ["2025-03-04", 1001, " 巡查", "NaN", 0, "done", "  "],
        [45000, "S2", "清扫", False, -1, "延期", "#DIV/0!"],
    ]
    for i, values in enumerate(hostile, start=last + 1):
        for j, value in enumerate(values, start=1):
            ws.cell(row=i, column=j, value=value)
    wb.save(path)
    raw = read_workbook(path)
    assert raw.sheets["logs"].codes and all(s.codes for s in raw.sheets.values() if len(s.frame))
    for each in raw.sheets.values():
        assert_codes_are_factorize(each)
    bare = dataclasses.replace(
        raw, sheets={k: dataclasses.replace(s, codes={}) for k, s in raw.sheets.items()}
    )
    got, want = load(raw, dt.date(2025, 12, 31)), load(bare, dt.date(2025, 12, 31))
    assert got.tables.keys() == want.tables.keys()
    for key, table in got.tables.items():
        pd.testing.assert_frame_equal(table, want.tables[key], check_exact=True)
    assert problem_facts(got.problems) == problem_facts(want.problems)
    # What the rows say, by hand: TRUE and NaN are no whole numbers, #N/A and the formula are
    # marked where they stand, row 2 repeats row 1 (" S1 " is S1), the blank row is gone.
    first = last + 1
    found = {(p.row - first, p.column, p.code) for p in got.problems if p.sheet == "logs"}
    assert {
        (0, "units", "not_an_integer"),
        (1, "hours", "cell_error"),
        (1, "notes", "formula_not_computed"),
        (1, "content", "duplicate_log"),
        (3, "units", "not_an_integer"),
        (4, "notes", "cell_error"),
    } <= found
    assert first + 2 not in got.tables["logs"].index
