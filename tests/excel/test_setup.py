"""``logistics excel-setup``: xlwings.conf gets this Python, and nothing else changes."""

import sys

from python_calamine import CalamineWorkbook
from typer.testing import CliRunner

from logistics.cli import app
from logistics.excel.setup import conf_rows
from tests.workbooks import build, part_hashes, sheet_part


def test_excel_setup_writes_the_interpreter_and_keeps_every_other_part(tmp_path):
    book = build(tmp_path / "school.xlsm")
    before = part_hashes(book)
    result = CliRunner().invoke(app, ["excel-setup", str(book)])
    assert result.exit_code == 0, result.output
    conf = dict(CalamineWorkbook.from_path(str(book)).get_sheet_by_name("xlwings.conf").to_python())
    key = "Interpreter_Mac" if sys.platform == "darwin" else "Interpreter_Win"
    assert conf[key] == sys.executable
    assert conf["UDF Modules"] == "udfs" and conf["ADD_WORKBOOK_TO_PYTHONPATH"] == "true"
    changed = {k for k, v in part_hashes(book).items() if before[k] != v}
    assert changed == {sheet_part(book, "xlwings.conf")}


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
