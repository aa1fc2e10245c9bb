"""The Home-sheet macros end to end through xlwings' own Book API, without Excel.

xlwings' remote engine (``xw.Book(json=...)``, the engine behind xlwings Server and Lite) is
built from the payload an Excel client would send (``fake_excel.FakeExcel``), set as the
mock caller, and the macro runs as a button would run it. The actions it queues are played
back onto the fake workbook and compared with what the CLI writes into a copy of the same
file. The remote engine needs a licence key: ``noncommercial`` (PolyForm Noncommercial,
which covers a school) is set for these tests only.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import tempfile
import zipfile
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pandas as pd
import pytest
import xlwings as xw
import xlwings.main
from typer.testing import CliRunner

import macros
import reports.pdf
from logistics import jobs
from logistics.buttons import BUTTONS
from logistics.cli import app
from logistics.core import schema
from logistics.documents import ReportResult
from logistics.excel import run
from logistics.excel.xl_book import XlBook
from tests.excel.fake_excel import FakeExcel, FakeSheet, address
from tests.workbooks import build, sheet_rows, small_school

runner = CliRunner(env={"COLUMNS": "240"})
AS_OF = dt.datetime(2025, 12, 31)
HOME = "控制台"
MONTH, YEAR, STATUS = (3, 2), (4, 2), (6, 2)  # Home cells B3, B4, B6
RED, YELLOW = "#ffc7ce", "#ffeb9c"
INPUT_NAMES = [s.zh for s in schema.INPUT_SHEETS]
OUTPUT_NAMES = [s.zh for s in schema.OUTPUT_SHEETS]


@pytest.fixture(autouse=True)
def remote_engine(monkeypatch):
    """xlwings registers its remote engine at import, and only with a licence key set."""
    monkeypatch.setenv("XLWINGS_LICENSE_KEY", "noncommercial")
    added = None
    if "remote" not in xw.engines.engines_by_name:
        from xlwings.pro import _xlremote

        added = xlwings.main.Engine(impl=_xlremote.engine)
        xw.engines.add(added)
    yield
    if hasattr(xw.Book, "_mock_caller"):
        del xw.Book._mock_caller
    if added is not None:
        xw.engines.engines.remove(added)
        del xw.engines.engines_by_name["remote"]


# ---- helpers ---------------------------------------------------------------------------


def school(
    tmp_path: Path,
    frames: dict[str, pd.DataFrame] | None = None,
    *,
    saved: bool = False,
    **kw: Any,
) -> tuple[Path, FakeExcel]:
    """The workbook file and the same workbook open in (fake) Excel, with 截止日期 set.

    A remote client sends the book's bare name, so the book has no folder; ``saved`` sends
    the full path instead, as desktop Excel's ``FullName`` of a saved workbook is.
    """
    path = build(tmp_path / "school.xlsm", frames, kw.pop("lang", "zh"))
    fake = FakeExcel.from_file(path, **kw)
    fake.sheets[0].cells[(5, 2)] = AS_OF  # both front doors count up to the same day
    if saved:
        fake.name = str(path)
    return path, fake


def click(fake: FakeExcel, function: str) -> list[dict[str, Any]]:
    """Press a button: the macro runs on the remote Book, Excel applies what it queued."""
    book = xw.Book(json=fake.payload())
    book.set_mock_caller()
    getattr(macros, function)()
    actions = book.json()["actions"]
    fake.apply(actions)
    return actions


def cli(path: Path, *args: str) -> int:
    result = runner.invoke(app, [args[0], str(path), *args[1:], "--as-of", "2025-12-31"])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code


def table(rows: list[list[object]]) -> list[list[object]]:
    """Cells compared across engines: blanks None, numbers float, trailing blanks cut."""

    def norm(v: object) -> object:
        if v is None or v == "":
            return None
        if isinstance(v, int | float) and not isinstance(v, bool):
            return float(v)
        return v

    out = [[norm(v) for v in row] for row in rows]
    for row in out:
        while row and row[-1] is None:
            row.pop()
    while out and not out[-1]:
        out.pop()
    return out


def touched(fake: FakeExcel, actions: list[dict[str, Any]]) -> set[str]:
    return {
        fake.sheets[a["sheet_position"]].name for a in actions if a["sheet_position"] is not None
    }


def status(fake: FakeExcel) -> str:
    return str(fake.sheets[0].cells.get(STATUS, ""))  # Home is the first sheet


def frames_with_text_traps() -> dict[str, pd.DataFrame]:
    """A valid school whose typed text looks like formulas to Excel."""
    frames = small_school()
    frames["staff"].loc[1, "name"] = "=1+1"
    frames["posts"].loc[1, "post"] = "-水电工"
    return frames


def frames_with_problems() -> dict[str, pd.DataFrame]:
    """Logs row 17: hours 30 (error) and a duplicate (warning); row 18: unknown StaffID."""
    frames = small_school()
    extra = pd.DataFrame(
        [
            {"date": dt.date(2025, 3, 7), "staff_id": "S1", "content": "日常工作4", "units": 1,
             "hours": 30, "status": "done"},
            {"date": dt.date(2025, 3, 7), "staff_id": "=A1", "content": "巡查", "units": 1,
             "hours": 8, "status": "done"},
        ]
    )  # fmt: skip
    frames["logs"] = pd.concat([frames["logs"], extra], ignore_index=True)
    return frames


LOGS = "日志"
HOURS_30, DUPLICATE, UNKNOWN_STAFF = (17, 5), (17, 3), (18, 2)


# ---- the macro table -------------------------------------------------------------------


def test_one_macro_per_button_and_one_job_per_macro(monkeypatch):
    public = {
        name
        for name, obj in vars(macros).items()
        if callable(obj) and getattr(obj, "__module__", "") == "macros"
    }
    functions = {b.function for b in BUTTONS}
    assert public == functions == set(macros.__all__) == set(run.ACTIONS)
    called: list[str] = []
    monkeypatch.setattr(macros, "run_button", called.append)
    for name in sorted(functions):
        getattr(macros, name)()
        assert (getattr(macros, name).__doc__ or "").strip()
    assert called == sorted(functions)


# ---- the same results as the command line ----------------------------------------------

JOBS = [
    ("validate_entries", ["validate"], "校验结果", r"校验完成：错误 0 条，警告 0 条"),
    ("compute_monthly_scores", ["score", "--month", "2025-03"], "考评",
     r"2025-03 月度考评完成：3 人，警告 0 条"),
    ("summarize_quarter", ["summary", "--quarter", "2025Q1"], "季度汇总",
     r"2025Q1 季度汇总完成：3 人，警告 0 条"),
    ("rank_year", ["rank", "--year", "2025"], "年终排名", r"2025 年终排名完成：3 人，警告 0 条"),
    ("energy_statistics", ["energy", "--month", "2025-03"], "能耗统计",
     r"2025-03 能耗统计完成：1 个表计，警告 0 条"),
    ("reception_statistics", ["reception", "--month", "2025-03"], "接待统计",
     r"2025-03 接待统计完成：1 批，警告 0 条"),
]  # fmt: skip


@pytest.mark.parametrize(("function", "args", "sheet", "done"), JOBS, ids=[j[0] for j in JOBS])
def test_each_macro_writes_what_the_cli_writes(tmp_path, function, args, sheet, done):
    path, fake = school(tmp_path, frames_with_text_traps())
    before = FakeExcel.from_file(path)
    copy = Path(shutil.copy(path, tmp_path / "cli.xlsm"))
    assert cli(copy, *args) == 0

    actions = click(fake, function)

    for name in {sheet, "校验结果"}:
        assert table(fake[name].rows()) == table(sheet_rows(copy, name)), name
    assert touched(fake, actions) <= {HOME, sheet, "校验结果"}
    for name in INPUT_NAMES:  # values, fills and notes of the input sheets: untouched
        assert fake[name].cells == before[name].cells
        assert not fake[name].fills and not fake[name].notes
    assert not any(s.formulas for s in fake.sheets)
    assert re.fullmatch(done + r"（\d\d-\d\d \d\d:\d\d）", status(fake))
    assert fake.screen_updating == [False, True]
    assert fake.alerts == []


def test_rerunning_and_other_months_match_the_cli(tmp_path):
    """Old rows are cleared and other months kept, as in the file."""
    frames = small_school()  # with one April log, so that April is a recorded month
    april = {"date": dt.date(2025, 4, 1), "staff_id": "S1", "content": "日常", "status": "done"}
    frames["logs"] = pd.concat([frames["logs"], pd.DataFrame([april])], ignore_index=True)
    path, fake = school(tmp_path, frames)
    copy = Path(shutil.copy(path, tmp_path / "cli.xlsm"))
    for month in ("2025-03", "2025-04", "2025-03"):
        fake[HOME].cells[MONTH] = month
        click(fake, "compute_monthly_scores")
        cli(copy, "score", "--month", month)
        assert table(fake["考评"].rows()) == table(sheet_rows(copy, "考评"))
    assert [r[0] for r in fake["考评"].rows()[1:]] == ["2025-03"] * 3 + ["2025-04"] * 2


def test_an_english_workbook_reports_in_english(tmp_path):
    path, fake = school(tmp_path, lang="en")
    copy = Path(shutil.copy(path, tmp_path / "cli.xlsm"))
    cli(copy, "score", "--month", "2025-03")
    click(fake, "compute_monthly_scores")
    assert table(fake["Scores"].rows()) == table(sheet_rows(copy, "Scores"))
    assert status(fake).startswith("2025-03 monthly scores done: 3 people, 0 warnings (")


# ---- text is never written as a formula ------------------------------------------------


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    _, fake = school(tmp_path, frames_with_text_traps())
    scores = fake["考评"]
    # A February row already there, with text typed into a number column.
    feb = ["2025-02", "S1", "张伟", "保洁员", 20, 30, 30, 20, "=2+2", "优秀", 1, 1.2, 2400]
    scores.cells.update({(2, c): v for c, v in enumerate(feb, start=1)})

    actions = click(fake, "compute_monthly_scores")

    rows = scores.rows()
    assert rows[1][8] == "=2+2"  # kept as text through the apostrophe
    by_id = {(r[0], r[1]): r for r in rows[1:]}
    assert by_id["2025-03", "S2"][2] == "=1+1"
    assert by_id["2025-03", "S3"][3] == "-水电工"
    assert not scores.formulas
    # Text columns are formatted as text before the values go in.
    on_scores = [a for a in actions if a["sheet_position"] == fake.sheets.index(scores)]
    kinds = [a["func"] for a in on_scores]
    assert kinds == ["rangeClearContents", "setNumberFormat", "setNumberFormat", "setValues"]
    spans = {(a["start_column"], a["column_count"]) for a in on_scores[1:3]}
    assert spans == {(0, 4), (9, 1)}  # 月份…岗位 and 等级
    assert on_scores[3]["values"][0][8] == "'=2+2"


# ---- Home-sheet mistakes ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("function", "cell", "value", "message"),
    [
        ("compute_monthly_scores", MONTH, "2025-13", "考核月份“2025-13”不是月份"),
        ("summarize_quarter", MONTH, None, "考核月份是空的"),
        ("rank_year", YEAR, "明年", "考核年度“明年”不是年度"),
        ("monthly_notice", MONTH, "2025-13", "考核月份“2025-13”不是月份"),
        ("year_end_report", YEAR, "明年", "考核年度“明年”不是年度"),
        ("responsibility_contracts", YEAR, None, "考核年度是空的"),
        ("meeting_sheets", MONTH, "2025-04", "2025-04 没有会议，未生成会务工作单"),
    ],
)
def test_a_bad_home_field_is_reported_and_nothing_is_written(
    tmp_path, function, cell, value, message
):
    _, fake = school(tmp_path, saved=True)
    fake[HOME].cells[cell] = value
    actions = click(fake, function)
    assert touched(fake, actions) == {HOME}
    assert len(fake.alerts) == 1 and message in fake.alerts[0]
    assert "未完成" in status(fake) and message in status(fake)
    assert not (tmp_path / DOCUMENTS).exists()


def test_a_month_excel_turned_into_a_date_still_works(tmp_path):
    _, fake = school(tmp_path)
    fake[HOME].cells[MONTH] = dt.datetime(2025, 3, 1)
    click(fake, "energy_statistics")
    assert status(fake).startswith("2025-03 能耗统计完成")


def test_a_missing_result_sheet_is_reported_and_nothing_is_written(tmp_path):
    _, fake = school(tmp_path)
    fake.sheets.remove(fake["校验结果"])
    actions = click(fake, "validate_entries")
    assert touched(fake, actions) == {HOME}
    assert len(fake.alerts) == 1 and "没有结果工作表“校验结果”" in fake.alerts[0]


def test_an_unexpected_error_is_logged_not_raised(tmp_path, monkeypatch):
    def boom(*args: object, **kwargs: object) -> jobs.JobResult:
        raise RuntimeError("boom")

    monkeypatch.setattr(jobs, "score", boom)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # remote books have no folder
    _, fake = school(tmp_path)
    click(fake, "compute_monthly_scores")  # no exception
    log = tmp_path / run.LOG_NAME
    assert "Traceback" in log.read_text(encoding="utf-8")
    assert len(fake.alerts) == 1 and "RuntimeError: boom" in fake.alerts[0]
    assert str(log) in fake.alerts[0] and str(log) in status(fake)


def test_without_a_calling_workbook_a_button_logs_instead_of_raising(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    macros.validate_entries()  # no mock caller, no Excel: nothing to report in
    assert "Traceback" in (tmp_path / run.LOG_NAME).read_text(encoding="utf-8")


# ---- validation marks ------------------------------------------------------------------


def test_validation_errors_are_marked_and_later_runs_clear_the_marks(tmp_path):
    path, fake = school(tmp_path, frames_with_problems())
    copy = Path(shutil.copy(path, tmp_path / "cli.xlsm"))
    assert cli(copy, "validate") == 1
    logs = fake[LOGS]

    click(fake, "validate_entries")

    assert table(fake["校验结果"].rows()) == table(sheet_rows(copy, "校验结果"))
    assert logs.fills == {HOURS_30: RED, DUPLICATE: YELLOW, UNKNOWN_STAFF: RED}
    assert set(logs.notes) == {HOURS_30, DUPLICATE, UNKNOWN_STAFF}
    assert logs.notes[UNKNOWN_STAFF].startswith("校验：工号“=A1”不在“人员”表中")
    values = [r[3] for r in fake["校验结果"].rows()[1:]]
    assert "=A1" in values and not fake["校验结果"].formulas
    assert logs.cells[UNKNOWN_STAFF] == "=A1"  # what the user typed stays as it was
    assert fake.alerts == [
        "有 2 条错误，已列在“校验结果”工作表并在单元格上标出。请改正后重新运行。"
    ]
    assert status(fake).startswith("校验完成：错误 2 条，警告 1 条（")

    logs.cells[HOURS_30] = 8  # the user corrects one cell
    click(fake, "validate_entries")
    assert logs.fills == {DUPLICATE: YELLOW, UNKNOWN_STAFF: RED}
    assert set(logs.notes) == {DUPLICATE, UNKNOWN_STAFF}

    logs.cells[DUPLICATE] = "加班"
    logs.cells[UNKNOWN_STAFF] = "S3"
    click(fake, "validate_entries")
    assert not logs.fills and not logs.notes
    assert table(fake["校验结果"].rows()) == [[c.zh for c in schema.VALIDATION.columns]]
    assert len(fake.alerts) == 2  # no third alert
    assert status(fake).startswith("校验完成：错误 0 条，警告 0 条（")


def test_a_blocked_job_marks_cells_and_writes_only_the_validation_sheet(tmp_path):
    _, fake = school(tmp_path, frames_with_problems())
    actions = click(fake, "compute_monthly_scores")
    assert touched(fake, actions) == {HOME, LOGS, "校验结果"}
    assert fake[LOGS].fills == {HOURS_30: RED, DUPLICATE: YELLOW, UNKNOWN_STAFF: RED}
    assert status(fake).startswith("2025-03 月度考评未完成：有 2 条错误，见“校验结果”工作表（")
    assert fake.alerts and fake.alerts[0].startswith("有 2 条错误")


@pytest.fixture
def readable_notes(monkeypatch):
    """Let the remote engine read a note's text, as desktop Excel can."""
    from xlwings.pro import _xlremote

    texts: dict[tuple[str, str], str] = {}

    def text(note: Any) -> str:
        return texts[(note.range.sheet.name, note.range.address)]

    setter = vars(_xlremote.Note)["text"].fset
    monkeypatch.setattr(_xlremote.Note, "text", property(text, setter))
    return texts


