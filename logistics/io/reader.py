"""Read a workbook file into a RawBook with python-calamine.

Headers are found by their labels (zh or en) within the first rows, not at a fixed row;
fully blank rows are dropped; the DataFrame index keeps Excel row numbers for messages.
Error cells, formulas without a result (``cell_marks``), logical cells and merged ranges
are kept as what they are, so that validation can name them at their own cell.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pandas as pd
from python_calamine import CalamineError, CalamineWorkbook

from ..core import schema
from ..core.errors import LogisticsError
from ..core.problems import Problem
from ..core.rawbook import MergedRange, RawBook, RawSheet
from . import budget_ahead
from .cell_marks import Marks, read_marks
from .cell_xml import col_letter
from .package import check_package
from .package_budget import check_budget

HEADER_SCAN_ROWS = 30  # a header further down than this is not looked for


class UnreadableWorkbook(LogisticsError):
    said = "unreadable_workbook"


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Pause the cycle collector: calamine hands over a list per row, and each million
    allocations would otherwise scan every object alive (0.8 s for 500k rows); the rows hold
    no cycles, so nothing is left for it to find."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def read_workbook(path: Path) -> RawBook:
    """Check the package, then read every known sheet of the workbook at ``path``."""
    check_package(path)
    marked = budget_ahead.take(path)  # scanned by a child while the command loaded its jobs
    if marked is None:
        marked = check_budget(path)  # real inflated bytes and cells, before calamine allocates
    with _no_cyclic_gc():
        return _read(path, marked)


def _read(path: Path, marked: frozenset[str]) -> RawBook:
    try:
        book = CalamineWorkbook.from_path(str(path))
        names = list(book.sheet_names)
        lang = detect_lang(names)
        inputs = {n for n in names if (s := schema.sheet_by_label(n)) is not None and not s.owned}
        date1904, marks = read_marks(path, inputs, marked)
        sheets: dict[str, RawSheet] = {}
        home: dict[str, object] = {}
        problems: list[Problem] = []
        for name in names:
            if name in (schema.HOME[1], schema.HOME[2]):
                home = read_home(book.get_sheet_by_name(name).to_python(skip_empty_area=False))
                continue
            sheet = schema.sheet_by_label(name)
            if sheet is None:
                problems += stale_output_copy(book, name, lang)
                continue
            if sheet.key in sheets:
                continue
            found = book.get_sheet_by_name(name)
            rows: list[list[object]] = found.to_python(skip_empty_area=False)  # type: ignore[assignment]
            _mark_cells(rows, marks.get(name, {}))
            merged = [
                MergedRange(r0 + 1, c0, r1 + 1, c1)
                for (r0, c0), (r1, c1) in (found.merged_cell_ranges or [])
                if (r0, c0) != (r1, c1)
            ]
            sheets[sheet.key] = rows_to_raw_sheet(sheet, name, rows, merged)
            del rows  # the frame holds the cells; the row lists can go before the next sheet
    except (CalamineError, ValueError, OSError) as exc:  # corrupt parts inside a valid zip
        raise UnreadableWorkbook(name=path.name, reason=str(exc) or type(exc).__name__) from exc
    return RawBook(lang=lang, sheets=sheets, home=home, problems=problems, date1904=date1904)


def stale_output_copy(book: CalamineWorkbook, name: str, lang: str) -> list[Problem]:
    """A warning when sheet ``name`` is a renamed output sheet (考评 → 考评2025) that still has
    the tool's header: the tool no longer updates it. Only names holding an output sheet's
    name are looked at, so a school's own large sheets are not read."""
    key = schema.label_key(name)
    for sheet in schema.OUTPUT_SHEETS:
        if schema.label_key(sheet.zh) in key or schema.label_key(sheet.en) in key:
            first = next(iter(book.get_sheet_by_name(name).iter_rows()), [])
            found = [schema.label_key(c) if isinstance(c, str) else "" for c in first]
            for labels in ([c.zh for c in sheet.columns], [c.en for c in sheet.columns]):
                if found[: len(labels)] == [schema.label_key(x) for x in labels]:
                    return [
                        Problem(
                            "stale_output_copy",
                            sheet.key,
                            None,
                            None,
                            params={"name": name, "label": sheet.label(lang)},
                        )
                    ]
    return []


def _mark_cells(rows: list[list[object]], marks: Marks) -> None:
    """Put each error cell or uncomputed formula (read as '') in place as a ``CellError``."""
    for (row, col), mark in marks.items():
        if row - 1 < len(rows) and col < len(rows[row - 1]):
            rows[row - 1][col] = mark


def detect_lang(sheet_names: Sequence[str]) -> str:
    zh = sum(1 for s in schema.ALL_SHEETS if s.zh in sheet_names)
    en = sum(1 for s in schema.ALL_SHEETS if s.en in sheet_names)
    return "en" if en > zh else "zh"


def _clean(value: object) -> object:
    """calamine gives '' for an empty cell; strip text so ' ' counts as blank. A logical
    cell becomes the text TRUE/FALSE and a NaN the text NaN: neither is a number (SPEC 4.1),
    and as text neither can pass for 1, 0 or a blank cell."""
    if isinstance(value, str):
        value = value.strip()
        return value or None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value != value:
        return "NaN"
    return value


