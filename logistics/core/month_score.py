"""SPEC 4.2: a person's score for a month, and the grade, coefficient and rank rules it gets."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction

from .posts_on_day import PostPeriod
from .settings import Settings


@dataclass
class MonthScore:
    month: str
    staff_id: str
    name: str
    post: str
    pay_base: Fraction
    workdays: int  # |WD(s,m)|
    full_workdays: int  # |WDfull(m)|
    log_days: int
    target: Fraction
    units: Fraction
    inspection_points: Fraction
    items: int
    credits: Fraction
    log_score: Fraction = Fraction(0)
    quantity_score: Fraction = Fraction(0)
    quality_score: Fraction = Fraction(0)
    timeliness_score: Fraction = Fraction(0)
    total: Fraction = Fraction(0)  # rounded to 0.1
    grade: str = ""
    rank: int = 0
    coef: Fraction = Fraction(0)
    pay: Fraction | None = Fraction(0)  # rounded to 0.01; None: blank (no pool, SPEC 4.6)
    evidence: dict[str, list[int]] = field(default_factory=dict)  # component -> Excel rows
    leave_days: int = 0  # working days of the month removed by leave (SPEC 4.1)
    post_periods: list[PostPeriod] = field(default_factory=list)  # the posts over WD(s,m)


GRADE_KEYS = ("excellent", "good", "pass", "fail")


def grade_of(total: Fraction, s: Settings) -> str:
    if total >= s.excellent_min:
        return "excellent"
    if total >= s.good_min:
        return "good"
    if total >= s.pass_min:
        return "pass"
    return "fail"


def coef_of(grade: str, s: Settings) -> Fraction:
    coef: Fraction = getattr(s, f"{grade}_coef")
    return coef


def competition_ranks(values: list[Fraction]) -> list[int]:
    """1, 2, 2, 4: one more than the number of strictly greater values."""
    # Ranked as integers: every value times the common denominator (exact, same order).
    common = math.lcm(*(v.denominator for v in values))
    keys = [v.numerator * (common // v.denominator) for v in values]
    first_at: dict[int, int] = {}
    for i, k in enumerate(sorted(keys, reverse=True)):
        first_at.setdefault(k, i + 1)
    return [first_at[k] for k in keys]
