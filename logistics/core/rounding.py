"""Exact arithmetic and rounding half up (四舍五入), as the appraisal rules require.

Scores are computed as fractions so that a total of exactly 84.45 rounds to 84.5; binary
floats would store it as 84.4499… and round it down.
"""

from __future__ import annotations

from fractions import Fraction


def round_half_up(value: Fraction, places: int = 1) -> Fraction:
    """Round to ``places`` decimals, halves away from zero (-2.45 → -2.5)."""
    scale = 10**places
    n, d = abs(value.numerator) * scale, value.denominator
    magnitude = Fraction((2 * n + d) // (2 * d), scale)  # floor(n/d + 1/2), in integers
    return magnitude if value >= 0 else -magnitude


def to_float(value: Fraction, places: int = 1) -> float:
    """The rounded value as the float written to a sheet."""
    return float(round_half_up(value, places))
