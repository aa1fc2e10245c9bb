"""Machine checks for the Excel front door (``logistics doctor``): Excel or WPS, who holds
``Excel.Application``'s COM registration, xlwings, and a workbook's interpreter path.

The decisions take plain values or an injected registry reader, so tests can be any
Windows machine; :mod:`logistics.doctor.probes` reads the real one.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, requires
from pathlib import Path

from words import word

from ..core.errors import LogisticsError
from . import probes as probe
from .checkup import Check, joined, printable, with_detail

WPS_PROGRAMS = ("et.exe", "wps.exe", "wpsoffice.exe", "ksolaunch.exe")


def word_program(platform: str) -> str | None:
    """Microsoft Word's program, for PDFs through docx2pdf (Windows, macOS), or None."""
    if platform == "win32":
        server = probe.com_server(probe.PROGIDS["word"])
        program = probe.executable_of(server) if server else ""
        # WPS may hold Word.Application too: docx2pdf would then reach WPS, not Word.
        return program if program.replace("\\", "/").lower().endswith("/winword.exe") else None
    return probe.mac_app("word") if platform == "darwin" else None


def office_programs(platform: str) -> tuple[str | None, str | None]:
    """The Excel and WPS spreadsheet programs found (Windows: registry; macOS: apps)."""
    if platform == "win32":
        wps = probe.com_server(probe.PROGIDS["wps"])
        return (
            probe.read_registry(probe.EXCEL_APP_PATH),
            probe.executable_of(wps) if wps else None,
        )
    if platform == "darwin":
        return probe.mac_app("excel"), probe.mac_app("wps")
    return None, None


def check_office(lang: str, platform: str, excel: str | None, wps: str | None) -> Check:
    """Excel or WPS installed (Windows: the registry; macOS: the Applications folder)."""
    if platform not in ("win32", "darwin"):
        return Check(
            "office",
            None,
            word(lang, "not_applicable_linux_type"),
            "",
        )
    text = joined(
        lang,
        [
            with_detail(lang, "Microsoft Excel", excel) if excel else "",
            with_detail(lang, "WPS", wps) if wps else "",
        ],
    )
    if excel or wps:
        return Check("office", True, text, "")
    return Check(
        "office",
        False,
        word(lang, "neither_excel_nor_wps"),
        word(lang, "install_microsoft_excel_use"),
    )


def com_owner(command: str | None) -> str | None:
    """Who answers ``Excel.Application``: "excel", "wps", "other", or None (not registered),
    from its ``LocalServer32`` command line."""
    if not command:
        return None
    program = probe.executable_of(command).replace("\\", "/")
    name = program.rsplit("/", 1)[-1].lower()
    if name == "excel.exe":
        return "excel"
    if name in WPS_PROGRAMS or "kingsoft" in program.lower():
        return "wps"
    return "other"


def check_excel_com(
    lang: str,
    platform: str,
    read: probe.RegistryReader = probe.read_registry,
    *,
    excel_installed: bool = True,
) -> Check:
    """Whether ``Excel.Application`` starts EXCEL.EXE, or WPS took the registration over (then
    xlwings fails with "Member not found"). ``read`` is the registry reader. Without Excel
    the registration does not matter (ok None): the buttons need Excel anyway."""
    if platform != "win32":
        return Check("excel_com", None, word(lang, "not_applicable_windows_only"), "")
    command = probe.com_server(probe.PROGIDS["excel"], read)
    owner = com_owner(command)
    shown = printable(command or "")
    if owner == "excel":
        return Check("excel_com", True, f"Excel.Application → {shown}", "")
    if owner is None:
        return Check(
            "excel_com",
            None,
            word(lang, "excel_application_not_registered"),
            "",
        )
    return _registered_elsewhere(lang, owner, shown, excel_installed)


def _registered_elsewhere(lang: str, owner: str, shown: str, excel_installed: bool) -> Check:
    """``Excel.Application`` starts ``owner`` (WPS or another program), whose command line is
    ``shown``: a failure with the repair, or nothing to repair when there is no Excel."""
    who = "WPS" if owner == "wps" else word(lang, "another_program")
    if not excel_installed:
        return Check(
            "excel_com",
            None,
            word(lang, "excel_application_points_there", who=who, shown=shown),
            "",
        )
    return Check(
        "excel_com",
        False,
        word(lang, "excel_application_points", who=who, shown=shown),
        word(lang, "xlwings_calls_reach_fail", who=who),
    )


