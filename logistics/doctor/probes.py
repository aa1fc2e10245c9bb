"""What is on this machine, for ``logistics doctor``: office programs, the registry, package
versions, a workbook's xlwings settings. Each probe returns plain values (or None when the
thing is absent) and never raises; the decisions about them are in :mod:`logistics.doctor`.

Programs are run by absolute path with fixed arguments and a timeout. ``winreg`` is imported
only on Windows.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version
from importlib.util import find_spec
from pathlib import Path

RegistryReader = Callable[[str], str | None]  # key path → its default value, or None
VERSION_TIMEOUT = 60  # seconds for ``soffice --version`` (a cold start on a slow disk)

# Windows registry (HKCR merges the user's and the machine's classes, as COM sees them).
EXCEL_APP_PATH = r"HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\App Paths\excel.exe"
PROGIDS = {"excel": "Excel.Application", "wps": "Ket.Application", "word": "Word.Application"}
MAC_APPS = {
    "excel": "/Applications/Microsoft Excel.app",
    "wps": "/Applications/wpsoffice.app",
    "word": "/Applications/Microsoft Word.app",
}


def package_version(name: str) -> str | None:
    """The installed distribution's version (metadata only: importing xlwings probes Excel)."""
    try:
        return version(name)
    except PackageNotFoundError:
        return None


def has_module(name: str) -> bool:
    return find_spec(name) is not None


def soffice_version(soffice: str, timeout: float = VERSION_TIMEOUT) -> str | None:
    """``LibreOffice 7.4.7.2 …`` from ``soffice --version``; None when it says nothing (the
    Windows soffice.exe is a GUI program and prints nothing) or fails."""
    program = os.path.abspath(soffice)
    if sys.platform == "win32":  # the console twin next to soffice.exe does print
        console = Path(program).with_suffix(".com")
        program = str(console) if console.is_file() else program
    try:
        run = subprocess.run(
            [program, "--version"], capture_output=True, text=True, timeout=timeout, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    first = (run.stdout or "").strip().splitlines()
    return first[0].strip() if first else None


def read_registry(path: str) -> str | None:
    """The default value of registry key ``path`` (``HKCR\\…``, ``HKLM\\…``, ``HKCU\\…``), or
    None: no such key, no value, or not Windows."""
    if sys.platform != "win32":
        return None
    import winreg

    hives = {
        "HKCR": winreg.HKEY_CLASSES_ROOT,
        "HKLM": winreg.HKEY_LOCAL_MACHINE,
        "HKCU": winreg.HKEY_CURRENT_USER,
    }
    hive, _, sub = path.partition("\\")
    try:
        with winreg.OpenKey(hives[hive], sub) as key:
            value, _kind = winreg.QueryValueEx(key, "")
    except (OSError, KeyError):
        return None
    return str(value) if value else None


def com_server(progid: str, read: RegistryReader = read_registry) -> str | None:
    """The command line COM starts for ``progid``: its CLSID's ``LocalServer32`` value.

    ``read`` is the registry reader (default :func:`read_registry`), injectable for tests.
    """
    clsid = read(f"HKCR\\{progid}\\CLSID")
    if not clsid:
        return None
    return read(f"HKCR\\CLSID\\{clsid}\\LocalServer32")


def executable_of(command: str) -> str:
    """The program of a ``LocalServer32`` command line: quoted, or up to its ``.exe``."""
    command = command.strip()
    if command.startswith('"'):
        return command[1:].partition('"')[0]
    found = re.match(r"(.+?\.exe)\b", command, re.I)
    return found.group(1) if found else command.split(" ")[0]


def mac_app(kind: str) -> str | None:
    path = MAC_APPS[kind]
    return path if sys.platform == "darwin" and Path(path).exists() else None


def workbook_xlwings_version(path: Path) -> str | None:
    """``XLWINGS_VERSION`` of the xlwings VBA module in the workbook at ``path`` (None when it
    has no macros or no xlwings module). Reads only; call after the package checks.

    Raises pyopenvba's errors for a damaged VBA project.
    """
    from pyopenvba import ExcelFile

    with zipfile.ZipFile(path) as package:
        if "xl/vbaProject.bin" not in package.namelist():
            return None  # an .xlsx, or a workbook saved without its macros
    with ExcelFile(path) as book:
        source = book.vba_modules().get("xlwings", "")
    found = re.search(r'XLWINGS_VERSION As String = "([^"]+)"', source)
    return found.group(1) if found else None
