"""Terminal tables as a clerk reads them: whole messages at 80 and 120 columns, problems in
sheet-and-row order, the validation table once, figures with their decimals."""

from __future__ import annotations

import io
import re
from fractions import Fraction

import pytest
from rich.table import Table
from typer.testing import CliRunner

from logistics import terminal
from logistics.cli import app
from logistics.core import outputs, schema
from logistics.core.assets import CountLine
from logistics.core.energy import MeterMonth
from logistics.core.problem_order import by_place
from logistics.core.problems import Problem
from logistics.safe_console import SafeConsole
from tests.workbooks import build, small_school

BOX = "│"


def render(renderable: object, width: int) -> str:
    console = SafeConsole(width=width, file=io.StringIO(), color_system=None)
    console.print(renderable)
    return console.file.getvalue()  # type: ignore[attr-defined]


def cell_text(output: str, column: int) -> str:
    """The text of one column of a one-row table, its wrapped lines joined, spaces dropped."""
    parts = [line.split(BOX)[column + 1] for line in output.splitlines() if line.startswith(BOX)]
    return re.sub(r"\s+", "", "".join(parts))


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


# A message with the allowed values in it, and a long reception finding in Chinese.
LONG = [
    Problem(
        "bad_choice",
        "assets",
        7,
        "category",
        "电脑",
        {
            "choices": "、".join(c.zh for c in schema.SHEETS["assets"].column("category").choices),
            "choices_en": ", ".join(
                c.en for c in schema.SHEETS["assets"].column("category").choices
            ),
        },
    ),
    Problem(
        "reception_hosts_over",
        "receptions",
        25,
        "hosts",
        8,
        {"guests": 18, "cap": 6, "hosts_max": 3, "divisor": 3},
    ),
]


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("problem", LONG, ids=lambda p: p.code)
def test_a_problem_message_is_never_cut(problem, lang, width):
    output = render(terminal.problems_table([problem], lang), width)
    message = problem.message(lang, outputs.column_label(problem, lang))
    assert "…" not in output
    assert cell_text(output, 5) == squeeze(message)


def test_the_allowed_values_are_all_there_at_80_columns():
    output = render(terminal.problems_table([LONG[0]], "zh"), 80)
    for choice in schema.SHEETS["assets"].column("category").choices:
        assert choice.zh in cell_text(output, 5)


@pytest.mark.parametrize("width", [40, 80])
def test_any_table_the_console_prints_wraps_instead_of_cutting(width):
    text = "陪同超标：陪同 8 人，来访 18 人时最多 6 人（不超过 3 人，或来访人数的 1/3）。" * 2
    table = Table("项目", "计算依据")  # rich's default: cut with "…"
    table.add_row("总分", text)
    output = render(table, width)
    assert "…" not in output
    assert cell_text(output, 1) == squeeze(text)


def test_problems_are_listed_by_sheet_then_row_then_column():
    # As the checks find them: check by check. The clerk's order is the workbook's:
    # Logs before Receptions before Loans (schema.SHEETS), rows up, columns left to right
    # (Receptions: 公函 official_letter, 陪同人数 hosts, 酒水 alcohol).
    found = [
        Problem("loan_overdue", "loans", 19, "due", "2025-11-21"),
        Problem("reception_alcohol", "receptions", 30, "alcohol", None),
        Problem("reception_no_letter", "receptions", 30, "official_letter", None),
        Problem("reception_hosts", "receptions", 30, "hosts", 5),
        Problem("reception_no_letter", "receptions", 24, "official_letter", None),
        Problem("after_as_of", "logs", 12, "date", "2025-03-06"),
        Problem("sheet_missing", "logs", None, None),
    ]
    expected = [
        ("logs", None, None),
        ("logs", 12, "date"),
        ("receptions", 24, "official_letter"),
        ("receptions", 30, "official_letter"),
        ("receptions", 30, "hosts"),
        ("receptions", 30, "alcohol"),
        ("loans", 19, "due"),
    ]
    assert [(p.sheet, p.row, p.column) for p in by_place(found)] == expected


def test_the_terminal_table_shows_them_in_that_order():
    found = [
        Problem("after_as_of", "meetings", 2, "date", "2025-03-06", {"as_of": "2025-03-05"}),
        Problem("after_as_of", "logs", 9, "date", "2025-03-06", {"as_of": "2025-03-05"}),
        Problem("after_as_of", "logs", 3, "date", "2025-03-06", {"as_of": "2025-03-05"}),
    ]
    output = render(terminal.problems_table(found, "en"), 120)
    rows = [
        (cells[1].strip(), cells[2].strip())
        for line in output.splitlines()
        if line.startswith(BOX) and (cells := line.split(BOX))[2].strip()
    ]
    assert rows == [("Logs", "3"), ("Logs", "9"), ("Meetings", "2")]


