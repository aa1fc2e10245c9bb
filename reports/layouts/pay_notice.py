"""Layout of 绩效公示, the public pay notice for a month or a year (context
``reports.pay_notice``)."""

from __future__ import annotations

from docx.document import Document

from ..docx_parts import Col, keep_with_next, loop_table, para, signature_table, tag
from .common import Tr, signature, start


def pay_notice(lang: str) -> Document:
    t = Tr(lang)
    doc = start(t, t("绩效公示", "Performance pay notice"))
    para(
        doc,
        t("{{ period_title }}后勤人员绩效工资公示", "Performance pay notice: {{ period_title }}"),
        "Title",
    )
    para(
        doc,
        t("{{ school }}后勤处　{{ issue_date }}", "{{ school }} · {{ issue_date }}"),
        "Subtitle",
    )
    para(
        doc,
        t(
            "根据后勤人员考评办法和学校绩效工资分配方案，现将{{ period_title }}后勤人员考评结果和"
            "绩效工资分配情况（数据截至 {{ as_of }}）予以公示，接受全体教职工监督。",
            "Under the appraisal rules and the school's pay scheme, the appraisal results and "
            "performance pay of the logistics staff for {{ period_title }} (data up to "
            "{{ as_of }}) are posted here for every member of staff to check.",
        ),
    )
    doc.add_heading(t("一、分配办法", "1. How pay was set"), 1)
    tag(doc, "if pool_mode and has_pool")
    para(
        doc,
        t(
            "{% if is_year %}全年各月{% endif %}奖励性绩效总额{% if is_year %}合计{% endif %} "
            "{{ pool }} 元，按每人“绩效工资基数 × 绩效系数”的分值占比分配，"
            "计算到分：先舍去每人应得金额中不足一分的部分，余下的分按舍去部分从大到小逐一补给"
            "（相同时名次在前者优先，再按工号）。实际分配合计 {{ paid }} 元。",
            "{% if is_year %}The monthly pools total{% else %}A pool of{% endif %} {{ pool }} "
            "yuan{% if is_year %}, each{% endif %} shared in proportion to each person's PayBase × "
            "coefficient, to the cent; the cents left over by rounding down go one each to the "
            "largest remainders (ties: better rank, then staff ID). Total paid: {{ paid }} yuan.",
        ),
    )
    tag(doc, "elif pool_mode")
    para(
        doc,
        t(
            "“绩效总额”表中尚未填写本期的奖励性绩效总额，本期绩效工资暂不分配，待总额确定后"
            "另行公示。",
            "The PayPools sheet has no pool for this period yet, so no pay is shared now; it "
            "will be posted again once the pool is set.",
        ),
    )
    tag(doc, "else")
    para(
        doc,
        t(
            "绩效工资 = 绩效工资基数 × 绩效系数（四舍五入到分），合计 {{ paid }} 元。",
            "Performance pay = PayBase × coefficient, rounded to the cent; total {{ paid }} yuan.",
        ),
    )
    tag(doc, "endif")
    tag(doc, "if is_year")
    tag(doc, "if has_year_end_pool")
    para(
        doc,
        t(
            "年终绩效总额 {{ year_end_pool }} 元，按年度考核等级的绩效系数和绩效工资基数同样分配，"
            "合计 {{ year_end_paid }} 元。全年绩效工资为各月绩效工资之和。",
            "The year-end pool of {{ year_end_pool }} yuan is shared the same way by PayBase × "
            "the annual grade's coefficient; total {{ year_end_paid }} yuan. Annual pay is the "
            "sum of the monthly pay.",
        ),
    )
    tag(doc, "else")
    para(
        doc,
        t(
            "本年度未设年终绩效总额。全年绩效工资为各月绩效工资之和。",
            "There is no year-end pool this year. Annual pay is the sum of the monthly pay.",
        ),
    )
    tag(doc, "endif")
    tag(doc, "endif")

    doc.add_heading(t("二、公示名单", "2. Results"), 1)
    tag(doc, "if is_year")
    loop_table(
        doc,
        [
            Col(t("名次", "Rank"), 11, "{{ r.rank }}"),
            Col(t("工号", "ID"), 15, "{{ r.staff_id }}"),
            Col(t("姓名", "Name"), 16, "{{ r.name }}"),
            Col(t("岗位", "Post"), 22, "{{ r.post }}", "l"),
            Col(t("月数", "Months"), 11, "{{ r.months }}"),
            Col(t("年度得分", "Score"), 15, "{{ r.score }}"),
            Col(t("等级", "Grade"), 15, "{{ r.grade }}"),
            Col(t("系数", "Coef."), 11, "{{ r.coef }}"),
            Col(t("全年绩效工资（元）", "Annual pay (yuan)"), 25, "{{ r.pay }}", "r"),
            Col(t("年终绩效（元）", "Year-end pay (yuan)"), 22, "{{ r.year_end_pay }}", "r"),
        ],
        "r in rows",
        totals=[
            [
                t("合计", "Total"),
                "",
                t("{{ staff }} 人", "{{ staff }}"),
                "",
                "",
                "",
                "",
                "",
                "{{ paid }}",
                "{{ year_end_paid }}",
            ]
        ],
    )
    tag(doc, "else")
    loop_table(
        doc,
        [
            Col(t("名次", "Rank"), 12, "{{ r.rank }}"),
            Col(t("工号", "ID"), 16, "{{ r.staff_id }}"),
            Col(t("姓名", "Name"), 18, "{{ r.name }}"),
            Col(t("岗位", "Post"), 26, "{{ r.post }}", "l"),
            Col(t("总分", "Score"), 15, "{{ r.score }}"),
            Col(t("等级", "Grade"), 16, "{{ r.grade }}"),
            Col(t("系数", "Coef."), 13, "{{ r.coef }}"),
            Col(t("绩效工资（元）", "Pay (yuan)"), 26, "{{ r.pay }}", "r"),
        ],
        "r in rows",
        totals=[
            [
                t("合计", "Total"),
                "",
                t("{{ staff }} 人", "{{ staff }}"),
                "",
                "",
                "",
                "",
                "{{ paid }}",
            ]
        ],
    )
    tag(doc, "endif")
    tag(doc, "if is_year and pools")
    doc.add_heading(t("各月绩效工资", "Pay by month"), 2)
    loop_table(
        doc,
        [
            Col(t("月份", "Month"), 30, "{{ p.month }}"),
            Col(t("绩效总额（元）", "Pool (yuan)"), 40, "{{ p.pool }}", "r"),
            Col(t("实发合计（元）", "Paid (yuan)"), 40, "{{ p.paid }}", "r"),
            Col(t("人数", "Staff"), 20, "{{ p.staff }}"),
        ],
        "p in pools",
        keep_together=True,
    )
    tag(doc, "endif")

    doc.add_heading(t("三、公示期与异议", "3. Posting period and objections"), 1)
    posting = para(
        doc,
        t(
            "公示期为 {{ posting_days }} 个工作日：{{ posting_start }}至{{ posting_end }}。"
            "对公示结果有异议的，请在公示期内以书面或当面方式向后勤处实名反映，后勤处核实后"
            "予以答复；公示期满无异议的，按公示结果发放。",
            "The notice is posted for {{ posting_days }} working days, from {{ posting_start }} "
            "to {{ posting_end }}. Anyone who disagrees may raise it with the Logistics Office, "
            "in writing or in person and under their own name, within that period; the office "
            "checks and answers. Without objections, pay is made as posted.",
        ),
    )
    keep_with_next(posting)  # the closing lines and the signatures stay on one page
    keep_with_next(
        para(
            doc,
            t(
                "受理部门：后勤处　联系人：____________　电话：____________　地点：__________",
                "Logistics Office contact: ______________  Phone: ______________  "
                "Room: ______________",
            ),
        )
    )
    signature_table(
        doc,
        [
            [
                t("后勤处负责人（签字）：______________", "Head of Logistics: ______________"),
                t("分管校领导（签字）：______________", "School leader: ______________"),
            ],
            [
                t("日期：______年____月____日", "Date: ____________"),
                t("日期：______年____月____日", "Date: ____________"),
            ],
        ],
    )
    signature(doc, t, "{{ issue_date }}")
    return doc
