"""How the built sheets look: the workbook's cell formats, made once; column widths that fit
the header labels; the print setup."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from ..core.schema import Column

DATE_FORMAT = "yyyy-mm-dd"


@dataclass
class Formats:
    """The workbook's formats, made once (XlsxWriter dedups them, but not for free)."""

    wb: Workbook
    _cache: dict[tuple[tuple[str, Any], ...], Format] = field(default_factory=dict)

    def get(self, **props: Any) -> Format:
        key = tuple(sorted(props.items()))
        if key not in self._cache:
            self._cache[key] = self.wb.add_format(props)
        return self._cache[key]

    @property
    def date(self) -> Format:
        return self.get(num_format=DATE_FORMAT)

    @property
    def text(self) -> Format:
        return self.get(num_format="@")


def display_width(text: str) -> int:
    """Column-width units: CJK (wide/full-width) characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def column_width(col: Column, lang: str, *, filter_button: bool = False) -> float:
    """Column.width, widened so the header label (and a table's filter arrow) fits."""
    return max(col.width, display_width(col.label(lang)) + (4 if filter_button else 2))


LANDSCAPE_WIDTH = 90  # wider than this (in width units) does not fit A4 portrait


def page_setup(ws: Worksheet, widths: Sequence[float]) -> None:
    ws.set_paper(9)  # A4
    if sum(widths) > LANDSCAPE_WIDTH:
        ws.set_landscape()
    ws.repeat_rows(0)
    ws.fit_to_pages(1, 0)
