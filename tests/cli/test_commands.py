"""The command line on workbook files: results land in the owned sheets, exit codes hold."""

from __future__ import annotations

import datetime as dt
import zipfile

import pandas as pd
import pytest
from typer.testing import CliRunner

from logistics.cli import app
from logistics.core import schema
from tests.workbooks import build, part_hashes, sheet_part, sheet_rows, small_school

runner = CliRunner(env={"COLUMNS": "240"})
AS_OF = ["--as-of", "2025-12-31"]


@pytest.fixture
def book(tmp_path):
    return build(tmp_path / "school.xlsm")


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_score_month_writes_the_scores_sheet_and_keeps_everything_else(book):
    before = part_hashes(book)
    result = invoke("score", book, "--month", "2025-03", *AS_OF)
    assert result.exit_code == 0, result.output
    rows = sheet_rows(book, "考评")
    assert rows[0] == [c.zh for c in schema.SCORES.columns]
    by_id = {r[1]: r for r in rows[1:]}
    assert set(by_id) == {"S1", "S2", "S3"}
    # S1: 5 of 21 days logged, 5 units of 21, quality 30 - 2; no items due.
    assert by_id["S1"][4:9] == [4.8, 7.1, 28.0, 20.0, 59.9]
    assert by_id["S1"][9:] == ["不合格", 3.0, 0.5, 1000.0]
    # S3 joined on 3 March (21 working days); the meeting had 3 of 4, the request was on time,
    # the plan was done early: 5 credits of 6 items; target 0 gives full quantity points.
    assert by_id["S3"][4:9] == [4.8, 30.0, 30.0, 16.7, 81.4]
    changed = {k for k, v in part_hashes(book).items() if before[k] != v}
    # The Validation sheet was rewritten too, with no problems: the same bytes as before.
    assert changed == {sheet_part(book, "考评")}


def test_scoring_another_month_keeps_the_first(tmp_path):
    frames = small_school()
    april = {"date": dt.date(2025, 4, 1), "staff_id": "S1", "content": "日常", "status": "done"}
    frames["logs"] = pd.concat([frames["logs"], pd.DataFrame([april])], ignore_index=True)
    book = build(tmp_path / "school.xlsm", frames)
    assert invoke("score", book, "--month", "2025-03", *AS_OF).exit_code == 0
    assert invoke("score", book, "--month", "2025-04", *AS_OF).exit_code == 0
    assert invoke("score", book, "--month", "2025-03", *AS_OF).exit_code == 0
    months = [r[0] for r in sheet_rows(book, "考评")[1:]]
    assert months == ["2025-03"] * 3 + ["2025-04"] * 2  # S2 left at the end of March


def test_score_all_summary_rank_energy(book):
    assert invoke("score", book, "--all", *AS_OF).exit_code == 0
    assert {r[0] for r in sheet_rows(book, "考评")[1:]} == {"2025-03"}
    result = invoke("summary", book, "--quarter", "2025Q1", *AS_OF)
    assert result.exit_code == 0, result.output
    quarterly = sheet_rows(book, "季度汇总")[1:]
    assert [r[0] for r in quarterly] == ["2025Q1"] * 3
    result = invoke("rank", book, "--year", "2025", *AS_OF)
    assert result.exit_code == 0, result.output
    annual = sheet_rows(book, "年终排名")[1:]
    assert [r[7] for r in annual] == sorted(r[7] for r in annual)  # ordered by rank
    # SPEC 4.1: only March has logs, so March is the one recorded month everyone was scored in.
    assert {r[1]: r[4] for r in annual} == {"S1": 1.0, "S2": 1.0, "S3": 1.0}
    result = invoke("energy", book, "--month", "2025-03", *AS_OF)
    assert result.exit_code == 0, result.output
    (meter,) = sheet_rows(book, "能耗统计")[1:]
    assert meter[:5] == ["2025-03", "教学楼电表", "电", 500.0, ""]
    assert meter[6:] == ["否", 0.0, 1.0]


def test_explain_lists_the_rows_behind_a_score(book):
    result = invoke("explain", book, "--staff", "S3", "--month", "2025-03", *AS_OF)
    assert result.exit_code == 0, result.output
    assert "81.4" in result.output and "应出勤工作日 21" in result.output
    assert "教职工大会" in result.output and "教室灯管不亮" in result.output


def test_validation_errors_block_and_exit_1(tmp_path):
    frames = small_school()
    frames["logs"].loc[0, "status"] = "搞定"
    path = build(tmp_path / "bad.xlsm", frames)
    result = invoke("score", path, "--month", "2025-03", *AS_OF)
    assert result.exit_code == 1
    assert "搞定" in result.output
    assert sheet_rows(path, "考评")[1:] == []


