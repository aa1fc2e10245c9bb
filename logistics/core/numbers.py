"""Exact numbers (SPEC 4.1, "Numbers are exact"): the decimal a person typed, as a fraction.

Typed tables hold numbers as float64, each the float nearest the decimal in the cell;
``exact`` gives that decimal back (its shortest repr: the float of −0.05 is −5/100, never
−0.05000000000000000277…). Every sum, mean and ratio of the rules is taken over these
fractions, so the one rounding a rule names is the only rounding: three inspections of
−0.05 and one of −0.15 give the same 质量分.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from fractions import Fraction
from functools import lru_cache

import pandas as pd

# Integers up to this add up exactly as float64 (2**53): beyond it, sums go value by value.
EXACT_INT = 2**53


def exact(value: object) -> Fraction:
    """The decimal a person typed, as an exact fraction (0.1 stays 1/10, not a binary float).

    Raises ValueError for inf and NaN, which are never numbers here (validation reports them).
    """
    if isinstance(value, Fraction):
        return value
    if isinstance(value, float):  # numpy floats too: repr of the plain float is the typed decimal
        return _exact_float(float(value))
    return Fraction(str(value))


@lru_cache(maxsize=65536)
def _exact_float(value: float) -> Fraction:
    # Cached: a sheet repeats the same pay bases, targets and points many times.
    if not math.isfinite(value):
        raise ValueError(f"not a finite number: {value!r}")
    return Fraction(int(value)) if value.is_integer() else Fraction(repr(value))


def is_blank(value: object) -> bool:
    """An empty typed cell: None, NaN or NaT."""
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))


def exact_sum(values: Iterable[object]) -> Fraction:
    """The exact sum of typed numbers; blank cells count 0."""
    return sum((exact(v) for v in values if not is_blank(v)), Fraction(0))


def exact_mean(values: Iterable[Fraction]) -> Fraction | None:
    """The exact mean, None when there is nothing to average."""
    items = list(values)
    return sum(items, Fraction(0)) / len(items) if items else None
