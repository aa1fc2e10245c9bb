"""The built workbook: sheet order, tables, dropdowns, data round trip, styles, VBA, bytes."""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import numpy as np
import openpyxl
import pandas as pd
import pytest
from openpyxl.worksheet.datavalidation import DataValidation
from python_calamine import CalamineWorkbook

from logistics.core import schema
from logistics.core.schema import Kind
from logistics.core.settings import SETTING_DEFS
from logistics.io import builder, data_sheets, home_sheet, sheet_layout
from logistics.io.builder import (
    BUTTON_ANCHOR,
    HOME_CELLS,
    XLWINGS_CONF_ROWS,
    build_workbook,
    default_vba_project,
)

D = dt.date
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
LANGS = ("zh", "en")
MACRO_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"


def expected_names(lang: str) -> list[str]:
    home = schema.HOME[1] if lang == "zh" else schema.HOME[2]
    return [home, *(s.label(lang) for s in schema.ALL_SHEETS), schema.XLWINGS_CONF]


def sheet_xml(path: Path, name: str) -> ET.Element:
    """The worksheet part of sheet ``name``, found through workbook.xml and its rels."""
    with zipfile.ZipFile(path) as z:
        book = ET.fromstring(z.read("xl/workbook.xml"))
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        rid_attr = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
        rid = next(
            s.get(rid_attr) for s in book.iterfind("m:sheets/m:sheet", NS) if s.get("name") == name
        )
        target = next(r.get("Target", "") for r in rels if r.get("Id") == rid)
        return ET.fromstring(z.read(f"xl/{target.lstrip('/').removeprefix('xl/')}"))


def cell_num_formats(path: Path) -> list[str]:
    """Number format code of every cellXfs entry (index = style id)."""
    builtin = {0: "General", 1: "0", 2: "0.00", 49: "@"}
    with zipfile.ZipFile(path) as z:
        styles = ET.fromstring(z.read("xl/styles.xml"))
    custom = {
        int(f.get("numFmtId", -1)): f.get("formatCode", "")
        for f in styles.iterfind("m:numFmts/m:numFmt", NS)
    }
    return [
        custom.get(int(xf.get("numFmtId", 0)), builtin.get(int(xf.get("numFmtId", 0)), "?"))
        for xf in styles.iterfind("m:cellXfs/m:xf", NS)
    ]


def col_entries(path: Path, name: str) -> dict[int, ET.Element]:
    """1-based column → its ``<col>`` element (XlsxWriter merges equal neighbours)."""
    found: dict[int, ET.Element] = {}
    for col in sheet_xml(path, name).iterfind("m:cols/m:col", NS):
        for i in range(int(col.get("min", 0)), int(col.get("max", 0)) + 1):
            found[i] = col
    return found


def column_formats(path: Path, name: str) -> dict[int, str]:
    """1-based column → number format of its ``<col style>`` (styled columns only)."""
    formats = cell_num_formats(path)
    return {
        i: formats[int(col.get("style", 0))]
        for i, col in col_entries(path, name).items()
        if col.get("style") is not None
    }


def validation_at(ws, cell: str) -> DataValidation | None:
    return next((dv for dv in ws.data_validations.dataValidation if cell in dv.sqref), None)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """An empty workbook per language (one build each, shared by the read-only tests)."""
    folder = tmp_path_factory.mktemp("built")
    return {lang: build_workbook(folder / f"empty-{lang}.xlsx", lang) for lang in LANGS}


def sample_data() -> dict[str, pd.DataFrame]:
    """Canonical values of every kind, including deliberately bad ones and formula-like text."""
    return {
        "logs": pd.DataFrame(
            {
                "date": [
                    D(2024, 3, 7),
                    pd.Timestamp("2024-03-08"),
                    dt.datetime(2024, 3, 9),
                    "2024-13-01",
                    pd.NaT,
                ],
                "staff_id": ["001", "S2", None, "S4", "S5"],
                "content": ["=1+1", "+SUM(A1:A3)", "@cmd", "-2", "扫地"],
                "units": [1, 2.5, np.nan, "abc", 3],
                "status": ["done", "undone", "postponed", "maybe", None],
                # "hours" and "notes" are missing: blank cells
            }
        ),
        "meetings": pd.DataFrame(
            {
                "meeting_id": ["M1", "M2"],
                "date": [D(2024, 3, 1), D(2024, 3, 2)],
                "scale": ["large", "small"],
                "notice": [True, False],
                "venue": [np.True_, None],
            }
        ),
        "settings": pd.DataFrame(
            {
                "key": ["学校名称", "日志分满分"],
                "value": pd.Series(["城南中学", 25], dtype=object),
            }
        ),
        "calendar": pd.DataFrame(),
    }


