"""``logistics demo``: a fictional school's year, computed end to end, and its report."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rich.console import Console
from rich.progress import Progress

from words import both, word

from . import jobs, terminal
from .core.periods import Month, Quarter
from .core.schema import SHEETS
from .core.settings import Settings
from .demo_data import demo_frames
from .demo_data.pool_school import POOL_SCHOOL, pool_school_frames
from .documents import make_report
from .io.builder import build_workbook
from .io.file_book import FileBook

DEMO_YEAR = 2025
DEMO_AS_OF = dt.date(DEMO_YEAR, 12, 31)  # a closed year: the demo is the same every day
DEMO_SCHOOL = Settings().school_name  # the demo school keeps the default SchoolName
DEMO_LANG = "zh"  # the demo school's workbook and summary are Chinese
WORKBOOK_NAME = word(DEMO_LANG, "demo_workbook_file", school=DEMO_SCHOOL, year=DEMO_YEAR)
# the same year, paid by pool
POOL_WORKBOOK_NAME = word(DEMO_LANG, "demo_workbook_file", school=POOL_SCHOOL, year=DEMO_YEAR)


def _both(key: str) -> str:
    """A progress step in both languages: the demo's Chinese, and what it means."""
    return " / ".join(both(key))


def run_demo(out: Path, console: Console) -> Path:
    """Build the demo workbook in ``out`` and run every job on it; return its path."""
    out.mkdir(parents=True, exist_ok=True)
    path = out / WORKBOOK_NAME
    months = [Month(DEMO_YEAR, m) for m in range(1, 13)]
    quarters = [Quarter(DEMO_YEAR, q) for q in range(1, 5)]
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task(_both("demo_step_data"), total=9)

        def step(description: str) -> None:
            progress.update(task, advance=1, description=description)

        frames = demo_frames(DEMO_YEAR)
        step(_both("demo_step_build"))
        if path.exists():
            path.unlink()  # the demo's own file from an earlier run
        build_workbook(path, "zh", frames, as_of=DEMO_AS_OF)  # later commands count to it
        step(_both("demo_step_validate"))
        with FileBook.open(path, keep_backups=0) as book:  # its own new file: no backups
            checked = jobs.validate(book, DEMO_AS_OF)
            step(_both("demo_step_score"))
            scored = jobs.score(book, months, DEMO_AS_OF)
            step(_both("demo_step_summary"))
            quarterly = jobs.summary(book, quarters, DEMO_AS_OF)
            step(_both("demo_step_rank"))
            annual = jobs.rank(book, DEMO_YEAR, DEMO_AS_OF)
            step(_both("demo_step_energy"))
            energy = jobs.energy(book, months, DEMO_AS_OF)
            receptions = jobs.reception(book, months, DEMO_AS_OF)
            step(_both("demo_step_property"))
            assets = jobs.assets(book, DEMO_AS_OF)
            counted = jobs.inventory(book, DEMO_YEAR, DEMO_AS_OF)
            step(_both("demo_step_report"))
            report = make_report(book, "year-end", year=DEMO_YEAR, out_dir=out, as_of=DEMO_AS_OF)
        step(_both("demo_step_pool"))
        pool_path, pool_documents = _pool_school(out, months, quarters)
        step(_both("demo_step_done"))
    _print_summary(console, path, frames, checked, scored, quarterly, annual, energy)
    _print_receptions(console, receptions)
    _print_property(console, assets, counted)
    for document in report.written:
        console.print(word(DEMO_LANG, "demo_report_written", path=document))
    console.print(report.message)
    console.print(word(DEMO_LANG, "demo_pool_school", school=POOL_SCHOOL, path=pool_path))
    for document in pool_documents:
        console.print(word(DEMO_LANG, "demo_pool_document", school=POOL_SCHOOL, path=document))
    return path


def _pool_school(out: Path, months: list[Month], quarters: list[Quarter]) -> tuple[Path, list]:
    """The second demo school, paid by pool: computed, with its year-end report and its
    year's pay notice (绩效公示). Returns the workbook and the documents written."""
    path = out / POOL_WORKBOOK_NAME
    if path.exists():
        path.unlink()
    build_workbook(path, "zh", pool_school_frames(DEMO_YEAR), as_of=DEMO_AS_OF)
    written = []
    with FileBook.open(path, keep_backups=0) as book:
        jobs.score(book, months, DEMO_AS_OF)
        jobs.summary(book, quarters, DEMO_AS_OF)
        jobs.rank(book, DEMO_YEAR, DEMO_AS_OF)
        for kind in ("year-end", "pay-notice"):
            done = make_report(book, kind, year=DEMO_YEAR, out_dir=out, as_of=DEMO_AS_OF)
            written += done.written
    return path, written


def _print_summary(
    console: Console,
    path: Path,
    frames: dict,
    checked: jobs.JobResult,
    scored: jobs.JobResult,
    quarterly: jobs.JobResult,
    annual: jobs.JobResult,
    energy: jobs.JobResult,
) -> None:
    lang = DEMO_LANG
    counts = word(lang, "comma_sep").join(
        f"{SHEETS[key].label(lang)} {len(frame):,}" for key, frame in frames.items()
    )
    console.rule(word(lang, "demo_title", school=DEMO_SCHOOL, year=DEMO_YEAR))
    console.print(word(lang, "demo_workbook", path=path))
    console.print(word(lang, "demo_entries", counts=counts))
    errors = sum(p.is_error for p in checked.problems)
    warnings = len(checked.problems) - errors
    console.print(word(lang, "demo_validation", errors=errors, warnings=warnings))
    console.print(
        word(
            lang,
            "demo_results",
            months=len(scored.months),
            quarters=len(quarterly.periods),
            people=len(annual.periods),
        )
    )
    console.print(word(lang, "demo_grades", grades=terminal.grade_counts(annual.periods, lang)))
    top_ten = word(lang, "demo_top_ten", year=DEMO_YEAR)
    console.print(terminal.annual_table(annual.periods[:10], lang, top_ten))
    year_end = terminal.year_end_line(annual.periods, lang)
    if year_end:
        console.print(year_end)
    alerts = [r for r in energy.energy if r.alert]
    console.print(terminal.energy_table(alerts, lang, word(lang, "demo_energy_alerts"), True))
    console.print(word(lang, "demo_sheets_written", path=path))


def _print_receptions(console: Console, receptions: jobs.JobResult) -> None:
    """The year's receptions in one line: visits, cost, those with findings, budget use."""
    stats = receptions.receptions
    if not stats:
        return
    last = stats[-1]
    used = last.budget_used
    budget = "" if used is None else word(DEMO_LANG, "demo_budget_used", used=float(used))
    console.print(
        word(
            DEMO_LANG,
            "demo_receptions",
            visits=sum(x.receptions for x in stats),
            cost=float(last.year_to_date),
            flagged=sum(x.flagged for x in stats),
            budget=budget,
        )
    )


def _print_property(console: Console, assets: jobs.JobResult, counted: jobs.JobResult) -> None:
    held = sum(s.items for s in assets.asset_stats)
    count = terminal.count_summary(counted.count_lines, DEMO_LANG)
    console.print(
        word(DEMO_LANG, "demo_assets", as_of=DEMO_AS_OF, held=held, year=DEMO_YEAR, count=count)
    )
    console.print(word(DEMO_LANG, "demo_property_written", year=DEMO_YEAR))
