"""SPEC 4.1 "Numbers are exact": typed decimals stay the decimals they show.

The issue's inspection example, worked by hand: post target 100 units a month, every one of
March 2025's 21 working days logged (日志分 20), 67 units done (数量分 30 × 67/100 = 20.1), no
items due (时效分 20), and −0.15 points in inspections (质量分 30 − 0.15 = 29.85, shown 29.9).
总分 = 20 + 20.1 + 29.85 + 20 = 89.95 exactly, rounded half up to 90.0: 优秀, pay 2000 × 1.2.
Summed as binary floats, three −0.05 make −0.15000000000000002 and the total 89.9 (良好).
"""

from fractions import Fraction

import pytest

from logistics.core.numbers import exact, exact_sum
from logistics.core.parsing import BAD, parse_int, parse_number
from logistics.core.periods import Month
from logistics.core.scoring import score_month
from logistics.core.workdays import WorkCalendar
from logistics.documents import formatting as f
from tests.factories import D, dataset, log, person

MARCH = Month(2025, 3)
POST_100 = {"post_id": "P1", "post": "保洁员", "monthly_target": 100}


def inspections(points):
    return [
        {"date": D(2025, 3, 5 + i), "staff_id": "S1", "item": "卫生", "points": p, "reason": "灰"}
        for i, p in enumerate(points)
    ]


def month_with(points):
    days = WorkCalendar().month_workdays(2025, 3)
    units = [4] * 16 + [1] * 3 + [0, 0]  # 64 + 3 = 67 units over the 21 days
    logs = [log(d, "S1", u) for d, u in zip(days, units, strict=True)]
    ds = dataset(posts=[POST_100], staff=[person()], logs=logs, inspections=inspections(points))
    assert not ds.errors, ds.errors
    (x,) = score_month(ds, MARCH, D(2025, 12, 31))
    return x


@pytest.mark.parametrize(
    "points",
    [[-0.05, -0.05, -0.05], [-0.15], ["-0.05", "-0.05", "-0.05"], [-0.1, -0.05], ["-0.15"]],
    ids=["three-floats", "one-float", "three-texts", "two-floats", "one-text"],
)
def test_inspection_points_add_up_exactly(points):
    x = month_with(points)
    assert x.inspection_points == Fraction(-15, 100)
    assert x.quality_score == Fraction(2985, 100)
    assert f.score(x.quality_score) == "29.9"
    assert x.quantity_score == Fraction(201, 10)
    assert x.total == 90 and x.grade == "excellent" and x.pay == 2400


def test_a_float_is_the_decimal_it_shows():
    assert exact(0.1) == Fraction(1, 10)
    assert exact(-0.05) == Fraction(-5, 100)
    assert exact(1234.5) == Fraction(2469, 2)
    assert exact_sum([0.1, 0.2, None, float("nan")]) == Fraction(3, 10)  # blanks count 0
    assert 0.1 + 0.2 != 0.3  # what the floats would have said


@pytest.mark.parametrize(
    "value",
    [float("inf"), float("-inf"), float("nan"), "inf", "-Infinity", "NaN", "1e309", True, False],
)
def test_non_numbers_do_not_parse(value):
    assert parse_number(value) is BAD
    assert parse_int(value) is BAD


@pytest.mark.parametrize(
    ("text", "number"), [("1,234.5", 1234.5), (" -0.05 ", -0.05), ("1e3", 1000.0), ("７", 7.0)]
)
def test_numbers_typed_as_text_parse(text, number):
    assert parse_number(text) == number
