"""A period that selects nothing: stop before any write (exit 2) and say what exists.

``score --month``, ``reception --month`` and ``inventory --year`` of a period with nothing
in it used to run, write the Validation sheet and a backup, and exit 0. The rules keep
their one case that changes the workbook: a period that is not recorded (SPEC 4.1) or has
no Counts rows (SPEC 4.8) but still has rows on its result sheet has them removed, with
a warning. Only when there is nothing to remove either does the command stop, like
``rank --year 25`` (``lookups``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pandas as pd

from . import lookups, outputs, schema
from .assets import counts_in_year
from .dataset import Dataset
from .periods import Month
from .receptions import appraisal_year_start


def holds_period(ds: Dataset, sheet: schema.Sheet, label: str) -> bool:
    """Whether the workbook's result ``sheet`` has rows of period ``label`` (2025-03, 2025)."""
    existing = ds.owned.get(sheet.key)
    every = outputs.kept_rows(existing, sheet, set())
    return len(outputs.kept_rows(existing, sheet, {label})) < len(every)


def require_score_months(ds: Dataset, months: Sequence[Month], as_of: dt.date) -> None:
    """``score --month`` when no month of ``months`` is recorded and none has old Scores
    rows (the run would change nothing): raise ``NothingToReport`` naming the months with
    logs. One recorded month among them is enough: the others are warned about."""
    recorded = set(lookups.log_months(ds, as_of))
    if any(m in recorded or holds_period(ds, schema.SCORES, m.label) for m in months):
        return
    for month in months:
        lookups.require_log_month(ds, month, as_of)


def _dates(ds: Dataset, sheet: str, as_of: dt.date | None = None) -> pd.Series:
    dates = ds.tables[sheet]["date"].dropna()
    return dates if as_of is None else dates[dates <= pd.Timestamp(as_of)]


def require_reception_month(ds: Dataset, month: Month, as_of: dt.date) -> None:
    """``reception --month`` when neither the month nor its appraisal year so far has a
    reception (every figure would be 0) and ReceptionStats has no row of it: raise
    ``NothingToReport`` naming the months with receptions. A month without receptions in
    a year with some still has its row (its 本年累计, SPEC 4.7)."""
    if holds_period(ds, schema.RECEPTION_STATS, month.label):
        return
    start = appraisal_year_start(month, ds.settings.year_start_month)
    dates = _dates(ds, "receptions", as_of)
    months = sorted({Month(d.year, d.month) for d in dates})
    if any(start <= m <= month for m in months):
        return
    raise lookups.NothingToReport(
        detail_zh=f"{month.label} 及本年度此前没有接待记录（截至 {as_of}），无可统计的内容，"
        f"未写入。有接待的月份：{lookups.listing(months, 'zh')}。",
        detail_en=f"{month.label} and the appraisal year before it have no receptions (up to "
        f"{as_of}), so there is nothing to count and nothing was written. Months with "
        f"receptions: {lookups.listing(months, 'en')}.",
    )


def require_count_year(ds: Dataset, year: int) -> None:
    """``inventory --year`` of a year without Counts rows and without CountResult rows:
    raise ``NothingToReport`` naming the years that have Counts rows."""
    if holds_period(ds, schema.COUNT_RESULT, str(year)):
        return
    if not counts_in_year(ds.tables["counts"], year).empty:
        return
    years = sorted({d.year for d in _dates(ds, "counts")})
    raise lookups.NothingToReport(
        detail_zh=f"“盘点”表中没有 {year} 年的盘点记录，无可核对的内容，未写入。"
        f"有盘点记录的年份：{lookups.listing(years, 'zh')}。",
        detail_en=f"The Counts sheet has no rows dated in {year}, so there is nothing to "
        f"check and nothing was written. Years with counts: {lookups.listing(years, 'en')}.",
    )
