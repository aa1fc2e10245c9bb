"""The macro workbook's VBA project and Home buttons, checked on Linux without Excel.

The VBA modules are read back with oletools (its own decompressor, not pyOpenVBA's, which
wrote them), the buttons from the VML drawing XlsxWriter writes; pyOpenVBA's interpreter runs
each Sub, and LibreOffice imports the project and binds the buttons as an independent reader.
"""

from __future__ import annotations

import hashlib
import inspect
import itertools
import os
import re
import shutil
import struct
import subprocess
import sys
import warnings
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree as ET

import olefile
import pytest
import xlwings
from pyopenvba import ExcelFile
from pyopenvba.apps.excel import ExcelApplication
from typer.testing import CliRunner
from xlsxwriter.utility import xl_cell_to_rowcol

from logistics.buttons import BUTTONS, VBA_MODULE, Button, vba_source
from logistics.cli import app
from logistics.io.builder import BUTTON_AREA, BUTTON_GAP, BUTTON_SIZE, build_workbook
from logistics.io.vba_project import (
    MODULES,
    build_vba_project,
    edit_vba_project,
    xlwings_module_source,
    xlwings_quickstart_project,
)

with warnings.catch_warnings():
    # oletools 0.60.2 still uses pyparsing's old camelCase names and warns on import.
    warnings.simplefilter("ignore", DeprecationWarning)
    from oletools.olevba import VBA_Parser

LANGS = ("zh", "en")
MACRO_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
VBA_CONTENT = "application/vnd.ms-office.vbaProject"
VML = {
    "v": "urn:schemas-microsoft-com:vml",
    "x": "urn:schemas-microsoft-com:office:excel",
}
# A Sub header; no visibility keyword means Public.
SUB_RE = re.compile(r"^[ \t]*(?:(Public|Private|Friend) )?(?:Static )?Sub (\w+)", re.M)
SUB_BODY_RE = re.compile(r"^Public Sub (\w+)\(\)\r?\n(.*?)^End Sub", re.M | re.S)
RUNPYTHON_RE = re.compile(r'^RunPython "import macros; macros\.(\w+)\(\)"$')
# Excel's VB_Base class ids of a workbook's and a worksheet's document module.
DOCUMENT_BASES = {
    "workbook": "0{00020819-0000-0000-C000-000000000046}",
    "sheet": "0{00020820-0000-0000-C000-000000000046}",
}


@dataclass(frozen=True)
class FormButton:
    caption: str
    macro: str  # as in <x:FmlaMacro>, e.g. [0]!RankYear
    anchor: tuple[int, ...]  # <x:Anchor>: col, dx, row, dy of the top left, then bottom right
    style: dict[str, str]  # the v:shape style: margin-left, width, ... in points

    @property
    def sub(self) -> str:
        return self.macro.removeprefix("[0]!")

    def points(self, key: str) -> float:
        return float(self.style[key].removesuffix("pt"))


# ---- fixtures ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("books")
    return {lang: build_workbook(folder / f"logistics-{lang}.xlsm", lang) for lang in LANGS}


@pytest.fixture(scope="module")
def zh_book(books: dict[str, Path]) -> Path:
    return books["zh"]


@pytest.fixture(scope="module")
def modules(zh_book: Path) -> dict[str, str]:
    """Module name → source (attribute lines included), decompressed by oletools."""
    parser = VBA_Parser(str(zh_book))
    try:
        return {Path(name).stem: code for _, _, name, code in parser.extract_macros()}
    finally:
        parser.close()


