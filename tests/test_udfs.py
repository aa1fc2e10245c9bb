"""Worksheet functions, called as plain Python (xlwings passes cell values the same way)."""

import datetime as dt

import pytest

import udfs

CALENDAR = [
    ["日期", "类型", "说明"],
    [dt.datetime(2025, 3, 3), "放假", "运动会"],
    [dt.datetime(2025, 3, 8), "补班", ""],
]
ENERGY = [
    ["日期", "表计", "类别", "读数", "检查类型"],
    [dt.datetime(2025, 2, 28), "教学楼电表", "电", 1000.0, "月联查"],
    [dt.datetime(2025, 3, 14), "教学楼电表", "电", 1200.5, "周查"],
    [dt.datetime(2025, 3, 31), "教学楼电表", "电", 1500.0, "月联查"],
    [dt.datetime(2025, 3, 31), "食堂水表", "水", 80.0, "月联查"],
]


def test_workdays_follow_the_official_calendar_and_the_school_overrides():
    assert udfs.WORKDAYS_CN(dt.datetime(2025, 3, 1), dt.datetime(2025, 3, 31)) == 21
    assert udfs.WORKDAYS_CN("2025-09-28", "2025-09-28") == 1  # a Sunday make-up day
    assert udfs.WORKDAYS_CN("2025-01-28", "2025-02-04") == 0  # Spring Festival holiday
    assert udfs.WORKDAYS_CN("2025-01-27", "2025-02-08") == 5  # 27 Jan, 5–7 Feb, Saturday 8 Feb
    assert udfs.WORKDAYS_CN("2025-03-01", "2025-03-31", CALENDAR) == 21  # -1 holiday +1 Saturday


def test_grade_and_pay_coefficient():
    assert [udfs.SCORE_GRADE(s) for s in (95, 90, 89.9, 80, 60, 59.9)] == [
        "优秀",
        "优秀",
        "良好",
        "良好",
        "合格",
        "不合格",
    ]
    assert udfs.SCORE_GRADE(85, lang="en") == "Good"
    assert udfs.SCORE_GRADE(85, 85, 70, 50) == "优秀"
    assert [udfs.PAY_COEF(s) for s in (95, 85, 65, 10)] == [1.2, 1.0, 0.8, 0.5]
    assert udfs.PAY_COEF(95, coefficients=(1.5, 1, 0.5, 0)) == 1.5


def test_energy_use_between_two_dates():
    assert udfs.ENERGY_USE(ENERGY, "教学楼电表", "2025-03-01", "2025-03-31") == 500
    assert udfs.ENERGY_USE(ENERGY, "教学楼电表", "2025-03-15", "2025-03-31") == 299.5
    assert udfs.ENERGY_USE(ENERGY, "食堂水表", "2025-03-01", "2025-03-31") is None  # no earlier


def test_a_bad_date_says_how_to_write_one():
    with pytest.raises(ValueError, match="2025-03-07"):
        udfs.WORKDAYS_CN("下周一", "2025-03-31")


def test_energy_use_counts_both_meters_across_a_replacement():
    readings = [
        ["日期", "表计", "类别", "读数", "检查类型", "换表后读数"],
        [dt.datetime(2025, 2, 28), "教学楼电表", "电", 1000.0, "月联查", None],
        [dt.datetime(2025, 3, 15), "教学楼电表", "电", 1080.0, "换表", 0.0],
        [dt.datetime(2025, 3, 31), "教学楼电表", "电", 40.0, "月联查", None],
    ]
    # 80 on the old meter before the swap, 40 on the new one after it.
    assert udfs.ENERGY_USE(readings, "教学楼电表", "2025-03-01", "2025-03-31") == 120