def test_a_users_own_note_is_never_replaced_or_deleted(tmp_path, readable_notes):
    _, fake = school(tmp_path, frames_with_problems())
    logs = fake[LOGS]
    logs.notes[UNKNOWN_STAFF] = "新来的保安，工号待定"

    def press() -> None:
        readable_notes.clear()
        readable_notes.update({(LOGS, address(*p)): t for p, t in logs.notes.items()})
        click(fake, "validate_entries")

    press()
    assert logs.fills[UNKNOWN_STAFF] == RED
    assert logs.notes[UNKNOWN_STAFF] == "新来的保安，工号待定"
    assert logs.notes[HOURS_30].startswith("校验：")

    logs.cells[UNKNOWN_STAFF] = "S3"
    logs.cells[HOURS_30] = 8
    press()
    assert UNKNOWN_STAFF not in logs.fills and HOURS_30 not in logs.fills
    assert logs.notes == {UNKNOWN_STAFF: "新来的保安，工号待定", DUPLICATE: logs.notes[DUPLICATE]}


def test_without_readable_notes_a_users_note_is_still_not_replaced(tmp_path):
    _, fake = school(tmp_path, frames_with_problems())
    fake[LOGS].notes[UNKNOWN_STAFF] = "新来的保安，工号待定"
    actions = click(fake, "validate_entries")
    assert fake[LOGS].notes[UNKNOWN_STAFF] == "新来的保安，工号待定"
    assert not [a for a in actions if a["func"] != "setRangeColor" and a["args"][:1] == ["$B$18"]]


