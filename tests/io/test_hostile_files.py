"""Hostile and odd files are refused with a message saying what they are (SPEC §7).

Bombs are generated here, small on disk; their refusal was timed by hand (see the README's
"Hostile files" note). The limits are the product's own: a real workbook (8–10:1, a million
log rows = 26 MB of 243 MB XML) passes.
"""

from __future__ import annotations

import os
import random
import re
import threading
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from logistics.cli import app
from logistics.io.package import NotAWorkbook, UnsafeWorkbook, check_package
from logistics.io.package_budget import check_budget
from logistics.io.reader import read_workbook
from tests.workbooks import build, part_hashes, sheet_part

from .hostile_zips import Part, part, write_zip

REQUIRED = [part("[Content_Types].xml", b"<Types/>"), part("xl/workbook.xml", b"<workbook/>")]
MIB = 1 << 20
runner = CliRunner()


def refused(path: Path) -> str:
    """The refusal's English message, by check_package or else check_budget."""
    with pytest.raises(UnsafeWorkbook) as exc:
        check_package(path)
        check_budget(path)
    return exc.value.message("en")


def blank_parts(n: int) -> list[Part]:
    """``n`` parts of 1 MiB of spaces each, deflated once (about 1 KiB each on disk)."""
    blank = part("x", b" " * MIB)
    return [replace(blank, name=f"xl/media/{i}.xml") for i in range(n)]


def test_many_small_parts_bomb_is_refused_by_the_total(tmp_path: Path) -> None:
    # Each 1 MiB part escapes the per-part ratio check; 1,800 of them are 1.8 GB.
    path = write_zip(tmp_path / "bomb.xlsx", [*REQUIRED, *blank_parts(1800)])
    assert path.stat().st_size < 3 * MIB
    assert "it unpacks to 1,800 MiB (limit 512 MiB)" in refused(path)


def test_bomb_just_under_the_part_ratio_is_refused_by_the_package_ratio(tmp_path: Path) -> None:
    # 175:1 per part (under 200:1), 70 MiB in all: no real workbook compresses like that.
    noise = random.Random(7).randbytes(400_000)
    sheet = part("xl/worksheets/sheet1.xml", noise)
    ratio_175 = replace(sheet, size=175 * len(sheet.payload))
    path = write_zip(tmp_path / "bomb.xlsx", [*REQUIRED, ratio_175])
    assert "the package compresses 175:1 (real workbooks about 10:1, limit 25:1" in refused(path)


