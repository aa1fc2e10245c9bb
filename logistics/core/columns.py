"""Excel's column letters: the one place they are computed (readers, writers and the core's
merged ranges all name cells with them)."""

from __future__ import annotations

MAX_COLUMNS = 16_384  # Excel's last column is XFD


def column_letters(col: int) -> str:
    """The letters of the 0-based column ``col``: 0 → "A", 25 → "Z", 26 → "AA", 16383 → "XFD".

    Bijective base 26 (there is no zero digit), as ``xlsxwriter.utility.xl_col_to_name``.
    Raises ValueError for a negative ``col``.
    """
    if col < 0:
        raise ValueError(f"column index {col} is negative")
    letters = ""
    n = col + 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters
