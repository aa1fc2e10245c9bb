"""``logistics demo``: a fictional school's year, computed end to end, and its report."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rich.console import Console
from rich.progress import Progress

from . import jobs, terminal
from .core.periods import Month, Quarter
from .core.schema import SHEETS
from .demo_data import demo_frames
from .demo_data.pool_school import POOL_SCHOOL, pool_school_frames
from .documents import make_report
from .io.builder import build_workbook
from .io.file_book import FileBook

DEMO_YEAR = 2025
DEMO_AS_OF = dt.date(DEMO_YEAR, 12, 31)  # a closed year: the demo is the same every day
WORKBOOK_NAME = "示例实验小学-后勤考核-2025.xlsm"
POOL_WORKBOOK_NAME = f"{POOL_SCHOOL}-后勤考核-2025.xlsm"  # the same year, paid by pool


def run_demo(out: Path, console: Console) -> Path:
    """Build the demo workbook in ``out`` and run every job on it; return its path."""
    out.mkdir(parents=True, exist_ok=True)
    path = out / WORKBOOK_NAME
    months = [Month(DEMO_YEAR, m) for m in range(1, 13)]
    quarters = [Quarter(DEMO_YEAR, q) for q in range(1, 5)]
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("示例数据 / demo data", total=9)

        def step(description: str) -> None:
            progress.update(task, advance=1, description=description)

        frames = demo_frames(DEMO_YEAR)
        step("生成工作簿 / building the workbook")
        if path.exists():
            path.unlink()  # the demo's own file from an earlier run
        build_workbook(path, "zh", frames, as_of=DEMO_AS_OF)  # later commands count to it
        step("校验 / validating")
        with FileBook.open(path, keep_backups=0) as book:  # its own new file: no backups
            checked = jobs.validate(book, DEMO_AS_OF)
            step("月度考评 / monthly scores")
            scored = jobs.score(book, months, DEMO_AS_OF)
            step("季度汇总 / quarters")
            quarterly = jobs.summary(book, quarters, DEMO_AS_OF)
            step("年终排名 / the year")
            annual = jobs.rank(book, DEMO_YEAR, DEMO_AS_OF)
            step("能耗统计、接待统计 / energy, receptions")
            energy = jobs.energy(book, months, DEMO_AS_OF)
            receptions = jobs.reception(book, months, DEMO_AS_OF)
            step("资产统计与盘点 / property")
            assets = jobs.assets(book, DEMO_AS_OF)
            counted = jobs.inventory(book, DEMO_YEAR, DEMO_AS_OF)
            step("年终考核报告 / year-end report")
            report = make_report(book, "year-end", year=DEMO_YEAR, out_dir=out, as_of=DEMO_AS_OF)
        step("总额分配示例学校 / a school paid by pool")
        pool_path, pool_documents = _pool_school(out, months, quarters)
        step("完成 / done")
    _print_summary(console, path, frames, checked, scored, quarterly, annual, energy)
    _print_receptions(console, receptions)
    _print_property(console, assets, counted)
    for document in report.written:
        console.print(f"年终考核报告：{document}")
    console.print(report.message)
    console.print(
        f"第二所示例学校（{POOL_SCHOOL}，绩效分配方式：总额分配，每月绩效总额和年终绩效总额见"
        f"“绩效总额”表）：{pool_path}"
    )
    for document in pool_documents:
        console.print(f"{POOL_SCHOOL}：{document}")
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
    lang = "zh"
    counts = "，".join(f"{SHEETS[key].zh} {len(frame):,}" for key, frame in frames.items())
    console.rule(f"示例实验小学 {DEMO_YEAR} 年后勤考核（示例）")
    console.print(f"工作簿：{path}")
    console.print(f"录入数据：{counts}")
    errors = sum(p.is_error for p in checked.problems)
    warnings = len(checked.problems) - errors
    console.print(f"校验：错误 {errors} 条，警告 {warnings} 条（见“校验结果”工作表）")
    console.print(
        f"月度考评：{len(scored.months)} 人次；季度汇总：{len(quarterly.periods)} 行；"
        f"年终排名：{len(annual.periods)} 人"
    )
    console.print("年度等级分布：" + terminal.grade_counts(annual.periods, lang))
    console.print(
        terminal.annual_table(annual.periods[:10], lang, f"{DEMO_YEAR} 年终排名（前 10 名）")
    )
    year_end = terminal.year_end_line(annual.periods, lang)
    if year_end:
        console.print(year_end)
    alerts = [r for r in energy.energy if r.alert]
    console.print(terminal.energy_table(alerts, lang, "能耗预警（同比增幅超过阈值）", True))
    console.print(f"已写入：考评、季度汇总、年终排名、能耗统计、接待统计、校验结果 → {path}")


def _print_receptions(console: Console, receptions: jobs.JobResult) -> None:
    """The year's receptions in one line: visits, cost, those with findings, budget use."""
    stats = receptions.receptions
    if not stats:
        return
    last = stats[-1]
    used = "" if last.budget_used is None else f"，预算执行率 {float(last.budget_used):.1f}%"
    console.print(
        f"接待统计：{sum(x.receptions for x in stats)} 批次，费用合计 "
        f"{float(last.year_to_date):,.2f} 元，有问题的接待 {sum(x.flagged for x in stats)} 批次"
        f"{used}"
    )


def _print_property(console: Console, assets: jobs.JobResult, counted: jobs.JobResult) -> None:
    held = sum(s.items for s in assets.asset_stats)
    console.print(
        f"资产统计：截至 {DEMO_AS_OF} 在账资产 {held} 项；"
        f"{DEMO_YEAR} 年盘点：" + terminal.count_summary(counted.count_lines, "zh")
    )
    console.print(
        f"已写入：资产统计、盘点结果（资产盘点报告、资产台账：logistics report 工作簿 "
        f"inventory --year {DEMO_YEAR} / asset-ledger）"
    )
