"""The ``logistics`` console script: Ctrl+C is handled before the command line is imported.

Importing the command line (pandas, typer, rich …) takes a second or more; a Ctrl+C then
would otherwise print a traceback from deep inside an import.
"""

from __future__ import annotations

import atexit
import os
import sys
import threading
from collections.abc import Sequence

from . import interrupt

# Commands whose first argument is the one workbook they read (``read_ahead`` in cli.py).
READ_ONE_WORKBOOK = frozenset(
    {"validate", "score", "summary", "rank", "energy", "reception", "assets", "inventory"}
    | {"explain", "report"}
)


def main() -> None:
    """Install the Ctrl+C handler, then import and run the command line; the process ends
    as soon as the command is done (``quick_exit``)."""
    try:
        try:
            interrupt.install()
            scan_ahead(sys.argv[1:])
            from .cli import main as run
        except (interrupt.Interrupted, KeyboardInterrupt):
            interrupt.exit_interrupted()
        run()
    except SystemExit as exc:
        quick_exit(exc.code)
    quick_exit(0)


def quick_exit(code: str | int | None) -> None:
    """Exit with ``code`` as ``sys.exit(code)`` would, without tearing the interpreter down.

    The command is done: its workbook is saved and closed. What remains of a normal exit is
    freeing every object of the workbook read, one by one (~0.1 s at 100k log rows, ~0.2 s
    at 1M), and the modules. The exit handlers still run (the scan child is ended, logging
    flushed) and standard output is flushed (a failed flush exits 120, as Python does).
    While another thread is still running, this returns (``sys.exit`` then waits for it).
    """
    if threading.active_count() > 1:
        sys.exit(code)
    status = 0
    if isinstance(code, int):
        status = code
    elif code is not None:
        print(code, file=sys.stderr)
        status = 1
    try:
        atexit._run_exitfuncs()
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                if stream is not None:
                    stream.flush()
            except (OSError, ValueError):
                status = status or 120
        os._exit(status)


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