@pytest.fixture(scope="module")
def with_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_workbook(tmp_path_factory.mktemp("data") / "data.xlsx", "zh", sample_data())


# ---- sheets, Home, xlwings.conf --------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_every_sheet_in_order_home_first_and_active(built: dict[str, Path], lang: str) -> None:
    wb = openpyxl.load_workbook(built[lang])
    assert wb.sheetnames == expected_names(lang)
    assert wb.active is not None and wb.active.title == expected_names(lang)[0]
    assert CalamineWorkbook.from_path(str(built[lang])).sheet_names == expected_names(lang)


@pytest.mark.parametrize("lang", LANGS)
def test_xlwings_conf_is_hidden_and_all_text(built: dict[str, Path], lang: str) -> None:
    ws = openpyxl.load_workbook(built[lang])[schema.XLWINGS_CONF]
    assert ws.sheet_state == "hidden"
    rows = [(a.value, b.value) for a, b in ws.iter_rows(max_col=2)]
    assert rows == list(XLWINGS_CONF_ROWS)  # PYTHONPATH is an empty text cell, not a blank
    assert all(cell.data_type == "s" for row in ws.iter_rows(max_col=2) for cell in row)
    assert ("ADD_WORKBOOK_TO_PYTHONPATH", "true") in XLWINGS_CONF_ROWS
    cells = sheet_xml(built[lang], schema.XLWINGS_CONF).iterfind(".//m:c", NS)
    assert {c.get("t") for c in cells} == {"s"}  # no booleans, no numbers


@pytest.mark.parametrize("lang", LANGS)
def test_home_fields_title_and_button_room(built: dict[str, Path], lang: str) -> None:
    ws = openpyxl.load_workbook(built[lang]).worksheets[0]
    home = CalamineWorkbook.from_path(str(built[lang])).get_sheet_by_name(ws.title)
    title = home.to_python()[0][0]  # the title formula's cached value
    console = "后勤考核工作台" if lang == "zh" else "Logistics appraisal console"
    assert title == f"示例实验小学 {console}"
    for key, zh, en in schema.HOME_FIELDS:
        label_cell, value_cell = HOME_CELLS[key]
        assert ws[label_cell].value == (zh if lang == "zh" else en)
        assert label_cell[0] == "A" and value_cell[0] == "B" and label_cell[1:] == value_cell[1:]
    month = ws[HOME_CELLS["month"][1]]
    assert (month.value, month.data_type, month.number_format) == ("2025-01", "s", "@")
    assert ws[HOME_CELLS["year"][1]].value == 2025
    assert ws[HOME_CELLS["as_of"][1]].value is None
    assert ws[HOME_CELLS["as_of"][1]].number_format == "yyyy-mm-dd"
    assert ws[HOME_CELLS["status"][1]].value is None
    # Nothing is written where the buttons go.
    col, row = BUTTON_ANCHOR
    area = ws[f"{col}{row}:F14"]
    assert all(c.value is None for r in area for c in r)


@pytest.mark.parametrize("lang", LANGS)
def test_home_month_dropdown_allows_free_entry(built: dict[str, Path], lang: str) -> None:
    ws = openpyxl.load_workbook(built[lang]).worksheets[0]
    dv = validation_at(ws, HOME_CELLS["month"][1])
    assert dv is not None and dv.type == "list"
    # The fixed build date is in 2025: 2020-01 … 2030-12 in a hidden column (SPEC §3.1).
    assert dv.formula1 == "$Z$1:$Z$132"
    assert [ws.cell(r, 26).value for r in (1, 2, 132)] == ["2020-01", "2020-02", "2030-12"]
    assert not dv.showErrorMessage or dv.errorStyle == "information"


