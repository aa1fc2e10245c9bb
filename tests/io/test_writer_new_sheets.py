"""write_owned_sheets with expected headers: workbooks made by other tools get their output
sheets added, and a missing or wrong header row written; a correct header stays verbatim."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import openpyxl
import pytest
from python_calamine import CalamineWorkbook
from typer.testing import CliRunner

from logistics.cli import app
from logistics.core import schema
from logistics.io import new_sheets
from logistics.io.writer import SheetMissing, write_owned_sheets

from .io_books import NS, SCORE_COLUMNS, SCORES, BuildBook, part_hashes, rewrite_part, sheet_part

D = dt.date
VALIDATION = "校验结果"
ANNUAL = "年终排名"
LABELS = {s.zh: [c.zh for c in s.columns] for s in schema.OUTPUT_SHEETS}
SCORE_ROWS: list[list[object]] = [
    ["2025-03", "S1", "张伟", "保洁员", 4.8, 7.1, 30.0, 20.0, 61.9, "合格", 1, 0.8, 1600.0],
    ["2025-03", "S2", "李娜", "保洁员", 4.8, 7.1, 30.0, 20.0, 61.9, "合格", 1, 0.8, 1440.0],
]
REGISTRY = {"[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"}


def input_rows(lang: str) -> dict[str, list[list[object]]]:
    """A few valid rows per input sheet key, in the schema's column order."""
    done = schema.LOGS.column("status").choices[0].label(lang)
    return {
        "posts": [["P1", "保洁员", "公共区域保洁", None, None, 21, 24]],
        "staff": [
            ["S1", "张伟", "P1", D(2024, 1, 1), None, 2000],
            ["S2", "李娜", "P1", D(2024, 1, 1), None, 1800],
        ],
        "logs": [
            [D(2025, 3, day), staff, f"日常工作{day}", 1, 8, done, None]
            for staff in ("S1", "S2")
            for day in (3, 4, 5, 6, 7)
        ],
    }


