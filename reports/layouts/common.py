"""What every template layout shares: wording in two languages, header, footer, signature."""

from __future__ import annotations

from docx.document import Document

from ..docx_parts import SIGNATURE, Col, header_and_footer, new_document, para


class Tr:
    """Picks the zh or en wording: ``t("中文", "English")``."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, zh: str, en: str) -> str:
        return zh if self.lang == "zh" else en


def start(t: Tr, title: str) -> Document:
    """A new A4 document with the school in the header and page numbers in the footer."""
    doc = new_document(title)
    header = t("{{ school }}　后勤处", "{{ school }} · Logistics Office")
    header_and_footer(doc, header, (t("第 ", "Page "), t(" 页　共 ", " of "), t(" 页", "")))
    return doc


def signature(doc: Document, t: Tr, date: str) -> None:
    """The issuing office and date, right-aligned, at the end of a notice."""
    para(doc, t("{{ school }}后勤处", "{{ school }} Logistics Office"), SIGNATURE, align="r")
    para(doc, date, align="r")


def sign_lines(t: Tr) -> list[str]:
    """Two signature columns' date line."""
    date = t("日期：______年____月____日", "Date: ____________")
    return [date, date]


def chart(doc: Document, name: str) -> None:
    """A paragraph holding only the image variable ``name`` (a chart)."""
    para(doc, "{{ " + name + " }}", align="c")


def month_cols(prefix: str, width: float) -> list[Col]:
    """Twelve month columns: headers ``{{ months[i] }}``, cells ``{{ prefix[i] }}``."""
    return [Col(f"{{{{ months[{i}] }}}}", width, f"{{{{ {prefix}[{i}] }}}}") for i in range(12)]
