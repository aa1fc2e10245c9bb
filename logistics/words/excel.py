"""Words of the excel: key -> (zh, en)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {}
