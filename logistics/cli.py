"""The command line: ``logistics …``. Thin wrappers over the jobs; errors become exit codes.

Exit codes: 0 done, 1 validation errors, 2 usage or file problems.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import traceback
import warnings
from collections.abc import Callable
from importlib.metadata import version as package_version
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from . import interrupt, jobs, terminal
from .cli_help import HelpGroup
from .core.errors import LogisticsError
from .core.periods import Month, Quarter
from .core.safe_text import terminal_text
from .core.schema import SHEETS
from .io.file_book import FileBook

app = typer.Typer(
    name="logistics",
    help="School logistics office (后勤处): validate entries, score months, summarize quarters, "
    "rank the year, share performance pay, keep energy, reception and property statistics and "
    "write the documents, on a workbook file. `logistics app` opens the same jobs in a browser.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    cls=HelpGroup,  # commands in a new user's order, never cut, in the locale's language
)
console = terminal.SafeConsole()
err_console = terminal.SafeConsole(stderr=True)


def _print_version(asked: bool) -> None:
    if asked:
        console.print(f"logistics {package_version('school-logistics')}")
        raise typer.Exit()


@app.callback()
def _common(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Options that come before the command (SPEC 6: ``logistics --version``)."""


def _month(text: str) -> Month:
    try:
        return Month.parse(text)
    except ValueError:
        raise typer.BadParameter(
            f"'{terminal_text(text)}' is not a month; write it as YYYY-MM, e.g. 2025-03 "
            "(月份格式应为 2025-03)"
        ) from None


def _quarter(text: str) -> Quarter:
    try:
        return Quarter.parse(text)
    except ValueError:
        raise typer.BadParameter(
            f"'{terminal_text(text)}' is not a quarter; write it as YYYYQn, e.g. 2025Q1 "
            "(季度格式应为 2025Q1)"
        ) from None


def _date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(
            f"'{terminal_text(text)}' is not a date; write it as YYYY-MM-DD "
            "(日期格式应为 2025-03-31)"
        ) from None


Workbook = Annotated[
    Path, typer.Argument(help="The workbook file (.xlsm or .xlsx).", show_default=False)
]
AsOf = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        help="Count entries up to this date "
        "(YYYY-MM-DD). Default: the Home sheet's 截止日期, "
        "else today.",
    ),
]


def _run_job(
    path: Path,
    job: Callable[[FileBook], jobs.JobResult],
    show: Callable[[jobs.JobResult], None],
    *,
    writes: bool = True,
    job_is_checking: bool = False,
    topic: str | None = None,
) -> None:
    """Open the book, run the job, print the outcome, exit with the job's code.

    ``writes``: the job exists to write results, so a read-only folder stops it (exit 2);
    else it runs there, prints, and says what it could not write. ``job_is_checking``
    (validate): the whole validation table is the result; other jobs print it only when
    errors block them, else one line counts the input's warnings but those of ``topic``
    (a sheet key: the reception command lists the Receptions sheet's findings).
    """
    try:
        with FileBook.open(path, writes=writes) as book:
            result = job(book)
    except LogisticsError as exc:
        _fail(exc)
    checked = None if job_is_checking else result.checked
    terminal.print_problems(console, result.problems, result.lang, checked=checked, topic=topic)
    if book.unwritten:
        _say_unwritten(book, result.lang)
    if result.blocked:
        raise typer.Exit(1)
    show(result)
    if book.unwritten:
        return
    labels = [SHEETS[key].label(result.lang) for key in result.written]
    written = "、".join(labels) if result.lang == "zh" else ", ".join(labels)
    console.print(
        terminal.t(result.lang, f"已写入工作表：{written}。", f"Sheets written: {written}.")
    )
    if book.backup is not None:
        console.print(
            terminal.t(
                result.lang,
                f"原文件已备份到 {book.backup}",
                f"The previous file was backed up to {book.backup}",
            ),
            style="dim",
        )


def _say_unwritten(book: FileBook, lang: str) -> None:
    labels = [SHEETS[key].label(lang) for key in book.unwritten]
    sheets = "、".join(labels) if lang == "zh" else ", ".join(labels)
    console.print(
        terminal.t(
            lang,
            f"工作簿所在的文件夹是只读的：以上结果未写入工作表 {sheets}。"
            "要写入，请把工作簿复制到可写的文件夹后再运行。",
            f"The workbook's folder is read-only: the results above were not written to "
            f"{sheets}. To write them, copy the workbook to a folder you can write to and run "
            "again.",
        ),
        style="yellow",
    )


