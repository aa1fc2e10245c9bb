"""python-docx building blocks for the templates: page, styles, tables, fields.

Everything a template needs that python-docx has no high-level API for lives here as small
XML edits: East Asian fonts and language in the style defaults (else LibreOffice picks
Japanese letterforms), explicit column widths (``w:gridCol``, which LibreOffice uses), header
rows that repeat (``w:tblHeader``), rows that do not split (``w:cantSplit``) and page numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from docx import Document as new_docx
from docx.document import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm, Pt, RGBColor, Twips
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

# Word names; fontconfig maps them to Noto Serif/Sans CJK SC on Linux (see reports/fonts.py).
SERIF_CJK = "宋体"
SANS_CJK = "微软雅黑"
SERIF_LATIN = "Times New Roman"
SANS_LATIN = "Arial"

TWIPS_PER_MM = 1440 / 25.4
A4 = (210, 297)  # mm
MARGIN_MM = 18
HEADER_FILL = "DCE6F1"
TOTAL_FILL = "F2F2F2"

TABLE_TEXT = "Table Text"
TABLE_SMALL = "Table Text Small"
TABLE_HEADING = "Table Heading"
NOTE = "Note"
SIGNATURE = "Signature Line"

ALIGN = {
    "l": WD_ALIGN_PARAGRAPH.LEFT,
    "c": WD_ALIGN_PARAGRAPH.CENTER,
    "r": WD_ALIGN_PARAGRAPH.RIGHT,
}


def twips(mm: float) -> int:
    return round(mm * TWIPS_PER_MM)


def page_width_mm(landscape: bool) -> float:
    """Width of the text area of an A4 page."""
    return (A4[1] if landscape else A4[0]) - 2 * MARGIN_MM


# ---- document, styles --------------------------------------------------------------------


def new_document(title: str) -> Document:
    """An empty A4 portrait document with CJK-aware styles and a fixed, reproducible identity."""
    doc = new_docx()
    _set_defaults(doc)
    _define_styles(doc)
    section = doc.sections[0]
    _page_setup(section, landscape=False)
    props = doc.core_properties
    props.title = title
    props.author = "school-logistics"
    props.last_modified_by = "school-logistics"
    props.revision = 1
    props.comments = ""
    props.keywords = ""
    props.subject = ""
    props.category = ""
    return doc


def _set_fonts(rpr: BaseOxmlElement, latin: str, east_asia: str) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for name in list(fonts.attrib):  # theme fonts win over named ones: drop them
        del fonts.attrib[name]
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:cs"), latin)


def _set_defaults(doc: Document) -> None:
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(rpr, SERIF_LATIN, SERIF_CJK)
    for tag in ("w:sz", "w:szCs"):
        rpr.find(qn(tag)).set(qn("w:val"), "21")  # 10.5 pt (五号)
    lang = rpr.find(qn("w:lang"))
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    lang.set(qn("w:bidi"), "ar-SA")
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    spacing = ppr.find(qn("w:spacing"))
    spacing.set(qn("w:after"), "60")
    spacing.set(qn("w:line"), "300")  # 1.25 lines
    for fonts in styles.iter(qn("w:rFonts")):  # styles that name theme fonts
        if any("Theme" in k or "theme" in k for k in fonts.attrib):
            sans = fonts.get(qn("w:asciiTheme"), "").startswith("major")
            _set_fonts(fonts.getparent(), *(_sans() if sans else _serif()))
    settings = doc.settings.element
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is None:
        theme_lang = OxmlElement("w:themeFontLang")
        settings.append(theme_lang)
    theme_lang.set(qn("w:val"), "en-US")
    theme_lang.set(qn("w:eastAsia"), "zh-CN")


def _sans() -> tuple[str, str]:
    return SANS_LATIN, SANS_CJK


def _serif() -> tuple[str, str]:
    return SERIF_LATIN, SERIF_CJK


def _style_font(style: object, size: float, *, sans: bool, bold: bool = False) -> None:
    font = style.font  # type: ignore[attr-defined]
    font.size = Pt(size)
    font.bold = bold
    font.italic = False
    font.color.rgb = RGBColor(0, 0, 0)
    rpr = style.element.get_or_add_rPr()  # type: ignore[attr-defined]
    _set_fonts(rpr, *(_sans() if sans else _serif()))


def _define_styles(doc: Document) -> None:
    styles = doc.styles
    normal = styles["Normal"]
    _style_font(normal, 10.5, sans=False)

    title = styles["Title"]
    _style_font(title, 20, sans=True, bold=True)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_before = Pt(6)
    title.paragraph_format.space_after = Pt(6)
    title.element.get_or_add_pPr().remove_all("w:pBdr")
    title.element.get_or_add_rPr().remove_all("w:spacing", "w:kern")

    subtitle = styles["Subtitle"]
    _style_font(subtitle, 11, sans=False)
    subtitle.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    subtitle.paragraph_format.space_after = Pt(12)
    subtitle.element.get_or_add_rPr().remove_all("w:spacing")

    for name, size, before in (("Heading 1", 14, 14), ("Heading 2", 12, 10)):
        style = styles[name]
        _style_font(style, size, sans=True, bold=True)
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(6)
        style.paragraph_format.keep_with_next = True

    for name, size, bold, align in (
        (TABLE_TEXT, 9, False, WD_ALIGN_PARAGRAPH.LEFT),
        (TABLE_SMALL, 8, False, WD_ALIGN_PARAGRAPH.LEFT),
        (TABLE_HEADING, 9, True, WD_ALIGN_PARAGRAPH.CENTER),
        (NOTE, 9, False, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        _style_font(style, size, sans=name == TABLE_HEADING, bold=bold)
        fmt = style.paragraph_format
        fmt.alignment = align
        fmt.space_before = Pt(0)
        fmt.space_after = Pt(0)
        fmt.line_spacing = 1.0
    signature = styles.add_style(SIGNATURE, WD_STYLE_TYPE.PARAGRAPH)
    signature.base_style = normal
    signature.paragraph_format.space_before = Pt(18)
    signature.paragraph_format.keep_with_next = True

    footer = styles["Footer"]
    _style_font(footer, 9, sans=False)
    footer.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    header = styles["Header"]
    _style_font(header, 9, sans=False)
    header.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT


# ---- page, sections, header and footer ----------------------------------------------------


def _page_setup(section: object, *, landscape: bool) -> None:
    s = section  # docx.section.Section
    short, long_ = Mm(A4[0]), Mm(A4[1])
    s.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT  # type: ignore[attr-defined]
    s.page_width, s.page_height = (long_, short) if landscape else (short, long_)  # type: ignore[attr-defined]
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(s, side, Mm(MARGIN_MM))
    s.header_distance = Mm(10)  # type: ignore[attr-defined]
    s.footer_distance = Mm(10)  # type: ignore[attr-defined]


def new_section(doc: Document, *, landscape: bool) -> None:
    """Start a new page in the given orientation; header and footer carry over."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    _page_setup(section, landscape=landscape)


