"""A template compiled once and rendered for many contexts gives, for each, exactly the
document docxtpl's own render gives from a fresh copy of the template."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest
from docxtpl import DocxTemplate

from logistics.core.periods import Month
from logistics.core.validate import load
from logistics.documents.contract import active_staff, contract_context
from logistics.documents.engine import template_renderer
from logistics.documents.monthly_notice import monthly_context
from logistics.io.reader import read_workbook
from reports.render import sandbox
from reports.template_files import find_template
from tests.workbooks import build

AS_OF = dt.date(2025, 12, 31)
PARTS = ("word/document.xml", "word/header1.xml", "word/footer1.xml", "docProps/core.xml")


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        return {n: z.read(n) for n in PARTS if n in names}


@pytest.fixture(scope="module")
def small_ds(tmp_path_factory):
    book = build(tmp_path_factory.mktemp("small") / "small.xlsm")
    return load(read_workbook(book), AS_OF)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_contracts_rendered_in_turn_equal_fresh_docxtpl_renders(small_ds, tmp_path, lang):
    people = list(active_staff(small_ds, dt.date(2025, 3, 15)).iterrows())
    contexts = [contract_context(small_ds, person, 2025, lang) for _, person in people]
    assert len(contexts) >= 2 and contexts[0]["name"] != contexts[1]["name"]
    path = find_template("contracts", lang).path
    renderer = template_renderer(path)
    for i, context in enumerate(contexts):
        ours = renderer.render(context, tmp_path / f"ours{i}.docx")
        fresh = DocxTemplate(path)
        fresh.render(context, jinja_env=sandbox())
        fresh.save(tmp_path / f"fresh{i}.docx")
        assert parts(ours) == parts(tmp_path / f"fresh{i}.docx"), i
        others = [c["name"] for c in contexts if c["name"] != context["name"]]
        body = parts(ours)["word/document.xml"].decode()
        assert context["name"] in body and not any(n in body for n in others)  # none carried


def test_a_notice_with_a_header_and_loops(small_ds, tmp_path):
    path = find_template("monthly", "zh").path
    renderer = template_renderer(path)
    for i, month in enumerate(("2025-03", "2025-04")):
        context = monthly_context(small_ds, Month.parse(month), AS_OF, "zh")
        ours = renderer.render(context, tmp_path / f"ours{i}.docx")
        fresh = DocxTemplate(path)
        fresh.render(context, jinja_env=sandbox())
        fresh.save(tmp_path / f"fresh{i}.docx")
        assert parts(ours) == parts(tmp_path / f"fresh{i}.docx"), month
