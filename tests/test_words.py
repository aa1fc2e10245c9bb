"""The catalogue of words (words/) is complete, consistent and the only place words live.

Each check scans the code itself (its AST), so a new message written inline, a key used but never
defined or an English entry that drops a placeholder fails here rather than in front of a user.
"""

from __future__ import annotations

import ast
import re
import string
import sys
from pathlib import Path

import pytest

import words
from logistics.core.problems import SEVERITIES
from words import LANGS, WORDS, both, lang_of, pick, word

ROOT = Path(__file__).resolve().parents[1]
PRODUCT = ("logistics", "reports", "udfs", "macros", "words")
# Where words may be written: the catalogue, the sheet schema (sheet, column and button names,
# the labels other tools fill workbooks by, SPEC §3), the Settings sheet's keys, defaults and
# notes (the table of SPEC §3.1: part of that schema) and the demo school's data.
WORD_HOMES = (
    "words/",
    "logistics/core/schema.py",
    "logistics/core/settings.py",
    "logistics/demo_data/",
)
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")

# Modules whose Chinese literals have not moved into the catalogue yet: this list only shrinks.
NOT_YET_MOVED: set[str] = set()

# CJK constants that are not words, each named by (module, constant text) and why.
NOT_WORDS: set[tuple[str, str]] = {
    # a full-width comma in the first line of a text file tells it is a CSV typed in Chinese
    ("logistics/io/package.py", "，"),
    # what a clerk types: a full-width thousands separator, 是/否 (SPEC §3), dates and months
    # written with 年/月/日
    ("logistics/core/parsing.py", "，"),
    ("logistics/core/parsing.py", "是"),
    ("logistics/core/parsing.py", "否"),
    (
        "logistics/core/parsing.py",
        "^(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?$",
    ),
    ("logistics/core/periods.py", "^\\s*(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*月?\\s*$"),
    # punctuation a clerk types in Chinese: where a list of duties splits, the dashes a file
    # name may hold, the full-width braces a template field may be mistyped with
    ("logistics/documents/contract.py", "[；;。\\n]+"),
    ("logistics/documents/contract.py", " ，,、\t"),
    ("reports/filenames.py", ". -‐‑‒–—−﹣－"),
    ("reports/render.py", "｛[｛{%％#]|\\{[｛％]|[}%％#｝]｝|[％｝]\\}"),
    # font family names as Word and fontconfig know them (the Chinese name and the English)
    ("reports/fonts.py", "宋体"),
    ("reports/fonts.py", "新宋体"),
    ("reports/fonts.py", "仿宋"),
    ("reports/fonts.py", "楷体"),
    ("reports/fonts.py", "黑体"),
    ("reports/fonts.py", "微软雅黑"),
    ("reports/fonts.py", "等线"),
    ("logistics/core/pay_pools.py", "^\\s*(\\d{4})\\s*年?\\s*$"),
    # where a help line may break: Chinese characters with the punctuation that stays with them
    (
        "logistics/cli_help.py",
        r"\s+|[(（“《「]*[\u2e80-\uffef][，。、；：）》」』”！？).,;:]*"
        r"|[^\s\u2e80-\uffef]+[，。、；：）》」』”！？]*",
    ),
}


