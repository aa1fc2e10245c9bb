"""``logistics doctor``: each decision on any machine (facts injected), the real run on this
one, and the command's table and exit codes."""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

import chinese_calendar
import pytest
from rich.console import Console
from typer.testing import CliRunner

from logistics import cli, doctor
from logistics.doctor import (
    REQUIRED,
    Check,
    check_calendar,
    check_python,
    jobs_ready,
    last_covered_year,
    run_checks,
)
from logistics.doctor.documents import check_font, check_pdf
from logistics.doctor.office import (
    check_excel_com,
    check_interpreter,
    check_macros,
    check_office,
    check_xlwings,
    com_owner,
    pinned_version,
)
from logistics.excel.setup import excel_setup
from logistics.io.builder import build_workbook
from tests.workbooks import build

ROOT = Path(__file__).resolve().parents[1]
CJK = re.compile(r"[\u4e00-\u9fff]")


# ---- Python and the calendar -------------------------------------------------------------


def test_python_version() -> None:
    assert check_python("zh", (3, 11, 0), "/usr/bin/python3").ok is True
    old = check_python("en", (3, 10, 12), "C:\\Python310\\python.exe")
    assert old.ok is False and "3.10.12" in old.found and "3.11 or newer" in old.fix


def covered_until(last: int):
    return lambda year: 2004 <= year <= last


def test_last_covered_year_is_the_end_of_the_run() -> None:
    assert last_covered_year(covered_until(2026)) == 2026
    assert last_covered_year(lambda year: False) is None


def test_the_real_calendar_matches_an_independent_probe() -> None:
    # Independently: ask chinesecalendar itself for each year until it refuses.
    year = 2004
    while True:
        try:
            chinese_calendar.is_workday(dt.date(year + 1, 1, 2))
        except NotImplementedError:
            break
        year += 1
    assert last_covered_year() == year


def test_calendar_this_year_and_next() -> None:
    this, following = check_calendar("zh", 2026, "1.11.0", covered_until(2026))
    assert (this.key, this.ok, this.fix) == ("calendar", True, "")
    assert "收录到 2026 年" in this.found
    assert following.key == "calendar_next" and following.ok is False
    assert "2027" in following.found and "「日历」" in following.fix
    assert "pip install -U chinesecalendar" in following.fix
    this, following = check_calendar("en", 2027, "1.11.0", covered_until(2026))
    assert this.ok is False and following.ok is False and "Calendar sheet" in this.fix


def test_only_python_and_this_years_calendar_are_required() -> None:
    assert set(REQUIRED) == {"python", "calendar"}
    fine = [Check("python", True, "", ""), Check("calendar", True, "", "")]
    optional_missing = [*fine, Check("pdf", False, "", "x"), Check("office", None, "", "")]
    assert jobs_ready(optional_missing)
    assert not jobs_ready([Check("python", False, "", "x"), Check("calendar", True, "", "")])


# ---- PDFs and fonts ------------------------------------------------------------------------


def test_pdf_by_libreoffice_or_word() -> None:
    lo = check_pdf(
        "zh",
        "linux",
        soffice="/usr/bin/soffice",
        soffice_version="LibreOffice 7.4.7.2",
        word=None,
        docx2pdf=False,
    )
    assert lo.ok is True and "LibreOffice 7.4.7.2" in lo.found and "/usr/bin/soffice" in lo.found
    none = check_pdf("zh", "linux", soffice=None, soffice_version=None, word=None, docx2pdf=False)
    assert none.ok is False and "apt-get install libreoffice" in none.fix
    word = r"C:\Program Files\Microsoft Office\root\Office16\WINWORD.EXE"
    with_word = check_pdf(
        "en", "win32", soffice=None, soffice_version=None, word=word, docx2pdf=True
    )
    assert with_word.ok is True and "Microsoft Word" in with_word.found
    no_bridge = check_pdf(
        "en", "win32", soffice=None, soffice_version=None, word=word, docx2pdf=False
    )
    assert no_bridge.ok is False and "docx2pdf" in no_bridge.found
    assert "pip install docx2pdf" in no_bridge.fix


def test_font_found_and_missing() -> None:
    noto = check_font(
        "zh",
        "linux",
        chart_family="Noto Sans CJK SC",
        zh_families=["Noto Sans CJK JP", "Noto Sans CJK SC"],
    )
    assert noto.ok is True and noto.fix == ""
    assert "图表：Noto Sans CJK SC" in noto.found and "PDF：Noto Sans CJK SC" in noto.found
    none = check_font("zh", "linux", chart_family=None, zh_families=[])
    assert none.ok is False and "apt-get install fonts-noto-cjk" in none.fix
    traditional = check_font(
        "en", "linux", chart_family="Noto Sans CJK SC", zh_families=["Noto Sans CJK TC"]
    )
    assert traditional.ok is False and "no Simplified face" in traditional.found
    windows = check_font("en", "win32", chart_family="Microsoft YaHei", zh_families=None)
    assert windows.ok is True and "Microsoft YaHei" in windows.found
    windows_none = check_font("en", "win32", chart_family=None, zh_families=None)
    assert windows_none.ok is False and "apt-get" not in windows_none.fix
    assert "language pack" in windows_none.fix


