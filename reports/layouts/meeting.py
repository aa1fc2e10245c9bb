"""Layout of 会务工作单, a meeting's work sheet (context ``reports.meeting_sheet``)."""

from __future__ import annotations

from docx.document import Document

from ..docx_parts import NOTE, Col, grid_table, loop_table, para, signature_table
from .common import Tr, closing, sign_lines, start


def meeting(lang: str) -> Document:
    t = Tr(lang)
    doc = start(t, t("会务工作单", "Meeting work sheet"))
    para(doc, t("会务工作单", "Meeting work sheet"), "Title")
    para(doc, t("{{ school }}后勤处", "{{ school }} · Logistics Office"), "Subtitle")
    grid_table(
        doc,
        (28, 58, 30, 58),
        [
            [t("编号", "Meeting ID"), "{{ m.id }}", t("会议名称", "Title"), "{{ m.title }}"],
            [
                t("会议日期", "Date"),
                t("{{ m.date }}（{{ m.weekday }}）", "{{ m.date }} ({{ m.weekday }})"),
                t("规模 / 紧急程度", "Scale / urgency"),
                "{{ m.scale }} / {{ m.urgency }}",
            ],
            [
                t("会务负责人", "Person in charge"),
                "{{ m.owner }}",
                t("执行标准", "Standard"),
                "{{ standard }}",
            ],
        ],
        header=False,
        label_cols=(0, 2),
    )
    doc.add_heading(t("一、会务工作清单", "1. Checklist"), 1)
    para(
        doc,
        t(
            "完成时限按会议日期倒排，遇节假日提前到前一个工作日；紧急会议按小时倒排。"
            "完成一项，勾选一项。",
            "Deadlines count back from the meeting date and move to the previous working day "
            "over holidays; urgent meetings count back in hours. Tick each item when done.",
        ),
        NOTE,
    )
    loop_table(
        doc,
        [
            Col(t("序号", "No."), 10, "{{ i.no }}"),
            Col(t("环节", "Stage"), 18, "{{ i.stage }}"),
            Col(t("工作内容", "Task"), 64, "{{ i.task }}", "l"),
            Col(t("责任岗位", "Owner"), 24, "{{ i.owner }}"),
            Col(t("完成时限", "Deadline"), 34, "{{ i.due }}", "l"),
            Col(t("完成", "Done"), 12, "□"),
            Col(t("备注", "Notes"), 12, ""),
        ],
        "i in items",
    )
    doc.add_heading(t("二、四项清单落实情况（工作簿记录）", "2. As recorded in the workbook"), 1)
    grid_table(
        doc,
        (43.5, 43.5, 43.5, 43.5),
        [
            [
                t("通知", "Notice"),
                t("会场布置", "Venue"),
                t("签到", "Sign-in"),
                t("会议保障", "Support"),
            ],
            [
                "{{ recorded.notice }}",
                "{{ recorded.venue }}",
                "{{ recorded.sign_in }}",
                "{{ recorded.support }}",
            ],
        ],
        aligns=("c", "c", "c", "c"),
        keep_together=True,
    )
    closing(doc, t("问题记录：{{ m.issues }}", "Issues: {{ m.issues }}"))
    signature_table(
        doc,
        [
            [
                t("会务负责人（签字）：____________", "Person in charge: ____________"),
                t("后勤处审核（签字）：____________", "Approved (Logistics): ____________"),
            ],
            sign_lines(t),
        ],
    )
    return doc
