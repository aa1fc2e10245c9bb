"""SPEC 4.7: receptions (接待) under the school's regulation, and their monthly statistics.

The regulation asks for an official letter (公函) and approval before the visit, at most
``max(HostsMax, ⌊Guests / HostsDivisor⌋)`` hosts, a cap on the meal cost per person and meal,
and no alcohol. Each breach is a *finding*: a warning at its row of the Receptions sheet
(SPEC 4.5). A row with several findings counts once in 问题批次. Money is summed exactly and
rounded half up to 0.01 only where it is shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

import pandas as pd

from words import both, pick

from .periods import Month
from .problems import Problem, display
from .rounding import round_half_up
from .settings import Settings, exact

SHEET = "receptions"

# Finding key -> (column it is reported at, zh label, en label), in the order the findings
# are listed everywhere; each Problem code names one finding (未审批 has two: no date, late).
FINDINGS: dict[str, tuple[str, str, str]] = {
    "hosts_over": ("hosts", *both("flag_too_many_hosts")),
    "meal_over": ("meal_cost", *both("flag_meals_over_cap")),
    "no_letter": ("official_letter", *both("flag_no_letter")),
    "unapproved": ("approved_date", *both("flag_not_approved")),
    "alcohol": ("alcohol", *both("flag_alcohol")),
}
CODE_FINDING: dict[str, str] = {
    "reception_hosts_over": "hosts_over",
    "reception_meal_over": "meal_over",
    "reception_no_letter": "no_letter",
    "reception_unapproved": "unapproved",
    "reception_approved_late": "unapproved",
    "reception_alcohol": "alcohol",
}
FINDING_CODES = frozenset(CODE_FINDING)


def finding_label(key: str, lang: str) -> str:
    """陪同超标 / Too many hosts …: how a finding is named on sheets and in documents."""
    _, zh, en = FINDINGS[key]
    return pick(lang, zh, en)


def host_cap(guests: int, settings: Settings) -> int:
    """The most hosts allowed for ``guests`` visitors: max(HostsMax, ⌊Guests / HostsDivisor⌋).

    Defaults: 3 up to 11 guests (⌊11/3⌋ = 3), then a third of the guests (12 → 4, 30 → 10).
    """
    return max(settings.hosts_max, guests // settings.hosts_divisor)


def per_person_meal(meal_cost: Fraction, guests: int, hosts: int, meals: int) -> Fraction | None:
    """餐费 / ((Guests + Hosts) × Meals), exact; None when there is no cost or no meal."""
    people = guests + hosts
    if meal_cost <= 0 or meals <= 0 or people <= 0:
        return None
    return meal_cost / (people * meals)


@dataclass(frozen=True)
class Reception:
    """One row of the Receptions sheet with blanks settled: counts 0, costs 0, flags False."""

    row: int  # Excel row
    reception_id: str
    date: dt.date | None
    visitor: str
    purpose: str
    official_letter: bool
    approver: str
    approved_date: dt.date | None
    guests: int
    hosts: int
    meals: int
    meal_cost: Fraction
    lodging_cost: Fraction
    other_cost: Fraction
    alcohol: bool
    staff_id: str
    notes: str

    @property
    def total(self) -> Fraction:
        return self.meal_cost + self.lodging_cost + self.other_cost


def _text(value: object) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def _count(value: float | None) -> int:
    """A typed count cell (float64, NaN when blank); blank counts 0."""
    return 0 if value is None or pd.isna(value) else int(value)


def _money(value: float | None) -> Fraction:
    return Fraction(0) if value is None or pd.isna(value) else exact(value)


def _day(value: object) -> dt.date | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()


def receptions(table: pd.DataFrame) -> list[Reception]:
    """The typed Receptions table (index: Excel row) as records, in sheet order."""
    return [
        Reception(
            row=int(row),
            reception_id=_text(r["reception_id"]),
            date=_day(r["date"]),
            visitor=_text(r["visitor"]),
            purpose=_text(r["purpose"]),
            official_letter=r["official_letter"] is True,
            approver=_text(r["approver"]),
            approved_date=_day(r["approved_date"]),
            guests=_count(r["guests"]),
            hosts=_count(r["hosts"]),
            meals=_count(r["meals"]),
            meal_cost=_money(r["meal_cost"]),
            lodging_cost=_money(r["lodging_cost"]),
            other_cost=_money(r["other_cost"]),
            alcohol=r["alcohol"] is True,
            staff_id=_text(r["staff_id"]),
            notes=_text(r["notes"]),
        )
        for row, r in table.iterrows()
    ]


def _amount(value: Fraction, places: int = 2) -> str:
    """50, 52.5, 50.08: a cap or a per-meal cost as a message shows it."""
    text = f"{float(round_half_up(value, places)):.{places}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def findings(r: Reception, settings: Settings) -> list[Problem]:
    """The regulation's findings for one reception, in ``FINDINGS`` order (SPEC 4.7)."""
    found: list[Problem] = []

    def add(code: str, value: object, **params: object) -> None:
        column = FINDINGS[CODE_FINDING[code]][0]
        found.append(Problem(code, SHEET, r.row, column, value, params))

    if r.guests >= 1:  # a blank or bad Guests is an error already: nothing to compare with
        cap = host_cap(r.guests, settings)
        if r.hosts > cap:
            add(
                "reception_hosts_over",
                r.hosts,
                guests=r.guests,
                cap=cap,
                hosts_max=settings.hosts_max,
                divisor=settings.hosts_divisor,
            )
        cost = per_person_meal(r.meal_cost, r.guests, r.hosts, r.meals)
        if cost is not None and cost > settings.meal_cap:
            add(
                "reception_meal_over",
                display(float(r.meal_cost)),
                people=r.guests + r.hosts,
                meals=r.meals,
                per_meal=_amount(cost),
                cap=_amount(settings.meal_cap),
            )
    if not r.official_letter:
        add("reception_no_letter", None)
    if r.approved_date is None:
        add("reception_unapproved", None)
    elif r.date is not None and r.approved_date > r.date:
        add("reception_approved_late", r.approved_date, date=r.date)
    if r.alcohol:
        add("reception_alcohol", None)
    return found


