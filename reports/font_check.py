"""Is there a Chinese font for charts and PDFs, and what to tell a clerk when there is not.

Without one, matplotlib draws every Chinese character of a chart as a box (and warns per
glyph), and LibreOffice does the same in PDFs. Documents say so in their job message instead
(:func:`missing_font_message`); ``logistics doctor`` shows the faces found.

- charts: :func:`reports.fonts.chart_font` (matplotlib's font manager);
- PDFs on Linux: fontconfig, ``fc-list :lang=zh family`` (LibreOffice finds fonts through it);
  Windows and macOS ship Chinese fonts, and Word renders the PDFs there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterable

from words import pick, word

from . import fonts
from .fonts import PREFERRED_FAMILIES

FC_LIST_TIMEOUT = 30  # seconds; fc-list answers in milliseconds once its cache is built
# Simplified Chinese faces by preference; a name ending in these marks a Simplified face.
SIMPLIFIED_FACES = (
    *PREFERRED_FAMILIES,
    "Noto Serif CJK SC",
    "Source Han Sans SC",
    "Source Han Serif SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "AR PL UMing CN",
)
SIMPLIFIED_SUFFIXES = (" SC", " CN", " GB")
INSTALL_LINUX = "sudo apt-get install fonts-noto-cjk"


def builtin_fonts(platform: str = sys.platform) -> bool:
    """Windows and macOS come with Simplified Chinese fonts (微软雅黑, 苹方)."""
    return platform in ("win32", "darwin")


def fontconfig_zh_families(timeout: float = FC_LIST_TIMEOUT) -> list[str] | None:
    """Family names fontconfig knows for Chinese (``fc-list :lang=zh family``), or None when
    there is no fontconfig (Windows, most macOS) or it fails."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    try:
        run = subprocess.run(
            [os.path.abspath(fc_list), ":lang=zh", "family"],  # fixed arguments
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if run.returncode != 0:
        return None
    names: list[str] = []
    for line in run.stdout.splitlines():
        for name in line.split(","):  # a face may list localized names: 文泉驿正黑,WenQuanYi…
            name = name.strip()
            if name and name not in names:
                names.append(name)
    return names


def simplified_face(families: Iterable[str]) -> str | None:
    """The Simplified Chinese face to name among ``families``: a preferred one, else one whose
    name marks it Simplified (``… SC``), else None (Traditional or Japanese only is no help)."""
    found = list(families)
    for name in SIMPLIFIED_FACES:
        if name in found:
            return name
    return next((n for n in found if n.endswith(SIMPLIFIED_SUFFIXES)), None)


def install_hint(lang: str, platform: str = sys.platform) -> str:
    """How to get a Chinese font on this kind of machine."""
    if builtin_fonts(platform):
        return word(lang, "windows_macos_come_chinese")
    return word(lang, "install_chinese_font_other", INSTALL_LINUX=INSTALL_LINUX)


def missing_font_message(
    lang: str,
    *,
    charts: bool,
    pdfs: bool,
    chart_family: str | None,
    zh_families: list[str] | None,
    platform: str = sys.platform,
) -> str:
    """The job's warning when Chinese text would print as boxes, else "".

    ``charts``: the documents hold charts; ``pdfs``: LibreOffice made PDFs of them.
    ``chart_family`` is :func:`reports.fonts.chart_font`; ``zh_families`` is
    :func:`fontconfig_zh_families` (only consulted off Windows and macOS).
    """
    chart_boxes = charts and chart_family is None
    pdf_boxes = pdfs and not builtin_fonts(platform) and not zh_families
    if not (chart_boxes or pdf_boxes):
        return ""
    places = [
        w for w, on in (("font_where_charts", chart_boxes), ("font_where_pdfs", pdf_boxes)) if on
    ]
    where = word(lang, "font_where_sep").join(word(lang, key) for key in places)
    said = word(lang, "no_chinese_font", where=where)
    return pick(lang, "", " ").join((said, install_hint(lang, platform)))


def font_warning(lang: str, *, charts: bool, pdfs: bool) -> str:
    """:func:`missing_font_message` with this machine's fonts (fontconfig only asked when
    PDFs came from LibreOffice off Windows and macOS)."""
    chart_family = fonts.chart_font() if charts else "-"
    zh = fontconfig_zh_families() if pdfs and not builtin_fonts() else None
    return missing_font_message(
        lang, charts=charts, pdfs=pdfs, chart_family=chart_family, zh_families=zh
    )
