"""``logistics report`` and ``logistics demo`` from the command line."""

from __future__ import annotations

import datetime as dt
import os
import shutil

import pytest
from typer.testing import CliRunner

from logistics.cli import app
from logistics.io.reader import read_workbook
from tests.workbooks import build, part_hashes, sheet_rows, small_school

runner = CliRunner(env={"COLUMNS": "200"})
AS_OF = ["--as-of", "2025-12-31"]


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


def needs_soffice():
    if shutil.which("soffice") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("LibreOffice (soffice) is required in CI")
        pytest.skip("LibreOffice (soffice) is not installed")


def test_report_writes_documents_and_leaves_the_workbook_alone(tmp_path):
    book = build(tmp_path / "school.xlsm")
    before = part_hashes(book)
    out = tmp_path / "docs"
    result = invoke("report", book, "contracts", "--out", out, "--no-pdf", *AS_OF)
    assert result.exit_code == 0, result.output
    # S2 left on 31 March: contracts go to the two people employed on the as-of date.
    assert sorted(p.name for p in out.iterdir()) == [
        "岗位责任状-S1-张伟.docx",
        "岗位责任状-S3-王强.docx",
    ]
    result = invoke(
        "report", book, "monthly", "--month", "2025-03", "--out", out, "--no-pdf", *AS_OF
    )
    assert result.exit_code == 0, result.output
    assert (out / "示例实验小学-2025-03月度考评通报.docx").exists()  # the default school name
    assert part_hashes(book) == before


def test_report_is_blocked_by_errors_and_lists_them_on_the_validation_sheet(tmp_path):
    frames = small_school()
    frames["logs"].loc[0, "status"] = "搞定"
    book = build(tmp_path / "bad.xlsm", frames)
    out = tmp_path / "docs"
    result = invoke("report", book, "year-end", "--year", "2025", "--out", out, *AS_OF)
    assert result.exit_code == 1
    assert not out.exists() or not any(out.iterdir())
    assert [r[:3] for r in sheet_rows(book, "校验结果")[1:]] == [["日志", 2.0, "状态"]]


def test_report_usage_errors_exit_2(tmp_path):
    book = build(tmp_path / "school.xlsm")
    assert invoke("report", book, "newsletter", "--out", tmp_path).exit_code == 2
    assert invoke("report", book, "monthly", "--month", "2025-13").exit_code == 2
    assert (
        invoke("report", book, "meeting", "--meeting", "M9", "--out", tmp_path, *AS_OF).exit_code
        == 2
    )


def test_demo_builds_computes_and_reports(tmp_path):
    needs_soffice()
    result = invoke("demo", "--out", tmp_path)
    assert result.exit_code == 0, result.output
    names = {p.name for p in tmp_path.iterdir()}
    assert "示例实验小学-后勤考核-2025.xlsm" in names
    assert {"示例实验小学-2025年终考核报告.docx", "示例实验小学-2025年终考核报告.pdf"} <= names
    book = tmp_path / "示例实验小学-后勤考核-2025.xlsm"
    assert {r[0] for r in sheet_rows(book, "考评")[1:]} == {f"2025-{m:02d}" for m in range(1, 13)}
    assert [r[0] for r in sheet_rows(book, "季度汇总")[1:]].count("2025Q4") >= 40
    assert len(sheet_rows(book, "年终排名")) == 45  # header + 44 staff
    assert "年度等级分布" in result.output and "食堂电表" in result.output
    # Its own fresh files need no backups (a backup is for a workbook the user had) ...
    assert not (tmp_path / ".logistics-backups").exists()
    # ... and its 截止日期 is the demo's, so a later command counts to it, not to today.
    for name in ("示例实验小学-后勤考核-2025.xlsm", "示例育才中学-后勤考核-2025.xlsm"):
        assert read_workbook(tmp_path / name).home["as_of"] == dt.date(2025, 12, 31)
    later = invoke("validate", book)
    assert later.exit_code == 0 and "（截至 2025-12-31）" in later.output  # overdue loans
