"""The page's word catalogue: both languages for every key, the same placeholders, all used."""

from __future__ import annotations

import re
from pathlib import Path

import logistics.workbench
from logistics.workbench.words import WORDS, word

PACKAGE = Path(logistics.workbench.__file__).parent
STAGES = ("queued", "running", "reading", "rendering", "converting")  # job stages, by name


def test_every_word_has_both_languages_with_the_same_placeholders() -> None:
    for key, (zh, en) in WORDS.items():
        assert zh.strip() and en.strip(), key
        assert set(re.findall(r"{(\w+)}", zh)) == set(re.findall(r"{(\w+)}", en)), key
        assert re.search(r"[\u4e00-\u9fff]", zh) or key in ("switch_lang",), key


def test_every_word_is_used_by_the_pages() -> None:
    source = "".join(
        p.read_text(encoding="utf-8")
        for p in PACKAGE.rglob("*")
        if p.suffix in (".py", ".html") and p.name != "words.py"
    )
    for key in WORDS:
        assert f"'{key}'" in source or f'"{key}"' in source or key in STAGES, key


def test_word_fills_placeholders_in_the_chosen_language() -> None:
    assert word("zh", "rows", n=3) == "3 行"
    assert word("en", "rows", n=3) == "3 rows"
    assert word("fr", "home") == WORDS["home"][0]  # anything but English is Chinese
