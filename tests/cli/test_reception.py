"""`logistics reception` and `logistics report … reception` on workbook files (SPEC 6)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from docx import Document
from python_calamine import CalamineWorkbook
from typer.testing import CliRunner

from logistics.cli import app
from logistics.core import schema
from logistics.io.data_sheets import default_settings_frame
from tests.workbooks import build, sheet_rows, small_school

runner = CliRunner(env={"COLUMNS": "240"})
AS_OF = ["--as-of", "2025-12-31"]
D = dt.date


def visit(rid: str, day: dt.date, **kw: object) -> dict[str, object]:
    return {
        "reception_id": rid,
        "date": day,
        "visitor": "区教育局",
        "purpose": "调研",
        "official_letter": True,
        "approver": "王校长",
        "approved_date": day - dt.timedelta(days=2),
        "guests": 5,
        "hosts": 2,
        "meals": 1,
        "meal_cost": 300,
        "lodging_cost": 0,
        "other_cost": 0,
        "alcohol": False,
        "staff_id": "S1",
        **kw,
    }


VISITS = [
    # March: 1,300 + 800 + 150.5 = 2,250.50; (10 + 3) × 2 = 26 person-meals at exactly 50
    visit("JD-1", D(2025, 3, 4), guests=10, hosts=3, meals=2, meal_cost=1300,
          lodging_cost=800, other_cost=150.5),
    # March: 300; three findings (4 hosts for 10 guests, no letter, alcohol) count once
    visit("JD-2", D(2025, 3, 20), guests=10, hosts=4, official_letter=False, alcohol=True),
    # April: 1,301 over 26 person-meals = 50.04 > 50, and approved after the visit
    visit("JD-3", D(2025, 4, 8), guests=10, hosts=3, meals=2, meal_cost=1301,
          approved_date=D(2025, 4, 9)),
]  # fmt: skip


def school(visits: list[dict[str, object]] = VISITS, budget: object = 20000):
    frames = small_school()
    frames["receptions"] = pd.DataFrame(visits)
    settings = default_settings_frame("zh")
    settings.loc[settings["key"] == "年度接待预算", "value"] = budget
    frames["settings"] = settings
    return frames


@pytest.fixture
def book(tmp_path):
    return build(tmp_path / "school.xlsm", school())


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_reception_month_writes_its_statistics_and_lists_findings(book):
    result = invoke("reception", book, "--month", "2025-03", *AS_OF)
    assert result.exit_code == 0, result.output
    rows = sheet_rows(book, "接待统计")
    assert rows[0] == [c.zh for c in schema.RECEPTION_STATS.columns]
    # 2 visits; guests 10 + 10, hosts 3 + 4; meals 1,300 + 300; lodging 800; other 150.5;
    # total 2,550.5 = 本年累计 (January–March); 2,550.5 / 20,000 × 100 = 12.7525 → 12.8
    assert rows[1] == [
        "2025-03", 2.0, 20.0, 7.0, 1600.0, 800.0, 150.5, 2550.5, 1.0, 2550.5, 20000.0, 12.8,
    ]  # fmt: skip
    assert "陪同超标" in result.output and "无公函" in result.output
    validation = sheet_rows(book, "校验结果")[1:]
    assert sorted((r[1], r[2]) for r in validation) == [
        (3.0, "公函"), (3.0, "酒水"), (3.0, "陪同人数"), (4.0, "审批日期"), (4.0, "餐费(元)"),
    ]  # fmt: skip
    assert {r[4] for r in validation} == {"警告"}


def test_another_month_keeps_the_first_and_the_same_month_replaces_its_row(book):
    assert invoke("reception", book, "--month", "2025-03", *AS_OF).exit_code == 0
    assert invoke("reception", book, "--month", "2025-04", *AS_OF).exit_code == 0
    assert invoke("reception", book, "--month", "2025-03", *AS_OF).exit_code == 0
    rows = sheet_rows(book, "接待统计")[1:]
    assert [r[0] for r in rows] == ["2025-03", "2025-04"]
    # April: 1,301 meals; 本年累计 2,550.5 + 1,301 = 3,851.5; 3,851.5 / 20,000 = 19.2575% → 19.3
    assert rows[1][7:] == [1301.0, 1.0, 3851.5, 20000.0, 19.3]


def test_without_a_budget_the_budget_columns_are_blank(tmp_path):
    book = build(tmp_path / "nobudget.xlsm", school(budget=0))
    assert invoke("reception", book, "--month", "2025-03", *AS_OF).exit_code == 0
    assert sheet_rows(book, "接待统计")[1][-3:] == [2550.5, "", ""]


def test_meal_cost_without_meals_blocks_with_exit_1(tmp_path):
    visits = [*VISITS, visit("JD-4", D(2025, 3, 25), meals=0, meal_cost=200)]
    book = build(tmp_path / "bad.xlsm", school(visits))
    result = invoke("reception", book, "--month", "2025-03", *AS_OF)
    assert result.exit_code == 1
    assert sheet_rows(book, "接待统计") == [[c.zh for c in schema.RECEPTION_STATS.columns]]
    errors = [r for r in sheet_rows(book, "校验结果")[1:] if r[4] == "错误"]
    assert [(r[1], r[2]) for r in errors] == [(5.0, "用餐次数")]


def test_an_english_workbook_gets_english_statistics(tmp_path):
    book = build(tmp_path / "en.xlsm", school(), lang="en")
    result = invoke("reception", book, "--month", "2025-03", *AS_OF)
    assert result.exit_code == 0, result.output
    rows = sheet_rows(book, "ReceptionStats")
    assert rows[0] == [c.en for c in schema.RECEPTION_STATS.columns]
    assert rows[1][1] == 2.0 and "Too many hosts" in result.output


def test_report_one_reception_or_every_one_of_a_month(book, tmp_path):
    out = tmp_path / "docs"
    result = invoke("report", book, "reception", "--reception", "jd-2", "--out", out, "--no-pdf")
    assert result.exit_code == 0, result.output
    (docx,) = out.glob("*.docx")
    assert docx.name == "接待清单-JD-2-区教育局.docx"
    text = "\n".join(p.text for p in Document(str(docx)).paragraphs)
    assert "发现问题 3 项（陪同超标、无公函、酒水）" in text
    cells = [c.text for t in Document(str(docx)).tables for r in t.rows for c in r.cells]
    assert "承办人（签字）：____________" in cells and "审批人（签字）：____________" in cells
    result = invoke("report", book, "reception", "--month", "2025-03", "--out", out, "--no-pdf")
    assert result.exit_code == 0, result.output
    assert len(list(out.glob("*.docx"))) == 2  # JD-1 and JD-2 (JD-2 written again)


def test_report_unknown_reception_or_an_empty_month_is_a_usage_error(book, tmp_path):
    result = invoke("report", book, "reception", "--reception", "JD-9", "--out", tmp_path)
    assert result.exit_code == 2 and "JD-9" in result.output
    result = invoke("report", book, "reception", "--month", "2025-06", "--out", tmp_path)
    assert result.exit_code == 2 and "2025-06" in result.output
    result = invoke("report", book, "reception", "--out", tmp_path)
    assert result.exit_code == 2 and "--reception" in result.output


def test_a_workbook_made_before_receptions_existed_gets_the_statistics_sheet(tmp_path, monkeypatch):
    """No 接待 sheet reads as empty (an optional sheet); the missing 接待统计 is added."""
    with monkeypatch.context() as m:  # build as the builder did before these sheets
        m.setattr(schema, "INPUT_SHEETS", tuple(s for s in schema.INPUT_SHEETS
                                                if s.key != "receptions"))  # fmt: skip
        m.setattr(schema, "OUTPUT_SHEETS", tuple(s for s in schema.OUTPUT_SHEETS
                                                 if s.key != "reception_stats"))  # fmt: skip
        frames = small_school()
        del frames["receptions"]
        old = build(tmp_path / "old.xlsm", frames)
    assert "接待" not in CalamineWorkbook.from_path(str(old)).sheet_names
    result = invoke("reception", old, "--month", "2025-03", *AS_OF)
    assert result.exit_code == 0, result.output
    assert sheet_rows(old, "接待统计")[1][:2] == ["2025-03", 0.0]
    assert invoke("score", old, "--month", "2025-03", *AS_OF).exit_code == 0


def test_monthly_notice_of_a_month_without_receptions_says_so(tmp_path):
    frames = school()  # May is recorded (a log) but has no reception
    may = {"date": D(2025, 5, 6), "staff_id": "S1", "content": "巡查", "units": 1, "status": "完成"}
    frames["logs"] = pd.concat([frames["logs"], pd.DataFrame([may])], ignore_index=True)
    book = build(tmp_path / "school.xlsm", frames)
    out = tmp_path / "out"
    result = invoke("report", book, "monthly", "--month", "2025-05", "--out", out, "--no-pdf")
    assert result.exit_code == 0, result.output
    (docx,) = out.glob("*.docx")
    text = "\n".join(p.text for p in Document(str(docx)).paragraphs)
    # March 2,550.50 + April 1,301 = 3,851.50 so far this year
    assert "六、接待情况" in text and "本月无接待。本年累计接待费用 3,851.50 元。" in text
