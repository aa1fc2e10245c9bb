"""Validation problems as records: a stable code, a position and a message in two languages.

Tests compare ``(code, sheet, row, column)``; wording lives only in the catalogue of words
(``words/problems.py``, one entry ``problem_<code>`` a code). Each
template says what is wrong and how to fix it. Placeholders: ``{value}`` (what the cell
holds), ``{column}`` (its label) and any ``params`` of the problem.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from words import word

ERROR = "error"
WARNING = "warning"

# code -> severity; the message of each code is the entry "problem_<code>" of the catalogue
# (words/problems.py).
SEVERITIES: dict[str, str] = {
    "sheet_missing": ERROR,
    "column_missing": ERROR,
    "required": ERROR,
    "not_a_number": ERROR,
    "not_an_integer": ERROR,
    "not_a_date": ERROR,
    "bad_choice": ERROR,
    "out_of_range": ERROR,
    "duplicate_id": ERROR,
    "unknown_staff": ERROR,
    "unknown_post": ERROR,
    "before_start": ERROR,
    "after_end": ERROR,
    "end_before_start": ERROR,
    "reading_after_missing": ERROR,
    "reading_after_unexpected": ERROR,
    "replacement_same_day": ERROR,
    "reading_decreased": ERROR,
    "promised_date_missing": ERROR,
    "reason_missing": ERROR,
    "maxima_sum": ERROR,
    "setting_invalid": ERROR,
    "setting_unknown": WARNING,
    "setting_duplicate": ERROR,
    "after_as_of": WARNING,
    "duplicate_log": WARNING,
    "promise_overdue": WARNING,
    "reading_missing": WARNING,
    "cell_error": ERROR,
    "formula_not_computed": ERROR,
    "merged_cells": ERROR,
    "month_not_recorded": WARNING,
    "period_not_recorded": WARNING,
    "calendar_not_covered": WARNING,
    "reception_meals_missing": ERROR,
    "reception_hosts_over": WARNING,
    "reception_meal_over": WARNING,
    "reception_no_letter": WARNING,
    "reception_unapproved": WARNING,
    "reception_approved_late": WARNING,
    "reception_alcohol": WARNING,
    "unknown_asset": ERROR,
    "disposed_date_missing": ERROR,
    "count_name_missing": ERROR,
    "loan_overdue": WARNING,
    "counts_missing_year": WARNING,
    "duplicate_column": ERROR,
    "stale_output_copy": WARNING,
    "leave_overlap": WARNING,
    "log_on_leave": WARNING,
    "transfer_same_post": ERROR,
    "transfer_chain": ERROR,
    "transfer_chain_end": ERROR,
    "pay_period_invalid": ERROR,
    "duplicate_period": ERROR,
    "pool_missing": WARNING,
    "pool_no_weight": WARNING,
}


@dataclass(frozen=True)
class Problem:
    """One finding about one cell (or sheet, when ``row`` is None)."""

    code: str
    sheet: str  # sheet key
    row: int | None  # Excel row number
    column: str | None  # column key (or setting key)
    value: object = None
    params: dict[str, object] = field(default_factory=dict, compare=False, hash=False)

    @property
    def severity(self) -> str:
        return SEVERITIES[self.code]

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def message(self, lang: str, column_label: str = "") -> str:
        fields = {"value": display(self.value), "column": column_label, **self.params}
        return word(lang, f"problem_{self.code}", **fields)


def display(value: object) -> str:
    """A cell value as a person would read it in a message; a blank cell is blank."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if type(value).__name__ in ("NaTType", "NAType"):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        text = str(value.isoformat())
        return text[:10] if text.endswith("T00:00:00") or len(text) == 10 else text
    return str(value)
