"""SPEC §4.5 checks of the property sheets (资产, 借用, 盘点) and the Requests' 资产编号.

Errors: an unknown AssetID in Counts, Loans or Requests; 报废 without 报废日期; 报废日期
before 购置日期; 应还日期 or 归还日期 before 借出日期; a blank-ID Counts row without 资产名称;
an unknown StaffID. Warning: a loan not returned and past its 应还日期 on the as-of date.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from .cell_problems import cells_at, end_before_start, rows_where
from .problems import Problem, display


def asset_problems(t: dict[str, pd.DataFrame], as_of: dt.date) -> list[Problem]:
    """Every problem of the property rules, in sheet order (``t``: typed tables by key)."""
    found: list[Problem] = []
    assets, loans, counts = t["assets"], t["loans"], t["counts"]
    known = set(assets["asset_id"].dropna())
    for key in ("counts", "loans", "requests"):
        table = t[key]
        if table.empty:  # a sheet left empty (schools that keep no property): nothing to find
            continue
        bad = table["asset_id"].notna() & ~table["asset_id"].isin(known)
        rows = rows_where(bad)
        found += [
            Problem("unknown_asset", key, r, "asset_id", asset_id)
            for r, asset_id in zip(rows, cells_at(table["asset_id"], rows), strict=True)
        ]
    staff = set(t["staff"]["staff_id"].dropna())
    for key in ("assets", "loans", "counts"):
        table = t[key]
        if table.empty:
            continue
        bad = table["staff_id"].notna() & ~table["staff_id"].isin(staff)
        rows = rows_where(bad)
        found += [
            Problem("unknown_staff", key, r, "staff_id", staff_id)
            for r, staff_id in zip(rows, cells_at(table["staff_id"], rows), strict=True)
        ]
    missing = assets["status"].eq("disposed") & assets["disposed_date"].isna()
    found += [
        Problem("disposed_date_missing", "assets", r, "disposed_date") for r in rows_where(missing)
    ]
    found += end_before_start("assets", assets, "disposed_date", "purchase_date")
    found += end_before_start("loans", loans, "due", "out")
    found += end_before_start("loans", loans, "returned", "out")
    nameless = counts["asset_id"].isna() & counts["name"].isna()
    found += [Problem("count_name_missing", "counts", r, "name") for r in rows_where(nameless)]
    overdue = loans["returned"].isna() & (loans["due"] < pd.Timestamp(as_of))
    found += [
        Problem(
            "loan_overdue",
            "loans",
            r,
            "due",
            loans.at[r, "due"],
            {
                "borrower": display(loans.at[r, "borrower"]),
                "asset": display(loans.at[r, "asset_id"]),
                "as_of": as_of.isoformat(),
            },
        )
        for r in rows_where(overdue)
    ]
    return found