# ---- Excel, WPS, the COM registration, xlwings ---------------------------------------------

EXCEL = r'"C:\Program Files\Microsoft Office\Root\Office16\EXCEL.EXE" /automation'
WPS_ET = r'"C:\Users\li\AppData\Local\Kingsoft\WPS Office\12.1.0.17147\office6\et.exe" /automation'
WPS_LAUNCH = r"C:\Users\li\AppData\Local\Kingsoft\WPS Office\ksolaunch.exe /et /automation"


@pytest.mark.parametrize(
    ("command", "owner"),
    [
        (EXCEL, "excel"),
        (r"C:\PROGRA~1\MICROS~1\Office16\EXCEL.EXE /automation", "excel"),
        (WPS_ET, "wps"),
        (WPS_LAUNCH, "wps"),  # unquoted, with spaces
        (r'"D:\WPS\office6\wps.exe" /automation', "wps"),
        (r'"C:\Tools\sheets.exe" /automation', "other"),
        (None, None),
        ("", None),
    ],
)
def test_who_answers_excel_application(command: str | None, owner: str | None) -> None:
    assert com_owner(command) == owner


def registry(server: str | None):
    """A registry where Excel.Application's class starts ``server`` (None: no such ProgID)."""
    clsid = "{00024500-0000-0000-C000-000000000046}"
    keys = {r"HKCR\Excel.Application\CLSID": clsid}
    if server is not None:
        keys[rf"HKCR\CLSID\{clsid}\LocalServer32"] = server
    else:
        keys.clear()
    return keys.get


def test_wps_holding_excels_com_registration_is_reported() -> None:
    taken = check_excel_com("zh", "win32", registry(WPS_LAUNCH))
    assert taken.ok is False and "WPS" in taken.found and "ksolaunch.exe" in taken.found
    assert "快速修复" in taken.fix and "logistics app" in taken.fix
    excel = check_excel_com("en", "win32", registry(EXCEL))
    assert excel.ok is True and "EXCEL.EXE" in excel.found and excel.fix == ""
    no_excel = check_excel_com("en", "win32", registry(WPS_ET), excel_installed=False)
    assert no_excel.ok is None and "WPS" in no_excel.found and "no Excel" in no_excel.found
    other = check_excel_com("en", "win32", registry(r'"C:\Tools\sheets.exe" /automation'))
    assert other.ok is False and "another program" in other.fix
    absent = check_excel_com("en", "win32", registry(None))
    assert absent.ok is None and "not registered" in absent.found
    assert check_excel_com("en", "linux", registry(EXCEL)).ok is None  # Windows only


def test_excel_or_wps_installed() -> None:
    excel = r"C:\Program Files\Microsoft Office\Root\Office16\EXCEL.EXE"
    assert check_office("zh", "win32", excel, None).ok is True
    wps_only = check_office("en", "win32", None, r"C:\WPS\office6\et.exe")
    assert wps_only.ok is True and "WPS" in wps_only.found
    neither = check_office("en", "win32", None, None)
    assert neither.ok is False and "logistics app" in neither.fix
    assert check_office("en", "linux", None, None).ok is None


def test_xlwings_must_be_the_pinned_release() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pins = [d for d in pyproject["project"]["dependencies"] if d.startswith("xlwings==")]
    assert pinned_version("xlwings") == pins[0].split("==")[1]
    assert check_xlwings("zh", "0.37.8", "0.37.8").ok is True
    other = check_xlwings("en", "0.30.0", "0.37.8")
    assert other.ok is False and "pip install xlwings==0.37.8" in other.fix
    assert check_xlwings("en", None, "0.37.8").ok is False
    assert check_xlwings("en", "0.30.0", None).ok is True  # no pin known: any version


# ---- a workbook's interpreter path -------------------------------------------------------


@pytest.fixture
def book(tmp_path: Path) -> Path:
    return build(tmp_path / "school.xlsm")


def test_interpreter_by_name_on_the_path(book: Path) -> None:
    # A fresh workbook says "python": xlwings finds it on PATH.
    found = check_interpreter(
        "zh", book, "win32", which=lambda name: r"C:\Python313\python.exe", this_python="x"
    )
    assert found.ok is True and "Interpreter_Win = python" in found.found
    assert r"C:\Python313\python.exe" in found.found
    missing = check_interpreter("zh", book, "win32", which=lambda name: None)
    assert missing.ok is False and f"logistics excel-setup {book}" in missing.fix


def test_interpreter_written_by_excel_setup(book: Path) -> None:
    excel_setup(book, python="/Users/li/venv/bin/python3", platform="darwin")
    mac = check_interpreter(
        "en",
        book,
        "darwin",
        exists=lambda p: p == "/Users/li/venv/bin/python3",
        this_python="/Users/li/venv/bin/python3",
    )
    assert mac.ok is True and "Interpreter_Mac = /Users/li/venv/bin/python3" in mac.found
    assert "(this Python)" in mac.found
    gone = check_interpreter("en", book, "darwin", exists=lambda p: False)
    assert gone.ok is False and "not on this machine" in gone.found
    linux = check_interpreter("en", book, "linux")
    assert linux.ok is None and "Interpreter_Win = python" in linux.found


