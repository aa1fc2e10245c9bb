"""The context of 岗位责任状, one person's responsibility contract (``contract_tpl.docx``)."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from logistics.core.dataset import Dataset
from logistics.core.periods import year_months
from logistics.core.rounding import round_half_up
from logistics.core.scoring import GRADE_KEYS, coef_of
from logistics.core.settings import exact
from words import word

from . import formatting as f
from .context import Context

_ITEM_END = re.compile(r"[；;。\n]+")


def items(text: str) -> list[str]:
    """A standard typed as one cell, split into its clauses (at ；;。 and line breaks); a blank
    standard is one line to fill in by hand (SPEC §5: never a placeholder word)."""
    parts = [p.strip(" ，,、\t") for p in _ITEM_END.split(text)]
    return [p for p in parts if p] or [f.FILL_LONG]


def term_start(first: dt.date, start: dt.date | None) -> dt.date:
    """The contract's term starts at the later of the year's first day and the person's
    入职日期 (SPEC §5)."""
    return first if start is None else max(first, start)


def active_staff(ds: Dataset, on: dt.date) -> pd.DataFrame:
    """People employed on ``on``: started by then and not yet left."""
    staff = ds.tables["staff"].dropna(subset=["staff_id", "start_date"])
    day = pd.Timestamp(on)
    active = (staff["start_date"] <= day) & (staff["end_date"].isna() | (staff["end_date"] >= day))
    return staff[active].drop_duplicates("staff_id").sort_values("staff_id", kind="stable")


def contract_context(ds: Dataset, person: pd.Series, year: int, lang: str) -> Context:
    """``person``: one row of the typed Staff table."""
    s = ds.settings
    posts = ds.tables["posts"].dropna(subset=["post_id"]).drop_duplicates("post_id")
    post = posts[posts["post_id"] == person["post_id"]]
    p = post.iloc[0] if len(post) else pd.Series(dtype=object)
    months = year_months(year, s.year_start_month)
    first, last = months[0].first, months[-1].last
    no_base = f.is_blank(person["pay_base"])
    pay_base = exact(0 if no_base else person["pay_base"])
    hours = p.get("time_limit_hours")
    target = p.get("monthly_target")
    bands = {
        "excellent": f"≥ {f.number(s.excellent_min)}",
        "good": f"{f.number(s.good_min)} – {f.number(s.excellent_min)}",
        "pass": f"{f.number(s.pass_min)} – {f.number(s.good_min)}",
        "fail": f"< {f.number(s.pass_min)}",
    }
    start = f.day(person["start_date"])
    begins = term_start(first, start)
    return {
        "school": s.school_name,
        "year": str(year),
        "period": word(
            lang, "date_range", begins=f.long_date(begins, lang), last=f.long_date(last, lang)
        ),
        "period_end": f.long_date(last, lang),
        "staff_id": f.text(person["staff_id"]),
        "name": f.text(person["name"]),
        "post_id": f.text(person["post_id"]),
        "post": f.text(p.get("post")) or f.text(person["post_id"]),
        "start_date": f.long_date(start, lang) if start else f.FILL,
        "duties": items(f.text(p.get("duties"))),
        "quality": items(f.text(p.get("quality_standard"))),
        "quantity": items(f.text(p.get("quantity_standard"))),
        "monthly_target": word(
            lang,
            "monthly_target",
            target=f.FILL if f.is_blank(target) else f.number(float(target)),
        ),
        "time_limit": word(lang, "time_logistics_office_sets")
        if f.is_blank(hours) or not hours
        else word(lang, "hours", hours=f.number(float(hours)), s="" if float(hours) == 1 else "s"),
        "pay_base": f.FILL if no_base else f.money(pay_base),
        "maxima": {
            "log": f.number(s.log_points),
            "quantity": f.number(s.quantity_points),
            "quality": f.number(s.quality_points),
            "timeliness": f.number(s.timeliness_points),
        },
        "grades": [
            {
                "grade": f.grade(g, lang),
                "band": bands[g],
                "coef": f.coef(coef_of(g, s)),
                "pay": (
                    word(lang, "share_month_s_pool")
                    if s.pay_mode == "pool"  # 总额分配: the share depends on everyone's points
                    else f.FILL
                    if no_base
                    else f.money(round_half_up(pay_base * coef_of(g, s), 2))
                ),
            }
            for g in GRADE_KEYS
        ],
    }
