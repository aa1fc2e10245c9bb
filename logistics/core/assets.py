"""School property (学校财产), SPEC §4.8: assets held on a day, AssetStats, CountResult, loans.

An asset is *held* on day t when 购置日期 ≤ t and not 报废日期 ≤ t. Values are exact:
数量 × 单价 as fractions of the decimals typed, rounded half up to 0.01 once per total.
Frames are the typed tables of ``core.validate`` (index: Excel row).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

import pandas as pd

from words import both, pick, word

from . import schema
from .rounding import round_half_up
from .settings import exact

# 结果 of a CountResult row, in the order they are joined (SPEC §4.8); key -> (zh, en).
RESULTS: dict[str, tuple[str, str]] = {
    "shortage": both("count_shortage"),
    "surplus": both("count_surplus"),
    "wrong_location": both("count_wrong_location"),
    "match": both("count_match"),
    "not_found": both("count_not_found"),
}


def result_label(keys: tuple[str, ...], lang: str) -> str:
    """The 结果 cell: ``("shortage", "wrong_location")`` -> "盘亏、地点不符" (en: commas)."""
    return word(lang, "list_sep").join(pick(lang, *RESULTS[k]) for k in keys)


def held(assets: pd.DataFrame, day: dt.date) -> pd.DataFrame:
    """The rows of ``assets`` held on ``day`` (SPEC §4.8), in sheet order."""
    t = pd.Timestamp(day)
    mask = (assets["purchase_date"] <= t) & ~(assets["disposed_date"] <= t)
    return assets[mask.fillna(False).astype(bool)]


def line_value(quantity: object, unit_price: object) -> Fraction:
    """数量 × 单价, exact; a blank 单价 counts 0."""
    if unit_price is None or pd.isna(unit_price):
        return Fraction(0)
    return exact(quantity) * exact(unit_price)


def total_value(rows: pd.DataFrame) -> Fraction:
    """Σ 数量 × 单价 of ``rows``, exact and unrounded."""
    return sum(
        (line_value(q, p) for q, p in zip(rows["quantity"], rows["unit_price"], strict=True)),
        Fraction(0),
    )


@dataclass(frozen=True)
class AssetStat:
    """One AssetStats row: the held assets of one (类别, 存放地点)."""

    category: str  # schema.ASSET_CATEGORY key
    location: str
    items: int  # 资产条数
    quantity: int  # Σ 数量
    amount: Fraction  # Σ 数量 × 单价, rounded half up to 0.01
    idle: int  # Σ 数量 of 闲置 assets
    in_repair: int  # Σ 数量 of 维修 assets


def asset_stats(assets: pd.DataFrame, as_of: dt.date) -> list[AssetStat]:
    """AssetStats as of ``as_of`` (SPEC §4.8): one row per (类别, 存放地点) with held assets,
    ordered by the category's place in the enumeration, then by location."""
    rows = held(assets, as_of).dropna(subset=["category", "location", "quantity"])
    order = {c.key: i for i, c in enumerate(schema.ASSET_CATEGORY)}
    out = []
    groups = rows.groupby(["category", "location"], sort=False)
    for (category, location), group in sorted(
        groups, key=lambda g: (order.get(g[0][0], len(order)), str(g[0][1]))
    ):
        quantity = group["quantity"]
        status = group["status"]
        out.append(
            AssetStat(
                str(category),
                str(location),
                len(group),
                int(quantity.sum()),
                round_half_up(total_value(group), 2),
                int(quantity[status == "idle"].sum()),
                int(quantity[status == "repair"].sum()),
            )
        )
    return out


@dataclass(frozen=True)
class CountLine:
    """One CountResult row (SPEC §4.8)."""

    asset_id: str | None  # None: an item found that is not on the books
    name: str
    book_location: str | None
    actual_location: str | None
    book_quantity: int
    counted: int
    difference: int  # 实存 − 账面
    results: tuple[str, ...]  # RESULTS keys, in their joining order
    row: int | None = None  # Excel row of the Counts row used; None when not found


def counts_in_year(counts: pd.DataFrame, year: int) -> pd.DataFrame:
    """Counts rows dated in calendar year ``year``, in sheet order."""
    dates = counts["date"]
    mask = (dates >= pd.Timestamp(year, 1, 1)) & (dates <= pd.Timestamp(year, 12, 31))
    return counts[mask.fillna(False).astype(bool)]


