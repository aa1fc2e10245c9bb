"""Monthly scores (SPEC 4.2), each rule on a small hand-checked case.

March 2025 has 21 official working days (no holidays, no make-up days).
"""

from fractions import Fraction

import pytest

from logistics.core.periods import Month
from logistics.core.scoring import competition_ranks, score_month
from tests.factories import POST, D, dataset, log, person

MARCH = Month(2025, 3)


def march_workdays():
    from logistics.core.workdays import WorkCalendar

    return WorkCalendar().month_workdays(2025, 3)


def full_logs(staff_id="S1", units=1):
    return [log(d, staff_id, units) for d in march_workdays()]


def only(ds, staff_id="S1", month=MARCH, as_of=D(2025, 12, 31)):
    assert not ds.errors, ds.errors
    return next(x for x in score_month(ds, month, as_of) if x.staff_id == staff_id)


def test_perfect_month_scores_100_and_excellent_pay():
    x = only(dataset(posts=[POST], staff=[person()], logs=full_logs()))
    assert (x.workdays, x.full_workdays, x.log_days) == (21, 21, 21)
    assert [x.log_score, x.quantity_score, x.quality_score, x.timeliness_score] == [20, 30, 30, 20]
    assert x.total == 100 and x.grade == "excellent" and x.rank == 1
    assert x.coef == Fraction(6, 5) and x.pay == 2400


def test_person_starting_mid_month_is_measured_on_their_own_days():
    # From Monday 17 March: 17–21, 24–28 and 31 = 11 working days; target 21 × 11/21 = 11.
    days = [d for d in march_workdays() if d >= D(2025, 3, 17)]
    ds = dataset(
        posts=[POST], staff=[person(start=D(2025, 3, 17))], logs=[log(d) for d in days[:10]]
    )
    x = only(ds)
    assert (x.workdays, x.log_days, x.target, x.units) == (11, 10, 11, 10)
    assert x.log_score == Fraction(20 * 10, 11)
    assert x.quantity_score == Fraction(30 * 10, 11)


def test_person_who_left_before_the_month_is_not_scored():
    ds = dataset(
        posts=[POST], staff=[person(), person("S2", end_date=D(2025, 2, 28))], logs=full_logs()
    )
    assert [x.staff_id for x in score_month(ds, MARCH, D(2025, 12, 31))] == ["S1"]


def test_as_of_cuts_the_month():
    ds = dataset(posts=[POST], staff=[person()], logs=full_logs(), as_of=D(2025, 3, 14))
    x = only(ds, as_of=D(2025, 3, 14))
    assert x.workdays == 10 and x.log_days == 10  # 3–7 and 10–14 March
    assert x.target == 10 and x.units == 10 and x.total == 100


def test_total_84_45_rounds_half_up_to_84_5():
    # quantity = 30 × 289/600 = 14.45 exactly; 20 + 14.45 + 30 + 20 = 84.45 -> 84.5.
    post = {**POST, "monthly_target": 600}
    logs = full_logs(units=0)
    logs[0]["units"] = 289
    x = only(dataset(posts=[post], staff=[person()], logs=logs))
    assert x.quantity_score == Fraction(1445, 100)
    assert x.total == Fraction(845, 10)
    assert x.grade == "good"


def test_units_count_only_done_rows():
    logs = full_logs()
    logs[0]["status"] = "未完成"
    logs[1]["status"] = "延期"
    x = only(dataset(posts=[POST], staff=[person()], logs=logs))
    assert x.units == 19 and x.log_days == 21


def test_quality_is_clamped_at_zero_and_at_its_maximum():
    bad = [
        {"date": D(2025, 3, d), "staff_id": "S1", "item": "卫生", "points": -10, "reason": "脏"}
        for d in (3, 4, 5, 6)
    ]
    good = [{"date": D(2025, 3, 3), "staff_id": "S2", "item": "卫生", "points": 8, "reason": "好"}]
    ds = dataset(
        posts=[POST],
        staff=[person(), person("S2")],
        logs=full_logs() + full_logs("S2"),
        inspections=bad + good,
    )
    assert only(ds).quality_score == 0
    assert only(ds, "S2").quality_score == 30


def test_zero_target_gives_full_quantity_points():
    post = {**POST, "monthly_target": 0}
    x = only(dataset(posts=[post], staff=[person()], logs=full_logs(units=0)))
    assert x.quantity_score == 30


