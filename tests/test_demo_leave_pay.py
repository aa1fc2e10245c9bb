"""The demos show leave, transfers and both pay modes (issue: the demo uses all of it)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from logistics.core.periods import Month
from logistics.core.scoring import score_month
from logistics.core.validate import load
from logistics.demo_data import demo_frames
from logistics.demo_data.pool_school import pool_school_frames
from tests.test_demo_data import _raw_book

YEAR = 2025
AS_OF = dt.date(YEAR, 12, 31)


@pytest.fixture(scope="module")
def frames() -> dict[str, pd.DataFrame]:
    return demo_frames(YEAR)


def test_a_month_of_sick_leave_and_short_leaves_with_no_logs_on_them(frames):
    leave = frames["leave"]
    sick = leave[leave["type"] == "sick"].iloc[0]
    assert (sick["start"], sick["end"]) == (dt.date(YEAR, 6, 1), dt.date(YEAR, 6, 30))
    assert len(leave) >= 3 and not any(d.month == 3 for d in leave["start"])  # golden March
    logs = frames["logs"]
    for _, row in leave.iterrows():
        mine = logs[(logs["staff_id"] == row["staff_id"])]
        assert not mine["date"].between(row["start"], row["end"]).any()
    ds = load(_raw_book(frames), AS_OF)
    june = {x.staff_id for x in score_month(ds, Month(YEAR, 6), AS_OF)}
    assert sick["staff_id"] not in june


def test_two_mid_month_transfers_whose_chain_ends_at_the_staff_post(frames):
    moves = frames["transfers"]
    assert len(moves) == 2 and all(10 <= d.day <= 20 for d in moves["effective_date"])
    post = frames["staff"].set_index("staff_id")["post_id"]
    for _, row in moves.iterrows():
        assert post[row["staff_id"]] == row["to_post_id"] != row["from_post_id"]
    ds = load(_raw_book(frames), AS_OF)
    mover = moves.iloc[0]
    march = next(
        x for x in score_month(ds, Month(YEAR, 3), AS_OF) if x.staff_id == mover["staff_id"]
    )
    names = frames["posts"].set_index("post_id")["post"]
    assert march.post == names[mover["from_post_id"]]  # March keeps the old post


def test_the_pool_school_validates_and_has_every_months_pool():
    frames = pool_school_frames(YEAR)
    ds = load(_raw_book(frames), AS_OF)
    # Its receptions and loans, made as the demo school's, carry their deliberate findings.
    others = [p for p in ds.problems if p.sheet not in ("receptions", "loans")]
    assert others == [] and ds.settings.pay_mode == "pool"
    assert set(frames["pay_pools"]["period"]) == {f"{YEAR}-{m:02d}" for m in range(1, 13)} | {
        str(YEAR)
    }