def _trim(value: object) -> str | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    text = str(value).strip()
    return text or None


def count_result(assets: pd.DataFrame, counts: pd.DataFrame, year: int) -> list[CountLine]:
    """CountResult for calendar year ``year`` (SPEC §4.8); empty when Y has no Counts rows.

    Every asset held on the first Counts date of Y gets a row from its latest Counts row of Y
    (latest 盘点日期; on one date the lower row), or 未盘到 when it has none; rows are ordered
    by 资产编号, then one 盘盈 row per blank-ID Counts row of Y, in sheet order.
    """
    rows = counts_in_year(counts, year)
    if rows.empty:
        return []
    found = _latest_counts(rows)
    book = held(assets, rows["date"].min().date()).dropna(subset=["asset_id"])
    book = book.assign(_key=book["asset_id"].map(str)).sort_values("_key", kind="stable")
    lines = [
        _book_line(found, asset_id, str(name), _trim(location), int(quantity))
        for asset_id, name, location, quantity in zip(
            book["_key"], book["name"], book["location"], book["quantity"], strict=True
        )
    ]
    return lines + _surplus_lines(rows)


# A Counts row as count_result reads it: (实际存放地点, 实存数量, Excel row).
_Counted = tuple[object, float, int]


def _latest_counts(rows: pd.DataFrame) -> dict[object, _Counted]:
    """资产编号 -> its latest Counts row of ``rows`` (latest date; on one date the lower row)."""
    with_id = rows[rows["asset_id"].notna()]
    # Sort by date then Excel row: the last per asset is the latest, lower row on one date.
    latest = (
        with_id.assign(_row=with_id.index)
        .sort_values(["date", "_row"], kind="stable")
        .drop_duplicates("asset_id", keep="last")
    )
    return {  # plain dicts: a lookup per asset, 5,000 of them, must not cost a pandas call
        key: (location, counted, row)
        for key, location, counted, row in zip(
            latest["asset_id"], latest["location"], latest["counted"], latest["_row"], strict=True
        )
    }


def _book_line(
    found: dict[object, _Counted], asset_id: str, name: str, where: str | None, booked: int
) -> CountLine:
    """The line of an asset on the books: 未盘到 without a Counts row, else what its latest
    Counts row found (短缺, 盘盈, 位置不符, or 相符)."""
    if asset_id not in found:
        return CountLine(asset_id, name, where, None, booked, 0, -booked, ("not_found",))
    actual_raw, counted_value, row = found[asset_id]
    counted = 0 if pd.isna(counted_value) else int(counted_value)
    actual = _trim(actual_raw)
    diff = counted - booked
    results = tuple(
        key
        for key, hit in (
            ("shortage", diff < 0),
            ("surplus", diff > 0),
            ("wrong_location", actual != where),
        )
        if hit
    ) or ("match",)
    return CountLine(asset_id, name, where, actual, booked, counted, diff, results, int(row))


def _surplus_lines(rows: pd.DataFrame) -> list[CountLine]:
    """One 盘盈 line per Counts row of ``rows`` with a blank 资产编号, in sheet order."""
    lines = []
    blank = rows[rows["asset_id"].isna()]
    for row, name, location, counted_value in zip(
        blank.index, blank["name"], blank["location"], blank["counted"], strict=True
    ):
        counted = 0 if pd.isna(counted_value) else int(counted_value)
        lines.append(
            CountLine(
                None,
                _trim(name) or "",
                None,
                _trim(location),
                0,
                counted,
                counted,
                ("surplus",),
                int(row),
            )
        )
    return lines


def overdue_loans(loans: pd.DataFrame, day: dt.date) -> pd.DataFrame:
    """Loans out on ``day`` and past their 应还日期: lent by then, not returned by then, due
    before it (SPEC §4.5 warns on those with no 归还日期 when ``day`` is the as-of date).
    Ordered by 应还日期, then sheet order."""
    t = pd.Timestamp(day)
    out = (
        (loans["out"] <= t)
        & (loans["due"] < t)
        & (loans["returned"].isna() | (loans["returned"] > t))
    )
    found = loans[out.fillna(False).astype(bool)]
    return found.assign(_row=found.index).sort_values(["due", "_row"], kind="stable")
