"""Layouts of 资产盘点报告 (context ``reports.inventory_report``) and 资产台账 (context
``reports.asset_ledger``), the property documents of SPEC §5."""

from __future__ import annotations

from docx.document import Document

from ..docx_parts import NOTE, Col, grid_table, loop_table, new_section, para, signature_table, tag
from .common import Tr, start


def _sections(doc: Document, t: Tr) -> None:
    """The count's lists, each with a line saying so when it is empty."""
    lists = (
        (
            t("二、盘亏资产", "2. Shortages"),
            "count.shortages",
            [
                Col(t("资产编号", "Asset ID"), 22, "{{ x.id }}"),
                Col(t("资产名称", "Name"), 26, "{{ x.name }}", "l"),
                Col(t("账面地点", "Booked at"), 22, "{{ x.book_location }}", "l"),
                Col(t("账面", "Books"), 12, "{{ x.book }}"),
                Col(t("实存", "Counted"), 14, "{{ x.counted }}"),
                Col(t("差异", "Diff."), 11, "{{ x.difference }}"),
                Col(t("金额（元）", "Value (yuan)"), 20, "{{ x.value }}", "r"),
                Col(t("备注", "Note"), 40, "{{ x.note }}", "l"),
            ],
            t("本次盘点没有盘亏的资产。", "No shortages were found."),
        ),
        (
            t("三、盘盈资产", "3. Surpluses"),
            "count.surpluses",
            [
                Col(t("资产编号", "Asset ID"), 22, "{{ x.id }}"),
                Col(t("资产名称", "Name"), 26, "{{ x.name }}", "l"),
                Col(t("实际地点", "Found at"), 22, "{{ x.actual_location }}", "l"),
                Col(t("账面", "Books"), 12, "{{ x.book }}"),
                Col(t("实存", "Counted"), 14, "{{ x.counted }}"),
                Col(t("差异", "Diff."), 11, "{{ x.difference }}"),
                Col(t("金额（元）", "Value (yuan)"), 20, "{{ x.value }}", "r"),
                Col(t("备注", "Note"), 40, "{{ x.note }}", "l"),
            ],
            t("本次盘点没有盘盈的资产。", "No surpluses were found."),
        ),
        (
            t("四、存放地点不符的资产", "4. Found in the wrong place"),
            "count.wrong",
            [
                Col(t("资产编号", "Asset ID"), 22, "{{ x.id }}"),
                Col(t("资产名称", "Name"), 26, "{{ x.name }}", "l"),
                Col(t("账面地点", "Booked at"), 24, "{{ x.book_location }}", "l"),
                Col(t("实际地点", "Found at"), 24, "{{ x.actual_location }}", "l"),
                Col(t("实存", "Counted"), 12, "{{ x.counted }}"),
                Col(t("保管人", "Custodian"), 16, "{{ x.custodian }}"),
                Col(t("备注", "Note"), 40, "{{ x.note }}", "l"),
            ],
            t("所有盘到的资产都在账面地点。", "Every item counted was where the books say."),
        ),
        (
            t("五、未盘到的资产", "5. Not found"),
            "count.not_found_list",
            [
                Col(t("资产编号", "Asset ID"), 22, "{{ x.id }}"),
                Col(t("资产名称", "Name"), 30, "{{ x.name }}", "l"),
                Col(t("账面地点", "Booked at"), 26, "{{ x.book_location }}", "l"),
                Col(t("账面数量", "Books"), 16, "{{ x.book }}"),
                Col(t("金额（元）", "Value (yuan)"), 22, "{{ x.value }}", "r"),
                Col(t("保管人", "Custodian"), 18, "{{ x.custodian }}"),
            ],
            t("账面资产全部盘到。", "Every item on the books was found."),
        ),
    )
    for heading, loop, cols, none in lists:
        doc.add_heading(heading, 1)
        tag(doc, f"if {loop}")
        loop_table(doc, cols, f"x in {loop}")
        tag(doc, "else")
        para(doc, none)
        tag(doc, "endif")


