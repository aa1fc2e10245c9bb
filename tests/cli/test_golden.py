"""Golden table: the demo school's March 2025 scores, as the Scores sheet holds them.

The CSV was produced by this code and checked by hand once (2026-11-24) against an
independent pandas calculation from the demo frames (all four components, requests, meetings
and plans included) for five people: HQ042 joined on 17 March (11 working days, 10 logged:
18.2 / 23.4 / 25 / 20 = 86.6), HQ001 (98.1), HQ028 of the tied pair (89.6, shared with
HQ029 at rank 29), and the two weak performers HQ010 (75.6, 合格) and HQ021 (68.8, 合格).
Every row is also recomputed by the independent reference implementation in
tests/reference (openpyxl, Fractions, the SPEC's rules, nothing imported from the product):
tests/reference/test_golden_reference.py.
Regenerate it only for a deliberate rule or demo change: `python -m tests.cli.test_golden`.
"""

from __future__ import annotations

import csv
from pathlib import Path

from typer.testing import CliRunner

from logistics.cli import app
from tests.workbooks import sheet_rows

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "demo-scores-2025-03.csv"


def scores_of(book: Path) -> list[list[str]]:
    result = CliRunner().invoke(
        app, ["score", str(book), "--month", "2025-03", "--as-of", "2025-12-31"]
    )
    assert result.exit_code == 0, result.output
    return [
        [f"{v:g}" if isinstance(v, float) else str(v) for v in row]
        for row in sheet_rows(book, "考评")
    ]


def test_demo_march_scores_match_the_golden_table(demo_book):
    with GOLDEN.open(encoding="utf-8", newline="") as f:
        expected = list(csv.reader(f))
    assert scores_of(demo_book) == expected


if __name__ == "__main__":  # regenerate
    import tempfile

    from logistics.demo_data import demo_frames
    from logistics.io.builder import build_workbook

    book = build_workbook(Path(tempfile.mkdtemp()) / "demo.xlsm", "zh", demo_frames())
    with GOLDEN.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(scores_of(book))
    print("wrote", GOLDEN)
