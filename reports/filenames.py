"""Output file names from document content, safe on Windows, macOS and Linux.

Names carry Chinese (``示例实验小学-2025年终考核报告.docx``); what Windows forbids is removed:
``<>:"/\\|?*``, control characters, trailing dots and spaces, and device names such as CON.
Escape sequences and invisible direction marks (a U+202E before ``xcod.exe`` makes the name
look like a .docx) are dropped by the caller's ``clean`` (the product's rule for typed text),
and no name starts with "-", so a name can never read as a program's option (SPEC §7).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"} | {
    f"{d}{i}" for d in ("COM", "LPT") for i in (*range(10), "¹", "²", "³")
}
MAX_STEM = 120  # characters; leaves room for the folder in Windows' 260-character paths


def safe_stem(text: str, fallback: str = "document", *, clean: Callable[[str], str]) -> str:
    """``text`` made usable as a file name without extension, after ``clean`` (the product's
    rule for typed text: for logistics, ``terminal_text``, which drops escape sequences and
    control, format and direction characters)."""
    stem = clean(unicodedata.normalize("NFC", text))
    stem = re.sub(r"\s+", " ", stem).strip()  # tabs and line breaks become spaces
    stem = _FORBIDDEN.sub("_", stem)
    stem = stem[:MAX_STEM].rstrip(". ")
    # No hidden files, no empty names, nothing a program could take for an option: dashes
    # of every kind (U+2010 HYPHEN, the minus sign, …) look like "-" to a reader as well.
    stem = stem.lstrip(". -\u2010\u2011\u2012\u2013\u2014\u2212\ufe63\uff0d") or fallback
    if stem.split(".")[0].strip().upper() in _RESERVED:
        stem = "_" + stem
    return stem


def safe_filename(text: str, suffix: str = ".docx", *, clean: Callable[[str], str]) -> str:
    """:func:`safe_stem` of ``text`` plus ``suffix``."""
    return safe_stem(text, clean=clean) + suffix


def unique_names(stems: list[str]) -> list[str]:
    """The stems with ``-2``, ``-3`` … added to repeats (Windows ignores case)."""
    seen: dict[str, int] = {}
    out = []
    for stem in stems:
        key = stem.casefold()
        seen[key] = seen.get(key, 0) + 1
        out.append(stem if seen[key] == 1 else f"{stem}-{seen[key]}")
    return out
