"""The demo school's property and repairs: the cases the issue asks the demo to show."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

import pandas as pd
import pytest

from logistics.core import schema
from logistics.core.assets import asset_stats, count_result, overdue_loans
from logistics.core.repairs import repeat_repairs
from logistics.core.validate import load
from logistics.demo_data import demo_frames
from tests.test_demo_data import _raw_book

YEAR = 2025
END = dt.date(YEAR, 12, 31)


@pytest.fixture(scope="module")
def frames() -> dict[str, pd.DataFrame]:
    return demo_frames(YEAR)


@pytest.fixture(scope="module")
def tables(frames):
    return load(_raw_book(frames), END).tables


def test_about_300_assets_over_30_places_in_every_category(frames):
    assets = frames["assets"]
    assert 280 <= len(assets) <= 320 and assets["asset_id"].is_unique
    assert assets["location"].nunique() == 30
    assert set(assets["category"]) == {c.key for c in schema.ASSET_CATEGORY}
    fixed = assets[assets["category"] != "consumables"]
    coded = fixed["category_code"].dropna()
    assert len(coded) >= len(fixed) - 1  # the plaster casts (其他) have none
    assert all(re.fullmatch(r"[1-6]\d{6}", c) for c in coded)  # 4 levels, 7 digits
    assert set(assets["status"]) == {c.key for c in schema.ASSET_STATUS}


def test_disposals_and_overdue_loans(tables):
    assets = tables["assets"]
    disposed = assets[assets["status"] == "disposed"]
    assert len(disposed) >= 5 and disposed["disposed_date"].notna().all()
    late = overdue_loans(tables["loans"], END)
    assert len(late) == 3
    assert (late["returned"].isna()).all()
    returned_late = tables["loans"]["returned"] > tables["loans"]["due"]
    assert returned_late.any()  # and some came back late


def test_the_december_count_shows_every_kind_of_finding(tables):
    lines = count_result(tables["assets"], tables["counts"], YEAR)
    results = Counter("、".join(x.results) for x in lines)
    assert results["shortage"] == 1
    assert results["surplus"] == 2  # the meeting chairs, and the accordion off the books
    assert results["wrong_location"] == 1
    assert results["not_found"] == 1
    assert results["match"] == len(lines) - 5
    off_books = [x for x in lines if x.asset_id is None]
    assert [(x.name, x.book_quantity, x.counted) for x in off_books] == [("旧手风琴", 0, 1)]
    held_then = asset_stats(tables["assets"], dt.date(YEAR, 12, 15))
    assert len(lines) - 1 == sum(s.items for s in held_then)


def test_a_projector_repaired_again_and_again(tables):
    found = repeat_repairs(tables["requests"], tables["assets"], END, 3)
    assert [(r.kind, r.name, r.location, r.count) for r in found] == [
        ("asset", "投影仪", "教学楼203", 5),
        ("location", "", "教学楼二楼卫生间", 3),
    ]


def test_repairs_promise_nothing_so_no_score_changes(frames):
    requests = frames["requests"]
    added = requests[requests["request_id"].str.startswith("BX")]
    assert len(added) == 15 and not added["promised"].any()
    assert set(requests["category"]) == {"repair", "service", "other"}
    rated = requests["satisfaction"].dropna()
    assert rated.between(1, 5).all() and len(rated) > len(requests) / 2
