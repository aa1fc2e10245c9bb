"""A reception list of a month without receptions says which months have some (exit 2),
before any file is written. (Scoring a month that is not recorded, or counting a year
without Counts rows, writes no rows and warns: SPEC 4.1, 4.8.)"""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from logistics.cli import app
from tests.workbooks import build

runner = CliRunner(env={"COLUMNS": "200"})


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def book(tmp_path):
    return build(tmp_path / "school.xlsm")  # logs and one reception, all in March 2025


def test_reception_lists_of_a_month_without_receptions_name_the_months_with_some(book, tmp_path):
    out = tmp_path / "out"
    result = invoke("report", book, "reception", "--month", "2025-05", "--out", out, "--no-pdf")
    assert result.exit_code == 2, result.output
    assert "2025-05 没有接待记录" in result.output and "有接待的月份：2025-03" in result.output
    assert not out.exists()
