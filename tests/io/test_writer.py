"""write_owned_sheets: only owned sheets change, values read back typed, saves are crash-safe."""

from __future__ import annotations

import datetime as dt
import decimal
import fractions
import os
import re
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
from openpyxl.utils.escape import unescape
from python_calamine import CalamineWorkbook

from logistics.io import cell_xml, sheet_xml, writer, zip_patch
from logistics.io.locks import WorkbookOpen, excel_lock_file, libreoffice_lock_file
from logistics.io.writer import (
    BACKUP_DIR,
    SheetMissing,
    WorkbookChanged,
    WriteFailed,
    file_stamp,
    write_owned_sheets,
)

from .io_books import (
    ENERGY,
    SCORE_COLUMNS,
    SCORES,
    BuildBook,
    add_part,
    part_hashes,
    rewrite_part,
    sha256,
    sheet_part,
)

D = dt.date
HEADER = [label for label, _ in SCORE_COLUMNS]
ROWS: list[list[object]] = [
    ["2024-05", "S001", D(2024, 5, 31), 91.25, 12345.678, 1, "按时完成"],
    ["2024-05", "S002", dt.datetime(2024, 5, 31, 18, 30), 88.0, 0.5, 2, None],
    ["2024-05", "S003", None, None, None, 3, "—"],
]


def calamine_rows(path: Path, sheet: str) -> list[list[object]]:
    return [
        list(r) for r in CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).to_python()
    ]


def part_text(path: Path, part: str) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(part).decode("utf-8")


def leftovers(folder: Path) -> list[str]:
    """Temp or partial files a failed save might leave behind."""
    return [p.name for p in folder.rglob("*") if p.name.endswith((".logistics-tmp", ".partial"))]


# ---- what changes, and what does not -------------------------------------------------


def test_only_the_owned_sheet_part_changes(build_book: BuildBook) -> None:
    path = build_book()
    with zipfile.ZipFile(path) as z:
        meta_before = [
            (i.filename, i.date_time, i.compress_type, i.external_attr) for i in z.infolist()
        ]
    before = part_hashes(path)
    header_before = re.search(r'<row r="1".*?</row>', part_text(path, sheet_part(path, SCORES)))

    write_owned_sheets(path, {SCORES: ROWS})

    after = part_hashes(path)
    part = sheet_part(path, SCORES)
    assert list(after) == list(before)  # same parts, same order
    assert "xl/vbaProject.bin" in after
    assert [name for name in before if before[name] != after[name]] == [part]
    with zipfile.ZipFile(path) as z:
        assert z.testzip() is None
        meta_after = [
            (i.filename, i.date_time, i.compress_type, i.external_attr) for i in z.infolist()
        ]
    assert meta_after == meta_before
    header_after = re.search(r'<row r="1".*?</row>', part_text(path, part))
    assert header_before is not None and header_after is not None
    assert header_after.group(0) == header_before.group(0)  # the header row, byte for byte


def test_values_read_back_with_calamine(build_book: BuildBook) -> None:
    path = build_book(old_rows=5)
    write_owned_sheets(path, {SCORES: ROWS})
    assert calamine_rows(path, SCORES) == [
        HEADER,
        ["2024-05", "S001", D(2024, 5, 31), 91.25, 12345.678, 1.0, "按时完成"],
        ["2024-05", "S002", dt.datetime(2024, 5, 31, 18, 30), 88.0, 0.5, 2.0, ""],
        ["2024-05", "S003", "", "", "", 3.0, "—"],
    ]  # the 5 old rows are gone


def test_values_and_column_formats_read_back_with_openpyxl(build_book: BuildBook) -> None:
    path = build_book()
    write_owned_sheets(path, {SCORES: ROWS})
    ws = openpyxl.load_workbook(path)[SCORES]
    assert [c.value for c in ws[1]] == HEADER
    assert ws.max_row == 4
    assert (ws["A2"].value, ws["A2"].data_type) == ("2024-05", "s")
    assert (ws["C2"].value, ws["C2"].number_format) == (dt.datetime(2024, 5, 31), "yyyy-mm-dd")
    assert ws["C3"].value == dt.datetime(2024, 5, 31, 18, 30)
    assert (ws["D2"].value, ws["D2"].number_format) == (91.25, "0.0")
    assert (ws["E2"].value, ws["E2"].number_format) == (12345.678, "#,##0.00")
    assert (ws["F2"].value, ws["F2"].number_format) == (1, "0")
    assert ws["C4"].value is None and ws["G3"].value is None


