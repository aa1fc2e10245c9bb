"""Words of the workbench's pages: key -> (zh, en).

Sheet, column and button names are not here: they come from the schema
(``logistics.core.schema``) and the button table (``logistics.buttons``), so the page
says what the workbook says.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "app_title": ("后勤考核工作台", "Logistics workbench"),
    "switch_lang": ("English", "中文"),
    # not shown: the page's language tag and the language its switch turns to
    "html_lang": ("zh-CN", "en"),
    "other_lang": ("en", "zh"),
    "home": ("工作簿列表", "Workbooks"),
    "choose": ("选择工作簿", "Choose a workbook"),
    "machine": ("本机环境", "This machine"),
    "machine_item": ("检查项", "Item"),
    "machine_state": ("状态", "State"),
    "machine_found": ("发现", "Found"),
    "machine_fix": ("如何解决", "How to fix"),
    "machine_ok": ("正常", "OK"),
    "machine_todo": ("建议处理", "To do"),
    "machine_na": ("不适用", "n/a"),
    "folder": ("文件夹：{folder}", "Folder: {folder}"),
    "no_workbooks": (
        "此文件夹中还没有工作簿。可以新建一个空白工作簿，或上传已有的工作簿。",
        "No workbook in this folder yet. Create a blank one or upload one you have.",
    ),
    "col_file": ("文件", "File"),
    "col_school": ("学校", "School"),
    "col_changed": ("最后修改", "Last change"),
    "col_state": ("状态", "State"),
    "state_free": ("可以使用", "Ready"),
    "state_open": ("{user} 正在 {app} 中打开", "Open in {app} by {user}"),
    "state_unreadable": ("无法读取：{reason}", "Unreadable: {reason}"),
    "unknown_user": ("未知用户", "an unknown user"),
    "new_title": ("新建空白工作簿", "New blank workbook"),
    "new_name": ("文件名", "File name"),
    "new_name_example": ("后勤考核-2026", "logistics-2026"),
    "new_lang": ("语言", "Language"),
    "lang_zh": ("中文", "Chinese"),
    "lang_en": ("英文", "English"),
    "create": ("新建", "Create"),
    "created": ("已新建 {name}", "Created {name}"),
    "upload_title": ("上传工作簿", "Upload a workbook"),
    "upload_hint": (
        "上传的文件保存到本文件夹，不会覆盖已有文件（最大 {mb} MB）。",
        "The file is saved into this folder and never replaces one there (at most {mb} MB).",
    ),
    "upload": ("上传", "Upload"),
    "uploaded": ("已保存为 {name}", "Saved as {name}"),
    "upload_too_big": (
        "文件太大（上限 {mb} MB）。",
        "The file is too large (the limit is {mb} MB).",
    ),
    "upload_none": ("请选择一个文件。", "Choose a file."),
    "cannot_write": (
        "无法在文件夹 {folder} 中保存文件：{error}。请检查该文件夹是否可写、磁盘是否已满。",
        "Cannot save a file in the folder {folder}: {error}. Check that the folder is "
        "writable and the disk is not full.",
    ),
    "bad_extension": (
        "只能上传 .xlsx 或 .xlsm 工作簿。",
        "Only .xlsx or .xlsm workbooks can be uploaded.",
    ),
    # workbook page
    "home_fields": ("考核参数", "Appraisal period"),
    "month": ("考核月份", "Month"),
    "year": ("考核年度", "Year"),
    "as_of": ("截止日期", "As of"),
    "as_of_hint": ("留空为今天", "blank: today"),
    "jobs": ("计算", "Jobs"),
    "documents": ("文档", "Documents"),
    "results": ("结果", "Results"),
    "problems": ("校验问题", "Validation problems"),
    "charts": ("图表", "Charts"),
    "downloads": ("已生成的文档", "Documents written"),
    "no_documents": ("还没有生成文档。", "No document written yet."),
    "open_elsewhere": (
        "此工作簿正被 {user} 在 {app} 中打开。请先在 {app} 中保存并关闭它，再运行计算。",
        "This workbook is open in {app} by {user}. Save and close it in {app} first, "
        "then run the jobs.",
    ),
    "stale_lock": (
        "如果其实没有人打开它（程序异常退出时会留下锁文件），请删除工作簿旁的锁文件 {lock_file}。",
        "If nobody has it open (a program that crashed leaves its lock file behind), delete "
        "the lock file {lock_file} beside the workbook.",
    ),
    "save_first": (
        "在 WPS、Excel 或 LibreOffice 中改完数据后，请先保存并关闭工作簿，再点击下面的按钮。",
        "After typing in WPS, Excel or LibreOffice, save and close the workbook, then click "
        "a button below.",
    ),
    # jobs
    "queued": ("排队中……", "Waiting…"),
    "running": ("正在运行……", "Running…"),
    "reading": ("读取工作簿……", "Reading the workbook…"),
    "rendering": ("生成文档 {done}/{total}", "Writing documents {done}/{total}"),
    "converting": ("转换为 PDF……", "Converting to PDF…"),
    "done": ("完成", "Done"),
    "failed": ("未完成", "Not done"),
    "internal_error": (
        "运行“{what}”时出错：{error}。详细信息已记录在 {log}，请把该文件发给维护人员。",
        "'{what}' failed: {error}. The details were logged to {log}; please send that file "
        "to whoever maintains the tool.",
    ),
    "files_n": ("{n} 个文件", "{n} files"),
    "see_problems": ("查看校验问题", "See the problems"),
    "see_sheet": ("查看{sheet}", "See {sheet}"),
    # problems
    "no_problems": ("没有发现问题。", "No problems found."),
    "problems_count": (
        "错误 {errors} 条，警告 {warnings} 条",
        "{errors} errors, {warnings} warnings",
    ),
    "sheet_count": ("{sheet}：{n} 条", "{sheet}: {n}"),
    "workbook_level": ("（整个工作簿）", "(whole workbook)"),
    # results
    "filter": ("筛选", "Filter"),
    "filter_hint": ("输入姓名、工号、岗位……", "Name, ID, post…"),
    "period": ("期间", "Period"),
    "all_periods": ("全部", "All"),
    "apply": ("应用", "Apply"),
    "rows": ("{n} 行", "{n} rows"),
    "empty_sheet": (
        "此工作表还没有结果。请在工作簿页面运行相应的计算。",
        "This sheet has no results yet. Run its job on the workbook page.",
    ),
    "sort_by": ("按此列排序", "Sort by this column"),
    # person
    "person": ("个人考评说明", "How a score came about"),
    "person_month": ("月份", "Month"),
    "show": ("显示", "Show"),
    "not_scored": (
        "{staff} 在 {month} 没有考评（无工作日、未入职或工号不存在）。",
        "{staff} is not scored in {month} (no working days, not employed then, or an unknown "
        "StaffID).",
    ),
    "errors_warning": (
        "工作簿有错误，以下结果可能不准确。",
        "The workbook has errors; the figures below may be wrong.",
    ),
    "component": ("项目", "Component"),
    "score": ("得分", "Score"),
    "how": ("计算依据", "How"),
    "log_score": ("日志分", "Log score"),
    "quantity_score": ("数量分", "Quantity score"),
    "quality_score": ("质量分", "Quality score"),
    "timeliness_score": ("时效分", "Timeliness score"),
    "total": ("总分", "Total"),
    "how_log": (
        "有日志的工作日 {log_days} / 应出勤工作日 {workdays}",
        "{log_days} working days with a log / {workdays} working days",
    ),
    "how_quantity": (
        "完成数量 {units} / 目标 {target}（月目标 × {workdays}/{full}）",
        "units {units} / target {target} (monthly target × {workdays}/{full})",
    ),
    "how_quantity_posts": (
        "完成数量 {units} / 目标 {target}（各工作日所在岗位的月目标之和 ÷ {full}）",
        "units {units} / target {target} (the monthly targets of each working day's post, "
        "summed, ÷ {full})",
    ),
    "how_quality": (
        "满分加检查加减分 {points}，限于 0 至满分",
        "maximum plus inspection points {points}, clamped to 0..maximum",
    ),
    "how_timeliness": (
        "得分项 {credits} / 到期事项 {items}",
        "credits {credits} / items due {items}",
    ),
    "how_total": ("{grade} · 名次 {rank} · 绩效工资 {pay}", "{grade} · rank {rank} · pay {pay}"),
    "rows_behind": ("{sheet}（{n} 行）", "{sheet} ({n} rows)"),
    "excel_row": ("行", "Row"),
    "leave_removed": (
        "请假：扣除工作日 {days} 天（这些天的日志不计）",
        "Leave: {days} working day(s) removed (logs on them do not count)",
    ),
    "posts_by_day": ("各工作日所在岗位（调岗）", "Post on each working day (transfers)"),
    "working_days": ("工作日", "Working days"),
    "days": ("天数", "Days"),
    "post": ("岗位", "Post"),
    "as_of_date": ("截止 {date}", "as of {date}"),
    "by_month": ("各月总分", "Total by month"),
    # charts
    "grade_chart": ("等级分布", "Grade distribution"),
    "energy_chart": ("能耗：今年与去年同期", "Energy use beside last year's"),
    "this_year": ("今年", "This year"),
    "last_year": ("去年同期", "Last year"),
    "people": ("人", "people"),
    # errors
    "forbidden": (
        "需要会话令牌。请使用启动时显示的完整地址打开工作台。",
        "A session token is needed. Open the workbench with the full address it printed.",
    ),
    "bad_host": ("主机名不被接受。", "This host name is not accepted."),
    "bad_csrf": (
        "请求未通过安全检查，请刷新页面后重试。",
        "The request failed a security check; reload the page and try again.",
    ),
    "not_found": ("找不到该工作簿或文件。", "No such workbook or file."),
    "no_such_folder": (
        "找不到 {path}。请给出工作簿所在的文件夹，或一个工作簿文件。",
        "{path} does not exist. Give the folder that holds the workbooks, or one workbook.",
    ),
    "cannot_listen": (
        "无法在 {host}:{port} 上启动工作台：{error}。请换一个端口（--port），或不指定端口。",
        "Cannot start the workbench on {host}:{port}: {error}. Choose another port (--port), or "
        "give none.",
    ),
    "as_of_bad": (
        "截止日期“{as_of}”不是日期。请写成 2025-03-31，或留空（今天）。",
        "The as-of date '{as_of}' is not a date. Write it as 2025-03-31, or leave it blank "
        "(today).",
    ),
    "month_bad": (
        "“{text}”不是月份，请写成 2025-03。",
        "'{text}' is not a month; write it as 2025-03.",
    ),
    "no_result_sheet": ("没有结果表“{key}”。", "No result sheet '{key}'."),
    "new_workbook_stem": ("后勤考核", "logistics"),
    "listens_beyond_this_computer": (
        "注意：工作台监听 {host}，本机以外的电脑也可能访问它（仍需令牌）。",
        "Warning: the workbench listens on {host}; other computers may reach it "
        "(the token is still required).",
    ),
    "open_in_browser": ("请在浏览器中打开", "Open in your browser"),
    "press_ctrl_c": ("按 Ctrl+C 停止", "Press Ctrl+C to stop."),
}
