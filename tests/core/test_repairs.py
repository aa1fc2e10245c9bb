"""Repairs and satisfaction (SPEC §4.8): repeat repairs in the 12 months ending at the as-of
date, by asset and by place; satisfaction means per person and for the school.

Expected values are counted by hand from the rows below.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from logistics.core.repairs import repair_window, repeat_repairs, satisfaction
from tests.core.test_assets import ASSETS
from tests.factories import POST, D, dataset, person


def request(n, day, category="报修", asset_id=None, location=None, staff="S1", rating=None):
    return {
        "request_id": f"R{n:02d}",
        "date": day,
        "requester": "李老师",
        "content": "报修",
        "staff_id": staff,
        "done_date": day,
        "category": category,
        "asset_id": asset_id,
        "location": location,
        "satisfaction": rating,
    }


REQUESTS = [
    request(1, D(2024, 12, 31), asset_id="ZC002"),  # projector, a day before the 2025 window
    request(2, D(2025, 1, 1), asset_id="ZC002", location="教学楼101"),
    request(3, D(2025, 4, 10), asset_id="ZC002"),
    request(4, D(2025, 11, 20), asset_id="ZC002"),
    request(5, D(2025, 3, 3), asset_id="ZC001"),  # computer: twice only
    request(6, D(2025, 9, 3), asset_id="ZC001"),
    request(7, D(2025, 2, 1), location="行政楼201"),  # a place with no asset: three times
    request(8, D(2025, 5, 1), location=" 行政楼201"),
    request(9, D(2025, 9, 1), location="行政楼201"),
    request(10, D(2025, 9, 2), category="服务", location="行政楼201"),  # not a repair
    request(11, D(2025, 10, 8), asset_id="ZC005", location="行政楼201"),  # counts for ZC005
    request(12, D(2025, 10, 9), category=None, location="食堂"),  # blank category: 其他
    request(13, D(2025, 10, 10), location="食堂"),
]


def ds(as_of=D(2025, 12, 31), threshold=None):
    settings = [] if threshold is None else [{"key": "重复报修阈值", "value": threshold}]
    return dataset(
        as_of,
        posts=[POST],
        staff=[person("S1"), person("S2")],
        assets=ASSETS,
        requests=REQUESTS,
        settings=settings,
    )


def listed(data, as_of):
    t = data.tables
    found = repeat_repairs(t["requests"], t["assets"], as_of, data.settings.repeat_repairs)
    return [(r.kind, r.key, r.name, r.location, r.count, r.last, r.request_ids) for r in found]


@pytest.mark.parametrize(
    ("as_of", "window"),
    [
        (D(2025, 12, 31), (D(2025, 1, 1), D(2025, 12, 31))),
        (D(2025, 3, 15), (D(2024, 3, 16), D(2025, 3, 15))),
        (D(2024, 2, 29), (D(2023, 3, 1), D(2024, 2, 29))),
    ],
)
def test_window_is_the_twelve_months_ending_at_the_as_of_date(as_of, window):
    assert repair_window(as_of) == window


def test_clean_requests_have_no_problems():
    assert ds().problems == []


def test_repeat_repairs_at_year_end_by_asset_and_by_place():
    data = ds()
    assert data.settings.repeat_repairs == 3  # the default
    assert listed(data, D(2025, 12, 31)) == [
        # R01 (2024-12-31) is outside the window; R02–R04 make three.
        ("asset", "ZC002", "投影仪", "教学楼101", 3, D(2025, 11, 20), ("R02", "R03", "R04")),
        # R07–R09 (trimmed); R10 is a service, R11 belongs to ZC005, R12 is not a repair.
        ("location", "行政楼201", "", "行政楼201", 3, D(2025, 9, 1), ("R07", "R08", "R09")),
    ]


def test_repeat_repairs_mid_year():
    # Window 2024-07-01 … 2025-06-30: the projector has R01–R03; the place only R07, R08.
    assert listed(ds(D(2025, 6, 30)), D(2025, 6, 30)) == [
        ("asset", "ZC002", "投影仪", "教学楼101", 3, D(2025, 4, 10), ("R01", "R02", "R03")),
    ]


def test_threshold_from_settings():
    assert listed(ds(threshold=4), D(2025, 12, 31)) == []
    two = [(k, key, n) for k, key, _, _, n, _, _ in listed(ds(threshold=2), D(2025, 12, 31))]
    assert two == [
        ("asset", "ZC002", 3),
        ("asset", "ZC001", 2),
        ("location", "行政楼201", 3),
    ]


def test_satisfaction_means_per_person_and_school():
    rated = [
        request(1, D(2025, 3, 1), staff="S1", rating=5),
        request(2, D(2025, 4, 1), staff="S1", rating=4),
        request(3, D(2025, 5, 1), staff="S1", rating=4),
        request(4, D(2025, 5, 2), staff="S2", rating=3),
        request(5, D(2025, 6, 2), staff="S2", rating=2),
        request(6, D(2025, 6, 3), staff="S2"),  # not rated: left out
        request(7, D(2024, 6, 3), staff="S2", rating=1),  # outside the year
    ]
    data = dataset(
        D(2025, 12, 31), posts=[POST], staff=[person("S1"), person("S2")], requests=rated
    )
    people, school = satisfaction(data.tables["requests"], D(2025, 1, 1), D(2025, 12, 31))
    assert [(p.staff_id, p.ratings, p.mean) for p in people] == [
        ("S1", 3, Fraction(13, 3)),  # (5 + 4 + 4) / 3 = 4.33…
        ("S2", 2, Fraction(5, 2)),  # (3 + 2) / 2
    ]
    assert (school.ratings, school.mean) == (5, Fraction(18, 5))  # 18 / 5 = 3.6


def test_satisfaction_without_ratings():
    people, school = satisfaction(ds().tables["requests"], D(2025, 1, 1), D(2025, 12, 31))
    assert people == [] and (school.ratings, school.mean) == (0, None)
