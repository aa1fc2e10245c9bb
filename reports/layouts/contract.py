"""Layout of 岗位责任状, one person's responsibility contract (context ``reports.contract``)."""

from __future__ import annotations

from docx.document import Document
from docx.shared import Pt

from ..docx_parts import SIGNATURE, Col, grid_table, loop_table, para, signature_table, tag
from .common import Tr, closing, sign_lines, start


def contract(lang: str) -> Document:
    t = Tr(lang)
    doc = start(t, t("岗位责任状", "Responsibility contract"))
    compact(doc)
    para(doc, t("岗位责任状", "Post Responsibility Contract"), "Title")
    para(doc, t("{{ school }}　{{ year }}年度", "{{ school }} · {{ year }}"), "Subtitle")
    para(
        doc,
        t(
            "为落实后勤工作“定岗、定位、定责”，明确岗位职责和工作标准，后勤处（甲方）与岗位责任人"
            "（乙方）签订本责任状。",
            "To give every post a fixed place, a named person and written standards, the "
            "Logistics Office (Party A) and the post holder (Party B) agree as follows.",
        ),
    )
    grid_table(
        doc,
        (28, 58, 30, 58),
        [
            [
                t("甲方", "Party A"),
                t("{{ school }}后勤处", "{{ school }} Logistics Office"),
                t("乙方（责任人）", "Party B"),
                "{{ name }}",
            ],
            [
                t("工号", "Staff ID"),
                "{{ staff_id }}",
                t("岗位", "Post"),
                t("{{ post }}（{{ post_id }}）", "{{ post }} ({{ post_id }})"),
            ],
            [
                t("入职日期", "Start date"),
                "{{ start_date }}",
                t("责任期限", "Term"),
                "{{ period }}",
            ],
        ],
        header=False,
        label_cols=(0, 2),
    )
    sections = (
        (t("一、岗位职责", "1. Duties"), "duties"),
        (t("二、质量标准", "2. Quality standard"), "quality"),
        (t("三、数量标准", "3. Quantity standard"), "quantity"),
    )
    for heading, name in sections:
        doc.add_heading(heading, 1)
        tag(doc, f"for d in {name}")
        para(doc, "{{ loop.index }}. {{ d }}")
        tag(doc, "endfor")
    para(
        doc,
        t(
            "月度数量目标：{{ monthly_target }}（按本人当月实际工作日折算）。",
            "Monthly quantity target: {{ monthly_target }} (prorated by the working days "
            "actually worked).",
        ),
    )
    doc.add_heading(t("四、时限要求", "4. Time limits"), 1)
    para(
        doc,
        t(
            "接到报修、诉求或工作任务后，须在 {{ time_limit }} 内响应处理。急事急办、能办即办；"
            "办不到的不轻易承诺；承诺的事项按期兑现，确因客观原因不能按期完成的，应及时向服务"
            "对象说明原因并登记。",
            "Respond to a repair call, request or task within {{ time_limit }}. Do urgent and "
            "doable things at once; do not promise what cannot be done; keep promises on time, "
            "and when one is blocked, explain promptly and record it.",
        ),
    )
    doc.add_heading(t("五、考核与奖惩", "5. Appraisal and pay"), 1)
    para(
        doc,
        t(
            "乙方每月参加后勤处考评，满分 100 分：日志分 {{ maxima.log }} 分、数量分 "
            "{{ maxima.quantity }} 分、质量分 {{ maxima.quality }} 分、时效分 "
            "{{ maxima.timeliness }} 分。月绩效工资基数 {{ pay_base }} 元，月绩效工资 = 基数 × "
            "绩效系数：",
            "Party B is appraised every month out of 100: log {{ maxima.log }}, quantity "
            "{{ maxima.quantity }}, quality {{ maxima.quality }}, timeliness "
            "{{ maxima.timeliness }}. Monthly pay = the pay base of {{ pay_base }} yuan × the "
            "coefficient of the grade:",
        ),
    )
    loop_table(
        doc,
        [
            Col(t("等级", "Grade"), 36, "{{ g.grade }}"),
            Col(t("月度总分", "Monthly total"), 46, "{{ g.band }}"),
            Col(t("绩效系数", "Coefficient"), 36, "{{ g.coef }}"),
            Col(t("月绩效工资（元）", "Monthly pay (yuan)"), 46, "{{ g.pay }}", "r"),
        ],
        "g in grades",
        keep_together=True,
    )
    para(
        doc,
        t(
            "季度、年度考核结果按各月总分的平均值评定，作为评优评先和续聘的依据。",
            "Quarterly and annual results are the mean of the monthly totals and count toward "
            "awards and renewal.",
        ),
    )
    doc.add_heading(t("六、其他", "6. Other terms"), 1)
    closing(
        doc,
        t(
            "本责任状一式两份，甲乙双方各执一份，自签订之日起生效，有效期至 {{ period_end }}。"
            "岗位职责或标准调整的，以后勤处书面通知为准。",
            "This contract is made in two copies, one for each party. It takes effect when "
            "signed and runs until {{ period_end }}. Changes to the duties or standards are "
            "made in writing by the Logistics Office.",
        ),
    )
    signature_table(
        doc,
        [
            [
                t("甲方：{{ school }}后勤处", "Party A: {{ school }} Logistics Office"),
                t("乙方（责任人）：{{ name }}", "Party B: {{ name }}"),
            ],
            [
                t("后勤处主任（签字）：____________", "Director (signature): ____________"),
                t("责任人（签字）：____________", "Post holder (signature): ____________"),
            ],
            sign_lines(t),
        ],
    )
    return doc


def compact(doc: Document) -> None:
    """Tighter headings and lines, so that a usual contract, signatures included, fits on one
    page; a longer one moves its last clause over with the signatures (``closing``)."""
    heading = doc.styles["Heading 1"]
    heading.font.size = Pt(12)
    heading.paragraph_format.space_before = Pt(6)
    heading.paragraph_format.space_after = Pt(2)
    doc.styles["Subtitle"].paragraph_format.space_after = Pt(6)
    doc.styles[SIGNATURE].paragraph_format.space_before = Pt(10)
    normal = doc.styles["Normal"].paragraph_format
    normal.space_after = Pt(1)
    normal.line_spacing = 1.0
