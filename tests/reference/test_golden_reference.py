"""The golden March 2025 table (tests/golden) recomputed by the independent reference.

Every row and every column of the CSV must equal what ``tests.reference.monthly_scores``
computes from the demo workbook with openpyxl, Fractions and the SPEC's rules alone.
"""

from __future__ import annotations

import ast
import csv
import datetime as dt
from pathlib import Path

from tests.reference import monthly_scores as reference

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "demo-scores-2025-03.csv"


def shown(value: object) -> str:
    """As the golden CSV writes a cell (floats with :g)."""
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return value
    return f"{float(value):g}"  # type: ignore[arg-type]


def test_the_reference_imports_nothing_from_the_product():
    tree = ast.parse(Path(reference.__file__).read_text(encoding="utf-8"))
    imported = {
        (node.module or "").split(".")[0] if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert not imported & {"logistics", "reports", "udfs", "macros", "tests"}, imported


def test_every_golden_row_is_what_the_reference_computes(demo_template):
    with GOLDEN.open(encoding="utf-8", newline="") as f:
        header, *golden = list(csv.reader(f))
    assert header[:2] == ["月份", "工号"]
    rows = reference.monthly_scores(demo_template, 2025, 3, dt.date(2025, 12, 31))
    computed = [
        [
            shown(getattr(r, k))
            for k in (
                "month", "staff_id", "name", "post", "log", "quantity", "quality",
                "timeliness", "total", "grade", "rank", "coef", "pay",
            )
        ]
        for r in rows
    ]  # fmt: skip
    assert len(golden) == len(computed) > 40
    assert computed == golden
