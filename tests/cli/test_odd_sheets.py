"""Sheets a person changed by hand: a header label typed twice is an error at that cell; an
output sheet renamed beside a new one (考评 → 考评2025) is named in a warning."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from python_calamine import CalamineWorkbook
from typer.testing import CliRunner

from logistics.cli import app
from logistics.core import schema
from logistics.core.validate import load
from logistics.io.reader import read_workbook
from tests.workbooks import D, build, sheet_part, sheet_rows

runner = CliRunner(env={"COLUMNS": "400"})
AS_OF = ["--as-of", "2025-12-31"]


def patch_part(path: Path, part: str, change) -> None:  # type: ignore[no-untyped-def]
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as a, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as b:
        for info in a.infolist():
            data = a.read(info.filename)
            b.writestr(info, change(data) if info.filename == part else data)
    tmp.replace(path)


def test_a_repeated_header_label_is_an_error_at_that_cell(tmp_path: Path) -> None:
    # Logs has 7 columns (A-G); a second 工作内容 in H1, with text under it in H2.
    book = build(tmp_path / "school.xlsm")
    extra = (
        '<c r="H1" t="inlineStr"><is><t>工作内容</t></is></c></row>',
        '<c r="H2" t="inlineStr"><is><t>写在重复列里的内容</t></is></c></row>',
    )

    def add(xml: bytes) -> bytes:  # the new cells end rows 1 and 2
        first, second, rest = xml.decode().split("</row>", 2)
        return (first + extra[0] + second + extra[1] + rest).encode()

    patch_part(book, sheet_part(book, "日志"), add)
    problems = load(read_workbook(book), D(2025, 12, 31)).problems
    (dup,) = [p for p in problems if p.code == "duplicate_column"]
    assert (dup.sheet, dup.row, dup.column, dup.value) == ("logs", 1, "content", "工作内容")
    assert dup.is_error
    assert dup.message("en", "Content") == (
        "Header '工作内容' at cell H1 repeats column C ('Content'). Only column C is read; what "
        "is typed in column H is ignored. Delete one of them, or give it another name."
    )
    result = runner.invoke(app, ["validate", str(book), *AS_OF])
    assert result.exit_code == 1, result.output
    rows = sheet_rows(book, schema.VALIDATION.zh)[1:]
    assert [r[:5] for r in rows] == [["日志", 1, "工作内容", "工作内容", "错误"]]
    assert "H1" in rows[0][5]


def rename_sheet(book: Path, old: str, new: str) -> None:
    def change(xml: bytes) -> bytes:
        return re.sub(f'name="{old}"'.encode(), f'name="{new}"'.encode(), xml, count=1)

    patch_part(book, "xl/workbook.xml", change)


def test_a_renamed_output_sheet_beside_a_new_one_is_named(tmp_path: Path) -> None:
    book = build(tmp_path / "school.xlsm")
    assert runner.invoke(app, ["score", str(book), "--month", "2025-03", *AS_OF]).exit_code == 0
    rename_sheet(book, "考评", "考评2025")  # kept as last year's archive, by hand
    result = runner.invoke(app, ["score", str(book), "--month", "2025-03", *AS_OF])
    assert result.exit_code == 0, result.output
    assert {"考评", "考评2025"} <= set(CalamineWorkbook.from_path(str(book)).sheet_names)
    text = " ".join(result.output.split())
    assert "工作表“考评2025”与“考评”表头相同，像是改过名的旧结果表" in text
    rows = sheet_rows(book, schema.VALIDATION.zh)[1:]
    assert [(r[0], r[4]) for r in rows] == [("考评", "警告")]
    assert "考评2025" in rows[0][5]


def test_a_school_sheet_named_like_an_output_but_with_its_own_header_is_left_alone(
    tmp_path: Path,
) -> None:
    book = build(tmp_path / "school.xlsm")
    rename_sheet(book, "季度汇总", "季度汇总说明")  # header still the tool's: warned
    problems = load(read_workbook(book), D(2025, 12, 31)).problems
    assert [p.params["name"] for p in problems if p.code == "stale_output_copy"] == ["季度汇总说明"]
    rename_sheet(
        book, "能耗", "能耗统计图"
    )  # an input sheet's header, not EnergyStats': not warned
    problems = load(read_workbook(book), D(2025, 12, 31)).problems
    assert [p.params["name"] for p in problems if p.code == "stale_output_copy"] == ["季度汇总说明"]
