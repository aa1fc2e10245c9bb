"""The terminal's console: rich, with typed text made harmless (no markup, no control or
direction characters). Kept apart from the tables of ``terminal`` so that the command line
can start without loading the domain."""

from __future__ import annotations

import os
import sys
from typing import Any

from rich.console import Console
from rich.table import Table
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

    def print(self, *objects: Any, **kwargs: Any) -> None:
        """Print; a table's cells wrap rather than end in "…" (a message, the allowed values
        of a column, a path: the clerk needs all of it, at any terminal width)."""
        for table in objects:
            if isinstance(table, Table):
                fold(table)
        super().print(*objects, **kwargs)

    def on_broken_pipe(self) -> None:
        """The reader stopped reading (``logistics … | head -1``): end quietly with 141, as
        a Unix tool ended by SIGPIPE does (128 + 13), not with 1, which here means
        validation errors. The job's work on the workbook was done before printing."""
        self.quiet = True
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, (sys.stderr if self.stderr else sys.stdout).fileno())
        raise SystemExit(BROKEN_PIPE_EXIT)


BROKEN_PIPE_EXIT = 141


def fold(table: Table) -> Table:
    """``table`` with every column that would cut its text with "…" folding it instead."""
    for column in table.columns:
        if column.overflow == "ellipsis":
            column.overflow = "fold"
    return table
