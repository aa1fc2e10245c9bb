"""The ``logistics`` console script: Ctrl+C is handled before the command line is imported.

Importing the command line (pandas, typer, rich …) takes a second or more; a Ctrl+C then
would otherwise print a traceback from deep inside an import.
"""

from __future__ import annotations

from . import interrupt


def main() -> None:
    """Install the Ctrl+C handler, then import and run the command line."""
    try:
        interrupt.install()
        from .cli import main as run
    except (interrupt.Interrupted, KeyboardInterrupt):
        interrupt.exit_interrupted()
    run()
