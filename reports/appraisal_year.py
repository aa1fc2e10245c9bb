"""An appraisal year's results from the core: 12 months of scores, its quarters and the year.

The same calls as the ``score``, ``summary`` and ``rank`` jobs, so a document shows exactly
what the workbook's Scores, Quarterly and Annual sheets hold.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from logistics.core.dataset import Dataset
from logistics.core.pay import annual_year_end_pay
from logistics.core.periods import Month, Quarter, year_months
from logistics.core.scoring import MonthScore, score_month
from logistics.core.summary import PeriodScore, summarize


@dataclass
class QuarterBlock:
    label: str  # "2025Q1", or "2025-09—2025-11" when the year starts off a calendar quarter
    months: list[Month]
    rows: list[PeriodScore]
    monthly: list[MonthScore]


@dataclass
class AppraisalYear:
    year: int
    as_of: dt.date
    months: list[Month]
    monthly: dict[Month, list[MonthScore]]  # ordered by rank, as score_month returns them
    annual: list[PeriodScore]  # ordered by rank
    quarters: list[QuarterBlock]
    by_staff_month: dict[tuple[str, Month], MonthScore] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_staff_month = {
            (x.staff_id, m): x for m, scores in self.monthly.items() for x in scores
        }

    def score_of(self, staff_id: str, month: Month) -> MonthScore | None:
        return self.by_staff_month.get((staff_id, month))


def appraisal_year(ds: Dataset, year: int, as_of: dt.date) -> AppraisalYear:
    months = year_months(year, ds.settings.year_start_month)
    monthly = {m: score_month(ds, m, as_of) for m in months}
    every = [x for m in months for x in monthly[m]]
    annual = summarize(str(year), every, ds.settings)
    annual_year_end_pay(ds, year, annual)
    quarters = []
    for i in range(4):
        block = months[3 * i : 3 * i + 3]
        scores = [x for m in block for x in monthly[m]]
        label = _quarter_label(block)
        quarters.append(QuarterBlock(label, block, summarize(label, scores, ds.settings), scores))
    return AppraisalYear(year, as_of, months, monthly, annual, quarters)


def _quarter_label(block: list[Month]) -> str:
    first = block[0]
    if first.month % 3 == 1:
        return Quarter(first.year, (first.month + 2) // 3).label
    return f"{first.label}—{block[-1].label}"