def _cannot_write(path: Path, exc: OSError) -> NoReturn:
    err_console.print(
        f"无法写入 {path}：{exc.strerror or exc}。请换一个可写的文件夹（如“文档”）。\n"
        f"Cannot write {path}: {exc.strerror or exc}. Choose a folder you can write to "
        "(such as Documents).",
        style="bold red",
    )
    raise typer.Exit(2)


def _fail(exc: LogisticsError) -> None:
    # The workbook's language is not known when it cannot be opened: say it in both.
    err_console.print(exc.message("zh"), style="bold red")
    err_console.print(exc.message("en"), style="red")
    raise typer.Exit(exc.exit_code)


@app.command()
def validate(workbook: Workbook, as_of: AsOf = None) -> None:
    """Check every input sheet and list problems on the Validation sheet (exit 1 on errors)."""
    _run_job(
        workbook,
        lambda b: jobs.validate(b, _date(as_of)),
        lambda r: None,
        writes=False,
        job_is_checking=True,
    )


@app.command()
def score(
    workbook: Workbook,
    month: Annotated[str | None, typer.Option(help="The month to score, YYYY-MM.")] = None,
    all_months: Annotated[
        bool, typer.Option("--all", help="Score every month that has logs.")
    ] = False,
    as_of: AsOf = None,
) -> None:
    """Compute monthly scores into the Scores sheet (考评)."""
    if (month is None) == (not all_months):
        raise typer.BadParameter("give either --month YYYY-MM or --all (二选一)")
    months = None if all_months else [_month(month or "")]

    def show(r: jobs.JobResult) -> None:
        by_month: dict[str, list] = {}
        for x in r.months:
            by_month.setdefault(x.month, []).append(x)
        for label, scores in by_month.items():
            if months is not None:
                console.print(terminal.scores_table(scores, r.lang, label))
            console.print(
                f"{label}: {len(scores)} "
                + terminal.t(r.lang, "人", "people")
                + "  "
                + terminal.grade_counts(scores, r.lang)
            )

    _run_job(workbook, lambda b: jobs.score(b, months, _date(as_of)), show)


@app.command()
def summary(
    workbook: Workbook,
    quarter: Annotated[str, typer.Option(help="The quarter, YYYYQn (e.g. 2025Q1).")],
    as_of: AsOf = None,
) -> None:
    """Summarize a quarter into the Quarterly sheet (季度汇总)."""
    q = _quarter(quarter)
    _run_job(
        workbook,
        lambda b: jobs.summary(b, [q], _date(as_of)),
        lambda r: console.print(terminal.quarter_table(r.periods, r.lang, q.label)),
    )


@app.command()
def rank(
    workbook: Workbook,
    year: Annotated[
        int,
        typer.Option(
            help="The appraisal year (it starts in the month set by 年度起始月 / YearStartMonth)."
        ),
    ],
    as_of: AsOf = None,
) -> None:
    """Rank the year into the Annual sheet (年终排名), with the year's performance pay."""

    def show(r: jobs.JobResult) -> None:
        console.print(terminal.annual_table(r.periods, r.lang, str(year)))
        line = terminal.year_end_line(r.periods, r.lang)
        if line:
            console.print(line)

    _run_job(workbook, lambda b: jobs.rank(b, year, _date(as_of)), show)


@app.command()
def energy(
    workbook: Workbook,
    month: Annotated[str, typer.Option(help="The month, YYYY-MM.")],
    as_of: AsOf = None,
) -> None:
    """Energy use per meter for a month into the EnergyStats sheet (能耗统计)."""
    m = _month(month)
    _run_job(
        workbook,
        lambda b: jobs.energy(b, [m], _date(as_of)),
        lambda r: console.print(terminal.energy_table(r.energy, r.lang, m.label)),
    )


@app.command()
def reception(
    workbook: Workbook,
    month: Annotated[str, typer.Option(help="The month, YYYY-MM.")],
    as_of: AsOf = None,
) -> None:
    """Receptions of a month (接待): counts, costs, findings and budget use into the
    ReceptionStats sheet (接待统计). Findings are listed as warnings at their rows."""
    m = _month(month)
    _run_job(
        workbook,
        lambda b: jobs.reception(b, [m], _date(as_of)),
        lambda r: console.print(
            terminal.reception_table(r.receptions, r.lang, SHEETS["reception_stats"].label(r.lang))
        ),
        topic="receptions",
    )


