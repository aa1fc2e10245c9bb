"""Machine checks for documents: a PDF converter and a Chinese font (``logistics doctor``)."""

from __future__ import annotations

from collections.abc import Sequence

from reports.font_check import builtin_fonts, install_hint, simplified_face

from .checkup import Check, joined, with_detail
from .checkup import say as _t


def check_pdf(
    lang: str,
    platform: str,
    *,
    soffice: str | None,
    soffice_version: str | None,
    word: str | None,
    docx2pdf: bool,
) -> Check:
    """LibreOffice (its version) or Word with docx2pdf (Windows and macOS) for PDFs."""
    found: list[str] = []
    if soffice:
        found.append(with_detail(lang, soffice_version or "LibreOffice", soffice))
    word_usable = platform in ("win32", "darwin") and word is not None and docx2pdf
    if word is not None and platform in ("win32", "darwin"):
        missing = _t(lang, "缺少 docx2pdf", "docx2pdf missing")
        found.append(with_detail(lang, "Microsoft Word", word if docx2pdf else missing))
    text = joined(lang, found)
    if soffice or word_usable:
        return Check("pdf", True, text, "")
    if platform not in ("win32", "darwin"):
        fix = _t(
            lang,
            "安装 LibreOffice：sudo apt-get install libreoffice-writer（没有它只生成 .docx）",
            "Install LibreOffice: sudo apt-get install libreoffice-writer (without it only the "
            ".docx files are written)",
        )
    else:
        fix = _t(
            lang,
            "安装 LibreOffice（https://www.libreoffice.org/download/）；"
            "或有 Word 时运行 pip install docx2pdf。没有它们只生成 .docx。",
            "Install LibreOffice (https://www.libreoffice.org/download/), or with Word: "
            "pip install docx2pdf. Without them only the .docx files are written.",
        )
    return Check("pdf", False, text or _t(lang, "未找到", "none found"), fix)


def check_font(
    lang: str, platform: str, *, chart_family: str | None, zh_families: Sequence[str] | None
) -> Check:
    """A Simplified Chinese face for charts (matplotlib) and, off Windows and macOS, for
    LibreOffice's PDFs (fontconfig)."""
    pdf_face = None if zh_families is None else simplified_face(zh_families)
    builtin = builtin_fonts(platform)
    parts = []
    if chart_family:
        parts.append(_t(lang, f"图表：{chart_family}", f"charts: {chart_family}"))
    if not builtin:
        if pdf_face:
            parts.append(_t(lang, f"PDF：{pdf_face}", f"PDFs: {pdf_face}"))
        elif zh_families:
            shown = ", ".join(zh_families[:3])
            parts.append(
                _t(lang, f"PDF：只有非简体字形（{shown}）", f"PDFs: no Simplified face ({shown})")
            )
    ok = chart_family is not None and (builtin or pdf_face is not None)
    found = ("；" if lang == "zh" else "; ").join(parts) or _t(lang, "未找到", "none found")
    return Check("font", ok, found, "" if ok else install_hint(lang, platform))
