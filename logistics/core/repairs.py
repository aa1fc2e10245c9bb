"""Repairs (报修) and satisfaction (满意度), SPEC §4.8.

Repairs are the Requests rows with 类别 = 报修. An asset (or, for requests without an
AssetID, a 地点) with at least RepeatRepairs repair requests dated in the 12 months ending
at the as-of date is a *repeat repair*: a candidate for the next repair or equipment plan.
满意度 (1–5, given by the requester) is reported as means, never scored.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

import pandas as pd


def year_before(day: dt.date) -> dt.date:
    """The same day a year earlier (29 February -> 28 February)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def repair_window(as_of: dt.date) -> tuple[dt.date, dt.date]:
    """The 12 months ending at ``as_of``: (first day, last day), both inclusive.

    2025-12-31 -> (2025-01-01, 2025-12-31); 2025-03-15 -> (2024-03-16, 2025-03-15).
    """
    return year_before(as_of) + dt.timedelta(days=1), as_of


@dataclass(frozen=True)
class RepeatRepair:
    """An asset or a place repaired at least RepeatRepairs times in the window."""

    kind: str  # "asset" or "location"
    key: str  # the AssetID, or the 地点
    name: str  # the asset's 资产名称 ("" for a place)
    location: str  # the asset's 存放地点, or the 地点
    count: int  # repair requests in the window
    last: dt.date  # the latest of them
    request_ids: tuple[str, ...]  # in date order


def _text(value: object) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value).strip()


def repairs_between(requests: pd.DataFrame, first: dt.date, last: dt.date) -> pd.DataFrame:
    """Repair requests (类别 = 报修) dated from ``first`` to ``last``, by date then sheet order."""
    dates = requests["date"]
    mask = (
        requests["category"].eq("repair")
        & (dates >= pd.Timestamp(first))
        & (dates <= pd.Timestamp(last))
    )
    found = requests[mask.fillna(False).astype(bool)]
    return found.assign(_row=found.index).sort_values(["date", "_row"], kind="stable")


def repeat_repairs(
    requests: pd.DataFrame, assets: pd.DataFrame, as_of: dt.date, threshold: int
) -> list[RepeatRepair]:
    """Repeat repairs in the 12 months ending at ``as_of`` (SPEC §4.8): assets first, by
    count (most first) then AssetID; then places without an asset, the same way."""
    rows = repairs_between(requests, *repair_window(as_of))
    names = dict(zip(assets["asset_id"], assets["name"], strict=True))
    places = dict(zip(assets["asset_id"], assets["location"], strict=True))
    found: list[RepeatRepair] = []
    has_asset = rows["asset_id"].notna()
    for kind, group_rows, key_column in (
        ("asset", rows[has_asset], "asset_id"),
        ("location", rows[~has_asset], "location"),
    ):
        keys = group_rows[key_column].map(_text)
        group_rows = group_rows[keys != ""]
        listed = []
        for key, group in group_rows.groupby(keys[keys != ""], sort=True):
            if len(group) < threshold:
                continue
            listed.append(
                RepeatRepair(
                    kind,
                    str(key),
                    _text(names.get(key)) if kind == "asset" else "",
                    _text(places.get(key)) if kind == "asset" else str(key),
                    len(group),
                    group["date"].max().date(),
                    tuple(_text(v) for v in group["request_id"]),
                )
            )
        found += sorted(listed, key=lambda r: (-r.count, r.key))
    return found


@dataclass(frozen=True)
class Satisfaction:
    """Ratings of the requests one person (or the school) handled."""

    staff_id: str | None  # None: the whole school
    ratings: int
    mean: Fraction | None  # exact; None without ratings


def satisfaction(
    requests: pd.DataFrame, first: dt.date, last: dt.date
) -> tuple[list[Satisfaction], Satisfaction]:
    """满意度 of requests dated from ``first`` to ``last`` (SPEC §4.8): per 负责人 (ordered by
    StaffID) and for the school. Unrated requests are left out of both."""
    dates = requests["date"]
    mask = (
        requests["satisfaction"].notna()
        & (dates >= pd.Timestamp(first))
        & (dates <= pd.Timestamp(last))
    )
    rated = requests[mask.fillna(False).astype(bool)]

    def of(values: pd.Series, who: str | None) -> Satisfaction:
        total = sum((Fraction(int(v)) for v in values), Fraction(0))
        return Satisfaction(who, len(values), total / len(values) if len(values) else None)

    people = [
        of(group["satisfaction"], str(sid))
        for sid, group in rated.groupby(rated["staff_id"].map(_text), sort=True)
        if sid
    ]
    return people, of(rated["satisfaction"], None)
