"""How results look in a terminal: rich tables in the workbook's language.

Every string printed goes through ``safe_console.SafeConsole.render_str``, the one choke point
where typed text loses escape sequences, control and direction characters (SPEC §7).
Markup and emoji codes are off: a name such as ``[/]`` or ``:x:`` prints as typed;
styles are given with ``style=``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table

from words import word

from .core import outputs, schema
from .core.asset_outputs import asset_stats_rows, count_result_rows
from .core.assets import RESULTS, AssetStat, CountLine, result_label
from .core.energy import MeterMonth
from .core.periods import Month
from .core.problem_order import by_place
from .core.problems import Problem, display
from .core.receptions import ReceptionMonth, reception_stat_rows
from .core.rounding import to_float
from .core.scoring import MonthScore
from .core.summary import PeriodScore
from .explain_days import print_days
from .jobs import Explanation

if TYPE_CHECKING:
    import pandas as pd

MAX_PROBLEMS_SHOWN = 40


def _labels(sheet: schema.Sheet, lang: str) -> list[str]:
    return [c.label(lang) for c in sheet.columns]


def problems_table(problems: list[Problem], lang: str) -> Table:
    """The first ``MAX_PROBLEMS_SHOWN`` problems by sheet, row and column; every cell wraps
    (a message or its list of allowed values is never cut with "…")."""
    sheet = schema.VALIDATION
    table = Table(title=word(lang, "validation_title"), show_lines=False)
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
            console.print(word(lang, "more_on_validation_sheet", hidden=hidden))
    console.print(
        word(lang, "errors_warnings", errors=errors, warnings=warnings),
        style="bold red" if errors else "bold green",
    )
    if errors:
        console.print(word(lang, "nothing_computed_because_errors"))


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
            word(lang, "input_warnings_line", count=len(inputs), sheet=sheet), style="yellow"
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
    cells = [[_number(row[i], sheet.columns[i]) for i in keep] for row in rows]
    for j, i in enumerate(keep):
        column = sheet.columns[i]
        if _whole(column):  # an ID or a figure split over two lines reads as two
            width = max((cell_len(line[j]) for line in cells), default=0)
            table.add_column(column.label(lang), overflow="fold", min_width=width)  # header wraps
        else:
            table.add_column(column.label(lang), overflow="fold")
    for line in cells:
        table.add_row(*line)
    return table


def _whole(column: schema.Column) -> bool:
    """Columns never folded when the terminal is narrow: IDs, dates, months and figures."""
    kinds = (schema.Kind.INT, schema.Kind.NUMBER, schema.Kind.DATE)
    return column.kind in kinds or column.key.endswith("_id") or column.key in ("id", "month")


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
    """``logistics explain``: a person's score of a month (SPEC 4.2), what each component came
    from, the working days, and the rows behind it; or why the person has no score."""
    lang, x = ex.lang, ex.score
    if x is None:
        console.print(
            word(lang, "not_scored_in_month", staff_id=staff_id, month=month),
            style="yellow",
        )
        return
    s = word(
        lang, "person_month_heading", staff_id=x.staff_id, name=x.name, post=x.post, month=x.month
    )
    console.print(s + "  " + word(lang, "as_of_date", date=ex.as_of), style="bold")
    console.print(_breakdown_table(x, lang))
    print_days(console, x, ex.tables, lang, Month.parse(x.month).first)
    _print_evidence(console, x, ex.tables, lang)


def _breakdown_table(x: MonthScore, lang: str) -> Table:
    """Each component's points and how they came about, then the total, grade, rank and pay."""
    summary = Table(
        word(lang, "component"),
        word(lang, "score"),
        word(lang, "how"),
        title=word(lang, "score_breakdown"),
    )

    summary.add_row(
        word(lang, "log_score"),
        f"{to_float(x.log_score):.1f}",
        word(lang, "how_log", log_days=x.log_days, workdays=x.workdays),
    )
    summary.add_row(
        word(lang, "quantity_score"),
        f"{to_float(x.quantity_score):.1f}",
        _quantity_how(x, lang),
    )
    summary.add_row(
        word(lang, "quality_score"),
        f"{to_float(x.quality_score):.1f}",
        word(lang, "how_quality", points=f"{float(x.inspection_points):+g}"),
    )
    summary.add_row(
        word(lang, "timeliness_score"),
        f"{to_float(x.timeliness_score):.1f}",
        word(lang, "how_timeliness", credits=f"{float(x.credits):g}", items=x.items),
    )
    summary.add_row(
        word(lang, "total"),
        f"{float(x.total):.1f}",
        f"{outputs.grade_label(x.grade, lang)} · {word(lang, 'rank_word')} {x.rank}"
        f" · {word(lang, 'pay_word')} {'' if x.pay is None else f'{float(x.pay):.2f}'}",
    )
    return summary


def _quantity_how(x: MonthScore, lang: str) -> str:
    """How the 数量分 came about: units over the target, and how the target was prorated."""
    return word(
        lang,
        "how_quantity_posts" if len(x.post_periods) > 1 else "how_quantity",
        units=f"{float(x.units):g}",
        target=f"{float(x.target):.2f}",
        workdays=x.workdays,
        full=x.full_workdays,
    )


def _print_evidence(
    console: Console, x: MonthScore, tables: Mapping[str, pd.DataFrame], lang: str
) -> None:
    """A table per sheet of the rows the score counted (logs, inspections, requests …)."""
    for key in ("logs", "inspections", "requests", "meetings", "plans"):
        rows = x.evidence.get(key, [])
        if not rows:
            continue
        sheet = schema.SHEETS[key]
        frame = tables[key]
        columns = [c for c in sheet.columns if c.key != "staff_id"]  # the person is known
        table = Table(title=word(lang, "rows_behind", sheet=sheet.label(lang), n=len(rows)))
        for label in (word(lang, "excel_row"), *(c.label(lang) for c in columns)):
            table.add_column(label, overflow="fold")
        for r in rows:
            values = frame.loc[r]
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
    return word(lang, "year_end_pay_line", paid=len(paid), total=total)
