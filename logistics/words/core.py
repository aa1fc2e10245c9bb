"""Words of the core's messages (look-ups, settings, assets, receptions…): key -> (zh, en)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {}