def test_hostile_interpreter_text_is_shown_harmlessly(book: Path) -> None:
    excel_setup(book, python="C:\\py\x1b[31m\u202e[bold]x\x07.exe", platform="win32")
    check = check_interpreter("en", book, "win32", exists=lambda p: False)
    assert check.ok is False
    assert not re.search(r"[\x00-\x1f\x7f\u202a-\u202e\u2066-\u2069]", check.found)
    result = CliRunner().invoke(cli.app, ["doctor", str(book), "--lang", "en"])
    assert "\x1b[31m" not in result.output and "\u202e" not in result.output


def test_the_workbook_macros_match_the_installed_xlwings(book: Path, tmp_path: Path) -> None:
    installed = importlib.metadata.version("xlwings")
    assert check_macros("en", book, installed).ok is True  # built here, with this xlwings
    older = check_macros("zh", book, installed, read_version=lambda _: "0.30.0")
    assert older.ok is False and "0.30.0" in older.found and installed in older.found
    assert "pip install xlwings==0.30.0" in older.fix
    plain = build_workbook(tmp_path / "plain.xlsx")
    assert check_macros("en", plain, installed).ok is None  # no macros, nothing to match

    def broken(_: Path) -> str:
        raise ValueError("bad dir stream")

    damaged = check_macros("en", book, installed, read_version=broken)
    assert damaged.ok is False and "bad dir stream" in damaged.found and damaged.fix


def test_an_unreadable_workbook_is_a_check_line_and_exit_2(tmp_path: Path) -> None:
    fake = tmp_path / "not-a-workbook.xlsm"
    fake.write_text("hello", encoding="utf-8")
    check = check_interpreter("zh", fake, "win32")
    assert check.key == "workbook" and check.ok is False and check.found
    result = CliRunner().invoke(cli.app, ["doctor", str(fake)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert [c.key for c in run_checks("zh", fake)][-1] == "workbook"  # no macros check then


# ---- this machine, and the command ---------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_run_checks_on_this_machine(lang: str, book: Path) -> None:
    checks = run_checks(lang, book)
    keys = [c.key for c in checks]
    assert keys[:3] == ["python", "calendar", "calendar_next"]
    assert keys[-2:] == ["interpreter", "macros"]
    assert {"pdf", "font", "office", "excel_com", "xlwings"} <= set(keys)
    for check in checks:
        assert check.found, check
        assert (check.fix == "") == (check.ok is not False), check  # a fix exactly when failing
        if lang == "en":
            assert not CJK.search(check.found + check.fix), check
    assert checks[0].ok is True  # this test runs on a supported Python
    if sys.platform == "linux":
        assert next(c for c in checks if c.key == "excel_com").ok is None


def fake_checks(*checks: Check):
    return lambda lang="zh", workbook=None: list(checks)


@pytest.mark.parametrize(
    ("checks", "code"),
    [
        ((Check("python", True, "Python 3.13", ""), Check("pdf", False, "none", "install")), 0),
        ((Check("python", False, "Python 3.9", "install 3.11"),), 1),
        ((Check("python", True, "ok", ""), Check("workbook", False, "cannot read", "")), 2),
    ],
)
def test_exit_codes(monkeypatch: pytest.MonkeyPatch, checks: tuple[Check, ...], code: int) -> None:
    monkeypatch.setattr(doctor, "run_checks", fake_checks(*checks))
    result = CliRunner().invoke(cli.app, ["doctor", "--lang", "en"])
    assert result.exit_code == code, result.output
    assert checks[0].found in result.output


def test_the_table_says_what_is_optional_and_prints_text_literally(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    checks = (
        Check("python", True, "Python 3.13 [bold]x[/bold]", ""),
        Check("calendar", True, "chinesecalendar", ""),
        Check("font", False, "未找到", "sudo apt-get install fonts-noto-cjk"),
    )
    monkeypatch.setattr(doctor, "run_checks", fake_checks(*checks))
    monkeypatch.setattr(cli, "console", Console(width=200))  # one line per row
    result = CliRunner().invoke(cli.app, ["doctor"])
    assert result.exit_code == 0
    assert "[bold]x[/bold]" in result.output  # not taken as markup
    assert "可选项目（中文字体）不妨碍运行任务" in result.output
    assert "sudo apt-get install fonts-noto-cjk" in result.output
    assert "✓ 正常" in result.output and "! 建议处理" in result.output


def test_real_doctor_command_runs() -> None:
    result = CliRunner().invoke(cli.app, ["doctor", "--lang", "en"])
    assert result.exit_code in (0, 1), result.output
    assert "What this machine has" in result.output and "Python" in result.output


def test_unknown_language_is_a_usage_error() -> None:
    assert CliRunner().invoke(cli.app, ["doctor", "--lang", "fr"]).exit_code == 2