def test_home_month_and_year_follow_the_log_dates(with_data: Path) -> None:
    ws = openpyxl.load_workbook(with_data).worksheets[0]
    assert ws[HOME_CELLS["month"][1]].value == "2024-03"
    assert ws[HOME_CELLS["year"][1]].value == 2024
    dv = validation_at(ws, HOME_CELLS["month"][1])
    assert dv is not None and dv.formula1 == "$Z$1:$Z$132"  # around the build year, not 2024
    title = CalamineWorkbook.from_path(str(with_data)).get_sheet_by_name(ws.title).to_python()
    assert title[0][0] == "城南中学 后勤考核工作台"


@pytest.mark.parametrize("lang", LANGS)
def test_home_instructions_in_the_workbook_language(built: dict[str, Path], lang: str) -> None:
    rows = (
        CalamineWorkbook.from_path(str(built[lang]))
        .get_sheet_by_name(expected_names(lang)[0])
        .to_python()
    )
    text = "\n".join(str(c) for r in rows for c in r if c)
    assert "logistics validate" in text and "logistics score" in text
    assert schema.SCORES.label(lang) in text
    assert ("使用说明" in text) == (lang == "zh")
    # A label lookup over the whole sheet (as the reader does) finds each field exactly once.
    labels = [zh if lang == "zh" else en for _k, zh, en in schema.HOME_FIELDS]
    cells = [str(c).strip() for r in rows for c in r]
    assert all(cells.count(label) == 1 for label in labels)


# ---- input sheets ----------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_every_input_sheet_is_a_table_at_a1_with_the_labels(
    built: dict[str, Path], lang: str
) -> None:
    wb = openpyxl.load_workbook(built[lang])
    for sheet in schema.INPUT_SHEETS:
        ws = wb[sheet.label(lang)]
        formats = column_formats(built[lang], sheet.label(lang))
        widths = col_entries(built[lang], sheet.label(lang))
        assert list(ws.tables) == [sheet.table]
        table = ws.tables[sheet.table]
        first, last = table.ref.split(":")
        assert first == "A1"
        labels = [c.label(lang) for c in sheet.columns]
        assert [c.value for c in ws[1]][: len(labels)] == labels
        assert [c.name for c in table.tableColumns] == labels
        assert table.tableStyleInfo.name == "TableStyleMedium2"
        assert ws.freeze_panes == "A2"
        if sheet.key != "settings":
            assert int(re.sub(r"\D", "", last)) == 2  # one empty row
        for i, col in enumerate(sheet.columns):
            width = float(widths[i + 1].get("width", 0))
            assert width >= col.width and width >= sheet_layout.display_width(col.label(lang)), col
            if col.kind is Kind.DATE:
                assert formats[i + 1] == "yyyy-mm-dd", col


@pytest.mark.parametrize("lang", LANGS)
def test_dropdowns_and_ranges_cover_the_entry_rows(built: dict[str, Path], lang: str) -> None:
    wb = openpyxl.load_workbook(built[lang])
    for sheet in schema.INPUT_SHEETS:
        ws = wb[sheet.label(lang)]
        for i, col in enumerate(sheet.columns):
            letter = openpyxl.utils.get_column_letter(i + 1)
            dv = validation_at(ws, f"{letter}2")
            assert (dv is None) == (
                not (
                    col.choices
                    or col.required
                    or col.min is not None
                    or col.max is not None
                    or col.kind is Kind.DATE
                )
            ), col
            if dv is None:
                continue
            assert f"{letter}2001" in dv.sqref, "blank rows below the table keep the check"
            if col.required:
                assert ("必填" if lang == "zh" else "Required") in dv.prompt
            if col.choices:
                labels = [c.label(lang) for c in col.choices]
                assert dv.type == "list" and dv.formula1 == '"' + ",".join(labels) + '"'
                assert dv.errorStyle in (None, "stop") and dv.showErrorMessage
                assert all(label in dv.error for label in labels)
            elif col.min is not None or col.max is not None:
                assert dv.type == ("whole" if col.kind is Kind.INT else "decimal")
                bounds = [b for b in (col.min, col.max) if b is not None]
                assert [float(f) for f in (dv.formula1, dv.formula2) if f] == bounds
                assert dv.showInputMessage and dv.prompt


def test_bool_columns_get_yes_no_dropdowns_in_english(built: dict[str, Path]) -> None:
    ws = openpyxl.load_workbook(built["en"])[schema.MEETINGS.en]
    dv = validation_at(ws, "G2")  # 通知 Notice
    assert dv is not None and dv.formula1 == '"Yes,No"'