def test_the_vba_client_gets_fills_but_no_notes(tmp_path):
    """xlwings' VBA client (Remote.bas) has no note actions: the marks are fills only."""
    path, fake = school(tmp_path, frames_with_problems(), client="VBA")
    copy = Path(shutil.copy(path, tmp_path / "cli.xlsm"))
    cli(copy, "validate")
    click(fake, "validate_entries")
    assert table(fake["校验结果"].rows()) == table(sheet_rows(copy, "校验结果"))
    assert fake[LOGS].fills == {HOURS_30: RED, DUPLICATE: YELLOW, UNKNOWN_STAFF: RED}
    assert not fake[LOGS].notes


# ---- document buttons --------------------------------------------------------------------

DOCUMENTS = run.DOCUMENTS_FOLDER["zh"]  # 后勤文档, beside the workbook
SCHOOL = "示例实验小学"
REPORTS = [
    ("year_end_report", ["year-end", "--year", "2025"], "2025 年终考核报告",
     [f"{SCHOOL}-2025年终考核报告"]),
    ("monthly_notice", ["monthly", "--month", "2025-03"], "2025-03 月度考评通报",
     [f"{SCHOOL}-2025-03月度考评通报"]),
    ("energy_notice", ["energy", "--month", "2025-03"], "2025-03 节能通报",
     [f"{SCHOOL}-2025-03节能通报"]),
    ("meeting_sheets", ["meeting", "--month", "2025-03"], "2025-03 会务工作单",
     ["会务工作单-M1-教职工大会"]),
    ("responsibility_contracts", ["contracts", "--year", "2025"], "2025 岗位责任状",
     ["岗位责任状-S1-张伟", "岗位责任状-S3-王强"]),  # S2 left on 2025-03-31
    ("reception_lists", ["reception", "--month", "2025-03"], "2025-03 接待清单",
     ["接待清单-JD-1-区教育局"]),
]  # fmt: skip
REPORT_IDS = [r[0] for r in REPORTS]
WHEN = r"（\d\d-\d\d \d\d:\d\d）"


