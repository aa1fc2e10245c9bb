"""Output file names: from content, and usable on Windows."""

from __future__ import annotations

import pytest

from logistics.core.safe_text import terminal_text
from logistics.documents.engine import file_name
from reports.filenames import MAX_STEM, safe_stem, unique_names


@pytest.mark.parametrize(
    ("text", "stem"),
    [
        ("示例实验小学-2025年终考核报告", "示例实验小学-2025年终考核报告"),
        ('岗位责任状-HQ001-袁<立>新:"/\\|?*', "岗位责任状-HQ001-袁_立_新_______"),
        ("会议\t名称\n第二行", "会议 名称 第二行"),
        ("报告. . ", "报告"),
        ("CON", "_CON"),
        ("lpt1.txt", "_lpt1.txt"),
        ("...", "document"),
        ("", "document"),
        ("\x00\x07", "document"),
        # Typed text never brings escapes, direction marks or a leading dash (SPEC §7).
        ("\x1b[31m红\x1b[0m色", "红色"),
        ("报告\u202excod.exe", "报告xcod.exe"),
        ("\u200e张\u200b三\u2066\u2069\ufeff", "张三"),
        ("--infilter=x", "infilter=x"),
        ("-\u2010infilter=Calc MS Excel 2007 XML", "infilter=Calc MS Excel 2007 XML"),
        ("\u2212 减号", "减号"),
        ("CONOUT$", "_CONOUT$"),
        ("com¹.docx", "_com¹.docx"),
    ],
)
def test_safe_stem(text, stem):
    assert safe_stem(text, clean=terminal_text) == stem  # the product's rule for typed text


def test_without_the_products_rule_no_control_character_reaches_a_name():
    """The engine's own floor, whatever ``clean`` lets through: ESC and BEL become "_"."""
    assert safe_stem("a\x1b[31mb\x07", clean=lambda s: s) == "a_[31mb_"


def test_long_names_are_cut_and_keep_their_suffix():
    name = file_name("很长的会议名称" * 40)
    assert name.endswith(".docx") and len(name) == MAX_STEM + len(".docx")


def test_repeated_names_get_a_number():
    assert unique_names(["a", "A", "b", "a"]) == ["a", "A-2", "b", "a-3"]