def inventory_report(lang: str) -> Document:
    t = Tr(lang)
    doc = start(t, t("资产盘点报告", "Inventory report"))
    para(
        doc,
        t(
            "{{ school }}{{ count.year }}年度资产盘点报告",
            "{{ school }}: Inventory {{ count.year }}",
        ),
        "Title",
    )
    para(doc, t("后勤处　{{ report_date }}", "Logistics Office · {{ report_date }}"), "Subtitle")
    para(
        doc,
        t(
            "后勤处于 {{ count.dates }} 对学校财产进行了年度盘点。盘点首日在账资产 "
            "{{ count.assets }} 项，数量 {{ count.book_quantity }}，账面金额 "
            "{{ count.book_value }} 元；实地盘到 {{ count.found }} 项。其中相符 "
            "{{ count.match }} 项，盘亏 {{ count.shortage }} 项，盘盈 {{ count.surplus }} 项"
            "（含账外 {{ count.off_books }} 项），存放地点不符 {{ count.wrong_location }} 项，"
            "未盘到 {{ count.not_found }} 项。"
            "盘亏及未盘到金额 {{ count.shortage_value }} 元，账内盘盈金额 "
            "{{ count.surplus_value }} 元。",
            "The Logistics Office counted the school's property on {{ count.dates }}. On the "
            "first day {{ count.assets }} items were on the books (quantity "
            "{{ count.book_quantity }}, value {{ count.book_value }} yuan); {{ count.found }} "
            "were found. {{ count.match }} matched the books, {{ count.shortage }} were short, "
            "{{ count.surplus }} in surplus ({{ count.off_books }} off the books), "
            "{{ count.wrong_location }} in the wrong place and {{ count.not_found }} not found. "
            "Shortages and items not found are worth {{ count.shortage_value }} yuan; "
            "surpluses on the books {{ count.surplus_value }} yuan.",
        ),
    )
    doc.add_heading(t("一、盘点结果汇总", "1. Results"), 1)
    loop_table(
        doc,
        [
            Col(t("结果", "Result"), 40, "{{ r.result }}", "l"),
            Col(t("项数", "Items"), 30, "{{ r.rows }}"),
            Col(t("数量差异", "Quantity"), 30, "{{ r.quantity }}"),
            Col(t("金额（元）", "Value (yuan)"), 40, "{{ r.value }}", "r"),
        ],
        "r in count.results",
        keep_together=True,
    )
    para(
        doc,
        t(
            "同时盘亏（或盘盈）且地点不符的资产在两项中各计一次；金额按账面单价计算，账外盘盈"
            "的物品没有账面单价，不计金额。",
            "An item both short (or in surplus) and in the wrong place counts under both; "
            "values use the booked unit price, and items off the books have none.",
        ),
        NOTE,
    )
    _sections(doc, t)
    doc.add_heading(t("六、处理意见", "6. What happens next"), 1)
    for zh, en in (
        (
            "盘亏和未盘到的资产，由保管人在 10 个工作日内查明原因并书面说明，"
            "按规定报批后调整账目。",
            "The custodian explains every shortage and missing item in writing within 10 "
            "working days; the books are adjusted once approved.",
        ),
        (
            "盘盈资产查明来源后登记入账，账外物品补办入账手续。",
            "Surpluses are traced and entered in the books, items off the books included.",
        ),
        (
            "存放地点不符的资产，或归还原处，或办理调拨手续并更新“资产”表的存放地点。",
            "Items found in the wrong place go back, or are transferred and their Location "
            "updated on the Assets sheet.",
        ),
    ):
        # The closing block and its signatures never part (SPEC 5).
        para(doc, t(zh, en), "List Number").paragraph_format.keep_with_next = True
    signature_table(
        doc,
        [
            [
                t("盘点人（签字）：__________", "Counted by: __________"),
                t("复核人（签字）：__________", "Checked by: __________"),
            ],
            [
                t("后勤处负责人：__________", "Head of logistics: __________"),
                t("分管校长：__________", "Deputy head: __________"),
            ],
            [t("日期：______年____月____日", "Date: ____________")] * 2,
        ],
    )
    new_section(doc, landscape=False)
    doc.add_heading(t("附表　盘点明细", "Appendix: every item counted"), 1)
    loop_table(
        doc,
        [
            Col(t("资产编号", "Asset ID"), 20, "{{ x.id }}"),
            Col(t("资产名称", "Name"), 26, "{{ x.name }}", "l"),
            Col(t("账面地点", "Booked at"), 22, "{{ x.book_location }}", "l"),
            Col(t("实际地点", "Found at"), 22, "{{ x.actual_location }}", "l"),
            Col(t("账面数量", "Books"), 13, "{{ x.book }}"),
            Col(t("实存数量", "Counted"), 13, "{{ x.counted }}"),
            Col(t("差异", "Diff."), 10, "{{ x.difference }}"),
            Col(t("结果", "Result"), 24, "{{ x.result }}"),
        ],
        "x in count.lines",
        small=True,
    )
    return doc


