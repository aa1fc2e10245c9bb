"""Cells that are not what they seem (SPEC 4.1, 4.5): logical values, error values, formulas
saved without a result, NaN and inf, merged cells and the 1904 date system, each read from a
real file and reported at its own cell, with the exact set of problems the workbook gives.

The workbooks are the small valid school (tests.workbooks, no problems at all) with cells
changed by openpyxl, which writes TRUE as a logical cell, "#DIV/0!" as an error cell and
"=1/0" as a formula without a cached result, as other programs do.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from logistics.core import schema
from logistics.core.outputs import validation_rows
from logistics.core.periods import Month
from logistics.core.scoring import score_month
from logistics.core.validate import load
from logistics.io.reader import read_workbook
from tests.workbooks import build

AS_OF = dt.date(2025, 12, 31)


def poked(tmp_path: Path, edits: dict[tuple[str, str], object], *, merge: str = "") -> Path:
    """The small school with ``{(sheet key, "D3"): value}`` written into it by openpyxl."""
    path = build(tmp_path / "school.xlsm")
    wb = openpyxl.load_workbook(path, keep_vba=True)
    for (key, cell), value in edits.items():
        wb[schema.SHEETS[key].zh][cell] = value
    if merge:
        key, cells = merge.split("!")
        wb[schema.SHEETS[key].zh].merge_cells(cells)
    wb.save(path)
    return path


def problems_of(path: Path) -> set[tuple[str, str, int | None, str | None]]:
    ds = load(read_workbook(path), AS_OF)
    return {(p.code, p.sheet, p.row, p.column) for p in ds.problems}


# Logs: D = 完成数量, E = 用时(小时). Staff: F = 绩效工资基数. Energy: D = 读数.
# Inspections: D = 加减分. Plans: J = 进度(%).
CASES = [
    ("units-true", ("logs", "D2"), True, {("not_an_integer", "logs", 2, "units")}),
    ("units-false", ("logs", "D2"), False, {("not_an_integer", "logs", 2, "units")}),
    ("units-div0", ("logs", "D3"), "#DIV/0!", {("cell_error", "logs", 3, "units")}),
    ("units-na", ("logs", "D3"), "#N/A", {("cell_error", "logs", 3, "units")}),
    ("units-uncomputed", ("logs", "D4"), "=1/0", {("formula_not_computed", "logs", 4, "units")}),
    ("hours-nan-text", ("logs", "E5"), "NaN", {("not_a_number", "logs", 5, "hours")}),
    ("pay-inf", ("staff", "F2"), "inf", {("not_a_number", "staff", 2, "pay_base")}),
    ("pay-1e309", ("staff", "F2"), "1e309", {("not_a_number", "staff", 2, "pay_base")}),
    ("pay-nan", ("staff", "F3"), "NaN", {("not_a_number", "staff", 3, "pay_base")}),
    ("pay-true", ("staff", "F3"), True, {("not_a_number", "staff", 3, "pay_base")}),
    # An inf reading used to blame the later, smaller reading of the same meter.
    ("reading-inf", ("energy", "D2"), "inf", {("not_a_number", "energy", 2, "reading")}),
    ("points-nan", ("inspections", "D2"), "NaN", {("not_a_number", "inspections", 2, "points")}),
    ("progress-nan", ("plans", "J2"), "NaN", {("not_a_number", "plans", 2, "progress")}),
    ("date-error", ("logs", "A6"), "#VALUE!", {("cell_error", "logs", 6, "date")}),
    ("staff-id-error", ("logs", "B6"), "#REF!", {("cell_error", "logs", 6, "staff_id")}),
]


@pytest.mark.parametrize(("name", "where", "value", "expected"), CASES, ids=[c[0] for c in CASES])
def test_a_non_number_is_a_type_error_at_its_own_cell(tmp_path, name, where, value, expected):
    assert problems_of(poked(tmp_path, {where: value})) == expected


def test_messages_say_what_the_cell_holds(tmp_path):
    path = poked(tmp_path, {("logs", "D3"): "#DIV/0!", ("logs", "D4"): "=D2*2"})
    ds = load(read_workbook(path), AS_OF)
    rows = {r[1]: r for r in validation_rows(ds.problems, "zh")}
    assert rows[3][3] == "#DIV/0!" and "错误值 #DIV/0!" in rows[3][5]
    assert rows[4][3] == "=D2*2" and "没有保存它的计算结果" in rows[4][5]


def test_a_merged_cell_gets_its_own_message_not_required(tmp_path):
    # 工作内容 of rows 5 and 6 merged: row 6 is empty, which used to be a bare "required".
    path = poked(tmp_path, {}, merge="logs!C5:C6")
    assert problems_of(path) == {("merged_cells", "logs", 5, "content")}
    ds = load(read_workbook(path), AS_OF)
    (row,) = validation_rows(ds.problems, "zh")
    assert row[:3] == ["日志", 5, "工作内容"] and "C5:C6" in row[5] and "取消合并" in row[5]
    (en,) = validation_rows(ds.problems, "en")
    assert "Unmerge them and fill in every row" in en[5]


def test_a_blank_cell_shows_a_blank_value(tmp_path):
    path = poked(tmp_path, {("logs", "C7"): None})
    ds = load(read_workbook(path), AS_OF)
    (row,) = validation_rows(ds.problems, "zh")
    assert row[:4] == ["日志", 7, "工作内容", ""]
    assert "nan" not in row[5].casefold()


def test_the_1904_date_system_is_read_as_such(tmp_path):
    # Saved with the 1904 system: date cells are re-counted by openpyxl; a bare number in a
    # date column is a serial from 1904-01-01, so 44,255 is 2025-03-03, not 2021-02-28.
    serial = (dt.date(2025, 3, 3) - dt.date(1904, 1, 1)).days
    path = build(tmp_path / "school.xlsm")
    wb = openpyxl.load_workbook(path, keep_vba=True)
    wb.epoch = CALENDAR_MAC_1904
    ws = wb[schema.LOGS.zh]
    ws["A2"].number_format = "General"
    ws["A2"] = serial
    wb.save(path)
    raw = read_workbook(path)
    assert raw.date1904
    ds = load(raw, AS_OF)
    assert not ds.problems
    assert ds.tables["logs"].at[2, "date"] == dt.datetime(2025, 3, 3)
    assert ds.tables["staff"].at[4, "start_date"] == dt.datetime(2025, 3, 3)  # a date cell
    # And the scores are those of the same school saved with the 1900 system.
    plain = load(read_workbook(build(tmp_path / "plain.xlsm")), AS_OF)
    march = Month(2025, 3)
    assert [(x.staff_id, x.total) for x in score_month(ds, march, AS_OF)] == [
        (x.staff_id, x.total) for x in score_month(plain, march, AS_OF)
    ]
