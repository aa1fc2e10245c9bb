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

from collections.abc import Iterable
from typing import ClassVar, Literal, NamedTuple, TypeVar

from . import (
    common,
    core,
    doctor,
    documents,
    excel,
    folders,
    help_pages,
    io,
    problems,
    terminal,
    workbench,
)

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")

_AREAS = (
    common,
    core,
    terminal,
    problems,
    io,
    documents,
    doctor,
    workbench,
    excel,
    folders,
    help_pages,
)


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


class Both(NamedTuple):
    """A field whose text depends on the language (a list joined with 、 or with commas)."""

    zh: str
    en: str


def word(lang: str, key: str, /, **fields: object) -> str:
    """The entry ``key`` in ``lang`` (zh unless "en"), its ``{placeholders}`` filled by ``fields``.

    A field given as ``Both(zh, en)`` is filled with the value of the language. Raises
    ``KeyError`` for an unknown key (tests/test_words.py finds every literal key used).
    """
    zh, en = WORDS[key]
    if lang == "en":
        text = en
        filled = {k: v.en if isinstance(v, Both) else v for k, v in fields.items()}
    else:
        text = zh
        filled = {k: v.zh if isinstance(v, Both) else v for k, v in fields.items()}
    return text.format(**filled) if fields else text


def listed(items: Iterable[object]) -> Both:
    """``items`` as one field: joined with 、 in Chinese and with commas in English."""
    texts = [str(x) for x in items]
    return Both(word("zh", "list_sep").join(texts), word("en", "list_sep").join(texts))


def pick(lang: str, zh: _T, en: _T) -> _T:
    """``zh`` or ``en`` by language, for values that are not words (a schema label, a list of
    choices already translated): words themselves are entries, found with ``word``."""
    return en if lang == "en" else zh


def both(key: str, /, **fields: object) -> Both:
    """The entry ``key`` in both languages, filled: ``Both(zh, en)``, itself a field ``word``
    resolves by language (an error's reason, chosen before the language is known)."""
    return Both(word("zh", key, **fields), word("en", key, **fields))


class SaidError(Exception):
    """An error whose message is the entry ``said``, filled with the keyword ``params``, in
    the language the caller asks for (it is not known where the error is raised).
    ``exit_code`` 2: a problem with a file or an argument the user can fix. The product's
    errors (``LogisticsError``) and the document engine's (``DocumentError``) both are."""

    said: ClassVar[str]  # each kind of error names its entry
    exit_code: ClassVar[int] = 2

    def __init__(self, **params: object) -> None:
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "zh") -> str:
        """The message in ``lang`` ("en", else Chinese)."""
        return word(lang, self.said, **self.params)
