"""``logistics --help`` as a new user reads it: the commands in the order they are needed,
never cut with "...", arguments named in capitals (WORKBOOK), option values by their form
(--month YYYY-MM, --lang zh|en), and in Chinese when the terminal's locale is Chinese.

Every command's and option's help, in both languages, is the catalogue's
(``words.help_pages``), found here by command and parameter name: ``logistics.cli`` holds
none. It builds on the help classes of the pinned typer (``typer.core``) and imports nothing
else heavy: help is printed before any job loads.
"""

from __future__ import annotations

import copy
import locale
import os
import re
import sys
import unicodedata
from collections.abc import Sequence

import typer.core
from typer import _click

from words import word

# demo and new first: what a new user runs before anything else; then the month's jobs.
ORDER = (
    "demo",
    "new",
    "validate",
    "score",
    "summary",
    "rank",
    "energy",
    "reception",
    "assets",
    "inventory",
    "explain",
    "report",
    "app",
    "launcher",
    "doctor",
    "excel-setup",
    "build-workbook",
    "templates",
    "export",
)

# What an option's value looks like, by parameter name (instead of <str>, <int>, <path>).
VALUE_FORMS = {
    "month": "YYYY-MM",
    "quarter": "YYYYQn",
    "year": "YYYY",
    "as_of": "YYYY-MM-DD",
    "lang": "zh|en",
    "staff": "ID",
    "meeting": "ID",
    "reception": "ID",
    "out": "DIR",
    "templates": "DIR",
    "host": "ADDRESS",
    "port": "N",
    "workers": "N",
}
VALUE_FORMS_BY_COMMAND = {("build-workbook", "out"): "PATH"}

# The help of each command and option, by name (entries of ``words.help_pages``).
COMMAND_HELP = {
    "demo": "help_cmd_demo",
    "new": "help_cmd_new",
    "validate": "help_cmd_validate",
    "score": "help_cmd_score",
    "summary": "help_cmd_summary",
    "rank": "help_cmd_rank",
    "energy": "help_cmd_energy",
    "reception": "help_cmd_reception",
    "assets": "help_cmd_assets",
    "inventory": "help_cmd_inventory",
    "explain": "help_cmd_explain",
    "report": "help_cmd_report",
    "app": "help_cmd_app",
    "launcher": "help_cmd_launcher",
    "doctor": "help_cmd_doctor",
    "excel-setup": "help_cmd_excel_setup",
    "build-workbook": "help_cmd_build_workbook",
    "templates": "help_cmd_templates",
    "export": "help_cmd_export",
}

PARAM_HELP = {
    "workbook": "help_param_workbook",
    "as_of": "help_param_as_of",
    "month": "help_param_month",
    "all_months": "help_param_all_months",
    "quarter": "help_param_quarter",
    "year": "help_param_year",
    "staff": "help_param_staff",
    "version": "help_param_version",
    "help": "help_param_help",
    "path": "help_param_path",
    "out": "help_param_out",
    "meeting": "help_param_meeting",
    "reception": "help_param_reception",
    "pdf": "help_param_pdf",
    "templates": "help_param_templates",
    "kind": "help_param_kind",
    "host": "help_param_host",
    "port": "help_param_port",
    "no_browser": "help_param_no_browser",
    "folder": "help_param_folder",
    "workers": "help_param_workers",
}
PARAM_HELP_BY_COMMAND = {
    ("score", "month"): "help_param_score_month",
    ("inventory", "year"): "help_param_inventory_year",
    ("report", "month"): "help_param_report_month",
    ("report", "year"): "help_param_report_year",
    ("report", "out"): "help_param_report_out",
    ("new", "path"): "help_param_new_path",
    ("build-workbook", "out"): "help_param_build_workbook_out",
    ("demo", "out"): "help_param_demo_out",
    ("doctor", "workbook"): "help_param_doctor_workbook",
    ("launcher", "out"): "help_param_launcher_out",
    ("app", "path"): "help_param_app_path",
    ("validate", "workbook"): "help_param_workbook_or_folder",
    ("score", "workbook"): "help_param_workbook_or_folder",
    ("rank", "workbook"): "help_param_workbook_or_folder",
    ("new", "lang"): "help_param_workbook_lang",
    ("build-workbook", "lang"): "help_param_workbook_lang",
    ("doctor", "lang"): "help_param_doctor_lang",
    ("launcher", "lang"): "help_param_launcher_lang",
}