@pytest.fixture(scope="module")
def ods(zh_book: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[zipfile.ZipFile]:
    """The zh workbook converted to .ods by LibreOffice: one conversion for all its tests."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("LibreOffice (soffice) is required on CI")
        pytest.skip("LibreOffice is not installed")
    out = tmp_path_factory.mktemp("lo")
    profile = (out / "profile").as_uri()  # own profile: no clash with a running office
    command = [soffice, f"-env:UserInstallation={profile}", "--headless"]
    command += ["--convert-to", "ods", "--outdir", str(out), str(zh_book)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=240, check=False)
    target = out / f"{zh_book.stem}.ods"
    # soffice exits 0 even when it could not load the file: the output is the evidence.
    assert target.exists(), result.stdout + result.stderr
    with zipfile.ZipFile(target) as package:
        yield package


def form_buttons(path: Path) -> list[FormButton]:
    """The form buttons of the workbook's VML drawings, in drawing order."""
    found = []
    with zipfile.ZipFile(path) as package:
        drawings = sorted(n for n in package.namelist() if n.startswith("xl/drawings/vml"))
        for name in drawings:
            for shape in ET.fromstring(package.read(name)).iterfind("v:shape", VML):
                data = shape.find("x:ClientData", VML)
                if data is None or data.get("ObjectType") != "Button":
                    continue
                style = dict(
                    item.split(":", 1) for item in shape.get("style", "").split(";") if item
                )
                textbox = shape.find("v:textbox", VML)
                found.append(
                    FormButton(
                        caption="" if textbox is None else "".join(textbox.itertext()),
                        macro=data.findtext("x:FmlaMacro", "", VML),
                        anchor=tuple(int(v) for v in data.findtext("x:Anchor", "", VML).split(",")),
                        style=style,
                    )
                )
    return found


def public_subs(modules: dict[str, str]) -> dict[str, list[str]]:
    """Lower-cased Public Sub name → the modules that define it."""
    where: dict[str, list[str]] = {}
    for module, code in modules.items():
        for visibility, name in SUB_RE.findall(code):
            if visibility.lower() in ("", "public"):
                where.setdefault(name.lower(), []).append(module)
    return where


def code_names(path: Path) -> tuple[str, list[str]]:
    """The workbook's codeName and every sheet's, in sheet order (XlsxWriter numbers the parts
    in sheet order)."""
    with zipfile.ZipFile(path) as package:
        book = code_name("workbookPr", package.read("xl/workbook.xml"))
        parts = [n for n in package.namelist() if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n)]
        parts.sort(key=lambda n: int(re.sub(r"\D", "", n)))
        return book, [code_name("sheetPr", package.read(n)) for n in parts]


def code_name(element: str, xml: bytes) -> str:
    found = re.search(rf'<{element}\b[^>]*codeName="([^"]+)"'.encode(), xml)
    assert found, f"no codeName on <{element}>"
    return found.group(1).decode()


def vba_streams(path: Path) -> tuple[bytes, bytes]:
    """The project's PROJECT and VBA/_VBA_PROJECT streams, read with olefile."""
    with zipfile.ZipFile(path) as package:
        ole = olefile.OleFileIO(package.read("xl/vbaProject.bin"))
    try:
        return ole.openstream("PROJECT").read(), ole.openstream("VBA/_VBA_PROJECT").read()
    finally:
        ole.close()


# ---- package and project ---------------------------------------------------------------


def test_workbook_is_macro_enabled(zh_book: Path) -> None:
    with zipfile.ZipFile(zh_book) as package:
        types = ET.fromstring(package.read("[Content_Types].xml"))
        rels = package.read("xl/_rels/workbook.xml.rels").decode()
        embedded = package.read("xl/vbaProject.bin")
    overrides = {e.get("PartName"): e.get("ContentType") for e in types if e.get("PartName")}
    defaults = {e.get("Extension"): e.get("ContentType") for e in types if e.get("Extension")}
    assert overrides["/xl/workbook.xml"] == MACRO_MAIN
    assert defaults["bin"] == VBA_CONTENT
    assert 'relationships/vbaProject" Target="vbaProject.bin"' in rels
    assert embedded == build_vba_project()


def test_vba_project_is_compiled_by_excel_from_source(zh_book: Path) -> None:
    _, stream = vba_streams(zh_book)
    reserved, version = struct.unpack_from("<HH", stream)
    assert (reserved, version) == (0x61CC, 0xFFFF), "Excel would trust stale p-code"


def test_project_stream_declares_the_modules_in_one_workspace_section(zh_book: Path) -> None:
    project, _ = vba_streams(zh_book)
    text = project.decode("cp1252")
    declared = re.findall(r"^(?:Document|Module|Class)=(\w+)", text, re.M)
    assert tuple(declared) == MODULES
    workspace = text.partition("[Workspace]\r\n")[2]
    assert workspace.endswith("\r\n") and "\r\n\r\n" not in workspace
    assert re.findall(r"^(\w+)=", workspace, re.M) == list(MODULES)


