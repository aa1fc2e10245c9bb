"""How results look in a terminal: rich tables in the workbook's language.

Every string printed goes through ``SafeConsole.render_str``, the one choke point where typed
text loses escape sequences, control and direction characters (SPEC §7). Markup and emoji
codes are off: a name such as ``[/]`` or ``:x:`` prints as typed; styles are given with
``style=``.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Iterable
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .core import outputs, schema
from .core.asset_outputs import asset_stats_rows, count_result_rows
from .core.assets import RESULTS, AssetStat, CountLine, result_label
from .core.energy import MeterMonth
from .core.periods import Month
from .core.problem_order import by_place
from .core.problems import Problem, display
from .core.receptions import ReceptionMonth, reception_stat_rows
from .core.rounding import to_float
from .core.safe_text import terminal_text
from .core.scoring import MonthScore
from .core.summary import PeriodScore
from .explain_days import print_days
from .jobs import Explanation

MAX_PROBLEMS_SHOWN = 40


class SafeConsole(Console):
    """A rich Console that never prints a control or direction character from typed text."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("markup", False)
        kwargs.setdefault("emoji", False)
        super().__init__(**kwargs)

    def render_str(self, text: str, **kwargs: Any) -> Text:
        # Every str the console prints passes here: print() arguments, table cells, titles.
        return super().render_str(terminal_text(text), **kwargs)

    def print(self, *objects: Any, **kwargs: Any) -> None:
        """Print; a table's cells wrap rather than end in "…" (a message, the allowed values
        of a column, a path: the clerk needs all of it, at any terminal width)."""
        for table in objects:
            if isinstance(table, Table):
                fold(table)
        super().print(*objects, **kwargs)

    def on_broken_pipe(self) -> None:
        """The reader stopped reading (``logistics … | head -1``): end quietly with 141, as
        a Unix tool ended by SIGPIPE does (128 + 13), not with 1, which here means
        validation errors. The job's work on the workbook was done before printing."""
        self.quiet = True
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, (sys.stderr if self.stderr else sys.stdout).fileno())
        raise SystemExit(BROKEN_PIPE_EXIT)


BROKEN_PIPE_EXIT = 141


def fold(table: Table) -> Table:
    """``table`` with every column that would cut its text with "…" folding it instead."""
    for column in table.columns:
        if column.overflow == "ellipsis":
            column.overflow = "fold"
    return table


def t(lang: str, zh: str, en: str) -> str:
    return zh if lang == "zh" else en


def _labels(sheet: schema.Sheet, lang: str) -> list[str]:
    return [c.label(lang) for c in sheet.columns]


def problems_table(problems: list[Problem], lang: str) -> Table:
    """The first ``MAX_PROBLEMS_SHOWN`` problems by sheet, row and column; every cell wraps
    (a message or its list of allowed values is never cut with "…")."""
    sheet = schema.VALIDATION
    table = Table(title=t(lang, "校验结果", "Validation"), show_lines=False)
    for label in _labels(sheet, lang):
        table.add_column(label, overflow="fold")
    shown = by_place(problems)[:MAX_PROBLEMS_SHOWN]
    for row in outputs.validation_rows(shown, lang):
        style = "red" if row[4] == schema.SEVERITY[0].label(lang) else "yellow"
        table.add_row(*("" if v is None else str(v) for v in row), style=style)
    return table


def print_problems(
    console: Console,
    problems: list[Problem],
    lang: str,
    *,
    checked: int | None = None,
    topic: str | None = None,
) -> None:
    """The validation table once, then the counts; what to do when errors block.

    ``checked``: how many of ``problems`` (the first ones) came from checking the input
    sheets. ``None`` (``logistics validate``, or a job blocked by errors) lists them all. A
    job that ran (score, rank, energy …) lists only its own findings (a month without logs,
    a missing pool) and counts the input's warnings in one line that points to the
    Validation sheet: they were listed by ``validate`` and are not printed again before
    every result. ``topic``: a sheet key whose warnings are the job's subject (the
    reception command's findings), listed with the job's own.
    """
    errors = sum(p.is_error for p in problems)
    if checked is not None and not errors:
        _print_job_problems(console, problems, lang, checked, topic)
        return
    warnings = len(problems) - errors
    if problems:
        console.print(problems_table(problems, lang))
        hidden = len(problems) - MAX_PROBLEMS_SHOWN
        if hidden > 0:
            console.print(
                t(
                    lang,
                    f"……另有 {hidden} 条，见“校验结果”工作表。",
                    f"... {hidden} more on the Validation sheet.",
                )
            )
    console.print(
        t(
            lang,
            f"错误 {errors} 条，警告 {warnings} 条。",
            f"{errors} error(s), {warnings} warning(s).",
        ),
        style="bold red" if errors else "bold green",
    )
    if errors:
        console.print(
            t(
                lang,
                "有错误时不计算结果，只更新“校验结果”工作表。请改正后重新运行。",
                "Nothing was computed because of the errors; only the Validation "
                "sheet was updated. Correct them and run again.",
            )
        )