@app.command()
def assets(workbook: Workbook, as_of: AsOf = None) -> None:
    """Held assets by category and location, as of the as-of date, into AssetStats (资产统计)."""

    def show(r: jobs.JobResult) -> None:
        title = terminal.t(r.lang, f"资产统计（截至 {r.as_of}）", f"Assets held on {r.as_of}")
        console.print(terminal.asset_stats_table(r.asset_stats, r.lang, title))

    _run_job(workbook, lambda b: jobs.assets(b, _date(as_of)), show)


@app.command()
def inventory(
    workbook: Workbook,
    year: Annotated[int, typer.Option(help="The calendar year of the count (盘点年度).")],
    as_of: AsOf = None,
) -> None:
    """The year's count (盘点) against the books into CountResult (盘点结果)."""
    if not 1900 <= year <= 9999:
        raise typer.BadParameter(f"--year {year} is not a year; write four digits, e.g. 2025")

    def show(r: jobs.JobResult) -> None:
        if not r.count_lines:  # a year without Counts rows: the warning says so
            return
        title = terminal.t(r.lang, f"{year} 年盘点：需处理的资产", f"Count {year}: items to act on")
        console.print(terminal.count_result_table(r.count_lines, r.lang, title))
        console.print(terminal.count_summary(r.count_lines, r.lang))

    _run_job(workbook, lambda b: jobs.inventory(b, year, _date(as_of)), show)


@app.command()
def explain(
    workbook: Workbook,
    staff: Annotated[str, typer.Option(help="The person's StaffID (工号).")],
    month: Annotated[str, typer.Option(help="The month, YYYY-MM.")],
    as_of: AsOf = None,
) -> None:
    """Show how one person's score for a month came about, row by row (writes nothing)."""
    m = _month(month)
    try:
        with FileBook.open(workbook, writes=False) as book:
            ex = jobs.explain(book, staff, m, _date(as_of))
    except LogisticsError as exc:
        _fail(exc)
    errors = [p for p in ex.problems if p.is_error]
    if errors:
        console.print(terminal.problems_table(errors, ex.lang))
        console.print(
            terminal.t(
                ex.lang,
                "工作簿有错误，以下结果可能不准确。",
                "The workbook has errors; the figures below may be wrong.",
            ),
            style="yellow",
        )
    terminal.print_explanation(console, ex, staff, m.label)


