"""The context of 绩效公示, the public pay notice (``pay_notice_tpl.docx``), SPEC 5 and 4.6.

For a month: each person's score, grade, coefficient and 绩效工资, the pool (总额分配) and the
exact sum paid. For a year: the annual score, grade and coefficient, 全年绩效工资 and 年终绩效,
the year-end pool and the month-by-month pools.

Posting period (公示期): five working days, from the first working day on or after the issue
date (the as-of date) through the fifth, counted on the workbook's calendar (the Calendar
sheet, then the official one). Objections go to the Logistics Office within that period; the
contact is a line to fill by hand.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from logistics.core.dataset import Dataset
from logistics.core.pay_pools import pool_amounts
from logistics.core.periods import Month
from logistics.core.scoring import MonthScore, coef_of, score_month
from logistics.core.workdays import WorkCalendar
from words import word

from . import formatting as f
from .appraisal_year import AppraisalYear, appraisal_year
from .context import Context

POSTING_WORKDAYS = 5


def posting_period(issued: dt.date, calendar: WorkCalendar) -> tuple[dt.date, dt.date]:
    """The first and last day of the 公示期: POSTING_WORKDAYS working days from ``issued``."""
    day, counted, first = issued, 0, None
    while True:
        if calendar.is_workday(day):
            counted += 1
            first = first or day
            if counted == POSTING_WORKDAYS:
                return first, day
        day += dt.timedelta(days=1)


def _common(ds: Dataset, as_of: dt.date, lang: str) -> Context:
    start, end = posting_period(as_of, ds.calendar)
    return {
        "school": ds.settings.school_name,
        "issue_date": f.long_date(as_of, lang),
        "as_of": f.long_date(as_of, lang),
        "posting_start": f.long_date(start, lang),
        "posting_end": f.long_date(end, lang),
        "posting_days": POSTING_WORKDAYS,
        "pool_mode": ds.settings.pay_mode == "pool",
    }


def _paid(values: list[Fraction | None]) -> Fraction:
    return sum((v for v in values if v is not None), Fraction(0))


def month_pay_context(
    ds: Dataset, month: Month, as_of: dt.date, lang: str, scores: list[MonthScore] | None = None
) -> Context:
    """绩效公示 of ``month``."""
    scores = scores if scores is not None else score_month(ds, month, as_of)
    pool = pool_amounts(ds.tables.get("pay_pools")).get(month.label)
    pays = [x.pay for x in scores]
    return {
        **_common(ds, as_of, lang),
        "is_year": False,
        "period_title": f.month_title(month, lang),
        "pool": f.money(pool),
        "has_pool": pool is not None,
        "paid": f.money(_paid(pays)),
        "unpaid": sum(p is None for p in pays),
        "staff": len(scores),
        "rows": [
            {
                "rank": x.rank,
                "staff_id": x.staff_id,
                "name": x.name,
                "post": x.post,
                "score": f.score(x.total),
                "grade": f.grade(x.grade, lang),
                "coef": f.coef(x.coef),
                "pay": f.money(x.pay),
            }
            for x in scores
        ],
        "pools": [],
        "year_end_pool": f.BLANK,
        "has_year_end_pool": False,
        "year_end_paid": f.BLANK,
    }


def year_pay_context(
    ds: Dataset, year: int, as_of: dt.date, lang: str, results: AppraisalYear | None = None
) -> Context:
    """绩效公示 of appraisal year ``year``: the Annual rows with 全年绩效工资 and 年终绩效."""
    y = results or appraisal_year(ds, year, as_of)
    pools = pool_amounts(ds.tables.get("pay_pools"))
    year_end = pools.get(str(year))
    return {
        **_common(ds, as_of, lang),
        "is_year": True,
        "period_title": word(lang, "the_year", year=year),
        "pool": f.money(sum((pools[m.label] for m in y.months if m.label in pools), Fraction(0))),
        "has_pool": any(m.label in pools for m in y.months),
        "paid": f.money(sum((r.pay for r in y.annual), Fraction(0))),
        "unpaid": 0,
        "staff": len(y.annual),
        "rows": [
            {
                "rank": r.rank,
                "staff_id": r.staff_id,
                "name": r.name,
                "post": r.post,
                "months": r.months,
                "score": f.score(r.average),
                "grade": f.grade(r.grade, lang),
                "coef": f.coef(coef_of(r.grade, ds.settings)),
                "pay": f.money(r.pay),
                "year_end_pay": f.money(r.year_end_pay),
            }
            for r in y.annual
        ],
        "pools": pool_rows(ds, y, lang),
        "year_end_pool": f.money(year_end),
        "has_year_end_pool": year_end is not None,
        "year_end_paid": f.money(_paid([r.year_end_pay for r in y.annual])),
    }


def pool_rows(ds: Dataset, y: AppraisalYear, lang: str) -> list[Context]:
    """Pay by month: the pool (总额分配; blank otherwise or when missing), the sum paid and
    how many people were paid. Shared with the year-end report."""
    pools = pool_amounts(ds.tables.get("pay_pools"))
    rows = []
    for m in y.months:
        scores = y.monthly[m]
        if not scores:
            continue
        rows.append(
            {
                "month": f.month_title(m, lang),
                "pool": f.money(pools.get(m.label)) if ds.settings.pay_mode == "pool" else f.BLANK,
                "paid": f.money(_paid([x.pay for x in scores])),
                "staff": sum(x.pay is not None for x in scores),
            }
        )
    return rows


def pay_pools_context(ds: Dataset, y: AppraisalYear, lang: str) -> Context:
    """The year-end report's pay by month and year-end pool (SPEC 5)."""
    year_end = pool_amounts(ds.tables.get("pay_pools")).get(str(y.year))
    return {
        "pools": pool_rows(ds, y, lang),
        "year_end_pool": f.money(year_end),
        "has_year_end_pool": year_end is not None,
    }
