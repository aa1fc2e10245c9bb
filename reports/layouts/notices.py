"""Layouts of the two monthly notices: 月度考评通报 (context ``reports.monthly_notice``) and
节能通报 (context ``reports.energy_notice``)."""

from __future__ import annotations

from docx.document import Document

from ..docx_parts import Col, loop_table, para, tag
from .common import Tr, chart, closing, signature, start
from .property import overdue_loans_block
from .reception_sections import monthly_receptions


def monthly(lang: str) -> Document:
    t = Tr(lang)
    doc = start(t, t("月度考评通报", "Monthly appraisal notice"))
    para(
        doc,
        t(
            "关于{{ month_title }}后勤人员考评结果的通报",
            "Logistics staff appraisal: {{ month_title }}",
        ),
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
            "根据岗位责任状和后勤人员考评办法，后勤处对{{ month_title }}全体后勤人员的工作日志、"
            "工作数量、工作质量和工作时效进行了考评（数据截至 {{ as_of }}）。现将结果通报如下。",
            "Under the responsibility contracts and the appraisal rules, the Logistics Office "
            "appraised every staff member's work log, quantity, quality and timeliness for "
            "{{ month_title }} (data up to {{ as_of }}). The results follow.",
        ),
    )
    doc.add_heading(t("一、总体情况", "1. Overview"), 1)
    para(
        doc,
        t(
            "本月参加考评 {{ summary.staff }} 人，平均得分 {{ summary.average }} 分，最高 "
            "{{ summary.top }} 分，最低 {{ summary.bottom }} 分。优秀 {{ summary.excellent }} 人、"
            "良好 {{ summary.good }} 人、合格 {{ summary.pass }} 人、不合格 {{ summary.fail }} 人；"
            "本月绩效工资合计 {{ summary.pay_total }} 元。",
            "{{ summary.staff }} staff were appraised; the average score is "
            "{{ summary.average }} (highest {{ summary.top }}, lowest {{ summary.bottom }}): "
            "{{ summary.excellent }} Excellent, {{ summary.good }} Good, {{ summary.pass }} Pass, "
            "{{ summary.fail }} Fail. Performance pay this month totals {{ summary.pay_total }} "
            "yuan.",
        ),
    )
    doc.add_heading(t("二、表扬", "2. Commendation"), 1)
    tag(doc, "if excellent")
    para(
        doc,
        t(
            "本月考评优秀的同志：{{ excellent }}。希望大家以他们为榜样，做好本职工作。",
            "Rated Excellent this month: {{ excellent }}. Well done.",
        ),
    )
    tag(doc, "else")
    para(doc, t("本月无考评优秀人员。", "Nobody was rated Excellent this month."))
    tag(doc, "endif")
    doc.add_heading(t("三、需改进", "3. To improve"), 1)
    tag(doc, "if improve")
    para(
        doc,
        t(
            "以下同志本月考评为合格或不合格，请对照原因认真整改：",
            "The following staff were rated Pass or Fail; please act on the reasons given:",
        ),
    )
    loop_table(
        doc,
        [
            Col(t("工号", "ID"), t.width(16, 12), "{{ x.staff_id }}"),
            Col(t("姓名", "Name"), t.width(16, 34), "{{ x.name }}"),
            Col(t("岗位", "Post"), 22, "{{ x.post }}", "l"),
            Col(t("总分", "Total"), t.width(14, 13), "{{ x.total }}"),
            Col(t("等级", "Grade"), t.width(17, 16), "{{ x.grade }}"),
            Col(t("主要原因", "Main reasons"), t.width(92, 77), "{{ x.reasons }}", "l"),
        ],
        "x in improve",
        small=t.lang == "en",
    )
    tag(doc, "else")
    para(doc, t("本月无合格及以下人员。", "Everyone was rated Good or better this month."))
    tag(doc, "endif")

    doc.add_heading(t("四、考评结果", "4. Results"), 1)
    loop_table(
        doc,
        [
            Col(t("名次", "Rank"), t.width(10, 12), "{{ r.rank }}"),
            Col(t("工号", "ID"), t.width(14, 10), "{{ r.staff_id }}"),
            Col(t("姓名", "Name"), t.width(15, 34), "{{ r.name }}"),
            Col(t("岗位", "Post"), 20, "{{ r.post }}", "l"),
            Col(
                t("日志分\n（{{ maxima.log }}）", "Log\n({{ maxima.log }})"),
                t.width(12.5, 11.5),
                "{{ r.log }}",
            ),
            Col(
                t("数量分\n（{{ maxima.quantity }}）", "Qty\n({{ maxima.quantity }})"),
                t.width(12.5, 11.5),
                "{{ r.quantity }}",
            ),
            Col(
                t("质量分\n（{{ maxima.quality }}）", "Qual.\n({{ maxima.quality }})"),
                t.width(12.5, 11.5),
                "{{ r.quality }}",
            ),
            Col(
                t("时效分\n（{{ maxima.timeliness }}）", "Time\n({{ maxima.timeliness }})"),
                t.width(12.5, 11.5),
                "{{ r.timeliness }}",
            ),
            Col(t("总分", "Total"), t.width(12.5, 11), "{{ r.total }}"),
            Col(t("等级", "Grade"), t.width(17, 16), "{{ r.grade }}"),
            Col(t("系数", "Coef."), t.width(10, 12), "{{ r.coef }}"),
            Col(t("绩效工资", "Pay"), t.width(18.5, 16), "{{ r.pay }}", "r"),
        ],
        "r in scores",
        small=t.lang == "en",  # English words are longer: 8 pt keeps every row on one line
        totals=[
            [
                t("合计", "Total"),
                "",
                t("{{ summary.staff }} 人", "{{ summary.staff }}"),
                "",
                "",
                "",
                "",
                "",
                "{{ summary.average }}",
                "",
                "",
                "{{ summary.pay_total }}",
            ]
        ],
    )
    doc.add_heading(t("五、检查记录", "5. Inspection findings"), 1)
    tag(doc, "if inspections")
    loop_table(
        doc,
        [
            Col(t("日期", "Date"), t.width(20, 21), "{{ i.date }}"),
            Col(t("姓名", "Name"), t.width(16, 34), "{{ i.name }}"),
            Col(t("检查项目", "Item"), t.width(28, 30), "{{ i.item }}", "l"),
            Col(t("加减分", "Points"), t.width(14, 13), "{{ i.points }}"),
            Col(t("说明", "Reason"), t.width(80, 42), "{{ i.reason }}", "l"),
            Col(t("检查人", "Inspector"), t.width(16, 34), "{{ i.inspector }}"),
        ],
        "i in inspections",
    )
    tag(doc, "else")
    para(doc, t("本月无加减分记录。", "No points were given or taken this month."))
    tag(doc, "endif")
    monthly_receptions(doc, t, t("六", "6"))
    overdue_loans_block(doc, t)
    closing(
        doc,
        t(
            "请各岗位人员对照考评结果查找不足、及时整改。对考评结果有异议的，可在通报发布之日起 "
            "5 个工作日内向后勤处提出复核。",
            "Staff who disagree with their result may ask the Logistics Office for a review "
            "within 5 working days of this notice.",
        ),
    )
    if lang == "zh":
        closing(doc, "特此通报。")
    signature(doc, t, "{{ issue_date }}")
    return doc