def test_identifier_columns_are_text_formatted(built: dict[str, Path]) -> None:
    formats = column_formats(built["zh"], schema.STAFF.zh)
    assert formats[1] == "@" and formats[3] == "@"  # 工号, 岗位编号 keep 001 as typed
    assert 2 not in formats  # 姓名: General


# ---- data ------------------------------------------------------------------------------


def test_data_round_trips_with_types(with_data: Path) -> None:
    ws = openpyxl.load_workbook(with_data)[schema.LOGS.zh]
    assert ws.tables[schema.LOGS.table].ref == "A1:G6"
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2, max_row=6)]
    assert [r[0] for r in rows] == [dt.datetime(2024, 3, d) for d in (7, 8, 9)] + [
        "2024-13-01",
        None,
    ]
    assert ws["A2"].is_date and ws["A2"].number_format == "yyyy-mm-dd"
    assert [r[1] for r in rows] == ["001", "S2", None, "S4", "S5"]
    assert [r[3] for r in rows] == [1, 2.5, None, "abc", 3]
    assert [r[5] for r in rows] == ["完成", "未完成", "延期", "maybe", None]
    assert all(r[4] is None and r[6] is None for r in rows)  # missing columns stay blank


def test_formula_like_text_stays_text(with_data: Path) -> None:
    ws = openpyxl.load_workbook(with_data)[schema.LOGS.zh]
    contents = [ws.cell(row=r, column=3) for r in range(2, 6)]
    assert [c.value for c in contents] == ["=1+1", "+SUM(A1:A3)", "@cmd", "-2"]
    assert all(c.data_type == "s" for c in contents)
    calamine = CalamineWorkbook.from_path(str(with_data)).get_sheet_by_name(schema.LOGS.zh)
    assert calamine.to_python()[1][2] == "=1+1"
    with zipfile.ZipFile(with_data) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
        formulas = {n: re.findall(rb'<c r="(\w+)"[^>]*><f[ >]', z.read(n)) for n in sheets}
    # The one formula of the build is the Home title (sheet1 is Home); typed text never is one.
    assert {n: f for n, f in formulas.items() if f} == {"xl/worksheets/sheet1.xml": [b"A1"]}


def test_bools_and_choices_are_written_as_labels(with_data: Path) -> None:
    rows = (
        CalamineWorkbook.from_path(str(with_data)).get_sheet_by_name(schema.MEETINGS.zh).to_python()
    )
    assert rows[1][:7] == ["M1", D(2024, 3, 1), "", "大型", "", "", "是"]
    assert rows[1][7] == "是" and rows[2][6] == "否" and rows[2][7] == ""


def test_english_labels_for_choices_and_bools(tmp_path: Path) -> None:
    data = {
        "meetings": pd.DataFrame({"meeting_id": ["M1"], "urgency": ["urgent"], "notice": [False]})
    }
    path = build_workbook(tmp_path / "en.xlsx", "en", data)
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Meetings").to_python()
    assert rows[1][4] == "Urgent" and rows[1][6] == "No"


def test_empty_frame_still_gives_a_table_with_one_row(with_data: Path) -> None:
    ws = openpyxl.load_workbook(with_data)[schema.CALENDAR.zh]
    assert ws.tables[schema.CALENDAR.table].ref == "A1:C2"


