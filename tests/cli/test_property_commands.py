"""``logistics assets`` and ``logistics inventory`` on workbook files (SPEC §6, §4.8)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from typer.testing import CliRunner

from logistics.cli import app
from logistics.core import schema
from logistics.io.builder import build_workbook
from tests.workbooks import sheet_rows, small_school

runner = CliRunner(env={"COLUMNS": "240"})
AS_OF = ["--as-of", "2025-12-31"]
D = dt.date


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


def school(tmp_path, lang="zh", counts=None, **extra):
    frames = small_school()
    frames["assets"] = pd.DataFrame(
        [
            {"asset_id": "A1", "name": "投影仪", "category": "general", "quantity": 1,
             "unit_price": 3899.5, "purchase_date": D(2023, 3, 1), "location": "教学楼101",
             "status": "repair"},
            {"asset_id": "A2", "name": "课桌椅", "category": "furniture", "quantity": 45,
             "unit_price": 268.25, "purchase_date": D(2022, 8, 20), "location": "教学楼101",
             "status": "in_use"},
            {"asset_id": "A3", "name": "打印机", "category": "general", "quantity": 1,
             "unit_price": 1299.0, "purchase_date": D(2019, 5, 1), "location": "总务处",
             "status": "disposed", "disposed_date": D(2025, 6, 30)},
        ]
    )  # fmt: skip
    frames["counts"] = pd.DataFrame(
        counts
        if counts is not None
        else [
            {"date": D(2025, 12, 15), "asset_id": "A1", "location": "总务处", "counted": 1},
            {"date": D(2025, 12, 15), "asset_id": "A2", "location": "教学楼101", "counted": 44},
            {"date": D(2025, 12, 16), "asset_id": None, "name": "旧钢琴", "location": "音乐室",
             "counted": 1},
        ]
    )  # fmt: skip
    frames.update(extra)
    return build_workbook(tmp_path / "school.xlsm", lang, frames)


def test_assets_writes_asset_stats_as_of_the_date(tmp_path):
    book = school(tmp_path)
    result = invoke("assets", book, *AS_OF)
    assert result.exit_code == 0, result.output
    rows = sheet_rows(book, "资产统计")
    assert rows[0] == [c.zh for c in schema.ASSET_STATS.columns]
    # The printer was disposed of on 2025-06-30: not held at the year's end.
    # 3,899.50 + 45 × 268.25 = 3,899.50 + 12,071.25.
    assert rows[1:] == [
        ["2025-12-31", "通用设备", "教学楼101", 1.0, 1.0, 3899.5, 0.0, 1.0],
        ["2025-12-31", "家具用具", "教学楼101", 1.0, 45.0, 12071.25, 0.0, 0.0],
    ]
    # Another as-of date adds its rows; the same date replaces its own.
    assert invoke("assets", book, "--as-of", "2025-06-29").exit_code == 0
    assert invoke("assets", book, *AS_OF).exit_code == 0
    dates = [r[0] for r in sheet_rows(book, "资产统计")[1:]]
    assert dates == ["2025-06-29"] * 3 + ["2025-12-31"] * 2


def test_inventory_writes_the_count_result(tmp_path):
    book = school(tmp_path)
    result = invoke("inventory", book, "--year", "2025", *AS_OF)
    assert result.exit_code == 0, result.output
    assert sheet_rows(book, "盘点结果")[1:] == [
        [2025.0, "A1", "投影仪", "教学楼101", "总务处", 1.0, 1.0, 0.0, "地点不符"],
        [2025.0, "A2", "课桌椅", "教学楼101", "教学楼101", 45.0, 44.0, -1.0, "盘亏"],
        [2025.0, "", "旧钢琴", "", "音乐室", 0.0, 1.0, 1.0, "盘盈"],
    ]
    assert "盘亏 1" in result.output and "盘盈 1" in result.output


def test_a_year_without_counts_writes_no_rows_and_warns(tmp_path):
    book = school(tmp_path)
    result = invoke("inventory", book, "--year", "2024", *AS_OF)
    assert result.exit_code == 0, result.output
    assert sheet_rows(book, "盘点结果")[1:] == []
    validation = sheet_rows(book, "校验结果")[1:]
    assert [(r[0], r[4]) for r in validation] == [("盘点", "警告")]
    assert "2024" in validation[0][5]


def test_an_unknown_asset_in_counts_blocks_with_exit_1(tmp_path):
    counts = [{"date": D(2025, 12, 15), "asset_id": "A9", "location": "总务处", "counted": 1}]
    book = school(tmp_path, counts=counts)
    result = invoke("inventory", book, "--year", "2025", *AS_OF)
    assert result.exit_code == 1
    validation = sheet_rows(book, "校验结果")[1:]
    assert [r[:5] for r in validation] == [["盘点", 2.0, "资产编号", "A9", "错误"]]
    assert sheet_rows(book, "盘点结果")[1:] == []


def test_an_english_workbook(tmp_path):
    book = school(tmp_path, "en")
    assert invoke("inventory", book, "--year", "2025", *AS_OF).exit_code == 0
    rows = sheet_rows(book, "CountResult")
    assert rows[0] == [c.en for c in schema.COUNT_RESULT.columns]
    assert rows[1][-1] == "WrongLocation" and rows[2][-1] == "Shortage"
    assert invoke("assets", book, *AS_OF).exit_code == 0
    assert sheet_rows(book, "AssetStats")[1][1] == "GeneralEquipment"


def test_a_workbook_without_the_property_sheets_and_request_columns_still_works(tmp_path):
    frames = small_school()
    frames["requests"] = frames["requests"][
        [c for c in frames["requests"].columns if c not in ("category", "asset_id")]
    ]
    book = build_workbook(tmp_path / "old.xlsm", "zh", frames)
    # Drop the new sheets and the new Requests columns, as an older workbook has them.
    import openpyxl  # a test-only rewrite of an .xlsx copy

    wb = openpyxl.load_workbook(book)
    for name in ("资产", "借用", "盘点"):
        del wb[name]
    ws = wb["诉求"]
    labels = [c.value for c in ws[1]]
    for label in ("满意度", "地点", "资产编号", "类别"):
        ws.delete_cols(labels.index(label) + 1)
    old = tmp_path / "old.xlsx"
    wb.save(old)
    assert invoke("validate", old, *AS_OF).exit_code == 0
    result = invoke("score", old, "--month", "2025-03", *AS_OF)
    assert result.exit_code == 0, result.output
    result = invoke("inventory", old, "--year", "2025", *AS_OF)
    assert result.exit_code == 0, result.output
    assert sheet_rows(old, "盘点结果")[1:] == []
