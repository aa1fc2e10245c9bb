"""Energy statistics (SPEC 4.4)."""

from fractions import Fraction

from logistics.core.energy import energy_month
from logistics.core.periods import Month
from tests.factories import D, dataset


def reading(day, value, meter="教学楼电表", kind="电", check="周查", **kw):
    return {"date": day, "meter": meter, "kind": kind, "reading": value, "check_type": check, **kw}


ROWS = [
    reading(D(2024, 2, 29), 900, check="月联查"),
    reading(D(2024, 3, 31), 1000, check="月联查"),
    reading(D(2025, 2, 28), 5000, check="月联查"),
    reading(D(2025, 3, 3), 5030),  # ISO week 10
    reading(D(2025, 3, 5), 5050),  # week 10 again
    reading(D(2025, 3, 12), 5080, finding="走廊灯常亮", fixed="否"),  # week 11
    reading(D(2025, 3, 31), 5115.5, check="月联查", finding="水龙头滴漏", fixed="是"),
    reading(D(2025, 3, 31), 300, meter="食堂水表", kind="水", check="月联查"),
]


def test_usage_year_on_year_alert_checks_and_findings():
    ds = dataset(energy=ROWS)
    assert not ds.errors
    stats, warnings = energy_month(ds, Month(2025, 3), D(2025, 12, 31))
    meter = next(s for s in stats if s.meter == "教学楼电表")
    assert meter.usage == Fraction("115.5") and meter.last_year == 100
    assert meter.yoy == Fraction("15.5") and meter.alert  # 15.5 > 10
    assert meter.weekly_checks == 2 and meter.open_findings == 1
    assert meter.kind == "electricity"
    water = next(s for s in stats if s.meter == "食堂水表")
    assert water.usage is None and water.yoy is None and not water.alert
    assert [(w.code, w.value, w.params["period"]) for w in warnings] == [
        ("reading_missing", "食堂水表", "2025-02")
    ]


def test_no_alert_at_or_below_the_threshold_and_blank_when_last_year_is_zero():
    rows = [
        reading(D(2024, 2, 29), 100),
        reading(D(2024, 3, 31), 100),
        reading(D(2025, 2, 28), 200),
        reading(D(2025, 3, 31), 250),
    ]
    stats, _ = energy_month(dataset(energy=rows), Month(2025, 3), D(2025, 12, 31))
    assert stats[0].usage == 50 and stats[0].last_year == 0 and stats[0].yoy is None
    rows = [
        reading(D(2024, 2, 29), 100),
        reading(D(2024, 3, 31), 200),
        reading(D(2025, 2, 28), 300),
        reading(D(2025, 3, 31), 410),
    ]
    stats, _ = energy_month(dataset(energy=rows), Month(2025, 3), D(2025, 12, 31))
    assert stats[0].yoy == 10 and not stats[0].alert


def test_reading_below_an_earlier_one_is_an_error():
    ds = dataset(energy=[reading(D(2025, 3, 1), 500), reading(D(2025, 3, 8), 499)])
    assert [(p.code, p.row, p.column) for p in ds.errors] == [("reading_decreased", 3, "reading")]
