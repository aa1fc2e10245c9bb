"""资产盘点报告 and 资产台账 from the demo workbook: the figures they print, and a ledger
that can be posted room by room (each 存放地点 starts a page of its own)."""

from __future__ import annotations

import pdfplumber
import pytest

from logistics.core.errors import UsageError
from logistics.documents import make_report
from logistics.documents.asset_ledger import ledger_context
from logistics.documents.inventory_report import inventory_context
from logistics.io.file_book import FileBook
from reports.pdf import convert_to_pdf

from .conftest import AS_OF, require_soffice, squash


def test_inventory_context_totals(demo_ds):
    count = inventory_context(demo_ds, 2025, AS_OF, "zh")["count"]
    results = {r["result"]: (r["rows"], r["quantity"], r["value"]) for r in count["results"]}
    # By hand from the demo's count: 45 desks booked, 43 found at 268.00 = 536.00 short; the
    # plaster casts (1 × 1,500.00) not found; 2 meeting chairs over the books at 420.00.
    assert results["盘亏"] == (1, 2, "536.00")
    assert results["未盘到"] == (1, 1, "1,500.00")
    assert results["盘盈"] == (2, 3, "840.00")  # and the accordion off the books, no price
    assert results["地点不符"][0] == 1
    assert count["shortage_value"] == "2,036.00"
    assert [x["id"] for x in count["surpluses"]][-1] == "账外"
    assert count["dates"] == "2025年12月15日至2025年12月19日"


def test_no_inventory_report_without_a_count(demo_ds):
    with pytest.raises(UsageError):
        inventory_context(demo_ds, 2024, AS_OF, "zh")


def test_ledger_rooms_in_sheet_order(demo_ds):
    context = ledger_context(demo_ds, AS_OF, "en")
    rooms = [r["location"] for r in context["rooms"]]
    assert len(rooms) == 30 and rooms[0] == "教学楼101" and rooms[-1] == "校园"
    assert sum(r["count"] for r in context["rooms"]) == context["summary"]["assets"]
    assert context["rooms"][0]["assets"][0]["status"] == "InUse"


@pytest.fixture(scope="module")
def pages(demo_template, tmp_path_factory):
    """The text of every page of both documents, converted in one LibreOffice run."""
    require_soffice()
    out = tmp_path_factory.mktemp("property")
    book = FileBook(demo_template)
    docs = [
        make_report(book, kind, out_dir=out, pdf=False, as_of=AS_OF, **options).documents[0]
        for kind, options in (("inventory", {"year": 2025}), ("asset-ledger", {}))
    ]
    outcome = convert_to_pdf(docs)
    assert not outcome.failed, outcome.detail
    texts = []
    for docx in docs:
        with pdfplumber.open(docx.with_suffix(".pdf")) as pdf:
            texts.append([squash(page.extract_text() or "") for page in pdf.pages])
    return texts


def test_inventory_report_prints_the_findings(pages):
    text = "".join(pages[0])
    for expected in (
        "2025年度资产盘点报告",
        "学生课桌椅",
        "旧手风琴",
        "便携投影仪",
        "石膏像",
        "盘亏及未盘到金额2,036.00元",
        "盘点人（签字）",
    ):
        assert expected in text


def test_each_room_of_the_ledger_starts_a_page(pages, demo_ds):
    ledger = pages[1]
    rooms = [r["location"] for r in ledger_context(demo_ds, AS_OF, "zh")["rooms"]]
    starts = [p for p in ledger if "分室财产账：" in p]
    titles = [p.split("分室财产账：", 1)[1] for p in starts]
    assert [t[: len(r)] for t, r in zip(titles, rooms, strict=True)] == rooms
    assert all(p.count("分室财产账：") == 1 for p in starts)  # one room per page


def test_year_end_property_and_satisfaction(demo_ds):
    from logistics.documents.year_end import year_end_context

    context = year_end_context(demo_ds, 2025, AS_OF, "zh")
    prop, sat = context["property"], context["satisfaction"]
    assert [(r["what"], r["count"]) for r in prop["repeats"]] == [
        ("投影仪（ZC250083）", 5),
        ("（未登记资产）", 3),
    ]
    assert [x["days"] for x in prop["overdue_loans"]] == [40, 12, 5]  # as the demo set them
    assert prop["count"]["not_found"] == 1 and prop["has_count"]
    # The school's mean, recomputed from the sheet with plain pandas.
    requests = demo_ds.tables["requests"]
    rated = requests[(requests["date"].dt.year == 2025) & requests["satisfaction"].notna()]
    assert sat["ratings"] == len(rated)
    assert sat["mean"] == f"{rated['satisfaction'].sum() / len(rated):.1f}"


def test_monthly_notice_lists_loans_past_due_at_the_months_end(demo_ds):
    from logistics.core.periods import Month
    from logistics.documents.monthly_notice import monthly_context

    december = monthly_context(demo_ds, Month(2025, 12), AS_OF, "zh")["overdue_loans"]
    assert [(x["name"], x["days"]) for x in december] == [
        ("数码照相机", 40),
        ("笔记本电脑", 12),
        ("便携投影仪", 5),
    ]
