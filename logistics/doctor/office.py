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

from ..core.errors import LogisticsError
from . import probes as probe
from .checkup import Check, joined, printable, with_detail
from .checkup import say as _t

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
            _t(
                lang,
                "不适用：Linux 上请用 WPS 或 LibreOffice 录入，保存后用工作台（logistics app）运行",
                "Not applicable: on Linux type in WPS or LibreOffice, save, and run the jobs in "
                "the workbench (logistics app)",
            ),
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
        _t(lang, "未找到 Excel 或 WPS", "Neither Excel nor WPS found"),
        _t(
            lang,
            "安装 Microsoft Excel 可使用工作簿按钮；"
            "WPS 或 LibreOffice 用户请用工作台（logistics app）",
            "Install Microsoft Excel to use the workbook's buttons; with WPS or LibreOffice use "
            "the workbench (logistics app)",
        ),
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
        return Check(
            "excel_com", None, _t(lang, "不适用：仅 Windows", "Not applicable: Windows only"), ""
        )
    command = probe.com_server(probe.PROGIDS["excel"], read)
    owner = com_owner(command)
    shown = printable(command or "")
    if owner == "excel":
        return Check("excel_com", True, f"Excel.Application → {shown}", "")
    if owner is None:
        return Check(
            "excel_com",
            None,
            _t(
                lang,
                "Excel.Application 未注册（没有 Excel）：工作簿按钮不可用，"
                "请用工作台（logistics app）",
                "Excel.Application is not registered (no Excel): the workbook's buttons cannot "
                "run; use the workbench (logistics app)",
            ),
            "",
        )
    return _registered_elsewhere(lang, owner, shown, excel_installed)


def _registered_elsewhere(lang: str, owner: str, shown: str, excel_installed: bool) -> Check:
    """``Excel.Application`` starts ``owner`` (WPS or another program), whose command line is
    ``shown``: a failure with the repair, or nothing to repair when there is no Excel."""
    who = "WPS" if owner == "wps" else _t(lang, "其他程序", "another program")
    if not excel_installed:
        return Check(
            "excel_com",
            None,
            _t(
                lang,
                f"Excel.Application 指向 {who}（{shown}），本机没有 Excel：工作簿按钮不可用，"
                "请用工作台（logistics app）",
                f"Excel.Application points at {who} ({shown}) and there is no Excel: the "
                "workbook's buttons cannot run; use the workbench (logistics app)",
            ),
            "",
        )
    return Check(
        "excel_com",
        False,
        _t(
            lang,
            f"Excel.Application 指向 {who}：{shown}",
            f"Excel.Application points at {who}: {shown}",
        ),
        _t(
            lang,
            f"xlwings 的调用会到达 {who} 并失败。"
            "请在「控制面板 → 程序和功能」中对 Microsoft Office "
            "选择“更改 → 快速修复”，让 Excel 重新注册；并在 WPS 的配置工具中关闭与 Microsoft "
            "Office 的兼容（名称因版本而异）。在此之前请用工作台（logistics app）。",
            f"xlwings calls reach {who} and fail. "
            "Repair Microsoft Office (Control Panel → Programs and Features → Office → "
            "Change → Quick Repair) so that Excel registers again, and "
            "turn off WPS's Microsoft Office compatibility in its configuration tool (named "
            "differently by version). Until then use the workbench (logistics app).",
        ),
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
    found = f"xlwings {installed}" if installed else _t(lang, "未安装", "not installed")
    return Check(
        "xlwings",
        False,
        found,
        _t(
            lang,
            f"pip install xlwings=={pinned}（工作簿的宏按此版本生成；版本不同时按钮会报错）",
            f"pip install xlwings=={pinned} (the workbook's macros are built for this "
            "version; another one makes the buttons fail)",
        ),
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
    fix = _t(
        lang, f"运行 {setup}，写入本机 Python 的路径", f"Run {setup} to write this Python's path"
    )
    if platform not in ("win32", "darwin"):
        return Check(
            "interpreter",
            None,
            _t(
                lang,
                f"{key} = {value or '（空）'}；Linux 上没有 Excel",
                f"{key} = {value or '(empty)'}; no Excel on Linux",
            ),
            "",
        )
    if not value:
        return Check("interpreter", False, _t(lang, f"{key} 为空", f"{key} is empty"), fix)
    bare = "/" not in value and "\\" not in value
    path = which(value) if bare else (value if exists(value) else None)
    if path is None:
        return Check(
            "interpreter",
            False,
            _t(lang, f"{key} = {value}：本机上不存在", f"{key} = {value}: not on this machine"),
            fix,
        )
    same = os.path.normcase(os.path.abspath(path)) == os.path.normcase(this_python)
    note = (
        _t(lang, "（即当前 Python）", " (this Python)")
        if same
        else _t(lang, f"（不是当前的 Python {this_python}）", f" (not this Python, {this_python})")
    )
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
            printable(_t(lang, f"无法读取宏：{exc}", f"Cannot read the macros: {exc}")),
            _t(
                lang,
                "用 logistics new 新建工作簿，再把数据复制过去",
                "Make a new workbook with logistics new and copy the data into it",
            ),
        )
    if made_for is None:
        return Check(
            "macros",
            None,
            _t(
                lang,
                "工作簿没有 xlwings 宏（如 .xlsx）：请用命令行或工作台",
                "The workbook has no xlwings macros (e.g. .xlsx): use the command line or the "
                "workbench",
            ),
            "",
        )
    if made_for == installed:
        return Check("macros", True, f"xlwings {made_for}", "")
    found = _t(
        lang,
        f"宏按 xlwings {made_for} 生成，本机为 {installed or '未安装'}",
        f"The macros are for xlwings {made_for}; this machine has {installed or 'none'}",
    )
    return Check(
        "macros",
        False,
        found,
        _t(
            lang,
            f"pip install xlwings=={made_for}；或用 logistics new 新建工作簿，再把数据复制过去",
            f"pip install xlwings=={made_for}, or make a new workbook with logistics new and "
            "copy the data into it",
        ),
    )
