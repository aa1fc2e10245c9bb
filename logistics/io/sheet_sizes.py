"""Which sheets are small, from the zip alone: the order the read-ahead parses them in."""

from __future__ import annotations

import math
import zipfile
from collections.abc import Sequence
from pathlib import Path

from .workbook_parts import read_workbook_part, rel_part


def part_sizes(path: Path) -> dict[str, int]:
    """{sheet name: uncompressed bytes of its worksheet part} of the workbook at ``path``;
    a sheet whose part is not found is left out. Reads xl/workbook.xml and its relationships
    only. Call after ``check_package``; raises what ``zipfile`` and the XML parser raise."""
    sizes: dict[str, int] = {}
    with zipfile.ZipFile(path) as zin:
        workbook = read_workbook_part(path.name, zin)
        for entry in workbook.entries:
            rel = workbook.rel_of(entry)
            info = zin.NameToInfo.get(rel_part(rel.get("Target", ""))) if rel is not None else None
            if info is not None:
                sizes.setdefault(entry.get("name", ""), info.file_size)
    return sizes


def smallest_first(path: Path, names: Sequence[str]) -> list[str]:
    """``names`` by the size of their worksheet part, smallest first; equal sizes and sheets
    whose part is not found (those last) keep their order in ``names``. If the parts cannot
    be read, ``names`` as given: the order only decides what is ready first."""
    try:
        sizes = part_sizes(path)
    except Exception:  # the reader meets (and words) whatever is wrong with the file
        return list(names)
    return sorted(names, key=lambda name: sizes.get(name, math.inf))
