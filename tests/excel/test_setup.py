"""``logistics excel-setup``: xlwings.conf gets this Python, and nothing else changes."""

import sys

import pytest
from python_calamine import CalamineWorkbook
from typer.testing import CliRunner

from logistics.cli import app
from logistics.excel.setup import NoExcelHere, conf_rows, excel_setup
from tests.workbooks import build, part_hashes, sheet_part


@pytest.mark.parametrize(
    ("platform", "python", "key", "other"),
    [
        ("win32", r"C:\Python311\python.exe", "Interpreter_Win", "Interpreter_Mac"),
        ("darwin", "/Users/me/.venv/bin/python", "Interpreter_Mac", "Interpreter_Win"),
    ],
)
def test_excel_setup_writes_the_interpreter_and_keeps_every_other_part(
    tmp_path, platform, python, key, other
):
    book = build(tmp_path / "school.xlsm")
    before = part_hashes(book)
    excel_setup(book, python, platform)
    conf = dict(CalamineWorkbook.from_path(str(book)).get_sheet_by_name("xlwings.conf").to_python())
    assert conf[key] == python
    assert conf[other] == "python"  # the other platform's key keeps the built default
    assert conf["UDF Modules"] == "udfs" and conf["ADD_WORKBOOK_TO_PYTHONPATH"] == "true"
    changed = {k for k, v in part_hashes(book).items() if before[k] != v}
    assert changed == {sheet_part(book, "xlwings.conf")}


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="Excel runs here")
def test_excel_setup_where_excel_cannot_run_writes_nothing_and_says_where_to_run_it(tmp_path):
    # Before, Linux wrote its own POSIX path into Interpreter_Win.
    book = build(tmp_path / "school.xlsm")
    before = part_hashes(book)
    result = CliRunner().invoke(app, ["excel-setup", str(book)])
    assert result.exit_code == 2, result.output
    assert "Windows" in result.output and "logistics app" in result.output
    assert part_hashes(book) == before


def test_linux_is_refused_before_the_file_is_touched(tmp_path):
    with pytest.raises(NoExcelHere):
        excel_setup(tmp_path / "missing.xlsm", "/usr/bin/python3", "linux")
    with pytest.raises(NoExcelHere):
        conf_rows([], "/usr/bin/python3", "linux")


def test_settings_are_merged_not_replaced():
    current = [
        ("Interpreter_Win", r"C:\Python311\python.exe"),
        ("Show Console", "true"),
        ("Conda Path", r"C:\conda"),
    ]
    rows = dict(conf_rows(current, "/usr/bin/python3", "darwin"))
    assert rows["Interpreter_Win"] == r"C:\Python311\python.exe"  # the other platform's path
    assert rows["Interpreter_Mac"] == "/usr/bin/python3"
    assert rows["Conda Path"] == r"C:\conda"  # a user's own settings stay
    assert rows["Show Console"] == "true" and rows["UDF Modules"] == "udfs"
    assert all(isinstance(v, str) for v in rows.values())


def test_excel_setup_on_a_missing_file_exits_2(tmp_path):
    assert CliRunner().invoke(app, ["excel-setup", str(tmp_path / "x.xlsm")]).exit_code == 2