@pytest.fixture
def no_pdf_converter(monkeypatch):
    """No LibreOffice to be found (and no Word on Linux): only .docx files, quickly.

    The buttons always ask for PDFs; converting is slow, so one test only lets it happen.
    """
    monkeypatch.setattr(reports.pdf, "find_soffice", lambda: None)


def docx_body(path: Path) -> bytes:
    with zipfile.ZipFile(path) as package:
        return package.read("word/document.xml")


@pytest.mark.usefixtures("no_pdf_converter")
@pytest.mark.parametrize(("function", "args", "what", "stems"), REPORTS, ids=REPORT_IDS)
def test_each_document_button_writes_what_the_cli_writes(tmp_path, function, args, what, stems):
    path, fake = school(tmp_path, saved=True)
    before = FakeExcel.from_file(path)
    out = tmp_path / "cli"
    assert cli(path, "report", *args, "--out", str(out), "--no-pdf") == 0

    actions = click(fake, function)

    folder = tmp_path / DOCUMENTS
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(f"{stem}.docx" for stem in stems)
    assert names == sorted(p.name for p in out.iterdir())
    for name in names:  # the Home month/year and 截止日期 as the CLI's --month/--year/--as-of
        assert docx_body(folder / name) == docx_body(out / name), name
    assert touched(fake, actions) == {HOME}  # documents never write into the workbook
    for sheet in fake.sheets[1:]:
        assert sheet.cells == before[sheet.name].cells and not sheet.fills, sheet.name
    n = len(stems)
    assert re.fullmatch(
        f"{what}已生成：{n} 个文件，见 {re.escape(str(folder))}{WHEN}"
        f"。{n} 个文档未生成 PDF，原因见提示框",
        status(fake),
    )
    assert fake.alerts == [f"{what}的文件已保存在 {folder}。\n{reports.pdf.HOW_TO_GET_PDF[0]}"]
    assert fake.screen_updating == [False, True]


