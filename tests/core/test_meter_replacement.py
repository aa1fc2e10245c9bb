"""Meter replacement (换表): adjusted readings lose no use and raise no error (SPEC 4.4, 4.5)."""

from fractions import Fraction

from logistics.core.energy import energy_month
from logistics.core.periods import Month
from tests.factories import D, dataset


def reading(day, value, check="周查", after=None, meter="教学楼电表"):
    row = {"date": day, "meter": meter, "kind": "电", "reading": value, "check_type": check}
    return row if after is None else {**row, "reading_after": after}


SWAP = [
    reading(D(2025, 2, 28), 1000, "月联查"),  # row 2
    reading(D(2025, 3, 15), 1080, "换表", after=0),  # row 3: old meter's last, new meter's first
    reading(D(2025, 3, 31), 40, "月联查"),  # row 4: the new meter
    reading(D(2025, 4, 30), 100, "月联查"),  # row 5
]


def usage(rows, month):
    stats, _ = energy_month(dataset(energy=rows), month, D(2025, 12, 31))
    return stats[0].usage


def test_a_replacement_loses_no_use_and_raises_no_error():
    ds = dataset(energy=SWAP)
    assert not ds.errors
    # March: the old meter counted 1080 − 1000 = 80 before the swap, the new one 40 − 0 after.
    assert usage(SWAP, Month(2025, 3)) == 120
    # April: all on the new meter, 100 − 40.
    assert usage(SWAP, Month(2025, 4)) == 60


def test_two_replacements_add_their_offsets():
    rows = [
        *SWAP,
        reading(D(2025, 5, 10), 130.5, "换表", after=2.5),
        reading(D(2025, 5, 31), 12.5, "月联查"),
    ]
    assert not dataset(energy=rows).errors
    # May: 130.5 − 100 on the second meter, then 12.5 − 2.5 on the third: 30.5 + 10.
    assert usage(rows, Month(2025, 5)) == Fraction("40.5")


def test_replacement_needs_the_new_meters_reading():
    rows = [reading(D(2025, 3, 1), 500), reading(D(2025, 3, 15), 520, "换表")]
    assert [(p.code, p.row, p.column) for p in dataset(energy=rows).errors] == [
        ("reading_after_missing", 3, "reading_after")
    ]


def test_reading_after_belongs_only_on_a_replacement_row():
    rows = [reading(D(2025, 3, 1), 500, after=10)]
    assert [(p.code, p.row, p.column) for p in dataset(energy=rows).errors] == [
        ("reading_after_unexpected", 2, "reading_after")
    ]


def test_no_other_row_of_the_meter_on_the_replacement_day():
    rows = [
        reading(D(2025, 3, 1), 500),
        reading(D(2025, 3, 15), 520, "换表", after=0),
        reading(D(2025, 3, 15), 3),  # row 4: same meter, same day
        reading(D(2025, 3, 15), 7, meter="食堂电表"),  # another meter may read that day
    ]
    assert [(p.code, p.row, p.column) for p in dataset(energy=rows).errors] == [
        ("replacement_same_day", 4, "date")
    ]


def test_the_new_meter_below_its_first_reading_is_an_error_naming_that_reading():
    rows = [
        reading(D(2025, 3, 1), 500),
        reading(D(2025, 3, 15), 520, "换表", after=50),
        reading(D(2025, 3, 22), 40),  # adjusted 40 + 470 = 510 < 520
    ]
    errors = dataset(energy=rows).errors
    assert [(p.code, p.row, p.column) for p in errors] == [("reading_decreased", 4, "reading")]
    assert errors[0].params["prev_value"] == "50"
