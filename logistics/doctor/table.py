"""``logistics doctor`` in a terminal: the checks as a rich table and a closing line.

Cells are ``Text`` objects, never markup: a path read from a workbook could hold ``[bold]``.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table
from rich.text import Text

from words import word

from . import REQUIRED, purpose, title
from .checkup import Check, printable


def status(check: Check, lang: str) -> tuple[str, str]:
    """The status word and its colour; words and signs, so colour is never the only cue."""
    if check.ok is None:
        return word(lang, "status_not_applicable"), "dim"
    if check.ok:
        return word(lang, "status_ok"), "green"
    if check.key == "workbook":
        return word(lang, "status_unreadable"), "bold red"
    if check.key in REQUIRED:
        return word(lang, "status_missing"), "bold red"
    return word(lang, "status_optional"), "yellow"


def doctor_table(checks: Sequence[Check], lang: str) -> Table:
    """One row per check: what it is and what for, its status, what was found, the fix.
    Long text folds (Chinese has no spaces to wrap at) instead of being cut off."""
    table = Table(title=word(lang, "what_machine_has"), show_lines=True)
    table.add_column(word(lang, "check_needed"), ratio=2, overflow="fold")
    table.add_column(word(lang, "status"), no_wrap=True)
    table.add_column(word(lang, "machine_found"), ratio=3, overflow="fold")
    table.add_column(word(lang, "machine_fix"), ratio=4, overflow="fold")
    for check in checks:
        said, style = status(check, lang)
        name = Text(title(check.key, lang))
        needed = purpose(check.key, lang)
        if needed:
            name.append(f"\n{needed}", style="dim")
        table.add_row(
            name,
            Text(said, style=style),
            Text(printable(check.found, 400)),
            Text(printable(check.fix, 600)),
        )
    return table
