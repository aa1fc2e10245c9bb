"""Templates that ship with the package and that a school may edit (SPEC §5): exported for
editing, picked up from the 模板 / templates folder beside the workbook or --templates, and
checked before use, a broken one named with its tag."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document
from typer.testing import CliRunner

from logistics.cli import app
from logistics.documents import make_report
from logistics.documents.engine import DocumentFailed
from logistics.io.file_book import FileBook
from reports.errors import (
    TemplateFolderMissing,
    TemplateFullWidth,
    TemplateSyntax,
    TemplateUnknownField,
    TemplateUnsafe,
)
from reports.template_files import (
    TEMPLATE_NAMES,
    builtin_dir,
    export_templates,
    find_template,
    template_filename,
)
from tests.workbooks import build

AS_OF = dt.date(2025, 12, 31)
MONTHLY = {"month": "2025-03"}
NEW_TITLE = "后勤人员月度考评结果通报（本校修订版）"
NEW_STYLE = "Light Grid Accent 1"
ROOT = Path(__file__).resolve().parents[2]


def edit_like_a_clerk(path: Path, title: str = NEW_TITLE) -> None:
    """What a clerk does in Word: retitle the notice and restyle the results table."""
    doc = Document(str(path))
    heading = next(p for p in doc.paragraphs if p.style.name == "Title")
    for run in heading.runs[1:]:
        run.text = ""
    heading.runs[0].text = title
    table = next(t for t in doc.tables if "{{ r.rank }}" in t._tbl.xml)
    table.style = doc.styles[NEW_STYLE]
    doc.save(str(path))


def insert_line(path: Path, text: str) -> None:
    doc = Document(str(path))
    doc.paragraphs[2].insert_paragraph_before(text)
    doc.save(str(path))


def results_table_style(docx: Path) -> str:
    doc = Document(str(docx))
    return next(t.style.name for t in doc.tables if "名次" in t.rows[0].cells[0].text)


def test_export_writes_every_built_in_template_and_keeps_edited_ones(tmp_path):
    done = export_templates(tmp_path / "out")
    names = {p.name for p in done.written}
    expected = {template_filename(k, lang) for k in TEMPLATE_NAMES for lang in ("zh", "en")}
    assert expected <= names and not done.kept
    edited = tmp_path / "out" / template_filename("monthly", "zh")
    edit_like_a_clerk(edited)
    before = edited.read_bytes()
    again = export_templates(tmp_path / "out")
    assert edited in again.kept and edited.read_bytes() == before  # the clerk's work is kept


def test_a_clerks_edit_in_the_folder_beside_the_workbook_is_used(tmp_path):
    book = build(tmp_path / "school.xlsm")
    own = tmp_path / "模板"
    export_templates(own)
    edit_like_a_clerk(own / template_filename("monthly", "zh"))
    result = make_report(
        FileBook(book), "monthly", out_dir=tmp_path / "out", pdf=False, as_of=AS_OF, **MONTHLY
    )
    assert result.template_edited and result.template == own / "monthly_notice_tpl.docx"
    assert "自定义模板" in result.message
    out = result.documents[0]
    texts = [p.text for p in Document(str(out)).paragraphs]
    assert NEW_TITLE in texts and not any("关于" in t for t in texts[:3])
    assert results_table_style(out) == NEW_STYLE
    # a template the school has no copy of is the built-in one
    (own / template_filename("energy", "zh")).unlink()
    energy = make_report(
        FileBook(book), "energy", out_dir=tmp_path / "out", pdf=False, as_of=AS_OF, **MONTHLY
    )
    assert not energy.template_edited and energy.template.parent == builtin_dir()


def test_an_english_workbook_reads_the_templates_folder(tmp_path):
    book = build(tmp_path / "school.xlsm", lang="en")
    export_templates(tmp_path / "模板")  # the Chinese folder name: not for this workbook
    assert not find_template("monthly", "en", workbook_dir=tmp_path).edited
    export_templates(tmp_path / "templates")
    choice = find_template("monthly", "en", workbook_dir=tmp_path)
    assert choice.edited and choice.path.parent == tmp_path / "templates"
    result = make_report(FileBook(book), "monthly", out_dir=tmp_path, pdf=False, **MONTHLY)
    assert result.template_edited and "Used the edited template" in result.message


def test_templates_option_on_the_command_line(tmp_path):
    book = build(tmp_path / "school.xlsm")
    own = tmp_path / "ours"
    runner = CliRunner(env={"COLUMNS": "400"})  # long temp paths stay on one line
    exported = runner.invoke(app, ["templates", "export", str(own)])
    assert exported.exit_code == 0, exported.output
    assert "monthly_notice_tpl.docx" in exported.output
    edit_like_a_clerk(own / "monthly_notice_tpl.docx")
    out = tmp_path / "out"
    args = ["report", str(book), "monthly", "--month", "2025-03", "--no-pdf", "--out", str(out)]
    ran = runner.invoke(app, [*args, "--as-of", "2025-12-31", "--templates", str(own)])
    assert ran.exit_code == 0, ran.output
    (docx,) = out.glob("*.docx")
    assert NEW_TITLE in [p.text for p in Document(str(docx)).paragraphs]
    missing = runner.invoke(app, [*args, "--templates", str(tmp_path / "nowhere")])
    assert missing.exit_code == 2 and "nowhere" in missing.output


@pytest.mark.parametrize(
    ("line", "error", "named"),
    [
        ("{{ r.nmae }}{{ nmae }}", TemplateUnknownField, "{{ nmae }}"),
        ("｛｛ school ｝｝", TemplateFullWidth, "｛｛ school ｝｝"),
        ("{{ school.__class__ }}", TemplateUnsafe, "{{ school.__class__ }}"),
        ("{% if school %} no end", TemplateSyntax, "{% if school %}"),
    ],
)
def test_a_broken_edit_is_named_with_its_tag_and_nothing_is_written(tmp_path, line, error, named):
    book = build(tmp_path / "school.xlsm")
    own = tmp_path / "模板"
    export_templates(own)
    insert_line(own / "monthly_notice_tpl.docx", line)
    out = tmp_path / "out"
    with pytest.raises(DocumentFailed) as caught:  # the engine's error, as the product's
        make_report(FileBook(book), "monthly", out_dir=out, pdf=False, as_of=AS_OF, **MONTHLY)
    assert isinstance(caught.value.error, error)
    message = caught.value.message("zh")
    assert "monthly_notice_tpl.docx" in message and named in message, message
    assert not list(out.glob("*.docx")) if out.exists() else True


def test_a_missing_templates_folder_is_a_clear_error(tmp_path):
    with pytest.raises(TemplateFolderMissing) as caught:
        find_template("monthly", "zh", templates_dir=tmp_path / "nowhere")
    assert "nowhere" in caught.value.message("en")


def test_the_built_in_templates_ship_inside_the_package(tmp_path):
    """What a wheel holds: setup.py's build step copies templates/ into reports/templates."""
    built = tmp_path / "build"
    subprocess.run(
        [sys.executable, "setup.py", "-q", "build_py", "-d", str(built)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    shipped = {p.name for p in (built / "reports" / "templates").glob("*.docx")}
    in_repo = {p.name for p in (ROOT / "templates").glob("*_tpl.docx")}
    assert in_repo and shipped == in_repo
    assert (built / "reports" / "render.py").is_file()
