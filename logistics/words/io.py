"""Words of the io: key -> (zh, en)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {}
