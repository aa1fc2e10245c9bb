"""Machine checks for documents: a PDF converter and a Chinese font (``logistics doctor``)."""

from __future__ import annotations

from collections.abc import Sequence

import words
from reports.font_check import builtin_fonts, install_hint, simplified_face

from .checkup import Check, joined, with_detail


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
        missing = words.word(lang, "docx_pdf_missing")
        found.append(with_detail(lang, "Microsoft Word", word if docx2pdf else missing))
    text = joined(lang, found)
    if soffice or word_usable:
        return Check("pdf", True, text, "")
    if platform not in ("win32", "darwin"):
        fix = words.word(lang, "install_libreoffice_sudo_apt")
    else:
        fix = words.word(lang, "install_libreoffice_https_www")
    return Check("pdf", False, text or words.word(lang, "none_found"), fix)


def check_font(
    lang: str, platform: str, *, chart_family: str | None, zh_families: Sequence[str] | None
) -> Check:
    """A Simplified Chinese face for charts (matplotlib) and, off Windows and macOS, for
    LibreOffice's PDFs (fontconfig)."""
    pdf_face = None if zh_families is None else simplified_face(zh_families)
    builtin = builtin_fonts(platform)
    parts = []
    if chart_family:
        parts.append(words.word(lang, "charts_font", chart_family=chart_family))
    if not builtin:
        if pdf_face:
            parts.append(words.word(lang, "pdfs", pdf_face=pdf_face))
        elif zh_families:
            shown = ", ".join(zh_families[:3])
            parts.append(words.word(lang, "pdfs_no_simplified_face", shown=shown))
    ok = chart_family is not None and (builtin or pdf_face is not None)
    found = (words.word(lang, "clause_sep")).join(parts) or words.word(lang, "none_found")
    return Check("font", ok, found, "" if ok else install_hint(lang, platform))
