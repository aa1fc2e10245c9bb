"""What the documents say, checked on their contexts against the core's own results."""

from __future__ import annotations

import datetime as dt
import os
import warnings
from fractions import Fraction

import pytest

from logistics.core.periods import Month, Quarter
from logistics.core.recorded import score_recorded
from logistics.core.scoring import score_month
from logistics.core.summary import summarize
from logistics.demo_data import SPIKE_METER
from logistics.documents import charts
from logistics.documents import formatting as f
from logistics.documents.contract import active_staff, contract_context, items
from logistics.documents.energy_notice import energy_context
from logistics.documents.meeting_checklist import checklist, due_date, standard, tasks_for
from logistics.documents.monthly_notice import monthly_context
from logistics.documents.year_end import year_end_context
from reports.fonts import PREFERRED_FAMILIES, chart_font

from .conftest import AS_OF, MONTH


@pytest.fixture(scope="module")
def year_end(demo_ds):
    return year_end_context(demo_ds, 2025, AS_OF, "zh")


def test_year_end_ranking_and_pay_are_the_annual_ranking(demo_ds, year_end):
    months = [score_month(demo_ds, Month(2025, m), AS_OF) for m in range(1, 13)]
    annual = summarize("2025", [x for m in months for x in m], demo_ds.settings)
    assert [(r["staff_id"], r["rank"]) for r in year_end["ranking"]] == [
        (r.staff_id, r.rank) for r in annual
    ]
    assert [r["pay"] for r in year_end["ranking"]] == [f.money(r.pay) for r in annual]
    total = sum((r.pay for r in annual), Fraction(0))
    assert year_end["summary"]["pay_total"] == f.money(total)
    assert sum(g["count"] for g in year_end["grades"]) == len(annual)
    by_grade = sum(Fraction(g["pay"].replace(",", "")) for g in year_end["grades"])
    assert by_grade == total
    first = year_end["ranking"][0]
    july = next(x for x in months[6] if x.staff_id == first["staff_id"])
    assert first["m"][6] == f.score(july.total)


def test_year_end_service_chapters(year_end):
    meetings, requests, plans = year_end["meetings"], year_end["requests"], year_end["plans"]
    assert meetings["total"] == meetings["large"] + meetings["medium"] + meetings["small"]
    assert [c["item"] for c in meetings["checklist"]] == ["通知", "会场布置", "签到", "会议保障"]
    # 60 requests, plus the 15 repairs done on the spot (logistics.demo_data.repair_requests)
    assert requests["total"] == 75 and requests["kept"] <= requests["promised"]
    assert requests["late_list"] and all(x["status"] for x in requests["late_list"])
    assert plans["total"] == sum(c["total"] for c in plans["categories"])
    assert plans["overdue"] == len(plans["overdue_list"]) >= 1
    months = year_end["energy"]["months"]
    assert len(months) == 12 and months[6]["electricity_yoy"].startswith("+")
    assert any(a["meter"] == SPIKE_METER for a in year_end["energy"]["alerts"])
    assert [len(p["rows"]) for p in year_end["appendix"]] == [7] * len(year_end["ranking"])


def test_year_end_for_a_school_year(demo_ds, monkeypatch):
    monkeypatch.setattr(demo_ds, "settings", demo_ds.settings.__class__(year_start_month=9))
    context = year_end_context(demo_ds, 2024, AS_OF, "en")
    assert context["months"][0] == "Sep" and context["months"][-1] == "Aug"
    # SPEC 4.3: calendar quarters whatever YearStartMonth is; Sep 2024–Aug 2025 touches five.
    quarters = {q["quarter"]: q for q in context["quarters"]}
    assert list(quarters) == ["2024Q3", "2024Q4", "2025Q1", "2025Q2", "2025Q3"]
    # Each is what `summary --quarter` writes: its recorded months, all three of them.
    for label in ("2025Q1", "2025Q3"):
        q = Quarter.parse(label)
        monthly = [x for xs in score_recorded(demo_ds, q.months, AS_OF).values() for x in xs]
        rows = summarize(label, monthly, demo_ds.settings)
        assert quarters[label]["count"] == len(rows) > 0
        assert quarters[label]["average"] == f.score(f.mean([r.average for r in rows]))


