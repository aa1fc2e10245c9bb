"""SPEC 4.6: performance pay, 绩效工资 and 年终绩效, in both pay modes.

- 基数系数 (BaseCoef): PayBase × 绩效系数, rounded half up to 0.01 (set in ``scoring``).
- 总额分配 (Pool): the month's pool P shared by weights w = PayBase × 绩效系数, in whole cents
  summing exactly to P (largest remainder; equal remainders: better rank, then 工号).
- 年终绩效: the year's pool shared the same way over the Annual rows, in either mode.

Money stays an exact Fraction until the cent allocation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

import pandas as pd

from .dataset import Dataset
from .month_score import MonthScore, coef_of
from .pay_pools import pool_amounts
from .problems import Problem
from .rounding import round_half_up
from .settings import Settings, exact
from .summary import PeriodScore


@dataclass(frozen=True)
class Claim:
    """One person's part in a pool: weight w, rank (1 = best) and 工号 for ties."""

    weight: Fraction
    rank: int
    staff_id: str


def share_pool(pool: Fraction, claims: Sequence[Claim]) -> list[Fraction] | None:
    """Each claim's share of ``pool`` in yuan, whole cents, summing exactly to the pool.

    The pool is first rounded half up to the cent. Every exact share P × w / Σw is cut down
    to the cent; the cents left over go one each to the largest cut-off remainders (equal
    remainders: better rank first, then 工号). A larger weight never gets less. Returns
    None when Σw = 0 (nothing to share by).
    """
    total = sum((c.weight for c in claims), Fraction(0))
    if total <= 0:
        return None
    cents = int(round_half_up(pool, 2) * 100)
    exact_cents = [cents * c.weight / total for c in claims]
    floors = [x.numerator // x.denominator for x in exact_cents]
    left = cents - sum(floors)
    order = sorted(
        range(len(claims)),
        key=lambda i: (-(exact_cents[i] - floors[i]), claims[i].rank, claims[i].staff_id),
    )
    for i in order[:left]:
        floors[i] += 1
    return [Fraction(f, 100) for f in floors]


def apply_month_pool(scores: list[MonthScore], pool: Fraction | None) -> bool:
    """Set 绩效工资 of a month's ranked ``scores`` from its pool (总额分配).

    No pool, or Σw = 0: every 绩效工资 is blank (None). Returns whether pay was set.
    """
    shares = None
    if pool is not None:
        shares = share_pool(pool, [Claim(x.pay_base * x.coef, x.rank, x.staff_id) for x in scores])
    for i, x in enumerate(scores):
        x.pay = None if shares is None else shares[i]
    return shares is not None


def year_end_pay(
    rows: list[PeriodScore], pay_bases: dict[str, Fraction], pool: Fraction | None, s: Settings
) -> bool:
    """Set 年终绩效 of the Annual ``rows`` from the year's pool, w = PayBase × annual 绩效系数.

    ``pay_bases`` maps 工号 to PayBase (blank = 0). Without a pool (or Σw = 0) the column
    stays blank. Returns whether it was set.
    """

    if pool is None:
        return False
    claims = [
        Claim(pay_bases.get(r.staff_id, Fraction(0)) * coef_of(r.grade, s), r.rank, r.staff_id)
        for r in rows
    ]
    shares = share_pool(pool, claims)
    if shares is None:
        return False
    for row, share in zip(rows, shares, strict=True):
        row.year_end_pay = share
    return True


def pay_bases(staff: pd.DataFrame) -> dict[str, Fraction]:
    """工号 -> PayBase (blank = 0) from the Staff sheet's typed table."""
    rows = staff.dropna(subset=["staff_id"]).drop_duplicates("staff_id")
    return {
        str(sid): Fraction(0) if pd.isna(base) else exact(base)
        for sid, base in zip(rows["staff_id"], rows["pay_base"], strict=True)
    }


def annual_year_end_pay(ds: Dataset, year: int, rows: list[PeriodScore]) -> bool:
    """年终绩效 of the Annual ``rows`` of ``year`` from its PayPools row (SPEC 4.6)."""
    pool = pool_amounts(ds.tables.get("pay_pools")).get(str(year))
    return year_end_pay(rows, pay_bases(ds.tables["staff"]), pool, ds.settings)


def pool_problems(ds: Dataset, scores: Sequence[MonthScore]) -> list[Problem]:
    """A warning for each month of ``scores`` whose pool exists but has no weight to share by
    (a month without a pool is warned about by validation)."""
    if ds.settings.pay_mode != "pool":
        return []
    pools = pool_amounts(ds.tables.get("pay_pools"))
    months = sorted({x.month for x in scores})
    return [
        Problem("pool_no_weight", "pay_pools", None, "period", m)
        for m in months
        if m in pools and all(x.pay is None for x in scores if x.month == m)
    ]
