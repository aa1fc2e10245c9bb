"""An owned sheet's worksheet part: the old XML cut around ``<sheetData>`` (the old rows are
only searched for formulas, never decoded), the new ``<dimension>``, ``<autoFilter>`` and
column styles, and the new XML streamed out with the rows."""

from __future__ import annotations

import re
from collections.abc import Iterator

from words import both

from .cell_xml import col_index, col_letter, rows_xml
from .header_row import SharedStrings, rewritten_header
from .ooxml import ATTR, PREFIX
from .sheet_plan import SheetPlan
from .write_errors import WriteFailed

EXCEL_MAX_ROWS, EXCEL_MAX_COLS = 1_048_576, 16_384
_SHEET_DATA = re.compile(rb"<((?:[\w.-]+:)?)sheetData\b[^>]*?(/?)>")
_ROW_TAG = re.compile(rb"<(?:[\w.-]+:)?row\b([^>]*?)(/?)>")
_CELL_COL = re.compile(r'\br="([A-Z]{1,3})\d+"')
_COLS = re.compile(rf"<{PREFIX}cols\b[^>]*>(.*?)</{PREFIX}cols>", re.S)
_COL = re.compile(rf"<{PREFIX}col\b([^>]*?)/?>")
_DIMENSION = re.compile(rf'(<{PREFIX}dimension\b[^>]*?\bref=")([^"]*)(")')
_AUTOFILTER = re.compile(rf'(<{PREFIX}autoFilter\b[^>]*?\bref=")([^"]*)(")')
_RANGE = re.compile(r"\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$")


def split_sheet(plan: SheetPlan, xml: bytes, book: str, shared: SharedStrings) -> None:
    """Cut the old sheet XML around <sheetData>. Works on bytes with offsets: the old rows
    (possibly 100+ MB) are only searched for formulas, never decoded or copied."""
    m = _SHEET_DATA.search(xml)
    end = -1
    if m is not None:
        end = m.end() if m[2] else xml.find(b"</%ssheetData>" % m[1], m.end())
    if m is None or end < 0:
        raise WriteFailed(
            name=book,
            reason=both("content_sheet_incomplete_sheetdata", name=plan.name),
        )
    pb = m[1]
    plan.prefix = pb.decode()
    after_start = end if m[2] else end + len(b"</%ssheetData>" % pb)
    rest = _header_end(xml, m.end(), end, pb, plan.header_rows)
    before = xml[: m.start()].decode("utf-8")
    plan.header = xml[m.end() : rest].decode("utf-8").strip()
    if plan.labels is not None:
        header = rewritten_header(plan.header, plan.labels, plan.prefix, before, shared)
        if header is not None:  # the old first row goes, with any formula in it
            plan.header, rest = header, m.end()
    plan.removed_formulas = _has_formula(xml, rest, end, pb)
    after = xml[after_start:].decode("utf-8")
    ncols = max(
        [col_index(c) for c in _CELL_COL.findall(plan.header)]
        + [max(map(len, plan.rows), default=0), 1]
    )
    last_row = plan.header_rows + len(plan.rows)
    if last_row > EXCEL_MAX_ROWS or ncols > EXCEL_MAX_COLS:
        raise WriteFailed(
            name=book,
            reason=both(
                "results_sheet_need_rows",
                name=plan.name,
                last_row=last_row,
                ncols=ncols,
                EXCEL_MAX_ROWS=EXCEL_MAX_ROWS,
                EXCEL_MAX_COLS=EXCEL_MAX_COLS,
            ),
        )
    plan.styles = _column_styles(before, ncols)
    dim = "A1" if ncols == 1 and last_row == 1 else f"A1:{col_letter(ncols)}{last_row}"
    plan.before = _DIMENSION.sub(lambda d: d.group(1) + dim + d.group(3), before, count=1)
    plan.after = _update_autofilter(plan, after, last_row)


def _has_formula(xml: bytes, start: int, end: int, pb: bytes) -> bool:
    """Whether an <f> element lies in xml[start:end]: one fast bytes search, not a regex."""
    needle = b"<%sf" % pb
    at = xml.find(needle, start, end)
    while at >= 0:
        follow = xml[at + len(needle) : at + len(needle) + 1]
        if follow in (b">", b" ", b"/"):  # not <family> of rich text
            return True
        at = xml.find(needle, at + 1, end)
    return False


def _header_end(xml: bytes, start: int, end: int, pb: bytes, header_rows: int) -> int:
    """Offset where the kept header (the first row, when it is row 1) ends within sheetData."""
    m = _ROW_TAG.search(xml, start, end)
    if m is None:
        return start
    r = re.search(rb'\br="(\d+)"', m[1])
    if header_rows == 0 or (r is not None and int(r[1]) > header_rows):
        return start
    if m[2]:  # <row .../>
        return m.end()
    close = b"</%srow>" % pb
    stop = xml.find(close, m.end(), end)
    return start if stop < 0 else stop + len(close)


def _column_styles(before: str, ncols: int) -> tuple[str, ...]:
    """Each column's style from <cols>: the builder formats whole columns (0.0, yyyy-mm-dd)."""
    styles = [""] * ncols
    cols = _COLS.search(before)
    for col in _COL.finditer(cols.group(1) if cols else ""):
        attrs = {k: a or b for k, a, b in ATTR.findall(col.group(1))}
        style = attrs.get("style", "0")
        if style in ("", "0") or not style.isdigit():
            continue
        lo, hi = int(attrs.get("min", "0")), int(attrs.get("max", "0"))
        for j in range(max(lo, 1) - 1, min(hi, ncols)):
            styles[j] = f' s="{style}"'
    return tuple(styles)


def _update_autofilter(plan: SheetPlan, after: str, last_row: int) -> str:
    views = after.find("customSheetViews")  # their own autoFilters come later: leave them
    head, tail = (after, "") if views < 0 else (after[:views], after[views:])
    m = _AUTOFILTER.search(head)
    rng = _RANGE.match(m.group(2)) if m else None
    if m is None or rng is None:
        return after
    c1, r1, c2 = rng.group(1), int(rng.group(2)), rng.group(3) or rng.group(1)
    plan.filter_ref = f"{c1}{r1}:{c2}{max(r1, last_row)}"
    return head[: m.start(2)] + plan.filter_ref + head[m.end(2) :] + tail


def xml_chunks(plan: SheetPlan) -> Iterator[str]:
    """The sheet's new XML, in chunks: the kept XML around the new rows."""
    p = plan.prefix
    yield f"{plan.before}<{p}sheetData>{plan.header}"
    yield from rows_xml(plan.rows, plan.header_rows + 1, plan.styles, p, plan.date1904)
    yield f"</{p}sheetData>{plan.after}"
