"""Layout of 接待清单, one reception's list (context ``reports.reception_list``)."""

from __future__ import annotations

from docx.document import Document

from ..docx_parts import NOTE, Col, grid_table, loop_table, para, signature_table, spacer, tag
from .common import Tr, sign_lines, start


def reception(lang: str) -> Document:
    t = Tr(lang)
    doc = start(t, t("接待清单", "Reception list"))
    para(doc, t("接待清单", "Reception list"), "Title")
    para(doc, t("{{ school }}后勤处", "{{ school }} · Logistics Office"), "Subtitle")
    grid_table(
        doc,
        (28, 58, 30, 58),
        [
            [t("编号", "Reception ID"), "{{ r.id }}", t("接待日期", "Date"), "{{ r.date }}"],
            [t("来访单位", "Visitor"), "{{ r.visitor }}", t("事由", "Purpose"), "{{ r.purpose }}"],
            [
                t("来访人数", "Guests"),
                "{{ r.guests }}",
                t("陪同人数", "Hosts"),
                "{{ r.hosts }}",
            ],
            [
                t("用餐次数", "Meals"),
                "{{ r.meals }}",
                t("公函", "Official letter"),
                "{{ r.letter }}",
            ],
            [
                t("审批人", "Approved by"),
                "{{ r.approver }}",
                t("审批日期", "Approved on"),
                "{{ r.approved_date }}",
            ],
            [
                t("承办人", "Person in charge"),
                "{{ r.owner }}",
                t("酒水", "Alcohol"),
                "{{ r.alcohol }}",
            ],
        ],
        header=False,
        label_cols=(0, 2),
    )
    doc.add_heading(t("一、接待费用", "1. Costs"), 1)
    grid_table(
        doc,
        (40, 40, 94),
        [
            [t("项目", "Item"), t("金额（元）", "Amount (yuan)"), t("说明", "Note")],
            [t("餐费", "Meals"), "{{ costs.meal }}", "{{ costs.per_meal }}"],
            [t("住宿费", "Lodging"), "{{ costs.lodging }}", ""],
            [t("其他费用", "Other"), "{{ costs.other }}", ""],
            [t("合计", "Total"), "{{ costs.total }}", ""],
        ],
        aligns=("l", "r", "l"),
        keep_together=True,
    )
    doc.add_heading(
        t("二、对照《接待管理暂行规定》检查", "2. Checked against the reception regulation"), 1
    )
    loop_table(
        doc,
        [
            Col(t("检查项目", "Rule"), 26, "{{ c.rule }}", "l"),
            Col(t("规定", "Standard"), 56, "{{ c.standard }}", "l"),
            Col(t("本次接待", "This reception"), 62, "{{ c.actual }}", "l"),
            Col(t("结论", "Result"), 30, "{{ c.verdict }}"),
        ],
        "c in checks",
        keep_together=True,
    )
    spacer(doc)
    tag(doc, "if finding_count")
    para(
        doc,
        t(
            "检查结论：发现问题 {{ finding_count }} 项（{{ findings }}），请承办人说明情况，"
            "审批人签署意见。",
            "Result: {{ finding_count }} finding(s) ({{ findings }}). The person in charge "
            "explains; the approver gives an opinion.",
        ),
    )
    para(doc, t("情况说明：", "Explanation:"))
    para(doc, "_" * 60)
    para(doc, t("审批意见：", "Approver's opinion:"))
    para(doc, "_" * 60)
    tag(doc, "else")
    para(
        doc,
        t(
            "检查结论：本次接待符合《接待管理暂行规定》。",
            "Result: this reception complies with the regulation.",
        ),
    )
    tag(doc, "endif")
    para(doc, t("备注：{{ r.notes }}", "Notes: {{ r.notes }}"), NOTE)
    signature_table(
        doc,
        [
            [
                t("承办人（签字）：____________", "Person in charge: ____________"),
                t("审批人（签字）：____________", "Approver: ____________"),
            ],
            sign_lines(t),
        ],
    )
    return doc
