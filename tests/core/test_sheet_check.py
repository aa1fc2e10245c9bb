"""Sheets checked one at a time as a reader hands them over (``validate.check_sheet``) give
``load`` exactly what checking the whole book at once gives; a check of another sheet
(a stale read) or of another date system is not taken."""

from __future__ import annotations

import datetime as dt
import random

import pandas as pd

from logistics.core import schema
from logistics.core.dataset import Dataset
from logistics.core.validate import check_sheet, load
from tests.factories import POST, log, person, raw_book

D = dt.date
AS_OF = D(2025, 12, 31)


def book_with_problems():
    """Problems in three sheets and across them: a log by an unknown person and one of 2026
    (after the as-of date), a person with no start date, a post id typed twice."""
    return raw_book(
        posts=[POST, POST],
        staff=[person("S1"), {**person("S2"), "start_date": None}],
        logs=[log(D(2025, 3, 3)), log(D(2025, 3, 4), staff_id="S9"), log(D(2026, 1, 5))],
    )


def assert_same(a: Dataset, b: Dataset) -> None:
    assert a.problems == b.problems and a.settings == b.settings
    assert list(a.tables) == list(b.tables)
    for key, table in a.tables.items():
        pd.testing.assert_frame_equal(table, b.tables[key])


def test_sheets_checked_in_any_order_load_as_the_whole_book() -> None:
    raw = book_with_problems()
    whole = load(raw, AS_OF)
    assert {"posts", "staff", "logs"} <= {p.sheet for p in whole.problems}
    keys = [s.key for s in schema.INPUT_SHEETS]
    random.Random(7).shuffle(keys)  # the order sheets become ready in does not matter
    checked = {key: check_sheet(raw.sheets[key], raw.date1904) for key in keys}
    assert_same(whole, load(raw, AS_OF, checked))


def test_a_check_of_another_read_of_the_sheet_is_not_taken() -> None:
    raw = book_with_problems()
    stale = raw_book(staff=[person("S1"), person("S2")])  # an earlier read: no problem there
    checked = {"staff": check_sheet(stale.sheets["staff"], False)}
    assert_same(load(raw, AS_OF), load(raw, AS_OF, checked))
    assert any(p.sheet == "staff" for p in load(raw, AS_OF, checked).problems)


def test_a_check_in_the_other_date_system_is_not_taken() -> None:
    raw = book_with_problems()
    raw.sheets["logs"].frame.loc[2, "date"] = 45000.0  # a bare serial: 2023-03-15 from 1900
    checked = {"logs": check_sheet(raw.sheets["logs"], True)}  # 1904: four years later
    days = load(raw, AS_OF, checked).tables["logs"]["date"]
    assert days[2] == pd.Timestamp(2023, 3, 15)
