"""SPEC 4.3: quarter and year from the monthly scores."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from .month_score import MonthScore, competition_ranks, grade_of
from .rounding import round_half_up
from .settings import Settings


@dataclass
class PeriodScore:
    period: str  # "2025Q1" or "2025"
    staff_id: str
    name: str
    post: str
    months: int
    average: Fraction  # rounded to 0.1
    grade: str
    rank: int
    pay: Fraction  # sum of the monthly pay (a blank month counts 0, SPEC 4.6)
    year_end_pay: Fraction | None = None  # 年终绩效: the year's pool share (SPEC 4.6)


def summarize(period: str, monthly: Iterable[MonthScore], settings: Settings) -> list[PeriodScore]:
    """Mean monthly total per person over the months they were scored, graded and ranked."""
    by_staff: dict[str, list[MonthScore]] = {}
    for score in monthly:
        by_staff.setdefault(score.staff_id, []).append(score)
    rows = []
    for staff_id, scores in by_staff.items():
        latest = max(scores, key=lambda x: x.month)  # name and post as of the last month
        mean = sum((x.total for x in scores), Fraction(0)) / len(scores)
        average = round_half_up(mean, 1)
        rows.append(
            PeriodScore(
                period,
                staff_id,
                latest.name,
                latest.post,
                len(scores),
                average,
                grade_of(average, settings),
                0,
                sum((x.pay or Fraction(0) for x in scores), Fraction(0)),
            )
        )
    for row, rank in zip(rows, competition_ranks([r.average for r in rows]), strict=True):
        row.rank = rank
    rows.sort(key=lambda r: (r.rank, r.staff_id))
    return rows
