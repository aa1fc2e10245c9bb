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
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from . import interrupt
from .cli_help import HelpGroup
from .core.errors import LogisticsError
from .core.periods import Month, Quarter
from .core.safe_text import terminal_text
from .core.schema import SHEETS
from .lazy_import import lazy_module
from .safe_console import SafeConsole

if TYPE_CHECKING:
    from . import batch, jobs, terminal
    from .io import file_book, read_ahead
else:  # loaded when a command runs: `logistics --help` needs none of them (nor pandas)
    batch = lazy_module("logistics.batch")
    read_ahead = lazy_module("logistics.io.read_ahead")
    jobs = lazy_module("logistics.jobs")
    terminal = lazy_module("logistics.terminal")
    file_book = lazy_module("logistics.io.file_book")
from words import LANGS, both, pick, word

app = typer.Typer(
    name="logistics",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    cls=HelpGroup,  # commands in a new user's order, never cut, in the locale's language
)
console = SafeConsole()
err_console = SafeConsole(stderr=True)


def _print_version(asked: bool) -> None:
    if asked:
        from importlib.metadata import version  # 10 ms: only for --version

        console.print(f"logistics {version('school-logistics')}")
        raise typer.Exit()


@app.callback()
def _common(
    version: Annotated[
        bool, typer.Option("--version", callback=_print_version, is_eager=True)
    ] = False,
) -> None:
    """Options that come before the command (SPEC 6: ``logistics --version``)."""


def _month(text: str) -> Month:
    try:
        return Month.parse(text)
    except ValueError:
        raise typer.BadParameter(word("en", "bad_month_option", text=terminal_text(text))) from None


def _quarter(text: str) -> Quarter:
    try:
        return Quarter.parse(text)
    except ValueError:
        raise typer.BadParameter(
            word("en", "bad_quarter_option", text=terminal_text(text))
        ) from None


def _date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(word("en", "bad_date_option", text=terminal_text(text))) from None


Workbook = Annotated[Path, typer.Argument(show_default=False)]
WorkbookOrFolder = Annotated[
    Path,
    typer.Argument(
        show_default=False,
    ),
]
Workers = Annotated[
    int | None,
    typer.Option(
        "--workers",
        min=1,
    ),
]
AsOf = Annotated[
    str | None,
    typer.Option(
        "--as-of",
    ),
]