def page_break(doc: Document) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _field(paragraph: Paragraph, instruction: str, placeholder: str) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = placeholder
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def header_and_footer(doc: Document, header: str, page_words: tuple[str, str, str]) -> None:
    """Header text on the right; footer "第 N 页 共 M 页" (page_words: before, between, after)."""
    section = doc.sections[0]
    section.header.paragraphs[0].text = header
    section.header.paragraphs[0].style = doc.styles["Header"]
    para = section.footer.paragraphs[0]
    para.style = doc.styles["Footer"]
    before, between, after = page_words
    para.add_run(before)
    _field(para, "PAGE", "1")
    para.add_run(between)
    _field(para, "NUMPAGES", "1")
    para.add_run(after)


# ---- paragraphs ----------------------------------------------------------------------------


def para(doc: Document, text: str = "", style: str | None = None, *, align: str = "") -> Paragraph:
    p = doc.add_paragraph(text, style=style)
    if align:
        p.alignment = ALIGN[align]
    return p


def tag(doc: Document, statement: str) -> None:
    """A paragraph holding only a docxtpl block tag (``{%p … %}``): it leaves no empty line."""
    doc.add_paragraph("{%p " + statement + " %}")


def keep_with_next(p: Paragraph) -> None:
    p.paragraph_format.keep_with_next = True


# ---- tables -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Col:
    """One table column: header text, width in mm, the cell's content, alignment (l/c/r)."""

    header: str
    width: float
    cell: str = ""
    align: str = "c"


def _table_props(table: Table, widths: Sequence[float], *, borders: bool = True) -> None:
    table.style = "Table Grid" if borders else "Normal Table"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    tbl_pr = table._tbl.tblPr
    width = OxmlElement("w:tblW")
    width.set(qn("w:w"), str(sum(twips(w) for w in widths)))
    width.set(qn("w:type"), "dxa")
    tbl_pr.remove_all("w:tblW")
    tbl_pr.append(width)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        m = OxmlElement(f"w:{side}")
        m.set(qn("w:w"), str(twips(1.2)))
        m.set(qn("w:type"), "dxa")
        margins.append(m)
    tbl_pr.append(margins)
    for grid_col, w in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=True):
        grid_col.w = Twips(twips(w))
    # python-docx's add_table writes tblLook defaults; keep the header banding off.
    look = tbl_pr.find(qn("w:tblLook"))
    if look is not None:
        tbl_pr.remove(look)


def _row_props(row: _Row, *, header: bool = False) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    if header:
        tr_pr.append(OxmlElement("w:tblHeader"))
    tr_pr.append(OxmlElement("w:cantSplit"))


def _cell(cell: _Cell, text: str, width: float, style: str, align: str, fill: str = "") -> None:
    cell.width = Mm(width)
    tc_pr = cell._tc.get_or_add_tcPr()
    tc_w = tc_pr.find(qn("w:tcW"))
    tc_w.set(qn("w:w"), str(twips(width)))
    tc_w.set(qn("w:type"), "dxa")
    valign = OxmlElement("w:vAlign")
    valign.set(qn("w:val"), "center")
    if fill:
        shade = OxmlElement("w:shd")
        shade.set(qn("w:val"), "clear")
        shade.set(qn("w:color"), "auto")
        shade.set(qn("w:fill"), fill)
        tc_pr.append(shade)
    tc_pr.append(valign)
    p = cell.paragraphs[0]
    p.style = style
    p.alignment = ALIGN[align]
    if text:
        p.add_run(text)


