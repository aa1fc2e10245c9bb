"""``logistics doctor`` in a terminal: the checks as a rich table and a closing line.

Cells are ``Text`` objects, never markup: a path read from a workbook could hold ``[bold]``.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table
from rich.text import Text

from . import REQUIRED, jobs_ready, purpose, title
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


def verdict(checks: Sequence[Check], lang: str) -> tuple[str, str]:
    """The closing line and its style: ready for the jobs or not, and what is optional."""
    if not jobs_ready(checks):
        missing = [title(c.key, lang) for c in checks if c.key in REQUIRED and c.ok is False]
        names = ("、" if lang == "zh" else ", ").join(missing)
        return (
            _t(
                lang,
                f"缺少任务必需的项目：{names}。请按“如何解决”一栏处理。",
                f"Missing what the jobs need: {names}. See How to fix.",
            ),
            "bold red",
        )
    if any(c.key == "workbook" and c.ok is False for c in checks):
        return (
            _t(
                lang,
                "任务所需的都已具备，但无法读取所给的工作簿（见上表）。",
                "Everything the jobs need is here, but the workbook given cannot be read "
                "(see above).",
            ),
            "bold red",
        )
    optional = [title(c.key, lang) for c in checks if c.key not in REQUIRED and c.ok is False]
    if optional:
        names = ("、" if lang == "zh" else ", ").join(optional)
        return (
            _t(
                lang,
                f"任务所需的都已具备。可选项目（{names}）不妨碍运行任务，处理方法见上表。",
                f"Everything the jobs need is here. The optional items ({names}) do not stop "
                "the jobs; see How to fix above.",
            ),
            "bold green",
        )
    return _t(lang, "一切就绪。", "Everything is in place."), "bold green"
