"""``logistics doctor``: what this machine has for every job and how to fix what is missing
(SPEC §6). The workbench's front page shows the same list.

:func:`run_checks` gathers the facts (:mod:`logistics.doctor.probes`, :mod:`reports.font_check`)
and hands them to one decision function per check; those take plain values, so tests feed
them any machine (a Windows registry where WPS holds Excel's COM class, a Linux without
fonts). Only :data:`REQUIRED` checks are needed for the jobs; the rest serve PDFs, charts and
the Excel buttons.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from reports import fonts
from reports.font_check import builtin_fonts, fontconfig_zh_families
from reports.pdf import find_soffice

from ..core.workdays import official_year_covered
from . import probes as probe
from .checkup import Check
from .checkup import say as _t
from .documents import check_font, check_pdf
from .office import (
    check_excel_com,
    check_interpreter,
    check_macros,
    check_office,
    check_xlwings,
    office_programs,
    pinned_version,
    word_program,
)

__all__ = ["REQUIRED", "Check", "jobs_ready", "purpose", "run_checks", "title"]

MIN_PYTHON = (3, 11)
FIRST_CALENDAR_YEAR = 2004  # chinesecalendar's first year

REQUIRED = frozenset({"python", "calendar"})  # the jobs need these; the rest are optional
TITLES: dict[str, tuple[str, str]] = {
    "python": ("Python", "Python"),
    "calendar": ("节假日日历（今年）", "Holiday calendar (this year)"),
    "calendar_next": ("节假日日历（明年）", "Holiday calendar (next year)"),
    "pdf": ("PDF 转换", "PDF conversion"),
    "font": ("中文字体", "Chinese font"),
    "office": ("Excel 或 WPS", "Excel or WPS"),
    "excel_com": ("Excel 的 COM 注册", "Excel's COM registration"),
    "xlwings": ("xlwings", "xlwings"),
    "interpreter": ("工作簿的 Python 路径", "The workbook's Python path"),
    "macros": ("工作簿宏的 xlwings 版本", "The workbook macros' xlwings version"),
    "workbook": ("工作簿", "Workbook"),
}
PURPOSES: dict[str, tuple[str, str]] = {
    "python": ("所有任务", "every job"),
    "calendar": ("工作日计算", "working days"),
    "calendar_next": ("明年的工作日", "next year's working days"),
    "pdf": ("PDF 文档（可选）", "PDF documents (optional)"),
    "font": ("图表和 PDF 中的汉字（可选）", "Chinese in charts and PDFs (optional)"),
    "office": ("录入工作簿（可选）", "typing the workbook (optional)"),
    "excel_com": ("Excel 按钮（可选）", "Excel buttons (optional)"),
    "xlwings": ("Excel 按钮（可选）", "Excel buttons (optional)"),
    "interpreter": ("Excel 按钮（可选）", "Excel buttons (optional)"),
    "macros": ("Excel 按钮（可选）", "Excel buttons (optional)"),
    "workbook": ("检查工作簿", "checking the workbook"),
}


def title(key: str, lang: str) -> str:
    zh, en = TITLES.get(key, (key, key))
    return zh if lang == "zh" else en


def purpose(key: str, lang: str) -> str:
    zh, en = PURPOSES.get(key, ("", ""))
    return zh if lang == "zh" else en


def jobs_ready(checks: Sequence[Check]) -> bool:
    """Whether everything the jobs need is there (every REQUIRED check passed)."""
    return all(c.ok is not False for c in checks if c.key in REQUIRED)


def run_checks(lang: str = "zh", workbook: Path | None = None) -> list[Check]:
    """Every check for this machine (and ``workbook``'s xlwings settings when given), in
    the order the doctor prints them. Takes about a second (LibreOffice's version)."""
    platform = sys.platform
    year = dt.date.today().year
    soffice = find_soffice()
    excel, wps = office_programs(platform)
    checks = [
        check_python(lang, sys.version_info[:3], sys.executable),
        *check_calendar(lang, year, probe.package_version("chinesecalendar")),
        check_pdf(
            lang,
            platform,
            soffice=soffice,
            soffice_version=probe.soffice_version(soffice) if soffice else None,
            word=word_program(platform),
            docx2pdf=probe.has_module("docx2pdf"),
        ),
        check_font(
            lang,
            platform,
            chart_family=fonts.chart_font(),
            zh_families=None if builtin_fonts(platform) else fontconfig_zh_families(),
        ),
        check_office(lang, platform, excel, wps),
        check_excel_com(lang, platform, excel_installed=excel is not None),
        check_xlwings(lang, probe.package_version("xlwings"), pinned_version("xlwings")),
    ]
    if workbook is not None:
        readable = check_interpreter(lang, workbook, platform)
        checks.append(readable)
        if readable.key != "workbook":
            installed = probe.package_version("xlwings")
            checks.append(check_macros(lang, workbook, installed))
    return checks


# ---- Python and the calendar -------------------------------------------------------------


def check_python(lang: str, version: Sequence[int], executable: str) -> Check:
    shown = ".".join(map(str, version))
    found = f"Python {shown}（{executable}）" if lang == "zh" else f"Python {shown} ({executable})"
    if tuple(version[:2]) >= MIN_PYTHON:
        return Check("python", True, found, "")
    need = ".".join(map(str, MIN_PYTHON))
    return Check(
        "python",
        False,
        found,
        _t(
            lang,
            f"请安装 Python {need} 或更新版本（https://www.python.org/downloads/），"
            "再在项目文件夹中运行 pip install .",
            f"Install Python {need} or newer (https://www.python.org/downloads/), then run "
            "pip install . in the project folder",
        ),
    )


def last_covered_year(
    covered: Callable[[int], bool] = official_year_covered, until: int = 2100
) -> int | None:
    """The last year of the unbroken run the official calendar covers from 2004, probed the
    way the core detects coverage (:func:`logistics.core.workdays.official_year_covered`)."""
    if not covered(FIRST_CALENDAR_YEAR):
        return None
    year = FIRST_CALENDAR_YEAR
    while year < until and covered(year + 1):
        year += 1
    return year


def check_calendar(
    lang: str,
    this_year: int,
    package: str | None,
    covered: Callable[[int], bool] = official_year_covered,
) -> list[Check]:
    """chinesecalendar's last covered year against this year and the next (SPEC §4.1)."""
    last = last_covered_year(covered, until=this_year + 10)
    name = f"chinesecalendar {package or '?'}"
    span = (
        _t(lang, f"{name}，收录到 {last} 年", f"{name}, covers up to {last}")
        if last
        else _t(lang, f"{name}，未收录任何年份", f"{name}, covers no year")
    )
    checks = []
    for key, year in (("calendar", this_year), ("calendar_next", this_year + 1)):
        if covered(year):
            checks.append(Check(key, True, span, ""))
            continue
        fix = _t(
            lang,
            f"{year} 年按周一至周五计算工作日。请在「日历」表中按国务院办公厅的放假通知填写 {year} "
            "年的放假和补班日期；或在新版发布后升级：pip install -U chinesecalendar",
            f"{year} counts Monday to Friday as working days. Add {year}'s holidays and make-up "
            "working days from the State Council's notice to the Calendar sheet, or upgrade once "
            "a new release is out: pip install -U chinesecalendar",
        )
        if key == "calendar_next":
            fix += _t(
                lang,
                "（次年安排通常在每年 11 月前后公布）",
                " (next year's dates are usually published around November)",
            )
        missing = _t(lang, f"{span}；{year} 年未收录", f"{span}; {year} is not covered")
        checks.append(Check(key, False, missing, fix))
    return checks


def verdict(checks: Sequence[Check], lang: str) -> tuple[str, bool]:
    """The closing line, and whether it is good news: the jobs can run (what is optional
    and missing is named) or not (what they need is named)."""
    if not jobs_ready(checks):
        missing = [title(c.key, lang) for c in checks if c.key in REQUIRED and c.ok is False]
        names = ("、" if lang == "zh" else ", ").join(missing)
        return (
            _t(
                lang,
                f"缺少任务必需的项目：{names}。请按“如何解决”一栏处理。",
                f"Missing what the jobs need: {names}. See How to fix.",
            ),
            False,
        )
    if any(c.key == "workbook" and c.ok is False for c in checks):
        return (
            _t(
                lang,
                "任务所需的都已具备，但无法读取所给的工作簿（见上表）。",
                "Everything the jobs need is here, but the workbook given cannot be read "
                "(see above).",
            ),
            False,
        )
    optional = [title(c.key, lang) for c in checks if c.key not in REQUIRED and c.ok is False]
    if optional:
        names = ("、" if lang == "zh" else ", ").join(optional)
        return (
            _t(
                lang,
                f"任务所需的都已具备。可选项目（{names}）不妨碍运行任务，处理方法见上表。",
                f"Everything the jobs need is here. The optional items ({names}) do not stop "
                "the jobs; see How to fix above.",
            ),
            True,
        )
    return _t(lang, "一切就绪。", "Everything is in place."), True
