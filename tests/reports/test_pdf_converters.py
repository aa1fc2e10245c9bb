"""Which converter makes the PDFs (SPEC §5): Word through docx2pdf where present, else
LibreOffice, else the .docx files stay and the message says how to get PDFs. The converters
are injected: a fake Word (a function) and a fake soffice (a shell script)."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import pytest

from reports import pdf
from reports.pdf import Converters, convert_to_pdf, detect_converters

ROOT = Path(__file__).resolve().parents[2]
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="a shell script plays soffice")


def docs(folder: Path, n: int = 2) -> list[Path]:
    out = []
    for i in range(n):
        path = folder / f"doc{i}.docx"
        path.write_bytes(b"PK")
        out.append(path)
    return out


class FakeWord:
    """docx2pdf.convert with Word installed (``works``) or without it (raises as it does)."""

    def __init__(self, works: bool) -> None:
        self.works = works
        self.calls: list[str] = []

    def __call__(self, docx: str, target: str) -> None:
        self.calls.append(docx)
        if not self.works:
            raise RuntimeError("Word is not installed")
        Path(target).write_bytes(b"%PDF-1.7 by Word")


def fake_soffice(folder: Path) -> tuple[str, Path]:
    """A soffice that writes a PDF for each file into --outdir and logs its calls."""
    log = folder / "soffice-calls.txt"
    script = folder / "soffice"
    script.write_text(
        "#!/bin/sh\n"
        f'echo "$@" >> "{log}"\n'
        'while [ "$#" -gt 0 ]; do\n'
        '  case "$1" in --outdir) out="$2"; shift;; *.docx) n=$(basename "$1" .docx);'
        ' printf "%%PDF-1.7 by LibreOffice" > "$out/$n.pdf";; esac; shift\n'
        "done\n"
    )
    script.chmod(0o755)
    return str(script), log


def test_word_present_makes_every_pdf_and_libreoffice_is_not_started(tmp_path):
    word = FakeWord(works=True)
    files = docs(tmp_path)
    outcome = convert_to_pdf(files, Converters(word, str(tmp_path / "no-soffice-here")))
    assert outcome.converter == "word" and not outcome.failed
    assert [p.read_bytes() for p in outcome.pdfs] == [b"%PDF-1.7 by Word"] * 2
    assert word.calls == [str(f) for f in files]
    assert outcome.message("en") == "2 PDF(s) made with Word."


def test_word_present_without_libreoffice(tmp_path):
    outcome = convert_to_pdf(docs(tmp_path), Converters(FakeWord(works=True), None))
    assert outcome.converter == "word" and len(outcome.pdfs) == 2
    assert outcome.message("zh") == "已用 Word 生成 PDF 2 个。"


@posix_only
def test_word_absent_libreoffice_present_converts_all_in_one_call(tmp_path):
    soffice, log = fake_soffice(tmp_path)
    files = docs(tmp_path, 3)
    outcome = convert_to_pdf(files, Converters(FakeWord(works=False), soffice))
    assert outcome.converter == "libreoffice" and not outcome.failed
    assert [p.read_bytes() for p in outcome.pdfs] == [b"%PDF-1.7 by LibreOffice"] * 3
    assert len(log.read_text().splitlines()) == 1  # one soffice run for every document


@posix_only
def test_no_docx2pdf_libreoffice_present(tmp_path):
    soffice, _ = fake_soffice(tmp_path)
    outcome = convert_to_pdf(docs(tmp_path), Converters(None, soffice))
    assert outcome.converter == "libreoffice" and len(outcome.pdfs) == 2


@pytest.mark.parametrize("word", [None, FakeWord(works=False)])
def test_neither_word_nor_libreoffice_keeps_the_docx_and_says_how(tmp_path, word):
    files = docs(tmp_path)
    outcome = convert_to_pdf(files, Converters(word, None))
    assert outcome.pdfs == [] and outcome.failed == files and outcome.converter is None
    assert all(f.exists() for f in files)
    assert "libreoffice.org" in outcome.message("en") and "Word" in outcome.message("zh")


def test_word_is_only_looked_for_on_windows_and_macos(monkeypatch):
    monkeypatch.setattr(pdf.sys, "platform", "linux")
    monkeypatch.setattr(pdf, "find_soffice", lambda: "/opt/soffice")
    assert detect_converters() == Converters(None, "/opt/soffice")
    monkeypatch.setattr(pdf.sys, "platform", "win32")
    fake = type(sys)("docx2pdf")
    fake.convert = FakeWord(works=True)  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "docx2pdf", fake)
    assert detect_converters().word is fake.convert  # type: ignore[attr-defined]


def test_docx2pdf_is_a_dependency_where_word_runs():
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    (line,) = [d for d in deps if d.startswith("docx2pdf==")]
    assert 'sys_platform == "win32"' in line and 'sys_platform == "darwin"' in line
