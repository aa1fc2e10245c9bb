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
from words import both, pick, word

from ..core.workdays import official_year_covered
from . import probes as probe
from .checkup import Check
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
    "calendar": both("holiday_calendar_year"),
    "calendar_next": both("holiday_calendar_next_year"),
    "pdf": both("pdf_conversion"),
    "font": both("chinese_font"),
    "office": both("excel_or_wps"),
    "excel_com": both("excel_s_com_registration"),
    "xlwings": ("xlwings", "xlwings"),
    "interpreter": both("workbook_s_python_path"),
    "macros": both("workbook_macros_xlwings_version"),
    "workbook": both("workbook"),
}
PURPOSES: dict[str, tuple[str, str]] = {
    "python": both("every_job"),
    "calendar": both("working_day_count"),
    "calendar_next": both("next_year_s_working"),
    "pdf": both("pdf_documents_optional"),
    "font": both("chinese_charts_pdfs_optional"),
    "office": both("typing_workbook_optional"),
    "excel_com": both("excel_buttons_optional"),
    "xlwings": both("excel_buttons_optional"),
    "interpreter": both("excel_buttons_optional"),
    "macros": both("excel_buttons_optional"),
    "workbook": both("checking_workbook"),
}


def title(key: str, lang: str) -> str:
    return pick(lang, *TITLES.get(key, (key, key)))


def purpose(key: str, lang: str) -> str:
    return pick(lang, *PURPOSES.get(key, ("", "")))


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
    found = word(lang, "python", shown=shown, executable=executable)
    if tuple(version[:2]) >= MIN_PYTHON:
        return Check("python", True, found, "")
    need = ".".join(map(str, MIN_PYTHON))
    return Check(
        "python",
        False,
        found,
        word(lang, "install_python_newer_https", need=need),
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
        word(lang, "covers_up", name=name, last=last)
        if last
        else word(lang, "covers_no_year", name=name)
    )
    checks = []
    for key, year in (("calendar", this_year), ("calendar_next", this_year + 1)):
        if covered(year):
            checks.append(Check(key, True, span, ""))
            continue
        fix = word(lang, "counts_monday_friday_working", year=year)
        if key == "calendar_next":
            fix += word(lang, "next_year_s_dates")
        missing = word(lang, "not_covered", span=span, year=year)
        checks.append(Check(key, False, missing, fix))
    return checks


def verdict(checks: Sequence[Check], lang: str) -> tuple[str, bool]:
    """The closing line, and whether it is good news: the jobs can run (what is optional
    and missing is named) or not (what they need is named)."""
    if not jobs_ready(checks):
        missing = [title(c.key, lang) for c in checks if c.key in REQUIRED and c.ok is False]
        names = (word(lang, "list_sep")).join(missing)
        return (
            word(lang, "missing_what_jobs_need", names=names),
            False,
        )
    if any(c.key == "workbook" and c.ok is False for c in checks):
        return (
            word(lang, "everything_jobs_need_here"),
            False,
        )
    optional = [title(c.key, lang) for c in checks if c.key not in REQUIRED and c.ok is False]
    if optional:
        names = (word(lang, "list_sep")).join(optional)
        return (
            word(lang, "everything_needed_but_optional", names=names),
            True,
        )
    return word(lang, "everything_place"), True
