"""One line of the machine check (``logistics doctor``) and the helpers its checks share."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from words import word


@dataclass(frozen=True)
class Check:
    """One line of the doctor's list. ``ok`` is None when the check does not apply on this
    OS; ``found`` says what was found and ``fix`` how to fix it ("" when ok), both in the
    requested language."""

    key: str
    ok: bool | None
    found: str
    fix: str


def printable(text: str, limit: int = 200) -> str:
    """``text`` without control characters or direction marks (it may come from a workbook)."""
    kept = "".join(
        " " if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") else ch for ch in text
    )
    return kept if len(kept) <= limit else kept[: limit - 1] + "…"


def with_detail(lang: str, name: str, detail: str) -> str:
    """``name（detail）`` in Chinese, ``name (detail)`` in English."""
    return word(lang, "name_detail", name=name, detail=detail)


def joined(lang: str, parts: list[str]) -> str:
    return (word(lang, "clause_sep")).join(p for p in parts if p)
