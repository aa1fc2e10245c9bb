"""Parts not in the standard form are bounded as python-calamine places their cells (SPEC §7).

calamine honours ``r='Z1000'`` and ``r = "Z1000"``, places a cell without ``r`` after the
previous cell of its row and a row without ``r`` after the previous row, reads ``x:c`` as a
cell, ``z9`` as Z9 and ``AAAA1`` as column 18,279. Every expectation here is python-calamine's
own rectangle (``CalamineSheet.end``) of the same workbook, with A1 holding a value so that
the rectangle starts there: the scan must refuse exactly when it exceeds the budget (patched
small) and say its size.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook

from logistics.io import budget_ahead, package_budget, sheet_placement
from logistics.io.package import UnsafeWorkbook
from tests.workbooks import build

CT = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
    '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName='
    '"/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'spreadsheetml.worksheet+xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
    '.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target='
    '"xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
    'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
    '.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/'
    'sheet1.xml"/></Relationships>'
)
HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org'
    '/spreadsheetml/2006/main" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/'
    'main"><dimension ref="A1"/><sheetData>'
)
TAIL = '</sheetData><pageMargins header="0.3" footer="0.3"/></worksheet>'


def workbook(path: Path, sheet_data: str) -> Path:
    """A workbook python-calamine reads, whose one sheet holds ``sheet_data``."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("_rels/.rels", RELS)
        z.writestr("xl/workbook.xml", WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        z.writestr("xl/worksheets/sheet1.xml", HEAD + sheet_data + TAIL)
    return path


def calamine_rectangle(path: Path) -> int:
    """The cells python-calamine allocates for the sheet (A1 holds a value: from A1)."""
    sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
    assert sheet.start == (0, 0) and sheet.end is not None
    end_row, end_column = sheet.end
    return (end_row + 1) * (end_column + 1)


def scan(path: Path, max_cells: int, chunk: int = 4 << 20) -> int | None:
    """None if the scan reads the workbook with this budget, else the size it refuses. The
    scan on two cores (``budget_ahead._two_core_scan``, odd tags looked for in a process of
    their own) must say exactly what the scan says."""
    outcomes = []
    with (
        mock.patch.object(package_budget, "MAX_CELLS", max_cells),
        mock.patch.object(package_budget, "CHUNK", chunk),
        mock.patch.object(budget_ahead, "TWO_CORES_ABOVE", -1),  # however small the part
    ):
        for run in (package_budget.check_budget, budget_ahead._two_core_scan):
            try:
                outcomes.append(sorted(run(path)))
            except UnsafeWorkbook as exc:
                outcomes.append(exc.message("en"))
    assert outcomes[0] == outcomes[1]
    if isinstance(outcomes[0], str):
        said = re.search(r"spans about ([0-9,]+) cells", outcomes[0])
        assert said, outcomes[0]
        return int(said[1].replace(",", ""))
    return None


def assert_bounded_as_calamine(path: Path, cells: int, chunk: int = 4 << 20) -> int:
    """Refused exactly when calamine's rectangle (or the cell count) is over the budget,
    with that size in the message."""
    size = max(calamine_rectangle(path), cells)
    assert scan(path, size, chunk) is None
    assert scan(path, size - 1, chunk) == size
    return size


def cell(ref: str, form: str = '"') -> str:
    """A cell with a value; ``form`` writes its r: '"' standard, "'" single quotes,
    " " spaces around =, "" no r."""
    attribute = {'"': f' r="{ref}"', "'": f" r='{ref}'", " ": f' r = "{ref}"', "": ""}[form]
    return f"<c{attribute}><v>1</v></c>"


# ---- the holes, one by one ----------------------------------------------------------------


def test_single_quotes_are_honoured(tmp_path: Path) -> None:
    """A1 and Z40 in single quotes: 40 rows × 26 columns = 1,040 cells (by hand)."""
    data = f"<row r='1'>{cell('A1', chr(39))}</row><row r='40'>{cell('Z40', chr(39))}</row>"
    path = workbook(tmp_path / "book.xlsx", data)
    assert assert_bounded_as_calamine(path, 2) == 40 * 26


def test_spaces_around_the_equals_sign_are_honoured(tmp_path: Path) -> None:
    """``r = "Z40"`` and a tab and a newline around = in a row: 40 × 26 = 1,040."""
    data = f'<row r="1">{cell("A1")}</row><row r\t=\n"40">{cell("Z40", " ")}</row>'
    path = workbook(tmp_path / "book.xlsx", data)
    assert assert_bounded_as_calamine(path, 2) == 40 * 26


def test_cells_without_r_widen_their_row(tmp_path: Path) -> None:
    """A1 and 29 cells without r reach AD1, and A50 ends the sheet: 50 × 30 = 1,500."""
    data = f'<row r="1">{cell("A1")}{cell("", "") * 29}</row><row r="50">{cell("A50")}</row>'
    path = workbook(tmp_path / "book.xlsx", data)
    assert assert_bounded_as_calamine(path, 31) == 50 * 30


def test_rows_without_r_lengthen_the_sheet(tmp_path: Path) -> None:
    """Row 1 with A1:C1, then 59 rows without r of one cell without r: 60 × 3 = 180."""
    data = f'<row r="1">{cell("A1")}{cell("B1")}{cell("C1")}</row>'
    data += f"<row>{cell('', '')}</row>" * 59
    path = workbook(tmp_path / "book.xlsx", data)
    assert assert_bounded_as_calamine(path, 62) == 60 * 3


def test_a_mix_of_odd_forms(tmp_path: Path) -> None:
    """Prefixed tags, r after another attribute, lower-case letters, a cell without r after
    one with r, a row without r after row 7: the last cell is at D8 (row 7 + 1, column
    c + 1), and z3 (lower case) is column 26: 8 × 26 = 208 cells (by hand)."""
    data = (
        f'<x:row r="1">{cell("A1")}<x:c r="B1"><x:v>1</x:v></x:c></x:row>'
        f'<row spans="1:3" r="3"><c s="0" r="z3"><v>1</v></c></row>'
        f'<row r="7">{cell("b7")}</row>'
        f"<row>{cell('C8')}{cell('', '')}</row>"
    )
    path = workbook(tmp_path / "book.xlsx", data)
    assert assert_bounded_as_calamine(path, 6) == 8 * 26


def test_four_letter_columns_are_counted(tmp_path: Path) -> None:
    """AAAA2 is column 18,279 (26³ + 26² + 26 + 1): 2 × 18,279 = 36,558 cells. The old scan
    read only up to three letters and let this through."""
    path = workbook(tmp_path / "book.xlsx", f'<row r="1">{cell("A1")}{cell("AAAA2")}</row>')
    assert assert_bounded_as_calamine(path, 2) == 2 * 18_279


def test_lower_case_references_are_counted(tmp_path: Path) -> None:
    """Standard tags, but z90 in lower case: column Z, 90 × 26 = 2,340 cells. The old scan
    read only upper-case letters and let this through."""
    path = workbook(tmp_path / "book.xlsx", f'<row r="1">{cell("A1")}{cell("z90")}</row>')
    assert assert_bounded_as_calamine(path, 2) == 90 * 26


@pytest.mark.parametrize(
    "data",
    [
        # A1 and XFD1048576 in single quotes.
        f"<row r='1'>{cell('A1', chr(39))}{cell('XFD1048576', chr(39))}</row>",
        # Row 1: A1 and 16,383 cells without r reach XFD1; then A1048576.
        f'<row r="1">{cell("A1")}{"<c/>" * 16_383}</row><row r="1048576">{cell("A1048576")}</row>',
    ],
    ids=["single-quotes", "cells-without-r"],
)
def test_the_far_corner_in_an_odd_form_is_refused(tmp_path: Path, data: str) -> None:
    """Both ask calamine for 1,048,576 × 16,384 = 17,179,869,184 cells (by hand)."""
    path = workbook(tmp_path / "book.xlsx", data)
    assert scan(path, 16_000_000) == 1_048_576 * 16_384


def test_an_odd_part_that_is_not_well_formed_is_refused_as_damaged(tmp_path: Path) -> None:
    """calamine takes a repeated r (the last one here); expat cannot read the part, so it is
    refused, saying the data is damaged."""
    path = workbook(tmp_path / "book.xlsx", "<row r='1'><c r=\"A1\" r='XFD9'><v>1</v></c></row>")
    with pytest.raises(UnsafeWorkbook) as exc:
        package_budget.check_budget(path)
    assert "its data is damaged (Unplaceable: xl/worksheets/sheet1.xml:" in exc.value.message("en")
    assert "内部数据已损坏" in exc.value.message("zh")


def test_a_document_type_is_refused(tmp_path: Path) -> None:
    """Entities could expand without bound: an odd part with a DOCTYPE is not read."""
    path = tmp_path / "book.xlsx"
    workbook(path, f"<row>{cell('A1')}</row>")
    xml = '<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaa">]>' + HEAD.split("?>", 1)[1]
    with zipfile.ZipFile(path, "a") as z:
        z.writestr("xl/worksheets/sheet2.xml", xml + f"<row>{cell('A1')}</row>" + TAIL)
    with pytest.raises(UnsafeWorkbook, match="declares a document type"):
        package_budget.check_budget(path)


# ---- the quick path stays the path of every standard file --------------------------------


def test_a_standard_workbook_is_never_placed(tmp_path: Path) -> None:
    """The school workbook, as the tool writes it: every chunk of every sheet is measured by
    the byte searches, and no part is read by the placement parser."""
    path = build(tmp_path / "school.xlsm")
    with mock.patch.object(
        package_budget, "place_cells", side_effect=AssertionError("placed")
    ) as placed:
        package_budget.check_budget(path)
    assert not placed.called


def test_an_odd_part_is_placed_once(tmp_path: Path) -> None:
    path = workbook(tmp_path / "book.xlsx", f"<row>{cell('A1')}</row>")
    with mock.patch.object(
        package_budget, "place_cells", wraps=sheet_placement.place_cells
    ) as placed:
        package_budget.check_budget(path)
    assert placed.call_count == 1


# ---- generated sheets against calamine ----------------------------------------------------

FORMS = st.sampled_from(['"', '"', '"', "'", " ", "", "", "lower", "prefix"])


@st.composite
def odd_sheet(draw: st.DrawFn) -> tuple[str, int]:
    """Rows with and without r (an r moving on or jumping ahead), cells in every form, A1
    first in an odd form; returns the sheet data and its number of cells."""
    rows = [f"<row>{cell('A1', draw(st.sampled_from(['', chr(39), ' '])))}"]
    cells, row = 1, 1
    for _ in range(draw(st.integers(0, 12))):
        rows.append("</row>")
        row += draw(st.sampled_from([1, 1, 2, 30]))
        rows.append(f'<row r="{row}">' if draw(st.booleans()) else "<row>")
        column = 0
        for _ in range(draw(st.integers(0, 8))):
            column += draw(st.sampled_from([1, 1, 3, 40]))
            letters = ""
            n = column
            while n:
                n, rest = divmod(n - 1, 26)
                letters = chr(65 + rest) + letters
            form = draw(FORMS)
            ref = f"{letters}{draw(st.integers(1, 90))}"
            if form == "lower":
                rows.append(cell(ref.lower()))
            elif form == "prefix":
                rows.append(f'<x:c r="{ref}"><x:v>1</x:v></x:c>')
            else:
                rows.append(cell(ref, form))
            cells += 1
    rows.append("</row>")
    return "".join(rows), cells


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(sheet=odd_sheet(), chunk=st.sampled_from([200, 1_000, 4 << 20]))
def test_odd_sheets_are_bounded_as_calamine_places_them(
    tmp_path_factory: pytest.TempPathFactory, sheet: tuple[str, int], chunk: int
) -> None:
    data, cells = sheet
    path = workbook(tmp_path_factory.mktemp("odd") / "book.xlsx", data)
    assert_bounded_as_calamine(path, cells, chunk)