def chinese_locale() -> bool:
    """Whether the terminal's locale is Chinese: LC_ALL, else LC_MESSAGES, else LANG
    starting with ``zh``; on Windows, without them, the user's locale (Chinese …)."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return value.lower().startswith("zh")
    if sys.platform == "win32":
        name = locale.getlocale()[0] or ""
        return name.lower().startswith(("zh", "chinese"))
    return False


def help_lang() -> str:
    """The language of the help pages: the terminal's locale's."""
    return "zh" if chinese_locale() else "en"


def param_help_key(command: str, param: _click.Parameter) -> str | None:
    """The catalogue entry of ``param``'s help in ``command`` (None: none)."""
    name = param.name or ""
    return PARAM_HELP_BY_COMMAND.get((command, name)) or PARAM_HELP.get(name)


def _param_help(command: str, param: _click.Parameter) -> str | None:
    key = param_help_key(command, param)
    return None if key is None else word(help_lang(), key)


def _value_form(command: str, param: _click.Parameter) -> str | None:
    name = param.name or ""
    return VALUE_FORMS_BY_COMMAND.get((command, name)) or VALUE_FORMS.get(name)


def _first_paragraph(text: str | None) -> str:
    return " ".join((text or "").split("\n\n")[0].split())


def cells(text: str) -> int:
    """Terminal columns ``text`` takes: a Chinese character (East Asian wide) takes two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


# A run of spaces; a Chinese character with the opening marks before it and the closing
# marks after it; or a word with the closing marks after it. Compiled when help is shown
# (10 ms: not on every command's start).
_TOKENS = (
    r"\s+|[(（“《「]*[\u2e80-\uffef][，。、；：）》」』”！？).,;:]*"
    r"|[^\s\u2e80-\uffef]+[，。、；：）》」』”！？]*"
)


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` columns: at spaces between words, and between
    two Chinese characters (which have no spaces between them), never before a closing
    mark such as ，。、） nor after an opening one such as （ or (."""
    lines: list[str] = []
    line = ""
    for token in re.findall(_TOKENS, " ".join(text.split())):
        if token.isspace():
            token = " "
            if not line:
                continue
        if line and cells(line + token) > width and not token.isspace():
            lines.append(line.rstrip())
            line = ""
        line += token
    if line.strip():
        lines.append(line.rstrip())
    return lines


