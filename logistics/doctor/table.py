"""``logistics doctor`` in a terminal: the checks as a rich table and a closing line.

Cells are ``Text`` objects, never markup: a path read from a workbook could hold ``[bold]``.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table
from rich.text import Text

from . import REQUIRED, purpose, title
from .checkup import Check, printable
from .checkup import say as _t


def status(check: Check, lang: str) -> tuple[str, str]:
    """The status word and its colour; words and signs, so colour is never the only cue."""
    if check.ok is None:
        return _t(lang, "— 不适用", "— n/a"), "dim"
    if check.ok:
        return _t(lang, "✓ 正常", "✓ OK"), "green"
    if check.key == "workbook":
        return _t(lang, "✗ 无法读取", "✗ Unreadable"), "bold red"
    if check.key in REQUIRED:
        return _t(lang, "✗ 缺少", "✗ Missing"), "bold red"
    return _t(lang, "! 建议处理", "! Optional"), "yellow"


def doctor_table(checks: Sequence[Check], lang: str) -> Table:
    """One row per check: what it is and what for, its status, what was found, the fix.
    Long text folds (Chinese has no spaces to wrap at) instead of being cut off."""
    table = Table(title=_t(lang, "本机环境检查", "What this machine has"), show_lines=True)
    table.add_column(_t(lang, "检查项（用途）", "Check (needed for)"), ratio=2, overflow="fold")
    table.add_column(_t(lang, "状态", "Status"), no_wrap=True)
    table.add_column(_t(lang, "发现", "Found"), ratio=3, overflow="fold")
    table.add_column(_t(lang, "如何解决", "How to fix"), ratio=4, overflow="fold")
    for check in checks:
        word, style = status(check, lang)
        name = Text(title(check.key, lang))
        needed = purpose(check.key, lang)
        if needed:
            name.append(f"\n{needed}", style="dim")
        table.add_row(
            name,
            Text(word, style=style),
            Text(printable(check.found, 400)),
            Text(printable(check.fix, 600)),
        )
    return table
