"""Excel's column letters, computed in one place (logistics/core/columns.py)."""

from __future__ import annotations

import pytest
from xlsxwriter.utility import xl_col_to_name

from logistics.core.columns import MAX_COLUMNS, column_letters
from logistics.io.cell_xml import col_letter


@pytest.mark.parametrize(
    ("col", "letters"),
    # By hand: 26 single letters, then 26 × 26 pairs (AA = 26 … ZZ = 26 + 676 - 1 = 701),
    # then triples from AAA = 702; Excel's last column is XFD = 16383.
    [
        (0, "A"),
        (25, "Z"),
        (26, "AA"),
        (51, "AZ"),
        (52, "BA"),
        (701, "ZZ"),
        (702, "AAA"),
        (16383, "XFD"),  # X = 24, F = 6, D = 4: 24 × 676 + 6 × 26 + 4 = 16384, 1-based
    ],
)
def test_letters_by_hand(col: int, letters: str) -> None:
    assert column_letters(col) == letters
    assert col_letter(col + 1) == letters  # the writer's 1-based name for the same column


def test_every_excel_column_matches_xlsxwriter() -> None:
    """An independent implementation: XlsxWriter's, which writes the workbooks."""
    assert [column_letters(c) for c in range(MAX_COLUMNS)] == [
        xl_col_to_name(c) for c in range(MAX_COLUMNS)
    ]


def test_a_negative_column_is_refused() -> None:
    with pytest.raises(ValueError):
        column_letters(-1)