def fit(widths: Sequence[float], landscape: bool = False) -> list[float]:
    """Column widths scaled to fill the text width of the page (tables span the page)."""
    scale = page_width_mm(landscape) / sum(widths)
    return [round(w * scale, 2) for w in widths]


def loop_table(
    doc: Document,
    cols: Sequence[Col],
    loop: str,
    *,
    totals: Sequence[Sequence[str]] = (),
    header_rows: Sequence[Sequence[str]] = (),
    landscape: bool = False,
    small: bool = False,
    keep_together: bool = False,
) -> Table:
    """Header row(s), then one row per item of ``loop`` (``r in rows``), then fixed total rows.

    The data row sits between two docxtpl ``{%tr %}`` rows, which docxtpl replaces by the
    loop tags: in Word the clerk sees the header, the tags and one row of ``{{ … }}`` cells.
    Column widths are scaled to the page; ``small`` sets the cells in 8 pt; a short table
    ``keep_together`` does not break across pages.
    """
    widths = fit([c.width for c in cols], landscape)
    cols = [Col(c.header, w, c.cell, c.align) for c, w in zip(cols, widths, strict=True)]
    text_style = TABLE_SMALL if small else TABLE_TEXT
    headers = [*header_rows, [c.header for c in cols]]
    n_rows = len(headers) + 3 + len(totals)
    table = doc.add_table(rows=n_rows, cols=len(cols))
    _table_props(table, widths)
    rows = table.rows
    for i, texts in enumerate(headers):
        _row_props(rows[i], header=True)
        for cell, text, col in zip(rows[i].cells, texts, cols, strict=True):
            _cell(cell, text, col.width, TABLE_HEADING, "c", HEADER_FILL)
    first = len(headers)
    for offset, text in ((0, "{%tr for " + loop + " %}"), (2, "{%tr endfor %}")):
        row = rows[first + offset]
        _row_props(row)  # docxtpl drops this row; the property keeps the template uniform
        for j, (cell, col) in enumerate(zip(row.cells, cols, strict=True)):
            _cell(cell, text if j == 0 else "", col.width, text_style, "l")
    data = rows[first + 1]
    _row_props(data)
    for cell, col in zip(data.cells, cols, strict=True):
        _cell(cell, col.cell, col.width, text_style, col.align)
    for i, texts in enumerate(totals):
        row = rows[first + 3 + i]
        _row_props(row)
        for cell, text, col in zip(row.cells, texts, cols, strict=True):
            _cell(cell, text, col.width, text_style, col.align, TOTAL_FILL)
    if keep_together:
        _keep_together(table)
    return table


def _keep_together(table: Table) -> None:
    """Every row keeps with the next, so Word and LibreOffice move the table as one block."""
    for row in table.rows:
        for cell in row.cells:
            for p in cell.paragraphs:
                p.paragraph_format.keep_with_next = True


def grid_table(
    doc: Document,
    widths: Sequence[float],
    rows: Sequence[Sequence[str]],
    *,
    header: bool = True,
    label_cols: Sequence[int] = (),
    aligns: Sequence[str] | None = None,
    landscape: bool = False,
    keep_together: bool = False,
) -> Table:
    """A fixed table: the first row a repeating header (when ``header``), then ``rows``.

    Columns ``label_cols`` are shaded like a header (key/value tables). Widths are scaled
    to the page.
    """
    widths = fit(widths, landscape)
    table = doc.add_table(rows=len(rows), cols=len(widths))
    _table_props(table, widths)
    for i, (row, texts) in enumerate(zip(table.rows, rows, strict=True)):
        is_header = header and i == 0
        _row_props(row, header=is_header)
        for j, (cell, text, w) in enumerate(zip(row.cells, texts, widths, strict=True)):
            shaded = is_header or j in label_cols
            style = TABLE_HEADING if shaded else TABLE_TEXT
            align = "c" if is_header else "l" if j in label_cols else (aligns or "l" * 99)[j]
            _cell(cell, text, w, style, align, HEADER_FILL if shaded else "")
    if keep_together:
        _keep_together(table)
    return table


def signature_table(doc: Document, rows: Sequence[Sequence[str]]) -> Table:
    """Signature lines in two borderless columns, with room to sign between the lines."""
    widths = fit([1.0] * len(rows[0]))
    table = doc.add_table(rows=len(rows), cols=len(widths))
    _table_props(table, widths, borders=False)
    for row, texts in zip(table.rows, rows, strict=True):
        _row_props(row)
        for cell, text, w in zip(row.cells, texts, widths, strict=True):
            _cell(cell, text, w, SIGNATURE, "l")
    _keep_together(table)
    return table


def spacer(doc: Document) -> None:
    """An empty small paragraph after a table, so the next table does not merge with it."""
    doc.add_paragraph(style=NOTE)
