"""Build RawBooks in memory, as a reader would hand them over, for core tests.

Rows are dicts keyed by column key holding what a cell would hold (labels such as 完成 or
是, dates, numbers). Row numbers start at 2, below the header, as in a built workbook.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import pandas as pd

from logistics.core import schema
from logistics.core.dataset import Dataset
from logistics.core.rawbook import RawBook, RawSheet
from logistics.core.validate import load

D = dt.date


def raw_sheet(key: str, rows: Iterable[Mapping[str, object]], first_row: int = 2) -> RawSheet:
    sheet = schema.SHEETS[key]
    rows = list(rows)
    keys = [c.key for c in sheet.columns]
    frame = pd.DataFrame(
        {k: [r.get(k) for r in rows] for k in keys},
        dtype=object,
        index=pd.RangeIndex(len(rows)) + first_row,
    )
    return RawSheet(key, sheet.zh, first_row - 1, frame)


def raw_book(
    lang: str = "zh", drop: Iterable[str] = (), **sheets: Iterable[Mapping[str, object]]
) -> RawBook:
    """Every input sheet (empty unless given), minus ``drop``."""
    built = {
        s.key: raw_sheet(s.key, sheets.get(s.key, []))
        for s in schema.INPUT_SHEETS
        if s.key not in drop
    }
    return RawBook(lang, built)


def dataset(as_of: dt.date = D(2025, 12, 31), **sheets: Iterable[Mapping[str, object]]) -> Dataset:
    return load(raw_book(**sheets), as_of)


POST = {"post_id": "P1", "post": "保洁员", "monthly_target": 21}


def person(staff_id: str = "S1", start: dt.date = D(2024, 1, 1), **kw: object) -> dict:
    return {
        "staff_id": staff_id,
        "name": f"员工{staff_id}",
        "post_id": "P1",
        "start_date": start,
        "pay_base": 2000,
        **kw,
    }


def log(
    day: dt.date,
    staff_id: str = "S1",
    units: float = 1,
    status: str = "完成",
    content: str = "清扫",
) -> dict:
    return {"date": day, "staff_id": staff_id, "content": content, "units": units, "status": status}