def test_larger_frame_is_written_in_order(tmp_path: Path) -> None:
    n = 5000
    logs = pd.DataFrame(
        {
            "date": pd.date_range("2025-01-01", periods=n, freq="h"),
            "staff_id": [f"S{i % 50:03d}" for i in range(n)],
            "content": ["巡查"] * n,
            "units": np.arange(n),
            "hours": np.full(n, 1.5),
            "status": ["done", "undone"] * (n // 2),
        }
    )
    path = build_workbook(tmp_path / "big.xlsx", data={"logs": logs})
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(schema.LOGS.zh).to_python()
    assert len(rows) == n + 1
    assert rows[-1][:6] == [
        logs["date"].iloc[-1].to_pydatetime(),
        "S049",
        "巡查",
        n - 1.0,
        1.5,
        "未完成",
    ]
    ws = openpyxl.load_workbook(path)[schema.LOGS.zh]
    assert ws.tables[schema.LOGS.table].ref == f"A1:G{n + 1}"
    assert f"F{n + 2001}" in validation_at(ws, "F2").sqref  # type: ignore[union-attr]


# ---- settings --------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_settings_defaults_are_written(built: dict[str, Path], lang: str) -> None:
    rows = (
        CalamineWorkbook.from_path(str(built[lang]))
        .get_sheet_by_name(schema.SETTINGS.label(lang))
        .to_python()
    )
    assert rows[0] == [c.label(lang) for c in schema.SETTINGS.columns]
    assert len(rows) == 1 + len(SETTING_DEFS)
    for row, d in zip(rows[1:], SETTING_DEFS, strict=True):
        assert row[0] == d.label(lang) and row[2] == d.note(lang)
        if d.choices:  # a choice's default in the workbook's language: 基数系数 / BaseCoef
            assert row[1] == next(c.label(lang) for c in d.choices if c.zh == d.default)
        elif isinstance(d.default, str):  # an English workbook names an English school
            assert row[1] == (d.default_en if lang == "en" and d.default_en else d.default)
        else:
            assert isinstance(row[1], float) and math.isclose(row[1], d.default)


def test_settings_given_are_written_as_given(with_data: Path) -> None:
    rows = (
        CalamineWorkbook.from_path(str(with_data)).get_sheet_by_name(schema.SETTINGS.zh).to_python()
    )
    assert rows[1:] == [["学校名称", "城南中学", ""], ["日志分满分", 25.0, ""]]


# ---- output sheets ---------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_output_sheets_are_header_only_with_a_styled_col_each(
    built: dict[str, Path], lang: str
) -> None:
    path = built[lang]
    wb = openpyxl.load_workbook(path)
    for sheet in schema.OUTPUT_SHEETS:
        ws = wb[sheet.label(lang)]
        assert ws.max_row == 1 and not ws.tables and ws.freeze_panes == "A2"
        assert [c.value for c in ws[1]] == [c.label(lang) for c in sheet.columns]
        assert all(c.font.b for c in ws[1])
        cols = sheet_xml(path, sheet.label(lang)).findall("m:cols/m:col", NS)
        assert cols and all(c.get("style") is not None for c in cols), sheet.key
        formats = column_formats(path, sheet.label(lang))
        assert sorted(formats) == list(range(1, len(sheet.columns) + 1)), sheet.key
        for i, col in enumerate(sheet.columns, start=1):
            assert formats[i] == (col.num_format or "General"), (sheet.key, col.key)


def test_page_setup_repeats_the_header_and_fits_the_width(built: dict[str, Path]) -> None:
    wb = openpyxl.load_workbook(built["zh"])
    for name in (schema.MEETINGS.zh, schema.SCORES.zh, schema.LOGS.zh):
        ws = wb[name]
        assert ws.print_title_rows == "$1:$1"
        assert ws.page_setup.fitToWidth in (None, 1) and ws.page_setup.fitToHeight == 0
        assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert wb[schema.MEETINGS.zh].page_setup.orientation == "landscape"
    assert wb[schema.SETTINGS.zh].page_setup.orientation == "portrait"


# ---- package: VBA, properties, bytes ---------------------------------------------------


