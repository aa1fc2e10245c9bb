"""The receptions sections that other documents include: the year-end report's chapter and
the monthly notice's section (contexts ``reports.reception_summary``, as ``receptions``)."""

from __future__ import annotations

from docx.document import Document

from ..docx_parts import NOTE, Col, loop_table, para, spacer, tag
from .common import Tr

LIST_COLS = (
    ("编号", "ID", 24, "{{ x.id }}", "c"),
    ("日期", "Date", 21, "{{ x.date }}", "c"),
    ("来访单位", "Visitor", 36, "{{ x.visitor }}", "l"),
    ("来访/陪同", "Guests/hosts", 19, "{{ x.people }}", "c"),
    ("费用（元）", "Cost (yuan)", 22, "{{ x.total }}", "r"),
    ("检查结果", "Findings", 52, "{{ x.findings }}", "l"),
)


def _list_table(doc: Document, t: Tr, loop: str) -> None:
    loop_table(doc, [Col(t(zh, en), w, cell, a) for zh, en, w, cell, a in LIST_COLS], loop)


def year_end_receptions(doc: Document, t: Tr, number: str) -> None:
    """The year-end report's receptions chapter; ``number``: its heading's numeral."""
    doc.add_heading(t(f"{number}、公务接待", f"{number}. Receptions"), 1)
    para(
        doc,
        t(
            "全年接待来访 {{ receptions.count }} 批次，来访 {{ receptions.guests }} 人次，陪同 "
            "{{ receptions.hosts }} 人次；接待费用合计 {{ receptions.total }} 元，其中餐费 "
            "{{ receptions.meal }} 元、住宿费 {{ receptions.lodging }} 元、其他费用 "
            "{{ receptions.other }} 元{% if receptions.budget %}，占年度接待预算 "
            "{{ receptions.budget }} 元的 {{ receptions.budget_used }}{% endif %}。对照"
            "《接待管理暂行规定》检查，有问题的接待 {{ receptions.flagged }} 批次"
            "（{{ receptions.flagged_share }}）。",
            "{{ receptions.count }} visits were received ({{ receptions.guests }} guests, "
            "{{ receptions.hosts }} hosts), costing {{ receptions.total }} yuan: meals "
            "{{ receptions.meal }}, lodging {{ receptions.lodging }}, other "
            "{{ receptions.other }}{% if receptions.budget %}, {{ receptions.budget_used }} of "
            "the reception budget of {{ receptions.budget }} yuan{% endif %}. Checked against "
            "the reception regulation, {{ receptions.flagged }} receptions "
            "({{ receptions.flagged_share }}) had findings.",
        ),
    )
    loop_table(
        doc,
        [
            Col(t("月份", "Month"), 20, "{{ m.month }}"),
            Col(t("接待批次", "Visits"), 20, "{{ m.count }}"),
            Col(t("来访人次", "Guests"), 20, "{{ m.guests }}"),
            Col(t("陪同人次", "Hosts"), 20, "{{ m.hosts }}"),
            Col(t("费用合计（元）", "Cost (yuan)"), 30, "{{ m.total }}", "r"),
            Col(t("问题批次", "With findings"), 20, "{{ m.flagged }}"),
            Col(t("本年累计（元）", "Year to date"), 30, "{{ m.year_to_date }}", "r"),
            Col(t("预算执行率", "Budget used"), 20, "{{ m.budget_used }}", "r"),
        ],
        "m in receptions.months",
        totals=[
            [
                t("全年", "Year"),
                "{{ receptions.count }}",
                "{{ receptions.guests }}",
                "{{ receptions.hosts }}",
                "{{ receptions.total }}",
                "{{ receptions.flagged }}",
                "{{ receptions.total }}",
                "{{ receptions.budget_used }}",
            ]
        ],
    )
    spacer(doc)
    loop_table(
        doc,
        [
            Col(t("问题类型", "Finding"), 50, "{{ k.finding }}", "l"),
            Col(t("接待批次", "Receptions"), 40, "{{ k.count }}"),
            Col(t("占全年接待", "Share of all"), 40, "{{ k.share }}"),
        ],
        "k in receptions.kinds",
        keep_together=True,
    )
    para(
        doc,
        t(
            "一次接待可能同时存在几类问题，在“问题批次”中只计一次。",
            "A reception with several findings counts once among those with findings.",
        ),
        NOTE,
    )
    tag(doc, "if receptions.flagged_list")
    doc.add_heading(t("有问题的接待", "Receptions with findings"), 2)
    _list_table(doc, t, "x in receptions.flagged_list")
    tag(doc, "endif")


def monthly_receptions(doc: Document, t: Tr, number: str) -> None:
    """The monthly notice's receptions section; ``number``: its heading's numeral."""
    doc.add_heading(t(f"{number}、接待情况", f"{number}. Receptions"), 1)
    tag(doc, "if receptions.rows")
    para(
        doc,
        t(
            "本月接待来访 {{ receptions.count }} 批次，来访 {{ receptions.guests }} 人次，陪同 "
            "{{ receptions.hosts }} 人次，费用合计 {{ receptions.total }} 元，有问题的接待 "
            "{{ receptions.flagged }} 批次。本年累计接待费用 {{ receptions.year_to_date }} 元"
            "{% if receptions.budget %}，预算执行率 {{ receptions.budget_used }}{% endif %}。",
            "{{ receptions.count }} visits were received this month ({{ receptions.guests }} "
            "guests, {{ receptions.hosts }} hosts), costing {{ receptions.total }} yuan; "
            "{{ receptions.flagged }} had findings. Reception costs so far this year: "
            "{{ receptions.year_to_date }} yuan{% if receptions.budget %}, "
            "{{ receptions.budget_used }} of the budget{% endif %}.",
        ),
    )
    _list_table(doc, t, "x in receptions.rows")
    spacer(doc)
    tag(doc, "else")
    para(
        doc,
        t(
            "本月无接待。本年累计接待费用 {{ receptions.year_to_date }} 元。",
            "No visits were received this month. Reception costs so far this year: "
            "{{ receptions.year_to_date }} yuan.",
        ),
    )
    tag(doc, "endif")
