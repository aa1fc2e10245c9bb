"""The Home sheet's title formula and month list (SPEC §3.1): the title follows 设置 → 学校名称
(Settings → SchoolName) in a real spreadsheet engine, the month dropdown spans five years
either side of the build year, and a workbook made today offers this month."""

from __future__ import annotations

import csv
import datetime as dt
import os
import subprocess
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from python_calamine import CalamineWorkbook
from typer.testing import CliRunner

from logistics.cli import app
from logistics.core import schema
from logistics.io.builder import HOME_CELLS, build_workbook
from logistics.io.home_formulas import month_list, title_formula, title_value
from reports.pdf import find_soffice


def home_rows(path: Path) -> list[list[object]]:
    book = CalamineWorkbook.from_path(str(path))
    return book.get_sheet_by_name(book.sheet_names[0]).to_python(skip_empty_area=False)


def month_dropdown(path: Path) -> list[str]:
    """The values the month cell's dropdown offers, resolved through its range."""
    ws = openpyxl.load_workbook(path).worksheets[0]
    cell = HOME_CELLS["month"][1]
    dv = next(d for d in ws.data_validations.dataValidation if cell in d.sqref)
    assert dv.type == "list" and not dv.formula1.startswith('"')
    return [c.value for row in ws[dv.formula1.replace("$", "")] for c in row]


def test_month_list_spans_five_years_either_side() -> None:
    # Built independently: count months from January of year−5 by date arithmetic.
    expected, day = [], dt.date(2021, 1, 1)
    while day.year <= 2031:
        expected.append(day.strftime("%Y-%m"))
        day = (day + dt.timedelta(days=32)).replace(day=1)
    assert month_list(2026) == expected
    assert len(expected) == 11 * 12


def test_new_workbook_offers_this_month_and_the_years_around(tmp_path: Path) -> None:
    path = tmp_path / "new.xlsm"
    today = dt.date.today()
    result = CliRunner().invoke(app, ["new", str(path)])
    assert result.exit_code == 0, result.output
    if dt.date.today() != today:  # the test ran across midnight: nothing to compare
        pytest.skip("the date changed during the test")
    ws = openpyxl.load_workbook(path).worksheets[0]
    assert ws[HOME_CELLS["month"][1]].value == f"{today.year}-{today.month:02d}"
    assert ws[HOME_CELLS["year"][1]].value == today.year
    offered = month_dropdown(path)
    assert offered[0] == f"{today.year - 5}-01" and offered[-1] == f"{today.year + 5}-12"
    assert f"{today.year}-{today.month:02d}" in offered and len(offered) == 132
    assert ws.column_dimensions["Z"].hidden  # the list is out of sight


def test_committed_build_uses_the_fixed_date_not_today(tmp_path: Path) -> None:
    default = build_workbook(tmp_path / "default.xlsm")
    fixed = build_workbook(tmp_path / "fixed.xlsm", build_date=dt.date(2025, 1, 1))
    assert default.read_bytes() == fixed.read_bytes()  # byte-stable, whatever today is
    assert month_dropdown(default)[0] == "2020-01" and month_dropdown(default)[-1] == "2030-12"
    other = build_workbook(tmp_path / "other.xlsm", build_date=dt.date(2031, 6, 30))
    assert month_dropdown(other)[0] == "2026-01"
    ws = openpyxl.load_workbook(other).worksheets[0]
    assert ws[HOME_CELLS["month"][1]].value == "2031-06"  # no log dates: the build month


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_title_formula_looks_up_the_school_name_key(lang: str) -> None:
    formula = title_formula(lang)
    sheet, key = ("设置", "学校名称") if lang == "zh" else ("Settings", "SchoolName")
    assert formula.startswith("=") and f"VLOOKUP(\"{key}\",'{sheet}'!$A:$B,2,FALSE)" in formula
    console = "后勤考核工作台" if lang == "zh" else "Logistics appraisal console"
    assert formula.endswith(f'" {console}"')


def settings(*rows: tuple[object, object]) -> dict[str, pd.DataFrame]:
    keys, values = zip(*rows, strict=True) if rows else ((), ())
    return {"settings": pd.DataFrame({"key": keys, "value": pd.Series(values, dtype=object)})}


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (None, "示例实验小学 后勤考核工作台"),  # the default Settings rows
        (settings(("学校名称", "城南中学")), "城南中学 后勤考核工作台"),
        (settings(("学校名称", "  城南   中学 ")), "城南 中学 后勤考核工作台"),  # Excel's TRIM
        (settings(("学校名称", None)), "示例实验小学 后勤考核工作台"),  # blank: the default
        (settings(("日志分满分", 20)), "示例实验小学 后勤考核工作台"),  # no such key
        (settings(("学校名称", "一中"), ("学校名称", "二中")), "一中 后勤考核工作台"),  # first
        (settings(("学校名称", 110.0)), "110 后勤考核工作台"),  # a number as Excel shows it
    ],
)
def test_cached_title_matches_the_formula_by_hand(
    data: dict[str, pd.DataFrame] | None, expected: str
) -> None:
    assert title_value("zh", data) == expected


def test_cached_title_is_what_calamine_reads(tmp_path: Path) -> None:
    data = settings(("SchoolName", "Riverside School"))
    path = build_workbook(tmp_path / "en.xlsx", "en", data)
    assert home_rows(path)[0][0] == "Riverside School Logistics appraisal console"


def recalculated_titles(books: list[Path], folder: Path) -> dict[str, str]:
    """Each book's Home title as LibreOffice computes it (one headless run for all)."""
    soffice = find_soffice()
    if soffice is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("LibreOffice (soffice) is required on CI")
        pytest.skip("LibreOffice (soffice) is not installed")
    out = folder / "csv"
    command = [
        soffice,
        f"-env:UserInstallation={(folder / 'profile').as_uri()}",
        "--headless",
        "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76",  # UTF-8; the first sheet is Home
        "--outdir",
        str(out),
        *map(str, books),
    ]
    subprocess.run(command, capture_output=True, timeout=240, check=False)
    titles = {}
    for book in books:
        with (out / f"{book.stem}.csv").open(encoding="utf-8", newline="") as f:
            titles[book.stem] = next(csv.reader(f))[0]
    return titles


def test_libreoffice_recalculates_the_title_after_a_rename(tmp_path: Path) -> None:
    """The school renames itself in Settings; openpyxl saves without cached values, so
    LibreOffice must evaluate the formula itself."""
    renames = {
        "zh": ("zh", '城南"实验" 中学', '城南"实验" 中学 后勤考核工作台'),
        "en": ("en", "  Riverside   School ", "Riverside School Logistics appraisal console"),
        "blank": ("zh", None, "示例实验小学 后勤考核工作台"),
    }
    books = []
    for stem, (lang, name, _) in renames.items():
        built = build_workbook(tmp_path / f"built-{stem}.xlsx", lang)
        wb = openpyxl.load_workbook(built)
        ws = wb[schema.SETTINGS.label(lang)]
        row = next(r for r in ws.iter_rows(min_row=2) if r[0].value in ("学校名称", "SchoolName"))
        row[1].value = name
        wb.save(tmp_path / f"{stem}.xlsx")
        books.append(tmp_path / f"{stem}.xlsx")
    titles = recalculated_titles(books, tmp_path)
    assert titles == {stem: expected for stem, (_, _, expected) in renames.items()}