def test_usage_and_file_problems_exit_2(tmp_path, book):
    assert invoke("score", book, "--month", "2025-13").exit_code == 2
    assert invoke("score", book).exit_code == 2
    assert invoke("summary", book, "--quarter", "2025Q5").exit_code == 2
    missing = invoke("validate", tmp_path / "nope.xlsm")
    assert missing.exit_code == 2 and "nope.xlsm" in missing.output
    text = tmp_path / "notes.xlsm"
    text.write_text("姓名,工号\n", encoding="utf-8")
    result = invoke("validate", text)
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_refuses_a_workbook_open_in_excel(book):
    owner = book.parent / f"~${book.name}"
    name = b"Wang Fang"
    owner.write_bytes(bytes([len(name)]) + name.ljust(53, b" ") + b"\x00" * 111)
    before = book.read_bytes()
    result = invoke("score", book, "--month", "2025-03", *AS_OF)
    assert result.exit_code == 2
    assert "Wang Fang" in result.output
    assert book.read_bytes() == before


def test_typed_text_stays_text_in_results(tmp_path):
    frames = small_school()
    frames["staff"].loc[0, "name"] = '=HYPERLINK("http://x","点我")'
    path = build(tmp_path / "formula.xlsm", frames)
    assert invoke("score", path, "--month", "2025-03", *AS_OF).exit_code == 0
    with zipfile.ZipFile(path) as z:
        xml = z.read(sheet_part(path, "考评")).decode()
    assert "<f>" not in xml and "<f " not in xml
    names = [r[2] for r in sheet_rows(path, "考评")[1:]]
    assert '=HYPERLINK("http://x","点我")' in names


def test_new_writes_an_empty_workbook_in_either_language(tmp_path):
    for lang, sheet in (("zh", "日志"), ("en", "Logs")):
        path = tmp_path / f"new-{lang}.xlsm"
        result = invoke("new", path, "--lang", lang)
        assert result.exit_code == 0, result.output
        assert sheet in [
            s
            for s in __import__("python_calamine").CalamineWorkbook.from_path(str(path)).sheet_names
        ]
        checked = invoke("validate", path)
        assert checked.exit_code == 0, checked.output
    assert invoke("new", tmp_path / "new-zh.xlsm").exit_code == 2  # never overwrites


def test_new_makes_only_workbooks(tmp_path):
    refused = invoke("new", tmp_path / "x.txt")
    assert refused.exit_code == 2 and ".xlsm" in refused.output
    assert list(tmp_path.iterdir()) == []  # no x.txt that is really a workbook
    made = invoke("new", tmp_path / "school")  # no suffix: the macro workbook
    assert made.exit_code == 0, made.output
    assert [p.name for p in tmp_path.iterdir()] == ["school.xlsm"]
    assert zipfile.is_zipfile(tmp_path / "school.xlsm")


def test_english_workbook_gets_english_results(tmp_path):
    path = build(tmp_path / "en.xlsm", lang="en")
    result = invoke("score", path, "--month", "2025-03", *AS_OF)
    assert result.exit_code == 0, result.output
    rows = sheet_rows(path, "Scores")
    assert rows[0][:4] == ["Month", "StaffID", "Name", "Post"]
    assert {r[9] for r in rows[1:]} <= {"Excellent", "Good", "Pass", "Fail"}


def test_an_internal_error_is_a_message_not_a_traceback(book, monkeypatch, capsys):
    import sys

    from logistics import cli, jobs

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(jobs, "score", broken)
    monkeypatch.setattr(sys, "argv", ["logistics", "score", str(book), "--month", "2025-03"])
    with pytest.raises(SystemExit) as exc:
        cli.main()
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "Internal error: RuntimeError: boom" in err and "Traceback" not in err


def test_labels_typed_with_full_width_brackets_and_spaces_are_found(tmp_path):
    from openpyxl import load_workbook

    path = build(tmp_path / "typed.xlsx")  # an .xlsx: openpyxl may save it in a test
    wb = load_workbook(path)
    wb["日志"]["E1"] = "用时（小时）"  # a Chinese input method's brackets
    for row in wb["设置"].iter_rows(min_col=1, max_col=1):
        if row[0].value == "能耗预警阈值(%)":
            row[0].value = "能耗预警阈值（％）"
    wb["考评"].title = "考评 "
    wb.save(path)
    result = invoke("score", path, "--month", "2025-03", *AS_OF)
    assert result.exit_code == 0, result.output
    assert [
        s
        for s in __import__("python_calamine").CalamineWorkbook.from_path(str(path)).sheet_names
        if s.startswith("考评")
    ] == ["考评 "]  # written in place
    assert len(sheet_rows(path, "考评 ")) == 4


def test_version_is_the_installed_packages():
    from importlib.metadata import version

    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"logistics {version('school-logistics')}"
