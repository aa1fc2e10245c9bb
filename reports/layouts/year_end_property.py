"""The year-end report's property (十、学校财产) and repairs and satisfaction (十一、报修与满意度)
sections (context: ``reports.year_end_property``). Numbered after 九、接待 (SPEC §5 order:
receptions, property, satisfaction)."""

from __future__ import annotations

from docx.document import Document

from ..docx_parts import NOTE, Col, loop_table, para, tag
from .common import Tr


def property_sections(doc: Document, t: Tr) -> None:
    """Append both sections to the year-end report ``doc``."""
    doc.add_heading(t("十、学校财产", "10. School property"), 1)
    para(
        doc,
        t(
            "截至 {{ property.as_of }}，学校在账资产 {{ property.assets }} 项，数量 "
            "{{ property.quantity }}，金额 {{ property.value }} 元。",
            "On {{ property.as_of }} the school held {{ property.assets }} items (quantity "
            "{{ property.quantity }}) worth {{ property.value }} yuan.",
        ),
    ).paragraph_format.keep_with_next = True
    loop_table(
        doc,
        [
            Col(t("类别", "Category"), 34, "{{ c.category }}", "l"),
            Col(t("资产项数", "Items"), 20, "{{ c.assets }}"),
            Col(t("数量", "Quantity"), 20, "{{ c.quantity }}"),
            Col(t("金额（元）", "Value (yuan)"), 36, "{{ c.value }}", "r"),
            Col(t("闲置数量", "Idle"), 18, "{{ c.idle }}"),
            Col(t("维修数量", "In repair"), 18, "{{ c.in_repair }}"),
        ],
        "c in property.categories",
        keep_together=True,
        totals=[
            [
                t("合计", "Total"),
                "{{ property.assets }}",
                "{{ property.quantity }}",
                "{{ property.value }}",
                "",
                "",
            ]
        ],
    )
    doc.add_heading(t("年度盘点", "The year's count"), 2)
    tag(doc, "if property.has_count")
    para(
        doc,
        t(
            "{{ property.count.dates }} 盘点在账资产 {{ property.count.assets }} 项：相符 "
            "{{ property.count.match }} 项，盘亏 {{ property.count.shortage }} 项，盘盈 "
            "{{ property.count.surplus }} 项（含账外 {{ property.count.off_books }} 项），地点不符 "
            "{{ property.count.wrong_location }} 项，未盘到 {{ property.count.not_found }} 项；"
            "盘亏及未盘到金额 {{ property.count.shortage_value }} 元，账内盘盈金额 "
            "{{ property.count.surplus_value }} 元。明细见资产盘点报告。",
            "Counted on {{ property.count.dates }}: of {{ property.count.assets }} items on the "
            "books {{ property.count.match }} matched, {{ property.count.shortage }} were short, "
            "{{ property.count.surplus }} in surplus ({{ property.count.off_books }} off the "
            "books), {{ property.count.wrong_location }} in the wrong place and "
            "{{ property.count.not_found }} not found; shortages and missing items are worth "
            "{{ property.count.shortage_value }} yuan, surpluses {{ property.count.surplus_value }}"
            " yuan. The inventory report has the details.",
        ),
    )
    tag(doc, "else")
    para(doc, t("本年度没有盘点记录。", "There was no count this year."))
    tag(doc, "endif")
    doc.add_heading(t("借出逾期未还", "Loans past due"), 2)
    tag(doc, "if property.overdue_loans")
    loop_table(
        doc,
        [
            Col(t("资产编号", "Asset ID"), 22, "{{ x.id }}"),
            Col(t("资产名称", "Name"), 26, "{{ x.name }}", "l"),
            Col(t("借用人", "Borrower"), 34, "{{ x.borrower }}", "l"),
            Col(t("借出日期", "Out"), 22, "{{ x.out }}"),
            Col(t("应还日期", "Due"), 22, "{{ x.due }}"),
            Col(t("逾期天数", "Days late"), 16, "{{ x.days }}"),
            Col(t("经办人", "Handled by"), 16, "{{ x.handler }}"),
        ],
        "x in property.overdue_loans",
    )
    tag(doc, "else")
    para(doc, t("没有逾期未还的借用资产。", "No loan is past due."))
    tag(doc, "endif")

    doc.add_heading(t("十一、报修与满意度", "11. Repairs and satisfaction"), 1)
    para(
        doc,
        t(
            "{{ property.window }} 共受理报修 {{ property.repairs }} 件。同一资产（未登记资产的按"
            "地点）报修达到 {{ property.threshold }} 次的列为重复报修，建议纳入下一期维修或设备"
            "添置计划：",
            "{{ property.repairs }} repairs were requested from {{ property.window }}. An item "
            "(or, without one, a place) reported {{ property.threshold }} times or more is a "
            "repeat repair and a candidate for the next repair or equipment plan:",
        ),
    ).paragraph_format.keep_with_next = True
    tag(doc, "if property.repeats")
    loop_table(
        doc,
        [
            Col(t("资产", "Item"), 40, "{{ r.what }}", "l"),
            Col(t("地点", "Place"), 30, "{{ r.location }}", "l"),
            Col(t("报修次数", "Repairs"), 18, "{{ r.count }}"),
            Col(t("最近报修", "Last"), 24, "{{ r.last }}"),
            Col(t("建议纳入计划", "Plan"), 34, "{{ r.plan }}"),
        ],
        "r in property.repeats",
        keep_together=True,
    )
    tag(doc, "else")
    para(doc, t("没有重复报修的资产或地点。", "No item or place was repaired that often."))
    tag(doc, "endif")
    tag(doc, "if satisfaction.ratings")
    para(
        doc,
        t(
            "诉求办结后由提出人评价满意度（1—5 分）。本年度共收到评价 {{ satisfaction.ratings }} "
            "条，全校平均 {{ satisfaction.mean }} 分。满意度只作参考，不计入考评。",
            "Requesters rate the work once it is done (1–5). {{ satisfaction.ratings }} ratings "
            "were given this year; the school's mean is {{ satisfaction.mean }}. Ratings are "
            "reported, never scored.",
        ),
    )
    loop_table(
        doc,
        [
            Col(t("工号", "ID"), 24, "{{ p.staff_id }}"),
            Col(t("姓名", "Name"), 30, "{{ p.name }}"),
            Col(t("评价条数", "Ratings"), 30, "{{ p.ratings }}"),
            Col(t("平均满意度", "Mean"), 30, "{{ p.mean }}"),
        ],
        "p in satisfaction.people",
        totals=[[t("全校", "School"), "", "{{ satisfaction.ratings }}", "{{ satisfaction.mean }}"]],
    )
    tag(doc, "else")
    para(doc, t("本年度没有满意度评价。", "No ratings were given this year."), NOTE)
    tag(doc, "endif")
