"""The demo's documents as PDFs: what a reader of the printed page sees (needs LibreOffice)."""

from __future__ import annotations

from pathlib import Path

import pdfplumber

from logistics import jobs
from logistics.documents import formatting as f
from logistics.io.file_book import FileBook

from .conftest import AS_OF, squash


def test_year_end_report_shows_the_school_the_ranking_and_the_pay(demo_pdf_text, demo_book):
    text = squash(demo_pdf_text["year-end"])
    assert "示例实验小学2025年度后勤工作考核报告" in text
    annual = jobs.rank(FileBook(demo_book), 2025, AS_OF).periods  # the Annual sheet's rows
    ranking = text[text.index("三、年度考核排名") :]
    first, second = annual[0], annual[1]
    assert (first.rank, first.staff_id) < (second.rank, second.staff_id)
    assert ranking.index(first.staff_id + first.name) < ranking.index(second.staff_id + second.name)
    rows = ranking[: ranking.index("四、季度考核情况")]
    starts = [rows.index(r.staff_id + r.name + r.post) for r in annual]
    assert starts == sorted(starts)  # in rank order
    for r, at in zip(annual, starts, strict=True):  # then 12 months, score, grade, pay
        expected = f.score(r.average) + f.grade(r.grade, "zh") + f.money(r.pay)
        assert expected in rows[at : at + 160], r.staff_id
    total = f.money(sum(r.pay for r in annual))
    assert f"合计{len(annual)}人{total}" in rows
    assert f"全年绩效工资合计{total}元" in text


def test_year_end_report_has_every_chapter(demo_pdf_text):
    text = squash(demo_pdf_text["year-end"])
    chapters = [
        "一、总体情况",
        "二、等级分布与绩效工资",
        "三、年度考核排名",
        "四、季度考核情况",
        "五、能耗情况",
        "六、会务服务",
        "七、诉求办理与承诺兑现",
        "八、计划完成情况",
        "附录个人考核明细",
    ]
    positions = [text.index(c) for c in chapters]
    assert positions == sorted(positions)
    assert "2025Q1" in text and "食堂电表" in text and "第1页共" in text


def test_energy_notice_lists_the_spike_meter_as_an_alert(demo_pdf_text):
    text = squash(demo_pdf_text["energy"])
    assert "2025年7月节能通报" in text
    alerts = text[text.index("三、能耗预警") : text.index("四、本月检查发现的问题")]
    assert "食堂电表" in alerts and "冷库压缩机" in alerts


def test_monthly_notice_and_meeting_sheet(demo_pdf_text):
    monthly = squash(demo_pdf_text["monthly"])
    assert "关于2025年7月后勤人员考评结果的通报" in monthly and "特此通报" in monthly
    sheet = squash(demo_pdf_text["meeting"])
    assert "HY2025-002" in sheet and "期末总结表彰大会" in sheet
    assert "悬挂会标/横幅" in sheet  # a large meeting's task


def test_pdfs_embed_a_simplified_chinese_font(demo_docs, demo_pdf_text):
    with pdfplumber.open(Path(demo_docs["year-end"]).with_suffix(".pdf")) as pdf:
        fonts = {c["fontname"] for c in pdf.pages[0].chars if ord(c["text"]) > 0x2E80}
    assert fonts and all("CJK" in name for name in fonts), fonts