def _print_job_problems(
    console: Console, problems: list[Problem], lang: str, checked: int, topic: str | None
) -> None:
    # Shown: this run's own findings, those about the result sheets it writes (a renamed
    # copy of one) and those of its topic; counted: the other input sheets' warnings.
    def shown(p: Problem) -> bool:
        sheet = schema.SHEETS.get(p.sheet)
        return p.sheet == topic or (sheet is not None and sheet.owned)

    inputs = [p for p in problems[:checked] if not shown(p)]
    own = [p for p in problems[:checked] if shown(p)] + problems[checked:]
    if own:
        console.print(problems_table(own, lang))
    if inputs:
        sheet = schema.VALIDATION.label(lang)
        console.print(
            t(
                lang,
                f"输入校验：警告 {len(inputs)} 条，已列在“{sheet}”工作表"
                "（logistics validate 可在此列出）。",
                f"Input checks: {len(inputs)} warning(s), listed on the {sheet} sheet "
                "(logistics validate lists them here).",
            ),
            style="yellow",
        )


# Columns a terminal can spare (the sheet has them all; ``explain`` breaks a score down).
OMITTED_IN_TERMINAL = {
    "coef",
    "log_score",
    "quantity_score",
    "quality_score",
    "timeliness_score",
    "year_end_pay",  # 年终绩效: a line under the ranking gives its total
}


def _table(
    sheet: schema.Sheet,
    lang: str,
    rows: Iterable[list[object]],
    title: str,
    with_period: bool = False,
) -> Table:
    """The rows, wrapped, not cut; without their period column unless the title lacks it."""
    first = 0 if with_period else 1
    keep = [
        i for i, c in enumerate(sheet.columns) if i >= first and c.key not in OMITTED_IN_TERMINAL
    ]
    table = Table(title=title)
    for i in keep:
        table.add_column(sheet.columns[i].label(lang), overflow="fold")
    for row in rows:
        table.add_row(*(_number(row[i], sheet.columns[i]) for i in keep))
    return table


def _number(value: object, column: schema.Column) -> str:
    """A figure as the sheet's number format shows it: money with two decimals, a score or
    percentage with one ("95.0", never "95" beside "95.1"), a use with one or two."""
    if value is None:
        return ""
    if isinstance(value, float | int) and not isinstance(value, bool):
        match column.num_format:
            case schema.PAY_FMT | schema.MONEY_FMT:
                return f"{value:,.2f}"
            case schema.SCORE_FMT:
                return f"{value:.1f}"
            case "0.00":
                return f"{value:.2f}"
            case "0.##":  # at least one decimal, and the hundredths a reading may have
                text = f"{value:.2f}"
                return text[:-1] if text.endswith("0") else text
        if isinstance(value, float):
            return f"{value:g}"
    return str(value)


def scores_table(scores: list[MonthScore], lang: str, title: str) -> Table:
    return _table(schema.SCORES, lang, outputs.score_rows(scores, lang), title)


def quarter_table(rows: list[PeriodScore], lang: str, title: str) -> Table:
    return _table(schema.QUARTERLY, lang, outputs.quarter_rows(rows, lang), title)


def annual_table(rows: list[PeriodScore], lang: str, title: str) -> Table:
    return _table(schema.ANNUAL, lang, outputs.annual_rows(rows, lang), title)


def energy_table(rows: list[MeterMonth], lang: str, title: str, with_period: bool = False) -> Table:
    return _table(schema.ENERGY_STATS, lang, outputs.energy_rows(rows, lang), title, with_period)


def reception_table(rows: list[ReceptionMonth], lang: str, title: str) -> Table:
    """ReceptionStats turned on its side (a column per month): twelve money columns side by
    side would wrap every number in a terminal."""
    sheet = schema.RECEPTION_STATS
    values = reception_stat_rows(rows)
    table = Table(title=title)
    table.add_column(sheet.columns[0].label(lang))
    for row in values:
        table.add_column(str(row[0]), justify="right")
    for i, column in enumerate(sheet.columns[1:], start=1):
        table.add_row(column.label(lang), *(_number(row[i], column) for row in values))
    return table


def grade_counts(rows: Iterable[MonthScore | PeriodScore], lang: str) -> str:
    counts = Counter(r.grade for r in rows)
    return "  ".join(
        f"{outputs.grade_label(g.key, lang)} {counts.get(g.key, 0)}" for g in schema.GRADES
    )