class WideFormatter(_click.HelpFormatter):
    """Click's help formatter, wrapping by terminal columns (Chinese takes two)."""

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        width = max(self.width - self.current_indent, 20)
        for i, paragraph in enumerate(text.split("\n\n")):
            if i:
                self.write("\n")
            for line in wrap(paragraph, width):
                self.write(f"{indent}{line}\n")

    def write_dl(
        self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        rows = list(rows)
        first_col = min(max((cells(first) for first, _ in rows), default=0), col_max)
        first_col += col_spacing
        indent = " " * self.current_indent
        for first, second in rows:
            lines = wrap(second, max(self.width - self.current_indent - first_col, 10))
            if cells(first) <= first_col - col_spacing:
                head = f"{indent}{first}{' ' * (first_col - cells(first))}"
            else:
                self.write(f"{indent}{first}\n")
                head = indent + " " * first_col
            self.write(f"{head}{lines[0] if lines else ''}".rstrip() + "\n")
            for line in lines[1:]:
                self.write(f"{indent}{' ' * first_col}{line}\n")


class HelpContext(_click.Context):
    formatter_class = WideFormatter


class HelpCommand(typer.core.TyperCommand):
    """A command whose help names its arguments in capitals and its option values by form."""

    context_class = HelpContext

    def collect_usage_pieces(self, ctx: _click.Context) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                name = (param.name or "").upper()
                pieces.append(name if param.required else f"[{name}]")
        return pieces

    def format_options(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        arguments, options = [], []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                arguments.append(((param.name or "").upper(), getattr(param, "help", "") or ""))
                continue
            record = param.get_help_record(ctx)
            if record is None:
                continue
            names, text = record
            if param.name == "help":  # click adds it to every command
                text = text.replace(word("en", PARAM_HELP["help"]), _param_help("", param) or "")
            if chinese_locale():
                for key in ("help_default_prefix", "help_required"):
                    text = text.replace(word("en", key), word("zh", key))
            form = _value_form(self.name or "", param)
            if form is not None:
                names = _with_form(param, names, form)
            options.append((names, text))
        if arguments:
            with formatter.section(word(help_lang(), "help_heading_arguments")):
                formatter.write_dl(arguments)
        if options:
            with formatter.section(word(help_lang(), "help_heading_options")):
                formatter.write_dl(options)

    def format_usage(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        prefix = word(help_lang(), "help_heading_usage")
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), prefix)


def _with_form(param: _click.Parameter, names: str, form: str) -> str:
    # "--month <str>" (typer 0.29) or "--month TEXT" (0.28) -> "--month YYYY-MM"; a flag
    # (--all, --pdf/--no-pdf) carries no value and stays as it is.
    if getattr(param, "is_flag", False) or getattr(param, "count", False):
        return names
    return f"{', '.join(param.opts)} {form}"


def _localized(command: _click.Command, name: str) -> _click.Command:
    """A copy of ``command`` in the help's language, with the help class above."""
    found = copy.copy(command)
    if isinstance(found, typer.core.TyperCommand) and not isinstance(found, HelpCommand):
        found.__class__ = HelpCommand
    found.help = word(help_lang(), COMMAND_HELP[name]) if name in COMMAND_HELP else found.help
    found.short_help = None
    params = []
    for param in found.params:
        text = _param_help(name, param)
        if text is not None:
            param = copy.copy(param)
            param.help = text  # type: ignore[attr-defined]
        params.append(param)
    found.params = params
    return found


class HelpGroup(typer.core.TyperGroup):
    """The ``logistics`` command list: in ORDER, whole, in the locale's language."""

    context_class = HelpContext

    def list_commands(self, ctx: _click.Context) -> list[str]:
        names = list(self.commands)
        rank = {name: i for i, name in enumerate(ORDER)}
        return sorted(names, key=lambda n: (rank.get(n, len(ORDER)), names.index(n)))

    def get_command(self, ctx: _click.Context, cmd_name: str) -> _click.Command | None:
        command = self.commands.get(cmd_name)
        return None if command is None else _localized(command, cmd_name)

    def format_help_text(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        key = "help_app_summary" if ctx.parent is None else COMMAND_HELP.get(self.name or "")
        text = self.help
        self.help = word(help_lang(), key) if key else text
        try:
            super().format_help_text(ctx, formatter)
        finally:
            self.help = text

    def format_usage(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        prefix = word(help_lang(), "help_heading_usage")
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), prefix)

    def format_options(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        options = []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is not None:
                options.append((record[0], _param_help("", param) or record[1]))
        if options:
            with formatter.section(word(help_lang(), "help_heading_options")):
                formatter.write_dl(options)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        """Every command with the first paragraph of its help, wrapped, never cut."""
        rows: list[tuple[str, str]] = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, _first_paragraph(command.short_help or command.help)))
        if rows:
            with formatter.section(word(help_lang(), "help_heading_commands")):
                formatter.write_dl(rows)
