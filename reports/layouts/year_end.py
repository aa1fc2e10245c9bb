"""Layout of 年终考核报告, the year-end report (context: ``reports.year_end``)."""

from __future__ import annotations

from docx.document import Document

from ..docx_parts import NOTE, Col, grid_table, loop_table, new_section, para, spacer, tag
from .common import Tr, chart, month_cols, signature, start
from .reception_sections import year_end_receptions
from .year_end_property import property_sections


def year_end(lang: str) -> Document:
    t = Tr(lang)
    doc = start(t, t("年终考核报告", "Year-end appraisal report"))
    para(
        doc,
        t(
            "{{ school }}{{ year }}年度后勤工作考核报告",
            "{{ school }}: Logistics Appraisal Report {{ year }}",
        ),
        "Title",
    )
    para(doc, t("后勤处　{{ report_date }}", "Logistics Office · {{ report_date }}"), "Subtitle")
    para(
        doc,
        t(
            "考核期间：{{ period }}；数据截至 {{ as_of }}。",
            "Appraisal period: {{ period }}; data up to {{ as_of }}.",
        ),
        NOTE,
        align="c",
    )

    doc.add_heading(t("一、总体情况", "1. Overview"), 1)
    para(
        doc,
        t(
            "本年度共有 {{ summary.staff }} 名后勤人员参加考核，年度平均得分 "
            "{{ summary.average }} 分；其中优秀 {{ summary.excellent }} 人、良好 "
            "{{ summary.good }} 人、合格 {{ summary.pass }} 人、不合格 {{ summary.fail }} 人。"
            "全年绩效工资合计 {{ summary.pay_total }} 元。",
            "{{ summary.staff }} logistics staff were appraised this year, with an average "
            "annual score of {{ summary.average }}: {{ summary.excellent }} Excellent, "
            "{{ summary.good }} Good, {{ summary.pass }} Pass and {{ summary.fail }} Fail. "
            "Performance pay for the year totals {{ summary.pay_total }} yuan.",
        ),
    )
    grid_table(
        doc,
        (40, 47, 40, 47),
        [
            [
                t("参评人数", "Staff appraised"),
                "{{ summary.staff }}",
                t("年度平均分", "Average score"),
                "{{ summary.average }}",
            ],
            [
                t("优秀率", "Excellent share"),
                "{{ summary.excellent_rate }}",
                t("绩效工资合计（元）", "Pay total (yuan)"),
                "{{ summary.pay_total }}",
            ],
            [
                t("全年用电（kWh）", "Electricity (kWh)"),
                t(
                    "{{ summary.electricity }}（同比 {{ summary.electricity_yoy }}）",
                    "{{ summary.electricity }} ({{ summary.electricity_yoy }} YoY)",
                ),
                t("全年用水（m³）", "Water (m³)"),
                t(
                    "{{ summary.water }}（同比 {{ summary.water_yoy }}）",
                    "{{ summary.water }} ({{ summary.water_yoy }} YoY)",
                ),
            ],
            [
                t("服务会议（场）", "Meetings served"),
                "{{ summary.meetings }}",
                t("会务清单落实率", "Checklist items done"),
                "{{ summary.checklist_rate }}",
            ],
            [
                t("受理诉求（件）", "Requests received"),
                "{{ summary.requests }}",
                t("承诺按期兑现率", "Promises kept on time"),
                "{{ summary.kept_rate }}",
            ],
            [
                t("计划项目（项）", "Plan items"),
                "{{ summary.plans }}",
                t("计划按期完成率", "Plans done on time"),
                "{{ summary.plans_on_time_rate }}",
            ],
        ],
        header=False,
        label_cols=(0, 2),
        aligns=("l", "r", "l", "r"),
    )
    doc.add_heading(t("二、等级分布与绩效工资", "2. Grades and performance pay"), 1)
    loop_table(
        doc,
        [
            Col(t("等级", "Grade"), 26, "{{ g.grade }}"),
            Col(t("年度得分", "Annual score"), 36, "{{ g.band }}"),
            Col(t("人数", "Staff"), 22, "{{ g.count }}"),
            Col(t("占比", "Share"), 26, "{{ g.share }}"),
            Col(t("全年绩效工资（元）", "Annual pay (yuan)"), 40, "{{ g.pay }}", "r"),
        ],
        "g in grades",
        keep_together=True,
        totals=[
            [
                t("合计", "Total"),
                "",
                "{{ summary.staff }}",
                "100%",
                "{{ summary.pay_total }}",
            ]
        ],
    )
    chart(doc, "grade_chart")
    doc.add_heading(t("各岗位绩效工资", "Pay by post"), 2)
    loop_table(
        doc,
        [
            Col(t("岗位", "Post"), 34, "{{ p.post }}", "l"),
            Col(t("人数", "Staff"), 18, "{{ p.count }}"),
            Col(t("年度平均分", "Mean score"), 26, "{{ p.average }}"),
            Col(t("优秀人数", "Excellent"), 22, "{{ p.excellent }}"),
            Col(t("全年绩效工资（元）", "Annual pay (yuan)"), 38, "{{ p.pay }}", "r"),
            Col(t("人均（元）", "Per person"), 30, "{{ p.per_person }}", "r"),
        ],
        "p in posts",
        totals=[
            [
                t("合计", "Total"),
                "{{ summary.staff }}",
                "{{ summary.average }}",
                "{{ summary.excellent }}",
                "{{ summary.pay_total }}",
                "{{ summary.pay_per_person }}",
            ]
        ],
    )
    pay_by_month(doc, t)

    new_section(doc, landscape=True)
    doc.add_heading(t("三、年度考核排名", "3. Annual ranking"), 1)
    para(
        doc,
        t(
            "按年度得分（各月总分的平均值）排名；1—12 列为各月总分，“—”表示该月未参加考核。",
            "Ranked by the annual score (the mean of the monthly totals); the month columns "
            "show each month's total, “—” where the person was not appraised.",
        ),
        NOTE,
    )
    rank_cols = [
        Col(t("名次", "Rank"), t.width(11, 13), "{{ r.rank }}"),
        Col(t("工号", "ID"), 14.5, "{{ r.staff_id }}"),
        Col(t("姓名", "Name"), t.width(16, 34), "{{ r.name }}"),
        Col(t("岗位", "Post"), t.width(22, 26), "{{ r.post }}", "l"),
        *month_cols("r.m", 10.0),  # narrower since 年终绩效 joined: 100.0 still fits
        Col(t("年度得分", "Score"), 15, "{{ r.score }}"),
        Col(t("等级", "Grade"), 17, "{{ r.grade }}"),
        Col(t("全年绩效工资", "Annual pay"), 22, "{{ r.pay }}", "r"),
        Col(t("年终绩效", "Year-end pay"), 17, "{{ r.year_end_pay }}", "r"),
    ]
    loop_table(
        doc,
        rank_cols,
        "r in ranking",
        landscape=True,
        small=t.lang == "en",  # 8 pt: English names fit on one line
        totals=[
            [
                t("月均", "Mean"),
                "",
                "",
                "",
                *(f"{{{{ month_avg[{i}] }}}}" for i in range(12)),
                "{{ summary.average }}",
                "",
                "",
                "",
            ],
            [
                t("合计", "Total"),
                "",
                t("{{ summary.staff }} 人", "{{ summary.staff }} staff"),
                "",
                *([""] * 12),
                "",
                "",
                "{{ summary.pay_total }}",
                "{{ summary.year_end_total }}",
            ],
        ],
    )

    new_section(doc, landscape=False)
    doc.add_heading(t("四、季度考核情况", "4. Quarters"), 1)
    loop_table(
        doc,
        [
            Col(t("季度", "Quarter"), 20, "{{ q.quarter }}"),
            Col(t("参评人数", "Staff"), 18, "{{ q.count }}"),
            Col(t("平均分", "Mean"), 18, "{{ q.average }}"),
            Col(t("最高分", "Top"), 18, "{{ q.top }}"),
            Col(t("优秀", "Exc."), 16, "{{ q.excellent }}"),
            Col(t("良好", "Good"), 16, "{{ q.good }}"),
            Col(t("合格", "Pass"), 16, "{{ q.pass }}"),
            Col(t("不合格", "Fail"), 16, "{{ q.fail }}"),
            Col(t("绩效工资（元）", "Pay (yuan)"), 32, "{{ q.pay }}", "r"),
        ],
        "q in quarters",
        keep_together=True,
    )
    para(
        doc,
        t(
            "季度平均分为本人该季度各月总分的平均值；季度等级人数按季度平均分评定。",
            "A quarter's score is the mean of the person's monthly totals in it; grades "
            "follow from that mean.",
        ),
        NOTE,
    )
    chart(doc, "trend_chart")

    doc.add_heading(t("五、能耗情况", "5. Energy"), 1)
    para(
        doc,
        t(
            "全年用电 {{ energy.electricity }} kWh，其中两年同月都有用量的表计用电 "
            "{{ energy.electricity_compared }} kWh，去年同期 {{ energy.electricity_last }} kWh，"
            "同比 {{ energy.electricity_yoy }}；全年用水 {{ energy.water }} m³，其中可比部分 "
            "{{ energy.water_compared }} m³，去年同期 {{ energy.water_last }} m³，同比 "
            "{{ energy.water_yoy }}（同比只比较两年同月都有用量的表计）。"
            "全年表计月用量同比增幅超过 {{ energy.alert_percent }} 的预警共 "
            "{{ energy.alert_count }} 次。",
            "Electricity used this year: {{ energy.electricity }} kWh; on the meters and months "
            "read in both years {{ energy.electricity_compared }} kWh against "
            "{{ energy.electricity_last }} kWh last year ({{ energy.electricity_yoy }}); water: "
            "{{ energy.water }} m³, of which {{ energy.water_compared }} m³ comparable against "
            "{{ energy.water_last }} m³ ({{ energy.water_yoy }}). Changes compare only meters and "
            "months read in both years. "
            "A meter's monthly use grew more than {{ energy.alert_percent }} year on year "
            "{{ energy.alert_count }} times.",
        ),
    )
    loop_table(
        doc,
        [
            Col(t("月份", "Month"), 22, "{{ e.month }}"),
            Col(t("用电（kWh）", "Electricity"), 27, "{{ e.electricity }}", "r"),
            Col(t("去年同期", "Last year"), 27, "{{ e.electricity_last }}", "r"),
            Col(t("同比", "YoY"), 20, "{{ e.electricity_yoy }}", "r"),
            Col(t("用水（m³）", "Water (m³)"), 27, "{{ e.water }}", "r"),
            Col(t("去年同期", "Last year"), 27, "{{ e.water_last }}", "r"),
            Col(t("同比", "YoY"), 20, "{{ e.water_yoy }}", "r"),
        ],
        "e in energy.months",
        totals=[
            [
                t("全年", "Year"),
                "{{ energy.electricity }}",
                "{{ energy.electricity_last }}",
                "{{ energy.electricity_yoy }}",
                "{{ energy.water }}",
                "{{ energy.water_last }}",
                "{{ energy.water_yoy }}",
            ]
        ],
    )
    chart(doc, "energy_chart")
    tag(doc, "if energy.alerts")
    doc.add_heading(t("能耗预警", "Energy alerts"), 2)
    loop_table(
        doc,
        [
            Col(t("月份", "Month"), 24, "{{ a.month }}"),
            Col(t("表计", "Meter"), 40, "{{ a.meter }}", "l"),
            Col(t("本月用量", "Use"), 30, "{{ a.usage }}", "r"),
            Col(t("去年同期", "Last year"), 30, "{{ a.last_year }}", "r"),
            Col(t("同比", "YoY"), 24, "{{ a.yoy }}", "r"),
            Col(t("未整改问题", "Open findings"), 26, "{{ a.open_findings }}"),
        ],
        "a in energy.alerts",
    )
    tag(doc, "endif")

    doc.add_heading(t("六、会务服务", "6. Meetings"), 1)
    para(
        doc,
        t(
            "全年服务会议 {{ meetings.total }} 场，其中大型 {{ meetings.large }} 场、中型 "
            "{{ meetings.medium }} 场、小型 {{ meetings.small }} 场，紧急会议 "
            "{{ meetings.urgent }} 场。通知、会场布置、签到、会议保障四项全部落实的会议 "
            "{{ meetings.complete }} 场，占 {{ meetings.complete_rate }}；有问题记录的会议 "
            "{{ meetings.with_issues }} 场。",
            "{{ meetings.total }} meetings were served: {{ meetings.large }} large, "
            "{{ meetings.medium }} medium and {{ meetings.small }} small; "
            "{{ meetings.urgent }} were urgent. All four checklist items (notice, venue, "
            "sign-in, support) were done for {{ meetings.complete }} of them "
            "({{ meetings.complete_rate }}); {{ meetings.with_issues }} have issues recorded.",
        ),
    )
    loop_table(
        doc,
        [
            Col(t("清单项目", "Checklist item"), 40, "{{ c.item }}", "l"),
            Col(t("落实场次", "Done"), 30, "{{ c.done }}"),
            Col(t("会议场次", "Meetings"), 30, "{{ c.total }}"),
            Col(t("落实率", "Rate"), 30, "{{ c.rate }}"),
        ],
        "c in meetings.checklist",
        keep_together=True,
    )
    spacer(doc)
    loop_table(
        doc,
        [
            Col(t("规模", "Scale"), 30, "{{ s.scale }}"),
            Col(t("会议场次", "Meetings"), 30, "{{ s.total }}"),
            Col(t("其中紧急", "Urgent"), 30, "{{ s.urgent }}"),
            Col(t("四项全部落实", "All four done"), 30, "{{ s.complete }}"),
            Col(t("全部落实率", "Rate"), 30, "{{ s.rate }}"),
        ],
        "s in meetings.by_scale",
        keep_together=True,
    )

    doc.add_heading(t("七、诉求办理与承诺兑现", "7. Requests and promises"), 1)
    para(
        doc,
        t(
            "坚持急事急办、能办即办，办不到的不轻易承诺，承诺受阻及时说明。全年受理师生诉求 "
            "{{ requests.total }} 件，承诺按期兑现率 {{ requests.kept_rate }}。",
            "Urgent and doable requests are handled at once; nothing is promised that cannot "
            "be done, and a blocked promise is explained promptly. {{ requests.total }} "
            "requests were received; {{ requests.kept_rate }} of the promises were kept on time.",
        ),
    )
    grid_table(
        doc,
        (70, 30, 30),
        [
            [t("项目", "Item"), t("件数", "Count"), t("占比", "Share")],
            [t("受理诉求", "Requests received"), "{{ requests.total }}", "100%"],
            [t("其中紧急", "Urgent"), "{{ requests.urgent }}", "{{ requests.urgent_share }}"],
            [t("已办结", "Done"), "{{ requests.done }}", "{{ requests.done_share }}"],
            [t("作出承诺", "Promised"), "{{ requests.promised }}", "{{ requests.promised_share }}"],
            [
                t("按期兑现承诺", "Promise kept on time"),
                "{{ requests.kept }}",
                "{{ requests.kept_rate }}",
            ],
            [
                t("逾期已说明", "Late, explained"),
                "{{ requests.late_explained }}",
                "{{ requests.late_explained_share }}",
            ],
            [
                t("逾期未说明", "Late, not explained"),
                "{{ requests.late_unexplained }}",
                "{{ requests.late_unexplained_share }}",
            ],
            [
                t("当场办结（无须承诺）", "Done on the spot"),
                "{{ requests.on_the_spot }}",
                "{{ requests.on_the_spot_share }}",
            ],
            [
                t("不能承诺并已说明原因", "Not promised, reason given"),
                "{{ requests.declined }}",
                "{{ requests.declined_share }}",
            ],
        ],
        aligns=("l", "r", "r"),
    )
    tag(doc, "if requests.late_list")
    doc.add_heading(t("逾期或未办结的诉求", "Late or open requests"), 2)
    loop_table(
        doc,
        [
            Col(t("编号", "ID"), 23, "{{ x.id }}"),
            Col(t("提出日期", "Date"), 20, "{{ x.date }}"),
            Col(t("内容", "Request"), 34, "{{ x.content }}", "l"),
            Col(t("负责人", "Owner"), 15, "{{ x.owner }}"),
            Col(t("承诺日期", "Promised"), 20, "{{ x.promised }}"),
            Col(t("完成日期", "Done"), 20, "{{ x.done }}"),
            Col(t("说明", "Explanation"), 42, "{{ x.status }}", "l"),
        ],
        "x in requests.late_list",
    )
    tag(doc, "endif")

    doc.add_heading(t("八、计划完成情况", "8. Plans"), 1)
    para(
        doc,
        t(
            "年度内到期或已开始的计划项目 {{ plans.total }} 项，已完成 {{ plans.done }} 项，"
            "按期完成 {{ plans.on_time }} 项（{{ plans.on_time_rate }}），逾期未完成 "
            "{{ plans.overdue }} 项，预算合计 {{ plans.budget }} 元。",
            "{{ plans.total }} plan items were due or under way this year: {{ plans.done }} "
            "done, {{ plans.on_time }} on time ({{ plans.on_time_rate }}), "
            "{{ plans.overdue }} overdue; budget {{ plans.budget }} yuan.",
        ),
    )
    loop_table(
        doc,
        [
            Col(t("类别", "Category"), 26, "{{ p.category }}", "l"),
            Col(t("项目数", "Items"), 17, "{{ p.total }}"),
            Col(t("已完成", "Done"), 17, "{{ p.done }}"),
            Col(t("按期完成", "On time"), 19, "{{ p.on_time }}"),
            Col(t("逾期未完成", "Overdue"), 21, "{{ p.overdue }}"),
            Col(t("进行中", "Open"), 17, "{{ p.open }}"),
            Col(t("平均进度", "Progress"), 19, "{{ p.progress }}"),
            Col(t("预算（元）", "Budget (yuan)"), 30, "{{ p.budget }}", "r"),
        ],
        "p in plans.categories",
        keep_together=True,
        totals=[
            [
                t("合计", "Total"),
                "{{ plans.total }}",
                "{{ plans.done }}",
                "{{ plans.on_time }}",
                "{{ plans.overdue }}",
                "{{ plans.open }}",
                "{{ plans.progress }}",
                "{{ plans.budget }}",
            ]
        ],
    )
    tag(doc, "if plans.overdue_list")
    doc.add_heading(t("逾期未完成的计划", "Overdue plans"), 2)
    loop_table(
        doc,
        [
            Col(t("编号", "ID"), 22, "{{ x.id }}"),
            Col(t("项目", "Item"), 60, "{{ x.item }}", "l"),
            Col(t("负责人", "Owner"), 22, "{{ x.owner }}"),
            Col(t("截止日期", "Due"), 26, "{{ x.due }}"),
            Col(t("进度", "Progress"), 20, "{{ x.progress }}"),
        ],
        "x in plans.overdue_list",
    )
    tag(doc, "endif")
    year_end_receptions(doc, t, t("九", "9"))
    property_sections(doc, t)  # 十、学校财产 and 十一、报修与满意度
    signature(doc, t, "{{ report_date }}")

    new_section(doc, landscape=True)
    doc.add_heading(t("附录　个人考核明细", "Appendix: each person's year"), 1)
    tag(doc, "for p in appendix")
    doc.add_heading(
        t(
            "{{ p.rank }}．{{ p.name }}（{{ p.staff_id }}，{{ p.post }}）",
            "{{ p.rank }}. {{ p.name }} ({{ p.staff_id }}, {{ p.post }})",
        ),
        2,
    )
    para(
        doc,
        t(
            "年度得分 {{ p.score }}，等级 {{ p.grade }}，第 {{ p.rank }} 名；参加考核 "
            "{{ p.months }} 个月，全年绩效工资 {{ p.pay }} 元；季度平均分：{{ p.quarters }}。",
            "Annual score {{ p.score }}, {{ p.grade }}, rank {{ p.rank }}; appraised in "
            "{{ p.months }} months; annual pay {{ p.pay }} yuan; quarters: {{ p.quarters }}.",
        ),
        NOTE,
    ).paragraph_format.keep_with_next = True
    loop_table(
        doc,
        [
            Col(t("项目", "Item"), 17, "{{ row.label }}", "l"),
            *month_cols("row.m", 17.5),
            Col(t("全年", "Year"), 21, "{{ row.year }}", "r"),
        ],
        "row in p.rows",
        landscape=True,
        small=True,
    )
    tag(doc, "endfor")
    return doc


def pay_by_month(doc: Document, t: Tr) -> None:
    """Pay month by month (the pool of each month under 总额分配) and 年终绩效 (SPEC 4.6)."""
    doc.add_heading(t("各月绩效工资与年终绩效", "Pay by month and year-end pay"), 2)
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
    tag(doc, "if has_year_end_pool")
    para(
        doc,
        t(
            "年终绩效总额 {{ year_end_pool }} 元，按年度等级系数 × 绩效工资基数分配到分，"
            "合计 {{ summary.year_end_total }} 元（见年度考核排名）。",
            "The year-end pool of {{ year_end_pool }} yuan was shared by PayBase × the annual "
            "grade's coefficient, to the cent: {{ summary.year_end_total }} yuan in all (see "
            "the annual ranking).",
        ),
    )
    tag(doc, "else")
    para(doc, t("本年度未设年终绩效总额。", "There was no year-end pool this year."))
    tag(doc, "endif")
