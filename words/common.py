"""Words every area uses: separators of lists and clauses, a name with its detail."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "list_sep": ("、", ", "),
    "clause_sep": ("；", "; "),
    # between names each in 「」 in Chinese: 「岗位」「人员」 (plain commas in English)
    "quoted_names_sep": ("」「", ", "),
    # an error that brings its own message, already in the user's words
    "error_detail": ("{detail}", "{detail}"),
    "name_detail": ("{name}（{detail}）", "{name} ({detail})"),
    "comma_sep": ("，", ", "),
}
