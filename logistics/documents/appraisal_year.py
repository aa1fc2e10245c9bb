"""An appraisal year's results from the core: 12 months of scores, its quarters and the year.

The same calls as the ``score``, ``summary`` and ``rank`` jobs, so a document shows exactly
what the workbook's Scores, Quarterly and Annual sheets hold: recorded months only (SPEC
4.1), and the calendar quarters that the year touches (SPEC 4.3), each computed over its
three months as ``summary --quarter`` computes it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from logistics.core.dataset import Dataset
from logistics.core.pay import annual_year_end_pay
from logistics.core.periods import Month, calendar_quarters, year_months
from logistics.core.recorded import score_recorded
from logistics.core.scoring import MonthScore
from logistics.core.summary import PeriodScore, summarize


@dataclass
class QuarterBlock:
    label: str  # "2025Q1": a calendar quarter
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
    quarter_list = calendar_quarters(months)
    every_month = sorted({m for q in quarter_list for m in q.months} | set(months))
    scored = score_recorded(ds, every_month, as_of)
    monthly = {m: scored.get(m, []) for m in months}
    every = [x for m in months for x in monthly[m]]
    annual = summarize(str(year), every, ds.settings)
    annual_year_end_pay(ds, year, annual)
    quarters = []
    for q in quarter_list:
        scores = [x for m in q.months for x in scored.get(m, [])]
        rows = summarize(q.label, scores, ds.settings)
        quarters.append(QuarterBlock(q.label, q.months, rows, scores))
    return AppraisalYear(year, as_of, months, monthly, annual, quarters)