def test_many_rows_span_several_chunks(build_book: BuildBook) -> None:
    n = 2 * cell_xml._CHUNK_ROWS + 17
    rows = [["2024-05", f"S{i:05d}", None, i / 4, None, i] for i in range(n)]
    path = build_book()
    write_owned_sheets(path, {SCORES: rows})
    got = calamine_rows(path, SCORES)
    assert len(got) == n + 1
    assert got[-1][:6] == ["2024-05", f"S{n - 1:05d}", "", (n - 1) / 4, "", float(n - 1)]
    assert f'<dimension ref="A1:G{n + 1}"/>' in part_text(path, sheet_part(path, SCORES))


TEXTS = [
    "=1+1",
    "+cmd|' /C calc'!A0",
    "-2",
    "@SUM(A1)",
    "<b>&",
    "_x0041_",
    "bell\x07ring",
    " padded ",
    "line1\nline2",
    "a\r\nb",
    "tab\there",
    "全角\u3000空格",
    "'quoted",
    '=HYPERLINK("http://x","click")',
    "]]>",
]


def test_text_stays_literal_text(build_book: BuildBook) -> None:
    path = build_book()
    write_owned_sheets(path, {SCORES: [[t] for t in TEXTS]})
    expected = [t.replace("\x07", "") for t in TEXTS]  # control chars are illegal in XML
    ws = openpyxl.load_workbook(path)[SCORES]
    cells = [ws.cell(row=i + 2, column=1) for i in range(len(TEXTS))]
    assert [c.data_type for c in cells] == ["s"] * len(TEXTS)
    # openpyxl does not decode Excel's _xHHHH_ escapes in inline strings; Excel does.
    assert [unescape(c.value) for c in cells] == expected
    assert [r[0] for r in calamine_rows(path, SCORES)[1:]] == expected
    xml = part_text(path, sheet_part(path, SCORES))
    assert "<f>" not in xml and "<f " not in xml  # never a formula


def test_text_is_cut_at_excels_limit(build_book: BuildBook) -> None:
    path = build_book()
    write_owned_sheets(path, {SCORES: [["x" * 40_000]]})
    assert calamine_rows(path, SCORES)[1][0] == "x" * 32_767


@pytest.mark.parametrize(
    ("value", "expected", "data_type"),
    [
        (True, True, "b"),
        (False, False, "b"),
        (0, 0, "n"),
        (-0.5, -0.5, "n"),
        (1e-7, 1e-7, "n"),
        (2**40, 2**40, "n"),
        (12345678901234567, "12345678901234567", "s"),  # beyond 15 digits: kept exact as text
        (float("nan"), None, "n"),
        (float("inf"), None, "n"),
        (-float("inf"), None, "n"),
        (np.int64(7), 7, "n"),
        (np.float32(1.5), 1.5, "n"),
        (np.float64(2.25), 2.25, "n"),
        (np.bool_(True), True, "b"),
        (np.str_("numpy text"), "numpy text", "s"),
        (np.datetime64("2024-05-31"), 45443, "n"),
        (np.datetime64("NaT"), None, "n"),
        (pd.Timestamp("2024-05-31 12:00"), 45443.5, "n"),
        (pd.NaT, None, "n"),
        (pd.NA, None, "n"),
        (decimal.Decimal("1.25"), 1.25, "n"),
        (fractions.Fraction(1, 4), 0.25, "n"),
        (dt.time(12, 0), 0.5, "n"),
        (dt.timedelta(hours=6), 0.25, "n"),
        (D(1900, 1, 1), 1, "n"),
        (D(1900, 2, 28), 59, "n"),
        (D(1900, 3, 1), 61, "n"),  # Excel's phantom 1900-02-29 is serial 60
        (D(1899, 12, 31), "1899-12-31", "s"),  # before Excel's first date
        (("tuple", 1), "('tuple', 1)", "s"),
    ],
    ids=repr,
)
def test_value_types(
    build_book: BuildBook, value: object, expected: object, data_type: str
) -> None:
    # Column B has no number format, so openpyxl shows dates as their serial numbers.
    path = build_book()
    write_owned_sheets(path, {SCORES: [["x", value]]})
    cell = openpyxl.load_workbook(path)[SCORES]["B2"]
    assert (cell.value, cell.data_type) == (expected, data_type)


