"""Helpers for the file-safety tests: sheet names, columns and zip part utilities."""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree as ET

SCORES = "考评"
ENERGY = "能耗统计"
LOGS = "日志"
# The owned sheet: header labels and the column formats the builder sets on whole columns.
SCORE_COLUMNS = [
    ("月份", None),
    ("工号", None),
    ("日期", "yyyy-mm-dd"),
    ("总分", "0.0"),
    ("绩效工资", "#,##0.00"),
    ("名次", "0"),
    ("备注", None),
]
ENERGY_COLUMNS = [("月份", None), ("表计", None), ("用量", "0.##"), ("同比(%)", "0.0")]

BuildBook = Callable[..., Path]

NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "p": "http://schemas.openxmlformats.org/package/2006/relationships",
}


def part_hashes(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as z:
        return {i.filename: hashlib.sha256(z.read(i)).hexdigest() for i in z.infolist()}


def sheet_part(path: Path, sheet: str) -> str:
    """The zip part of a sheet, looked up independently of the writer (workbook.xml + rels)."""
    with zipfile.ZipFile(path) as z:
        wb = ET.fromstring(z.read("xl/workbook.xml"))
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    rid = next(
        s.get(f"{{{NS['r']}}}id")
        for s in wb.iterfind("m:sheets/m:sheet", NS)
        if s.get("name") == sheet
    )
    target = next(
        r.get("Target") for r in rels.iterfind("p:Relationship", NS) if r.get("Id") == rid
    )
    target = str(target)
    return target[1:] if target.startswith("/") else "xl/" + target  # openpyxl: absolute


def rewrite_part(path: Path, part: str, edit: Callable[[bytes], bytes]) -> None:
    """Replace one part of a zip in place (to make test variants XlsxWriter cannot)."""
    with zipfile.ZipFile(path) as z:
        items = [(i, z.read(i)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in items:
            z.writestr(info, edit(data) if info.filename == part else data)


def add_part(path: Path, part: str, data: bytes) -> None:
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr(part, data)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