def _clean_column(column: pd.Series) -> pd.Series:
    """``_clean`` each distinct value once: sheets repeat dates, IDs and statuses. One hash
    pass (``factorize``) codes the cells; the cleaned values are taken by code.

    True hashes as 1 and False as 0, so distinct values would merge a logical cell with
    the number: logical cells are turned into text first, found by type where 0 or 1 occur.
    ``factorize`` codes None and NaN alike as missing; a NaN is text (``_clean``), found as
    the one value not equal to itself.
    """
    values = column.to_numpy(dtype=object)
    codes, uniques = pd.factorize(values)
    if any(isinstance(v, int | float) and v in (0, 1) for v in uniques):
        logical = np.fromiter((type(v) is bool for v in values), bool, len(values))
        if logical.any():
            values = values.copy()
            values[logical] = ["TRUE" if v else "FALSE" for v in values[logical]]
            codes, uniques = pd.factorize(values)
    cleaned = np.empty(len(uniques) + 1, dtype=object)  # the last slot: missing (code -1)
    for i, value in enumerate(uniques):
        cleaned[i] = _clean(value)
    out = cleaned[codes]
    missing = np.flatnonzero(codes == -1)
    if len(missing):
        blanks = values[missing]
        out[missing[blanks != blanks]] = "NaN"
    return pd.Series(out, index=column.index, dtype=object)


def find_header(
    sheet: schema.Sheet, rows: Sequence[Sequence[object]]
) -> tuple[int, dict[int, str]]:
    """The 0-based index of the header row and {column position: column key}.

    The header is the row among the first HEADER_SCAN_ROWS that names the most columns.
    """
    labels = {}
    for col in sheet.columns:
        labels[schema.label_key(col.zh)] = col.key
        labels[schema.label_key(col.en)] = col.key
    best: tuple[int, dict[int, str]] = (-1, {})
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        found: dict[int, str] = {}
        for j, cell in enumerate(row):
            if isinstance(cell, str):
                key = labels.get(schema.label_key(cell))
                if key is not None and key not in found.values():
                    found[j] = key
        if len(found) > len(best[1]):
            best = (i, found)
    return best


def rows_to_raw_sheet(
    sheet: schema.Sheet,
    name: str,
    rows: Sequence[Sequence[object]],
    merged: Sequence[MergedRange] = (),
) -> RawSheet:
    """The table of ``sheet`` in ``rows`` (cell values from A1); ``merged``: the sheet's
    merged ranges, of which those reaching below the header are kept."""
    header_index, positions = find_header(sheet, rows)
    keys = [c.key for c in sheet.columns]
    if header_index < 0:  # no header at all: every column is missing
        empty = pd.DataFrame({k: pd.Series(dtype=object) for k in keys})
        return RawSheet(sheet.key, name, 1, empty, missing=keys)
    body = rows[header_index + 1 :]
    # calamine's rows are rectangular (skip_empty_area=False): one C-speed frame of them all.
    frame = pd.DataFrame(body, dtype=object) if body else pd.DataFrame(columns=list(positions))
    frame = frame[list(positions)].set_axis(list(positions.values()), axis=1)
    frame.index = pd.RangeIndex(len(body)) + header_index + 2
    frame = frame[[k for k in keys if k in frame.columns]].apply(_clean_column)
    if len(frame.columns):
        frame = frame[frame.notna().any(axis=1)]
    missing = [k for k in keys if k not in positions.values()]
    where = {key: j for j, key in positions.items()}
    repeats = repeated_labels(sheet, rows[header_index], positions, header_index + 1)
    body_merged = [m for m in merged if m.last_row > header_index + 1]
    return RawSheet(sheet.key, name, header_index + 1, frame, missing, where, repeats, body_merged)


def repeated_labels(
    sheet: schema.Sheet, header: Sequence[object], positions: dict[int, str], row: int
) -> list[Problem]:
    """An error at each header cell whose label repeats a column already found (SPEC §4.5):
    only the first is read, so what is typed under the repeat would be silently ignored."""
    if sheet.owned:
        return []
    labels = {}
    for col in sheet.columns:
        labels[schema.label_key(col.zh)] = col.key
        labels[schema.label_key(col.en)] = col.key
    first = {key: j for j, key in positions.items()}
    problems = []
    for j, cell in enumerate(header):
        key = labels.get(schema.label_key(cell)) if isinstance(cell, str) else None
        if key is not None and j not in positions and key in first:
            problems.append(
                Problem(
                    "duplicate_column",
                    sheet.key,
                    row,
                    key,
                    cell,
                    params={
                        "cell": f"{col_letter(j + 1)}{row}",
                        "cell_column": col_letter(j + 1),
                        "first": col_letter(first[key] + 1),
                    },
                )
            )
    return problems


def read_home(rows: Sequence[Sequence[object]]) -> dict[str, object]:
    """Home-sheet values: the cell right of each field's label."""
    by_label: dict[str, str] = {}
    for field_key, zh, en in schema.HOME_FIELDS:
        by_label[schema.label_key(zh)] = field_key
        by_label[schema.label_key(en)] = field_key
    values: dict[str, object] = {}
    for row in rows:
        for j, cell in enumerate(row[:-1]):
            found = by_label.get(schema.label_key(cell)) if isinstance(cell, str) else None
            if found is not None:
                values[found] = _clean(row[j + 1])
    return values
