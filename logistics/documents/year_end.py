"""The context of 年终考核报告, the year-end report (template ``year_end_tpl.docx``)."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from logistics.core import schema
from logistics.core.dataset import Dataset
from logistics.core.due_items import CHECKLIST_KEYS, checklist_label
from logistics.core.rounding import round_half_up
from logistics.core.scoring import GRADE_KEYS, MonthScore
from logistics.core.settings import Settings
from logistics.core.summary import PeriodScore
from words import both, pick, word

from . import charts
from . import formatting as f
from .appraisal_year import AppraisalYear, appraisal_year
from .context import Context
from .energy_summary import kind_months, year_totals
from .lookups import staff_names
from .pay_notice import pay_pools_context
from .reception_summary import reception_year
from .service_stats import meeting_stats, plan_stats, request_stats
from .year_end_property import property_context


def year_end_context(
    ds: Dataset, year: int, as_of: dt.date, lang: str, results: AppraisalYear | None = None
) -> Context:
    """Everything the year-end template shows; ``results`` may be passed when already computed."""
    y = results or appraisal_year(ds, year, as_of)
    first, last_month = y.months[0].first, y.months[-1].last
    until = min(last_month, as_of)
    ranking = _ranking(y, lang)
    energy = _energy(ds, y, lang)
    energy_chart = energy.pop("chart")
    meetings = _meetings(ds, first, until, lang)
    requests = _requests(ds, first, until, lang)
    plans = _plans(ds, first, until, lang)
    summary = _summary(y, lang)
    summary.update(
        electricity=energy["electricity"],
        electricity_yoy=energy["electricity_yoy"],
        water=energy["water"],
        water_yoy=energy["water_yoy"],
        meetings=meetings["total"],
        checklist_rate=meetings["checklist_rate"],
        requests=requests["total"],
        kept_rate=requests["kept_rate"],
        plans=plans["total"],
        plans_on_time_rate=plans["on_time_rate"],
    )
    grades = _grades(y.annual, ds.settings, lang)
    return {
        "school": ds.settings.school_name,
        "year": str(year),
        "period": _period(y, lang),
        "as_of": f.long_date(as_of, lang),
        "report_date": f.long_date(as_of, lang),
        "summary": summary,
        "months": [f.month_short(m, lang) for m in y.months],
        "ranking": ranking,
        "month_avg": [f.score(f.mean([x.total for x in y.monthly[m]])) for m in y.months],
        "grades": grades,
        "grade_chart": charts.grade_chart(
            [g["grade"] for g in grades], [g["count"] for g in grades], lang
        ),
        "posts": _posts(ds, y.annual),
        "quarters": _quarters(y),
        "trend_chart": _trend_chart(y, lang),
        "energy": energy,
        "energy_chart": energy_chart,
        "meetings": meetings,
        "requests": requests,
        "plans": plans,
        "appendix": _appendix(y, ranking, lang),
        "receptions": reception_year(ds, y.months, as_of, lang),
        **property_context(ds, year, first, until, lang),  # property, satisfaction
        **pay_pools_context(ds, y, lang),
    }


def _period(y: AppraisalYear, lang: str) -> str:
    a, b = y.months[0], y.months[-1]
    return f"{f.month_title(a, lang)}{word(lang, 'range_to')}{f.month_title(b, lang)}"


def _summary(y: AppraisalYear, lang: str) -> Context:
    counts = {g: sum(r.grade == g for r in y.annual) for g in GRADE_KEYS}
    pay = sum((r.pay for r in y.annual), Fraction(0))
    staff = len(y.annual)
    return {
        "staff": staff,
        "average": f.score(f.mean([r.average for r in y.annual])),
        **counts,
        "excellent_rate": f.ratio(counts["excellent"], staff),
        "pay_total": f.money(pay),
        "pay_per_person": f.money(pay / staff if staff else None),
        "year_end_total": f.money(
            sum((r.year_end_pay for r in y.annual if r.year_end_pay is not None), Fraction(0))
        ),
    }


def _ranking(y: AppraisalYear, lang: str) -> list[Context]:
    return [
        {
            "rank": r.rank,
            "staff_id": r.staff_id,
            "name": r.name,
            "post": r.post,
            "m": [_total(y.score_of(r.staff_id, m)) for m in y.months],
            "score": f.score(r.average),
            "grade": f.grade(r.grade, lang),
            "pay": f.money(r.pay),
            "year_end_pay": f.money(r.year_end_pay),
        }
        for r in y.annual
    ]


def _total(x: MonthScore | None) -> str:
    return f.BLANK if x is None else f.score(x.total)


def _bands(s: Settings, lang: str) -> dict[str, str]:
    n = f.number
    return {
        "excellent": f"≥ {n(s.excellent_min)}",
        "good": word(lang, "good_band", good_min=n(s.good_min), excellent_min=n(s.excellent_min)),
        "pass": word(lang, "pass_band", pass_min=n(s.pass_min), good_min=n(s.good_min)),
        "fail": f"< {n(s.pass_min)}",
    }


def _grades(rows: list[PeriodScore], s: Settings, lang: str) -> list[Context]:
    bands = _bands(s, lang)
    out = []
    for key in GRADE_KEYS:
        mine = [r for r in rows if r.grade == key]
        out.append(
            {
                "grade": f.grade(key, lang),
                "band": bands[key],
                "count": len(mine),
                "share": f.ratio(len(mine), len(rows)),
                "pay": f.money(sum((r.pay for r in mine), Fraction(0))),
            }
        )
    return out


def _posts(ds: Dataset, rows: list[PeriodScore]) -> list[Context]:
    order = {name: i for i, name in enumerate(ds.tables["posts"]["post"].dropna())}
    by_post: dict[str, list[PeriodScore]] = {}
    for r in rows:
        by_post.setdefault(r.post, []).append(r)
    out = []
    for post in sorted(by_post, key=lambda p: (order.get(p, len(order)), p)):
        mine = by_post[post]
        pay = sum((r.pay for r in mine), Fraction(0))
        out.append(
            {
                "post": post,
                "count": len(mine),
                "average": f.score(f.mean([r.average for r in mine])),
                "excellent": sum(r.grade == "excellent" for r in mine),
                "pay": f.money(pay),
                "per_person": f.money(pay / len(mine)),
            }
        )
    return out


def _quarters(y: AppraisalYear) -> list[Context]:
    out = []
    for q in y.quarters:
        averages = [r.average for r in q.rows]
        out.append(
            {
                "quarter": q.label,
                "count": len(q.rows),
                "average": f.score(f.mean(averages)),
                "top": f.score(max(averages)) if averages else f.BLANK,
                **{g: sum(r.grade == g for r in q.rows) for g in GRADE_KEYS},
                "pay": f.money(sum((x.pay or Fraction(0) for x in q.monthly), Fraction(0))),
            }
        )
    return out


def _trend_chart(y: AppraisalYear, lang: str) -> charts.Chart:
    means, lows, highs = [], [], []
    for m in y.months:
        totals = [x.total for x in y.monthly[m]]
        avg = f.mean(totals)
        means.append(None if avg is None else float(round_half_up(avg, 1)))
        lows.append(float(min(totals)) if totals else None)
        highs.append(float(max(totals)) if totals else None)
    return charts.trend_chart([f.month_short(m, lang) for m in y.months], means, lows, highs, lang)


def _energy(ds: Dataset, y: AppraisalYear, lang: str) -> Context:
    months = kind_months(ds, y.months, y.as_of)
    sums: Context = {}
    for kind, kind_total in year_totals(months).items():  # like for like (SPEC 4.4)
        sums.update(f.energy_total(kind, kind_total))
    alerts = [
        {
            "month": f.month_short(km.month, lang),
            "meter": r.meter,
            "usage": f"{f.amount(r.usage)} {f.UNITS.get(r.kind, '')}".strip(),
            "last_year": f.amount(r.last_year),
            "yoy": f.change(r.yoy),
            "open_findings": r.open_findings,
        }
        for km in months
        for r in km.meters
        if r.alert
    ]
    return {
        **sums,
        "alert_percent": f"{f.number(ds.settings.energy_alert_percent)}%",
        "alert_count": len(alerts),
        "alerts": alerts,
        "months": [
            {
                "month": f.month_short(km.month, lang),
                **{
                    key: value
                    for kind, kind_total in km.totals.items()
                    for key, value in f.energy_total(kind, kind_total).items()
                },
            }
            for km in months
        ],
        "chart": charts.energy_chart(
            [f.month_short(km.month, lang) for km in months],
            _floats([km.totals["electricity"].usage for km in months]),
            _floats([km.totals["electricity"].last_year for km in months]),
            _floats([km.totals["water"].usage for km in months]),
            _floats([km.totals["water"].last_year for km in months]),
            lang,
        ),
    }


def _floats(values: list[Fraction | None]) -> list[float | None]:
    return [None if v is None else float(v) for v in values]


def _meetings(ds: Dataset, first: dt.date, last: dt.date, lang: str) -> Context:
    s = meeting_stats(ds, first, last)
    return {
        "total": s.total,
        **{c.key: s.by_scale.get(c.key, 0) for c in schema.SCALE},
        "urgent": s.urgent,
        "complete": s.complete,
        "complete_rate": f.ratio(s.complete, s.total),
        "with_issues": s.with_issues,
        "checklist_rate": f.ratio(sum(s.done.values()), len(CHECKLIST_KEYS) * s.total),
        "checklist": [
            {
                "item": checklist_label(k, lang),
                "done": s.done[k],
                "total": s.total,
                "rate": f.ratio(s.done[k], s.total),
            }
            for k in CHECKLIST_KEYS
        ],
        "by_scale": [
            {
                "scale": c.label(lang),
                "total": s.by_scale.get(c.key, 0),
                "urgent": s.urgent_by_scale.get(c.key, 0),
                "complete": s.complete_by_scale.get(c.key, 0),
                "rate": f.ratio(s.complete_by_scale.get(c.key, 0), s.by_scale.get(c.key, 0)),
            }
            for c in schema.SCALE
        ],
    }


def _requests(ds: Dataset, first: dt.date, last: dt.date, lang: str) -> Context:
    s = request_stats(ds, first, last)
    names = staff_names(ds)
    counts = {
        "urgent": s.urgent,
        "done": s.done,
        "promised": s.promised,
        "late_explained": s.late_explained,
        "late_unexplained": s.late_unexplained,
        "on_the_spot": s.on_the_spot,
        "declined": s.declined,
    }
    late_list = [
        {
            "id": f.text(row["request_id"]),
            "date": f.short_date(f.day(row["date"])),
            "content": f.text(row["content"]),
            "owner": names.get(str(row["staff_id"]), f.text(row["staff_id"])),
            "promised": f.short_date(f.day(row["promised_date"])),
            "done": f.short_date(f.day(row["done_date"])),
            "status": f.text(row["explanation"]) or word(lang, "not_explained"),
        }
        for _, row in s.late_rows.iterrows()
    ]
    return {
        "total": s.total,
        **counts,
        **{f"{k}_share": f.ratio(v, s.total) for k, v in counts.items()},
        "kept": s.kept,
        "kept_rate": f.ratio(s.kept, s.due),
        "late_list": late_list,
    }


def _plans(ds: Dataset, first: dt.date, last: dt.date, lang: str) -> Context:
    s = plan_stats(ds, first, last)
    names = staff_names(ds)
    keys = ("total", "done", "on_time", "overdue", "open")
    sums = {k: int(sum(c[k] for c in s.by_category.values())) for k in keys}
    progress = sum((c["progress"] * c["total"] for c in s.by_category.values()), Fraction(0))
    weighted = progress / sums["total"] if sums["total"] else None
    due = sums["total"] - sums["open"]
    categories = []
    for choice in schema.PLAN_CATEGORY:
        c = s.by_category.get(choice.key)
        if c is None:
            continue
        categories.append(
            {
                "category": choice.label(lang),
                **{k: int(c[k]) for k in keys},
                "progress": f.percent(c["progress"]),
                "budget": f.money(c["budget"]),
            }
        )
    return {
        **sums,
        "on_time_rate": f.ratio(sums["on_time"], due),
        "progress": f.BLANK if weighted is None else f.percent(weighted),
        "budget": f.money(sum((c["budget"] for c in s.by_category.values()), Fraction(0))),
        "categories": categories,
        "overdue_list": [
            {
                "id": f.text(row["plan_id"]),
                "item": f.text(row["item"]),
                "owner": names.get(str(row["staff_id"]), f.text(row["staff_id"])),
                "due": f.short_date(f.day(row["due"])),
                "progress": f"{f.number(0 if f.is_blank(row['progress']) else row['progress'])}%",
            }
            for _, row in s.overdue_rows.iterrows()
        ],
    }


COMPONENTS = (
    ("log_score", *both("log")),
    ("quantity_score", *both("quantity")),
    ("quality_score", *both("quality")),
    ("timeliness_score", *both("timeliness")),
)


def _appendix(y: AppraisalYear, ranking: list[Context], lang: str) -> list[Context]:
    out = []
    quarter_scores = {(r.staff_id, q.label): r.average for q in y.quarters for r in q.rows}
    for r, shown in zip(y.annual, ranking, strict=True):
        scores = [y.score_of(r.staff_id, m) for m in y.months]
        had = [x for x in scores if x is not None]
        rows = [
            {"label": word(lang, "total"), "m": shown["m"], "year": shown["score"]},
            {
                "label": word(lang, "grade"),
                "m": [f.BLANK if x is None else f.grade(x.grade, lang) for x in scores],
                "year": shown["grade"],
            },
        ]
        for attr, zh, en in COMPONENTS:
            rows.append(
                {
                    "label": pick(lang, zh, en),
                    "m": [f.BLANK if x is None else f.score(getattr(x, attr)) for x in scores],
                    "year": f.score(f.mean([getattr(x, attr) for x in had])),
                }
            )
        rows.append(
            {
                "label": word(lang, "pay"),
                "m": [f.BLANK if x is None else f.money(x.pay) for x in scores],
                "year": shown["pay"],
            }
        )
        quarters = word(lang, "comma_sep").join(
            f"{q.label} {f.score(quarter_scores.get((r.staff_id, q.label)))}" for q in y.quarters
        )
        out.append({**shown, "months": r.months, "quarters": quarters, "rows": rows})
    return out