def _run_job(
    path: Path,
    job: Callable[[file_book.FileBook], jobs.JobResult],
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
    try:  # the package is scanned and parsed ahead while the jobs (pandas) load
        with read_ahead.ahead(path), file_book.FileBook.open(path, writes=writes) as book:
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
    written = word(result.lang, "list_sep").join(labels)
    console.print(word(result.lang, "sheets_written", written=written))
    if book.backup is not None:
        console.print(
            word(result.lang, "backed_up_to", backup=book.backup),
            style="dim",
        )


def _say_unwritten(book: file_book.FileBook, lang: str) -> None:
    labels = [SHEETS[key].label(lang) for key in book.unwritten]
    sheets = word(lang, "list_sep").join(labels)
    console.print(
        word(lang, "results_not_written_read_only", sheets=sheets),
        style="yellow",
    )


def _cannot_write(path: Path, exc: OSError) -> NoReturn:
    err_console.print(
        "\n".join(both("cannot_write_choose_folder", path=path, error=exc.strerror or exc)),
        style="bold red",
    )
    raise typer.Exit(2)


def _fail(exc: LogisticsError) -> None:
    # The workbook's language is not known when it cannot be opened: say it in both.
    err_console.print(exc.message("zh"), style="bold red")
    err_console.print(exc.message("en"), style="red")
    raise typer.Exit(exc.exit_code)


def _run_folder(folder: Path, task: batch.Task, workers: int | None) -> NoReturn:
    """Run ``task`` on every workbook in ``folder``; print a row per workbook; exit with the
    worst code (0 all done, 1 a workbook has errors, 2 one could not be run)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from .folder_table import folder_lang, folder_line, folder_table

    paths = batch.workbooks_in(folder)
    if not paths:
        said = [word(lang, "folder_no_workbooks", folder=folder) for lang in LANGS]
        err_console.print("\n".join(said), style="bold red")
        raise typer.Exit(2)
    outcomes = []
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    runs = batch.run_many(paths, task, workers or batch.default_workers(len(paths)))
    try:
        with Progress(*columns, console=err_console, transient=True) as progress, closing(runs):
            bar = progress.add_task(folder.name or str(folder), total=len(paths))
            for outcome in runs:
                outcomes.append(outcome)
                progress.update(bar, advance=1, description=outcome.path.name)
    except interrupt.Interrupted:  # what was done is listed; the rest was not begun
        if not outcomes:
            interrupt.exit_interrupted()
        lang = folder_lang(outcomes)
        console.print(folder_table(outcomes, task.kind, lang, str(folder)))
        interrupt.exit_interrupted(
            word(lang, "folder_interrupted", done=len(outcomes), total=len(paths))
        )
    lang = folder_lang(outcomes)
    console.print(folder_table(outcomes, task.kind, lang, str(folder)))
    console.print(folder_line(outcomes, lang))
    raise typer.Exit(max(o.code for o in outcomes))


@app.command()
def validate(workbook: WorkbookOrFolder, as_of: AsOf = None, workers: Workers = None) -> None:
    if workbook.is_dir():
        _run_folder(workbook, batch.Task("validate", _date(as_of)), workers)
    _run_job(
        workbook,
        lambda b: jobs.validate(b, _date(as_of)),
        lambda r: None,
        writes=False,
        job_is_checking=True,
    )


@app.command()
def score(
    workbook: WorkbookOrFolder,
    month: Annotated[str | None, typer.Option()] = None,
    all_months: Annotated[bool, typer.Option("--all")] = False,
    as_of: AsOf = None,
    workers: Workers = None,
) -> None:
    if (month is None) == (not all_months):
        raise typer.BadParameter(word("en", "month_or_all"))
    months = None if all_months else [_month(month or "")]
    if workbook.is_dir():
        task = batch.Task("score", _date(as_of), None if months is None else tuple(months))
        _run_folder(workbook, task, workers)

    def show(r: jobs.JobResult) -> None:
        by_month: dict[str, list] = {}
        for x in r.months:
            by_month.setdefault(x.month, []).append(x)
        for label, scores in by_month.items():
            if months is not None:
                console.print(terminal.scores_table(scores, r.lang, label))
            console.print(
                f"{label}: {len(scores)} "
                + word(r.lang, "people")
                + "  "
                + terminal.grade_counts(scores, r.lang)
            )

    _run_job(workbook, lambda b: jobs.score(b, months, _date(as_of)), show)


@app.command()
def summary(
    workbook: Workbook,
    quarter: Annotated[str, typer.Option()],
    as_of: AsOf = None,
) -> None:
    q = _quarter(quarter)
    _run_job(
        workbook,
        lambda b: jobs.summary(b, [q], _date(as_of)),
        lambda r: console.print(terminal.quarter_table(r.periods, r.lang, q.label)),
    )


@app.command()
def rank(
    workbook: WorkbookOrFolder,
    year: Annotated[int, typer.Option()],
    as_of: AsOf = None,
    workers: Workers = None,
) -> None:
    if workbook.is_dir():
        _run_folder(workbook, batch.Task("rank", _date(as_of), year=year), workers)

    def show(r: jobs.JobResult) -> None:
        console.print(terminal.annual_table(r.periods, r.lang, str(year)))
        line = terminal.year_end_line(r.periods, r.lang)
        if line:
            console.print(line)

    _run_job(workbook, lambda b: jobs.rank(b, year, _date(as_of)), show)


@app.command()
def energy(
    workbook: Workbook,
    month: Annotated[str, typer.Option()],
    as_of: AsOf = None,
) -> None:
    m = _month(month)
    _run_job(
        workbook,
        lambda b: jobs.energy(b, [m], _date(as_of)),
        lambda r: console.print(terminal.energy_table(r.energy, r.lang, m.label)),
    )


@app.command()
def reception(
    workbook: Workbook,
    month: Annotated[str, typer.Option()],
    as_of: AsOf = None,
) -> None:
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

    def show(r: jobs.JobResult) -> None:
        title = word(r.lang, "assets_held", as_of=r.as_of)
        console.print(terminal.asset_stats_table(r.asset_stats, r.lang, title))

    _run_job(workbook, lambda b: jobs.assets(b, _date(as_of)), show)


@app.command()
def inventory(
    workbook: Workbook,
    year: Annotated[int, typer.Option()],
    as_of: AsOf = None,
) -> None:
    if not 1900 <= year <= 9999:
        raise typer.BadParameter(word("en", "bad_year_option", year=year))

    def show(r: jobs.JobResult) -> None:
        if not r.count_lines:  # a year without Counts rows: the warning says so
            return
        title = word(r.lang, "count_to_act_on", year=year)
        console.print(terminal.count_result_table(r.count_lines, r.lang, title))
        console.print(terminal.count_summary(r.count_lines, r.lang))

    _run_job(workbook, lambda b: jobs.inventory(b, year, _date(as_of)), show)


@app.command()
def explain(
    workbook: Workbook,
    staff: Annotated[str, typer.Option()],
    month: Annotated[str, typer.Option()],
    as_of: AsOf = None,
) -> None:
    m = _month(month)
    try:
        with read_ahead.ahead(workbook), file_book.FileBook.open(workbook, writes=False) as book:
            ex = jobs.explain(book, staff, m, _date(as_of))
    except LogisticsError as exc:
        _fail(exc)
    errors = [p for p in ex.problems if p.is_error]
    if errors:
        console.print(terminal.problems_table(errors, ex.lang))
        console.print(
            word(ex.lang, "errors_warning"),
            style="yellow",
        )
    terminal.print_explanation(console, ex, staff, m.label)


@app.command()
def report(
    workbook: Workbook,
    kind: Annotated[
        str,
        typer.Argument(
            show_default=False,
        ),
    ],
    month: Annotated[str | None, typer.Option()] = None,
    year: Annotated[int | None, typer.Option()] = None,
    meeting: Annotated[str | None, typer.Option()] = None,
    reception: Annotated[str | None, typer.Option()] = None,
    out: Annotated[Path, typer.Option()] = Path("."),
    pdf: Annotated[bool, typer.Option("--pdf/--no-pdf")] = True,
    as_of: AsOf = None,
    templates: Annotated[
        Path | None,
        typer.Option(
            show_default=False,
        ),
    ] = None,
) -> None:
    if month is not None:
        _month(month)
    try:  # documents go to --out; the package is scanned ahead while their engine loads
        with read_ahead.ahead(workbook), file_book.FileBook.open(workbook, writes=False) as book:
            from .documents import make_report

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
    path: Annotated[Path, typer.Argument()],
    lang: Annotated[str, typer.Option()] = "zh",
) -> None:
    from .io.builder import build_workbook

    if lang not in ("zh", "en"):
        raise typer.BadParameter(word("en", "lang_zh_or_en"))
    if not path.suffix:  # "logistics new 2026" means a workbook, with its buttons
        path = path.with_name(path.name + ".xlsm")
    if path.suffix.lower() not in (".xlsm", ".xlsx"):
        err_console.print(word(lang, "new_not_a_workbook_name", path=path), style="bold red")
        raise typer.Exit(2)
    if path.exists():
        err_console.print(
            word(lang, "exists_choose_another", path=path),
            style="bold red",
        )
        raise typer.Exit(2)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        build_workbook(path, lang, build_date=dt.date.today())  # this month first, SPEC §3.1
    except OSError as exc:
        _cannot_write(path, exc)
    console.print(word(lang, "created_path", path=path))


@app.command("build-workbook")
def build_workbook_command(
    lang: Annotated[str, typer.Option()] = "zh",
    out: Annotated[Path | None, typer.Option()] = None,
) -> None:
    from .io.builder import build_workbook

    if lang not in ("zh", "en"):
        raise typer.BadParameter(word("en", "lang_zh_or_en"))
    path = out or Path("workbook") / pick(lang, "logistics.xlsm", "logistics-en.xlsm")
    if path.suffix.lower() != ".xlsm":
        raise typer.BadParameter(word("en", "out_must_be_xlsm"))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        build_workbook(path, lang)
    except OSError as exc:
        _cannot_write(path, exc)
    console.print(word(lang, "built_path", path=path))


@app.command("excel-setup")
def excel_setup_command(workbook: Workbook) -> None:
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
    out: Annotated[Path, typer.Option()] = Path("logistics-demo"),
) -> None:
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
    workbook: Annotated[Path | None, typer.Argument(show_default=False)] = None,
    lang: Annotated[str, typer.Option()] = "zh",
) -> None:
    from .doctor import jobs_ready, run_checks, verdict
    from .doctor.table import doctor_table

    if lang not in ("zh", "en"):
        raise typer.BadParameter(word("en", "lang_zh_or_en"))
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
    path: Annotated[Path, typer.Argument(show_default=False)] = Path("."),
    out: Annotated[Path | None, typer.Option()] = None,
    lang: Annotated[str, typer.Option()] = "zh",
) -> None:
    from .launcher import write_launcher

    if lang not in ("zh", "en"):
        raise typer.BadParameter(word("en", "lang_zh_or_en"))
    try:
        written = write_launcher(path, out, lang)
    except LogisticsError as exc:
        err_console.print(exc.message(lang), style="bold red", markup=False, highlight=False)
        raise typer.Exit(exc.exit_code) from None
    console.print(
        word(lang, "launcher_written", written=written),
        markup=False,
        highlight=False,
    )


@app.command("app")
def app_command(
    path: Annotated[Path, typer.Argument()] = Path("."),
    host: Annotated[str, typer.Option()] = "127.0.0.1",
    port: Annotated[int, typer.Option()] = 0,
    no_browser: Annotated[bool, typer.Option("--no-browser")] = False,
) -> None:
    from .workbench.server import serve

    try:
        serve(path, host, port, open_browser=not no_browser, console=console)
    except LogisticsError as exc:
        _fail(exc)
    except KeyboardInterrupt:
        pass


templates_app = typer.Typer(
    no_args_is_help=True,
    cls=HelpGroup,
)
app.add_typer(templates_app, name="templates")


@templates_app.command("export")
def templates_export(
    folder: Annotated[Path, typer.Argument()],
) -> None:
    from reports.template_files import export_templates

    try:
        done = export_templates(folder)
    except OSError as exc:
        err_console.print(
            "\n".join(both("cannot_write_error", path=folder, error=exc.strerror or exc)),
            style="bold red",
        )
        raise typer.Exit(2) from None
    for path in done.written:
        console.print(str(path))
    for path in done.kept:
        console.print(" / ".join(both("kept_as_it_is")) + f": {path}", style="yellow")


def main() -> None:
    """The console script: never a traceback for the user, whatever went wrong."""
    interrupt.install()
    warnings.showwarning = _show_warning
    try:
        app()
    except (interrupt.Interrupted, KeyboardInterrupt):
        interrupt.exit_interrupted()
    except SystemExit:
        if interrupt.came():  # a Ctrl+C whose exception was lost on the way: still 130
            interrupt.exit_interrupted()
        raise
    except Exception as exc:  # a bug, not bad input: say so briefly, keep the details apart
        if interrupt.came():  # an import Ctrl+C cut short, not a bug
            interrupt.exit_interrupted()
        log = Path(tempfile.gettempdir()) / "logistics-error.log"
        log.write_text(traceback.format_exc(), encoding="utf-8")
        err_console.print(
            "\n".join(both("internal_error_cli", error=f"{type(exc).__name__}: {exc}", log=log)),
            style="bold red",
        )
        sys.exit(2)