def test_1904_date_system(build_book: BuildBook) -> None:
    path = build_book()
    rewrite_part(
        path, "xl/workbook.xml", lambda x: x.replace(b"<workbookPr ", b'<workbookPr date1904="1" ')
    )
    write_owned_sheets(path, {SCORES: [["x", D(2024, 5, 31), D(2024, 5, 31)]]})
    assert '<c r="B2"><v>43981</v></c>' in part_text(path, sheet_part(path, SCORES))
    assert openpyxl.load_workbook(path)[SCORES]["C2"].value == dt.datetime(2024, 5, 31)


def test_no_rows_leaves_only_the_header(build_book: BuildBook) -> None:
    path = build_book()
    write_owned_sheets(path, {SCORES: []})
    assert calamine_rows(path, SCORES) == [HEADER]
    assert '<dimension ref="A1:G1"/>' in part_text(path, sheet_part(path, SCORES))


def test_nothing_to_write_changes_nothing(build_book: BuildBook) -> None:
    path = build_book()
    digest = sha256(path)
    assert write_owned_sheets(path, {}) is None
    assert sha256(path) == digest


def test_several_sheets_in_one_pass_with_autofilters(build_book: BuildBook) -> None:
    path = build_book(autofilter=True)
    before = part_hashes(path)
    energy = [["2024-05", f"电表{i}", 100.0 + i, 1.5] for i in range(5)]
    write_owned_sheets(path, {SCORES: ROWS, ENERGY: energy})

    after = part_hashes(path)
    scores_part, energy_part = sheet_part(path, SCORES), sheet_part(path, ENERGY)
    changed = {n for n in before if before[n] != after[n]}
    assert changed == {scores_part, energy_part, "xl/workbook.xml"}
    assert '<autoFilter ref="A1:G4"/>' in part_text(path, scores_part)
    assert '<autoFilter ref="A1:D6"/>' in part_text(path, energy_part)
    # The hidden name Excel keeps for each autoFilter follows it.
    names = re.findall(
        r'_xlnm._FilterDatabase" localSheetId="(\d)" hidden="1">([^<]*)<',
        part_text(path, "xl/workbook.xml"),
    )
    assert sorted(names) == [("0", "考评!$A$1:$G$4"), ("2", "能耗统计!$A$1:$D$6")]
    wb = openpyxl.load_workbook(path)
    assert wb[SCORES].auto_filter.ref == "A1:G4"
    assert [c.value for c in wb[ENERGY]["A6":"D6"][0]] == ["2024-05", "电表4", 104.0, 1.5]


CALC_CHAIN = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b'<c r="D4" i="1"/></calcChain>'
)


def add_calc_chain(path: Path) -> None:
    add_part(path, "xl/calcChain.xml", CALC_CHAIN)
    rel = (
        b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/calcChain" Target="calcChain.xml"/></Relationships>'
    )
    rewrite_part(path, "xl/_rels/workbook.xml.rels", lambda x: x.replace(b"</Relationships>", rel))
    override = (
        b'<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-'
        b'officedocument.spreadsheetml.calcChain+xml"/></Types>'
    )
    rewrite_part(path, "[Content_Types].xml", lambda x: x.replace(b"</Types>", override))