def input_book(
    path: Path, lang: str = "zh", extra: dict[str, list[list[object]]] | None = None
) -> Path:
    """A workbook as a checker makes it with openpyxl from the spec: every input sheet but the
    optional Calendar, headed by the spec's labels, a few valid rows; ``extra`` sheets too."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    rows = input_rows(lang)
    for sheet in schema.INPUT_SHEETS:
        if sheet.required:
            ws = wb.create_sheet(sheet.label(lang))
            for row in [[c.label(lang) for c in sheet.columns], *rows.get(sheet.key, [])]:
                ws.append(row)
    for name, extra_rows in (extra or {}).items():
        ws = wb.create_sheet(name)
        for row in extra_rows:
            ws.append(row)
    wb.save(path)
    return path


def sheet_rows(path: Path, sheet: str) -> list[list[object]]:
    book = CalamineWorkbook.from_path(str(path))
    return [list(r) for r in book.get_sheet_by_name(sheet).to_python()]


def part_text(path: Path, part: str) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(part).decode("utf-8")


def first_row(path: Path, sheet: str) -> str:
    m = re.search(
        r"<(?:\w+:)?row\b[^>]*>.*?</(?:\w+:)?row>", part_text(path, sheet_part(path, sheet))
    )
    assert m is not None
    return m.group(0)


# ---- missing sheets are added --------------------------------------------------------


def test_missing_output_sheets_are_added(tmp_path: Path) -> None:
    path = input_book(tmp_path / "checker.xlsx")
    before = part_hashes(path)
    with zipfile.ZipFile(path) as z:
        meta_before = {i.filename: (i.date_time, i.compress_type) for i in z.infolist()}

    write_owned_sheets(
        path,
        {SCORES: SCORE_ROWS, VALIDATION: []},
        headers={n: LABELS[n] for n in (SCORES, VALIDATION)},
    )

    after = part_hashes(path)
    added = [n for n in after if n not in before]
    assert list(after) == [*before, *added]  # the original parts first, in their order
    assert sorted(added) == sorted({sheet_part(path, SCORES), sheet_part(path, VALIDATION)})
    assert {n for n in before if before[n] != after[n]} == REGISTRY  # app.xml: no lists here
    with zipfile.ZipFile(path) as z:
        assert z.testzip() is None
        assert meta_before == {
            i.filename: (i.date_time, i.compress_type) for i in z.infolist() if i.filename in before
        }
    assert CalamineWorkbook.from_path(str(path)).sheet_names[-2:] == [SCORES, VALIDATION]
    assert sheet_rows(path, SCORES) == [
        LABELS[SCORES],
        *[[float(v) if isinstance(v, int) else v for v in row] for row in SCORE_ROWS],
    ]
    assert sheet_rows(path, VALIDATION) == [LABELS[VALIDATION]]
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[-2:] == [SCORES, VALIDATION]
    ws = wb[SCORES]
    assert [[c.value for c in row] for row in ws.iter_rows()] == [LABELS[SCORES], *SCORE_ROWS]
    assert ws.freeze_panes == "A2"
    assert [c.value for c in wb[VALIDATION][1]] == LABELS[VALIDATION]
    assert_registered(path, [SCORES, VALIDATION])


def assert_registered(path: Path, names: list[str]) -> None:
    """Each added sheet: a worksheet content type, one relationship, a unique sheetId."""
    with zipfile.ZipFile(path) as z:
        wb = ET.fromstring(z.read("xl/workbook.xml"))
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        types = ET.fromstring(z.read("[Content_Types].xml"))
    entries = wb.findall("m:sheets/m:sheet", NS)
    assert len({e.get("sheetId") for e in entries}) == len(entries)
    ids = [r.get("Id") for r in rels]
    assert len(set(ids)) == len(ids)
    overrides = {o.get("PartName"): o.get("ContentType") for o in types}
    for name in names:
        assert overrides["/" + sheet_part(path, name)] == new_sheets.WORKSHEET_TYPE


def test_added_sheets_read_back_in_libreoffice(tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("LibreOffice (soffice) is required on CI")
        pytest.skip("LibreOffice is not installed")
    path = input_book(tmp_path / "checker.xlsx")
    write_owned_sheets(
        path,
        {SCORES: SCORE_ROWS, VALIDATION: []},
        headers={n: LABELS[n] for n in (SCORES, VALIDATION)},
    )
    out = tmp_path / "out"
    profile = (tmp_path / "lo-profile").as_uri()  # own profile: no clash with a running office
    result = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "ods",
            "--outdir",
            str(out),
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    ods = out / "checker.ods"
    assert result.returncode == 0 and ods.exists(), result.stderr
    assert sheet_rows(ods, SCORES)[0] == LABELS[SCORES]
    assert [r[:2] for r in sheet_rows(ods, SCORES)[1:]] == [["2025-03", "S1"], ["2025-03", "S2"]]
    assert sheet_rows(ods, VALIDATION) == [LABELS[VALIDATION]]


def test_added_sheet_in_a_macro_workbook_is_listed_in_app_xml(build_book: BuildBook) -> None:
    path = build_book()  # XlsxWriter: VBA, a chart, a table, shared strings
    before = part_hashes(path)
    rows = [[2025, "S1", "张伟", "保洁员", 12, 88.5, "良好", 1, 20000.0, 1500.0]]
    write_owned_sheets(path, {ANNUAL: rows}, headers={ANNUAL: LABELS[ANNUAL]})

    after = part_hashes(path)
    assert {n for n in before if before[n] != after[n]} == REGISTRY | {"docProps/app.xml"}
    assert [n for n in after if n not in before] == [sheet_part(path, ANNUAL)]
    app_xml = part_text(path, "docProps/app.xml")
    assert "<vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>4<" in app_xml
    titles = re.search(r"<TitlesOfParts><vt:vector size=\"(\d+)\"[^>]*>(.*)</vt:vector>", app_xml)
    assert titles is not None
    names = re.findall(r"<vt:lpstr>([^<]*)</vt:lpstr>", titles.group(2))
    assert names[:4] == [SCORES, "日志", "能耗统计", ANNUAL] and int(titles.group(1)) == len(names)
    wb = openpyxl.load_workbook(path, keep_vba=True)
    assert wb.sheetnames == [SCORES, "日志", "能耗统计", ANNUAL]
    assert [c.value for c in wb[ANNUAL][2]] == rows[0]
    assert_registered(path, [ANNUAL])


HEADS = (
    '<HeadingPairs><vt:vector size="4" baseType="variant"><vt:variant><vt:lpstr>工作表</vt:lpstr>'
    "</vt:variant><vt:variant><vt:i4>2</vt:i4></vt:variant><vt:variant><vt:lpstr>命名范围"
    "</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs>"
)
TITLES = (
    '<TitlesOfParts><vt:vector size="3" baseType="lpstr"><vt:lpstr>岗位</vt:lpstr>'
    "<vt:lpstr>A&amp;B</vt:lpstr><vt:lpstr>岗位!Print_Area</vt:lpstr></vt:vector></TitlesOfParts>"
)


def app_xml(body: str) -> str:
    return (
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-'
        'properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'docPropsVTypes">{body}</Properties>'
    )


@pytest.mark.parametrize("body", [HEADS + TITLES, TITLES + HEADS], ids=["excel-order", "reversed"])
def test_app_xml_lists_the_added_sheets_after_the_worksheets(body: str) -> None:
    # The group is found by its names, whatever the heading's language.
    new = new_sheets.app_xml_with(app_xml(body), ["岗位", "A&B"], ["考评", "R&D"])
    assert "<vt:lpstr>工作表</vt:lpstr></vt:variant><vt:variant><vt:i4>4</vt:i4>" in new
    assert "<vt:lpstr>命名范围</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4>" in new
    assert (
        '<vt:vector size="5" baseType="lpstr"><vt:lpstr>岗位</vt:lpstr><vt:lpstr>A&amp;B</vt:lpstr>'
        "<vt:lpstr>考评</vt:lpstr><vt:lpstr>R&amp;D</vt:lpstr><vt:lpstr>岗位!Print_Area</vt:lpstr>"
    ) in new
    ET.fromstring(new)


@pytest.mark.parametrize(
    ("body", "worksheets"),
    [
        (HEADS + TITLES.replace('size="3"', 'size="4"'), ["岗位", "A&B"]),  # sizes disagree
        (HEADS.replace("<vt:i4>1<", "<vt:i4>2<") + TITLES, ["岗位", "A&B"]),  # counts disagree
        (HEADS + TITLES, ["岗位", "人员"]),  # no group of exactly the worksheets
        (TITLES, ["岗位", "A&B"]),  # no HeadingPairs
    ],
)
def test_app_xml_is_left_alone_unless_its_lists_agree(body: str, worksheets: list[str]) -> None:
    assert new_sheets.app_xml_with(app_xml(body), worksheets, ["考评"]) == app_xml(body)


def test_adding_combines_with_the_other_workbook_edits(build_book: BuildBook) -> None:
    # The autoFilter's _FilterDatabase name (workbook.xml) and the dropped calcChain (rels,
    # content types) are edits of the very parts a new sheet is registered in.
    path = build_book(autofilter=True, old_formula=True)
    with zipfile.ZipFile(path, "a") as z:
        z.writestr(
            "xl/calcChain.xml",
            b'<calcChain xmlns="%s"><c r="D4" i="1"/></calcChain>' % NS["m"].encode(),
        )
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

    write_owned_sheets(
        path,
        {SCORES: [["2025-03", "S1"]], VALIDATION: [["日志", 2, "状态", "搞定", "错误", "…"]]},
        headers={VALIDATION: LABELS[VALIDATION]},
    )

    workbook_xml = part_text(path, "xl/workbook.xml")
    assert '<sheet name="校验结果" sheetId="4" r:id="rId' in workbook_xml
    assert "考评!$A$1:$G$2</definedName>" in workbook_xml
    for part in ("xl/_rels/workbook.xml.rels", "[Content_Types].xml"):
        assert "calcChain" not in part_text(path, part)
        assert "sheet4.xml" in part_text(path, part)
    assert "xl/calcChain.xml" not in part_hashes(path)
    wb = openpyxl.load_workbook(path, keep_vba=True)
    assert [c.value for c in wb[VALIDATION][2]] == ["日志", 2, "状态", "搞定", "错误", "…"]
    assert wb[SCORES].auto_filter.ref == "A1:G2"


def test_new_names_avoid_every_part_id_and_sheet_id_in_use(tmp_path: Path) -> None:
    path = input_book(tmp_path / "checker.xlsx")
    # A stale content type for sheet10.xml (a deleted part) and a sheetId gap.
    stale = b'<Override PartName="/XL/worksheets/Sheet10.xml" ContentType="x/y"/></Types>'
    rewrite_part(path, "[Content_Types].xml", lambda x: x.replace(b"</Types>", stale))
    rewrite_part(path, "xl/workbook.xml", lambda x: x.replace(b'sheetId="9"', b'sheetId="40"'))
    write_owned_sheets(path, {SCORES: []}, headers={SCORES: LABELS[SCORES]})
    assert sheet_part(path, SCORES) == "xl/worksheets/sheet11.xml"
    assert f'name="{SCORES}" sheetId="41"' in part_text(path, "xl/workbook.xml")
    assert sheet_rows(path, SCORES) == [LABELS[SCORES]]


def test_prefixed_workbook_xml_gets_a_prefixed_sheet_entry(build_book: BuildBook) -> None:
    path = build_book()
    main = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'

    def prefixed(xml: bytes) -> bytes:
        xml = xml.replace(main, main.replace(b"xmlns=", b"xmlns:x="))
        return re.sub(rb"<(/?)([A-Za-z]+)([\s/>])", rb"<\1x:\2\3", xml)

    rewrite_part(path, "xl/workbook.xml", prefixed)
    write_owned_sheets(path, {ANNUAL: []}, headers={ANNUAL: LABELS[ANNUAL]})
    assert re.search(
        r'<x:sheet name="年终排名" sheetId="4" r:id="rId\d+"/></x:sheets>',
        part_text(path, "xl/workbook.xml"),
    )
    assert sheet_rows(path, ANNUAL) == [LABELS[ANNUAL]]


def test_a_missing_sheet_without_headers_is_still_refused(build_book: BuildBook) -> None:
    path = build_book()
    with pytest.raises(SheetMissing, match=ANNUAL):
        write_owned_sheets(path, {SCORES: [], ANNUAL: []}, headers={SCORES: LABELS[SCORES]})


def test_headers_need_a_one_row_header_and_valid_names(build_book: BuildBook) -> None:
    path = build_book()
    with pytest.raises(ValueError, match="header_rows=1"):
        write_owned_sheets(path, {SCORES: []}, header_rows=0, headers={SCORES: ["月份"]})
    for bad in ("a/b", "x" * 32, "'quoted'", "History"):
        with pytest.raises(ValueError, match="sheet name"):
            write_owned_sheets(path, {bad: []}, headers={bad: ["月份"]})


# ---- the header row of an existing sheet --------------------------------------------


@pytest.mark.parametrize(
    "first_rows",
    [
        [],  # an empty sheet
        [[None, None]],  # an empty first row that openpyxl writes no cells for
        [["Month", "StaffID"], ["old", "row"]],  # other labels
        [["月份", "工号", "姓名"], ["old", "row"]],  # some of the labels
        [[*LABELS[VALIDATION], "备注"]],  # one too many
        [[None, None], [None, None], LABELS[VALIDATION]],  # the header further down
        [[1, 2, 3, 4, 5, 6]],  # numbers
    ],
    ids=["empty", "blank-row", "other", "partial", "extra", "row-3", "numbers"],
)
def test_a_wrong_first_row_becomes_the_header(
    tmp_path: Path, first_rows: list[list[object]]
) -> None:
    path = input_book(tmp_path / "checker.xlsx", extra={VALIDATION: first_rows})
    rows = [["日志", 2, "状态", "搞定", "错误", "无法识别"]]
    write_owned_sheets(path, {VALIDATION: rows}, headers={VALIDATION: LABELS[VALIDATION]})
    assert sheet_rows(path, VALIDATION) == [
        LABELS[VALIDATION],
        ["日志", 2.0, "状态", "搞定", "错误", "无法识别"],
    ]
    ws = openpyxl.load_workbook(path)[VALIDATION]
    assert ws.max_row == 2 and [c.value for c in ws[1]] == LABELS[VALIDATION]


def test_a_rewritten_header_keeps_the_row_and_cell_styles(build_book: BuildBook) -> None:
    path = build_book()  # header: bold, shared strings, 7 labels of an older layout
    part = sheet_part(path, SCORES)
    rewrite_part(
        path,
        part,
        lambda x: x.replace(
            b'<row r="1" spans="1:7">', b'<row r="1" spans="1:7" ht="30" customHeight="1">'
        ),
    )
    write_owned_sheets(path, {SCORES: SCORE_ROWS}, headers={SCORES: LABELS[SCORES]})
    row = first_row(path, SCORES)
    assert row.startswith('<row r="1" ht="30" customHeight="1">') and "spans" not in row
    ws = openpyxl.load_workbook(path)[SCORES]
    assert [c.value for c in ws[1]] == LABELS[SCORES]
    assert [c.font.b for c in ws[1]] == [True] * 7 + [False] * 6  # the old header had 7 cells
    assert ws.row_dimensions[1].height == 30
    assert [c.value for c in ws[3]][:2] == ["2025-03", "S2"]


def test_a_header_formula_goes_with_the_wrong_header(build_book: BuildBook) -> None:
    path = build_book()
    part = sheet_part(path, SCORES)
    formula = '<c r="A1" t="str"><f>"月"&amp;"份"</f><v>月份</v></c>'.encode()
    rewrite_part(path, part, lambda x: re.sub(rb'<c r="A1"[^>]*>.*?</c>', formula, x))
    write_owned_sheets(path, {SCORES: []}, headers={SCORES: [label for label, _ in SCORE_COLUMNS]})
    assert "<f>" not in part_text(path, part)
    assert sheet_rows(path, SCORES) == [[label for label, _ in SCORE_COLUMNS]]


# ---- a correct header is kept --------------------------------------------------------


def test_a_correct_shared_string_header_is_kept_byte_for_byte(build_book: BuildBook) -> None:
    path = build_book()  # XlsxWriter writes the labels as shared strings
    before = part_hashes(path)
    row = first_row(path, SCORES)
    assert 't="s"' in row
    write_owned_sheets(
        path, {SCORES: [["2025-03", "S1"]]}, headers={SCORES: [label for label, _ in SCORE_COLUMNS]}
    )
    assert first_row(path, SCORES) == row
    after = part_hashes(path)
    assert [n for n in before if before[n] != after[n]] == [sheet_part(path, SCORES)]


def test_rich_text_and_escaped_labels_count_as_their_text(build_book: BuildBook) -> None:
    path = build_book()

    def rich(xml: bytes) -> bytes:  # 月份 in two runs with a phonetic guide; 工号 escaped
        runs = "<r><rPr><b/></rPr><t>月</t></r><r><t>份</t></r>"
        phonetic = "<rPh sb='0' eb='1'><t>ゲツ</t></rPh>"
        month, staff = "<si><t>月份</t></si>".encode(), "<si><t>工号</t></si>".encode()
        assert month in xml and staff in xml
        xml = xml.replace(month, f"<si>{runs}{phonetic}</si>".encode())
        return xml.replace(staff, "<si><t>_x5de5_号</t></si>".encode())

    rewrite_part(path, "xl/sharedStrings.xml", rich)
    row = first_row(path, SCORES)
    write_owned_sheets(path, {SCORES: []}, headers={SCORES: [label for label, _ in SCORE_COLUMNS]})
    assert first_row(path, SCORES) == row


def test_a_correct_inline_string_header_is_kept(tmp_path: Path) -> None:
    path = input_book(tmp_path / "checker.xlsx", extra={SCORES: [LABELS[SCORES], ["old"]]})
    row = first_row(path, SCORES)
    write_owned_sheets(path, {SCORES: SCORE_ROWS}, headers={SCORES: LABELS[SCORES]})
    assert first_row(path, SCORES) == row
    assert len(sheet_rows(path, SCORES)) == 3


# ---- the command line ----------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("scores_sheet", ["missing", "empty", "wrong-header"])
def test_score_on_a_workbook_made_by_another_tool(
    tmp_path: Path, lang: str, scores_sheet: str
) -> None:
    scores = schema.SCORES.label(lang)
    extra = {"missing": {}, "empty": {scores: []}, "wrong-header": {scores: [["Month", "x"]]}}
    path = input_book(tmp_path / "checker.xlsx", lang, extra[scores_sheet])
    runner = CliRunner(env={"COLUMNS": "200"})
    args = ["score", str(path), "--month", "2025-03", "--as-of", "2025-12-31"]

    result = runner.invoke(app, args)

    assert result.exit_code == 0, result.output
    header = [c.label(lang) for c in schema.SCORES.columns]
    rows = sheet_rows(path, scores)
    assert rows[0] == header
    assert [(r[0], r[1], r[2]) for r in rows[1:]] == [
        ("2025-03", "S1", "张伟"),
        ("2025-03", "S2", "李娜"),
    ]
    validation = schema.VALIDATION.label(lang)
    assert sheet_rows(path, validation) == [[c.label(lang) for c in schema.VALIDATION.columns]]
    # A second run finds its own header and sheets: same parts, same content.
    before = part_hashes(path)
    assert runner.invoke(app, args).exit_code == 0
    assert part_hashes(path) == before
