"""The report job: what it writes, what blocks it, and what it says about PDFs."""

from __future__ import annotations

import datetime as dt
import hashlib
import sys
from pathlib import Path

import pytest
from docx import Document

from logistics.core.errors import UsageError
from logistics.documents import make as report_job
from logistics.documents import make_report
from logistics.io.file_book import FileBook
from reports import pdf
from reports.pdf import PdfOutcome, with_libreoffice
from tests.workbooks import build, small_school

from .conftest import AS_OF

TYPED = "<5% & =1+1 {{ x }}"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def text_of(path: Path) -> str:
    doc = Document(str(path))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_contracts_one_per_active_person_and_the_workbook_untouched(demo_template, tmp_path):
    before = digest(demo_template)
    result = make_report(
        FileBook(demo_template), "contracts", out_dir=tmp_path, pdf=False, as_of=AS_OF
    )
    assert digest(demo_template) == before
    assert not result.blocked and result.pdfs == []
    names = sorted(p.name for p in result.documents)
    assert "岗位责任状-HQ001-袁立新.docx" in names
    assert len(names) == len(set(names)) == 41  # 44 staff, 3 of them left during 2025
    assert sorted(p.name for p in tmp_path.iterdir()) == names
    assert "袁立新" in text_of(tmp_path / "岗位责任状-HQ001-袁立新.docx")


def test_validation_errors_block_and_nothing_is_written(tmp_path):
    frames = small_school()
    frames["logs"].loc[0, "status"] = "搞定"
    book = build(tmp_path / "bad.xlsm", frames)
    before = digest(book)
    out = tmp_path / "out"
    result = make_report(FileBook(book), "monthly", month="2025-03", out_dir=out, as_of=AS_OF)
    assert result.blocked and result.documents == [] and not out.exists()
    assert any(p.value == "搞定" for p in result.problems) and "错误" in result.message
    assert digest(book) == before


def test_typed_text_reaches_the_documents_literally(tmp_path):
    frames = small_school()
    frames["meetings"].loc[0, "title"] = TYPED
    frames["meetings"].loc[0, "issues"] = TYPED
    frames["energy"].loc[1, "finding"] = TYPED
    book = FileBook(build(tmp_path / "typed.xlsm", frames))
    out = tmp_path / "out"
    sheet = make_report(book, "meeting", meeting_id="m1", out_dir=out, pdf=False, as_of=AS_OF)
    notice = make_report(book, "energy", month="2025-03", out_dir=out, pdf=False, as_of=AS_OF)
    assert sheet.documents[0].name == "会务工作单-M1-_5% & =1+1 {{ x }}.docx"
    assert text_of(sheet.documents[0]).count(TYPED) == 2
    assert TYPED in text_of(notice.documents[0])


@pytest.mark.parametrize(
    ("kind", "options"),
    [
        ("payslips", {}),
        ("monthly", {"month": "2025-13"}),
        ("meeting", {}),
        ("meeting", {"meeting_id": "NOPE"}),
    ],
)
def test_usage_problems(tmp_path, kind, options):
    book = FileBook(build(tmp_path / "ok.xlsm"))
    with pytest.raises(UsageError) as caught:
        make_report(book, kind, out_dir=tmp_path / "out", as_of=AS_OF, **options)
    assert caught.value.exit_code == 2 and caught.value.message("zh")


def test_english_documents_and_defaults_from_the_home_sheet(tmp_path):
    book = FileBook(build(tmp_path / "ok.xlsm"))
    result = make_report(book, "year-end", out_dir=tmp_path, pdf=False, as_of=AS_OF, lang="en")
    assert result.documents[0].name == "示例实验小学-2025 year-end appraisal report.docx"
    assert "Logistics Appraisal Report 2025" in text_of(result.documents[0])
    assert result.message == "No PDFs made (--no-pdf)."


def test_pdfs_are_asked_for_in_one_conversion(tmp_path, monkeypatch):
    calls: list[list[Path]] = []

    def convert(docs: list[Path]) -> PdfOutcome:
        calls.append(list(docs))
        return PdfOutcome([d.with_suffix(".pdf") for d in docs], [], "libreoffice")

    monkeypatch.setattr(report_job, "convert_to_pdf", convert)
    book = FileBook(build(tmp_path / "ok.xlsm"))
    result = make_report(book, "contracts", out_dir=tmp_path / "out", as_of=AS_OF)
    assert len(calls) == 1 and calls[0] == result.documents and len(result.documents) == 2
    assert result.message == "已用 LibreOffice 生成 PDF 2 个。"


def test_without_word_or_libreoffice_the_docx_is_kept_and_the_message_says_how(
    tmp_path, monkeypatch
):
    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    monkeypatch.setattr(pdf.sys, "platform", "linux")
    book = FileBook(build(tmp_path / "ok.xlsm"))
    result = make_report(book, "monthly", month="2025-03", out_dir=tmp_path, as_of=AS_OF)
    assert result.documents[0].exists() and result.pdfs == []
    assert "LibreOffice" in result.message and "Word" in result.message
    assert "libreoffice.org" in PdfOutcome().message("en")


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX shell script stands in for soffice")
def test_a_soffice_that_exits_0_without_a_pdf_is_a_failure(tmp_path):
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 0\n")
    fake.chmod(0o755)
    docx = tmp_path / "a.docx"
    docx.write_bytes(b"PK")
    outcome = with_libreoffice([docx], str(fake))
    assert outcome.pdfs == [] and outcome.failed == [docx]
    assert "could not be loaded" in outcome.message("en") and "a.docx" in outcome.message("zh")
    assert not docx.with_suffix(".pdf").exists()


def test_the_month_defaults_to_the_home_sheet(tmp_path):
    book = FileBook(build(tmp_path / "ok.xlsm"))
    result = make_report(book, "energy", out_dir=tmp_path, pdf=False, as_of=dt.date(2025, 3, 31))
    assert "2025-" in result.documents[0].name
