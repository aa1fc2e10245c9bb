"""No typed text reaches LibreOffice as an option (SPEC §7).

A school named ``--infilter=…`` made a document whose relative path soffice read as its
``--infilter`` option (and then hung for minutes). A stand-in soffice records its arguments.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from logistics.cli import app
from reports import pdf
from tests.workbooks import build, small_school

FAKE_SOFFICE = """\
import json, os, sys
from pathlib import Path
with open(os.environ["FAKE_SOFFICE_LOG"], "a", encoding="utf-8") as log:
    log.write(json.dumps(sys.argv[1:]) + "\\n")
args = sys.argv[1:]
out = Path(args[args.index("--outdir") + 1])
for doc in args[args.index("--outdir") + 2 :]:
    (out / (Path(doc).stem + ".pdf")).write_bytes(b"%PDF-1.4 fake")
"""

OPTIONS = ["--headless", "--norestore", "--nologo", "--nolockcheck", "--convert-to", "--outdir"]


@pytest.fixture
def fake_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    script = tmp_path / "fake_soffice.py"
    script.write_text(FAKE_SOFFICE, encoding="utf-8")
    wrapper = tmp_path / "soffice"
    wrapper.write_text(f'#!/bin/sh\nexec {sys.executable} {script} "$@"\n')
    wrapper.chmod(0o755)
    log = tmp_path / "argv.jsonl"
    monkeypatch.setenv("FAKE_SOFFICE_LOG", str(log))
    monkeypatch.setattr(pdf, "find_soffice", lambda: str(wrapper))
    return log


def calls(log: Path) -> list[list[str]]:
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]


def assert_only_our_options(argv: list[str]) -> None:
    for arg in argv:
        if arg.startswith("-"):
            assert arg in OPTIONS or arg.startswith("-env:UserInstallation=file:"), arg


@pytest.mark.skipif(sys.platform == "win32", reason="the stand-in is a shell script")
def test_relative_document_paths_go_to_soffice_as_absolute_paths(
    tmp_path: Path, fake_soffice: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    doc = Path("--infilter=Calc MS Excel 2007 XML.docx")  # as a relative path would be
    doc.write_bytes(b"PK")
    outcome = pdf.convert_to_pdf([doc])
    (argv,) = calls(fake_soffice)
    assert_only_our_options(argv)
    assert argv[-1] == str(tmp_path / doc.name)
    assert outcome.pdfs == [doc.with_suffix(".pdf")] and outcome.pdfs[0].is_file()


@pytest.mark.skipif(sys.platform == "win32", reason="the stand-in is a shell script")
@pytest.mark.parametrize(
    "school", ["--infilter=Calc MS Excel 2007 XML", "-\u2010infilter=x", "-o", "\u202e-x"]
)
def test_a_school_name_starting_with_a_dash_is_not_an_option(
    tmp_path: Path, fake_soffice: Path, monkeypatch: pytest.MonkeyPatch, school: str
) -> None:
    frames = small_school()
    frames["settings"] = pd.DataFrame([{"key": "学校名称", "value": school, "note": ""}])
    book = build(tmp_path / "school.xlsm", frames)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        app, ["report", str(book), "monthly", "--month", "2025-03", "--as-of", "2025-12-31"]
    )
    assert result.exit_code == 0, result.output
    (argv,) = calls(fake_soffice)
    assert_only_our_options(argv)
    docx = sorted(tmp_path.glob("*.docx"))
    assert len(docx) == 1 and not docx[0].name.startswith("-")
    assert argv[-1] == str(docx[0])
    assert docx[0].with_suffix(".pdf").is_file()