def pinned_version(name: str, dist: str = "school-logistics") -> str | None:
    """The version this project pins for ``name`` (``name==X`` in its metadata), or None."""
    try:
        wanted = requires(dist) or []
    except PackageNotFoundError:
        return None
    for line in wanted:
        pkg, sep, pin = line.partition(";")[0].strip().partition("==")
        if sep and pkg.strip().lower() == name.lower():
            return pin.strip()
    return None


def check_xlwings(lang: str, installed: str | None, pinned: str | None) -> Check:
    """xlwings' version: the workbook's VBA project is built from the pinned release, and
    xlwings refuses to run when the two differ. ``pinned`` None: any version will do."""
    if installed is not None and pinned in (None, installed):
        return Check("xlwings", True, f"xlwings {installed}", "")
    found = f"xlwings {installed}" if installed else word(lang, "not_installed")
    return Check(
        "xlwings",
        False,
        found,
        word(lang, "pip_install_xlwings_workbook", pinned=pinned),
    )


# ---- a workbook's xlwings.conf -----------------------------------------------------------


def check_interpreter(
    lang: str,
    workbook: Path,
    platform: str,
    *,
    which: Callable[[str], str | None] = shutil.which,
    exists: Callable[[str], bool] = os.path.isfile,
    this_python: str = sys.executable,
) -> Check:
    """The interpreter path in ``workbook``'s hidden xlwings.conf sheet for this OS, and
    whether that program exists here. Windows reads ``Interpreter_Win``, macOS
    ``Interpreter_Mac``; on Linux Excel cannot run the buttons (ok None)."""
    from ..io.package import check_package
    from ..io.xlwings_conf import read_conf

    try:
        check_package(workbook)
        conf = dict(read_conf(workbook))
    except LogisticsError as exc:
        return Check("workbook", False, printable(exc.message(lang)), "")
    except Exception as exc:  # calamine on a damaged part: a check line, never a traceback
        return Check("workbook", False, printable(f"{workbook.name}: {exc}"), "")
    key = "Interpreter_Mac" if platform == "darwin" else "Interpreter_Win"
    value = printable(conf.get(key, "").strip())
    setup = f"logistics excel-setup {printable(str(workbook))}"
    fix = word(lang, "run_write_python_s", setup=setup)
    if platform not in ("win32", "darwin"):
        return Check(
            "interpreter",
            None,
            word(lang, "no_excel_linux", key=key, value=value or word(lang, "empty_value")),
            "",
        )
    if not value:
        return Check("interpreter", False, word(lang, "empty", key=key), fix)
    bare = "/" not in value and "\\" not in value
    path = which(value) if bare else (value if exists(value) else None)
    if path is None:
        return Check(
            "interpreter",
            False,
            word(lang, "not_machine", key=key, value=value),
            fix,
        )
    same = os.path.normcase(os.path.abspath(path)) == os.path.normcase(this_python)
    note = word(lang, "this_python") if same else word(lang, "not_python", this_python=this_python)
    shown = f"{key} = {value} → {path}" if bare else f"{key} = {value}"
    return Check("interpreter", True, shown + note, "")


def check_macros(
    lang: str,
    workbook: Path,
    installed: str | None,
    *,
    read_version: Callable[[Path], str | None] = probe.workbook_xlwings_version,
) -> Check:
    """The xlwings version the workbook's macros were made for against the installed one:
    xlwings refuses to run the buttons when they differ. ``read_version`` reads the
    workbook's (injectable for tests)."""
    try:
        made_for = read_version(workbook)
    except Exception as exc:  # a damaged VBA project: a check line, never a traceback
        return Check(
            "macros",
            False,
            printable(word(lang, "cannot_read_macros", exc=exc)),
            word(lang, "make_new_workbook_logistics"),
        )
    if made_for is None:
        return Check(
            "macros",
            None,
            word(lang, "workbook_has_no_xlwings"),
            "",
        )
    if made_for == installed:
        return Check("macros", True, f"xlwings {made_for}", "")
    found = word(
        lang,
        "macros_xlwings_machine_has",
        made_for=made_for,
        installed=installed or word(lang, "xlwings_not_installed"),
    )
    return Check(
        "macros",
        False,
        found,
        word(lang, "pip_install_xlwings_make", made_for=made_for),
    )
