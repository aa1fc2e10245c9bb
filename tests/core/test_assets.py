"""School property (SPEC §4.8, §4.5): held assets, AssetStats, CountResult and their checks.

Every expected value below was worked out by hand from the rows written here (the sums are
shown next to them), not copied from the code's output.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from logistics.core.assets import asset_stats, count_result, held, result_label
from tests.factories import POST, D, dataset, person


def asset(asset_id, name, category, quantity, price, bought, location, status="在用", **kw):
    return {
        "asset_id": asset_id,
        "name": name,
        "category": category,
        "quantity": quantity,
        "unit_price": price,
        "purchase_date": bought,
        "location": location,
        "status": status,
        **kw,
    }


ASSETS = [
    asset("ZC001", "台式计算机", "通用设备", 2, 3499.5, D(2024, 9, 1), "教学楼101"),
    asset("ZC002", "投影仪", "通用设备", 1, 4200, D(2023, 3, 1), "教学楼101", "维修"),
    asset("ZC003", "课桌椅", "家具用具", 45, 180.25, D(2022, 8, 20), "教学楼101"),
    asset(
        "ZC004",
        "打印机",
        "通用设备",
        1,
        1299,
        D(2020, 5, 1),
        "教学楼101",
        "报废",
        disposed_date=D(2025, 6, 30),
    ),
    asset("ZC005", "文件柜", "家具用具", 1, 10.125, D(2021, 3, 1), "行政楼201", "闲置"),
    asset("ZC006", "笔记本电脑", "通用设备", 1, 5999, D(2026, 1, 5), "行政楼201"),
    asset(
        "ZC007",
        "空调",
        "通用设备",
        2,
        2899.99,
        D(2025, 12, 31),
        "行政楼201",
        "报废",
        disposed_date=D(2026, 2, 1),
    ),
    asset("ZC008", "电子白板", "通用设备", 1, 8600, D(2021, 9, 1), "教学楼102"),
    asset("ZC009", "图书", "图书档案", 4, 35.8, D(2019, 9, 1), "图书室"),
    asset("ZC010", "讲台", "家具用具", 1, 650, D(2020, 9, 1), "教学楼102"),
]


def count(day, asset_id, location, counted, name=None):
    return {
        "date": day,
        "asset_id": asset_id,
        "name": name,
        "location": location,
        "counted": counted,
    }


COUNTS = [
    count(D(2025, 12, 10), "ZC001", "教学楼101", 2),  # row 2: superseded by row 9
    count(D(2025, 12, 10), "ZC002", "教学楼101", 1),  # row 3: superseded by row 5 (later)
    count(D(2025, 12, 10), "ZC003", "教学楼101", 43),  # row 4
    count(D(2025, 12, 12), "ZC002", "行政楼201", 1),  # row 5
    count(D(2025, 12, 10), "ZC005", "教学楼101", 0),  # row 6
    count(D(2025, 12, 11), None, "音乐室", 1, "旧钢琴"),  # row 7
    count(D(2024, 12, 15), "ZC003", "教学楼101", 45),  # row 8: another year
    count(D(2025, 12, 10), "ZC001", "教学楼101", 3),  # row 9: same date as row 2, lower
    count(D(2025, 12, 11), "ZC009", "图书室", 4),  # row 10
    count(D(2025, 12, 11), "ZC010", "教学楼103", 2),  # row 11
    count(D(2025, 12, 12), None, "操场", 2, "篮球架"),  # row 12
]


def base(as_of=D(2025, 12, 31), **sheets):
    sheets.setdefault("posts", [POST])
    sheets.setdefault("staff", [person("S1"), person("S2")])
    sheets.setdefault("assets", ASSETS)
    return dataset(as_of, **sheets)


def found(ds):
    return sorted((p.code, p.sheet, p.row, p.column) for p in ds.problems)


def test_clean_property_sheets_have_no_problems():
    assert found(base(counts=COUNTS)) == []


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        # ZC004 is disposed on 2025-06-30: held the day before, not on the day (报废日期 ≤ t).
        (D(2025, 6, 29), {"ZC001", "ZC002", "ZC003", "ZC004", "ZC005", "ZC008", "ZC009", "ZC010"}),
        (D(2025, 6, 30), {"ZC001", "ZC002", "ZC003", "ZC005", "ZC008", "ZC009", "ZC010"}),
        # ZC007 is bought on the day (held), its disposal date is still ahead; ZC006 not bought.
        (D(2025, 12, 31), {"ZC001", "ZC002", "ZC003", "ZC005", "ZC007", "ZC008", "ZC009", "ZC010"}),
        (D(2026, 2, 1), {"ZC001", "ZC002", "ZC003", "ZC005", "ZC006", "ZC008", "ZC009", "ZC010"}),
    ],
)
def test_held_by_purchase_and_disposal_dates(day, expected):
    assert set(held(base().tables["assets"], day)["asset_id"]) == expected


def test_asset_stats_as_of_year_end():
    rows = [
        (s.category, s.location, s.items, s.quantity, s.amount, s.idle, s.in_repair)
        for s in asset_stats(base().tables["assets"], D(2025, 12, 31))
    ]
    assert rows == [
        # 2 × 3,499.50 + 1 × 4,200 = 11,199.00; the projector is in repair.
        ("general", "教学楼101", 2, 3, Fraction(11199), 0, 1),
        ("general", "教学楼102", 1, 1, Fraction(8600), 0, 0),
        # 2 × 2,899.99 = 5,799.98: bought on the as-of day, disposal date still ahead.
        ("general", "行政楼201", 1, 2, Fraction(579998, 100), 0, 0),
        ("books", "图书室", 1, 4, Fraction(14320, 100), 0, 0),  # 4 × 35.80
        ("furniture", "教学楼101", 1, 45, Fraction(811125, 100), 0, 0),  # 45 × 180.25
        ("furniture", "教学楼102", 1, 1, Fraction(650), 0, 0),
        # 10.125 rounds half up to 10.13 (a binary float would give 10.12).
        ("furniture", "行政楼201", 1, 1, Fraction(1013, 100), 1, 0),
    ]


def test_asset_stats_before_a_disposal():
    first = asset_stats(base().tables["assets"], D(2025, 6, 29))[0]
    # The printer (1 × 1,299) is still held: 11,199 + 1,299 = 12,498.
    assert (first.location, first.items, first.quantity, first.amount) == (
        "教学楼101",
        3,
        4,
        Fraction(12498),
    )


def test_count_result_every_case():
    ds = base(counts=COUNTS)
    lines = count_result(ds.tables["assets"], ds.tables["counts"], 2025)
    got = [
        (
            x.asset_id,
            x.name,
            x.book_location,
            x.actual_location,
            x.book_quantity,
            x.counted,
            x.difference,
            result_label(x.results, "zh"),
        )
        for x in lines
    ]
    # First count date of 2025: 12-10. Held then: ZC001-003, 005, 008-010 (ZC004 disposed,
    # ZC006 and ZC007 bought later).
    assert got == [
        ("ZC001", "台式计算机", "教学楼101", "教学楼101", 2, 3, 1, "盘盈"),  # row 9 beats row 2
        ("ZC002", "投影仪", "教学楼101", "行政楼201", 1, 1, 0, "地点不符"),  # row 5, 12-12
        ("ZC003", "课桌椅", "教学楼101", "教学楼101", 45, 43, -2, "盘亏"),  # 2024 row ignored
        ("ZC005", "文件柜", "行政楼201", "教学楼101", 1, 0, -1, "盘亏、地点不符"),
        ("ZC008", "电子白板", "教学楼102", None, 1, 0, -1, "未盘到"),
        ("ZC009", "图书", "图书室", "图书室", 4, 4, 0, "相符"),
        ("ZC010", "讲台", "教学楼102", "教学楼103", 1, 2, 1, "盘盈、地点不符"),
        (None, "旧钢琴", None, "音乐室", 0, 1, 1, "盘盈"),  # blank-ID rows last, sheet order
        (None, "篮球架", None, "操场", 0, 2, 2, "盘盈"),
    ]
    assert [x.row for x in lines] == [9, 5, 4, 6, None, 10, 11, 7, 12]
    assert result_label(lines[3].results, "en") == "Shortage, WrongLocation"


def test_count_result_of_a_year_without_counts_is_empty():
    ds = base(counts=COUNTS)
    assert count_result(ds.tables["assets"], ds.tables["counts"], 2023) == []


def test_location_compared_after_trimming_spaces():
    ds = base(counts=[count(D(2025, 12, 10), "ZC009", " 图书室　", 4)])
    lines = count_result(ds.tables["assets"], ds.tables["counts"], 2025)
    (line,) = [x for x in lines if x.asset_id == "ZC009"]
    assert (line.actual_location, result_label(line.results, "zh")) == ("图书室", "相符")


LOAN = {
    "asset_id": "ZC001",
    "borrower": "三年级2班 王老师",
    "out": D(2025, 11, 1),
    "due": D(2025, 12, 20),
}


@pytest.mark.parametrize(
    ("sheets", "expected"),
    [
        (
            {"counts": [count(D(2025, 12, 10), "ZC999", "教学楼101", 1)]},
            ("unknown_asset", "counts", 2, "asset_id"),
        ),
        (
            {"loans": [{**LOAN, "asset_id": "ZC999", "returned": D(2025, 12, 1)}]},
            ("unknown_asset", "loans", 2, "asset_id"),
        ),
        (
            {
                "requests": [
                    {
                        "request_id": "R1",
                        "date": D(2025, 3, 3),
                        "requester": "李老师",
                        "content": "投影仪不亮",
                        "staff_id": "S1",
                        "asset_id": "ZC999",
                    }
                ]
            },
            ("unknown_asset", "requests", 2, "asset_id"),
        ),
        (
            {"assets": [asset("ZC001", "打印机", "通用设备", 1, 1, D(2020, 5, 1), "A", "报废")]},
            ("disposed_date_missing", "assets", 2, "disposed_date"),
        ),
        (
            {
                "assets": [
                    asset(
                        "ZC001",
                        "打印机",
                        "通用设备",
                        1,
                        1,
                        D(2020, 5, 1),
                        "A",
                        "报废",
                        disposed_date=D(2020, 4, 30),
                    )
                ]
            },
            ("end_before_start", "assets", 2, "disposed_date"),
        ),
        (
            {"loans": [{**LOAN, "due": D(2025, 10, 31), "returned": D(2025, 11, 2)}]},
            ("end_before_start", "loans", 2, "due"),
        ),
        (
            {"loans": [{**LOAN, "returned": D(2025, 10, 1)}]},
            ("end_before_start", "loans", 2, "returned"),
        ),
        (
            {"counts": [count(D(2025, 12, 10), None, "操场", 1)]},
            ("count_name_missing", "counts", 2, "name"),
        ),
        (
            {"assets": [asset("ZC001", "打印机", "通用设备", 0, 1, D(2020, 5, 1), "A")]},
            ("out_of_range", "assets", 2, "quantity"),
        ),
        (
            {"assets": [asset("ZC001", "打印机", "电器", 1, 1, D(2020, 5, 1), "A")]},
            ("bad_choice", "assets", 2, "category"),
        ),
        (
            {
                "assets": [
                    asset("ZC001", "打印机", "通用设备", 1, 1, D(2020, 5, 1), "A", staff_id="S9")
                ]
            },
            ("unknown_staff", "assets", 2, "staff_id"),
        ),
        (
            {
                "requests": [
                    {
                        "request_id": "R1",
                        "date": D(2025, 3, 3),
                        "requester": "李老师",
                        "content": "灯不亮",
                        "staff_id": "S1",
                        "satisfaction": 6,
                    }
                ]
            },
            ("out_of_range", "requests", 2, "satisfaction"),
        ),
    ],
)
def test_property_errors(sheets, expected):
    ds = base(**sheets)
    assert expected in found(ds)
    assert any(p.is_error for p in ds.problems)


def test_overdue_loans_are_warnings_on_the_as_of_date():
    loans = [
        LOAN,  # row 2: due 12-20, not returned: overdue on 12-31
        {**LOAN, "due": D(2025, 12, 31)},  # row 3: due on the as-of day: not yet overdue
        {**LOAN, "returned": D(2025, 12, 28)},  # row 4: returned late: no longer out
        {**LOAN, "due": D(2026, 1, 10)},  # row 5: not due yet
    ]
    ds = base(loans=loans)
    assert found(ds) == [("loan_overdue", "loans", 2, "due")]
    assert not ds.errors
    message = ds.problems[0].message("zh", "应还日期")
    assert "2025-12-20" in message and "三年级2班 王老师" in message and "ZC001" in message


def test_loans_out_and_past_due_on_a_day():
    from logistics.core.assets import overdue_loans

    loans = [
        LOAN,  # row 2: out 11-01, due 12-20, not returned
        {**LOAN, "returned": D(2025, 12, 28)},  # row 3: back 8 days late
        {**LOAN, "out": D(2025, 12, 5), "due": D(2025, 12, 10)},  # row 4: lent after 11-30
    ]
    table = base(loans=loans).tables["loans"]
    assert list(overdue_loans(table, D(2025, 11, 30)).index) == []
    assert list(overdue_loans(table, D(2025, 12, 21)).index) == [4, 2, 3]  # by due date
    assert list(overdue_loans(table, D(2025, 12, 28)).index) == [4, 2]  # row 3 is back
