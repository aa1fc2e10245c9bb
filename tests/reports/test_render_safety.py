"""Templates render sandboxed and strict; typed text stays literal; a bad template is named."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from logistics.core.errors import LogisticsError
from logistics.core.safe_text import terminal_text
from logistics.documents.engine import DocumentFailed
from reports.errors import (
    DocumentError,
    TemplateFullWidth,
    TemplateSyntax,
    TemplateUnknownField,
    TemplateUnreadable,
    TemplateUnsafe,
)
from reports.render import TemplateRenderer

TYPED = '<5% & 水费 </w:t></w:r></w:p><w:p> =1+1 {{ x }} {% if %} "引号" \\'


def template(tmp_path: Path, *lines: str, table: list[str] | None = None) -> Path:
    """A one-off Word template holding ``lines`` (and a table row of cells)."""
    doc = Document()
    for line in lines:
        doc.add_paragraph(line)
    if table:
        cells = doc.add_table(rows=1, cols=len(table)).rows[0].cells
        for cell, text in zip(cells, table, strict=True):
            cell.text = text
    path = tmp_path / "clerk_tpl.docx"
    doc.save(str(path))
    return path


def renderer(path: Path) -> TemplateRenderer:
    """The engine's renderer with the product's rule for typed text (SPEC §7)."""
    return TemplateRenderer(path, clean=terminal_text)


def text_of(path: Path) -> str:
    doc = Document(str(path))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_typed_text_stays_literal(tmp_path):
    path = template(tmp_path, "备注：{{ note }}", table=["{{ note }}", "{{ n }}"])
    out = renderer(path).render({"note": TYPED, "n": 3}, tmp_path / "out.docx")
    text = text_of(out)
    assert text.count(TYPED) == 2
    assert "备注：" + TYPED in text


@pytest.mark.parametrize(
    "tag",
    [
        "{{ cycler.__init__.__globals__ }}",
        "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
        "{{ school.__class__.__mro__ }}",
        "{{ school|attr('__class__') }}",
        "{{ '{0.__class__}'.format(school) }}",
    ],
)
def test_unsafe_expressions_are_refused_with_template_and_tag_named(tmp_path, tag):
    path = template(tmp_path, "学校：{{ school }}", f"内部：{tag}")
    with pytest.raises(TemplateUnsafe) as caught:
        renderer(path).render({"school": "示例实验小学"}, tmp_path / "out.docx")
    for lang in ("zh", "en"):
        message = caught.value.message(lang)
        assert "clerk_tpl.docx" in message and tag in message
    assert not (tmp_path / "out.docx").exists()


def test_the_sandbox_itself_refuses_what_the_scan_lets_through(tmp_path):
    path = template(tmp_path, "{{ (school ~ '') * 100000000 }}")
    with pytest.raises(TemplateUnsafe) as caught:
        renderer(path).render({"school": "x"}, tmp_path / "out.docx")
    assert "clerk_tpl.docx" in caught.value.message("zh")


def test_full_width_braces_are_flagged(tmp_path):
    path = template(tmp_path, "学校：｛｛ school ｝｝")
    with pytest.raises(TemplateFullWidth) as caught:
        renderer(path)
    assert "｛｛ school ｝｝" in caught.value.message("zh")
    assert "clerk_tpl.docx" in caught.value.message("en")


@pytest.mark.parametrize(
    ("lines", "bad"),
    [
        (["{{ school }", "{{ year }}"], None),  # never closed: named by the nearby text
        (["{{ school + }}", "{{ year }}"], "{{ school + }}"),
        (["{% for x in %}", "{{ x }}", "{% endfor %}"], "{% for x in %}"),
        (["{% if school %}", "{{ school }}"], "{% if school %}"),
        (["{{ school }}", "{% endif %}"], "{% endif %}"),
        (["{{ school }}", "{{ year|nosuchfilter }}"], "{{ year|nosuchfilter }}"),  # not "?"
    ],
)
def test_syntax_errors_name_the_tag(tmp_path, lines, bad):
    path = template(tmp_path, *lines)
    with pytest.raises(TemplateSyntax) as caught:
        renderer(path).render({"school": "x", "year": 1}, tmp_path / "out.docx")
    message = caught.value.message("zh")
    assert "clerk_tpl.docx" in message
    if bad:
        assert bad in message
    # Jinja's own sentence sits inside the catalogue's, which ends it: never ".。" or ".)."
    assert ".。" not in message and ".)." not in caught.value.message("en")


def test_unknown_fields_are_named_with_the_fields_there_are(tmp_path):
    path = template(tmp_path, "{{ school }}", "{{ schol_name }}")
    with pytest.raises(TemplateUnknownField) as caught:
        renderer(path).render({"school": "x"}, tmp_path / "out.docx")
    message = caught.value.message("en")
    assert "{{ schol_name }}" in message and "school" in message


def test_a_missing_attribute_is_named_at_render_time(tmp_path):
    path = template(tmp_path, "{{ summary.staff }}", "{{ summary.stafff }}")
    with pytest.raises(TemplateUnknownField) as caught:
        renderer(path).render({"summary": {"staff": 3}}, tmp_path / "out.docx")
    assert "{{ summary.stafff }}" in caught.value.message("zh")


def test_a_file_that_is_not_a_template(tmp_path):
    path = tmp_path / "notes_tpl.docx"
    path.write_text("not a zip", encoding="utf-8")
    with pytest.raises(TemplateUnreadable):
        renderer(path)


def test_every_typed_string_goes_through_the_callers_clean(tmp_path):
    """The engine applies the caller's rule to every string, nested ones too, and nothing
    else: an upper-casing ``clean`` shows where it ran (the template's own text stays)."""
    path = template(tmp_path, "备注：{{ note }}", "{% for r in rows %}[{{ r.name }}]{% endfor %}")
    seen: list[str] = []

    def clean(text: str) -> str:
        seen.append(text)
        return text.upper()

    context = {"note": "ab", "rows": [{"name": "cd"}, {"name": "ef"}]}
    out = TemplateRenderer(path, clean=clean).render(context, tmp_path / "out.docx")
    assert sorted(seen) == ["ab", "cd", "ef"]
    assert text_of(out).splitlines() == ["备注：AB", "[CD][EF]"]


def test_typed_escapes_and_direction_marks_never_reach_a_document(tmp_path):
    """With the product's rule: ESC [31m (a colour), BEL and U+202E (right-to-left override)
    are removed whole; the visible characters stay (SPEC §7)."""
    path = template(tmp_path, "{{ note }}|{% for r in rows %}{{ r }}{% endfor %}")
    context = {"note": "\x1b[31m红\x1b[0m色", "rows": ["a\x07b", "报告\u202excod.exe"]}
    out = renderer(path).render(context, tmp_path / "out.docx")
    assert text_of(out) == "红色|ab报告xcod.exe"


def test_engine_errors_are_bilingual_with_exit_code_2():
    error = TemplateUnsafe(template="t_tpl.docx", tag="{{ x.__class__ }}")
    assert isinstance(error, DocumentError) and error.exit_code == 2
    assert "t_tpl.docx" in error.message("zh") and "{{ x.__class__ }}" in error.message("en")


def test_the_product_shows_an_engine_error_as_its_own():
    """Every front door catches ``LogisticsError``: the engine's error arrives as one, with
    the engine's words in both languages and exit code 2."""
    error = TemplateUnsafe(template="t_tpl.docx", tag="{{ x.__class__ }}")
    shown = DocumentFailed(error)
    assert isinstance(shown, LogisticsError) and shown.exit_code == 2 and shown.error is error
    assert [shown.message(lang) for lang in ("zh", "en")] == [
        error.message("zh"),
        error.message("en"),
    ]