def content_types(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as z:
        root = ET.fromstring(z.read("[Content_Types].xml"))
    return {e.get("PartName", ""): e.get("ContentType", "") for e in root}


def test_xlsm_carries_the_xlwings_vba_project(tmp_path: Path) -> None:
    path = build_workbook(tmp_path / "logistics.xlsm")
    with zipfile.ZipFile(path) as z:
        assert z.read("xl/vbaProject.bin") == default_vba_project()
        assert b'codeName="ThisWorkbook"' in z.read("xl/workbook.xml")
    assert content_types(path)["/xl/workbook.xml"] == MACRO_MAIN
    assert default_vba_project()[:8] == bytes.fromhex("D0CF11E0A1B11AE1")  # an OLE file


def test_given_vba_project_is_used(tmp_path: Path) -> None:
    vba = default_vba_project()
    path = build_workbook(tmp_path / "a.xlsm", vba_project=vba)
    with zipfile.ZipFile(path) as z:
        assert z.read("xl/vbaProject.bin") == vba


def test_xlsx_has_no_vba_and_refuses_one(tmp_path: Path) -> None:
    path = build_workbook(tmp_path / "plain.xlsx")
    with zipfile.ZipFile(path) as z:
        assert "xl/vbaProject.bin" not in z.namelist()
    assert content_types(path)["/xl/workbook.xml"].endswith("sheet.main+xml")
    with pytest.raises(ValueError, match="xlsm"):
        build_workbook(tmp_path / "bad.xlsx", vba_project=default_vba_project())


def test_builds_are_byte_identical(tmp_path: Path) -> None:
    for lang in LANGS:
        a = build_workbook(tmp_path / f"a-{lang}.xlsm", lang, sample_data())
        b = build_workbook(tmp_path / f"b-{lang}.xlsm", lang, sample_data())
        assert a.read_bytes() == b.read_bytes()


def test_fixed_document_properties(
    built: dict[str, Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    props = openpyxl.load_workbook(built["zh"]).properties
    assert props.creator == "后勤处" and props.title == "示例实验小学 后勤考核工作台"
    assert props.created == dt.datetime(2025, 1, 1)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    path = build_workbook(tmp_path / "epoch.xlsx")
    assert openpyxl.load_workbook(path).properties.created == dt.datetime(2023, 11, 14, 22, 13, 20)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(ValueError, match="SOURCE_DATE_EPOCH"):
        build_workbook(tmp_path / "bad.xlsx")


# ---- arguments and failure -------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"lang": "fr"}, "lang"),
        ({"data": {"nope": pd.DataFrame()}}, "nope"),
        ({"data": {"scores": pd.DataFrame()}}, "output sheets"),
        ({"data": {"logs": pd.DataFrame({"dte": [1]})}}, "dte"),
        ({"constant_memory": True}, "constant_memory"),
    ],
)
def test_bad_arguments_are_refused(tmp_path: Path, kwargs: dict, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        build_workbook(tmp_path / "x.xlsx", **kwargs)
    assert list(tmp_path.iterdir()) == []


def test_a_failed_build_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "old.xlsx"
    target.write_bytes(b"previous")

    def boom(*_args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(builder, "write_output_sheet", boom)
    with pytest.raises(RuntimeError):
        build_workbook(target)
    assert [p.name for p in tmp_path.iterdir()] == ["old.xlsx"]
    assert target.read_bytes() == b"previous"


def test_cell_values_from_canonical_values() -> None:
    labels = {"done": "完成"}
    cases = [
        ("done", "完成"),
        ("完成", "完成"),
        ("=1+1", "=1+1"),
        ("", None),
        (None, None),
        (np.nan, None),
        (pd.NaT, None),
        (pd.NA, None),
        (np.datetime64("NaT"), None),
        (True, "是"),
        (np.False_, "否"),
        (np.int64(3), 3.0),
        (2.5, 2.5),
        (7, 7),
        (float("inf"), "inf"),
        (D(2025, 3, 7), D(2025, 3, 7)),
        (pd.Timestamp("2025-03-07"), dt.datetime(2025, 3, 7)),
        (np.datetime64("2025-03-07"), dt.datetime(2025, 3, 7)),
    ]
    for value, expected in cases:
        got = data_sheets.cell_value(value, labels, "zh")
        assert got == expected and type(got) is type(expected), (value, got)


def test_mixed_date_types_give_the_latest_month() -> None:
    logs = pd.DataFrame(
        {
            "date": [
                dt.datetime(2023, 12, 31, 9),
                D(2024, 2, 1),
                "2024-12-01",
                pd.Timestamp("2024-01-15"),
                None,
            ]
        }
    )
    today = D(2026, 11, 30)
    assert home_sheet.data_year_month({"logs": logs}, today) == (2024, "2024-02")
    assert home_sheet.data_year_month({}, today) == (2026, "2026-11")


def test_display_width_counts_cjk_double() -> None:
    assert sheet_layout.display_width("时限要求(小时)") == 14
    assert sheet_layout.display_width("Hours") == 5


# ---- LibreOffice -----------------------------------------------------------------------


def test_libreoffice_opens_the_workbook(tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("LibreOffice (soffice) is required on CI")
        pytest.skip("LibreOffice is not installed")
    path = build_workbook(tmp_path / "logistics.xlsm", "zh", sample_data())
    out = tmp_path / "out"
    profile = (tmp_path / "lo-profile").as_uri()  # own profile: no clash with a running office
    result = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    pdf = out / "logistics.pdf"
    assert result.returncode == 0 and "Error" not in result.stderr, result.stderr
    assert pdf.exists() and pdf.read_bytes()[:5] == b"%PDF-"