def test_a_document_button_makes_pdfs_with_libreoffice(tmp_path):
    if reports.pdf.find_soffice() is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("LibreOffice (soffice) is required on CI")
        pytest.skip("LibreOffice is not installed")
    _, fake = school(tmp_path, saved=True)
    click(fake, "monthly_notice")
    folder = tmp_path / DOCUMENTS
    stem = f"{SCHOOL}-2025-03月度考评通报"
    assert sorted(p.name for p in folder.iterdir()) == [f"{stem}.docx", f"{stem}.pdf"]
    assert (folder / f"{stem}.pdf").read_bytes().startswith(b"%PDF-")
    pattern = f"2025-03 月度考评通报已生成：2 个文件，见 {re.escape(str(folder))}{WHEN}"
    assert re.fullmatch(pattern, status(fake))
    assert fake.alerts == []


@pytest.mark.usefixtures("no_pdf_converter")
def test_an_english_workbook_gets_its_documents_in_english(tmp_path):
    _, fake = school(tmp_path, saved=True, lang="en")
    click(fake, "meeting_sheets")
    folder = tmp_path / run.DOCUMENTS_FOLDER["en"]
    assert [p.name for p in folder.iterdir()] == ["Meeting work sheet-M1-教职工大会.docx"]
    assert status(fake).startswith(f"2025-03 meeting sheets written: 1 file, see {folder} (")
    assert status(fake).endswith(". 1 document got no PDF; the alert says why")
    assert fake.alerts[0].startswith(f"The files of the 2025-03 meeting sheets are in {folder}.")
    assert fake.alerts[0].endswith(reports.pdf.HOW_TO_GET_PDF[1])


