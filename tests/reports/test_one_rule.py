"""One rule, one place: documents count promises, checklists and energy as the core does.

Each case is one of the issue's examples, worked by hand in its comment.
"""

from __future__ import annotations

import datetime as dt

from logistics.core.due_items import CHECKLIST_KEYS, promise_kept
from logistics.core.energy import energy_month
from logistics.core.energy_totals import energy_total
from logistics.core.periods import Month
from logistics.core.scoring import score_month
from logistics.documents.energy_notice import energy_context
from logistics.documents.meeting_sheet import meeting_context
from logistics.documents.service_stats import meeting_stats, request_stats
from logistics.documents.year_end import year_end_context
from tests.factories import POST, D, dataset, log, person

MARCH = Month(2025, 3)


def request(rid, promised_date, done_date, explanation=None):
    return {
        "request_id": rid,
        "date": D(2025, 3, 3),
        "requester": "王老师",
        "content": "修灯",
        "promised": "是",
        "promised_date": promised_date,
        "staff_id": "S1",
        "done_date": done_date,
        "explanation": explanation,
    }


def test_a_promise_is_kept_the_same_way_in_the_scores_and_the_report():
    # As of 31 March: R1 due 10 March, done 5 March (kept); R2 due 20 March, done 25 March
    # but explained (late); R3 due 10 April, done early on 20 March: not due yet, so neither
    # kept nor late. The report used to count R3 as kept (2 kept of 2 due).
    ds = dataset(
        as_of=D(2025, 3, 31),
        posts=[POST],
        staff=[person()],
        logs=[log(D(2025, 3, 3))],
        requests=[
            request("R1", D(2025, 3, 10), D(2025, 3, 5)),
            request("R2", D(2025, 3, 20), D(2025, 3, 25), "缺配件"),
            request("R3", D(2025, 4, 10), D(2025, 3, 20)),
        ],
    )
    stats = request_stats(ds, D(2025, 3, 1), D(2025, 3, 31))
    assert (stats.promised, stats.due, stats.kept, stats.late_explained) == (3, 2, 1, 1)
    (x,) = score_month(ds, MARCH, D(2025, 3, 31))
    assert (x.items, x.credits) == (2, 1 + ds.settings.explained_credit)  # R1 kept, R2 half
    # R3 is kept already (done before its date), but counts only once it is due.
    kept = promise_kept(ds.tables["requests"], D(2025, 3, 31))
    assert list(kept) == [True, False, True]


def test_a_blank_checklist_cell_is_no_everywhere():
    # One meeting, 通知 left blank, the other three 是: 3 credits of 4 items in 时效分,
    # 通知 done at 0 of 1 meetings in the year-end count, and 否 on the work sheet.
    meeting = {
        "meeting_id": "M1",
        "date": D(2025, 3, 6),
        "title": "教职工大会",
        "scale": "大型",
        "urgency": "一般",
        "staff_id": "S1",
        "venue": "是",
        "sign_in": "是",
        "support": "是",
    }
    ds = dataset(posts=[POST], staff=[person()], logs=[log(D(2025, 3, 3))], meetings=[meeting])
    (x,) = score_month(ds, MARCH, D(2025, 12, 31))
    assert (x.items, x.credits) == (len(CHECKLIST_KEYS), 3)
    stats = meeting_stats(ds, D(2025, 3, 1), D(2025, 3, 31))
    assert stats.done == {"notice": 0, "venue": 1, "sign_in": 1, "support": 1}
    sheet = meeting_context(ds, ds.tables["meetings"].iloc[0], "zh")
    assert sheet["recorded"] == {"notice": "否", "venue": "是", "sign_in": "是", "support": "是"}


def reading(day, meter, value):
    return {"date": day, "meter": meter, "kind": "电", "reading": value, "check_type": "月联查"}


def test_a_new_meter_adds_use_but_not_change():
    # Meter A: March 2024 used 100, March 2025 used 110 (+10%). Meter B is new in 2025 and used
    # 50. The notice used to say 160 against 100, +60%; like for like it is 110 against 100.
    readings = [
        reading(D(2024, 2, 29), "A", 1000),
        reading(D(2024, 3, 31), "A", 1100),
        reading(D(2025, 2, 28), "A", 2000),
        reading(D(2025, 3, 31), "A", 2110),
        reading(D(2025, 2, 28), "B", 0),
        reading(D(2025, 3, 31), "B", 50),
    ]
    ds = dataset(posts=[POST], staff=[person()], energy=readings)
    rows, _ = energy_month(ds, MARCH, D(2025, 12, 31))
    assert [(r.meter, r.usage, r.last_year, r.yoy) for r in rows] == [
        ("A", 110, 100, 10),
        ("B", 50, None, None),
    ]
    total = energy_total(rows)
    assert (total.usage, total.compared, total.last_year, total.yoy) == (160, 110, 100, 10)
    totals = energy_context(ds, MARCH, D(2025, 12, 31), "zh")["totals"]
    assert totals["electricity"] == "160.0"
    assert (totals["electricity_compared"], totals["electricity_last"]) == ("110.0", "100.0")
    assert totals["electricity_yoy"] == "+10.0%"


def test_the_year_compares_only_months_read_in_both_years():
    # Meter A is read at every month end from Dec 2024 to Dec 2025 (100 a month in 2025: 1,200),
    # and in 2024 only from the end of Oct (Nov and Dec used 80 each). The year-end report used
    # to put 1,200 beside 160 (+650%); like for like it is Nov + Dec: 200 against 160, +25.0%.
    ends = [D(2024, 10, 31), D(2024, 11, 30)]
    values = [0, 80]
    for i in range(13):
        month = Month(2024, 12).shift(i)
        ends.append(month.last)
        values.append(160 + 100 * i)
    ds = dataset(
        posts=[POST],
        staff=[person()],
        logs=[log(D(2025, 3, 3))],
        energy=[reading(d, "A", v) for d, v in zip(ends, values, strict=True)],
    )
    energy = year_end_context(ds, 2025, dt.date(2025, 12, 31), "zh")["energy"]
    assert energy["electricity"] == "1,200.0"
    assert (energy["electricity_compared"], energy["electricity_last"]) == ("200.0", "160.0")
    assert energy["electricity_yoy"] == "+25.0%"
