"""``logistics explain``'s account of the days behind WD(s,m): leave removed, post by period.

SPEC 4.1: leave days leave WD(s,m), and the quantity target sums each working day's post.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from rich.console import Console
from rich.table import Table

from words import word

from .core import schema
from .core.leave import valid_leave
from .core.problems import display
from .core.scoring import MonthScore


def leave_rows(x: MonthScore, tables: dict[str, pd.DataFrame], first: dt.date) -> pd.DataFrame:
    """The person's Leave rows that touch the month ``first`` starts (index: Excel rows)."""
    leave = valid_leave(tables.get("leave"))
    month_end = pd.Timestamp(first) + pd.offsets.MonthEnd(0)
    return leave[
        (leave["staff_id"] == x.staff_id)
        & (leave["start"] <= month_end)
        & (leave["end"] >= pd.Timestamp(first))
    ]


def print_days(
    console: Console, x: MonthScore, tables: dict[str, pd.DataFrame], lang: str, first: dt.date
) -> None:
    """The leave rows of the person in the month and the post of each run of working days."""
    mine = leave_rows(x, tables, first)
    if len(mine):
        types = {c.key: c.label(lang) for c in schema.LEAVE_TYPE}
        table = Table(
            word(lang, "excel_row"),
            word(lang, "leave_table_start"),
            word(lang, "leave_table_end"),
            word(lang, "leave_table_type"),
            title=word(lang, "leave_removed", days=x.leave_days),
        )
        for r, row in mine.iterrows():
            table.add_row(
                str(r), display(row["start"]), display(row["end"]), types.get(row["type"], "")
            )
        console.print(table)
    if len(x.post_periods) > 1:  # one post all month needs no table
        posts = tables.get("posts")
        names: dict[object, object] = {}
        if isinstance(posts, pd.DataFrame):
            names = dict(zip(posts["post_id"], posts["post"], strict=True))
        table = Table(
            word(lang, "working_days"),
            word(lang, "days"),
            word(lang, "post"),
            title=word(lang, "posts_by_day"),
        )
        for p in x.post_periods:
            table.add_row(
                f"{p.first.isoformat()} – {p.last.isoformat()}",
                str(p.days),
                f"{p.post_id} {names.get(p.post_id, '')}",
            )
        console.print(table)