def test_modules_are_xlwings_and_the_buttons(modules: dict[str, str]) -> None:
    assert set(modules) == set(MODULES)
    assert "SampleCall" not in "".join(modules.values())  # xlwings' Module1 is gone
    assert modules[VBA_MODULE].replace("\r\n", "\n").strip() == (
        vba_source().replace("\r\n", "\n").strip()
    )


def test_xlwings_module_is_the_installed_python_packages(modules: dict[str, str]) -> None:
    found = re.search(r'XLWINGS_VERSION As String = "([^"]+)"', modules["xlwings"])
    assert found and found.group(1) == xlwings.__version__
    assert modules["xlwings"].strip() == xlwings_module_source().strip()


def test_every_document_module_belongs_to_the_workbook_or_a_sheet(
    zh_book: Path, modules: dict[str, str]
) -> None:
    # Excel binds document modules by code name; one without a sheet would be an orphan,
    # while a sheet without a module gets one from Excel when the workbook opens.
    book, sheets = code_names(zh_book)
    assert (book, sheets[:2]) == ("ThisWorkbook", ["Sheet1", "Sheet2"])
    bases = {
        name: re.search(r'Attribute VB_Base = "([^"]+)"', code) for name, code in modules.items()
    }
    documents = {
        name: found.group(1)
        for name, found in bases.items()
        if found and found.group(1) in DOCUMENT_BASES.values()
    }
    assert documents == {
        "ThisWorkbook": DOCUMENT_BASES["workbook"],
        "Sheet1": DOCUMENT_BASES["sheet"],
        "Sheet2": DOCUMENT_BASES["sheet"],
    }
    assert set(documents) <= {book, *sheets}


def test_vba_project_is_byte_stable() -> None:
    here = build_vba_project()
    assert edit_vba_project(xlwings_quickstart_project()) == here
    # Another process with another hash seed: no set or dict order leaks into the bytes.
    script = (
        "import hashlib; from logistics.io.vba_project import build_vba_project; "
        "print(hashlib.sha256(build_vba_project()).hexdigest())"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True
    )
    assert result.stdout.strip() == hashlib.sha256(here).hexdigest()


# ---- buttons -------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_one_button_per_table_entry_with_the_captions_of_the_language(
    books: dict[str, Path], lang: str
) -> None:
    buttons = form_buttons(books[lang])
    assert [b.caption for b in buttons] == [b.caption(lang) for b in BUTTONS]
    assert [b.macro for b in buttons] == [f"[0]!{b.sub}" for b in BUTTONS]


def test_buttons_stand_in_their_columns_inside_the_button_area(zh_book: Path) -> None:
    (top, left), (bottom, right) = (xl_cell_to_rowcol(cell) for cell in BUTTON_AREA)
    buttons = form_buttons(zh_book)
    width, height = (px * 0.75 for px in BUTTON_SIZE)  # pixels → points
    gap = BUTTON_GAP * 0.75
    for button in buttons:
        col1, _, row1, _, col2, _, row2, _ = button.anchor
        assert left <= col1 <= col2 <= right and top <= row1 <= row2 <= bottom, button
        assert (button.points("width"), button.points("height")) == (width, height)
    columns: dict[int, list[FormButton]] = {}
    for drawn, entry in zip(buttons, BUTTONS, strict=True):  # drawn in table order
        columns.setdefault(entry.column, []).append(drawn)
    assert sorted(columns) == [0, 1]  # the jobs, then the documents
    lefts = []
    for column in columns.values():
        assert len({b.style["margin-left"] for b in column}) == 1
        lefts.append(column[0].points("margin-left"))
        tops = [b.points("margin-top") for b in column]
        assert tops[0] == buttons[0].points("margin-top")  # every column starts at the top
        assert {b - a for a, b in itertools.pairwise(tops)} == {height + gap}
    assert lefts[1] - lefts[0] == width + gap  # side by side: no overlap


def test_every_button_runs_exactly_one_public_sub(zh_book: Path, modules: dict[str, str]) -> None:
    subs = public_subs(modules)
    for button in form_buttons(zh_book):
        assert subs.get(button.sub.lower()) == [VBA_MODULE], (button, subs.get(button.sub.lower()))


