"""Generated schools (every input sheet, one- and two-decimal values) scored by the product
and by the independent reference implementation (tests/reference) must agree on every
column of every row; and splitting an inspection's points into two parts changes nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from logistics.core import schema
from logistics.core.periods import Month
from logistics.core.scoring import score_month
from logistics.core.validate import load
from tests.core.strategies import schools
from tests.factories import raw_book
from tests.reference.monthly_scores import scores_from_tables

PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
MARCH = Month(2025, 3)
GRADES = {g.key: g.zh for g in schema.GRADES}


def as_labels(school: dict[str, list[dict[str, object]]]) -> dict[str, list[dict[str, object]]]:
    """The same school keyed by zh sheet name and zh column label, as openpyxl would see it."""
    out = {}
    for key, rows in school.items():
        sheet = schema.SHEETS[key]
        out[sheet.zh] = [{sheet.column(k).zh: v for k, v in r.items()} for r in rows]
    return out


def product(school, as_of):
    ds = load(raw_book(**school), as_of)
    assert not ds.errors, [(p.code, p.sheet, p.row, p.column, p.value) for p in ds.errors]
    return [
        (
            x.staff_id,
            x.post,
            *(round_shown(v) for v in (x.log_score, x.quantity_score)),
            *(round_shown(v) for v in (x.quality_score, x.timeliness_score)),
            x.total,
            GRADES[x.grade],
            x.rank,
            x.coef,
            x.pay,
            x.units,
            x.inspection_points,
        )
        for x in score_month(ds, MARCH, as_of)
    ]


def round_shown(value: Fraction) -> Fraction:
    from tests.reference.monthly_scores import half_up

    return half_up(value, 1)


def reference(school, as_of):
    return [
        (
            r.staff_id,
            r.post,
            r.log,
            r.quantity,
            r.quality,
            r.timeliness,
            r.total,
            r.grade,
            r.rank,
            r.coef,
            r.pay,
            r.units,
            r.points,
        )
        for r in scores_from_tables(as_labels(school), 2025, 3, as_of)
    ]


AS_OF = st.sampled_from([dt.date(2025, 12, 31), dt.date(2025, 3, 20)])


@PROPERTY
@given(schools(), AS_OF)
def test_the_product_agrees_with_the_reference(school, as_of):
    assert product(school, as_of) == reference(school, as_of)


@PROPERTY
@given(schools(), st.data())
def test_splitting_inspection_points_changes_nothing(school, data):
    as_of = dt.date(2025, 12, 31)
    if not school["inspections"]:
        return
    i = data.draw(st.integers(0, len(school["inspections"]) - 1))
    row = school["inspections"][i]
    whole = Decimal(str(row["points"]))
    part = data.draw(st.decimals(Decimal("-5"), Decimal("5"), places=2))
    split = dict(school)
    split["inspections"] = [
        *school["inspections"][:i],
        {**row, "points": float(part)},
        {**row, "points": float(whole - part), "item": "卫生2"},
        *school["inspections"][i + 1 :],
    ]
    if abs(whole - part) > 10:
        return  # each row must stay within −10 … +10
    assert product(split, as_of) == product(school, as_of)
