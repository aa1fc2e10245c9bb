"""Arguments that select nothing stop with exit 2, say what exists and write nothing (SPEC §6).

The small school (tests/workbooks.py) has logs in March 2025 only, staff S1, S2 and S3 (S3
joined on 2025-03-03), meeting M1 on 2025-03-06 and electricity readings on 2025-02-28 and
2025-03-31.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from logistics.cli import app
from logistics.io.writer import BACKUP_DIR
from tests.workbooks import build, part_hashes

runner = CliRunner()
AS_OF = ["--as-of", "2025-12-31"]


@pytest.fixture
def book(tmp_path: Path) -> Path:
    return build(tmp_path / "school.xlsm")


def run(book: Path, *args: str) -> tuple[int, str]:
    before = part_hashes(book)
    result = runner.invoke(app, [args[0], str(book), *args[1:], *AS_OF])
    assert part_hashes(book) == before, "the workbook must not change"
    assert not (book.parent / BACKUP_DIR).exists(), "no backup: nothing was written"
    return result.exit_code, " ".join(result.output.split())


@pytest.mark.parametrize("year", ["25", "2030", "2024"])
def test_rank_of_a_year_without_logs_exits_2_and_lists_the_years(book: Path, year: str) -> None:
    code, out = run(book, "rank", "--year", year)
    assert code == 2, out
    assert f"Year {year} has no logs" in out and "Years with logs: 2025." in out
    assert f"{year} 年度没有日志记录" in out and "有日志的年度：2025。" in out


@pytest.mark.parametrize(("quarter", "label"), [("0025Q1", "25Q1"), ("2025Q3", "2025Q3")])
def test_summary_of_a_quarter_without_logs_exits_2(book: Path, quarter: str, label: str) -> None:
    code, out = run(book, "summary", "--quarter", quarter)
    assert code == 2, out
    assert f"{label} has no logs" in out and "Quarters with logs: 2025Q1." in out


def test_explain_of_an_unknown_staff_id_lists_the_ids(book: Path) -> None:
    code, out = run(book, "explain", "--staff", "UNKNOWN", "--month", "2025-03")
    assert code == 2, out
    assert "No StaffID 'UNKNOWN' on the Staff sheet. StaffIDs there: S1, S2, S3." in out
    assert "已有工号：S1、S2、S3。" in out


def test_explain_hints_at_an_id_typed_in_the_wrong_case(book: Path) -> None:
    code, out = run(book, "explain", "--staff", "s1", "--month", "2025-03")
    assert code == 2 and "did you mean S1?" in out


@pytest.mark.parametrize(
    ("staff", "month", "why"),
    [
        ("S3", "2025-01", "S3 started on 2025-03-03, after 2025-01."),
        ("S2", "2025-05", "S2 left on 2025-03-31, before 2025-05."),
        ("S1", "2026-02", "2026-02 is after the as-of date 2025-12-31"),
    ],
)
def test_explain_says_why_a_known_person_has_no_score(
    book: Path, staff: str, month: str, why: str
) -> None:
    code, out = run(book, "explain", "--staff", staff, "--month", month)
    assert code == 2, out
    assert why in out and f"There is no score of {staff}" in out


def test_meeting_sheets_of_a_month_without_meetings(book: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "docs"
    code, out = run(book, "report", "meeting", "--month", "2025-07", "--out", str(out_dir))
    assert code == 2, out
    # The month is a month, never a meeting ID; what exists is listed.
    assert "There are no meetings in 2025-07, so no work sheet was written." in out
    assert "Months with meetings: 2025-03; meeting IDs: M1." in out
    assert "2025-07 没有会议" in out and "ID '2025-07'" not in out
    assert not out_dir.exists()


def test_unknown_meeting_id_lists_the_ids_of_the_month(book: Path, tmp_path: Path) -> None:
    code, out = run(
        book, "report", "meeting", "--meeting", "M9", "--month", "2025-03", "--out", str(tmp_path)
    )
    assert code == 2, out
    assert "No meeting with ID 'M9' on the Meetings sheet. Meeting IDs of 2025-03: M1." in out
    assert not list(tmp_path.glob("*.docx"))


def test_energy_notice_of_a_month_without_readings_is_not_written(
    book: Path, tmp_path: Path
) -> None:
    code, out = run(book, "report", "energy", "--month", "2025-07", "--out", str(tmp_path))
    assert code == 2, out
    assert "2025-07 has no energy readings" in out and "nothing was written" in out
    assert "Months with readings: 2025-02, 2025-03." in out
    assert not list(tmp_path.glob("*.docx"))


def test_energy_stats_of_a_month_without_readings_are_not_written(book: Path) -> None:
    code, out = run(book, "energy", "--month", "2025-07")
    assert code == 2 and "2025-07 has no energy readings" in out


def test_monthly_notice_of_a_month_without_logs_is_not_written(book: Path, tmp_path: Path) -> None:
    code, out = run(book, "report", "monthly", "--month", "2025-07", "--out", str(tmp_path))
    assert code == 2, out
    assert "2025-07 has no logs" in out and "Months with logs: 2025-03." in out
    assert not list(tmp_path.glob("*.docx"))


@pytest.mark.parametrize("kind", ["year-end", "contracts"])
def test_year_documents_refuse_year_25(book: Path, tmp_path: Path, kind: str) -> None:
    code, out = run(book, "report", kind, "--year", "25", "--out", str(tmp_path), "--no-pdf")
    assert code == 2, out
    assert "Year 25" in out
    assert not list(tmp_path.glob("*.docx"))


def test_contracts_for_next_year_are_allowed_before_it_has_logs(book: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        ["report", str(book), "contracts", "--year", "2026", "--out", str(tmp_path), "--no-pdf"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    assert len(list(tmp_path.glob("*.docx"))) >= 1


def test_explain_of_a_month_without_logs_shows_no_made_up_score(book: Path) -> None:
    # S1 is employed all of 2025, but the school logged only March: April is not scored.
    code, out = run(book, "explain", "--staff", "S1", "--month", "2025-04")
    assert code == 2, out
    assert "2025-04 has no logs" in out and "Months with logs: 2025-03." in out
    assert "LogScore" not in out


@pytest.mark.parametrize("period", [["--month", "2025-04"], ["--year", "2024"]])
def test_pay_notice_of_a_period_without_logs_is_not_written(
    book: Path, tmp_path: Path, period: list[str]
) -> None:
    code, out = run(book, "report", "pay-notice", *period, "--out", str(tmp_path))
    assert code == 2, out
    assert "has no logs" in out and "2025" in out  # what does have logs
    assert not list(tmp_path.glob("*.docx"))