def test_declared_sizes_that_lie_are_refused_without_inflating_on(tmp_path: Path) -> None:
    # Each part says 1 MiB but inflates to 64 MiB: zipfile stops at the declared size and
    # the CRC fails, so at most the declared bytes are ever produced.
    big = b"<row/>" * (64 * MIB // 6)
    lying = [part(f"xl/worksheets/sheet{i}.xml", big, declared=MIB) for i in range(1, 4)]
    path = write_zip(tmp_path / "liar.xlsx", [*REQUIRED, *lying])
    check_package(path)  # the directory alone looks fine
    with pytest.raises(UnsafeWorkbook) as exc:
        check_budget(path)
    assert "its data is damaged (BadZipFile: Bad CRC-32" in exc.value.message("en")


def school_with(tmp_path: Path, name: str, sheets: dict[str, str]) -> Path:
    """The small school, saved as ``name``, with each sheet of ``sheets`` (by sheet name)
    holding the given XML inside its ``<worksheet>``."""
    base = build(tmp_path / "base.xlsm")
    parts = {sheet_part(base, sheet): inside for sheet, inside in sheets.items()}
    head = (
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats'
        '.org/spreadsheetml/2006/main">'
    )
    path = tmp_path / name
    with zipfile.ZipFile(base) as a, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as b:
        for info in a.infolist():
            inside = parts.get(info.filename)
            part = a.read(info.filename) if inside is None else f"{head}{inside}</worksheet>"
            b.writestr(info, part)
    return path


def corner_cells(tmp_path: Path, far: str) -> Path:
    """The small school with its Logs sheet holding A1 and one far cell."""
    a1 = '<c r="A1" t="inlineStr"><is><t>日期</t></is></c>'
    rows = f'<row r="1">{a1}<c r="{far}"><v>1</v></c></row>'
    return school_with(
        tmp_path, "corner.xlsm", {"日志": f'<dimension ref="A1"/><sheetData>{rows}</sheetData>'}
    )


@pytest.mark.parametrize(
    ("far", "cells"), [("XFD1048576", "17,179,869,184"), ("ZZ9999999", "7,019,999,298")]
)
def test_two_cells_far_apart_are_refused_before_the_reader_allocates(
    tmp_path: Path, far: str, cells: str
) -> None:
    # python-calamine allocates the rectangle between them: 17 billion cells from 67 KB.
    path = corner_cells(tmp_path, far)
    assert f"spans about {cells} cells (limit 16,000,000)" in refused(path)
    before = part_hashes(path)
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 2 and "Refused to open corner.xlsm" in result.output
    assert part_hashes(path) == before


def logs_with_rows(tmp_path: Path, rows_xml: str) -> Path:
    """The small school with its Logs sheet's rows replaced by ``rows_xml``."""
    return school_with(tmp_path, "rows.xlsm", {"日志": f"<sheetData>{rows_xml}</sheetData>"})


def row_of(row: int, columns: str = "ABCDEFG", far: str = "") -> str:
    cells = "".join(f'<c r="{c}{row}"><v>1</v></c>' for c in columns)
    return f'<row r="{row}">{cells}{far}</row>'


@pytest.mark.parametrize("columns", ["ABCDEFG", "ABCDEFGHIJKLMN"])
def test_a_million_rows_are_within_budget(tmp_path: Path, columns: str) -> None:
    """1,000,001 rows × 7 (or 14) columns is 7 (14) million cells: within budget. A
    reference of 7 digits starting with 1 is bounded by row 1,999,999; with 14 columns that
    bound alone is over budget, so the part is read again for its highest such reference."""
    path = logs_with_rows(tmp_path, row_of(1, columns) + row_of(1_000_001, columns))
    check_budget(path)


@pytest.mark.parametrize(
    ("columns", "far", "cells"),
    [
        ("ABCDEFG", "A9000001", "63,000,007"),  # 7 digits, a higher first digit
        ("ABCDEFGHIJKLMN", "A1900000", "26,600,000"),  # 7 digits starting with 1: the re-read
        ("ABCDEFG", "A12000000", "84,000,000"),  # more digits than the last row tag
    ],
)
def test_a_reference_beyond_the_last_row_tag_is_counted(
    tmp_path: Path, columns: str, far: str, cells: str
) -> None:
    cell = f'<c r="{far}"><v>1</v></c>'
    path = logs_with_rows(tmp_path, row_of(1, columns) + row_of(1_000_001, columns, cell))
    assert f"spans about {cells} cells (limit 16,000,000)" in refused(path)


def test_a_real_workbook_is_within_budget(tmp_path: Path) -> None:
    path = build(tmp_path / "school.xlsm")
    check_budget(path)
    assert read_workbook(path).sheets["logs"].frame.shape[0] == 15


def test_bombs_are_refused_by_every_command(tmp_path: Path) -> None:
    path = write_zip(tmp_path / "bomb.xlsm", [*REQUIRED, *blank_parts(1100)])
    explain = ["explain", "--staff", "S1", "--month", "2025-03"]
    commands = (["validate"], ["score", "--all"], ["rank", "--year", "2025"], explain)
    for args in commands:
        result = runner.invoke(app, [args[0], str(path), *args[1:]])
        assert result.exit_code == 2, result.output
        assert "Refused to open bomb.xlsm" in result.output and "Traceback" not in result.output


# ---- not a regular file -----------------------------------------------------------------


def finishes(call, seconds: float = 10.0) -> BaseException | None:
    """Run ``call`` in a thread; fail if it blocks (a FIFO opened for reading would)."""
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            call()
            outcome.append(None)
        except BaseException as exc:
            outcome.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert outcome, "blocked"
    return outcome[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "school.xlsm"
    os.mkfifo(fifo)
    exc = finishes(lambda: check_package(fifo))
    assert isinstance(exc, NotAWorkbook)
    assert "it is a named pipe (FIFO), not a file" in exc.message("en")
    assert "命名管道" in exc.message("zh")
    result = finishes(lambda: runner.invoke(app, ["validate", str(fifo)]))
    assert result is None


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null"])
def test_a_device_is_refused(device: str) -> None:
    exc = finishes(lambda: check_package(Path(device)))
    assert isinstance(exc, NotAWorkbook) and "it is a device, not a file" in exc.message("en")


def test_a_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "book.xlsm"
    folder.mkdir()
    with pytest.raises(NotAWorkbook, match="it is a folder"):
        check_package(folder)


# ---- what the file is, and how to convert it --------------------------------------------


def test_a_truncated_workbook_is_called_damaged_with_how_to_recover(tmp_path: Path) -> None:
    path = build(tmp_path / "school.xlsm")
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])  # a copy cut short
    with pytest.raises(NotAWorkbook) as exc:
        check_package(path)
    en, zh = exc.value.message("en"), exc.value.message("zh")
    assert "the file is damaged or truncated (a copy or download was cut short" in en
    assert "Restore a backup (the .logistics-backups folder" in en
    assert "open the original in Excel and save it again" in en
    assert "文件已损坏或不完整" in zh and "CSV" not in en


