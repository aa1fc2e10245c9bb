"""The property case of the benchmark: ``logistics inventory`` on a school with 5,000 assets
and 20,000 count rows, against the raw read of the same workbook (target: ≤ 1.5×).

The workbook is the small demo school (20 staff, few logs) with a large Assets sheet (over
100 rooms) and a December count of four rows per asset: a first count and recounts on later
days, some in another room or with another number, and a few items off the books. It is
built in a child process and cached beside the other benchmark workbooks.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import time
from pathlib import Path

ASSETS = 5_000
COUNT_ROWS = 20_000
RATIO_MAX = 1.5  # inventory e2e / raw read
YEAR = 2025


def property_frames(assets: int, count_rows: int) -> dict[str, object]:
    """The demo school's frames with ``assets`` assets and ``count_rows`` Counts rows."""
    import pandas as pd

    from logistics.demo_data import demo_frames

    frames = demo_frames(YEAR, staff_count=20, logs_per_day=0.2)
    rng = random.Random(14885)
    rooms = [f"{b}{f}{n:02d}" for b in ("教学楼", "实验楼", "综合楼") for f in (1, 2, 3, 4)
             for n in range(1, 10)]  # fmt: skip
    categories = ("general", "special", "books", "furniture", "consumables", "other")
    asset_rows = []
    for i in range(assets):
        asset_rows.append(
            {
                "asset_id": f"ZC{i:06d}",
                "name": f"资产{i % 97}",
                "category_code": "2010105",
                "category": categories[i % len(categories)],
                "model": "型号",
                "quantity": rng.randint(1, 50),
                "unit_price": round(rng.uniform(10, 9000), 2),
                "purchase_date": dt.date(2015, 1, 1) + dt.timedelta(days=rng.randint(0, 3500)),
                "location": rooms[i % len(rooms)],
                "department": "总务处",
                "staff_id": None,
                "status": "idle" if i % 53 == 0 else "repair" if i % 71 == 0 else "in_use",
                "disposed_date": None,
                "notes": None,
            }
        )
    count = []
    per_asset = max(1, count_rows // assets)
    for day in range(per_asset):
        for a in asset_rows:
            if len(count) >= count_rows:
                break
            off = rng.random()
            count.append(
                {
                    "date": dt.date(YEAR, 12, 15 + day),
                    "asset_id": None if off < 0.001 else a["asset_id"],
                    "name": "账外物品" if off < 0.001 else a["name"],
                    "location": rng.choice(rooms) if off < 0.02 else a["location"],
                    "counted": a["quantity"] - (1 if off < 0.03 else 0),
                    "staff_id": None,
                    "notes": None,
                }
            )
    frames["assets"] = pd.DataFrame(asset_rows)
    frames["loans"] = frames["loans"].iloc[0:0]
    frames["requests"] = frames["requests"].assign(asset_id=None)  # the demo's assets are gone
    frames["counts"] = pd.DataFrame(count)
    return frames  # type: ignore[return-value]


def child_build_property(path: str, assets: str, count_rows: str) -> None:
    """Build the property workbook at ``path`` (run in a child: it is memory hungry)."""
    from logistics.io.builder import build_workbook

    frames = property_frames(int(assets), int(count_rows))
    start = time.perf_counter()
    build_workbook(Path(path), "zh", frames)  # type: ignore[arg-type]
    rows = {key: len(frame) for key, frame in frames.items()}  # type: ignore[attr-defined]
    print(json.dumps({"rows": rows, "build_s": time.perf_counter() - start}))
