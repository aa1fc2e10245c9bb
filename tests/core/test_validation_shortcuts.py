"""Validation skips work that finds nothing (core/validate.py, core/cell_problems.py): masks
with no True take no index, the masks of a parsed column stay arrays, an empty date column and
an absent sheet's table are typed once. None of it may change a result.

References here are written from the rules (SPEC 4.1 typing, 4.5 problems), cell by cell,
with the Series API that the shortcuts avoid: a parse problem at each cell its parser refuses,
"required" at each blank cell of a required column that held nothing unparseable, a range
problem at each number outside its column's bounds.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from logistics.core import schema, validate
from logistics.core.cell_problems import cells_at, rows_where
from logistics.core.parsing import BAD, parse_cells, parse_code, parser_for
from logistics.core.problems import Problem
from logistics.core.rawbook import CellError, RawSheet
from tests.factories import POST, dataset, person

CELLS: list[object] = [
    *(None, "abc", "NaN", "TRUE", -1.0, 0.0, 2.5, 25.0, 101.0, 1e308, "1e309", "1,000"),
    *(CellError("#N/A"), CellError("=A1", True), "2025-13-01", "2025年3月7日", 45000.0),
    *(dt.date(2025, 3, 1), dt.datetime(2025, 3, 1, 12), " S1", "1001", 1001.0, 3, "是"),
    *("否", "完成", "done", "大型", "workday", "保洁员"),
]  # fmt: skip


def test_rows_where_reads_blanks_as_false_and_finds_nothing_in_an_empty_mask() -> None:
    index = pd.Index([9, 3, 7, 12])
    plain = pd.Series([True, False, True, False], index=index)
    nullable = pd.Series([True, None, False, True], index=index, dtype="boolean")
    objects = pd.Series([None, True, False, True], index=index, dtype=object)
    assert rows_where(plain) == [9, 7]
    assert rows_where(nullable) == [9, 12]
    assert rows_where(objects) == [3, 12]
    assert rows_where(pd.Series(False, index=index)) == []
    assert rows_where(pd.Series([], dtype=bool)) == []
    assert all(type(r) is int for r in rows_where(plain))


def test_cells_at_no_rows_is_empty_whatever_the_column() -> None:
    for column in (
        pd.Series([1.5], index=[4]),
        pd.Series([pd.Timestamp(2025, 1, 2)], index=[4]),
        pd.Series([], dtype=object),
    ):
        assert cells_at(column, []) == [] and cells_at(column, pd.Index([], dtype=int)) == []


def test_an_absent_sheet_gives_a_fresh_empty_table_each_run() -> None:
    sheet = schema.SHEETS["logs"]
    problems: list[Problem] = []
    first = validate.load_sheet(sheet, None, problems)
    first["date"] = pd.Series(dtype="datetime64[ns]")  # a job changing what it got
    del first["notes"]
    second = validate.load_sheet(sheet, None, problems)
    assert list(second.columns) == [c.key for c in sheet.columns] and second.empty
    # Each column typed as an empty column of its kind parses (SPEC 4.1).
    for column in sheet.columns:
        want = parse_cells(pd.Series([], dtype=object), column).values
        assert second[column.key].dtype == want.dtype, column.key
    assert [p.code for p in problems] == ["sheet_missing", "sheet_missing"]


def test_an_empty_date_column_types_as_a_column_of_blanks_does() -> None:
    date = schema.SHEETS["logs"].column("date")
    for cells in ([], [None], [None, None]):
        got = parse_cells(pd.Series(cells, dtype=object), date).values
        want = pd.to_datetime(pd.Series([*cells, None], dtype=object), errors="coerce")
        assert got.dtype == want.dtype and got.isna().all() and len(got) == len(cells)
    # The typing is shared: a column changed by its user leaves the next column blank.
    first = parse_cells(pd.Series([None], dtype=object), date).values
    first.iloc[0] = pd.Timestamp(2025, 1, 2)
    assert parse_cells(pd.Series([None], dtype=object), date).values.isna().all()


def _reference(sheet: schema.Sheet, frame: pd.DataFrame) -> Counter[tuple[object, ...]]:
    """Parse, required and range problems of ``frame``, cell by cell."""
    found: Counter[tuple[object, ...]] = Counter()
    for column in sheet.columns:
        if column.key not in frame.columns:
            continue
        parse = parser_for(column)
        for row in frame.index:
            cell = frame.at[row, column.key]
            parsed = None if cell is None else parse(cell)
            if parsed is BAD:
                code = parse_code(column, cell)
            elif parsed is None or (isinstance(parsed, float) and math.isnan(parsed)):
                code = "required" if column.required else ""
            elif isinstance(parsed, float) and (
                (column.min is not None and parsed < column.min)
                or (column.max is not None and parsed > column.max)
            ):
                code = "out_of_range"
            else:
                code = ""
            if code:
                found[(code, int(row), column.key, repr(cell))] += 1
    return found


CELL_CODES = {"required", "out_of_range", "cell_error", "formula_not_computed"}
CELL_CODES |= {"not_a_number", "not_an_integer", "not_a_date", "bad_choice"}


@settings(max_examples=80, deadline=None)
@given(
    key=st.sampled_from([s.key for s in schema.INPUT_SHEETS]),
    cells=st.lists(st.sampled_from(CELLS), max_size=120),
    gaps=st.booleans(),
)
def test_cell_problems_and_types_are_the_rules_cell_by_cell(
    key: str, cells: list[object], gaps: bool
) -> None:
    sheet = schema.SHEETS[key]
    width = len(sheet.columns)
    height = len(cells) // width
    index = pd.Index([2 + 3 * i for i in range(height)] if gaps else range(2, height + 2))
    frame = pd.DataFrame(
        np.array(cells[: height * width], dtype=object).reshape(height, width),
        columns=[c.key for c in sheet.columns],
        index=index,
        dtype=object,
    )
    problems: list[Problem] = []
    table = validate.load_sheet(sheet, RawSheet(key, sheet.zh, 1, frame), problems)
    for column in sheet.columns:  # each typed column as parsing it alone gives it
        want = parse_cells(frame[column.key], column).values
        pd.testing.assert_series_equal(table[column.key], want, check_names=False)
    got = Counter(
        (p.code, p.row, p.column, repr(p.value)) for p in problems if p.code in CELL_CODES
    )
    assert got == _reference(sheet, frame)
    rows = [p.row or 0 for p in problems if p.code in {"required", "out_of_range"}]
    assert rows == sorted(rows)  # the column checks come in row order
    # A unique ID typed again: an error at the later row, naming the first (SPEC 4.5).
    want_dups = []
    for column in sheet.columns:
        if column.unique:
            first: dict[object, int] = {}
            for row in table.index:
                value = table.at[row, column.key]
                if value is None or value is pd.NaT or pd.isna(value):
                    continue
                if value in first:
                    want_dups.append((int(row), column.key, repr(value), first[value]))
                first.setdefault(value, int(row))
    got_dups = [
        (p.row, p.column, repr(p.value), p.params["first_row"])
        for p in problems
        if p.code == "duplicate_id"
    ]
    assert got_dups == want_dups


@settings(max_examples=60, deadline=None)
@given(
    days=st.lists(
        st.one_of(st.none(), st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31))), max_size=80
    ),
    date1904=st.booleans(),
)
def test_a_date_column_types_as_to_datetime_types_it(
    days: list[dt.date | None], date1904: bool
) -> None:
    # A few distinct dates are typed by a loop, many by to_datetime: either way the typed
    # column is what to_datetime makes of the parsed dates (SPEC 4.1: dates, blanks NaT).
    date = schema.SHEETS["logs"].column("date")
    parse = parser_for(date, date1904)
    got = parse_cells(pd.Series(days, dtype=object), date, date1904).values
    parsed = [None if d is None else parse(d) for d in days]
    want = pd.to_datetime(pd.Series([*parsed, None], dtype=object), errors="coerce")[:-1]
    assert got.dtype == want.dtype
    assert np.array_equal(got.to_numpy(), want.to_numpy(), equal_nan=True)


STAFF_CELLS: list[object] = ["S1", " S1", "S2", "S9", None, 1001.0, "1001", CellError("#N/A")]
DAYS = [dt.date(2025, 3, d) for d in range(1, 8)]


@settings(max_examples=40, deadline=None)
@given(
    logs=st.lists(st.tuples(st.sampled_from(STAFF_CELLS), st.sampled_from(DAYS)), max_size=40),
    leave=st.lists(
        st.tuples(st.sampled_from(["S1", "S2", "S9", "1001"]), st.sampled_from(DAYS),
                  st.integers(0, 3)),
        max_size=4,
    ),
)  # fmt: skip
def test_unknown_staff_and_logs_on_leave_are_the_rule_row_by_row(
    logs: list[tuple[object, dt.date]], leave: list[tuple[str, dt.date, int]]
) -> None:
    # The StaffID column is looked up by its codes (each distinct 工号 once): the rows found
    # must be the rule's, row by row (SPEC 4.5: a StaffID the Staff sheet lacks; a log
    # dated inside a leave of its person, naming the first such leave row).
    leave_rows = [
        {"staff_id": s, "start": d, "end": d + dt.timedelta(days=n), "type": "事假"}
        for s, d, n in leave
    ]
    log_rows = [{"date": d, "staff_id": s, "content": "清扫", "units": 1, "status": "完成"}
                for s, d in logs]  # fmt: skip
    staff = [person("S1", dt.date(2024, 1, 1)), person("S2", dt.date(2024, 1, 1))]
    staff.append(person("1001", dt.date(2024, 1, 1)))
    ds = dataset(posts=[POST], staff=staff, logs=log_rows, leave=leave_rows)

    def typed(cell: object) -> str | None:  # SPEC 4.1: text stripped, 1001.0 is "1001"
        if cell is None or isinstance(cell, CellError):
            return None
        return str(int(cell)) if isinstance(cell, float) else str(cell).strip()

    known = {"S1", "S2", "1001"}
    want_unknown = [
        (2 + i, typed(s)) for i, (s, _) in enumerate(logs) if typed(s) not in (None, *known)
    ]
    got_unknown = [
        (p.row, p.value) for p in ds.problems if p.code == "unknown_staff" and p.sheet == "logs"
    ]
    assert got_unknown == want_unknown
    want_leave = []
    for i, (s, day) in enumerate(logs):
        holding = [
            2 + j
            for j, (who, start, n) in enumerate(leave)
            if who == typed(s) and start <= day <= start + dt.timedelta(days=n)
        ]
        if holding:
            want_leave.append((2 + i, holding[0]))
    got_leave = [(p.row, p.params["leave_row"]) for p in ds.problems if p.code == "log_on_leave"]
    assert got_leave == want_leave


UNIQUE = [(s.key, c.key) for s in schema.INPUT_SHEETS for c in s.columns if c.unique]


@settings(max_examples=60, deadline=None)
@given(
    where=st.sampled_from(UNIQUE),
    ids=st.lists(
        st.sampled_from(["A1", "A2", "A3", 1001.0, "1001", None, CellError("#N/A"), 45000.0]),
        max_size=12,
    ),
)
def test_repeated_ids_are_found_whether_or_not_any_repeats(
    where: tuple[str, str], ids: list[object]
) -> None:
    # A column whose filled cells are all distinct is not searched: whether it holds a
    # repeat or not, the duplicate_id errors are the rule's, row by row.
    key, column_key = where
    sheet = schema.SHEETS[key]
    frame = pd.DataFrame(
        {c.key: ids if c.key == column_key else [None] * len(ids) for c in sheet.columns},
        index=pd.RangeIndex(2, 2 + len(ids)),
        dtype=object,
    )
    problems: list[Problem] = []
    table = validate.load_sheet(sheet, RawSheet(key, sheet.zh, 1, frame), problems)
    first: dict[object, int] = {}
    want = []
    for row in table.index:
        value = table.at[row, column_key]
        if value is None or pd.isna(value):
            continue
        if value in first:
            want.append((int(row), first[value]))
        first.setdefault(value, int(row))
    got = [(p.row, p.params["first_row"]) for p in problems if p.code == "duplicate_id"]
    assert got == want
