"""Read a workbook file into a RawBook with python-calamine.

Headers are found by their labels (zh or en) within the first rows, not at a fixed row;
fully blank rows are dropped; the DataFrame index keeps Excel row numbers for messages.
Error cells, formulas without a result (``cell_marks``), logical cells and merged ranges
are kept as what they are, so that validation can name them at their own cell. A sheet's
rows are taken from calamine one at a time and its table built a chunk at a time
(``sheet_table``): the whole sheet is never held as Python row lists.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator, Sequence, Sized
from contextlib import contextmanager
from itertools import chain, islice
from pathlib import Path
from typing import cast

import pandas as pd
from python_calamine import CalamineError, CalamineSheet, CalamineWorkbook

from ..core import schema
from ..core.errors import LogisticsError
from ..core.problems import Problem
from ..core.rawbook import CellError, MergedRange, RawBook, RawSheet
from . import budget_ahead, read_ahead
from .cell_marks import Marks, read_marks
from .cell_xml import col_letter
from .package import check_package
from .sheet_table import clean, coded_table

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


OnSheet = Callable[[RawSheet, bool], None]  # (a sheet just read, the book's date1904)


def read_workbook(path: Path, on_sheet: OnSheet | None = None) -> RawBook:
    """Check the package, then read every known sheet of the workbook at ``path``; what a
    thread has already checked and parsed of it (``read_ahead``) is taken, not done again.

    ``on_sheet`` is called with each sheet as soon as it is read, in the order sheets are
    read (the smallest first when read ahead): the caller may check it while the next is
    parsed. It must not raise; a file that changed meanwhile is read again, and then each
    sheet comes again, as a new ``RawSheet``.
    """
    ahead = read_ahead.take(path)
    if ahead is not None:
        try:
            with _no_cyclic_gc():
                return _read(path, ahead.marked, ahead, on_sheet)
        except read_ahead.Changed:  # saved while the thread parsed it: read afresh
            pass
    check_package(path)
    marked = budget_ahead.scan(path)  # real bytes and cells, before calamine allocates
    with _no_cyclic_gc():
        return _read(path, marked, None, on_sheet)


def _read(
    path: Path,
    marked: frozenset[str],
    ahead: read_ahead.Parsed | None = None,
    on_sheet: OnSheet | None = None,
) -> RawBook:
    try:
        book = ahead.book if ahead is not None else CalamineWorkbook.from_path(str(path))
        names = ahead.names if ahead is not None else list(book.sheet_names)
        lang = detect_lang(names)
        inputs = {n for n in names if (s := schema.sheet_by_label(n)) is not None and not s.owned}
        date1904, marks = read_marks(path, inputs, marked)
        wanted = read_ahead.sheets_read(names)
        left = list(wanted)  # not read yet, in tab order
        read: dict[str, RawSheet] = {}  # by name, in the order read
        homes: dict[str, dict[str, object]] = {}
        while left:
            # as the thread hands them over, then (all, without it) parsed here in tab order
            item = ahead.next_sheet() if ahead is not None else None
            if item is None:
                ahead = None  # the book is ours now
                name, found = left[0], book.get_sheet_by_name(left[0])
            else:
                name, found = item
                del item
            left.remove(name)
            sheet = wanted[name]
            if sheet is None:
                homes[name] = read_home(found.to_python(skip_empty_area=False))
            else:
                read[name] = _raw_sheet(sheet, name, found, marks.get(name, {}))
            del found  # calamine's copy of the sheet goes before the next is parsed or checked
            if on_sheet is not None and name in read:
                on_sheet(read[name], date1904)
        if ahead is not None:  # all handed over: wait for the thread and check the file
            ahead.next_sheet()
        problems: list[Problem] = []
        for name in names:
            if name not in wanted and schema.sheet_by_label(name) is None:
                problems += stale_output_copy(book, name, lang)
    except (CalamineError, ValueError, OSError) as exc:  # corrupt parts inside a valid zip
        raise UnreadableWorkbook(name=path.name, reason=str(exc) or type(exc).__name__) from exc
    home = next((homes[n] for n in reversed(wanted) if n in homes), {})  # the last one
    sheets = {read[n].key: read[n] for n in wanted if n in read}  # in tab order
    return RawBook(lang=lang, sheets=sheets, home=home, problems=problems, date1904=date1904)


def _raw_sheet(sheet: schema.Sheet, name: str, found: CalamineSheet, marks: Marks) -> RawSheet:
    """The ``RawSheet`` of schema sheet ``sheet`` from its parsed sheet ``found``."""
    merged = [
        MergedRange(r0 + 1, c0, r1 + 1, c1)
        for (r0, c0), (r1, c1) in (found.merged_cell_ranges or [])
        if (r0, c0) != (r1, c1)
    ]
    rows = sheet_rows(found, marks)
    height = found.end[0] + 1 if found.end else 0
    return rows_to_raw_sheet(sheet, name, rows, merged, height)


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


def sheet_rows(found: CalamineSheet, marks: Marks) -> Iterator[list[object]]:
    """The rows of ``found`` from A1 (as ``to_python(skip_empty_area=False)`` gives them),
    one list at a time, each error cell or uncomputed formula (read as '') in place as its
    ``CellError``.

    ``iter_rows`` gives the leading empty rows but starts each row at the sheet's first used
    column: the empty columns before it are put back, so positions count from column A.
    """
    offset = found.start[1] if found.start else 0
    rows = cast("Iterator[list[object]]", found.iter_rows())  # fresh lists, ours to mark
    if offset:
        lead: list[object] = [""] * offset
        rows = (lead + row for row in rows)
    return _marked(rows, marks) if marks else rows


def _marked(rows: Iterator[list[object]], marks: Marks) -> Iterator[list[object]]:
    by_row: dict[int, list[tuple[int, CellError]]] = {}
    for (row, col), mark in marks.items():
        by_row.setdefault(row, []).append((col, mark))
    for number, cells in enumerate(rows, start=1):
        for col, mark in by_row.get(number, ()):
            if col < len(cells):
                cells[col] = mark
        yield cells


def detect_lang(sheet_names: Sequence[str]) -> str:
    zh = sum(1 for s in schema.ALL_SHEETS if s.zh in sheet_names)
    en = sum(1 for s in schema.ALL_SHEETS if s.en in sheet_names)
    return "en" if en > zh else "zh"


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
    rows: Iterable[Sequence[object]],
    merged: Sequence[MergedRange] = (),
    height: int | None = None,
) -> RawSheet:
    """The table of ``sheet`` in ``rows`` (cell values from A1, a list or an iterator read
    once, a chunk at a time); ``merged``: the sheet's merged ranges, of which those reaching
    below the header are kept; ``height``: how many rows an iterator gives, if known."""
    if height is None and isinstance(rows, Sized):
        height = len(rows)
    rows = iter(rows)
    head = list(islice(rows, HEADER_SCAN_ROWS))
    header_index, positions = find_header(sheet, head)
    keys = [c.key for c in sheet.columns]
    if header_index < 0:  # no header at all: every column is missing
        empty = pd.DataFrame({k: pd.Series(dtype=object) for k in keys})
        return RawSheet(sheet.key, name, 1, empty, missing=keys)
    where = {key: j for j, key in positions.items()}
    header = head[header_index]
    body = chain(head[header_index + 1 :], rows)
    del head
    ordered = {k: where[k] for k in keys if k in where}
    hint = (height or 0) - header_index - 1
    frame, codes = coded_table(body, header_index + 2, ordered, hint)
    missing = [k for k in keys if k not in positions.values()]
    repeats = repeated_labels(sheet, header, positions, header_index + 1)
    body_merged = [m for m in merged if m.last_row > header_index + 1]
    return RawSheet(
        sheet.key, name, header_index + 1, frame, missing, where, repeats, body_merged, codes
    )


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
                values[found] = clean(row[j + 1])
    return values
