"""绩效公示, the pay notice (SPEC 5): its figures, posting period and both languages, on the
second demo school (PayMode 总额分配, a pool every month and a year-end pool)."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from pathlib import Path

import pdfplumber
import pytest

from logistics.core.periods import Month
from logistics.core.validate import load
from logistics.core.workdays import WorkCalendar
from logistics.demo_data.pool_school import POOL_SCHOOL, pool_school_frames
from logistics.documents import make_report
from logistics.documents.pay_notice import month_pay_context, posting_period, year_pay_context
from logistics.io.builder import build_workbook
from logistics.io.file_book import FileBook
from logistics.io.reader import read_workbook
from reports.pdf import convert_to_pdf

from .conftest import require_soffice, squash

AS_OF = dt.date(2025, 12, 31)


@pytest.fixture(scope="module")
def pool_book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pool") / "pool.xlsm"
    return build_workbook(path, "zh", pool_school_frames(2025))


def test_posting_period_is_five_working_days_on_the_calendar():
    # Issued Tue 30 Sep 2025: 30 Sep, then National Day (1–8 Oct) is off, 9 Oct (Thu),
    # 10 Oct (Fri), Sat 11 Oct (a make-up working day), Mon 13 Oct: the fifth.
    assert posting_period(dt.date(2025, 9, 30), WorkCalendar()) == (
        dt.date(2025, 9, 30),
        dt.date(2025, 10, 13),
    )
    # Issued on a Sunday: it starts on Monday. Sun 7 Dec 2025 -> Mon 8 to Fri 12 Dec.
    assert posting_period(dt.date(2025, 12, 7), WorkCalendar()) == (
        dt.date(2025, 12, 8),
        dt.date(2025, 12, 12),
    )


def test_month_notice_pays_exactly_the_pool(pool_book: Path):
    ds = load(read_workbook(pool_book), AS_OF)
    context = month_pay_context(ds, Month(2025, 3), AS_OF, "zh")
    # The frames put a 43,800.00 pool on 2025-03 (PayBases of the 22 then employed, rounded
    # down to 100 yuan): the shares add up to it exactly.
    assert context["pool"] == context["paid"] == "43,800.00"
    assert context["has_pool"] and context["pool_mode"] and context["unpaid"] == 0
    paid = sum(Fraction(r["pay"].replace(",", "")) for r in context["rows"])
    assert paid == 43800


def test_year_notice_has_the_year_end_pool_and_annual_pay(pool_book: Path):
    ds = load(read_workbook(pool_book), AS_OF)
    context = year_pay_context(ds, 2025, AS_OF, "zh")
    frames = pool_school_frames(2025)
    pools = frames["pay_pools"]
    year_end = int(pools.loc[pools["period"] == "2025", "amount"].iloc[0])
    monthly = int(pools.loc[pools["period"] != "2025", "amount"].sum())
    # Every month has a pool and everyone scored is paid: the year's pay is the pools' sum.
    assert context["paid"] == context["pool"] == f"{monthly:,}.00"
    assert context["year_end_pool"] == context["year_end_paid"] == f"{year_end:,}.00"
    assert len(context["pools"]) == 12


def test_pay_notice_renders_in_zh_and_en(pool_book: Path, tmp_path: Path):
    require_soffice()
    book = FileBook(pool_book)
    docs = []
    for lang in ("zh", "en"):
        result = make_report(
            book,
            "pay-notice",
            month="2025-03",
            out_dir=tmp_path / lang,
            pdf=False,
            as_of=AS_OF,
            lang=lang,
        )
        assert not result.blocked and len(result.documents) == 1
        docs += result.documents
    outcome = convert_to_pdf(docs)
    assert not outcome.failed, outcome.detail
    texts = []
    for doc in docs:
        with pdfplumber.open(doc.with_suffix(".pdf")) as pdf:
            texts.append(squash("".join(page.extract_text() or "" for page in pdf.pages)))
    zh, en = texts
    assert POOL_SCHOOL in zh and "2025年3月后勤人员绩效工资公示" in zh
    assert "奖励性绩效总额43,800.00元" in zh and "公示期为5个工作日" in zh
    assert "联系人：____" in zh and "后勤处负责人（签字）" in zh
    assert "Performancepaynotice:Mar2025" in en and "43,800.00" in en
    assert "{{" not in zh + en and "—" not in zh.split("二、公示名单")[1].split("三、")[0]


def test_year_end_report_shows_pay_by_pool_and_year_end_pay(pool_book: Path):
    from logistics.documents.year_end import year_end_context

    ds = load(read_workbook(pool_book), AS_OF)
    context = year_end_context(ds, 2025, AS_OF, "zh")
    pools = pool_school_frames(2025)["pay_pools"].set_index("period")["amount"]
    # A row per month with its pool, all of it paid; 年终绩效 per person adds up to the pool.
    assert [p["pool"] for p in context["pools"]] == [
        f"{pools[f'2025-{m:02d}']:,}.00" for m in range(1, 13)
    ]
    assert all(p["pool"] == p["paid"] for p in context["pools"])
    assert context["has_year_end_pool"]
    assert (
        context["summary"]["year_end_total"] == context["year_end_pool"] == f"{pools['2025']:,}.00"
    )
    shares = [Fraction(r["year_end_pay"].replace(",", "")) for r in context["ranking"]]
    assert sum(shares) == pools["2025"]