def test_monthly_notice(demo_ds):
    context = monthly_context(demo_ds, Month.parse(MONTH), AS_OF, "zh")
    scores = score_month(demo_ds, Month.parse(MONTH), AS_OF)
    assert [r["staff_id"] for r in context["scores"]] == [x.staff_id for x in scores]
    assert context["summary"]["staff"] == len(scores)
    improve = {x["staff_id"] for x in context["improve"]}
    assert improve == {x.staff_id for x in scores if x.grade in ("pass", "fail")}
    assert all(x["reasons"] != f.BLANK for x in context["improve"])
    assert all(i["points"][0] in "+-" for i in context["inspections"])


def test_energy_notice_for_the_spike_month(demo_ds):
    context = energy_context(demo_ds, Month.parse(MONTH), AS_OF, "zh")
    assert [a["meter"] for a in context["alerts"]] == [SPIKE_METER]
    assert context["alert_percent"] == "10%"
    spike = next(m for m in context["meters"] if m["meter"] == SPIKE_METER)
    assert spike["alert"] == "是" and spike["unit"] == "kWh"
    assert context["checks"]["weekly"] >= 4
    assert any(x["meter"] == SPIKE_METER for x in context["findings"])


def test_one_contract_per_active_person(demo_ds):
    people = active_staff(demo_ds, AS_OF)
    staff = demo_ds.tables["staff"]
    left = staff["end_date"].notna() & (staff["end_date"] < dt.datetime(2025, 12, 31))
    assert len(people) == len(staff) - int(left.sum())
    context = contract_context(demo_ds, people.iloc[0], 2025, "zh")
    assert context["duties"] and context["grades"][0]["coef"] == "1.20"
    assert context["period"] == "2025年1月1日至2025年12月31日"
    assert items("负责巡查；做好登记。\n及时报告") == ["负责巡查", "做好登记", "及时报告"]


def test_meeting_checklist_by_scale_and_urgency(demo_ds):
    large, small = tasks_for("large", False), tasks_for("small", False)
    assert len(large) > len(tasks_for("medium", False)) > len(small)
    stages = {task.stage for task, _ in small}
    assert stages == {"notice", "venue", "sign_in", "support"}
    urgent = checklist(dt.date(2025, 3, 12), "large", True, demo_ds.calendar, "zh")
    assert all("天（" not in row["due"] or "会后" in row["due"] for row in urgent)
    assert "紧急" in standard("large", True, "zh") and "7 天" in standard("large", False, "zh")
    # a week before Wednesday 2025-10-08 is Golden Week: the deadline moves to a working day
    due = due_date(dt.date(2025, 10, 8), large[0][1], demo_ds.calendar)
    assert demo_ds.calendar.is_workday(due) and due <= dt.date(2025, 10, 1)


def test_charts_draw_chinese_with_real_glyphs():
    if chart_font() is None and os.environ.get("CI", "").lower() != "true":
        pytest.skip("no Simplified Chinese font installed (fonts-noto-cjk)")
    assert chart_font() in PREFERRED_FAMILIES
    with warnings.catch_warnings():
        warnings.simplefilter("error", UserWarning)  # a missing glyph is a UserWarning
        months = [f"{m}月" for m in range(1, 13)]
        values = [float(100 + m) for m in range(12)]
        pictures = [
            charts.energy_chart(months, values, values, values, values, "zh"),
            charts.grade_chart(["优秀", "良好", "合格", "不合格"], [3, 2, 1, 0], "zh"),
            charts.trend_chart(months, values, values, values, "zh"),
            charts.meter_chart(
                ["食堂电表", "食堂水表"], ["electricity", "water"], [1.0, -2.0], [None, 3.0], "zh"
            ),
        ]
    assert all(p.png.startswith(b"\x89PNG") for p in pictures)