def test_timeliness_credits_requests_meetings_and_plans():
    requests = [
        {
            "request_id": "R1",
            "date": D(2025, 3, 1),
            "requester": "王老师",
            "content": "修灯",
            "promised": "是",
            "promised_date": D(2025, 3, 10),
            "staff_id": "S1",
            "done_date": D(2025, 3, 9),
        },  # on time: 1
        {
            "request_id": "R2",
            "date": D(2025, 3, 1),
            "requester": "李老师",
            "content": "换锁",
            "promised": "是",
            "promised_date": D(2025, 3, 12),
            "staff_id": "S1",
            "done_date": D(2025, 3, 20),
            "explanation": "配件缺货",
        },  # late, explained: 0.5
        {
            "request_id": "R3",
            "date": D(2025, 3, 1),
            "requester": "张老师",
            "content": "修窗",
            "promised": "是",
            "promised_date": D(2025, 3, 14),
            "staff_id": "S1",
        },  # late: 0
        {
            "request_id": "R4",
            "date": D(2025, 3, 1),
            "requester": "赵老师",
            "content": "搬桌",
            "promised": "否",
            "staff_id": "S1",
        },  # not promised: no item
    ]
    meetings = [
        {
            "meeting_id": "M1",
            "date": D(2025, 3, 5),
            "title": "教工大会",
            "scale": "大型",
            "urgency": "一般",
            "staff_id": "S1",
            "notice": "是",
            "venue": "是",
            "sign_in": "否",
            "support": "是",
        }
    ]  # 3 of 4
    plans = [
        {
            "plan_id": "J1",
            "level": "学期",
            "category": "校舍维修",
            "item": "刷墙",
            "staff_id": "S1",
            "start": D(2025, 2, 1),
            "due": D(2025, 3, 20),
        }
    ]  # overdue: 0
    ds = dataset(
        posts=[POST],
        staff=[person()],
        logs=full_logs(),
        requests=requests,
        meetings=meetings,
        plans=plans,
    )
    x = only(ds)
    assert (x.items, x.credits) == (8, Fraction(9, 2))  # 1 + 0.5 + 0 + 3 + 0
    assert x.timeliness_score == Fraction(20 * 9, 16)


def test_no_items_gives_full_timeliness_points():
    assert only(dataset(posts=[POST], staff=[person()], logs=full_logs())).timeliness_score == 20


def test_log_score_counts_days_not_rows_and_ignores_rest_days():
    logs = full_logs()[:10] + full_logs()[:5] + [log(D(2025, 3, 1))]  # Saturday 1 March
    x = only(dataset(posts=[POST], staff=[person()], logs=logs))
    assert x.log_days == 10


def test_ties_share_a_rank_and_the_next_rank_skips():
    logs = full_logs("A") + full_logs("B") + full_logs("C") + full_logs("D")[:-1]
    logs += full_logs("E")[:-5]
    staff = [person(s) for s in "EDCBA"]
    ranks = {
        x.staff_id: x.rank
        for x in score_month(dataset(posts=[POST], staff=staff, logs=logs), MARCH, D(2025, 12, 31))
    }
    assert ranks == {"A": 1, "B": 1, "C": 1, "D": 4, "E": 5}


@pytest.mark.parametrize(
    ("totals", "ranks"),
    [
        ([90, 80, 80, 70], [1, 2, 2, 4]),
        ([50, 50, 50], [1, 1, 1]),
        ([], []),
    ],
)
def test_competition_ranking(totals, ranks):
    assert competition_ranks([Fraction(t) for t in totals]) == ranks


def test_rows_are_ordered_by_rank_then_staff_id():
    logs = full_logs("S3") + full_logs("S1") + full_logs("S2")[:-3]
    scores = score_month(
        dataset(posts=[POST], staff=[person("S2"), person("S3"), person("S1")], logs=logs),
        MARCH,
        D(2025, 12, 31),
    )
    assert [(x.staff_id, x.rank) for x in scores] == [("S1", 1), ("S3", 1), ("S2", 3)]


def test_pay_rounds_half_up_to_cents():
    x = only(dataset(posts=[POST], staff=[person(pay_base=1234.5675)], logs=full_logs()))
    assert x.pay == Fraction("1481.48")  # 1234.5675 × 1.2 = 1481.481


def test_settings_change_maxima_and_grades():
    settings = [
        {"key": "日志分满分", "value": 10},
        {"key": "数量分满分", "value": 40},
        {"key": "优秀线", "value": 100},
        {"key": "良好线", "value": 95},
    ]
    x = only(dataset(posts=[POST], staff=[person()], logs=full_logs()[:-1], settings=settings))
    assert x.log_score == Fraction(200, 21) and x.quantity_score == Fraction(800, 21)
    assert x.total == Fraction(976, 10)  # 20/21 × 50 + 30 + 20 = 97.619…
    assert x.grade == "good"
