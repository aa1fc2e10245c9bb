"""A second demo school that pays by pool (PayMode 总额分配): the same kind of year, smaller,
with a 奖励性绩效 pool for every month and a year-end pool on 绩效总额 PayPools."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from .frames import demo_frames

POOL_SCHOOL = "示例育才中学"
YEAR_END_PER_PERSON = 2500  # yuan: the year-end pool is this per person employed at year end


def pool_school_frames(
    year: int = 2025, *, staff_count: int = 24, seed: int = 2026
) -> dict[str, pd.DataFrame]:
    """``demo_frames`` of another school, with PayMode 总额分配 and its PayPools rows.

    A month's pool is the PayBases of the people employed on its 15th, rounded down to 100
    yuan (as a school's allocation would be a round figure, never the exact sum).
    """
    frames = demo_frames(year, staff_count=staff_count, seed=seed)
    settings = frames["settings"].copy()
    settings.loc[settings["key"] == "学校名称", "value"] = POOL_SCHOOL
    settings.loc[settings["key"] == "绩效分配方式", "value"] = "总额分配"
    frames["settings"] = settings
    staff = frames["staff"]
    rows: list[dict[str, object]] = []
    for month in range(1, 13):
        day = dt.date(year, month, 15)
        employed = (staff["start_date"] <= day) & (
            staff["end_date"].isna() | (staff["end_date"] >= day)
        )
        total = int(staff.loc[employed, "pay_base"].sum()) // 100 * 100
        rows.append({"period": f"{year}-{month:02d}", "amount": total, "note": "奖励性绩效"})
    at_year_end = staff["end_date"].isna().sum()
    rows.append(
        {"period": str(year), "amount": int(at_year_end) * YEAR_END_PER_PERSON, "note": "年终绩效"}
    )
    frames["pay_pools"] = pd.DataFrame(
        {
            "period": pd.Series([r["period"] for r in rows], dtype=object),
            "amount": pd.Series([r["amount"] for r in rows]),
            "note": pd.Series([r["note"] for r in rows], dtype=object),
        }
    )
    return frames
