"""The reader's cell cleaning, value by value (SPEC 4.1): blanks are None, NaN and logical
cells are text (never a number, never blank), text is stripped, numbers are kept."""

from __future__ import annotations

import datetime as dt

import numpy as np

from logistics.io.sheet_table import distinct_cleaned


def clean_values(values: np.ndarray) -> np.ndarray:
    """Each value as the reader cleans it (``distinct_cleaned``: once per distinct value)."""
    codes, cleaned, _ = distinct_cleaned(values)
    return cleaned[codes]


def test_each_kind_of_cell() -> None:
    day = dt.datetime(2025, 3, 3)
    cells = [np.nan, None, "", "  ", " a ", True, False, 1, 0.0, 2.5, day, None, np.nan]
    expected = ["NaN", None, None, None, "a", "TRUE", "FALSE", 1, 0.0, 2.5, day, None, "NaN"]
    cleaned = list(clean_values(np.array(cells, dtype=object)))
    assert cleaned == expected
    # 1 and True hash alike: the logical cell must not become the number or the reverse.
    assert [type(v) for v in cleaned[5:8]] == [str, str, int]


def test_a_blank_column_stays_blank() -> None:
    assert list(clean_values(np.full(4, None, dtype=object))) == [None] * 4