@pytest.mark.parametrize("old_formula", [True, False])
def test_calc_chain_is_dropped_only_when_formulas_go(
    build_book: BuildBook, old_formula: bool
) -> None:
    path = build_book(old_formula=old_formula)
    add_calc_chain(path)
    openpyxl.load_workbook(path)  # a valid package to start with
    before = part_hashes(path)
    write_owned_sheets(path, {SCORES: ROWS})
    after = part_hashes(path)
    meta_parts = {"xl/calcChain.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml"}
    if old_formula:
        assert "xl/calcChain.xml" not in after
        assert "calcChain" not in part_text(path, "xl/_rels/workbook.xml.rels")
        assert "calcChain" not in part_text(path, "[Content_Types].xml")
        assert list(after) == [n for n in before if n != "xl/calcChain.xml"]
        unchanged = set(before) - meta_parts - {sheet_part(path, SCORES)}
    else:
        assert list(after) == list(before)
        unchanged = set(before) - {sheet_part(path, SCORES)}
    assert all(after[n] == before[n] for n in unchanged)
    assert calamine_rows(path, SCORES)[1][1] == "S001"
    openpyxl.load_workbook(path)


def test_prefixed_namespace_sheet(build_book: BuildBook) -> None:
    # Some generators write <x:row> with a prefixed main namespace; the cells must follow.
    path = build_book()
    part = sheet_part(path, SCORES)
    main = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'

    def prefixed(xml: bytes) -> bytes:
        xml = xml.replace(main, main.replace(b"xmlns=", b"xmlns:x="))
        return re.sub(rb"<(/?)([A-Za-z]+)([\s/>])", rb"<\1x:\2\3", xml)

    rewrite_part(path, part, prefixed)
    write_owned_sheets(path, {SCORES: ROWS})
    xml = part_text(path, part)
    assert '<x:c r="A2" t="inlineStr"><x:is><x:t>2024-05</x:t></x:is></x:c>' in xml
    ws = openpyxl.load_workbook(path)[SCORES]
    assert [c.value for c in ws[2]][:4] == ["2024-05", "S001", dt.datetime(2024, 5, 31), 91.25]


def test_missing_sheet_is_named(build_book: BuildBook) -> None:
    path = build_book()
    digest = sha256(path)
    with pytest.raises(SheetMissing) as exc:
        write_owned_sheets(path, {SCORES: ROWS, "年终排名": []})
    assert "年终排名" in exc.value.message("zh") and "年终排名" in exc.value.message("en")
    assert SCORES in exc.value.message("en")  # lists the sheets it has
    assert sha256(path) == digest and leftovers(path.parent) == []


def test_sheet_name_matches_ignoring_case(tmp_path: Path) -> None:
    import xlsxwriter

    path = tmp_path / "en.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    wb.add_worksheet("Scores").write_row(0, 0, ["Month", "StaffID"])
    wb.close()
    write_owned_sheets(path, {"scores": [["2024-05", "S1"]]})
    assert calamine_rows(path, "Scores") == [["Month", "StaffID"], ["2024-05", "S1"]]


# ---- safe save -----------------------------------------------------------------------


@pytest.mark.parametrize("app", ["excel", "libreoffice"])
def test_refuses_a_workbook_open_in_excel_or_libreoffice(build_book: BuildBook, app: str) -> None:
    path = build_book()
    digest = sha256(path)
    if app == "excel":
        name = b"Li Lei"
        excel_lock_file(path).write_bytes(bytes([len(name)]) + name.ljust(164, b" "))
    else:
        libreoffice_lock_file(path).write_text("Li Lei,pc1,lilei,24.05.2024 10:00,file:///x;")
    with pytest.raises(WorkbookOpen) as exc:
        write_owned_sheets(path, {SCORES: ROWS})
    assert "Li Lei" in exc.value.message("en") and "Li Lei" in exc.value.message("zh")
    assert sha256(path) == digest and leftovers(path.parent) == []


