"""The budget scan's quick path gives the outcome of measuring every chunk (SPEC §7).

``budget_reference`` is the scan as it was before the quick path; sheets are generated with
what a hostile or odd file can hold (far references, rows out of order or without ``r``,
wide columns late, error cells and formulas), and both scans must agree: the same marked
parts, or the same refusal word for word. Small chunks and a small budget make a few
hundred rows cross every boundary the real sizes cross at a million.
"""

from __future__ import annotations

import sys
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from logistics.io import package_budget
from logistics.io.package import UnsafeWorkbook

from . import budget_reference

PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org'
    '/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships"><dimension ref="A1"/><sheetData>'
)
TAIL = '</sheetData><pageMargins header="0.3" footer="0.3"/></worksheet>'


def letters(column: int) -> str:
    """1 → A, 26 → Z, 27 → AA (Excel's column letters)."""
    out = ""
    while column:
        column, rest = divmod(column - 1, 26)
        out = chr(65 + rest) + out
    return out


def write_sheets(path: Path, sheets: list[str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        for i, xml in enumerate(sheets, 1):
            z.writestr(f"xl/worksheets/sheet{i}.xml", HEAD + xml + TAIL)
    return path


@contextmanager
def sizes(chunk: int, max_cells: int, probe: int = 64 << 10) -> Iterator[None]:
    """Both scans with this chunk size and budget. The limit on all sheets together came
    after the reference was written: it is left out here (a few sheets near ``max_cells``
    each passed it at the real 32M and made the scans differ) and tested on its own in
    test_hostile_files.py."""
    with (
        mock.patch.object(package_budget, "CHUNK", chunk),
        mock.patch.object(package_budget, "MAX_CELLS", max_cells),
        mock.patch.object(package_budget, "MAX_BOOK_CELLS", sys.maxsize),
        mock.patch.object(package_budget, "_PROBE", probe),
        mock.patch.object(budget_reference, "CHUNK", chunk),
        mock.patch.object(budget_reference, "MAX_CELLS", max_cells),
    ):
        yield


def outcome(scan: Callable[[Path], frozenset[str]], path: Path) -> tuple[str, object]:
    try:
        return "read", sorted(scan(path))
    except UnsafeWorkbook as exc:
        return "refused", exc.message("en")


def both_scans(path: Path) -> tuple[str, object]:
    """The product's outcome, after checking that it is the reference's."""
    quick = outcome(package_budget.check_budget, path)
    assert quick == outcome(budget_reference.check_budget, path)
    return quick


# ---- generated sheets -------------------------------------------------------------------

ODD = st.sampled_from(
    [
        *("far_ref", "wide", "no_ref", "row_no_r", "r_not_first", "back", "jump"),
        *("error", "formula", "twice"),
    ]
)


@st.composite
def sheet_xml(draw: st.DrawFn) -> str:
    """Rows in order with, now and then, one of the odd things of ``ODD``."""
    width = draw(st.integers(1, 30))
    row = draw(st.sampled_from([1, 9, 95, 990, 9_990, 99_990, 999_990]))
    out = []
    for _ in range(draw(st.integers(1, 300))):
        odd = draw(ODD) if draw(st.integers(0, 30)) == 0 else ""
        if odd == "jump":
            row += draw(st.sampled_from([10, 1_000, 90_000, 900_000, 2_000_000]))
        shown = draw(st.integers(1, 3_000_000)) if odd == "back" else row
        tag = {"row_no_r": "<row>", "r_not_first": f'<row spans="1:3" r="{shown}">'}
        cells = []
        for column in range(1, draw(st.integers(1, width)) + 1):
            ref = f' r="{letters(column)}{shown}"'
            if odd == "far_ref" and column == 1:
                ref = f' r="{letters(draw(st.integers(1, 60)))}{draw(st.integers(1, 9**8))}"'
            elif odd == "wide" and column == 1:
                ref = f' r="{letters(draw(st.integers(1, 800)))}{shown}"'
            elif odd == "no_ref":
                ref = ""
            kind = ' t="e"' if odd == "error" and column == 1 else ""
            formula = "<f>A1+1</f>" if odd == "formula" and column == 1 else ""
            cells.append(f"<c{ref}{kind}>{formula}<v>1</v></c>")
        cells += cells if odd == "twice" else []  # the same references again
        out.append(tag.get(odd, f'<row r="{shown}">') + "".join(cells) + "</row>")
        row += 1
    return "".join(out)


@PROPERTY
@given(
    sheets=st.lists(sheet_xml(), min_size=1, max_size=3),
    chunk=st.sampled_from([300, 1_000, 4_096]),
    max_cells=st.sampled_from([2_000, 60_000, 1_000_000, 16_000_000]),
    probe=st.sampled_from([100, 64 << 10]),
)
def test_the_quick_scan_agrees_with_measuring_every_chunk(
    tmp_path_factory: pytest.TempPathFactory,
    sheets: list[str],
    chunk: int,
    max_cells: int,
    probe: int,
) -> None:
    path = write_sheets(tmp_path_factory.mktemp("budget") / "book.xlsx", sheets)
    with sizes(chunk, max_cells, probe):
        both_scans(path)


# ---- the cases that decide how the quick path is built ----------------------------------


def rows(first: int, last: int, columns: int = 7, extra: dict[int, str] | None = None) -> str:
    extra = extra or {}
    return "".join(
        f'<row r="{n}">'
        + "".join(f'<c r="{letters(c)}{n}"><v>1</v></c>' for c in range(1, columns + 1))
        + extra.get(n, "")
        + "</row>"
        for n in range(first, last + 1)
    )


def test_a_sheet_in_row_order_is_measured_on_the_quick_path(tmp_path: Path) -> None:
    """After the first chunk, every chunk of an ordinary sheet is taken by the quick path."""
    path = write_sheets(tmp_path / "book.xlsx", [rows(1, 3_000)])
    quick: list[bool] = []
    within = package_budget._SheetExtent._within_bounds

    def spy(self: package_budget._SheetExtent, data: bytes) -> bool:
        quick.append(within(self, data))
        return quick[-1]

    with (
        sizes(4_096, 16_000_000),
        mock.patch.object(package_budget._SheetExtent, "_within_bounds", spy),
    ):
        assert both_scans(path) == ("read", [])
    assert len(quick) > 40 and all(quick)


def test_a_high_row_hidden_before_a_wide_column_is_found_by_a_second_read(tmp_path: Path) -> None:
    """Rows 100,000-100,400 × 7 columns: a row of 6 digits is within budget whatever its first
    digit (999,999 × 7 < 16M), so early chunks do not look at first digits, and A900000
    passes them. Column Z late makes 999,999 × 26 over budget: the part is read again and
    A900000 counts as it is, 900,000 × 26 = 23,400,000 cells (by hand), as measuring every
    chunk finds."""
    far = '<c r="A900000"><v>1</v></c>'
    late = '<c r="Z100390"><v>1</v></c>'
    path = write_sheets(
        tmp_path / "book.xlsx", [rows(100_000, 100_400, extra={100_010: far, 100_390: late})]
    )
    with sizes(4_096, 16_000_000):
        said = both_scans(path)
    assert said[0] == "refused"
    assert "spans about 23,400,000 cells (limit 16,000,000)" in str(said[1])


def test_a_higher_first_digit_is_looked_for_once_it_matters(tmp_path: Path) -> None:
    """Rows 1,000,000-1,000,300: 7 digits, where 9,999,999 × 7 is over budget, so each chunk
    looks for a higher first digit; A9000001 in the middle counts as it is: 63,000,007."""
    far = '<c r="A9000001"><v>1</v></c>'
    path = write_sheets(
        tmp_path / "book.xlsx", [rows(1_000_000, 1_000_300, extra={1_000_150: far})]
    )
    with sizes(4_096, 16_000_000):
        said = both_scans(path)
    assert "spans about 63,000,007 cells (limit 16,000,000)" in str(said[1])


def test_cells_beyond_the_budget_are_counted_when_the_rectangle_is_within(tmp_path: Path) -> None:
    """Rows 1-300 × 7 columns, each cell written twice: a 2,100-cell rectangle and 4,200
    cells (by hand; a ``<c`` at a chunk's end may count twice, never less). With a budget
    of 3,000 the cells refuse the workbook, on the quick path as when measured."""
    twice = "".join(
        f'<row r="{n}">'
        + 2 * "".join(f'<c r="{letters(c)}{n}"><v>1</v></c>' for c in range(1, 8))
        + "</row>"
        for n in range(1, 301)
    )
    path = write_sheets(tmp_path / "book.xlsx", [twice])
    with sizes(4_096, 3_000):
        said = both_scans(path)
    assert said[0] == "refused"
    cells = int(str(said[1]).split("spans about ")[1].split(" cells")[0].replace(",", ""))
    assert 4_200 <= cells < 4_200 + 20


def test_a_row_out_of_order_keeps_its_number_when_the_bound_is_over(tmp_path: Path) -> None:
    """Rows 100,000-100,300 × 7 and, among them, row 190,000 (same digits, same first
    digit, so no chunk needs a closer look). With a budget of 1,000,000 the bound 199,999 × 7
    is over; the highest row is then read exactly (190,000 × 7 = 1,330,000, over too), so
    the bound stands: 1,399,993 cells (by hand), as measuring every chunk says."""
    back = rows(190_000, 190_000)
    path = write_sheets(tmp_path / "book.xlsx", [rows(100_000, 100_300, extra={100_150: back})])
    with sizes(4_096, 1_000_000):
        said = both_scans(path)
    assert "spans about 1,399,993 cells (limit 1,000,000)" in str(said[1])


def test_cells_counted_as_a_bound_are_counted_exactly_before_a_refusal(tmp_path: Path) -> None:
    """Rows 1-300 × 7 columns: 2,100 cells and a 2,100-cell rectangle (by hand), within a
    budget of 3,000. The quick path's bound (every "c": each cell has two) is over it, so
    the part's cells are counted exactly, and the workbook is read."""
    path = write_sheets(tmp_path / "book.xlsx", [rows(1, 300)])
    with sizes(4_096, 3_000):
        assert both_scans(path) == ("read", [])
