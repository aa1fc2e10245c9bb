"""Exceptions for what is broken (not for bad rows: those are validation problems).

Each subclass names its message in the catalogue of words (``said``, a key of
``words``); the edge (CLI, Excel macro, workbench) picks the workbook's language once
and shows the message. Messages say what, where and how to fix it.
"""

from __future__ import annotations

from typing import ClassVar

from words import SaidError, pick, word


class LogisticsError(SaidError):
    """Base class: a problem the user can fix, with a bilingual message and an exit code.

    ``params`` fill the placeholders of the entry ``said``.
    """

    said: ClassVar[str] = "error_detail"  # {detail}: a text the raiser words itself


class UsageError(LogisticsError):
    """A command-line argument or Home-sheet value is not usable.

    ``said`` (a key of the catalogue) and its fields say which. ``detail_zh``/``detail_en``,
    two finished texts, are still taken from callers not yet moved to the catalogue.
    """

    def message(self, lang: str = "zh") -> str:
        said = self.params.get("said")
        if isinstance(said, str):
            return word(lang, said, **self.params)
        return str(pick(lang, self.params.get("detail_zh"), self.params.get("detail_en")))
