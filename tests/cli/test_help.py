"""``logistics --help`` as a new user meets it: every command whole, demo and new first,
WORKBOOK in capitals, --lang zh|en, and Chinese when the terminal's locale is Chinese."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
import typer
from rich.cells import cell_len
from typer.testing import CliRunner

from logistics.cli import app
from logistics.cli_help import COMMAND_HELP, param_help_key, wrap
from words import word

ENGLISH = {"LC_ALL": None, "LC_MESSAGES": None, "LANG": "en_US.UTF-8", "COLUMNS": "80"}
CHINESE = {"LC_ALL": None, "LC_MESSAGES": None, "LANG": "zh_CN.UTF-8", "COLUMNS": "80"}
COMMANDS = typer.main.get_command(app).commands  # type: ignore[attr-defined]


def helped(*args: str, env: dict[str, str | None] = ENGLISH) -> str:
    result = CliRunner().invoke(app, [*args, "--help"], env=env)
    assert result.exit_code == 0, result.output
    return result.output


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def command_rows(output: str) -> list[str]:
    """The command names of the Commands section, in order."""
    section = output.split("Commands:" if "Commands:" in output else "命令:")[1]
    return [line.split()[0] for line in section.splitlines() if line[:3].strip()]


def test_the_command_list_starts_with_demo_and_new_and_holds_every_command():
    names = command_rows(helped())
    assert names[:2] == ["demo", "new"]
    assert sorted(names) == sorted(COMMANDS)


@pytest.mark.parametrize("env", [ENGLISH, CHINESE], ids=["en", "zh"])
def test_no_command_summary_is_cut(env):
    output = helped(env=env)
    commands = output.split("Commands:" if env is ENGLISH else "命令:")[1]
    assert "..." not in commands and "…" not in commands
    text = squeeze(commands)
    for name in COMMANDS:
        lang = "zh" if env is CHINESE else "en"
        first = word(lang, COMMAND_HELP[name]).split("\n\n")[0]
        assert squeeze(first) in text, name


@pytest.mark.parametrize("env", [ENGLISH, CHINESE], ids=["en", "zh"])
@pytest.mark.parametrize("args", [(), ("report",), ("score",), ("doctor",)])
def test_no_help_line_is_wider_than_the_terminal(env, args):
    # Chinese characters take two columns (rich's cell_len, an independent count).
    widest = max(cell_len(line) for line in helped(*args, env=env).splitlines())
    assert widest <= 80


@pytest.mark.parametrize("command", ["score", "report", "validate", "explain"])
def test_arguments_show_in_capitals(command):
    output = helped(command)
    assert f"logistics {command} [OPTIONS] WORKBOOK" in output
    assert "{workbook}" not in output and "<path>" not in output


def test_option_values_show_their_form():
    output = helped("report")
    for form in ("--month YYYY-MM", "--year YYYY", "--as-of YYYY-MM-DD", "--out DIR"):
        assert form in output
    assert "--quarter YYYYQn" in helped("summary")


@pytest.mark.parametrize("command", ["new", "build-workbook", "doctor", "launcher"])
def test_lang_lists_zh_and_en(command):
    assert "--lang zh|en" in helped(command)


def test_chinese_locale_gives_chinese_help():
    output = helped("score", env=CHINESE)
    assert output.startswith("用法：logistics score [OPTIONS] WORKBOOK")
    assert "计算月度考评" in output and "工作簿文件" in output and "显示此帮助后退出" in output
    assert "Compute monthly scores" not in output


def test_lc_all_wins_over_lang():
    # POSIX order: LC_ALL, then LC_MESSAGES, then LANG.
    env = {**CHINESE, "LC_ALL": "C.UTF-8"}
    assert "Usage: logistics" in helped(env=env)
    env = {**ENGLISH, "LC_MESSAGES": "zh_CN.UTF-8"}
    assert "用法：logistics" in helped(env=env)


def test_every_command_has_chinese_help():
    assert set(COMMANDS) <= set(COMMAND_HELP)
    templates = COMMANDS["templates"].commands  # type: ignore[attr-defined]
    assert set(templates) <= set(COMMAND_HELP)


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        ("统计能耗、接待和资产", 10, ["统计能耗、", "接待和资产"]),
        ("统计能耗、接待", 8, ["统计能", "耗、接待"]),  # 、 never starts a line
        ("the EnergyStats sheet (能耗统计).", 24, ["the EnergyStats sheet", "(能耗统计)."]),
        ("a b", 80, ["a b"]),
        ("时为 1，工作簿", 7, ["时为", "1，工作", "簿"]),  # nor ， after a word (1，)
    ],
)
def test_wrap_counts_columns_and_keeps_marks_with_their_characters(text, width, lines):
    # Worked by hand: 统计能耗、 is 4 wide characters and a wide mark, 10 columns; the
    # first line of the second case would be 统计能耗 (8) but for the mark after 耗.
    assert wrap(text, width) == lines


def test_python_dash_m_logistics_is_the_command_line():
    done = subprocess.run(
        [sys.executable, "-m", "logistics", "--version"], capture_output=True, text=True
    )
    assert done.returncode == 0 and done.stdout.startswith("logistics ")


def _commands_and_params():
    templates = COMMANDS["templates"].commands  # type: ignore[attr-defined]
    for name, command in [*COMMANDS.items(), *templates.items()]:
        for param in command.params:
            yield name, param


def test_every_option_and_argument_has_its_help_in_the_catalogue():
    # cli.py holds no words: a new option without a catalogue entry would show no help.
    missing = [f"{n} {p.name}" for n, p in _commands_and_params() if not param_help_key(n, p)]
    assert missing == []


@pytest.mark.parametrize("env", [ENGLISH, CHINESE], ids=["en", "zh"])
def test_an_option_s_help_is_the_catalogue_entry_in_the_locale_s_language(env):
    lang = "zh" if env is CHINESE else "en"
    output = squeeze(helped("score", env=env))
    for name in ("workbook", "workers", "as_of"):
        param = next(p for p in COMMANDS["score"].params if p.name == name)
        assert squeeze(word(lang, param_help_key("score", param))) in output, name
