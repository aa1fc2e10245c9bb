"""The ``logistics`` console script: Ctrl+C is handled before the command line is imported.

Importing the command line (pandas, typer, rich …) takes a second or more; a Ctrl+C then
would otherwise print a traceback from deep inside an import.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from . import interrupt

# Commands whose first argument is the one workbook they read (``read_ahead`` in cli.py).
READ_ONE_WORKBOOK = frozenset(
    {"validate", "score", "summary", "rank", "energy", "reception", "assets", "inventory"}
    | {"explain", "report"}
)


def main() -> None:
    """Install the Ctrl+C handler, then import and run the command line."""
    try:
        interrupt.install()
        scan_ahead(sys.argv[1:])
        from .cli import main as run
    except (interrupt.Interrupted, KeyboardInterrupt):
        interrupt.exit_interrupted()
    run()


def scan_ahead(args: Sequence[str]) -> None:
    """Start the package scan of ``logistics COMMAND WORKBOOK …`` now, before the command line
    is imported (~0.07 s sooner than the command could): the command takes it over when it
    reads (``budget_ahead.start`` keeps a child on the same unchanged file). Anything else,
    a folder or an option before the workbook, waits for the command as usual."""
    if len(args) < 2 or args[0] not in READ_ONE_WORKBOOK or args[1].startswith("-"):
        return
    from pathlib import Path

    from .io import budget_ahead

    budget_ahead.start(Path(args[1]))