def energy(lang: str) -> Document:
    t = Tr(lang)
    doc = start(t, t("节能通报", "Energy notice"))
    para(
        doc,
        t("{{ month_title }}节能通报", "Energy notice: {{ month_title }}"),
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
            "按照学校节能管理要求，后勤处每周对水电表计进行检查，每月组织联合检查。现将"
            "{{ month_title }}用水用电和检查情况通报如下（数据截至 {{ as_of }}）。",
            "The Logistics Office checks the water and electricity meters every week and holds "
            "a joint check every month. Use and findings for {{ month_title }} (data up to "
            "{{ as_of }}):",
        ),
    )
    doc.add_heading(t("一、用能概况", "1. Overview"), 1)
    para(
        doc,
        t(
            "本月用电 {{ totals.electricity }} kWh，其中两年可比的表计用电 "
            "{{ totals.electricity_compared }} kWh，去年同期 {{ totals.electricity_last }} kWh，"
            "同比 {{ totals.electricity_yoy }}；用水 {{ totals.water }} m³，其中可比表计 "
            "{{ totals.water_compared }} m³，去年同期 {{ totals.water_last }} m³，同比 "
            "{{ totals.water_yoy }}。本月完成周查 "
            "{{ checks.weekly }} 次、月联查 {{ checks.monthly }} 次，"
            "发现问题 {{ checks.findings }} 项。",
            "Electricity: {{ totals.electricity }} kWh; on the meters read in both years "
            "{{ totals.electricity_compared }} kWh against {{ totals.electricity_last }} kWh "
            "a year ago ({{ totals.electricity_yoy }}). Water: {{ totals.water }} m³; on the "
            "meters read in both years {{ totals.water_compared }} m³ against "
            "{{ totals.water_last }} m³ ({{ totals.water_yoy }}). Weekly check rounds: "
            "{{ checks.weekly }}; joint checks: {{ checks.monthly }}; problems found: "
            "{{ checks.findings }}.",
        ),
    )
    doc.add_heading(t("二、各表计用量", "2. Use per meter"), 1)
    loop_table(
        doc,
        [
            Col(t("表计", "Meter"), 28, "{{ m.meter }}", "l"),
            Col(t("类别", "Kind"), 20, "{{ m.kind }}"),
            Col(t("本月用量", "Use"), 22, "{{ m.usage }}", "r"),
            Col(t("去年同期", "Last year"), 22, "{{ m.last_year }}", "r"),
            Col(t("同比", "YoY"), 18, "{{ m.yoy }}", "r"),
            Col(t("预警", "Alert"), 14, "{{ m.alert }}"),
            Col(t("周查次数", "Weekly checks"), 18, "{{ m.weekly_checks }}"),
            Col(t("未整改问题", "Open findings"), 20, "{{ m.open_findings }}"),
            Col(t("单位", "Unit"), 12, "{{ m.unit }}"),
        ],
        "m in meters",
    )
    chart(doc, "meter_chart")
    doc.add_heading(t("三、能耗预警", "3. Alerts"), 1)
    tag(doc, "if alerts")
    para(
        doc,
        t(
            "以下表计本月用量同比增幅超过 {{ alert_percent }}，请相关岗位查明原因、采取措施：",
            "These meters used more than {{ alert_percent }} above the same month last year; "
            "the posts concerned must find the cause and act:",
        ),
    )
    loop_table(
        doc,
        [
            Col(t("表计", "Meter"), 40, "{{ a.meter }}", "l"),
            Col(t("本月用量", "Use"), 30, "{{ a.usage }}", "r"),
            Col(t("去年同期", "Last year"), 30, "{{ a.last_year }}", "r"),
            Col(t("同比", "YoY"), 24, "{{ a.yoy }}", "r"),
            Col(t("检查发现", "Findings"), 50, "{{ a.findings }}", "l"),
        ],
        "a in alerts",
    )
    tag(doc, "else")
    para(
        doc,
        t(
            "本月没有表计的用量同比增幅超过 {{ alert_percent }}。",
            "No meter used more than {{ alert_percent }} above the same month last year.",
        ),
    )
    tag(doc, "endif")
    doc.add_heading(t("四、本月检查发现的问题", "4. Problems found this month"), 1)
    tag(doc, "if findings")
    loop_table(
        doc,
        [
            Col(t("日期", "Date"), 22, "{{ f.date }}"),
            Col(t("表计", "Meter"), 28, "{{ f.meter }}", "l"),
            Col(t("检查类型", "Check"), 18, "{{ f.check }}"),
            Col(t("发现问题", "Finding"), 70, "{{ f.finding }}", "l"),
            Col(t("检查人", "Checker"), t.width(18, 22), "{{ f.checker }}"),
            Col(t("已整改", "Fixed"), 18, "{{ f.fixed }}"),
        ],
        "f in findings",
    )
    tag(doc, "else")
    para(doc, t("本月检查未发现问题。", "No problems were found this month."))
    tag(doc, "endif")
    doc.add_heading(t("五、未整改问题", "5. Open findings"), 1)
    tag(doc, "if open_findings")
    para(
        doc,
        t(
            "截至 {{ month_end }}，以下问题尚未整改，请责任岗位限期整改并报后勤处复查：",
            "Not yet fixed on {{ month_end }}; the posts concerned must fix them and report "
            "back to the Logistics Office:",
        ),
    )
    loop_table(
        doc,
        [
            Col(t("发现日期", "Found"), 24, "{{ o.date }}"),
            Col(t("表计", "Meter"), 30, "{{ o.meter }}", "l"),
            Col(t("问题", "Finding"), 76, "{{ o.finding }}", "l"),
            Col(t("检查人", "Checker"), t.width(22, 24), "{{ o.checker }}"),
            Col(t("已过天数", "Days open"), 22, "{{ o.days }}"),
        ],
        "o in open_findings",
    )
    tag(doc, "else")
    para(
        doc,
        t(
            "截至 {{ month_end }}，检查发现的问题均已整改。",
            "Every problem found had been fixed by {{ month_end }}.",
        ),
    )
    tag(doc, "endif")
    doc.add_heading(t("六、节能要求", "6. What everyone should do"), 1)
    for zh, en in (
        (
            "人走灯灭，空调、电脑、饮水机等用电设备下班后及时关闭。",
            "Lights off when leaving; air conditioners, computers and water dispensers off "
            "after work.",
        ),
        (
            "发现跑冒滴漏、长明灯、长流水，立即报后勤处维修。",
            "Report leaks, lights left on and running taps to the Logistics Office at once.",
        ),
        (
            "食堂、宿舍、实验室等重点部位加强巡查，大功率设备专人管理。",
            "Check canteens, dormitories and laboratories more often; high-power equipment "
            "has a named keeper.",
        ),
        (
            "检查发现的问题当日登记、限期整改，整改后在“能耗”表标记“已整改”。",
            "Record problems the day they are found, fix them in time and mark them fixed "
            "on the Energy sheet.",
        ),
    ):
        para(doc, t(zh, en), "List Number").paragraph_format.keep_with_next = True
    signature(doc, t, "{{ issue_date }}")
    return doc
