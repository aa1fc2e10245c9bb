"""No Chinese font: the document job says so and how to install one, instead of silently
drawing boxes (and instead of one raw matplotlib warning per glyph)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from logistics.documents import make_report
from logistics.io.file_book import FileBook
from reports import font_check, fonts
from reports.font_check import missing_font_message, simplified_face

from .conftest import AS_OF


@pytest.fixture
def no_chinese_font(monkeypatch: pytest.MonkeyPatch) -> None:
    """This machine as if it had no Chinese font: matplotlib finds none, fontconfig none."""
    monkeypatch.setattr(fonts, "chart_font", lambda: None)
    monkeypatch.setattr(font_check, "fontconfig_zh_families", lambda *a, **k: [])


def test_year_end_without_a_font_says_so_once(
    no_chinese_font: None, demo_template: Path, tmp_path: Path
) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = make_report(
            FileBook(demo_template), "year-end", year=2025, out_dir=tmp_path, pdf=False, as_of=AS_OF
        )
    assert not result.blocked and len(result.documents) == 1
    assert "未找到中文字体" in result.message and "图表" in result.message
    assert "apt-get install fonts-noto-cjk" in result.message or "自带中文字体" in result.message
    assert result.message.startswith("未转换 PDF")  # the PDF note is kept, the warning added
    glyphs = [w for w in caught if "Glyph" in str(w.message)]
    assert glyphs == []  # the job's message replaces matplotlib's per-glyph warnings


def test_documents_without_charts_need_no_chart_font(
    no_chinese_font: None, demo_template: Path, tmp_path: Path
) -> None:
    result = make_report(
        FileBook(demo_template), "monthly", month="2025-07", out_dir=tmp_path, pdf=False
    )
    assert "字体" not in result.message  # no chart, no PDF: nothing would be drawn as boxes


def test_with_a_font_there_is_no_warning(demo_template: Path, tmp_path: Path) -> None:
    if fonts.chart_font() is None:
        pytest.skip("this machine has no Chinese font for charts")
    result = make_report(
        FileBook(demo_template), "energy", month="2025-07", out_dir=tmp_path, pdf=False
    )
    assert "字体" not in result.message


@pytest.mark.parametrize(
    ("charts", "pdfs", "chart_family", "zh", "platform", "expected"),
    [
        (True, False, None, None, "linux", "图表"),
        (False, True, "Noto Sans CJK SC", [], "linux", "PDF"),
        (True, True, None, [], "linux", "图表、PDF"),
        (True, True, "Noto Sans CJK SC", ["Noto Sans CJK SC"], "linux", None),
        (False, True, None, [], "win32", None),  # Windows: fonts built in, Word makes PDFs
        (True, False, None, None, "win32", "图表"),
        (False, False, None, None, "linux", None),
    ],
)
def test_missing_font_message_cases(
    charts: bool,
    pdfs: bool,
    chart_family: str | None,
    zh: list[str] | None,
    platform: str,
    expected: str | None,
) -> None:
    message = missing_font_message(
        "zh",
        charts=charts,
        pdfs=pdfs,
        chart_family=chart_family,
        zh_families=zh,
        platform=platform,
    )
    if expected is None:
        assert message == ""
        return
    assert f"{expected}中的汉字会显示为方框" in message
    if platform == "linux":
        assert "sudo apt-get install fonts-noto-cjk" in message
    else:
        assert "自带中文字体" in message and "apt-get" not in message


def test_missing_font_message_in_english() -> None:
    message = missing_font_message(
        "en", charts=True, pdfs=True, chart_family=None, zh_families=[], platform="linux"
    )
    assert message.startswith("Note: no Chinese font was found")
    assert "charts and PDFs" in message and "apt-get install fonts-noto-cjk" in message


def test_simplified_face_prefers_simplified_chinese() -> None:
    assert simplified_face(["Noto Sans CJK JP", "Noto Sans CJK SC"]) == "Noto Sans CJK SC"
    assert simplified_face(["文泉驿正黑", "WenQuanYi Zen Hei"]) == "WenQuanYi Zen Hei"
    assert simplified_face(["Some Font SC"]) == "Some Font SC"
    assert simplified_face(["Noto Sans CJK TC", "Noto Sans CJK JP"]) is None
    assert simplified_face([]) is None


def test_fontconfig_lists_this_machines_chinese_faces() -> None:
    families = font_check.fontconfig_zh_families()
    if families is None:
        pytest.skip("no fontconfig here")
    # Every name fc-list reports is a separate family (no comma-joined localized names).
    assert all("," not in name and name == name.strip() for name in families)
