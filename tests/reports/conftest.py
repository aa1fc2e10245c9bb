"""Fixtures for the document tests: the demo's data read once, and ONE LibreOffice run that
converts every demo document the PDF tests look at (a conversion costs seconds)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pdfplumber
import pytest

from logistics.core.dataset import Dataset
from logistics.core.validate import load
from logistics.documents import make_report
from logistics.io.file_book import FileBook
from logistics.io.reader import read_workbook
from reports.pdf import convert_to_pdf, find_soffice

AS_OF = dt.date(2025, 12, 31)
MONTH = "2025-07"  # the demo's energy spike: 食堂电表 uses 1.5 times as much as a year ago
MEETING = "HY2025-002"
RECEPTION = "JD2025-029"  # the demo's reception with three findings


def require_soffice() -> str:
    """LibreOffice, or a skip outside CI; in CI (CI=true) a missing soffice fails the test."""
    found = find_soffice()
    if found:
        return found
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail("LibreOffice (soffice) is required in CI for the PDF tests")
    pytest.skip("LibreOffice (soffice) is not installed")


@pytest.fixture(scope="session")
def demo_ds(demo_template: Path) -> Dataset:
    return load(read_workbook(demo_template), AS_OF)


@pytest.fixture(scope="session")
def demo_docs(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The demo's documents (.docx only), by kind."""
    out = tmp_path_factory.mktemp("documents")
    book = FileBook(demo_template)
    docs = {}
    for kind, options in (
        ("year-end", {"year": 2025}),
        ("monthly", {"month": MONTH}),
        ("energy", {"month": MONTH}),
        ("meeting", {"meeting_id": MEETING}),
        ("reception", {"reception_id": RECEPTION}),
    ):
        result = make_report(book, kind, out_dir=out, pdf=False, as_of=AS_OF, **options)
        assert not result.blocked and len(result.documents) == 1
        docs[kind] = result.documents[0]
    return docs


@pytest.fixture(scope="session")
def demo_pdf_text(demo_docs: dict[str, Path]) -> dict[str, str]:
    """Every demo document converted in one LibreOffice call; the text of each PDF."""
    require_soffice()
    outcome = convert_to_pdf(list(demo_docs.values()))
    assert not outcome.failed, outcome.detail
    texts = {}
    for kind, docx in demo_docs.items():
        with pdfplumber.open(docx.with_suffix(".pdf")) as pdf:
            texts[kind] = "\n".join(page.extract_text() or "" for page in pdf.pages)
    return texts


def squash(text: str) -> str:
    """Text without whitespace: LibreOffice puts spaces between Latin and CJK ("2025 年")."""
    return "".join(text.split())
