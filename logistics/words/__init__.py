"""The product's words: every message and label outside the sheet schema, in Chinese and English.

Sheet, column and button names live in the schema (``logistics.core.schema``); everything else
the product says — in a terminal, an Excel alert, a document, the doctor's table, the workbench
or a validation problem — is an entry here, found by a key::

    word("zh", "errors_warnings", errors=2, warnings=0)  # "错误 2 条，警告 0 条。"

Entries live in one module per area (``terminal``, ``problems``, ``documents`` …), each a
``dict[str, tuple[str, str]]`` of key -> (zh, en), merged into ``WORDS`` at import; a key in two
areas is an error at import. ``{name}`` placeholders are filled with ``str.format``. This package
stands below every layer of the product (the core uses it) and imports nothing of it.
"""

from __future__ import annotations

from typing import Literal, TypeVar

from . import (
    doctor,
    documents,
    excel,
    io,
    problems,
    terminal,
    workbench,
)

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")

_AREAS = (terminal, problems, io, documents, doctor, workbench, excel)


def _merge() -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for area in _AREAS:
        for key, entry in area.WORDS.items():
            if key in merged:
                raise ValueError(f"word {key!r} of {area.__name__} is already defined")
            merged[key] = entry
    return merged


WORDS: dict[str, tuple[str, str]] = _merge()

_T = TypeVar("_T")


def lang_of(value: object) -> Lang:
    """``"en"`` for English, else ``"zh"``: Chinese is the default language (SPEC §3)."""
    return "en" if value == "en" else "zh"


def is_en(lang: object) -> bool:
    """Whether ``lang`` is English (anything else reads as Chinese, the default)."""
    return lang == "en"


def word(lang: str, key: str, **fields: object) -> str:
    """The entry ``key`` in ``lang`` (zh unless "en"), its ``{placeholders}`` filled by ``fields``.

    Raises ``KeyError`` for an unknown key (tests/test_words.py finds every literal key used).
    """
    zh, en = WORDS[key]
    text = en if lang == "en" else zh
    return text.format(**fields) if fields else text


def pick(lang: str, zh: _T, en: _T) -> _T:
    """``zh`` or ``en`` by language, for values that are not words (a schema label, a list of
    choices already translated): words themselves are entries, found with ``word``."""
    return en if lang == "en" else zh


def both(key: str, **fields: object) -> tuple[str, str]:
    """The entry ``key`` in both languages, filled: (zh, en)."""
    return word("zh", key, **fields), word("en", key, **fields)
