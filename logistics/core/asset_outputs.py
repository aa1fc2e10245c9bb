"""The AssetStats and CountResult sheets' rows, in the workbook's language (SPEC §3.2)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from . import schema
from .assets import AssetStat, CountLine, result_label
from .outputs import Row, kept_rows
from .parsing import parse_text


def asset_stats_rows(as_of_label: str, stats: Iterable[AssetStat], lang: str) -> list[Row]:
    """AssetStats rows; the period key 截止日期 is the as-of date as text (2025-12-31)."""
    labels = {c.key: c.label(lang) for c in schema.ASSET_CATEGORY}
    return [
        [
            as_of_label,
            labels.get(s.category, s.category),
            s.location,
            s.items,
            s.quantity,
            float(s.amount),
            s.idle,
            s.in_repair,
        ]
        for s in stats
    ]


def count_result_rows(year: int, lines: Iterable[CountLine], lang: str) -> list[Row]:
    return [
        [
            year,
            x.asset_id,
            x.name,
            x.book_location,
            x.actual_location,
            x.book_quantity,
            x.counted,
            x.difference,
            result_label(x.results, lang),
        ]
        for x in lines
    ]


def merge_in_order(
    existing: pd.DataFrame | None, sheet: schema.Sheet, periods: set[str], new_rows: Sequence[Row]
) -> list[Row]:
    """Rows of other periods as they were, plus ``new_rows``, ordered by period only.

    (``outputs.merge_period`` also sorts by the second column, which would move the blank-ID
    rows of CountResult among the asset IDs; within a period these rows keep their order.)
    """
    kept = kept_rows(existing, sheet, periods)

    def period_of(row: Row) -> str:
        return str(parse_text(row[0])) if row[0] is not None else ""

    return sorted(kept + list(new_rows), key=period_of)
