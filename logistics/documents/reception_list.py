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
from words import word

from . import formatting as f
from .context import Context
from .lookups import staff_names

FILL = "____________"  # a blank field prints as a line to fill in by hand


def reception_context(ds: Dataset, r: Reception, lang: str) -> Context:
    """Everything the reception list shows for ``r`` (one row of the Receptions sheet)."""
    s = ds.settings
    keys = finding_keys(findings(r, s))
    owner = staff_names(ds).get(r.staff_id, "")
    sep = word(lang, "list_sep")
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
            "letter": word(lang, "yes") if r.official_letter else word(lang, "no"),
            "approver": r.approver or FILL,
            "approved_date": f.long_date(r.approved_date, lang) if r.approved_date else FILL,
            "owner": _person(owner, r.staff_id, lang),
            "alcohol": word(lang, "yes") if r.alcohol else word(lang, "none"),
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
    return word(lang, "name_detail", name=name, detail=staff_id)


def _label(key: str, lang: str) -> str:
    return finding_label(key, lang)


def _per_meal(r: Reception, lang: str) -> str:
    cost = per_person_meal(r.meal_cost, r.guests, r.hosts, r.meals)
    if cost is None:
        return word(lang, "no_meals") if not r.meal_cost else f.BLANK
    return word(
        lang,
        "people_meals",
        meal_cost=f.money(r.meal_cost),
        hosts=r.guests + r.hosts,
        meals=r.meals,
        cost=f.money(cost),
    )


def _checks(r: Reception, s: Settings, keys: list[str], lang: str) -> list[Context]:
    """One row per rule: what the regulation asks, what happened, and the verdict."""
    cap = host_cap(r.guests, s) if r.guests >= 1 else s.hosts_max
    cost = per_person_meal(r.meal_cost, r.guests, r.hosts, r.meals)
    approved = f.short_date(r.approved_date) if r.approved_date else word(lang, "not_filled")
    rows = [
        (
            "no_letter",
            word(lang, "official_letter"),
            word(lang, "visitor_s_official_letter"),
            word(lang, "letter_filed") if r.official_letter else word(lang, "flag_no_letter"),
        ),
        (
            "unapproved",
            word(lang, "prior_approval"),
            word(lang, "approved_by_day_visit"),
            word(lang, "approved", approved=approved),
        ),
        (
            "hosts_over",
            word(lang, "hosts"),
            word(lang, "at_most_people", cap=cap),
            word(lang, "guests_hosts", guests=r.guests, hosts=r.hosts),
        ),
        (
            "meal_over",
            word(lang, "meal_cap"),
            word(lang, "most_yuan_per_person", meal_cap=f.number(s.meal_cap)),
            word(lang, "no_meals")
            if cost is None
            else word(lang, "yuan_per_person_meal", cost=f.money(cost)),
        ),
        (
            "alcohol",
            word(lang, "flag_alcohol"),
            word(lang, "no_alcohol"),
            word(lang, "alcohol_served") if r.alcohol else word(lang, "no_alcohol_served"),
        ),
    ]
    return [
        {
            "rule": rule,
            "standard": standard,
            "actual": actual,
            "verdict": _label(key, lang) if key in keys else word(lang, "complies"),
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
