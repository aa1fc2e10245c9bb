"""Output file names from document content, safe on Windows, macOS and Linux.

Names carry Chinese (``示例实验小学-2025年终考核报告.docx``); what Windows forbids is removed:
``<>:"/\\|?*``, control characters, trailing dots and spaces, and device names such as CON.
"""

from __future__ import annotations

import re
import unicodedata

_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {f"{d}{i}" for d in ("COM", "LPT") for i in range(10)}
MAX_STEM = 120  # characters; leaves room for the folder in Windows' 260-character paths


def safe_stem(text: str, fallback: str = "document") -> str:
    """``text`` made usable as a file name without extension."""
    stem = unicodedata.normalize("NFC", text)
    stem = re.sub(r"\s+", " ", stem).strip()  # tabs and line breaks become spaces
    stem = _FORBIDDEN.sub("_", stem)
    stem = stem[:MAX_STEM].rstrip(". ")
    stem = stem.lstrip(". ") or fallback  # no hidden files, no empty names
    if stem.split(".")[0].strip().upper() in _RESERVED:
        stem = "_" + stem
    return stem


def safe_filename(text: str, suffix: str = ".docx") -> str:
    return safe_stem(text) + suffix


def unique_names(stems: list[str]) -> list[str]:
    """The stems with ``-2``, ``-3`` … added to repeats (Windows ignores case)."""
    seen: dict[str, int] = {}
    out = []
    for stem in stems:
        key = stem.casefold()
        seen[key] = seen.get(key, 0) + 1
        out.append(stem if seen[key] == 1 else f"{stem}-{seen[key]}")
    return out
