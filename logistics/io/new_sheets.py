"""Adding an owned sheet the workbook lacks: a valid name, the new part's XML, and its
registration in ``[Content_Types].xml``, the workbook's rels and ``<sheets>``, and
docProps/app.xml when its lists are the usual ones."""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable
from typing import NamedTuple

from words import both

from .ooxml import PREFIX, START_TAG
from .sheet_plan import NewSheet, SheetPlan
from .workbook_parts import APP, CONTENT_TYPES, RELS, WORKBOOK, PartTexts, WorkbookPart
from .write_errors import WriteFailed

WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
_VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
# An added sheet: its header row frozen, like the builder's output sheets. No bold header:
# that needs a cell format, and styles.xml is not ours to edit.
NEW_SHEET_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<worksheet xmlns="{ns}"><dimension ref="A1"/><sheetViews><sheetView workbookViewId="0">'
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView>'
    '</sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData/><pageMargins left="0.7" '
    'right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>'
)
_BAD_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")


def check_sheet_name(name: str) -> None:
    """Excel's rules for a sheet name: a sheet added under a name that breaks them would make
    Excel refuse the whole workbook."""
    if (
        not 0 < len(name) <= 31
        or not name.isprintable()
        or _BAD_SHEET_NAME.search(name)
        or name[0] == "'"
        or name[-1] == "'"
        or name.casefold() == "history"
    ):
        raise ValueError(f"{name!r} cannot be an Excel sheet name")


def register_sheets(
    parts: PartTexts, added: list[tuple[SheetPlan, NewSheet]], book: WorkbookPart
) -> None:
    """Make the added sheet parts sheets of the workbook: a content type, a relationship
    and a tab each (appended: existing sheets keep their position, so their localSheetId)."""
    rel_type = html.escape(book.worksheet_rel_type())
    r, declaration = _rel_prefix(parts.get(WORKBOOK), book.rel_ns)
    _append_children(
        parts,
        CONTENT_TYPES,
        "Types",
        lambda p: "".join(
            f'<{p}Override PartName="/{s.part}" ContentType="{WORKSHEET_TYPE}"/>' for s, _ in added
        ),
        book,
    )
    _append_children(
        parts,
        RELS,
        "Relationships",
        lambda p: "".join(
            f'<{p}Relationship Id="{n.rid}" Type="{rel_type}" '
            f'Target="{posixpath.relpath(s.part, "xl")}"/>'
            for s, n in added
        ),
        book,
    )
    _append_children(
        parts,
        WORKBOOK,
        "sheets",
        lambda p: "".join(
            f'<{p}sheet name="{html.escape(s.name)}" sheetId="{n.sheet_id}" '
            f'{r}:id="{n.rid}"{declaration}/>'
            for s, n in added
        ),
        book,
    )
    if APP in parts.zin.NameToInfo:
        names = [s.name for s, _ in added]
        parts.set(APP, app_xml_with(parts.get(APP), book.worksheets(), names))


def _rel_prefix(workbook_xml: str, rel_ns: str) -> tuple[str, str]:
    """The prefix for r:id on a new <sheet>: the one the root declares for the relationships
    namespace, else "r" with a declaration on the element itself (as openpyxl writes it)."""
    root = START_TAG.search(workbook_xml)
    declared = re.search(
        rf"""\sxmlns:([\w.-]+)\s*=\s*["']{re.escape(rel_ns)}["']""", root.group(1) if root else ""
    )
    if declared:
        return declared.group(1), ""
    return "r", f' xmlns:r="{html.escape(rel_ns)}"'


def _append_children(
    parts: PartTexts, part: str, parent: str, children: Callable[[str], str], book: WorkbookPart
) -> None:
    """Add ``children(prefix)`` at the end of the one ``parent`` element of ``part``."""
    xml = parts.get(part)
    close = re.search(rf"</({PREFIX}){parent}\s*>", xml)
    if close is not None:
        parts.set(part, xml[: close.start()] + children(close.group(1)) + xml[close.start() :])
        return
    empty = re.search(rf"<({PREFIX}){parent}\b([^>]*?)/>", xml)
    if empty is None:
        raise WriteFailed(
            name=book.file,
            reason=both("has_no_element_so", part=part, parent=parent),
        )
    p, attrs = empty.group(1), empty.group(2)
    opened = f"<{p}{parent}{attrs}>{children(p)}</{p}{parent}>"
    parts.set(part, xml[: empty.start()] + opened + xml[empty.end() :])


def app_xml_with(xml: str, worksheets: list[str], added: list[str]) -> str:
    """docProps/app.xml with the added sheets listed after the worksheets.

    It holds HeadingPairs (per group a title such as "Worksheets", localized, and a count) and
    TitlesOfParts (every group's names in turn). Excel does not check them and rewrites them
    on save, so the file is left as it is unless the worksheets' group is found, by its names,
    and every count and size agrees: an edit never makes these lists inconsistent.
    """
    lists = _app_lists(xml)
    if lists is None or not worksheets:
        return xml
    start = 0
    for count in lists.counts:
        n = int(count.group(1))
        if [html.unescape(m.group(1)) for m in lists.names[start : start + n]] == worksheets:
            last = lists.names[start + n - 1].end()
            v = lists.vt
            listed = "".join(f"<{v}lpstr>{html.escape(a, quote=False)}</{v}lpstr>" for a in added)
            return _splice(
                xml,
                [
                    (count.span(1), str(n + len(added))),
                    (lists.size.span(1), str(len(lists.names) + len(added))),
                    ((last, last), listed),
                ],
            )
        start += n
    return xml


class _AppLists(NamedTuple):
    vt: str  # the prefix of the docPropsVTypes namespace, with its colon
    counts: list[re.Match[str]]  # HeadingPairs' counts (group 1), one per group
    names: list[re.Match[str]]  # TitlesOfParts' names (group 1, escaped)
    size: re.Match[str]  # TitlesOfParts' vector size (group 1)


def _app_lists(xml: str) -> _AppLists | None:
    """HeadingPairs and TitlesOfParts as Excel writes them, if their counts and sizes agree."""
    vt = re.search(rf"""\sxmlns:([\w.-]+)\s*=\s*["']{re.escape(_VT_NS)}["']""", xml)
    heads = re.search(r"<HeadingPairs>.*?</HeadingPairs>", xml, re.S)
    titles = re.search(r"<TitlesOfParts>.*?</TitlesOfParts>", xml, re.S)
    if vt is None or heads is None or titles is None:
        return None
    v = vt.group(1) + ":"

    def find(pattern: str, within: re.Match[str]) -> list[re.Match[str]]:
        return list(re.compile(pattern).finditer(xml, within.start(), within.end()))

    x = re.escape(v)
    counts = find(rf"<{x}i4>(\d+)</{x}i4>", heads)
    groups = find(rf"<{x}lpstr>[^<]*</{x}lpstr>", heads)
    names = find(rf"<{x}lpstr>([^<]*)</{x}lpstr>", titles)
    sizes = find(r'\bsize="(\d+)"', heads) + find(r'\bsize="(\d+)"', titles)
    if [int(s.group(1)) for s in sizes] != [2 * len(counts), len(names)]:
        return None
    if len(groups) != len(counts) or sum(int(c.group(1)) for c in counts) != len(names):
        return None
    return _AppLists(v, counts, names, sizes[1])


def _splice(text: str, edits: list[tuple[tuple[int, int], str]]) -> str:
    """``text`` with each (start, end) span replaced; the spans must not overlap."""
    for (start, end), new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text