def test_refuses_a_workbook_opened_while_we_worked(
    build_book: BuildBook, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = build_book()
    digest = sha256(path)
    verify = writer.verify_patched

    def verify_then_open(*args: object) -> None:
        verify(*args)  # type: ignore[arg-type]
        libreoffice_lock_file(path).write_text("Han Meimei,pc2,hmm,24.05.2024 10:00,file:///x;")

    monkeypatch.setattr(writer, "verify_patched", verify_then_open)
    with pytest.raises(WorkbookOpen, match="Han Meimei"):
        write_owned_sheets(path, {SCORES: ROWS})
    assert sha256(path) == digest and leftovers(path.parent) == []


def test_refuses_when_the_workbook_changed_meanwhile(
    build_book: BuildBook, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = build_book()
    verify = writer.verify_patched

    def verify_then_someone_saves(*args: object) -> None:
        verify(*args)  # type: ignore[arg-type]
        path.write_bytes(path.read_bytes())  # a save with the same content: new mtime

    monkeypatch.setattr(writer, "verify_patched", verify_then_someone_saves)
    with pytest.raises(WorkbookChanged) as exc:
        write_owned_sheets(path, {SCORES: ROWS})
    assert path.name in exc.value.message("zh")
    assert calamine_rows(path, SCORES)[1][1] == "OLD0"
    assert leftovers(path.parent) == [] and not (path.parent / BACKUP_DIR).exists()


def test_refuses_when_changed_since_the_caller_read_it(build_book: BuildBook) -> None:
    path = build_book()
    stamp = file_stamp(path)
    os.utime(path, ns=(stamp.mtime_ns + 10**9, stamp.mtime_ns + 10**9))
    with pytest.raises(WorkbookChanged):
        write_owned_sheets(path, {SCORES: ROWS}, unchanged_since=stamp)
    write_owned_sheets(path, {SCORES: ROWS}, unchanged_since=file_stamp(path))


def test_refuses_a_file_rewritten_in_place_with_its_old_time(build_book: BuildBook) -> None:
    # Same size and inode, modification time set back: only the change time tells.
    path = build_book()
    stamp = file_stamp(path)
    time.sleep(0.01)
    path.write_bytes(path.read_bytes())
    os.utime(path, ns=(stamp.mtime_ns, stamp.mtime_ns))
    with pytest.raises(WorkbookChanged):
        write_owned_sheets(path, {SCORES: ROWS}, unchanged_since=stamp)


def test_failed_backup_leaves_the_original(
    build_book: BuildBook, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = build_book()
    digest = sha256(path)

    def disk_full(target: Path) -> Path:
        (target.parent / BACKUP_DIR).mkdir(exist_ok=True)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writer, "make_backup", disk_full)
    with pytest.raises(WriteFailed) as exc:
        write_owned_sheets(path, {SCORES: ROWS})
    assert "No space left on device" in exc.value.message("en")
    assert "工作簿没有被修改" in exc.value.message("zh")
    assert sha256(path) == digest and leftovers(path.parent) == []


def test_failed_replace_leaves_the_original_and_no_backup(
    build_book: BuildBook, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = build_book()
    digest = sha256(path)

    def denied(*args: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(writer.shutil, "copymode", denied)  # the step after the backup
    with pytest.raises(WriteFailed, match="Permission denied"):
        write_owned_sheets(path, {SCORES: ROWS})
    assert sha256(path) == digest and leftovers(path.parent) == []
    assert list((path.parent / BACKUP_DIR).iterdir()) == []  # no duplicate of the original


def test_refuses_more_rows_than_excel_has(
    build_book: BuildBook, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sheet_xml, "EXCEL_MAX_ROWS", 3)
    path = build_book()
    with pytest.raises(WriteFailed) as exc:
        write_owned_sheets(path, {SCORES: ROWS})
    assert "4 rows" in exc.value.message("en") and "Excel allows 3" in exc.value.message("en")


def test_verification_catches_broken_xml(
    build_book: BuildBook, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = build_book()
    digest = sha256(path)
    monkeypatch.setattr(cell_xml, "_plain_texts", lambda values: True)  # a bug: no escaping
    with pytest.raises(WriteFailed, match="failed verification"):
        write_owned_sheets(path, {SCORES: [["<b>&"]]})
    assert sha256(path) == digest and leftovers(path.parent) == []


def _central_names(path: Path) -> dict[bytes, int]:
    """{raw name bytes: general purpose flags} of each central directory entry, read from
    the bytes themselves (zipfile decodes names: it would hide a name written differently)."""
    data = path.read_bytes()
    found, at = {}, data.find(b"PK\x01\x02")
    while at >= 0:
        flags, size = int.from_bytes(data[at + 8 : at + 10], "little"), data[at + 28 : at + 30]
        length = int.from_bytes(size, "little")
        found[data[at + 46 : at + 46 + length]] = flags
        at = data.find(b"PK\x01\x02", at + 46 + length)
    return found


@pytest.mark.parametrize("encoding", ["utf-8", "gbk"])
def test_a_part_named_without_the_utf8_flag_keeps_its_name_bytes(
    build_book: BuildBook, encoding: str
) -> None:
    """Some writers store a non-ASCII part name in UTF-8 or GBK without the zip's UTF-8
    flag; zipfile reads it as cp437. Saving must keep the name's bytes, not write the
    cp437 reading back as UTF-8 (the part would be renamed to mojibake)."""
    path = build_book()
    raw = "customXml/图片说明.xml".encode(encoding)

    class Unflagged(zipfile.ZipInfo):  # as such a writer stores it
        def _encodeFilenameFlags(self) -> tuple[bytes, int]:
            return raw, self.flag_bits

    with zipfile.ZipFile(path, "a") as z:
        z.writestr(Unflagged(raw.decode("cp437"), (2024, 1, 2, 3, 4, 6)), b"<note>kept</note>")
    before = _central_names(path)
    assert before[raw] & 0x800 == 0
    write_owned_sheets(path, {SCORES: ROWS})
    after = _central_names(path)
    assert after[raw] == before[raw]  # the same bytes, the same flags
    with zipfile.ZipFile(path) as z:
        assert z.read(raw.decode("cp437")) == b"<note>kept</note>"


@pytest.mark.parametrize("damage", ["flip a byte", "cut short"])
def test_verification_catches_a_bad_copy_of_an_unchanged_part(
    build_book: BuildBook, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    """Parts the writer does not change are copied as their compressed bytes; a bug in that
    copy (here: the last byte of styles.xml flipped, or the part's end overwritten by the
    next header) must fail the save, not reach the workbook."""
    path = build_book()
    digest = sha256(path)
    real = zip_patch._copy_compressed

    def bad_copy(zin: zipfile.ZipFile, info: zipfile.ZipInfo, zout: zipfile.ZipFile) -> None:
        real(zin, info, zout)
        if info.filename == "xl/styles.xml":
            fp = zout.fp
            assert fp is not None
            end = fp.tell()
            fp.seek(end - 1)
            last = fp.read(1)[0]
            fp.seek(end - 1)
            if damage == "flip a byte":
                fp.write(bytes([last ^ 0xFF]))
            else:
                zout.start_dir = end - 1  # the next part's header overwrites the last byte

    monkeypatch.setattr(zip_patch, "_copy_compressed", bad_copy)
    with pytest.raises(WriteFailed, match="failed verification"):
        write_owned_sheets(path, {SCORES: ROWS})
    assert sha256(path) == digest and leftovers(path.parent) == []


def test_backups_rotate(build_book: BuildBook) -> None:
    path = build_book()
    other = path.parent / BACKUP_DIR / "other.20240101-000000-000000.xlsm"
    versions = []
    for i in range(4):
        versions.append(sha256(path))
        backup = write_owned_sheets(path, {SCORES: [[f"run {i}"]]}, keep_backups=2)
        assert backup is not None and sha256(backup) == versions[-1]
        assert backup.parent == path.parent / BACKUP_DIR
        other.write_bytes(b"another workbook's backup")
    kept = sorted((path.parent / BACKUP_DIR).glob("logistics.*.xlsm"))
    assert [sha256(p) for p in kept] == versions[-2:]
    assert other.exists()  # never pruned: it belongs to another workbook
    assert write_owned_sheets(path, {SCORES: []}, keep_backups=0) is None
    assert len(list((path.parent / BACKUP_DIR).glob("logistics.*.xlsm"))) == 2


def test_keeps_the_file_mode(build_book: BuildBook) -> None:
    path = build_book()
    path.chmod(0o640)
    write_owned_sheets(path, {SCORES: ROWS})
    assert path.stat().st_mode & 0o777 == 0o640


def test_writes_through_a_symlink(build_book: BuildBook) -> None:
    real = build_book()
    link = real.with_name("link.xlsm")
    link.symlink_to(real)
    write_owned_sheets(link, {SCORES: ROWS})
    assert link.is_symlink()
    assert calamine_rows(real, SCORES)[1][1] == "S001"


def test_old_orphan_temp_files_are_removed(build_book: BuildBook) -> None:
    path = build_book()
    old = path.parent / ".logistics.xlsm.abc123.logistics-tmp"
    young = path.parent / ".logistics.xlsm.def456.logistics-tmp"
    for p in (old, young):
        p.write_bytes(b"half a zip")
    os.utime(old, (0, 0))
    write_owned_sheets(path, {SCORES: ROWS})
    assert not old.exists() and young.exists()


def test_leftovers_of_killed_runs_go_after_a_few_minutes(build_book: BuildBook) -> None:
    # A run killed mid-save leaves its temp file, or a backup copy still named .partial.
    path = build_book()
    backups = path.parent / BACKUP_DIR
    backups.mkdir()
    minutes_ago = {
        path.parent / ".logistics.xlsm.k1.logistics-tmp": 6,
        path.parent / ".logistics.xlsm.k2.logistics-tmp": 2,  # may be a save in progress
        backups / ".logistics.20250301-101500-000001.xlsm.partial": 6,
        backups / ".logistics.20250301-101600-000001.xlsm.partial": 2,
        backups / ".other.20250301-101500-000001.xlsm.partial": 60,  # another workbook's
    }
    for leftover, minutes in minutes_ago.items():
        leftover.write_bytes(b"half a copy")
        when = time.time() - 60 * minutes
        os.utime(leftover, (when, when))
    write_owned_sheets(path, {SCORES: ROWS})
    kept = {p for p in minutes_ago if p.exists()}
    assert kept == {p for p, minutes in minutes_ago.items() if minutes in (2, 60)}


KILL_SCRIPT = r"""
import sys, time
from pathlib import Path
from logistics.io import sheet_xml, writer

path, stage = Path(sys.argv[1]), sys.argv[2]


def pause():
    print("paused", flush=True)
    time.sleep(60)


if stage == "writing":  # half of the new sheet is in the temp file
    rows_xml = sheet_xml.rows_xml

    def slow_rows(*args, **kwargs):
        chunks = rows_xml(*args, **kwargs)
        yield next(chunks)
        pause()
        yield from chunks

    sheet_xml.rows_xml = slow_rows
else:  # the temp file is complete and verified, the original about to be replaced
    backup = writer.make_backup

    def slow_backup(target):
        pause()
        return backup(target)

    writer.make_backup = slow_backup
rows = [["2024-05", f"S{i:05d}", None, i / 3, i * 1.5, i, "新结果"] for i in range(10_000)]
writer.write_owned_sheets(path, {"考评": rows})
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
@pytest.mark.parametrize("stage", ["writing", "before-replace"])
def test_sigkill_mid_save_leaves_the_original_intact(build_book: BuildBook, stage: str) -> None:
    path = build_book()
    digest = sha256(path)
    child = subprocess.Popen(
        [sys.executable, "-c", KILL_SCRIPT, str(path), stage],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert child.stdout is not None and child.stderr is not None
        assert child.stdout.readline() == b"paused\n", child.stderr.read().decode()
        temps = list(path.parent.glob(".logistics.xlsm.*.logistics-tmp"))
        assert len(temps) == 1 and temps[0].stat().st_size > 0
        child.send_signal(signal.SIGKILL)
    finally:
        child.kill()
        child.wait()
    assert child.returncode == -signal.SIGKILL
    assert sha256(path) == digest  # byte for byte
    assert calamine_rows(path, SCORES)[1][1] == "OLD0"
    openpyxl.load_workbook(path)
    # The next run is not disturbed by the killed run's temp file.
    write_owned_sheets(path, {SCORES: [["2024-06", "S1"]]})
    assert calamine_rows(path, SCORES)[1][:2] == ["2024-06", "S1"]
