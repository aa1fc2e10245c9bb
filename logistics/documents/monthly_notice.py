"""The context of 月度考评通报, the monthly appraisal notice (``monthly_notice_tpl.docx``)."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pandas as pd

from logistics.core.dataset import Dataset
from logistics.core.numbers import exact_sum
from logistics.core.periods import Month
from logistics.core.recorded import score_recorded
from logistics.core.scoring import GRADE_KEYS, MonthScore
from words import word

from . import formatting as f
from .context import Context
from .property_figures import overdue_loan_rows
from .reception_summary import reception_notice


def monthly_context(
    ds: Dataset,
    month: Month,
    as_of: dt.date,
    lang: str,
    scores: list[MonthScore] | None = None,
) -> Context:
    if scores is None:  # as the Scores sheet holds them: recorded months only (SPEC 4.1)
        scores = score_recorded(ds, [month], as_of).get(month, [])
    s = ds.settings
    end = min(month.last, as_of)
    inspections = _inspections(ds, month.first, end)
    names = {x.staff_id: x.name for x in scores}
    totals = [x.total for x in scores]
    joiner = word(lang, "list_sep")
    return {
        "school": s.school_name,
        "month": month.label,
        "month_title": f.month_title(month, lang),
        "as_of": f.long_date(as_of, lang),
        "issue_date": f.long_date(as_of, lang),
        "maxima": {
            "log": f.number(s.log_points),
            "quantity": f.number(s.quantity_points),
            "quality": f.number(s.quality_points),
            "timeliness": f.number(s.timeliness_points),
        },
        "summary": {
            "staff": len(scores),
            "average": f.score(f.mean(totals)),
            "top": f.score(max(totals)) if totals else f.BLANK,
            "bottom": f.score(min(totals)) if totals else f.BLANK,
            **{g: sum(x.grade == g for x in scores) for g in GRADE_KEYS},
            "pay_total": f.money(sum((x.pay or Fraction(0) for x in scores), Fraction(0))),
        },
        "excellent": joiner.join(x.name for x in scores if x.grade == "excellent"),
        "improve": [
            {
                "staff_id": x.staff_id,
                "name": x.name,
                "post": x.post,
                "total": f.score(x.total),
                "grade": f.grade(x.grade, lang),
                "reasons": word(lang, "clause_sep").join(_reasons(x, inspections, lang)) or f.BLANK,
            }
            for x in scores
            if x.grade in ("pass", "fail")
        ],
        "scores": [
            {
                "rank": x.rank,
                "staff_id": x.staff_id,
                "name": x.name,
                "post": x.post,
                "log": f.score(x.log_score),
                "quantity": f.score(x.quantity_score),
                "quality": f.score(x.quality_score),
                "timeliness": f.score(x.timeliness_score),
                "total": f.score(x.total),
                "grade": f.grade(x.grade, lang),
                "coef": f.coef(x.coef),
                "pay": f.money(x.pay),
            }
            for x in scores
        ],
        "inspections": [
            {
                "date": f.short_date(f.day(row["date"])),
                "name": names.get(str(row["staff_id"]), f.text(row["staff_id"])),
                "item": f.text(row["item"]),
                "points": _signed(row["points"]),
                "reason": f.text(row["reason"]),
                "inspector": f.text(row["inspector"]),
            }
            for _, row in inspections.iterrows()
        ],
        "receptions": reception_notice(ds, month, as_of, lang),
        "overdue_loans": overdue_loan_rows(ds, end, lang),  # at the month's end
    }


def _signed(points: float) -> str:
    text = f.number(float(points))
    return text if text.startswith("-") or text == "0" else f"+{text}"


def _inspections(ds: Dataset, first: dt.date, end: dt.date) -> pd.DataFrame:
    """Inspections in the month with points given or taken, by date then staff."""
    table = ds.tables["inspections"]
    dates = table["date"]
    rows = table[
        (dates >= pd.Timestamp(first)) & (dates <= pd.Timestamp(end)) & table["points"].ne(0)
    ]
    return rows.dropna(subset=["points"]).sort_values(["date", "staff_id"], kind="stable")


def _reasons(x: MonthScore, inspections: pd.DataFrame, lang: str) -> list[str]:
    """Why a score fell short, component by component, in plain words."""
    reasons = []
    missing = x.workdays - x.log_days
    if missing > 0:
        reasons.append(word(lang, "no_log_working_day", missing=missing))
    if x.target > 0 and x.units < x.target:
        done = f.ratio(x.units, x.target)
        reasons.append(word(lang, "quantity_target", done=done))
    mine = inspections[(inspections["staff_id"] == x.staff_id) & (inspections["points"] < 0)]
    if len(mine):
        items = word(lang, "list_sep").join(dict.fromkeys(mine["item"].map(f.text)))
        points = f.number(-exact_sum(mine["points"]))
        reasons.append(word(lang, "inspections", points=points, items=items))
    if x.items and x.credits < x.items:
        kept = f.number(float(x.credits))
        reasons.append(word(lang, "time_bound_items_kept", kept=kept, items=x.items))
    return reasons
