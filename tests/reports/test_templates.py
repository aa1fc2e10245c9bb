"""The committed Word templates: reproducible, well-formed for Word and LibreOffice, and each
asking only for fields its context provides."""

from __future__ import annotations

import zipfile

import pytest
from docx import Document
from docxtpl import DocxTemplate

from logistics.core.periods import Month
from reports.asset_ledger import ledger_context
from reports.contract import active_staff, contract_context
from reports.energy_notice import energy_context
from reports.inventory_report import inventory_context
from reports.meeting_sheet import find_meetings, meeting_context
from reports.monthly_notice import monthly_context
from reports.pay_notice import month_pay_context
from reports.reception_list import find_receptions, reception_context
from reports.render import sandbox
from reports.template_files import PROJECT_TEMPLATES, TEMPLATE_NAMES, template_filename
from reports.template_source import LANGS, template_bytes
from reports.year_end import year_end_context

from .conftest import AS_OF, MEETING, MONTH

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEMPLATES = [(kind, lang) for kind in TEMPLATE_NAMES for lang in LANGS]


@pytest.mark.parametrize(("kind", "lang"), TEMPLATES)
def test_committed_template_equals_a_fresh_build(kind, lang):
    committed = PROJECT_TEMPLATES / template_filename(kind, lang)
    assert committed.read_bytes() == template_bytes(kind, lang), (
        f"{committed.name} is stale: run python -m reports.template_source"
    )


@pytest.fixture(scope="module")
def contexts(demo_ds):
    """One demo context per document kind and language."""
    out = {}
    for lang in LANGS:
        person = active_staff(demo_ds, AS_OF).iloc[0]
        meeting = find_meetings(demo_ds, MEETING, None).iloc[0]
        out["year-end", lang] = year_end_context(demo_ds, 2025, AS_OF, lang)
        out["monthly", lang] = monthly_context(demo_ds, Month.parse(MONTH), AS_OF, lang)
        out["energy", lang] = energy_context(demo_ds, Month.parse(MONTH), AS_OF, lang)
        out["meeting", lang] = meeting_context(demo_ds, meeting, lang)
        out["contracts", lang] = contract_context(demo_ds, person, 2025, lang)
        visit = find_receptions(demo_ds, "JD2025-029", None)[0]
        out["reception", lang] = reception_context(demo_ds, visit, lang)
        out["inventory", lang] = inventory_context(demo_ds, 2025, AS_OF, lang)
        out["asset-ledger", lang] = ledger_context(demo_ds, AS_OF, lang)
        out["pay-notice", lang] = month_pay_context(demo_ds, Month.parse(MONTH), AS_OF, lang)
    return out


@pytest.mark.parametrize(("kind", "lang"), TEMPLATES)
def test_template_asks_only_for_fields_of_its_context(kind, lang, contexts):
    tpl = DocxTemplate(PROJECT_TEMPLATES / template_filename(kind, lang))
    env = sandbox()
    wanted = tpl.get_undeclared_template_variables(jinja_env=env) - set(env.globals)
    assert wanted <= set(contexts[kind, lang]), wanted - set(contexts[kind, lang])
    assert wanted, "a template without fields"


@pytest.mark.parametrize(("kind", "lang"), TEMPLATES)
def test_template_layout_for_word_and_libreoffice(kind, lang):
    path = PROJECT_TEMPLATES / template_filename(kind, lang)
    doc = Document(str(path))
    for section in doc.sections:  # A4, either way round
        size = sorted((round(section.page_width.mm), round(section.page_height.mm)))
        assert size == [210, 297]
    with zipfile.ZipFile(path) as z:
        styles = z.read("word/styles.xml").decode()
        footer = "".join(z.read(n).decode() for n in z.namelist() if "footer" in n)
    assert 'w:eastAsia="宋体"' in styles and 'w:eastAsia="zh-CN"' in styles
    assert 'w:eastAsia="微软雅黑"' in styles
    assert "eastAsiaTheme" not in styles  # a theme font would override the named one
    assert 'w:instr="PAGE"' in footer
    assert doc.tables
    for table in doc.tables:
        grid = table._tbl.tblGrid.findall(f"{W}gridCol")
        assert grid and all(int(c.get(f"{W}w")) > 0 for c in grid)
        rows = table._tbl.findall(f"{W}tr")
        assert all(r.find(f"{W}trPr/{W}cantSplit") is not None for r in rows)
        if table.style.name == "Table Grid" and len(rows) > 1 and "{%tr" in table._tbl.xml:
            assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None


def test_english_templates_say_it_in_english():
    for kind in TEMPLATE_NAMES:
        doc = Document(str(PROJECT_TEMPLATES / template_filename(kind, "en")))
        text = "\n".join(p.text for p in doc.paragraphs)
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in text), (kind, text[:200])
