"""The reception documents (SPEC 5): 接待清单, and the receptions sections of the year-end
report and the monthly notice, checked against a plain recount of the demo's receptions."""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction

import pytest

from logistics.core.periods import Month
from logistics.demo_data import demo_frames
from logistics.documents.monthly_notice import monthly_context
from logistics.documents.reception_list import find_receptions, reception_context
from logistics.documents.year_end import year_end_context

from .conftest import AS_OF, MONTH, RECEPTION, squash


def recount() -> list[dict[str, object]]:
    """The demo's receptions with their findings, by SPEC 4.7 in plain Python (defaults:
    MealCap 50, HostsMax 3, HostsDivisor 3), independent of logistics.core.receptions."""
    out = []
    for row in demo_frames()["receptions"].to_dict("records"):
        guests, hosts, meals = row["guests"], row["hosts"], row["meals"]
        meal = Fraction(str(row["meal_cost"]))
        found = []
        if hosts > max(3, guests // 3):
            found.append("陪同超标")
        if meal > 0 and meal / ((guests + hosts) * meals) > 50:
            found.append("餐费超标")
        if row["official_letter"] is not True:
            found.append("无公函")
        if row["approved_date"] is None or row["approved_date"] > row["date"]:
            found.append("未审批")
        if row["alcohol"] is True:
            found.append("酒水")
        cost = meal + Fraction(str(row["lodging_cost"])) + Fraction(str(row["other_cost"]))
        out.append({**row, "found": found, "cost": cost})
    return out


@pytest.fixture(scope="module")
def year_end(demo_ds):
    return year_end_context(demo_ds, 2025, AS_OF, "zh")["receptions"]


def test_year_end_receptions_match_a_plain_recount(year_end):
    rows = recount()
    total = sum((r["cost"] for r in rows), Fraction(0))
    assert year_end["count"] == len(rows) == 35
    assert year_end["flagged"] == sum(1 for r in rows if r["found"]) == 13
    assert year_end["total"] == f"{float(total):,.2f}" == "19,466.00"
    assert year_end["budget"] == "30,000.00"
    assert year_end["budget_used"] == "64.9%"  # 19,466 / 30,000 = 64.887% → 64.9%
    kinds = {k["finding"]: k["count"] for k in year_end["kinds"]}
    assert kinds == {k: sum(k in r["found"] for r in rows) for k in kinds}
    assert sum(kinds.values()) == 15  # one reception holds three of them
    assert [x["id"] for x in year_end["flagged_list"]] == [
        r["reception_id"] for r in sorted(rows, key=lambda r: r["date"]) if r["found"]
    ]
    months = year_end["months"]
    assert [m["count"] for m in months] == [
        sum(r["date"].month == m for r in rows) for m in range(1, 13)
    ]
    assert months[-1]["year_to_date"] == year_end["total"]


def test_monthly_notice_lists_the_months_receptions(demo_ds):
    month = Month.parse(MONTH)
    ctx = monthly_context(demo_ds, month, AS_OF, "zh")["receptions"]
    mine = [r for r in recount() if (r["date"].year, r["date"].month) == (2025, month.month)]
    assert ctx["count"] == len(mine) == len(ctx["rows"])
    assert [x["findings"] for x in ctx["rows"]] == [
        "、".join(r["found"]) or "符合规定" for r in sorted(mine, key=lambda r: r["date"])
    ]
    january = monthly_context(demo_ds, Month(2025, 1), AS_OF, "en")["receptions"]
    # January by hand: 392 + 230 + 1,130 = 1,752; 1,752 / 30,000 = 5.84% → 5.8%
    assert (january["total"], january["budget_used"]) == ("1,752.00", "5.8%")


def test_reception_list_context_shows_each_rule_and_blank_fields_as_lines(demo_ds):
    (visit,) = find_receptions(demo_ds, RECEPTION, None)
    ctx = reception_context(demo_ds, visit, "zh")
    assert ctx["findings"] == "陪同超标、无公函、酒水" and ctx["finding_count"] == 3
    verdicts = [c["verdict"] for c in ctx["checks"]]
    assert verdicts == ["无公函", "符合", "陪同超标", "符合", "酒水"]
    assert ctx["r"]["approver"] == "王建国" and ctx["costs"]["total"] == "702.00"
    blank = replace(visit, approver="", approved_date=None)
    shown = reception_context(demo_ds, blank, "zh")["r"]
    assert shown["approver"] == shown["approved_date"] == "____________"


def test_reception_pdfs_read_as_a_user_would(demo_pdf_text):
    sheet = squash(demo_pdf_text["reception"])
    assert "接待清单" in sheet and RECEPTION in sheet and "兄弟学校考察团" in sheet
    assert "发现问题3项（陪同超标、无公函、酒水）" in sheet
    assert "承办人（签字）" in sheet and "审批人（签字）" in sheet
    year = squash(demo_pdf_text["year-end"])
    assert year.index("八、计划完成情况") < year.index("九、公务接待") < year.index("附录")
    assert "占年度接待预算30,000.00元的64.9%" in year
    monthly = squash(demo_pdf_text["monthly"])
    assert monthly.index("六、接待情况") < monthly.index("特此通报")


def test_an_unknown_reception_finds_nothing(demo_ds):
    assert find_receptions(demo_ds, "JD1999-001", None) == []
    september = find_receptions(demo_ds, None, "2025-09")
    days = [r.date for r in september]
    assert len(days) == 4 and days == sorted(days)  # type: ignore[type-var]
    assert all(d is not None and d.month == 9 for d in days)