@pytest.mark.usefixtures("no_pdf_converter")
def test_a_document_blocked_by_errors_marks_cells_and_writes_no_file(tmp_path):
    """As every job (and ``logistics report``): errors go on the Validation sheet and cells."""
    path, fake = school(tmp_path, frames_with_problems(), saved=True)
    copy = Path(shutil.copy(path, tmp_path / "cli.xlsm"))
    assert cli(copy, "report", "monthly", "--out", str(tmp_path / "cli"), "--no-pdf") == 1

    actions = click(fake, "monthly_notice")

    assert not (tmp_path / DOCUMENTS).exists() and not (tmp_path / "cli").exists()
    assert touched(fake, actions) == {HOME, LOGS, "校验结果"}
    assert table(fake["校验结果"].rows()) == table(sheet_rows(copy, "校验结果"))
    assert fake[LOGS].fills == {HOURS_30: RED, DUPLICATE: YELLOW, UNKNOWN_STAFF: RED}
    assert re.fullmatch(
        "2025-03 月度考评通报未完成：有 2 条错误，见“校验结果”工作表" + WHEN, status(fake)
    )
    assert fake.alerts == [
        "有 2 条错误，已列在“校验结果”工作表并在单元格上标出。请改正后重新运行。"
    ]


def test_an_unsaved_workbook_is_asked_to_be_saved_first(tmp_path):
    _, fake = school(tmp_path)  # a bare name: no folder to put the documents in
    actions = click(fake, "year_end_report")
    message = run.WorkbookNotSaved().message("zh")
    assert "请先把工作簿保存到本机的文件夹" in message
    assert fake.alerts == [message]
    assert re.fullmatch(f"年终考核报告未完成{WHEN}：{re.escape(message)}", status(fake))
    assert touched(fake, actions) == {HOME}
    assert not (tmp_path / DOCUMENTS).exists()