def product_modules() -> list[Path]:
    return sorted(p for top in PRODUCT for p in (ROOT / top).rglob("*.py"))


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def docstring_nodes(tree: ast.AST) -> set[int]:
    """Docstrings document the code for its readers; they are not words the product says."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_entry_has_a_chinese_and_an_english_text() -> None:
    empty = [key for key, (zh, en) in WORDS.items() if not zh.strip() or not en.strip()]
    assert empty == []


def test_both_languages_of_an_entry_have_the_same_placeholders() -> None:
    # ``{s}`` is English's plural ending ("file{s}"); Chinese has none.
    differ = {
        key: (placeholders(zh), placeholders(en))
        for key, (zh, en) in WORDS.items()
        if placeholders(zh) != placeholders(en) - {"s"}
    }
    assert differ == {}


# Entries that are not Chinese text: a language tag, the words naming the other language, and
# the message of an error that brings its own (already in the user's words), and "PDF". and "PDF".
NOT_CHINESE = {"switch_lang", "html_lang", "other_lang", "error_detail", "font_where_pdfs"}


def test_chinese_entries_are_chinese_and_english_entries_are_not() -> None:
    assert [k for k, (zh, _) in WORDS.items() if not CJK.search(zh) and k not in NOT_CHINESE] == []
    english = [k for k, (_, en) in WORDS.items() if CJK.search(en)]
    assert [k for k in english if k not in NOT_CHINESE | QUOTE_CHINESE] == []


# English texts that quote a Chinese label on purpose: the command line's help and option errors
# and the worksheet functions' help are English (typer's, Excel's), and name the label a user of
# a Chinese workbook sees.
QUOTE_CHINESE = {
    "help_app_summary",
    "help_cmd_score",
    "help_cmd_summary",
    "help_cmd_rank",
    "help_cmd_energy",
    "help_cmd_reception",
    "help_cmd_assets",
    "help_cmd_inventory",
    "help_cmd_report",
    "help_cmd_app",
    "help_cmd_launcher",
    "help_cmd_export",
    "help_param_as_of",
    "help_param_year",
    "help_param_staff",
    "help_param_reception",
    "help_param_templates",
    "help_param_inventory_year",
    "bad_month_option",
    "bad_quarter_option",
    "bad_date_option",
    "bad_year_option",
    "month_or_all",
    "udf_not_a_date",
    "udf_calendar_doc",
    "udf_energy_doc",
    "udf_meter_doc",
}


# Keys built from a name at run time (a job's stage: ``word(lang, stage)``).
BUILT_KEYS = {"queued", "running", "reading", "rendering", "converting"}


def test_every_entry_is_used() -> None:
    source = "".join(
        p.read_text(encoding="utf-8")
        for top in PRODUCT
        for p in (ROOT / top).rglob("*")
        if p.suffix in (".py", ".html") and "words" not in p.relative_to(ROOT).parts[:2]
    )
    unused = [
        key
        for key in WORDS
        if f"'{key}'" not in source
        and f'"{key}"' not in source
        and key not in BUILT_KEYS
        and not key.startswith("problem_")  # Problem.message: f"problem_{code}"
    ]
    assert unused == []


def test_every_problem_code_has_a_message_and_every_message_a_code() -> None:
    messages = {key.removeprefix("problem_") for key in WORDS if key.startswith("problem_")}
    assert messages == set(SEVERITIES)


def test_a_key_defined_in_two_areas_is_refused_at_import(monkeypatch: pytest.MonkeyPatch) -> None:
    key = next(iter(words.terminal.WORDS), None) or next(iter(words.workbench.WORDS))
    area = words.problems if key not in words.problems.WORDS else words.io
    monkeypatch.setitem(area.WORDS, key, ("重复", "twice"))
    with pytest.raises(ValueError, match=key):
        words._merge()


def test_word_fills_placeholders_in_the_language_asked() -> None:
    zh, en = WORDS["folder"]
    assert word("zh", "folder", folder="D:/学校") == zh.replace("{folder}", "D:/学校")
    assert word("en", "folder", folder="D:/x") == en.replace("{folder}", "D:/x")
    assert both("folder", folder="F") == (
        word("zh", "folder", folder="F"),
        word("en", "folder", folder="F"),
    )
    # Chinese is the default language (SPEC §3): anything but "en" reads as Chinese.
    assert word("", "folder", folder="F") == word("zh", "folder", folder="F")
    assert [lang_of(v) for v in ("en", "zh", None, "EN")] == ["en", "zh", "zh", "zh"]
    assert (pick("zh", 1, 2), pick("en", 1, 2)) == (1, 2)
    assert LANGS == ("zh", "en")


def keys_used(tree: ast.AST) -> list[tuple[int, str]]:
    """Literal keys of ``word(lang, "key", …)`` and ``both("key", …)`` calls."""
    used = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        position = {"word": 1, "both": 0}.get(name or "")
        if position is None or len(node.args) <= position:
            continue
        arg = node.args[position]
        # a literal key, or one of two: word(lang, "a" if x else "b")
        for choice in (arg.body, arg.orelse) if isinstance(arg, ast.IfExp) else (arg,):
            if isinstance(choice, ast.Constant) and isinstance(choice.value, str):
                used.append((node.lineno, choice.value))
    return used


TEMPLATE_KEY = re.compile(r"""\bw\(\s*['"]([^'"]+)['"]""")


def test_every_key_used_in_the_code_is_defined() -> None:
    unknown = []
    for path in product_modules():
        for line, key in keys_used(ast.parse(path.read_text(encoding="utf-8"))):
            if key not in WORDS:
                unknown.append((rel(path), line, key))
    for page in sorted((ROOT / "logistics" / "workbench" / "templates").glob("*.html")):
        for key in TEMPLATE_KEY.findall(page.read_text(encoding="utf-8")):
            if key not in WORDS:
                unknown.append((rel(page), 0, key))
    assert unknown == []
    assert len(WORDS) > 100  # the scan would pass on nothing: make sure it saw the catalogue


def calls_with_fields(tree: ast.AST) -> list[tuple[int, str, set[str]]]:
    """``word(lang, "key", a=…)``, ``both("key", a=…)`` and ``SomeError(said="key", a=…)``
    calls with a literal key and no ``**fields``: (line, key, the fields given)."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or any(k.arg is None for k in node.keywords):
            continue
        given = {k.arg for k in node.keywords if k.arg}
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        position = {"word": 1, "both": 0}.get(name or "")
        said = next((k.value for k in node.keywords if k.arg == "said"), None)
        key = node.args[position] if position is not None and len(node.args) > position else said
        if isinstance(key, ast.Constant) and isinstance(key.value, str):
            found.append((node.lineno, key.value, given - {"said"}))
    return found


def test_every_call_gives_the_fields_its_entry_needs() -> None:
    missing = []
    for path in product_modules():
        for line, key, given in calls_with_fields(ast.parse(path.read_text(encoding="utf-8"))):
            if key in WORDS:
                needed = set().union(*(placeholders(text) for text in WORDS[key]))
                if needed - given:
                    missing.append((rel(path), line, key, sorted(needed - given)))
    assert missing == []


def is_lang_test(node: ast.AST) -> bool:
    """``lang == "zh"``, ``"en" != x`` and the like: a language chosen inline, not by ``word``."""
    if not isinstance(node, ast.Compare):
        return False
    sides = [node.left, *node.comparators]
    return any(isinstance(s, ast.Constant) and s.value in LANGS for s in sides)


def inline_words(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = docstring_nodes(tree)
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and CJK.search(node.value)
            and id(node) not in docs
            and (rel(path), node.value) not in NOT_WORDS
        ):
            found.append((node.lineno, node.value))
        elif is_lang_test(node):
            found.append((getattr(node, "lineno", 0), ast.unparse(node)))
    return found


def test_words_live_only_in_the_catalogue() -> None:
    inline = {}
    for path in product_modules():
        name = rel(path)
        if name.startswith(WORD_HOMES) or name in NOT_YET_MOVED:
            continue
        if found := inline_words(path):
            inline[name] = found
    for page in sorted((ROOT / "logistics" / "workbench" / "templates").glob("*.html")):
        text = page.read_text(encoding="utf-8")
        if CJK.search(text) or re.search(r"lang\s*[!=]=", text):
            inline[rel(page)] = [(0, "a word or a language test in the page")]
    assert inline == {}


def test_modules_not_yet_moved_still_hold_words() -> None:
    """The list of modules still to move only shrinks: one that is clean leaves it."""
    clean = sorted(name for name in NOT_YET_MOVED if not inline_words(ROOT / name))
    assert clean == []


def test_the_catalogue_imports_nothing_of_the_product() -> None:
    """It stands below the core (core/errors.py takes its messages from it) and loads fast."""
    for path in (ROOT / "words").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 0:
                assert (node.module or "").split(".")[0] in sys.stdlib_module_names, path
            elif isinstance(node, ast.Import):
                assert all(a.name.split(".")[0] in sys.stdlib_module_names for a in node.names)
