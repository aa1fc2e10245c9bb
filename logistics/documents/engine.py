"""The document engine (``reports``) as the product uses it.

The engine stands alone: it knows nothing of workbooks and raises its own ``DocumentError``
(a broken template, an output file that cannot be written). Here its errors become the
product's ``LogisticsError`` (same words in both languages, exit code 2), so every front door
shows them as it shows any other problem with a file; and typed text reaches documents and
file names only through the product's rule, ``terminal_text`` (SPEC §7).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import ParamSpec, TypeVar

from reports.errors import DocumentError
from reports.filenames import safe_filename
from reports.render import TemplateRenderer

from ..core.errors import LogisticsError
from ..core.safe_text import terminal_text

P = ParamSpec("P")
R = TypeVar("R")


class DocumentFailed(LogisticsError):
    """An engine error shown as the product's: ``error`` is the engine's exception, whose
    message (naming the template, the tag and how to fix it) is shown unchanged."""

    def __init__(self, error: DocumentError) -> None:
        self.error = error
        super().__init__()

    def message(self, lang: str = "zh") -> str:
        return self.error.message(lang)


def product_errors(job: Callable[P, R]) -> Callable[P, R]:
    """``job`` with every ``DocumentError`` raised as ``DocumentFailed``."""

    @functools.wraps(job)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return job(*args, **kwargs)
        except DocumentError as exc:
            raise DocumentFailed(exc) from exc

    return run


def template_renderer(template: Path) -> TemplateRenderer:
    """The engine's renderer of ``template``, typed text cleaned by the product's rule."""
    return TemplateRenderer(template, clean=terminal_text)


def file_name(text: str, suffix: str = ".docx") -> str:
    """A safe output file name from document content (``reports.filenames.safe_filename``)."""
    return safe_filename(text, suffix, clean=terminal_text)