def test_each_buttons_sub_is_one_runpython_of_its_macros_function(
    modules: dict[str, str],
) -> None:
    bodies = SUB_BODY_RE.findall(modules[VBA_MODULE])
    assert [name for name, _ in bodies] == [b.sub for b in BUTTONS]
    for (name, body), button in zip(bodies, BUTTONS, strict=True):
        lines = [line.strip() for line in body.splitlines() if line.strip()]
        assert len(lines) == 1, (name, lines)
        found = RUNPYTHON_RE.match(lines[0])
        assert found and found.group(1) == button.function, (name, lines[0])


@pytest.mark.parametrize("button", BUTTONS, ids=lambda b: b.function)
def test_each_runpython_target_is_a_callable_in_macros(button: Button) -> None:
    import macros

    function = getattr(macros, button.function, None)
    assert callable(function), f"macros.{button.function} is missing"
    required = [
        p
        for p in inspect.signature(function).parameters.values()
        if p.default is p.empty and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
    ]
    assert not required, f"macros.{button.function} needs {required}: a button passes nothing"


def test_vba_interpreter_runs_each_sub_to_its_runpython_command(zh_book: Path) -> None:
    with ExcelFile(zh_book) as book:
        source = book.get_module(VBA_MODULE)
    excel = ExcelApplication()
    excel.add_workbook()
    # A stand-in for xlwings' RunPython that records each call.
    stub = (
        "Public Calls As Long\nPublic LastCommand As String\n"
        "Public Function RunPython(PythonCommand As String)\n"
        "    Calls = Calls + 1\n    LastCommand = PythonCommand\nEnd Function\n"
        "Public Function CallCount() As Long\n    CallCount = Calls\nEnd Function\n"
        "Public Function LastCall() As String\n    LastCall = LastCommand\nEnd Function\n"
    )
    excel.add_module(stub, name="xlwings")
    excel.add_module(source, name=VBA_MODULE)
    for count, button in enumerate(BUTTONS, start=1):
        excel.run(button.sub)
        assert excel.run("CallCount") == count, button.sub
        assert excel.run("LastCall") == f"import macros; macros.{button.function}()"


def test_cli_new_and_build_workbook_make_the_macro_workbook(tmp_path: Path) -> None:
    runner = CliRunner()
    new = tmp_path / "new.xlsm"
    built = tmp_path / "built-en.xlsm"
    assert runner.invoke(app, ["new", str(new)]).exit_code == 0
    result = runner.invoke(app, ["build-workbook", "--lang", "en", "--out", str(built)])
    assert result.exit_code == 0, result.output
    for path, lang in ((new, "zh"), (built, "en")):
        with zipfile.ZipFile(path) as package:
            assert package.read("xl/vbaProject.bin") == build_vba_project()
        assert [b.caption for b in form_buttons(path)] == [b.caption(lang) for b in BUTTONS]


def test_build_workbook_refuses_an_out_path_that_cannot_hold_macros(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["build-workbook", "--out", str(tmp_path / "a.xlsx")])
    assert result.exit_code == 2
    assert not (tmp_path / "a.xlsx").exists()


def test_xlsx_has_no_buttons(tmp_path: Path) -> None:
    # An .xlsx has no VBA project, so a button there could run nothing.
    assert form_buttons(build_workbook(tmp_path / "plain.xlsx")) == []


# ---- LibreOffice ---------------------------------------------------------------------------


def test_libreoffice_imports_the_vba_modules(ods: zipfile.ZipFile) -> None:
    basic = {
        Path(name).stem: ods.read(name).decode()
        for name in ods.namelist()
        if name.startswith("Basic/VBAProject/") and name != "Basic/VBAProject/script-lb.xml"
    }
    assert {"xlwings", VBA_MODULE, "Dictionary"} <= set(basic)
    assert "XLWINGS_VERSION" in basic["xlwings"]
    for button in BUTTONS:
        assert f"Public Sub {button.sub}()" in basic[VBA_MODULE]
        assert f"macros.{button.function}()" in basic[VBA_MODULE]


def test_libreoffice_binds_every_button_to_its_sub(ods: zipfile.ZipFile) -> None:
    content = ods.read("content.xml").decode()
    bound = re.findall(r"vnd\.sun\.star\.script:VBAProject\.(\w+)\.(\w+)\?", content)
    assert sorted(bound) == sorted((VBA_MODULE, b.sub) for b in BUTTONS)
