"""The Word templates in ``templates/`` are the source (a clerk may edit them in Word). Each is
tested by what it asks for and how it is built, not by equality with a generator: it passes
the same checks an edited template passes before use, asks only for fields its context
provides, and keeps the layout rules that make Word and LibreOffice print it well."""

from __future__ import annotations

import zipfile

import pytest
from docx import Document
from docx.oxml.ns import qn

from logistics.core.periods import Month
from logistics.documents.asset_ledger import ledger_context
from logistics.documents.contract import active_staff, contract_context
from logistics.documents.energy_notice import energy_context
from logistics.documents.engine import template_renderer
from logistics.documents.inventory_report import inventory_context
from logistics.documents.meeting_sheet import find_meetings, meeting_context
from logistics.documents.monthly_notice import monthly_context
from logistics.documents.pay_notice import month_pay_context
from logistics.documents.reception_list import find_receptions, reception_context
from logistics.documents.year_end import year_end_context
from reports.render import sandbox
from reports.template_files import PROJECT_TEMPLATES, TEMPLATE_NAMES, template_filename

from .conftest import AS_OF, MEETING, MONTH

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LANGS = ("zh", "en")
TEMPLATES = [(kind, lang) for kind in TEMPLATE_NAMES for lang in LANGS]
SIGNED = ("monthly", "energy", "meeting", "contracts")  # end with a closing and signatures


def path_of(kind: str, lang: str):
    return PROJECT_TEMPLATES / template_filename(kind, lang)


class Contexts(dict):
    """(kind, lang) -> context; a kind without one fails with what to add."""

    def __missing__(self, key: tuple[str, str]) -> None:
        pytest.fail(f"no demo context for {key}: add one to the contexts fixture")


@pytest.fixture(scope="module")
def contexts(demo_ds):
    """One demo context per document kind and language, as the builders make them."""
    out = Contexts()
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


def test_every_document_has_a_template_in_both_languages():
    on_disk = {p.name for p in PROJECT_TEMPLATES.glob("*_tpl.docx")}
    assert {template_filename(k, lang) for k, lang in TEMPLATES} <= on_disk


@pytest.mark.parametrize(("kind", "lang"), TEMPLATES)
def test_template_passes_the_checks_of_an_edited_one(kind, lang, contexts):
    """Readable, no full-width braces, no tag reaching for internals (the scan in
    ``reports.render.TemplateRenderer``), tags that parse in the sandbox and only fields of its
    context."""
    renderer = template_renderer(path_of(kind, lang))
    renderer.check(contexts[kind, lang])
    assert renderer.tags, "a template without tags"


@pytest.mark.parametrize(("kind", "lang"), TEMPLATES)
def test_template_asks_only_for_fields_of_its_context(kind, lang, contexts):
    renderer = template_renderer(path_of(kind, lang))
    env = sandbox()
    wanted = renderer.tpl.get_undeclared_template_variables(jinja_env=env) - set(env.globals)
    assert wanted, "a template without fields"
    assert wanted <= set(contexts[kind, lang]), wanted - set(contexts[kind, lang])
    if kind != "meeting":
        assert "school" in wanted  # every document names the school


@pytest.mark.parametrize(("kind", "lang"), TEMPLATES)
def test_template_layout_for_word_and_libreoffice(kind, lang):
    path = path_of(kind, lang)
    doc = Document(str(path))
    for section in doc.sections:  # A4, either way round
        size = sorted((round(section.page_width.mm), round(section.page_height.mm)))
        assert size == [210, 297]
    with zipfile.ZipFile(path) as z:
        styles = z.read("word/styles.xml").decode()
        footer = "".join(z.read(n).decode() for n in z.namelist() if "footer" in n)
    # Word's Chinese font names and language: LibreOffice maps them to Noto CJK SC
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


def _is_signature(el) -> bool:
    """The signature table (contracts, meeting sheets) or the issuing office's line."""
    if el.tag == qn("w:tbl"):
        text = "".join(el.itertext())
        return "签字" in text or "signature" in text or "Person in charge" in text
    style = el.xpath("string(./w:pPr/w:pStyle/@w:val)") if el.tag == qn("w:p") else ""
    return style == "SignatureLine"


def _keeps_with_next(paragraph) -> bool:
    """keepNext on the paragraph or its style (or a style it is based on)."""
    if paragraph.paragraph_format.keep_with_next:
        return True
    style = paragraph.style
    while style is not None:
        if style.paragraph_format.keep_with_next:
            return True
        style = style.base_style
    return False


@pytest.mark.parametrize("kind", SIGNED)
@pytest.mark.parametrize("lang", LANGS)
def test_closing_lines_keep_with_the_signatures(kind, lang):
    """SPEC §5: a closing line and its signatures never split across pages."""
    doc = Document(str(path_of(kind, lang)))
    body = list(doc.element.body.iterchildren())
    signature = max(i for i, el in enumerate(body) if _is_signature(el))
    before = [el for el in body[:signature] if el.tag == qn("w:p")][-1]
    paragraph = next(p for p in doc.paragraphs if p._p is before)
    assert paragraph.text.strip() and _keeps_with_next(paragraph), paragraph.text


def test_english_templates_say_it_in_english():
    for kind in TEMPLATE_NAMES:
        doc = Document(str(path_of(kind, "en")))
        cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
        text = "\n".join([p.text for p in doc.paragraphs] + cells)
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in text), (kind, text[:200])
        assert not any(ch in text for ch in "（）：；，。"), kind