def finding_keys(problems: Iterable[Problem]) -> list[str]:
    """The finding keys of ``problems`` (other codes ignored), in ``FINDINGS`` order."""
    keys = {CODE_FINDING[p.code] for p in problems if p.code in CODE_FINDING}
    return [key for key in FINDINGS if key in keys]


def reception_checks(
    table: pd.DataFrame, settings: Settings, known_staff: set[object], as_of: dt.date
) -> list[Problem]:
    """Validation of the Receptions sheet beyond its columns (SPEC 4.5): an unknown 负责人
    and 餐费 > 0 with no meal are errors; a date after ``as_of`` and every finding of the
    regulation are warnings."""
    problems: list[Problem] = []
    for r in receptions(table):
        if r.staff_id and r.staff_id not in known_staff:
            problems.append(Problem("unknown_staff", SHEET, r.row, "staff_id", r.staff_id))
        if r.meal_cost > 0 and r.meals == 0:
            meals = table.at[r.row, "meals"]
            problems.append(
                Problem(
                    "reception_meals_missing",
                    SHEET,
                    r.row,
                    "meals",
                    None if pd.isna(meals) else meals,
                    {"cost": display(float(r.meal_cost))},
                )
            )
        if r.date is not None and r.date > as_of:
            problems.append(
                Problem("after_as_of", SHEET, r.row, "date", r.date, {"as_of": as_of.isoformat()})
            )
        problems += findings(r, settings)
    return problems


# ---- ReceptionStats ------------------------------------------------------------------------


@dataclass(frozen=True)
class ReceptionMonth:
    """One row of ReceptionStats (SPEC 3.2, 4.7); money exact, rounded where shown."""

    month: str
    receptions: int
    guests: int
    hosts: int
    meal_cost: Fraction
    lodging_cost: Fraction
    other_cost: Fraction
    flagged: int  # receptions with at least one finding
    year_to_date: Fraction  # 合计 over the appraisal year's months up to this one
    budget: Fraction | None  # None when ReceptionBudget is 0
    budget_used: Fraction | None  # percent, rounded half up to 0.1; None without a budget

    @property
    def total(self) -> Fraction:
        return self.meal_cost + self.lodging_cost + self.other_cost


def appraisal_year_start(month: Month, start_month: int) -> Month:
    """The first month of the appraisal year holding ``month`` (YearStartMonth 9: September)."""
    return Month(month.year if month.month >= start_month else month.year - 1, start_month)


def in_months(
    rows: Iterable[Reception], first: Month, last: Month, as_of: dt.date
) -> list[Reception]:
    """Receptions dated from the start of ``first`` to the end of ``last``, and up to ``as_of``."""
    end = min(last.last, as_of)
    return [r for r in rows if r.date is not None and first.first <= r.date <= end]


def reception_month(
    rows: list[Reception], month: Month, settings: Settings, as_of: dt.date
) -> ReceptionMonth:
    """ReceptionStats for ``month`` from the typed receptions ``rows`` (SPEC 4.7)."""
    mine = in_months(rows, month, month, as_of)
    start = appraisal_year_start(month, settings.year_start_month)
    year_to_date = sum((r.total for r in in_months(rows, start, month, as_of)), Fraction(0))
    budget = settings.reception_budget or None
    used = None if budget is None else round_half_up(year_to_date / budget * 100, 1)
    return ReceptionMonth(
        month=month.label,
        receptions=len(mine),
        guests=sum(r.guests for r in mine),
        hosts=sum(r.hosts for r in mine),
        meal_cost=sum((r.meal_cost for r in mine), Fraction(0)),
        lodging_cost=sum((r.lodging_cost for r in mine), Fraction(0)),
        other_cost=sum((r.other_cost for r in mine), Fraction(0)),
        flagged=sum(1 for r in mine if findings(r, settings)),
        year_to_date=year_to_date,
        budget=budget,
        budget_used=used,
    )


def reception_stat_rows(stats: Iterable[ReceptionMonth]) -> list[list[object]]:
    """The ReceptionStats sheet's rows: money rounded half up to 0.01, blanks as None."""

    def money(value: Fraction | None) -> float | None:
        return None if value is None else float(round_half_up(value, 2))

    return [
        [
            x.month,
            x.receptions,
            x.guests,
            x.hosts,
            money(x.meal_cost),
            money(x.lodging_cost),
            money(x.other_cost),
            money(x.total),
            x.flagged,
            money(x.year_to_date),
            money(x.budget),
            None if x.budget_used is None else float(x.budget_used),
        ]
        for x in stats
    ]
