"""The workbook's VBA project: xlwings' own project, edited for the Home buttons.

The base is ``xl/vbaProject.bin`` of the ``quickstart_standalone.xlsm`` shipped in the installed
xlwings wheel (an Excel-authored project: ThisWorkbook, Sheet1, Sheet2, Module1, xlwings,
Dictionary). pyOpenVBA then

- replaces the ``xlwings`` module with the installed ``xlwings.bas``, so the VBA side always
  has the Python package's version (``XLWINGS_VERSION``);
- deletes ``Module1`` (xlwings' ``SampleCall`` demo);
- adds the ``Buttons`` module generated from :data:`logistics.buttons.BUTTONS`.

Document modules stay as they are: XlsxWriter names the sheets Sheet1..SheetN, so the two
sheet modules belong to the first two sheets, and Excel adds a module for every other sheet
when it opens the workbook, as it does for a workbook whose project holds no sheet module.
No sheet modules are added, which pyOpenVBA can only do through a private attribute.

The ``_VBA_PROJECT`` stream keeps version 0xFFFF: Excel finds no compiled code it can trust
and compiles the modules from source, so the project works in every Excel version and bitness.
The result is the same bytes on every build.
"""

from __future__ import annotations

import functools
import re
import struct
import tempfile
import zipfile
from importlib.metadata import version
from importlib.util import find_spec
from pathlib import Path

from pyopenvba import ExcelFile
from pyopenvba.cfb import CFB

from ..buttons import VBA_MODULE, vba_source

__all__ = [
    "MODULES",
    "build_vba_project",
    "edit_vba_project",
    "project_version",
    "xlwings_module_source",
    "xlwings_quickstart_project",
]

QUICKSTART = "quickstart_standalone.xlsm"  # inside the installed xlwings package
XLWINGS_BAS = "xlwings.bas"  # the xlwings VBA module of the installed package
VBA_PART = "xl/vbaProject.bin"
XLWINGS_MODULE = "xlwings"
SAMPLE_MODULE = "Module1"  # xlwings' SampleCall demo: not part of this workbook
# The finished project, in the order its PROJECT stream declares the modules.
MODULES = ("ThisWorkbook", "Sheet1", "Sheet2", XLWINGS_MODULE, "Dictionary", VBA_MODULE)
UNCOMPILED = 0xFFFF  # _VBA_PROJECT version that makes Office compile from source


def xlwings_package_dir() -> Path:
    """The installed xlwings package folder, found without importing xlwings (it probes Excel)."""
    spec = find_spec("xlwings")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("xlwings is not installed: cannot take its VBA project")
    return Path(next(iter(spec.submodule_search_locations)))


def xlwings_quickstart_project() -> bytes:
    """``xl/vbaProject.bin`` of the xlwings standalone quickstart workbook, unedited."""
    with zipfile.ZipFile(xlwings_package_dir() / QUICKSTART) as package:
        return package.read(VBA_PART)


def xlwings_module_source() -> str:
    """The installed ``xlwings.bas``: CRLF line ends, in the project's code page (1252)."""
    return (xlwings_package_dir() / XLWINGS_BAS).read_bytes().decode("cp1252")


@functools.cache
def build_vba_project() -> bytes:
    """The workbook's ``vbaProject.bin``: the xlwings project with the Buttons module.

    Cached: it depends only on the installed xlwings and the button table.
    """
    return edit_vba_project(xlwings_quickstart_project())


def edit_vba_project(base: bytes) -> bytes:
    """``base`` (the xlwings quickstart project) edited as the module docstring says."""
    with tempfile.TemporaryDirectory(prefix="logistics-vba-") as tmp:
        # pyOpenVBA's public API edits a project inside a workbook file: a package that
        # holds only the project is enough for it.
        stage = Path(tmp) / "stage.xlsm"
        with zipfile.ZipFile(stage, "w") as package:
            package.writestr(VBA_PART, _strip_project_blank_tail(base))
        with ExcelFile(stage) as book:
            _edit_modules(book)
            book.save()
        with ExcelFile(stage) as book:  # re-read: check what was written, not what was meant
            edited = book.vba_project_bytes()
            _check(book, edited)
    return edited


def project_version(vba_project: bytes) -> int:
    """The ``Version`` field of the project's ``VBA/_VBA_PROJECT`` stream ([MS-OVBA] 2.3.4.1)."""
    stream = CFB.from_bytes(vba_project).get_stream_in_storage("VBA", "_VBA_PROJECT")
    reserved, number = struct.unpack_from("<HH", stream)
    if reserved != 0x61CC:
        raise ValueError("not a _VBA_PROJECT stream")
    return int(number)


def _strip_project_blank_tail(vba_project: bytes) -> bytes:
    # The quickstart's PROJECT stream ends with a blank line; pyOpenVBA appends the new
    # module's [Workspace] entry after it, which would cut the section in two.
    cfb = CFB.from_bytes(vba_project)
    text = cfb.get_stream("PROJECT")
    stripped = text.rstrip(b"\r\n") + b"\r\n"
    if stripped == text:
        return vba_project
    cfb.write_stream("PROJECT", stripped)
    return cfb.to_bytes()


def _edit_modules(book: ExcelFile) -> None:
    project = book.vba_project()
    book.set_module(XLWINGS_MODULE, xlwings_module_source())
    project.delete_module(SAMPLE_MODULE)
    project.add_module(VBA_MODULE, vba_source())


def _check(book: ExcelFile, vba_project: bytes) -> None:
    problems = list(book.validate())
    names = tuple(book.module_names())
    if names != MODULES:
        problems.append(f"modules are {names}, expected {MODULES}")
    sources = book.vba_modules()
    if _normalized(sources.get(VBA_MODULE, "")) != _normalized(vba_source()):
        problems.append(f"the {VBA_MODULE} module does not read back as written")
    # The installed package's metadata: importing xlwings probes for Excel.
    if _vba_xlwings_version(sources.get(XLWINGS_MODULE, "")) != version("xlwings"):
        problems.append("the xlwings module's XLWINGS_VERSION is not the installed xlwings'")
    if project_version(vba_project) != UNCOMPILED:
        problems.append("_VBA_PROJECT version is not 0xFFFF: Excel would trust stale p-code")
    project_text = CFB.from_bytes(vba_project).get_stream("PROJECT")
    if b"\r\n\r\n" in project_text.partition(b"[Workspace]")[2]:
        problems.append("the PROJECT stream's [Workspace] section has a blank line")
    if problems:
        raise RuntimeError("the edited VBA project is not sound: " + "; ".join(problems))


def _normalized(source: str) -> str:
    return source.replace("\r\n", "\n").rstrip("\n")


def _vba_xlwings_version(source: str) -> str | None:
    found = re.search(r'XLWINGS_VERSION As String = "([^"]+)"', source)
    return found.group(1) if found else None
