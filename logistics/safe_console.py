"""The terminal's console: rich, with typed text made harmless (no markup, no control or
direction characters). Kept apart from the tables of ``terminal`` so that the command line
can start without loading the domain."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.text import Text

from .core.safe_text import terminal_text


class SafeConsole(Console):
    """A rich Console that never prints a control or direction character from typed text."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("markup", False)
        kwargs.setdefault("emoji", False)
        super().__init__(**kwargs)

    def render_str(self, text: str, **kwargs: Any) -> Text:
        # Every str the console prints passes here: print() arguments, table cells, titles.
        return super().render_str(terminal_text(text), **kwargs)