def print_explanation(console: Console, ex: Explanation, staff_id: str, month: str) -> None:
    lang, x = ex.lang, ex.score
    if x is None:
        console.print(
            t(
                lang,
                f"{staff_id} 在 {month} 没有考评（无工作日、全月请假、未入职或工号不存在）。",
                f"{staff_id} is not scored in {month} (no working days, on leave all "
                f"month, not employed then, or an unknown StaffID).",
            ),
            style="yellow",
        )
        return
    s = t(
        lang,
        f"{x.staff_id} {x.name}（{x.post}）{x.month}",
        f"{x.staff_id} {x.name} ({x.post}) {x.month}",
    )
    console.print(s + "  " + t(lang, f"截止 {ex.as_of}", f"as of {ex.as_of}"), style="bold")
    summary = Table(
        t(lang, "项目", "Component"),
        t(lang, "得分", "Score"),
        t(lang, "计算依据", "How"),
        title=t(lang, "得分构成", "Score breakdown"),
    )

    summary.add_row(
        t(lang, "日志分", "LogScore"),
        f"{to_float(x.log_score):.1f}",
        t(
            lang,
            f"有日志的工作日 {x.log_days} / 应出勤工作日 {x.workdays}",
            f"{x.log_days} working days with a log / {x.workdays} working days",
        ),
    )
    summary.add_row(
        t(lang, "数量分", "QuantityScore"),
        f"{to_float(x.quantity_score):.1f}",
        t(
            lang,
            f"完成数量 {float(x.units):g} / 目标 {float(x.target):.2f}"
            + (
                f"（各工作日所在岗位的月目标之和 ÷ {x.full_workdays}）"
                if len(x.post_periods) > 1
                else f"（月目标 × {x.workdays}/{x.full_workdays}）"
            ),
            f"units {float(x.units):g} / target {float(x.target):.2f} "
            + (
                f"(the monthly targets of each working day's post, summed, ÷ {x.full_workdays})"
                if len(x.post_periods) > 1
                else f"(monthly target × {x.workdays}/{x.full_workdays})"
            ),
        ),
    )
    summary.add_row(
        t(lang, "质量分", "QualityScore"),
        f"{to_float(x.quality_score):.1f}",
        t(
            lang,
            f"满分加检查加减分 {float(x.inspection_points):+g}，限于 0 至满分",
            f"maximum plus inspection points {float(x.inspection_points):+g}, "
            f"clamped to 0..maximum",
        ),
    )
    summary.add_row(
        t(lang, "时效分", "TimelinessScore"),
        f"{to_float(x.timeliness_score):.1f}",
        t(
            lang,
            f"得分项 {float(x.credits):g} / 到期事项 {x.items}",
            f"credits {float(x.credits):g} / items due {x.items}",
        ),
    )
    summary.add_row(
        t(lang, "总分", "Total"),
        f"{float(x.total):.1f}",
        f"{outputs.grade_label(x.grade, lang)} · {t(lang, '名次', 'rank')} {x.rank}"
        f" · {t(lang, '绩效工资', 'pay')} {'' if x.pay is None else f'{float(x.pay):.2f}'}",
    )
    console.print(summary)
    print_days(console, x, ex.tables, lang, Month.parse(x.month).first)
    for key in ("logs", "inspections", "requests", "meetings", "plans"):
        rows = x.evidence.get(key, [])
        if not rows:
            continue
        sheet = schema.SHEETS[key]
        frame = ex.tables[key]
        columns = [c for c in sheet.columns if c.key != "staff_id"]  # the person is known
        table = Table(
            title=t(lang, f"{sheet.zh}（{len(rows)} 行）", f"{sheet.en} ({len(rows)} rows)")
        )
        for label in (t(lang, "行", "Row"), *(c.label(lang) for c in columns)):
            table.add_column(label, overflow="fold")
        for r in rows:
            values = frame.loc[r]  # type: ignore[attr-defined]
            table.add_row(str(r), *(_cell(values[c.key], c, lang) for c in columns))
        console.print(table)


def _cell(value: object, column: schema.Column, lang: str) -> str:

    if value is None or (isinstance(value, float) and value != value):
        return ""
    if column.kind is schema.Kind.BOOL:
        return schema.yes_no_label(bool(value), lang)
    if column.kind is schema.Kind.CHOICE:
        return next((c.label(lang) for c in column.choices if c.key == value), str(value))
    return display(value)


def asset_stats_table(rows: list[AssetStat], lang: str, title: str) -> Table:
    return _table(schema.ASSET_STATS, lang, asset_stats_rows("", rows, lang), title)


def count_result_table(lines: list[CountLine], lang: str, title: str) -> Table:
    """The rows that need attention (all but 相符), at most MAX_PROBLEMS_SHOWN of them."""
    shown = [x for x in lines if x.results != ("match",)][:MAX_PROBLEMS_SHOWN]
    return _table(schema.COUNT_RESULT, lang, count_result_rows(0, shown, lang), title)


def count_summary(lines: list[CountLine], lang: str) -> str:
    """How many rows carry each 结果: 相符 250  盘亏 3 …"""
    counts = Counter(key for x in lines for key in x.results)
    return "  ".join(
        f"{result_label((key,), lang)} {counts[key]}" for key in RESULTS if counts.get(key)
    )


def year_end_line(rows: list[PeriodScore], lang: str) -> str | None:
    """年终绩效 in one line (the Annual sheet has it per person), or None without a pool."""
    paid = [r.year_end_pay for r in rows if r.year_end_pay is not None]
    if not paid:
        return None
    total = f"{float(sum(paid)):,.2f}"
    return t(
        lang,
        f"年终绩效：{len(paid)} 人，合计 {total} 元（每人金额见“年终排名”工作表）。",
        f"Year-end pay: {len(paid)} people, {total} yuan in all (each on the Annual sheet).",
    )