# ---- the validation table once per command ------------------------------------------------

runner = CliRunner(env={"COLUMNS": "120"})
EARLY = ["--as-of", "2025-03-05"]  # the small school's later rows are warnings then


@pytest.fixture
def book(tmp_path):
    return build(tmp_path / "school.xlsm")


def test_validate_lists_the_warnings(book):
    result = runner.invoke(app, ["validate", str(book), *EARLY])
    assert result.exit_code == 0, result.output
    assert [line.strip() for line in result.output.splitlines()].count("校验结果") == 1
    assert result.output.count("晚于截止日期") == 9


@pytest.mark.parametrize(
    "args",
    [
        ["score", "--month", "2025-03"],
        ["summary", "--quarter", "2025Q1"],
        ["rank", "--year", "2025"],
        ["energy", "--month", "2025-02"],
    ],
    ids=lambda a: a[0],
)
def test_a_job_counts_the_input_warnings_in_one_line_instead_of_listing_them_again(book, args):
    result = runner.invoke(app, [args[0], str(book), *args[1:], *EARLY])
    assert result.exit_code == 0, result.output
    assert "晚于截止日期" not in result.output  # the table of input warnings is not repeated
    assert "输入校验：警告 9 条" in result.output


def test_reception_lists_the_receptions_sheets_warnings_and_counts_the_rest(book):
    # Its findings are warnings on the Receptions sheet: they are what the command is for.
    result = runner.invoke(app, ["reception", str(book), "--month", "2025-03", *EARLY])
    assert result.exit_code == 0, result.output
    assert result.output.count("晚于截止日期") == 1  # Receptions row 2, the one listed
    assert "输入校验：警告 8 条" in result.output


def test_a_jobs_own_warning_is_still_listed(book):
    # 2025-04 has no logs: the warning is this run's news, not an input check.
    result = runner.invoke(app, ["score", str(book), "--month", "2025-04", *EARLY])
    assert result.exit_code == 0, result.output
    assert "2025-04" in result.output and "不是已记录的月份" in result.output
    assert "晚于截止日期" not in result.output


def test_a_blocked_job_lists_the_problems_once(tmp_path):
    frames = small_school()
    frames["logs"].loc[0, "staff_id"] = "NOBODY"
    blocked = build(tmp_path / "bad.xlsm", frames)
    result = runner.invoke(app, ["score", str(blocked), "--month", "2025-03", *EARLY])
    assert result.exit_code == 1, result.output
    assert result.output.count("NOBODY") == 2  # 值 and the message, in one table
    assert [line.strip() for line in result.output.splitlines()].count("校验结果") == 1


# ---- figures ------------------------------------------------------------------------------


def meter(usage: str, last_year: str, yoy: str) -> MeterMonth:
    return MeterMonth(
        "2025-03",
        "M1",
        "electricity",
        Fraction(usage),
        Fraction(last_year),
        Fraction(yoy),
        False,
        4,
        0,
    )


def test_energy_shows_last_year_and_one_decimal():
    # 95 and 95.1: the sheet's formats are 0.## (use) and 0.0 (同比); a terminal shows the
    # same figures as 95.0, 95.1 and 3.0, never a bare 95 beside 95.1.
    output = render(terminal.energy_table([meter("95", "95.1", "3")], "zh", "2025-03"), 120)
    assert "去年同期" in output
    cells = [c.strip() for c in next(x for x in output.splitlines() if "M1" in x).split(BOX)]
    assert cells[3:6] == ["95.0", "95.1", "3.0"]


def test_a_use_keeps_its_hundredths():
    output = render(terminal.energy_table([meter("12.25", "10", "22.5")], "en", "2025-03"), 120)
    cells = [c.strip() for c in next(x for x in output.splitlines() if "M1" in x).split(BOX)]
    assert cells[3:6] == ["12.25", "10.0", "22.5"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_ids_and_figures_stay_whole_at_80_columns(lang):
    # A long name and two long places must wrap; the asset ID and the quantities never do
    # (ZC00001 over 5 reads as another asset).
    line = CountLine(
        "ZC000015",
        "多媒体教学一体机（含投影仪、幕布、音箱和无线话筒）",
        "第一教学楼三楼东侧多媒体教室307",
        "第二教学楼四楼西侧多媒体教室412",
        1234567,
        1234566,
        -1,
        ("shortage", "wrong_location"),
    )
    output = render(terminal.count_result_table([line], lang, "2025"), 80)
    lines = [row.split(BOX) for row in output.splitlines() if row.startswith(BOX)]
    ids = [cells[1].strip() for cells in lines if cells[1].strip()]
    assert ids == ["ZC000015"]
    figures = {cells[j].strip() for cells in lines for j in (5, 6)} - {""}
    assert figures == {"1234567", "1234566"}
    assert "ZC000015" in output and max(len(row) for row in output.splitlines()) <= 80