def asset_ledger(lang: str) -> Document:
    t = Tr(lang)
    doc = start(t, t("资产台账", "Asset ledger"))
    para(doc, t("{{ school }}资产台账（分室账）", "{{ school }}: Asset Ledger by Room"), "Title")
    para(doc, t("截至 {{ as_of }}", "As of {{ as_of }}"), "Subtitle")
    para(
        doc,
        t(
            "全校在账资产 {{ summary.assets }} 项，数量 {{ summary.quantity }}，金额 "
            "{{ summary.value }} 元，分布在 {{ summary.rooms }} 个存放地点。以下每个存放地点单独"
            "成页，可打印张贴在该处，作为分室账；保管人核对无误后签字。",
            "The school holds {{ summary.assets }} items (quantity {{ summary.quantity }}, "
            "value {{ summary.value }} yuan) in {{ summary.rooms }} places. Each place has its "
            "own page below, to post there; the custodian checks it and signs.",
        ),
    )
    loop_table(
        doc,
        [
            Col(t("存放地点", "Place"), 30, "{{ r.location }}", "l"),
            Col(t("使用部门", "Department"), 30, "{{ r.department }}", "l"),
            Col(t("保管人", "Custodian"), 26, "{{ r.custodian }}", "l"),
            Col(t("资产项数", "Items"), 18, "{{ r.count }}"),
            Col(t("数量", "Quantity"), 18, "{{ r.quantity }}"),
            Col(t("金额（元）", "Value (yuan)"), 30, "{{ r.value }}", "r"),
        ],
        "r in rooms",
        totals=[
            [
                t("合计", "Total"),
                "",
                "",
                "{{ summary.assets }}",
                "{{ summary.quantity }}",
                "{{ summary.value }}",
            ]
        ],
    )
    tag(doc, "for r in rooms")
    heading = para(
        doc,
        t(
            "{{ school }}分室财产账：{{ r.location }}",
            "{{ school }}: Room Ledger — {{ r.location }}",
        ),
        "Title",
    )
    heading.paragraph_format.page_break_before = True
    grid_table(
        doc,
        (24, 40, 24, 40),
        [
            [t("存放地点", "Place"), "{{ r.location }}", t("截至日期", "As of"), "{{ as_of }}"],
            [
                t("使用部门", "Department"),
                "{{ r.department }}",
                t("保管人", "Custodian"),
                "{{ r.custodian }}",
            ],
        ],
        header=False,
        label_cols=(0, 2),
    )
    para(doc, "", NOTE)
    loop_table(
        doc,
        [
            Col(t("序号", "No."), 8, "{{ x.no }}"),
            Col(t("资产编号", "Asset ID"), 17, "{{ x.id }}"),
            Col(t("资产名称", "Name"), 22, "{{ x.name }}", "l"),
            Col(t("分类代码", "Code"), 14, "{{ x.code }}"),
            Col(t("规格型号", "Model"), 21, "{{ x.model }}", "l"),
            Col(t("数量", "Qty"), 9, "{{ x.quantity }}"),
            Col(t("单价（元）", "Unit price"), 17, "{{ x.price }}", "r"),
            Col(t("金额（元）", "Value"), 19, "{{ x.value }}", "r"),
            Col(t("购置日期", "Bought"), 17, "{{ x.purchased }}"),
            Col(t("状态", "Status"), 12, "{{ x.status }}"),
        ],
        "x in r.assets",
        small=True,
        totals=[
            [
                t("合计", "Total"),
                "",
                t("{{ r.count }} 项", "{{ r.count }} items"),
                "",
                "",
                "{{ r.quantity }}",
                "",
                "{{ r.value }}",
                "",
                "",
            ]
        ],
    )
    para(
        doc,
        t(
            "本表所列资产由保管人负责日常管理。资产调入、调出、借出、报废须经后勤处登记；发现"
            "损坏或丢失请及时报告后勤处。",
            "The custodian looks after the items listed. Moving, lending or disposing of an "
            "item goes through the Logistics Office; report damage or loss at once.",
        ),
        NOTE,
    ).paragraph_format.keep_with_next = True
    signature_table(
        doc,
        [
            [
                t("保管人（签字）：__________", "Custodian: __________"),
                t("核对人（签字）：__________", "Checked by: __________"),
            ],
            [t("日期：______年____月____日", "Date: ____________")] * 2,
        ],
    )
    tag(doc, "endfor")
    return doc


def overdue_loans_block(doc: Document, t: Tr) -> None:
    """The monthly notice's 七、借用资产逾期未还, shown only when a loan is past due at the
    month's end (context ``overdue_loans`` of ``reports.property_figures``)."""
    tag(doc, "if overdue_loans")
    doc.add_heading(t("七、借用资产逾期未还", "7. Loans past due"), 1)
    para(
        doc,
        t(
            "以下借出的资产已过应还日期仍未归还，请借用人尽快归还，经办人负责催还：",
            "These items are past their due date and not back; borrowers, please return them, "
            "and whoever lent them, please follow up:",
        ),
    ).paragraph_format.keep_with_next = True
    loop_table(
        doc,
        [
            Col(t("资产编号", "Asset ID"), 22, "{{ x.id }}"),
            Col(t("资产名称", "Name"), 26, "{{ x.name }}", "l"),
            Col(t("借用人", "Borrower"), 34, "{{ x.borrower }}", "l"),
            Col(t("应还日期", "Due"), 22, "{{ x.due }}"),
            Col(t("逾期天数", "Days late"), 16, "{{ x.days }}"),
            Col(t("经办人", "Handled by"), 16, "{{ x.handler }}"),
        ],
        "x in overdue_loans",
    )
    tag(doc, "endif")
