"""Words of the documents: key -> (zh, en)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "template_missing": (
        "找不到内置模板“{template}”，安装可能不完整。请重新安装本工具（pip install）后重试。",
        "The built-in template '{template}' is missing; the installation may be incomplete. "
        "Reinstall the tool (pip install) and try again.",
    ),
    "template_folder_missing": (
        "模板文件夹“{folder}”不存在。请检查路径，或用 logistics templates export 导出模板。",
        "The templates folder '{folder}' does not exist. Check the path, or write the templates "
        "there with: logistics templates export",
    ),
    "template_unreadable": (
        "模板“{template}”不是有效的 Word 文档（{detail}）。请用 Word 另存为 .docx 后重试。",
        "Template '{template}' is not a valid Word document ({detail}). Save it as .docx in Word.",
    ),
    "template_syntax": (
        "模板“{template}”中的标记 {tag} 写法有误：{detail}。请在 Word 中改正该标记后重试。",
        "Template '{template}': the tag {tag} is not valid ({detail}). Correct it in Word.",
    ),
    "template_unsafe": (
        "模板“{template}”中的标记 {tag} 试图访问程序内部对象，出于安全考虑已拒绝生成文档。"
        "请删除该标记；模板中只能使用报告提供的字段。",
        "Template '{template}': the tag {tag} reaches into program internals and was refused for "
        "safety. Remove it; templates may only use the fields the report provides.",
    ),
    "template_unknown_field": (
        "模板“{template}”中的标记 {tag} 使用了不存在的字段“{field}”。可用字段：{available}。",
        "Template '{template}': the tag {tag} uses '{field}', which this report does not provide. "
        "Available fields: {available}.",
    ),
    "template_full_width": (
        "模板“{template}”中的“{text}”使用了全角括号或百分号，不会被当作标记替换。"
        "请改为半角符号，例如 {{{{ school }}}}。",
        "Template '{template}': '{text}' is written with full-width braces or percent signs and "
        "would print as typed. Use half-width ones, e.g. {{{{ school }}}}.",
    ),
    "template_render": (
        "模板“{template}”生成失败，问题出在标记 {tag} 附近：{detail}。",
        "Template '{template}' could not be rendered near the tag {tag}: {detail}.",
    ),
    "output_not_writable": (
        "无法写入“{path}”：{detail}。如果该文件正在 Word 中打开，请先关闭。",
        "Cannot write '{path}': {detail}. If it is open in Word, close it first.",
    ),
    "pay_notice": ("{school}-{label}绩效公示", "{school}-{label} pay notice"),
    "workbook_has_error_s": (
        "工作簿有 {errors} 个错误，未生成文档。请按校验结果改正后重试。",
        "The workbook has {errors} error(s); no document was written. Fix them (see the "
        "validation results) and run again.",
    ),
    "no_pdfs_made_no": ("未转换 PDF（--no-pdf）。", "No PDFs made (--no-pdf)."),
    "used_edited_template": ("使用了自定义模板：{path}。", "Used the edited template {path}."),
    "year_end_appraisal_report": (
        "{school}-{y}年终考核报告",
        "{school}-{y} year-end appraisal report",
    ),
    "pay_notice_file": ("{school}-{year}年度绩效公示", "{school}-{year} pay notice"),
    "meeting_work_sheet": ("会务工作单-{mid}-{title}", "Meeting work sheet-{mid}-{title}"),
    "reception_list_file": (
        "接待清单-{reception_id}{visitor}",
        "Reception list-{reception_id}{visitor}",
    ),
    "appraisal_notice": ("{school}-{label}月度考评通报", "{school}-{label} appraisal notice"),
    "energy_notice": ("{school}-{label}节能通报", "{school}-{label} energy notice"),
    "inventory_report": ("{school}-{y}年度资产盘点报告", "{school}-{y} inventory report"),
    "asset_ledger": ("{school}-资产台账-{as_of}", "{school}-asset ledger-{as_of}"),
    "contract_file": ("岗位责任状-{sid}-{name}", "Contract-{sid}-{name}"),
    "unknown_document_kind_choose": (
        "未知的文档类型“{kind}”。可选：{kinds}。",
        "Unknown document kind '{kind}'. Choose one of: {kinds}.",
    ),
    "meeting_work_sheet_needs": (
        "会务工作单需要会议编号（--meeting）或月份（--month）。",
        "A meeting work sheet needs a meeting ID (--meeting) or a month (--month).",
    ),
    "there_no_meetings_so": (
        "{label} 没有会议，未生成会务工作单。{known}",
        "There are no meetings in {label}, so no work sheet was written. {known}",
    ),
    "reception_list_needs_reception": (
        "接待清单需要接待编号（--reception）或月份（--month）。",
        "A reception list needs a reception ID (--reception) or a month (--month).",
    ),
    "no_reception_receptions_sheet": (
        "接待表中没有接待 {what}。已有编号如：{known}。",
        "No reception {what} on the Receptions sheet. IDs there include: {known}.",
    ),
    "no_meeting_id_meetings": (
        "会务表中没有编号为“{meeting_id}”的会议。{known}",
        "No meeting with ID '{meeting_id}' on the Meetings sheet. {known}",
    ),
    "not_month_write": (
        "“{value}”不是月份，请写成 2025-07。",
        "'{value}' is not a month; write it as 2025-07.",
    ),
    "no_asset_held_assets": (
        "截至 {as_of} 没有在账资产（“资产”表为空，或资产尚未购置、均已报废），无法生成资产台账。",
        "No asset is held on {as_of} (the Assets sheet is empty, or every asset is bought later "
        "or disposed of), so there is no ledger to write.",
    ),
    "electricity_meters_kwh": ("电表（kWh）", "Electricity meters (kWh)"),
    "water_meters_m": ("水表（m³）", "Water meters (m³)"),
    "this_period": ("本期", "This year"),
    "electricity_per_month_kwh": ("月用电量（kWh）", "Electricity per month (kWh)"),
    "water_per_month_m": ("月用水量（m³）", "Water per month (m³)"),
    "staff": ("人数", "Staff"),
    "annual_grades": ("年度等级分布", "Annual grades"),
    "monthly_scores": ("各月考评得分趋势", "Monthly scores"),
    "lowest_highest": ("最低—最高", "Lowest to highest"),
    "mean": ("平均分", "Mean"),
    "date_range": ("{begins}至{last}", "{begins} to {last}"),
    "time_logistics_office_sets": ("后勤处规定的时限", "the time the Logistics Office sets"),
    "share_month_s_pool": ("按当月绩效总额分配", "a share of the month's pool"),
    "install_chinese_font_other": (
        "请安装中文字体：{INSTALL_LINUX}（其他发行版：Noto Sans CJK SC 字体包），然后重新运行。",
        "Install a Chinese font: {INSTALL_LINUX} (other distributions: their Noto Sans CJK SC "
        "package), then run again.",
    ),
    "windows_macos_come_chinese": (
        "Windows 和 macOS 自带中文字体；若被删除，请在系统设置中添加“中文（简体）”语言包。",
        "Windows and macOS come with Chinese fonts; if they were removed, add the Chinese "
        "(Simplified) language pack in the system settings.",
    ),
    "long_date": ("{year}年{month}月{day}日", "{day} {month} {year}"),
    "month_title": ("{year}年{month}月", "{month} {year}"),
    "counts_sheet_has_no": (
        "“盘点”表中没有 {year} 年的盘点记录，无法生成盘点报告。请先录入盘点记录，或换一个年度。",
        "The Counts sheet has no rows dated in {year}, so there is no inventory report for it. "
        "Enter the count first, or choose another year.",
    ),
    "hours_n": ("{value} 小时", "{value} h"),
    "minutes_n": ("{minutes} 分钟", "{minutes} min"),
    "person_charge": ("会务负责人", "Person in charge"),
    "meeting_service": ("会务服务员", "Meeting service"),
    "electrician": ("水电工", "Electrician"),
    "cleaner": ("保洁员", "Cleaner"),
    "gatekeeper": ("门卫员", "Gatekeeper"),
    "reception": ("接待员", "Reception"),
    "large": ("大型", "Large"),
    "medium": ("中型", "Medium"),
    "small": ("小型", "Small"),
    "draft_notice_time_place": (
        "拟定会议通知：时间、地点、参会范围、议程、需准备的材料",
        "Draft the notice: time, place, who attends, agenda, what to bring",
    ),
    "send_notice_website_work": (
        "发布通知（校园网、工作群），收集回执，确认参会人数",
        "Send the notice (website, work groups), collect replies, confirm numbers",
    ),
    "remind_attendees_tell_chair": (
        "会前提醒参会人员，通知主持人、发言人到场时间",
        "Remind attendees; tell the chair and speakers when to arrive",
    ),
    "book_room_make_sure": (
        "预定会场，确认场地无冲突",
        "Book the room and make sure nothing else is on",
    ),
    "set_up_top_table": (
        "摆放主席台、座次牌，划分参会区域",
        "Set up the top table, name cards and seating areas",
    ),
    "hang_banner_put_slide": (
        "悬挂会标/横幅，布置电子屏内容",
        "Hang the banner; put the slide or screen content up",
    ),
    "test_sound_microphones_projector": (
        "调试音响、话筒、投影，备好备用话筒和电池",
        "Test sound, microphones and projector; spare microphone and batteries",
    ),
    "check_lights_air_conditioning": (
        "检查照明、空调、电源插座；大型会议安排备用电源",
        "Check lights, air conditioning and sockets; backup power for large meetings",
    ),
    "clean_room_air_before": ("会场保洁，会前通风", "Clean the room and air it before the meeting"),
    "prepare_sign_sheet_qr": (
        "准备签到表或签到二维码、签字笔",
        "Prepare the sign-in sheet or QR code and pens",
    ),
    "set_up_sign_desk": (
        "设签到台，安排 2 名签到引导人员",
        "Set up a sign-in desk with two ushers",
    ),
    "count_attendance_within_minutes": (
        "会议开始后 15 分钟内统计到会人数，报会议负责人",
        "Count attendance within 15 minutes of the start; report to the person in charge",
    ),
    "tea_drinking_water_tissues": ("准备茶水、饮用水、纸巾", "Tea, drinking water and tissues"),
    "guests_parking_directions_gate": (
        "来宾车辆停放与校门引导",
        "Guests' parking and directions at the gate",
    ),
    "evacuation_plan_first_aid": (
        "制定安全疏散预案，落实医务人员值守",
        "Evacuation plan; first-aid staff on duty",
    ),
    "photos_video_minutes": ("会议摄影、摄像和会议记录", "Photos, video and minutes"),
    "after_meeting_tidy_room": (
        "会后整理会场、关闭水电、清点归还设备",
        "After the meeting: tidy the room, switch off, return equipment",
    ),
    "record_any_issues_write": (
        "填写问题记录，完成会后小结",
        "Record any issues and write a short review",
    ),
    "none": ("无", "None"),
    "no_log_working_day": ("{missing} 个工作日未填日志", "no log on {missing} working day(s)"),
    "quantity_target": ("工作数量完成 {done}", "quantity {done} of target"),
    "inspections": ("检查扣 {points} 分（{items}）", "-{points} at inspections ({items})"),
    "time_bound_items_kept": (
        "时效事项完成 {kept}/{items}",
        "{kept} of {items} time-bound items kept",
    ),
    "the_year": ("{year}年度", "the year {year}"),
    "neither_microsoft_word_nor": (
        "未找到 Microsoft Word 或 LibreOffice，只生成了 Word 文档（.docx）。需要 PDF 时，请安装 "
        "LibreOffice（https://www.libreoffice.org/download/）后重新运行，或用 Word 打开文档另存为 "
        "PDF。",
        "Neither Microsoft Word nor LibreOffice was found, so only the Word documents (.docx) "
        "were written. For PDFs, install LibreOffice (https://www.libreoffice.org/download/) and "
        "run again, or open the documents in Word and save them as PDF.",
    ),
    "range_to": ("至", " to "),
    "off_books": ("账外", "off books"),
    "people_meals": (
        "{meal_cost} ÷（{hosts} 人 × {meals} 餐）= {cost}",
        "{meal_cost} ÷ ({hosts} people × {meals} meals) = {cost}",
    ),
    "no_meals": ("未用餐", "No meals"),
    "yes": ("有", "Yes"),
    "no": ("无", "No"),
    "not_filled": ("未填写", "none"),
    "official_letter": ("公函", "Official letter"),
    "visitor_s_official_letter": ("凭来访单位公函接待", "The visitor's official letter"),
    "prior_approval": ("事前审批", "Prior approval"),
    "approved_by_day_visit": ("来访前（含当日）审批", "Approved by the day of the visit"),
    "approved": ("审批日期 {approved}", "Approved: {approved}"),
    "hosts": ("陪同人数", "Hosts"),
    "at_most_people": ("不超过 {cap} 人", "At most {cap}"),
    "guests_hosts": ("来访 {guests} 人，陪同 {hosts} 人", "{guests} guests, {hosts} hosts"),
    "meal_cap": ("用餐标准", "Meal cap"),
    "most_yuan_per_person": (
        "每人每餐不超过 {meal_cap} 元",
        "At most {meal_cap} yuan per person-meal",
    ),
    "no_alcohol": ("不提供酒水", "No alcohol"),
    "letter_filed": ("有公函", "Letter filed"),
    "yuan_per_person_meal": ("每人每餐 {cost} 元", "{cost} yuan per person-meal"),
    "alcohol_served": ("有酒水", "Alcohol served"),
    "no_alcohol_served": ("无酒水", "None"),
    "complies": ("符合", "Complies"),
    "complies_rule": ("符合规定", "Complies"),
    "good_band": ("{good_min}（含）～{excellent_min}", "{good_min} to <{excellent_min}"),
    "pass_band": ("{pass_min}（含）～{good_min}", "{pass_min} to <{good_min}"),
    "not_explained": ("未说明", "Not explained"),
    "grade": ("等级", "Grade"),
    "pay": ("绩效工资", "Pay"),
    "log": ("日志分", "Log"),
    "quantity": ("数量分", "Quantity"),
    "quality": ("质量分", "Quality"),
    "timeliness": ("时效分", "Timeliness"),
    "no_asset_given": ("（未登记资产）", "(no asset given)"),
    "equipment_replace": ("设备添置（更换）", "Equipment (replace)"),
    "repairs": ("校舍维修", "Repairs"),
    "monthly_target": ("每月 {target}", "{target} a month"),
    "hours": ("{hours} 小时", "{hours} hour{s}"),
    "month_short": ("{month}月", "{month}"),
    "monday": ("星期一", "Monday"),
    "tuesday": ("星期二", "Tuesday"),
    "wednesday": ("星期三", "Wednesday"),
    "thursday": ("星期四", "Thursday"),
    "friday": ("星期五", "Friday"),
    "saturday": ("星期六", "Saturday"),
    "sunday": ("星期日", "Sunday"),
    "pdfs_made_with": ("已用 {name} 生成 PDF {n} 个。", "{n} PDF(s) made with {name}."),
    "pdfs_not_converted": (
        "以下文档未能转换为 PDF（.docx 已保留）：{names}。{detail}",
        " Not converted (the .docx files are kept): {names}. {detail}",
    ),
    "templates_folder": ("模板", "templates"),
    "font_where_charts": ("图表", "charts"),
    "font_where_pdfs": ("PDF", "PDFs"),
    "font_where_sep": ("、", " and "),
    "no_chinese_font": (
        "注意：未找到中文字体，{where}中的汉字会显示为方框。",
        "Note: no Chinese font was found: Chinese characters in the {where} show as boxes.",
    ),
    "on_meeting_day": ("会议当天（{date}）", "on the day ({date})"),
    "meeting_normal_starts_ahead": (
        "{name}会议 · 一般（会前 {days} 天启动）",
        "{name} meeting · normal (starts {days} ahead)",
    ),
    "within_request": ("接到任务后 {hours}内", "within {hours} of the request"),
    "days_before": ("会前 {days} 天（{date}）", "{days} before ({date})"),
    "working_days_after": ("会后 {days} 个工作日内（{date}）", "within {days} after ({date})"),
    "before_start": ("会前 {hours}", "{hours} before the start"),
    "after_start": ("会议开始后 {hours}", "{hours} after the start"),
    "meeting_urgent_hours_day": (
        "{name}会议 · 紧急（按小时倒排）",
        "{name} meeting · urgent (hours on the day)",
    ),
    "month_day": ("{month}月{day}日", "{day} {month}"),
}
