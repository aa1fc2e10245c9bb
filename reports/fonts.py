"""Chinese fonts for charts (matplotlib) and for PDF conversion (LibreOffice via fontconfig).

Word documents name the Windows fonts 宋体 and 微软雅黑. On Linux neither exists, and
LibreOffice would fall back to whatever covers the characters (often Japanese letterforms).
``FONTCONFIG_XML`` maps those names to Noto Serif/Sans CJK SC (package fonts-noto-cjk); the
converter points ``FONTCONFIG_FILE`` at a copy of it. Windows and macOS have the fonts.
"""

from __future__ import annotations

import functools
from pathlib import Path

FONTCONFIG_XML = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<!-- school-logistics: the Chinese font names of Word documents, mapped to Noto CJK SC -->
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
{aliases}
</fontconfig>
"""
SERIF_NAMES = ("宋体", "SimSun", "新宋体", "NSimSun", "仿宋", "FangSong", "楷体", "KaiTi")
SANS_NAMES = ("黑体", "SimHei", "微软雅黑", "Microsoft YaHei", "等线", "DengXian")
_ALIAS = (
    '  <alias binding="same"><family>{name}</family>'
    "<prefer><family>{target}</family></prefer></alias>"
)

# Files that hold a Simplified Chinese sans face, most preferred first (Linux, Windows, macOS).
CJK_SANS_FILES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc",
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simhei.ttf",
    "/System/Library/Fonts/PingFang.ttc",
    "/System/Library/Fonts/STHeiti Medium.ttc",
)
PREFERRED_FAMILIES = ("Noto Sans CJK SC", "Microsoft YaHei", "SimHei", "PingFang SC", "Heiti SC")


# Word's Latin fonts: the metric-compatible Liberation fonts when installed, else the Latin
# letters of Noto CJK (the usual fallback, DejaVu, is so wide that IDs wrap in table cells).
LATIN = {
    "Times New Roman": "<family>Liberation Serif</family><family>Noto Serif CJK SC</family>",
    "Arial": "<family>Liberation Sans</family><family>Noto Sans CJK SC</family>",
}


def fontconfig_xml() -> str:
    aliases = [_ALIAS.format(name=n, target="Noto Serif CJK SC") for n in SERIF_NAMES]
    aliases += [_ALIAS.format(name=n, target="Noto Sans CJK SC") for n in SANS_NAMES]
    aliases += [
        f'  <alias binding="same"><family>{name}</family><prefer>{targets}</prefer></alias>'
        for name, targets in LATIN.items()
    ]
    return FONTCONFIG_XML.format(aliases="\n".join(aliases))


def write_fontconfig(folder: Path) -> Path:
    """Write the fontconfig file into ``folder``; return its path (for ``FONTCONFIG_FILE``)."""
    path = folder / "fonts-zh.conf"
    path.write_text(fontconfig_xml(), encoding="utf-8")
    return path


@functools.cache
def chart_font() -> str | None:
    """The family name of a Simplified Chinese sans font registered with matplotlib, or None."""
    from matplotlib import font_manager

    for candidate in CJK_SANS_FILES:
        path = Path(candidate)
        if path.is_file():
            font_manager.fontManager.addfont(str(path))  # a .ttc registers every face
    names = {f.name for f in font_manager.fontManager.ttflist}
    return next((n for n in PREFERRED_FAMILIES if n in names), None)
