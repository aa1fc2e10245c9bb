"""Receptions (SPEC 4.7, 4.5): the issue's table of cases, each checked by hand.

Defaults: MealCap 50 yuan per person-meal, HostsMax 3, HostsDivisor 3, no budget.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from logistics.core import validate
from logistics.core.periods import Month
from logistics.core.receptions import (
    FINDING_CODES,
    host_cap,
    per_person_meal,
    reception_month,
    reception_stat_rows,
    receptions,
)
from logistics.core.settings import Settings
from tests.factories import POST, D, dataset, person, raw_book

AS_OF = D(2025, 12, 31)


def reception(rid: str = "JD-1", day=D(2025, 3, 10), **kw: object) -> dict:
    """A reception with no finding: letter, approved the day before, 5 + 2 people, no alcohol."""
    return {
        "reception_id": rid,
        "date": day,
        "visitor": "区教育局",
        "purpose": "调研",
        "official_letter": "是",
        "approver": "王校长",
        "approved_date": D(2025, 3, 1) if day is None else day,
        "guests": 5,
        "hosts": 2,
        "meals": 1,
        "meal_cost": 300,
        "alcohol": "否",
        "staff_id": "S1",
        **kw,
    }


def load(*rows: dict, settings: list[dict] | None = None):
    return dataset(
        AS_OF, posts=[POST], staff=[person()], receptions=list(rows), settings=settings or []
    )


def codes(*rows: dict, settings: list[dict] | None = None) -> list[tuple[str, int, str]]:
    ds = load(*rows, settings=settings)
    return [(p.code, p.row, p.column) for p in ds.problems if p.sheet == "receptions"]


# ---- the cases ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("guests", "hosts", "over"),
    [
        (10, 3, False),  # cap = max(3, ⌊10/3⌋ = 3) = 3; 3 ≤ 3
        (10, 4, True),  # 4 > 3
        (12, 4, False),  # cap = max(3, ⌊12/3⌋ = 4) = 4; 4 ≤ 4
        (30, 11, True),  # cap = max(3, ⌊30/3⌋ = 10) = 10; 11 > 10
    ],
)
def test_hosts_against_the_cap(guests: int, hosts: int, over: bool) -> None:
    found = codes(reception(guests=guests, hosts=hosts, meal_cost=0, meals=0))
    assert found == ([("reception_hosts_over", 2, "hosts")] if over else [])


def test_host_cap_follows_the_settings() -> None:
    assert [host_cap(g, Settings()) for g in (1, 10, 11, 12, 30)] == [3, 3, 3, 4, 10]
    # HostsMax 2, HostsDivisor 4: 10 guests → max(2, ⌊10/4⌋ = 2) = 2; 20 → max(2, 5) = 5
    custom = Settings(hosts_max=2, hosts_divisor=4)
    assert (host_cap(10, custom), host_cap(20, custom)) == (2, 5)


def test_meal_cost_at_the_cap_is_no_finding_and_one_yuan_more_is() -> None:
    # (10 + 3) people × 2 meals = 26 person-meals; 1,300 / 26 = 50 exactly (= cap: allowed)
    at_cap = reception(guests=10, hosts=3, meals=2, meal_cost=1300)
    assert codes(at_cap) == []
    assert per_person_meal(Fraction(1300), 10, 3, 2) == 50
    # 1,301 / 26 = 50.038… > 50
    over = reception(guests=10, hosts=3, meals=2, meal_cost=1301)
    assert codes(over) == [("reception_meal_over", 2, "meal_cost")]
    problem = next(p for p in load(over).problems if p.code == "reception_meal_over")
    assert problem.params["per_meal"] == "50.04"  # 50.0385 rounded half up
    assert "50.04" in problem.message("zh") and "13 人 × 2 餐" in problem.message("zh")


def test_meal_cost_is_exact_for_decimals_a_float_would_blur() -> None:
    # 0.1 + 0.2 style: a cap of 33.3 and 3 people × 1 meal at 99.9 is exactly 33.3 (no finding)
    settings = [{"key": "接待餐费标准", "value": 33.3}]
    assert codes(reception(guests=2, hosts=1, meals=1, meal_cost=99.9), settings=settings) == []


def test_meal_cost_with_no_meal_is_an_error() -> None:
    found = codes(reception(meals=0, meal_cost=200))
    assert found == [("reception_meals_missing", 2, "meals")]
    assert load(reception(meals=None, meal_cost=200)).errors
    assert codes(reception(meals=0, meal_cost=0)) == []


def test_approval_after_the_visit_or_missing_is_unapproved() -> None:
    late = reception(day=D(2025, 3, 10), approved_date=D(2025, 3, 11))
    assert codes(late) == [("reception_approved_late", 2, "approved_date")]
    same_day = reception(day=D(2025, 3, 10), approved_date=D(2025, 3, 10))
    assert codes(same_day) == []
    assert codes(reception(approved_date=None)) == [("reception_unapproved", 2, "approved_date")]


def test_no_official_letter() -> None:
    assert codes(reception(official_letter="否")) == [("reception_no_letter", 2, "official_letter")]
    assert codes(reception(official_letter=None)) == [("reception_no_letter", 2, "official_letter")]


def test_alcohol() -> None:
    assert codes(reception(alcohol="是")) == [("reception_alcohol", 2, "alcohol")]


def test_findings_are_warnings_and_never_block() -> None:
    ds = load(reception(official_letter="否", alcohol="是", hosts=9))
    found = [p for p in ds.problems if p.code in FINDING_CODES]
    assert len(found) == 3 and not ds.errors
    assert all(p.severity == "warning" for p in found)


def test_a_row_with_three_findings_counts_once() -> None:
    rows = [
        # three findings: 10 guests and 4 hosts (cap 3), no letter, alcohol
        reception("JD-1", D(2025, 3, 3), guests=10, hosts=4, official_letter="否", alcohol="是"),
        reception("JD-2", D(2025, 3, 4)),  # none
        reception("JD-3", D(2025, 3, 5), alcohol="是"),  # one
    ]
    ds = load(*rows)
    stats = reception_month(receptions(ds.tables["receptions"]), Month(2025, 3), ds.settings, AS_OF)
    assert stats.receptions == 3 and stats.flagged == 2  # JD-1 once, JD-3 once
    assert stats.guests == 10 + 5 + 5 and stats.hosts == 4 + 2 + 2


# ---- ReceptionStats --------------------------------------------------------------------------


def test_month_sums_year_to_date_and_budget_use() -> None:
    rows = [
        # January: 1,300 + 800 + 150 = 2,250
        reception("JD-1", D(2025, 1, 9), meal_cost=1300, guests=10, hosts=3, meals=2,
                  lodging_cost=800, other_cost=150),
        # February: 200 (and one in March, after the month asked for)
        reception("JD-2", D(2025, 2, 12), meal_cost=200),
        reception("JD-3", D(2025, 3, 3), meal_cost=99.99),
    ]  # fmt: skip
    settings = [{"key": "年度接待预算", "value": 20000}]
    ds = load(*rows, settings=settings)
    table = receptions(ds.tables["receptions"])
    feb = reception_month(table, Month(2025, 2), ds.settings, AS_OF)
    assert (feb.receptions, feb.meal_cost, feb.total) == (1, 200, 200)
    # 本年累计 = 2,250 + 200 = 2,450; 2,450 / 20,000 × 100 = 12.25 → 12.3 (half up, not 12.2)
    assert feb.year_to_date == 2450 and feb.budget == 20000
    assert feb.budget_used == Fraction("12.3")
    mar = reception_month(table, Month(2025, 3), ds.settings, AS_OF)
    # 2,549.99 / 20,000 × 100 = 12.74995 → 12.7
    assert mar.year_to_date == Fraction("2549.99") and mar.budget_used == Fraction("12.7")


def test_no_budget_leaves_the_budget_columns_blank() -> None:
    ds = load(reception())
    stats = reception_month(receptions(ds.tables["receptions"]), Month(2025, 3), ds.settings, AS_OF)
    assert stats.budget is None and stats.budget_used is None and stats.year_to_date == 300


def test_year_to_date_restarts_in_september_with_a_school_year() -> None:
    rows = [
        reception("JD-1", D(2024, 9, 20), meal_cost=100),
        reception("JD-2", D(2025, 1, 15), meal_cost=200),
        reception("JD-3", D(2025, 8, 28), meal_cost=300),
        reception("JD-4", D(2025, 9, 2), meal_cost=50),
    ]
    school_year = [{"key": "年度起始月", "value": 9}]
    ds = load(*rows, settings=school_year)
    table = receptions(ds.tables["receptions"])
    aug = reception_month(table, Month(2025, 8), ds.settings, AS_OF)
    sep = reception_month(table, Month(2025, 9), ds.settings, AS_OF)
    assert aug.year_to_date == 100 + 200 + 300  # Sep 2024 – Aug 2025
    assert sep.year_to_date == 50  # a new year starts in September
    calendar_year = load(*rows)  # YearStartMonth 1: Jan – Sep 2025
    table = receptions(calendar_year.tables["receptions"])
    sep = reception_month(table, Month(2025, 9), calendar_year.settings, AS_OF)
    assert sep.year_to_date == 200 + 300 + 50


def test_rows_after_the_as_of_date_do_not_count_and_warn() -> None:
    rows = [reception("JD-1", D(2025, 3, 3)), reception("JD-2", D(2025, 3, 20))]
    ds = dataset(D(2025, 3, 10), posts=[POST], staff=[person()], receptions=rows)
    assert [(p.code, p.row) for p in ds.warnings] == [("after_as_of", 3)]
    table = receptions(ds.tables["receptions"])
    stats = reception_month(table, Month(2025, 3), ds.settings, D(2025, 3, 10))
    assert stats.receptions == 1


def test_sheet_errors_unknown_staff_and_a_workbook_without_the_sheet() -> None:
    found = codes(reception(staff_id="NOBODY", guests=0))
    assert ("unknown_staff", 2, "staff_id") in found and ("out_of_range", 2, "guests") in found
    raw = raw_book(drop=["receptions"], posts=[POST], staff=[person()])
    assert "receptions" not in raw.sheets
    ds = validate.load(raw, AS_OF)
    assert ds.tables["receptions"].empty and not ds.problems


def test_money_is_summed_exactly_and_rounded_half_up_to_the_cent() -> None:
    # 1 + 0.005 = 1.005 exactly → 1.01; as binary floats 1.005 is 1.00499999… and rounds to 1.0
    rows = [
        reception("JD-1", D(2025, 3, 3), meal_cost=0, meals=0, other_cost=1),
        reception("JD-2", D(2025, 3, 4), meal_cost=0, meals=0, other_cost=0.005),
    ]
    ds = load(*rows)
    stats = reception_month(receptions(ds.tables["receptions"]), Month(2025, 3), ds.settings, AS_OF)
    assert stats.other_cost == Fraction("1.005")
    (row,) = reception_stat_rows([stats])
    assert row[6] == row[7] == row[9] == 1.01  # 其他费用, 合计, 本年累计
