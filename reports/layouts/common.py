"""What every template layout shares: wording in two languages, header, footer, signature."""

from __future__ import annotations

from docx.document import Document
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from ..docx_parts import SIGNATURE, Col, header_and_footer, keep_with_next, new_document, para


class Tr:
    """Picks the zh or en wording: ``t("中文", "English")``."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, zh: str, en: str) -> str:
        return zh if self.lang == "zh" else en

    def width(self, zh: float, en: float) -> float:
        """A column width (mm) per language: English words need more room than characters."""
        return zh if self.lang == "zh" else en


def start(t: Tr, title: str) -> Document:
    """A new A4 document with the school in the header and page numbers in the footer."""
    doc = new_document(title)
    header = t("{{ school }}　后勤处", "{{ school }} · Logistics Office")
    header_and_footer(doc, header, (t("第 ", "Page "), t(" 页　共 ", " of "), t(" 页", "")))
    return doc


def signature(doc: Document, t: Tr, date: str) -> None:
    """The issuing office and date, right-aligned, at the end of a notice (the style keeps the
    office with its date; callers keep their closing lines with the office)."""
    para(doc, t("{{ school }}后勤处", "{{ school }} Logistics Office"), SIGNATURE, align="r")
    para(doc, date, align="r")


def closing(doc: Document, text: str, style: str | None = None) -> Paragraph:
    """A closing paragraph that stays on the page of what follows it (the signature)."""
    p = para(doc, text, style)
    keep_with_next(p)
    return p


def sign_lines(t: Tr) -> list[str]:
    """Two signature columns' date line."""
    date = t("日期：______年____月____日", "Date: ____________")
    return [date, date]


def chart(doc: Document, name: str) -> None:
    """A paragraph holding only the image variable ``name`` (a chart). Single line spacing and
    room above: with proportional spacing LibreOffice draws a tall image up over the border of
    the table before it."""
    p = para(doc, "{{ " + name + " }}", align="c")
    p.paragraph_format.line_spacing = 1.0
    p.paragraph_format.space_before = Pt(6)


def month_cols(prefix: str, width: float) -> list[Col]:
    """Twelve month columns: headers ``{{ months[i] }}``, cells ``{{ prefix[i] }}``."""
    return [Col(f"{{{{ months[{i}] }}}}", width, f"{{{{ {prefix}[{i}] }}}}") for i in range(12)]