@app.command()
def report(
    workbook: Workbook,
    kind: Annotated[
        str,
        typer.Argument(
            help="year-end, monthly, energy, meeting, contracts, pay-notice, reception, "
            "inventory (--year) or asset-ledger (as of --as-of).",
            show_default=False,
        ),
    ],
    month: Annotated[
        str | None,
        typer.Option(
            help="The month, YYYY-MM (monthly, energy, pay-notice; meeting, reception: every "
            "one of the month)."
        ),
    ] = None,
    year: Annotated[
        int | None,
        typer.Option(
            help="The appraisal year (year-end, contracts; pay-notice for the year); the "
            "count's year (inventory)."
        ),
    ] = None,
    meeting: Annotated[str | None, typer.Option(help="One meeting's ID (meeting).")] = None,
    reception: Annotated[
        str | None, typer.Option(help="One reception's ID (reception: its 接待清单).")
    ] = None,
    out: Annotated[Path, typer.Option(help="Folder for the documents.")] = Path("."),
    pdf: Annotated[
        bool, typer.Option("--pdf/--no-pdf", help="Also make PDFs (Word or LibreOffice).")
    ] = True,
    as_of: AsOf = None,
    templates: Annotated[
        Path | None,
        typer.Option(
            help="A folder of edited templates (logistics templates export); default: the "
            "folder 模板 (templates) beside the workbook, when there is one.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Write a document (.docx and .pdf): year-end report, monthly or energy notice, meeting
    work sheets, responsibility contracts, the pay notice (绩效公示), reception lists, the
    inventory report or the asset ledger. The workbook itself is not changed."""
    from .documents import make_report

    if month is not None:
        _month(month)
    try:
        with FileBook.open(workbook, writes=False) as book:  # documents go to --out
            result = make_report(
                book,
                kind,
                month=month,
                year=year,
                meeting_id=meeting,
                reception_id=reception,
                out_dir=out,
                pdf=pdf,
                as_of=_date(as_of),
                templates_dir=templates,
            )
            jobs.list_blocking_errors(book, result.problems, result.lang)
    except LogisticsError as exc:
        _fail(exc)
    terminal.print_problems(console, result.problems, result.lang, checked=len(result.problems))
    if book.unwritten:
        _say_unwritten(book, result.lang)
    if result.blocked:
        raise typer.Exit(1)
    for path in result.written:
        console.print(str(path))
    if result.message:
        console.print(result.message)


@app.command()
def new(
    path: Annotated[Path, typer.Argument(help="Where to write the new workbook (.xlsm).")],
    lang: Annotated[str, typer.Option(help="Workbook language: zh or en.")] = "zh",
) -> None:
    """Write an empty workbook with every input and output sheet."""
    from .io.builder import build_workbook

    if lang not in ("zh", "en"):
        raise typer.BadParameter("--lang is zh or en")
    if not path.suffix:  # "logistics new 2026" means a workbook, with its buttons
        path = path.with_name(path.name + ".xlsm")
    if path.suffix.lower() not in (".xlsm", ".xlsx"):
        err_console.print(
            terminal.t(
                lang,
                f"{path} 不是工作簿文件名：请以 .xlsm（带按钮）或 .xlsx 结尾。",
                f"{path} is not a workbook name: end it in .xlsm (with the buttons) or .xlsx.",
            ),
            style="bold red",
        )
        raise typer.Exit(2)
    if path.exists():
        err_console.print(
            terminal.t(
                lang,
                f"{path} 已存在，不会覆盖。请换一个文件名。",
                f"{path} exists and is not overwritten. Choose another name.",
            ),
            style="bold red",
        )
        raise typer.Exit(2)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        build_workbook(path, lang, build_date=dt.date.today())  # this month first, SPEC §3.1
    except OSError as exc:
        _cannot_write(path, exc)
    console.print(terminal.t(lang, f"已创建 {path}", f"Created {path}"))


@app.command("build-workbook")
def build_workbook_command(
    lang: Annotated[str, typer.Option(help="Workbook language: zh or en.")] = "zh",
    out: Annotated[
        Path | None,
        typer.Option(
            help="Where to write it (default: "
            "workbook/logistics.xlsm, or "
            "workbook/logistics-en.xlsm for en)."
        ),
    ] = None,
) -> None:
    """Build the macro workbook from source: sheets, the VBA project and the Home buttons.

    The committed workbook/logistics.xlsm is exactly this build.
    """
    from .io.builder import build_workbook

    if lang not in ("zh", "en"):
        raise typer.BadParameter("--lang is zh or en")
    path = out or Path("workbook") / ("logistics.xlsm" if lang == "zh" else "logistics-en.xlsm")
    if path.suffix.lower() != ".xlsm":
        raise typer.BadParameter("--out must end in .xlsm: the workbook carries macros")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        build_workbook(path, lang)
    except OSError as exc:
        _cannot_write(path, exc)
    console.print(terminal.t(lang, f"已生成 {path}", f"Built {path}"))


@app.command("excel-setup")
def excel_setup_command(workbook: Workbook) -> None:
    """Write this Python's path into the workbook's xlwings.conf so its buttons can run."""
    from .excel.setup import excel_setup

    try:
        rows = excel_setup(workbook)
    except LogisticsError as exc:
        _fail(exc)
    for key, value in rows:
        console.print(f"{key} = {value}")
    console.print(f"xlwings.conf → {workbook}")


@app.command()
def demo(
    out: Annotated[Path, typer.Option(help="Folder for the demo workbook and documents.")] = Path(
        "logistics-demo"
    ),
) -> None:
    """Build a fictional school's workbook with a full year of data and compute everything."""
    from .demo import run_demo

    try:
        run_demo(out, console)
    except LogisticsError as exc:
        _fail(exc)
    except OSError as exc:  # a read-only folder, a full disk
        _cannot_write(out, exc)


def _show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: object = None,
    line: str | None = None,
) -> None:
    # A library's warning may quote typed text: it goes through the safe console too.
    err_console.print(f"{category.__name__}: {message}", style="dim")


@app.command()
def doctor(
    workbook: Annotated[
        Path | None,
        typer.Argument(
            help="A workbook whose Python path and macros to check too.", show_default=False
        ),
    ] = None,
    lang: Annotated[str, typer.Option(help="Language of the report: zh or en.")] = "zh",
) -> None:
    """Show what this machine has for every job (Python, the holiday calendar, PDFs, a Chinese
    font, Excel or WPS, xlwings) and how to fix what is missing. Exit 0 when the jobs can run,
    1 when something they need is missing, 2 when the workbook cannot be read."""
    from .doctor import jobs_ready, run_checks, verdict
    from .doctor.table import doctor_table

    if lang not in ("zh", "en"):
        raise typer.BadParameter("--lang is zh or en")
    checks = run_checks(lang, workbook)
    console.print(doctor_table(checks, lang))
    line, good = verdict(checks, lang)
    console.print(line, style="bold green" if good else "bold red", markup=False, highlight=False)
    if any(c.key == "workbook" and c.ok is False for c in checks):
        raise typer.Exit(2)
    if not jobs_ready(checks):
        raise typer.Exit(1)


@app.command()
def launcher(
    path: Annotated[
        Path,
        typer.Argument(help="The folder of the workbooks, or one workbook.", show_default=False),
    ] = Path("."),
    out: Annotated[
        Path | None,
        typer.Option(help="Folder for the launcher (default: the workbooks' folder)."),
    ] = None,
    lang: Annotated[str, typer.Option(help="Launcher name and texts: zh or en.")] = "zh",
) -> None:
    """Write a file to double-click that starts the workbench (logistics app) on PATH:
    启动工作台.bat on Windows, .command on macOS, .desktop on Linux."""
    from .launcher import write_launcher

    if lang not in ("zh", "en"):
        raise typer.BadParameter("--lang is zh or en")
    try:
        written = write_launcher(path, out, lang)
    except LogisticsError as exc:
        err_console.print(exc.message(lang), style="bold red", markup=False, highlight=False)
        raise typer.Exit(exc.exit_code) from None
    console.print(
        terminal.t(
            lang,
            f"已写入启动文件：{written}。双击它即可打开工作台。",
            f"Launcher written: {written}. Double-click it to open the workbench.",
        ),
        markup=False,
        highlight=False,
    )


@app.command("app")
def app_command(
    path: Annotated[
        Path, typer.Argument(help="The folder with the workbooks, or one workbook.")
    ] = Path("."),
    host: Annotated[
        str, typer.Option(help="Address to listen on; other than 127.0.0.1 only when needed.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on (0: any free port).")] = 0,
    no_browser: Annotated[
        bool, typer.Option("--no-browser", help="Only print the address; open no browser.")
    ] = False,
) -> None:
    """Start the workbench (工作台): every job and document on a local web page."""
    from .workbench.server import serve

    try:
        serve(path, host, port, open_browser=not no_browser, console=console)
    except LogisticsError as exc:
        _fail(exc)
    except KeyboardInterrupt:
        pass


templates_app = typer.Typer(
    help="The Word templates of the documents: export them to edit in Word.",
    no_args_is_help=True,
    cls=HelpGroup,
)
app.add_typer(templates_app, name="templates")


@templates_app.command("export")
def templates_export(
    folder: Annotated[Path, typer.Argument(help="Where to write the templates.")],
) -> None:
    """Write the built-in templates into FOLDER for editing in Word. Put the edited ones in a
    folder 模板 (templates for an English workbook) beside the workbook, or pass
    --templates FOLDER to logistics report; files already in FOLDER are kept as they are."""
    from reports.template_files import export_templates

    try:
        done = export_templates(folder)
    except OSError as exc:
        err_console.print(
            f"无法写入“{folder}”：{exc.strerror or exc}\nCannot write '{folder}': "
            f"{exc.strerror or exc}",
            style="bold red",
        )
        raise typer.Exit(2) from None
    for path in done.written:
        console.print(str(path))
    for path in done.kept:
        console.print(f"已存在，未覆盖 / kept as it is: {path}", style="yellow")


def main() -> None:
    """The console script: never a traceback for the user, whatever went wrong."""
    interrupt.install()
    warnings.showwarning = _show_warning
    try:
        app()
    except (interrupt.Interrupted, KeyboardInterrupt):
        interrupt.exit_interrupted()
    except Exception as exc:  # a bug, not bad input: say so briefly, keep the details apart
        log = Path(tempfile.gettempdir()) / "logistics-error.log"
        log.write_text(traceback.format_exc(), encoding="utf-8")
        err_console.print(
            f"内部错误：{type(exc).__name__}: {exc}。"
            "工作簿的写入是原子的：要么完整更新，要么保持原样。"
            f"详情见 {log}，请报告此问题。\n"
            f"Internal error: {type(exc).__name__}: {exc}. Writes are atomic: the workbook is "
            f"either fully updated or unchanged. Details are in {log}; please report this.",
            style="bold red",
        )
        sys.exit(2)
