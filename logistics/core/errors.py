"""Exceptions for what is broken (not for bad rows: those are validation problems).

Each subclass carries its message in both languages; the edge (CLI, Excel macro) picks the
workbook's language once and shows the message. Messages say what, where and how to fix it.
"""

from __future__ import annotations

from typing import ClassVar


class LogisticsError(Exception):
    """Base class: a problem the user can fix, with a bilingual message and an exit code."""

    zh: ClassVar[str] = "{detail}"
    en: ClassVar[str] = "{detail}"
    exit_code: ClassVar[int] = 2

    def __init__(self, **params: object) -> None:
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "zh") -> str:
        return (self.zh if lang == "zh" else self.en).format(**self.params)


class UsageError(LogisticsError):
    """A command-line argument or Home-sheet value is not usable (``detail`` says which)."""

    zh = "{detail_zh}"
    en = "{detail_en}"
