"""SPEC 4.1 "Recorded months": only months with log rows are scored.

A month is recorded when the Logs sheet has at least one row dated in it, up to the as-of
date. Months that are not recorded are not scored at all: they do not enter a quarter or a
year (so 月数 counts recorded months in which the person was scored), ``score --all`` skips
them, and ``score --month`` of such a month writes no rows and warns.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from .dataset import Dataset
from .logged_months import logged_months
from .month_score import MonthScore
from .periods import Month
from .problems import Problem
from .score_basis import ScoreBasis
from .scoring import score_month


def recorded_months(ds: Dataset, as_of: dt.date) -> list[Month]:
    """Every recorded month up to ``as_of``, in order."""
    return logged_months(ds.tables["logs"], as_of)


def score_recorded(
    ds: Dataset, months: Iterable[Month], as_of: dt.date, basis: ScoreBasis | None = None
) -> dict[Month, list[MonthScore]]:
    """{month: its scores} for the recorded months among ``months``, in the order given.

    ``basis``: ``ScoreBasis(ds)`` when the caller scores ``ds`` more than once (a summary of
    several quarters); else it is read here, once for every month scored.
    """
    recorded = set(recorded_months(ds, as_of))
    chosen = [m for m in months if m in recorded]
    if chosen and basis is None:
        basis = ScoreBasis(ds)
    return {m: score_month(ds, m, as_of, basis=basis) for m in chosen}


def not_recorded(month: Month, as_of: dt.date) -> Problem:
    """The warning for ``score --month`` of a month without log rows up to ``as_of``."""
    return Problem(
        "month_not_recorded", "logs", None, None, None, {"month": month.label, "as_of": str(as_of)}
    )


def period_not_recorded(period: str, as_of: dt.date) -> Problem:
    """The warning for a quarter or year without a recorded month up to ``as_of``."""
    return Problem(
        "period_not_recorded", "logs", None, None, None, {"period": period, "as_of": str(as_of)}
    )
