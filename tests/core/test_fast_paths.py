"""The vectorized and integer fast paths against plain-Python statements of the same rules.

Each reference below is written from the rule's wording (SPEC 4.1, 4.2, 4.5), row by row,
without the code under test: the fast paths must agree on every edge case drawn here (blank
cells, unparseable cells, a non-monotonic index, leave days, decimals that are no binary
float, sums beyond 2**53, negative halves).
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest

from logistics.core import schema
from logistics.core.cell_problems import cells_at
from logistics.core.lookups import log_months
from logistics.core.month_score import competition_ranks
from logistics.core.parsing import BAD, parse_cells, parse_column, parser_for
from logistics.core.rawbook import CellError
from logistics.core.recorded import recorded_months
from logistics.core.rounding import round_half_up, round_sum_half_up, to_float
from logistics.core.row_keys import first_rows
from logistics.core.score_basis import ScoreBasis
from tests.factories import D, dataset, log, person

# ---- parse_column: each cell as its own parser types it -----------------------------------

CELLS: list[object] = [
    None, "", "  ", "abc", "1e309", "NaN", "inf", "TRUE", "FALSE", -1.0, 2.5, 25.0, 0.0, -0.0,
    CellError("#N/A"), CellError("=A1", True), "2025-13-01", "2025年3月7日", "2025/02/30",
    45000.0, 45000.5, 2958465.0, dt.date(2025, 3, 1), dt.datetime(2025, 3, 1, 12),
    dt.date(9999, 12, 31), "  HQ001 ", 1001.0, 1001, True, "完成", "done", "是", "否", "y",
    "0.1", "-0.05", "1,000", 3, 0.30000000000000004,
]  # fmt: skip


def _expected_cell(parsed: object, kind: schema.Kind) -> object:
    """What one parsed cell becomes in the typed table (blank: NaT, NaN or None)."""
    if kind is schema.Kind.DATE:
        return pd.NaT if parsed is BAD or parsed is None else pd.Timestamp(parsed)
    if kind in (schema.Kind.NUMBER, schema.Kind.INT):
        return np.nan if parsed is BAD or parsed is None else float(parsed)  # type: ignore[arg-type]
    return None if parsed is BAD else parsed


def _columns_of_every_kind() -> list[schema.Column]:
    found: dict[object, schema.Column] = {}
    for sheet in schema.INPUT_SHEETS:
        for c in sheet.columns:
            found.setdefault((c.kind, c.key if c.kind is schema.Kind.CHOICE else ""), c)
    return list(found.values())


@pytest.mark.parametrize("date1904", [False, True])
@pytest.mark.parametrize("column", _columns_of_every_kind(), ids=lambda c: f"{c.kind}-{c.key}")
def test_parse_column_types_each_cell_as_its_parser_does(
    column: schema.Column, date1904: bool
) -> None:
    rnd = random.Random(column.key)
    cells = CELLS + [rnd.choice(CELLS) for _ in range(200)]
    index = pd.Index(rnd.sample(range(2, 2000), len(cells)))  # Excel rows, not in order
    raw = pd.Series(cells, index=index, dtype=object)
    values, bad = parse_column(raw, column, date1904)
    missing = parse_cells(raw, column, date1904).missing
    parse = parser_for(column, date1904)
    assert list(values.index) == list(index) and list(bad.index) == list(index)
    for row, cell in zip(index, cells, strict=True):
        parsed = None if cell is None else parse(cell)
        assert bool(bad[row]) == (parsed is BAD), (cell, row)
        want, got = _expected_cell(parsed, column.kind), values[row]
        blank = want is None or bool(pd.isna(want))  # type: ignore[arg-type]
        assert bool(missing[row]) == (blank and parsed is not BAD), (cell, row)  # "required"
        if blank:
            assert got is None if want is None else pd.isna(got), (cell, got)
        else:
            assert got == want, (cell, got, want)
            if values.dtype == object:  # True is no "1", a key no number
                assert type(got) is type(want), (cell, got, want)


def test_parse_column_of_an_empty_column_keeps_the_dtype() -> None:
    date = schema.SHEETS["logs"].column("date")
    values, bad = parse_column(pd.Series([], dtype=object), date)
    assert values.dtype.kind == "M" and bad.dtype == bool and values.empty


@pytest.mark.parametrize(
    "column",
    [
        pd.Series([pd.Timestamp(2025, 1, 2), pd.NaT, pd.Timestamp(1, 1, 1)], dtype="datetime64[s]"),
        pd.Series([1.5, np.nan, -0.0]),
        pd.Series(["a", None, True], dtype=object),
        pd.Series([3, 4, 5]),
    ],
    ids=["dates", "numbers", "objects", "ints"],
)
def test_cells_at_boxes_each_value_as_at_does(column: pd.Series) -> None:
    column.index = pd.Index([9, 3, 7])  # Excel rows, not in order
    rows = [7, 9, 3, 7]
    got = cells_at(column, rows)
    want = [column.at[r] for r in rows]
    assert [type(x) for x in got] == [type(x) for x in want]
    assert [repr(x) for x in got] == [repr(x) for x in want]
    assert cells_at(column, []) == []


# ---- first_rows: the row a repeated key repeats --------------------------------------------


def _first_rows_reference(table: pd.DataFrame, keys: list[str]) -> dict[int, int]:
    """{Excel row repeating an earlier key: the smallest Excel row with that key}."""
    seen: dict[tuple[object, ...], list[int]] = {}
    for row in table.index:
        key = tuple(table.at[row, k] for k in keys)
        if any(pd.isna(v) for v in key):
            continue
        seen.setdefault(key, []).append(int(row))
    return {r: min(rows) for rows in seen.values() for r in rows[1:]}


@pytest.mark.parametrize("seed", range(8))
def test_first_rows_match_a_row_by_row_search(seed: int) -> None:
    rnd = random.Random(seed)
    n = rnd.choice([0, 1, 5, 60, 400])
    days = [pd.Timestamp(2025, 1, d) for d in (1, 2, 3)] + [pd.NaT]
    table = pd.DataFrame(
        {
            "date": pd.Series([rnd.choice(days) for _ in range(n)], dtype="datetime64[s]"),
            "staff_id": [rnd.choice(["S1", "S2", "S10", None]) for _ in range(n)],
            "content": [rnd.choice(["清扫", "清扫 ", "巡查", None]) for _ in range(n)],
        },
        index=pd.Index(rnd.sample(range(2, 5000), n) if seed % 2 else range(2, n + 2)),
    )
    for keys in (["staff_id"], ["date", "staff_id", "content"]):
        dup, first = first_rows(table, keys)
        found = {int(r): int(first[r]) for r in dup.index[dup.to_numpy()]}
        assert found == _first_rows_reference(table, keys)
        assert set(dup.index) == {r for r in table.index if table.loc[r, keys].notna().all()}


def test_first_rows_from_parsed_codes_match_first_rows_from_the_values() -> None:
    rnd = random.Random(11)
    choices: dict[str, list[object]] = {
        "staff_id": ["S1", " S1", 1001.0, "1001", None, CellError("#N/A")],
        "content": ["清扫", "清扫 ", "巡查", "", None],
    }  # typed alike: " S1" is S1, 1001.0 is "1001"
    index = pd.Index(range(2, 302))
    logs = schema.SHEETS["logs"]
    parsed = {
        k: parse_cells(
            pd.Series([rnd.choice(v) for _ in index], index=index, dtype=object), logs.column(k)
        )
        for k, v in choices.items()
    }
    table = pd.DataFrame({k: p.values for k, p in parsed.items()})
    coded = {k: p.coded for k, p in parsed.items() if p.coded is not None}
    assert set(coded) == {"staff_id", "content"}
    for keys in (["staff_id"], ["staff_id", "content"]):
        dup, first = first_rows(table, keys, coded)
        want_dup, want_first = first_rows(table, keys)
        assert dup.equals(want_dup) and first.equals(want_first)
        found = {int(r): int(first[r]) for r in dup.index[dup.to_numpy()]}
        assert found == _first_rows_reference(table, keys)


# ---- the month's log and inspection sums (SPEC 4.2) ----------------------------------------


def _sums_reference(
    logs: pd.DataFrame,
    inspections: pd.DataFrame,
    first: dt.date,
    end: dt.date,
    counted: list[dt.date],
    on_leave: dict[str, set[dt.date]],
) -> tuple[dict[object, int], dict[object, Fraction], dict[object, Fraction]]:
    """Row by row: logs from ``first`` to ``end`` not dated in the person's leave; distinct
    counted days, and 完成数量 of done rows summed as the decimals typed; inspection points."""
    days: dict[object, set[dt.date]] = {}
    units: dict[object, Fraction] = {}
    points: dict[object, Fraction] = {}
    for _, r in logs.iterrows():
        if pd.isna(r["date"]) or r["staff_id"] is None:
            continue
        day = r["date"].date()
        if not first <= day <= end or day in on_leave.get(r["staff_id"], set()):
            continue
        if day in counted:
            days.setdefault(r["staff_id"], set()).add(day)
        if r["status"] == "done" and not pd.isna(r["units"]):
            units[r["staff_id"]] = units.get(r["staff_id"], Fraction(0)) + Fraction(
                repr(float(r["units"]))
            )
    for _, r in inspections.iterrows():
        if pd.isna(r["date"]) or r["staff_id"] is None or pd.isna(r["points"]):
            continue
        if first <= r["date"].date() <= end:
            points[r["staff_id"]] = points.get(r["staff_id"], Fraction(0)) + Fraction(
                repr(float(r["points"]))
            )
    return {k: len(v) for k, v in days.items()}, units, points


def _fraction_dicts_equal(a: dict[object, Fraction], b: dict[object, Fraction]) -> bool:
    """Equal sums; a person absent on one side counts 0 (scoring reads them with .get)."""
    return all(a.get(k, Fraction(0)) == b.get(k, Fraction(0)) for k in set(a) | set(b))


@pytest.mark.parametrize(
    "units",
    [
        [1, 2, 3, 0, None],  # whole numbers: summed in float64, exact
        [0.1, 0.2, 1.5, None, -0.0],  # decimals: summed as fractions
        [2.0**53, 2.0**53, 1, 3],  # whole but beyond 2**53 together: fractions again
    ],
    ids=["whole", "decimal", "huge"],
)
def test_month_sums_match_a_row_by_row_sum(units: list[float | None]) -> None:
    rnd = random.Random(len(units))
    staff = ["S1", "S2", "S3"]
    logs = [
        log(
            D(2025, 3, rnd.randint(1, 31)),
            staff_id=rnd.choice([*staff, "", "X9"]),
            units=rnd.choice(units),  # type: ignore[arg-type]
            status=rnd.choice(["完成", "进行中", "done"]),
        )
        for _ in range(300)
    ] + [{"date": None, "staff_id": "S1", "content": "清扫", "units": 1, "status": "完成"}]
    inspections = [
        {
            "date": rnd.choice([D(2025, 3, rnd.randint(1, 31)), D(2025, 4, 1), None]),
            "staff_id": rnd.choice(staff),
            "item": "卫生",
            "points": rnd.choice([-0.05, -0.15, 0.1, 1, None]),
            "reason": "灰",
        }
        for _ in range(80)
    ]
    ds = dataset(
        staff=[person(s) for s in staff],
        posts=[{"post_id": "P1", "post": "保洁员", "monthly_target": 21}],
        logs=logs,
        inspections=inspections,
    )
    first, end = D(2025, 3, 1), D(2025, 3, 20)
    counted = [D(2025, 3, d) for d in (3, 4, 5, 6, 7, 10, 11, 12, 13, 14, 17, 18, 19, 20)]
    on_leave = {"S1": {D(2025, 3, d) for d in range(5, 12)}, "S9": {D(2025, 3, 5)}}
    got = ScoreBasis(ds).log_sums(first, end, counted, on_leave)
    days, want_units, want_points = _sums_reference(
        ds.tables["logs"], ds.tables["inspections"], first, end, counted, on_leave
    )
    assert got.log_days == days
    assert _fraction_dicts_equal(got.units, want_units)
    assert _fraction_dicts_equal(got.points, want_points)
    assert want_units and want_points  # the draw did reach both sums


# ---- rounding and ranks --------------------------------------------------------------------


def _decimal_round(value: Fraction, places: int) -> Fraction:
    """Half away from zero by the decimal module (exact for these small fractions)."""
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return Fraction(exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def _fractions(seed: int, count: int) -> list[Fraction]:
    rnd = random.Random(seed)
    out = [Fraction(n, d) for n in (-245, -5, -1, 0, 1, 5, 245, 8445) for d in (1, 2, 20, 100)]
    denominators = [1, 3, 7, 20, 40, 1000]
    out += [Fraction(rnd.randint(-(10**6), 10**6), rnd.choice(denominators)) for _ in range(count)]
    return out


@pytest.mark.parametrize("places", [1, 2])
def test_rounding_matches_decimal_half_up(places: int) -> None:
    for value in _fractions(places, 400):
        want = _decimal_round(value, places)
        assert round_half_up(value, places) == want, value
        assert to_float(value, places) == float(want), value


def test_rounded_sum_is_the_rounding_of_the_exact_sum() -> None:
    values = _fractions(3, 200)
    rnd = random.Random(4)
    for _ in range(300):
        parts = rnd.sample(values, 4)
        assert round_sum_half_up(parts, 1) == _decimal_round(sum(parts, Fraction(0)), 1)
    # The example: 20 + 20.1 + 29.85 + 20 = 89.95 exactly, shown 90.0.
    parts = [Fraction(20), Fraction(201, 10), Fraction(2985, 100), Fraction(20)]
    assert round_sum_half_up(parts, 1) == Fraction(90)


def test_competition_ranks_count_the_strictly_greater_values() -> None:
    values = [Fraction(1, 3), Fraction(2, 6), Fraction(895, 10), Fraction(90), Fraction(-1, 7)]
    values += _fractions(5, 60)
    ranks = competition_ranks(values)
    assert ranks == [1 + sum(w > v for w in values) for v in values]
    assert competition_ranks([]) == []


def test_recorded_months_are_the_distinct_months_of_the_dated_logs() -> None:
    days = [D(1900, 2, 1), D(1969, 12, 31), D(1970, 1, 1), D(2025, 3, 9), D(2025, 3, 1)]
    days += [D(2025, 12, 31), D(2026, 1, 1), D(9999, 12, 31)]
    ds = dataset(staff=[person()], logs=[log(d) for d in days] + [log(None)])  # type: ignore[arg-type]
    for as_of in (D(2025, 12, 31), D(1969, 12, 31), D(9999, 12, 31), D(1800, 1, 1)):
        want = sorted({(d.year, d.month) for d in days if d <= as_of})
        assert [(m.year, m.month) for m in recorded_months(ds, as_of)] == want
        assert [(m.year, m.month) for m in log_months(ds, as_of)] == want  # the commands' checks
