"""The context of 接待清单, one reception's list (``reception_list_tpl.docx``, SPEC 5).

The list shows the visit as typed, its costs, and each rule of the reception regulation
(SPEC 4.7) with what this reception did and whether it complied, so that the person in
charge (承办人) and the approver (审批人) sign under the findings.
"""

from __future__ import annotations

from logistics.core.dataset import Dataset
from logistics.core.receptions import (
    Reception,
    finding_keys,
    finding_label,
    findings,
    host_cap,
    per_person_meal,
    receptions,
)
from logistics.core.settings import Settings

from . import formatting as f
from .context import Context
from .lookups import staff_names

FILL = "____________"  # a blank field prints as a line to fill in by hand


def reception_context(ds: Dataset, r: Reception, lang: str) -> Context:
    """Everything the reception list shows for ``r`` (one row of the Receptions sheet)."""
    s = ds.settings
    keys = finding_keys(findings(r, s))
    owner = staff_names(ds).get(r.staff_id, "")
    sep = f.t(lang, "、", ", ")
    return {
        "school": s.school_name,
        "r": {
            "id": r.reception_id,
            "date": f.long_date(r.date, lang) if r.date else FILL,
            "weekday": f.weekday(r.date, lang) if r.date else "",
            "visitor": r.visitor or FILL,
            "purpose": r.purpose or FILL,
            "guests": r.guests,
            "hosts": r.hosts,
            "people": r.guests + r.hosts,
            "meals": r.meals,
            "letter": f.t(lang, "有", "Yes") if r.official_letter else f.t(lang, "无", "No"),
            "approver": r.approver or FILL,
            "approved_date": f.long_date(r.approved_date, lang) if r.approved_date else FILL,
            "owner": _person(owner, r.staff_id, lang),
            "alcohol": f.t(lang, "有", "Yes") if r.alcohol else f.t(lang, "无", "None"),
            "notes": r.notes or FILL,
        },
        "costs": {
            "meal": f.money(r.meal_cost),
            "lodging": f.money(r.lodging_cost),
            "other": f.money(r.other_cost),
            "total": f.money(r.total),
            "per_meal": _per_meal(r, lang),
        },
        "checks": _checks(r, s, keys, lang),
        "findings": sep.join(_label(k, lang) for k in keys),
        "finding_count": len(keys),
    }


def _person(name: str, staff_id: str, lang: str) -> str:
    if not staff_id:
        return FILL
    if not name:
        return staff_id
    return f"{name}（{staff_id}）" if lang == "zh" else f"{name} ({staff_id})"


def _label(key: str, lang: str) -> str:
    return finding_label(key, lang)


def _per_meal(r: Reception, lang: str) -> str:
    cost = per_person_meal(r.meal_cost, r.guests, r.hosts, r.meals)
    if cost is None:
        return f.t(lang, "未用餐", "No meals") if not r.meal_cost else f.BLANK
    return f.t(
        lang,
        f"{f.money(r.meal_cost)} ÷（{r.guests + r.hosts} 人 × {r.meals} 餐）= {f.money(cost)}",
        f"{f.money(r.meal_cost)} ÷ ({r.guests + r.hosts} people × {r.meals} meals) = "
        f"{f.money(cost)}",
    )


def _checks(r: Reception, s: Settings, keys: list[str], lang: str) -> list[Context]:
    """One row per rule: what the regulation asks, what happened, and the verdict."""
    t = lambda zh, en: f.t(lang, zh, en)  # noqa: E731
    cap = host_cap(r.guests, s) if r.guests >= 1 else s.hosts_max
    cost = per_person_meal(r.meal_cost, r.guests, r.hosts, r.meals)
    approved = f.short_date(r.approved_date) if r.approved_date else t("未填写", "none")
    rows = [
        (
            "no_letter",
            t("公函", "Official letter"),
            t("凭来访单位公函接待", "The visitor's official letter"),
            t("有公函", "Letter filed") if r.official_letter else t("无公函", "No letter"),
        ),
        (
            "unapproved",
            t("事前审批", "Prior approval"),
            t("来访前（含当日）审批", "Approved by the day of the visit"),
            t(f"审批日期 {approved}", f"Approved: {approved}"),
        ),
        (
            "hosts_over",
            t("陪同人数", "Hosts"),
            t(f"不超过 {cap} 人", f"At most {cap}"),
            t(f"来访 {r.guests} 人，陪同 {r.hosts} 人", f"{r.guests} guests, {r.hosts} hosts"),
        ),
        (
            "meal_over",
            t("用餐标准", "Meal cap"),
            t(
                f"每人每餐不超过 {f.number(s.meal_cap)} 元",
                f"At most {f.number(s.meal_cap)} yuan per person-meal",
            ),
            t("未用餐", "No meals")
            if cost is None
            else t(f"每人每餐 {f.money(cost)} 元", f"{f.money(cost)} yuan per person-meal"),
        ),
        (
            "alcohol",
            t("酒水", "Alcohol"),
            t("不提供酒水", "No alcohol"),
            t("有酒水", "Alcohol served") if r.alcohol else t("无酒水", "None"),
        ),
    ]
    return [
        {
            "rule": rule,
            "standard": standard,
            "actual": actual,
            "verdict": _label(key, lang) if key in keys else t("符合", "Complies"),
        }
        for key, rule, standard, actual in rows
    ]


def find_receptions(
    ds: Dataset, reception_id: str | None, month_label: str | None
) -> list[Reception]:
    """The reception with ``reception_id`` (compared as typed, ignoring case and spaces), or
    the receptions of the month ``YYYY-MM`` by date."""
    rows = [r for r in receptions(ds.tables["receptions"]) if r.reception_id]
    if reception_id is not None:
        wanted = reception_id.strip().casefold()
        return [r for r in rows if r.reception_id.strip().casefold() == wanted]
    if month_label is None:
        return []
    mine = [r for r in rows if r.date is not None and r.date.strftime("%Y-%m") == month_label]
    return sorted(mine, key=lambda r: r.date)  # type: ignore[arg-type, return-value]