@pytest.mark.parametrize("fullname", ["Book1", "https://d.docs.live.net/abc/school.xlsm"])
def test_a_new_or_online_workbook_has_no_folder(fullname):
    assert run.book_folder(SimpleNamespace(fullname=fullname)) is None


def test_nothing_to_write_is_said(tmp_path):
    """E.g. contracts when nobody is in post: no files, and no word about PDFs."""
    empty = ReportResult("contracts", "zh", AS_OF.date(), [])
    report = run.document_outcome(
        run.ACTIONS["responsibility_contracts"],
        "2025",
        empty,
        tmp_path,
        "12-31 09:00",
    )
    assert report.status == "2025 岗位责任状未生成（12-31 09:00）：没有需要生成的文档。"
    assert report.alert == "没有需要生成的文档。"


# ---- reading -----------------------------------------------------------------------------


@pytest.mark.parametrize("client", ["Office.js", "VBA"])
def test_a_used_range_away_from_a1_keeps_excel_row_numbers(client):
    header = [c.zh for c in schema.LOGS.columns]
    row = [dt.datetime(2025, 3, 3), "S1", "巡查", 1, 8, "完成", None]
    sheet = FakeSheet(LOGS)
    for c, label in enumerate(header, start=2):  # header in B3, a blank row 4, data in row 5
        sheet.cells[(3, c)] = label
    for c, value in enumerate(row, start=2):
        if value is not None:
            sheet.cells[(5, c)] = value
    book = XlBook(xw.Book(json=FakeExcel("x.xlsm", [sheet], client).payload()))
    raw = book.read().sheets["logs"]
    assert raw.header_row == 3
    assert list(raw.frame.index) == [5]
    assert raw.frame.loc[5, "staff_id"] == "S1"
    assert raw.frame.loc[5, "date"] == dt.datetime(2025, 3, 3)
