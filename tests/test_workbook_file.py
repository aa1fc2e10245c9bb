"""The committed workbook is exactly what the builder makes from source."""

from pathlib import Path

from typer.testing import CliRunner

from logistics.cli import app

ROOT = Path(__file__).resolve().parents[1]


def test_committed_workbook_equals_a_fresh_build(tmp_path):
    fresh = tmp_path / "logistics.xlsm"
    result = CliRunner().invoke(app, ["build-workbook", "--out", str(fresh)])
    assert result.exit_code == 0, result.output
    committed = ROOT / "workbook" / "logistics.xlsm"
    assert committed.read_bytes() == fresh.read_bytes(), (
        "workbook/logistics.xlsm is stale: run `logistics build-workbook` and commit it"
    )
