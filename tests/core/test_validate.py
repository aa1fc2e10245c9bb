"""Validation (SPEC 4.5): each check gives its code at the right sheet, row and column."""

import pytest

from logistics.core.validate import load
from tests.factories import POST, D, dataset, log, person, raw_book


def found(ds):
    return sorted((p.code, p.sheet, p.row, p.column) for p in ds.problems)


def base(**sheets):
    sheets.setdefault("posts", [POST])
    sheets.setdefault("staff", [person()])
    return dataset(**sheets)


def test_clean_data_has_no_problems():
    assert found(base(logs=[log(D(2025, 3, 3))])) == []


@pytest.mark.parametrize(
    ("logs", "expected"),
    [
        ([{**log(D(2025, 3, 3)), "content": None}], ("required", "logs", 2, "content")),
        ([{**log(D(2025, 3, 3)), "units": "三个"}], ("not_an_integer", "logs", 2, "units")),
        ([{**log(D(2025, 3, 3)), "units": 1.5}], ("not_an_integer", "logs", 2, "units")),
        ([{**log(D(2025, 3, 3)), "units": -1}], ("out_of_range", "logs", 2, "units")),
        ([{**log(D(2025, 3, 3)), "hours": 25}], ("out_of_range", "logs", 2, "hours")),
        ([{**log(D(2025, 3, 3)), "hours": "八小时"}], ("not_a_number", "logs", 2, "hours")),
        ([{**log(D(2025, 3, 3)), "status": "搞定"}], ("bad_choice", "logs", 2, "status")),
        ([{**log(D(2025, 3, 3)), "date": "昨天"}], ("not_a_date", "logs", 2, "date")),
        ([{**log(D(2025, 3, 3)), "date": "2025-02-30"}], ("not_a_date", "logs", 2, "date")),
        ([log(D(2025, 3, 3), staff_id="S9")], ("unknown_staff", "logs", 2, "staff_id")),
        ([log(D(2023, 12, 29))], ("before_start", "logs", 2, "date")),
        ([log(D(2025, 3, 3)), log(D(2025, 3, 3))], ("duplicate_log", "logs", 3, "content")),
        ([log(D(2026, 3, 3))], ("after_as_of", "logs", 2, "date")),
    ],
)
def test_log_checks(logs, expected):
    assert found(base(logs=logs)) == [expected]


def test_text_dates_and_english_labels_are_accepted():
    rows = [
        {**log(D(2025, 3, 3)), "date": "2025-03-07", "status": "Done"},
        {**log(D(2025, 3, 3)), "date": "2025/3/10", "status": "postponed"},
    ]
    ds = base(logs=rows)
    assert found(ds) == []
    assert list(ds.tables["logs"]["status"]) == ["done", "postponed"]


def test_staff_and_post_checks():
    staff = [
        person(),
        person("S1"),
        person("S2", post_id="P9"),
        person("S3", end_date=D(2023, 1, 1)),
        {**person("S4"), "name": None},
    ]
    assert found(base(staff=staff)) == [
        ("duplicate_id", "staff", 3, "staff_id"),
        ("end_before_start", "staff", 5, "end_date"),
        ("required", "staff", 6, "name"),
        ("unknown_post", "staff", 4, "post_id"),
    ]


def test_after_end_date():
    ds = base(staff=[person(end_date=D(2025, 3, 1))], logs=[log(D(2025, 3, 3))])
    assert found(ds) == [("after_end", "logs", 2, "date")]


def test_inspection_reason_and_points_range():
    rows = [
        {"date": D(2025, 3, 3), "staff_id": "S1", "item": "卫生", "points": -3},
        {"date": D(2025, 3, 3), "staff_id": "S1", "item": "卫生", "points": 11, "reason": "x"},
        {"date": D(2025, 3, 3), "staff_id": "S1", "item": "卫生", "points": 0},
    ]
    assert found(base(inspections=rows)) == [
        ("out_of_range", "inspections", 3, "points"),
        ("reason_missing", "inspections", 2, "reason"),
    ]


def test_requests_plans_and_meetings():
    requests = [
        {
            "request_id": "R1",
            "date": D(2025, 3, 1),
            "requester": "王老师",
            "content": "修灯",
            "promised": "是",
            "staff_id": "S1",
        },
        {
            "request_id": "R2",
            "date": D(2025, 3, 1),
            "requester": "王老师",
            "content": "修门",
            "promised": "是",
            "promised_date": D(2025, 3, 5),
            "staff_id": "S1",
        },
    ]
    plans = [
        {
            "plan_id": "J1",
            "level": "学期",
            "category": "校舍维修",
            "item": "刷墙",
            "staff_id": "S1",
            "start": D(2025, 3, 1),
            "due": D(2025, 2, 1),
        },
        {
            "plan_id": "J1",
            "level": "季度",
            "category": "校舍维修",
            "item": "修门",
            "staff_id": "S1",
            "start": D(2025, 3, 1),
            "due": D(2025, 4, 1),
        },
    ]
    meetings = [
        {
            "meeting_id": "M1",
            "date": D(2025, 3, 5),
            "title": "会",
            "scale": "巨型",
            "urgency": "一般",
            "staff_id": "S1",
            "notice": "可能",
        }
    ]
    assert found(base(requests=requests, plans=plans, meetings=meetings)) == [
        ("bad_choice", "meetings", 2, "notice"),
        ("bad_choice", "meetings", 2, "scale"),
        ("bad_choice", "plans", 3, "level"),
        ("duplicate_id", "plans", 3, "plan_id"),
        ("end_before_start", "plans", 2, "due"),
        ("promise_overdue", "requests", 3, "promised_date"),
        ("promised_date_missing", "requests", 2, "promised_date"),
    ]


def test_settings_checks():
    settings = [
        {"key": "日志分满分", "value": 30},
        {"key": "合格线", "value": "六十"},
        {"key": "颜色", "value": "红"},
        {"key": "日志分满分", "value": 20},
    ]
    assert found(base(settings=settings)) == [
        ("maxima_sum", "settings", 2, "value"),
        ("setting_duplicate", "settings", 5, "key"),
        ("setting_invalid", "settings", 3, "value"),
        ("setting_unknown", "settings", 4, "key"),
    ]


def test_missing_sheet_and_column():
    raw = raw_book(drop=["plans"], posts=[POST], staff=[person()])
    raw.sheets["logs"].missing = ["status"]
    codes = found(load(raw, D(2025, 12, 31)))
    assert ("sheet_missing", "plans", None, None) in codes
    assert ("column_missing", "logs", 1, "status") in codes
    assert ("sheet_missing", "calendar", None, None) not in codes  # optional


def test_messages_are_in_the_workbook_language():
    ds = base(logs=[{**log(D(2025, 3, 3)), "hours": "八小时"}])
    (p,) = ds.problems
    assert p.message("zh", "用时(小时)") == "“八小时”不是数字。请在“用时(小时)”中填写数字。"
    assert "is not a number" in p.message("en", "Hours")
