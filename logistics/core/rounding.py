"""Exact arithmetic and rounding half up (四舍五入), as the appraisal rules require.

Scores are computed as fractions so that a total of exactly 84.45 rounds to 84.5; binary
floats would store it as 84.4499… and round it down.
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction


def round_half_up(value: Fraction, places: int = 1) -> Fraction:
    """Round to ``places`` decimals, halves away from zero (-2.45 → -2.5)."""
    scale = 10**places
    return Fraction(_scaled(value, scale), scale)


def round_sum_half_up(parts: Iterable[Fraction], places: int = 1) -> Fraction:
    """``round_half_up`` of the exact sum of ``parts``, summed in integers (the sum itself is
    never needed as a fraction)."""
    n, d = 0, 1
    for p in parts:
        n, d = n * p.denominator + p.numerator * d, d * p.denominator
    scale = 10**places
    return Fraction(_scaled_ratio(n, d, scale), scale)


def to_float(value: Fraction, places: int = 1) -> float:
    """The rounded value as the float written to a sheet."""
    # An integer true division is correctly rounded, as float() of the reduced fraction is.
    scale: int = 10**places
    return _scaled(value, scale) / scale


def _scaled(value: Fraction, scale: int) -> int:
    """``value`` × ``scale`` rounded half away from zero, in integers only."""
    return _scaled_ratio(value.numerator, value.denominator, scale)


def _scaled_ratio(n: int, d: int, scale: int) -> int:
    """n/d × ``scale`` (d > 0) rounded half away from zero, in integers only."""
    magnitude = (2 * abs(n) * scale + d) // (2 * d)  # floor(|n|/d·scale + 1/2)
    return magnitude if n >= 0 else -magnitude