def test_an_ods_file_is_named_with_how_to_convert_it(tmp_path: Path) -> None:
    path = tmp_path / "school.xlsm"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<office:document-content/>")
        z.writestr("META-INF/manifest.xml", "<manifest:manifest/>")
    with pytest.raises(NotAWorkbook) as exc:
        check_package(path)
    en, zh = exc.value.message("en"), exc.value.message("zh")
    assert "it is an OpenDocument spreadsheet (.ods" in en
    assert "File → Save As to save it as an Excel workbook (.xlsx)" in en
    assert "Content_Types" not in en
    assert "OpenDocument 电子表格" in zh and "另存为" in zh


def test_cli_says_what_a_csv_is(tmp_path: Path) -> None:
    path = tmp_path / "school.xlsm"
    path.write_text("日期,工号,工作内容\n2025-03-03,S1,保洁\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 2
    assert "it is a CSV (comma- or tab-separated text) file" in " ".join(result.output.split())


def far_cells_in(tmp_path: Path, sheets: list[str], far: str) -> Path:
    """The small school with A1 and one far cell in each of ``sheets``."""
    rows = (
        f'<row r="1"><c r="A1"><v>1</v></c></row><row r="{far[1:]}"><c r="{far}"><v>1</v></c></row>'
    )
    return school_with(
        tmp_path, "many.xlsm", dict.fromkeys(sheets, f"<sheetData>{rows}</sheetData>")
    )


def test_many_sheets_each_under_the_limit_are_refused_together(tmp_path: Path) -> None:
    # Each sheet is 600,000 × 26 = 15,600,000 cells, under 16,000,000; three are 46,800,000
    # cells of calamine's for the workbook (8 GB for 17 of them, seen in a trial).
    path = far_cells_in(tmp_path, ["日志", "检查", "会务"], "Z600000")
    message = refused(path)
    found = re.search(r"worksheets span about ([0-9,]+) cells in all \(limit 32,000,000\)", message)
    assert found is not None, message
    # the three, and the small school's other sheets (a few thousand cells)
    assert 46_800_000 < int(found[1].replace(",", "")) < 46_900_000
    (tmp_path / "two").mkdir()
    two = far_cells_in(tmp_path / "two", ["日志", "检查"], "Z600000")
    check_budget(two)  # 31,200,000: within
