"""``logistics --help`` as a new user reads it: the commands in the order they are needed,
never cut with "...", arguments named in capitals (WORKBOOK), option values by their form
(--month YYYY-MM, --lang zh|en), and in Chinese when the terminal's locale is Chinese.

The English help lives where each command is defined (``logistics.cli``); the Chinese here,
keyed by command and parameter name. It builds on the help classes of the pinned typer
(``typer.core``) and imports nothing else heavy: help is printed before any job loads.
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
}
VALUE_FORMS_BY_COMMAND = {("build-workbook", "out"): "PATH"}

ZH_APP = (
    "学校后勤处考核工具：在工作簿文件上校验录入、计算月度考评、季度汇总、年终排名、分配绩效工资，"
    "统计能耗、接待和资产，并生成各类文档。logistics app 在浏览器中提供同样的功能。"
    "第一次使用请运行 logistics demo。"
)

ZH_COMMANDS = {
    "demo": "生成一所示例学校的工作簿（一整年的数据）并计算全部结果，写出年终考核报告。",
    "new": "新建一个空白工作簿，包含全部录入表和结果表（默认中文）。",
    "validate": "检查所有录入表，把问题写入“校验结果”工作表（有错误时退出码为 1）。",
    "score": "计算月度考评，写入“考评”工作表。",
    "summary": "汇总一个季度，写入“季度汇总”工作表。",
    "rank": "年终排名和全年绩效工资，写入“年终排名”工作表。",
    "energy": "某月各表计的用量、去年同期和同比，写入“能耗统计”工作表。",
    "reception": "某月的接待：批次、费用、问题和预算执行，写入“接待统计”工作表；"
    "问题以警告列在对应行。",
    "assets": "截至截止日期在账资产（按类别和存放地点），写入“资产统计”工作表。",
    "inventory": "某年盘点与账面的核对，写入“盘点结果”工作表。",
    "explain": "逐行说明某人某月的得分是怎么来的（不写入任何内容）。",
    "report": "生成文档（.docx 和 .pdf）：年终考核报告、月度考评通报、节能通报、会务工作单、"
    "岗位责任状、绩效公示、接待清单、资产盘点报告或资产台账。不改动工作簿。",
    "app": "启动工作台：在本机网页上完成全部工作和文档。",
    "launcher": "写一个双击即可启动工作台的文件（Windows 为 .bat，macOS 为 .command，"
    "Linux 为 .desktop）。",
    "doctor": "检查这台电脑具备哪些条件（Python、节假日日历、PDF、中文字体、Excel 或 WPS、"
    "xlwings），并说明如何补齐。",
    "excel-setup": "把这台电脑的 Python 路径写入工作簿的 xlwings.conf，让 Excel 按钮可以运行"
    "（仅 Windows 和 macOS）。",
    "build-workbook": "从源代码生成宏工作簿：各工作表、VBA 工程和控制台按钮。",
    "templates": "文档的 Word 模板：导出后可在 Word 中编辑。",
    "export": "把内置模板写入 FOLDER 以便在 Word 中编辑；改好的模板放在工作簿旁的“模板”文件夹，"
    "或用 logistics report --templates 指定。",
}

ZH_PARAMS = {
    "workbook": "工作簿文件（.xlsm 或 .xlsx）。",
    "as_of": "统计到这一天（YYYY-MM-DD）。默认：控制台的截止日期，否则今天。",
    "month": "月份，如 2025-03。",
    "all_months": "计算每个有日志的月份。",
    "quarter": "季度，如 2025Q1。",
    "year": "考核年度（从“年度起始月”开始）。",
    "staff": "人员的工号。",
    "lang": "语言：zh（中文）或 en（英文）。",
    "version": "显示版本号后退出。",
    "help": "显示此帮助后退出。",
    "path": "工作簿所在的文件夹，或一个工作簿。",
    "out": "输出文件夹。",
    "meeting": "一个会议的编号（meeting）。",
    "reception": "一次接待的编号（reception：生成其接待清单）。",
    "pdf": "同时生成 PDF（需要 Word 或 LibreOffice）。",
    "templates": "改过的模板所在文件夹（logistics templates export）；"
    "默认：工作簿旁的“模板”文件夹。",
    "kind": "文档类型：year-end、monthly、energy、meeting、contracts、pay-notice、reception、"
    "inventory（--year）或 asset-ledger（按 --as-of）。",
    "host": "监听地址；只在需要时才用 127.0.0.1 以外的地址。",
    "port": "端口（0：任选一个空闲端口）。",
    "no_browser": "只显示地址，不打开浏览器。",
    "folder": "模板写入的文件夹。",
}
ZH_PARAMS_BY_COMMAND = {
    ("score", "month"): "要计算的月份，如 2025-03。",
    ("inventory", "year"): "盘点的日历年度。",
    ("report", "month"): "月份，如 2025-03（monthly、energy、pay-notice；meeting、reception："
    "该月的每一个）。",
    (
        "report",
        "year",
    ): "考核年度（year-end、contracts；pay-notice 的年度公示）；盘点年度（inventory）。",
    ("report", "out"): "文档的输出文件夹。",
    ("new", "path"): "新工作簿的保存位置（.xlsm）。",
    ("build-workbook", "out"): "保存位置（默认 workbook/logistics.xlsm，en 为 "
    "workbook/logistics-en.xlsm）。",
    ("demo", "out"): "示例工作簿和文档的文件夹。",
    ("doctor", "workbook"): "同时检查这个工作簿的 Python 路径和宏。",
    ("launcher", "out"): "启动文件的保存位置（默认：工作簿所在的文件夹）。",
    ("app", "path"): "工作簿所在的文件夹，或一个工作簿。",
}

ZH_HEADINGS = {
    "Usage:": "用法：",  # the full-width colon takes the space
    "Options": "选项",
    "Arguments": "参数",
    "Commands": "命令",
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


def _zh_param(command: str, param: _click.Parameter) -> str | None:
    name = param.name or ""
    return ZH_PARAMS_BY_COMMAND.get((command, name)) or ZH_PARAMS.get(name)


def _value_form(command: str, param: _click.Parameter) -> str | None:
    name = param.name or ""
    return VALUE_FORMS_BY_COMMAND.get((command, name)) or VALUE_FORMS.get(name)


def _first_paragraph(text: str | None) -> str:
    return " ".join((text or "").split("\n\n")[0].split())


def cells(text: str) -> int:
    """Terminal columns ``text`` takes: a Chinese character (East Asian wide) takes two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


