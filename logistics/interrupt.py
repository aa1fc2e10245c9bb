"""Ctrl+C ends a command with one line and exit code 130, never a traceback.

The handler raises ``Interrupted``, a BaseException that is not a KeyboardInterrupt, so click
does not turn it into its own "Aborted!" (exit 1); ``finally`` and ``except BaseException``
blocks still run, so a save in progress removes its temp file and leaves the workbook as it
was. This module imports nothing heavy: it is installed before the command line is imported.
"""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NoReturn

from words import both

EXIT_CODE = 130  # 128 + SIGINT, what shells report for a command stopped by Ctrl+C
MESSAGE = "".join(both("interrupted"))


class Interrupted(BaseException):
    """Ctrl+C, raised where the program was when it came."""


_came = False  # Ctrl+C came: remembered, as the exception can be lost (below)


def _raise_interrupted(signum: int, frame: object) -> None:
    global _came
    _came = True
    raise Interrupted


def came() -> bool:
    """Whether Ctrl+C has come. An exception raised by the handler while Python runs a
    callback (an import lock's, a destructor's) is printed as "ignored" and lost, and an
    import it cut short can leave a module half made: ``check`` before the workbook is
    written and ``main`` at the end look here, so that such a Ctrl+C still stops the run."""
    return _came


def check() -> None:
    """Raise ``Interrupted`` if Ctrl+C came, even if its exception was lost."""
    if _came:
        raise Interrupted


def _remember(signum: int, frame: object) -> None:
    global _came
    _came = True


def hold() -> None:
    """Make Ctrl+C only remembered (``came``, ``check``), not raised: for a process that
    waits in code which must not be cut short (a pool worker between workbooks)."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, _remember)


@contextmanager
def held() -> Iterator[None]:
    """Ctrl+C only remembered inside (``hold``), raised as usual again after: for a wait
    that must end, as a pool's shutdown (its workers get the same Ctrl+C and stop)."""
    hold()
    try:
        yield
    finally:
        install()


def install() -> None:
    """Make Ctrl+C raise ``Interrupted`` (only the main thread may set a handler)."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, _raise_interrupted)


def exit_interrupted(message: str = MESSAGE) -> NoReturn:
    """Print the one line (``message``: a command's own) and exit 130; a second Ctrl+C
    meanwhile is ignored."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    sys.stderr.write(message + "\n")
    sys.stderr.flush()
    sys.exit(EXIT_CODE)