# A run of spaces; a Chinese character with the opening marks before it and the closing
# marks after it; or a word.
_TOKENS = re.compile(
    r"\s+|[(（“《「]*[\u2e80-\uffef][，。、；：）》」』”！？).,;:]*|[^\s\u2e80-\uffef]+"
)


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` columns: at spaces between words, and between
    two Chinese characters (which have no spaces between them), never before a closing
    mark such as ，。、） nor after an opening one such as （ or (."""
    lines: list[str] = []
    line = ""
    for token in _TOKENS.findall(" ".join(text.split())):
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
            if chinese_locale():
                if param.name == "help":  # click adds it to every command
                    text = ZH_PARAMS["help"]
                text = text.replace("[default: ", "[默认：").replace("[required]", "[必填]")
            form = _value_form(self.name or "", param)
            if form is not None:
                names = _with_form(param, names, form)
            options.append((names, text))
        zh = chinese_locale()
        if arguments:
            with formatter.section(ZH_HEADINGS["Arguments"] if zh else "Arguments"):
                formatter.write_dl(arguments)
        if options:
            with formatter.section(ZH_HEADINGS["Options"] if zh else "Options"):
                formatter.write_dl(options)

    def format_usage(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        prefix = ZH_HEADINGS["Usage:"] if chinese_locale() else "Usage: "
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
    if not chinese_locale():
        return found
    found.help = ZH_COMMANDS.get(name, found.help)
    found.short_help = None
    params = []
    for param in found.params:
        text = _zh_param(name, param)
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
        if chinese_locale() and ctx.parent is None:
            text = self.help
            self.help = ZH_APP
            try:
                super().format_help_text(ctx, formatter)
            finally:
                self.help = text
            return
        if chinese_locale() and self.name in ZH_COMMANDS:
            text = self.help
            self.help = ZH_COMMANDS[self.name]
            try:
                super().format_help_text(ctx, formatter)
            finally:
                self.help = text
            return
        super().format_help_text(ctx, formatter)

    def format_usage(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        prefix = ZH_HEADINGS["Usage:"] if chinese_locale() else "Usage: "
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), prefix)

    def format_options(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        zh = chinese_locale()
        options = []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is not None:
                text = _zh_param("", param) if zh else None
                options.append((record[0], text or record[1]))
        if options:
            with formatter.section(ZH_HEADINGS["Options"] if zh else "Options"):
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
            with formatter.section(ZH_HEADINGS["Commands"] if chinese_locale() else "Commands"):
                formatter.write_dl(rows)
