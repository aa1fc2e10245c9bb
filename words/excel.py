"""Words of the buttons, their status lines and alerts (Excel, workbench): key -> (zh, en)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "button_done_count": (
        "{what}完成：{n} {unit}，警告 {warnings} 条（{when}）",
        "{what} done: {n} {unit}, {warnings} warnings ({when})",
    ),
    "errors_listed_alert": (
        "有 {errors} 条错误，已列在“{sheet}”工作表并在单元格上标出。请改正后重新运行。",
        "There are {errors} errors, listed on the {sheet} sheet and marked on their cells. "
        "Correct them and run again.",
    ),
    "button_blocked": (
        "{what}未完成：有 {errors} 条错误，见“{sheet}”工作表（{when}）",
        "{what} not done: {errors} errors, see the {sheet} sheet ({when})",
    ),
    "documents_written": (
        "{what}已生成：{n} 个文件，见 {folder}（{when}）",
        "{what} written: {n} file{s}, see {folder} ({when})",
    ),
    "documents_without_pdf": (
        "。{missing} 个文档未生成 PDF，原因见提示框",
        ". {missing} document{s} got no PDF; the alert says why",
    ),
    "documents_folder_alert": (
        "{what}的文件已保存在 {folder}。\n{message}",
        "The files of the {what} are in {folder}.\n{message}",
    ),
    "validation_done": (
        "{what}完成：错误 {errors} 条，警告 {warnings} 条（{when}）",
        "{what} done: {errors} errors, {warnings} warnings ({when})",
    ),
    "nothing_to_write": ("没有需要生成的文档。", "There was nothing to write."),
    "documents_none": ("{what}未生成（{when}）：{message}", "{what}: none ({when}). {message}"),
    "alert_title": ("后勤考核", "Logistics appraisal"),
    "button_not_run": ("{what}未完成（{when}）：{message}", "{what}: not run ({when}). {message}"),
    "button_failed": (
        "{what}出错（{when}），详情见 {where}",
        "{what} failed ({when}); see {where}",
    ),
    "button_failed_alert": (
        "运行“{what}”时出错：{error_type}: {exc}\n详细信息已记录在 "
        "{where}，请把该文件发给维护人员。",
        "'{what}' failed: {error_type}: {exc}\nThe details were logged to {where}; please send "
        "that "
        "file to whoever maintains the workbook.",
    ),
    # the buttons' jobs, as the status line names them, and what they count
    "action_validation": ("校验", "Validation"),
    "action_monthly_scores": ("月度考评", "monthly scores"),
    "action_quarterly_summary": ("季度汇总", "quarterly summary"),
    "action_year_end_ranking": ("年终排名", "year-end ranking"),
    "action_energy_statistics": ("能耗统计", "energy statistics"),
    "action_year_end_report": ("年终考核报告", "year-end report"),
    "action_monthly_notice": ("月度考评通报", "monthly notice"),
    "action_energy_notice": ("节能通报", "energy notice"),
    "action_meeting_sheets": ("会务工作单", "meeting sheets"),
    "action_contracts": ("岗位责任状", "contracts"),
    "action_pay_notice": ("绩效公示", "pay notice"),
    "action_reception_statistics": ("接待统计", "reception statistics"),
    "action_reception_lists": ("接待清单", "reception lists"),
    "action_asset_statistics": ("资产统计", "asset statistics"),
    "action_count_result": ("盘点结果", "count result"),
    "action_inventory_report": ("资产盘点报告", "inventory report"),
    "action_asset_ledger": ("资产台账", "asset ledger"),
    "unit_people": ("人", "people"),
    "unit_meters": ("个表计", "meters"),
    "unit_receptions": ("批", "receptions"),
    "unit_rows": ("行", "rows"),
    "unit_items": ("项", "items"),
    "documents_folder": ("后勤文档", "documents"),
    "home_month_blank": (
        "控制台的考核月份是空的。请写成 2025-03 的形式，或从下拉列表中选择。",
        "The Home sheet's Month is empty. Write it as 2025-03, or pick it from the list.",
    ),
    "home_year_blank": (
        "控制台的考核年度是空的。请填写四位数的年份，如 2025。",
        "The Home sheet's Year is empty. Enter four digits, e.g. 2025.",
    ),
    "home_month_bad": (
        "控制台的考核月份“{text}”不是月份。请写成 2025-03 的形式，或从下拉列表中选择。",
        "The Home sheet's Month '{text}' is not a month. Write it as 2025-03, or pick it from "
        "the list.",
    ),
    "home_year_bad": (
        "控制台的考核年度“{text}”不是年度。请填写四位数的年份，如 2025。",
        "The Home sheet's Year '{text}' is not a year. Enter four digits, e.g. 2025.",
    ),
    "output_sheet_missing": (
        "工作簿中没有结果工作表“{sheet}”，本次结果没有写入。结果工作表不能改名或删除；"
        "请恢复该工作表，或用 logistics build-workbook 重新生成工作簿。",
        "The workbook has no result sheet '{sheet}', so no results were written. Result sheets "
        "must not be renamed or deleted: restore it, or rebuild the workbook with logistics "
        "build-workbook.",
    ),
    "workbook_not_saved": (
        "找不到工作簿所在的文件夹，文档无法保存在工作簿旁边。"
        "请先把工作簿保存到本机的文件夹（“文件”>“另存为”），再点击此按钮。",
        "The workbook has no folder, so the documents cannot be saved beside it. Save the "
        "workbook to a folder on this computer first (File > Save As), then click the button "
        "again.",
    ),
    "note_prefix": ("校验：", "Validation: "),
    # the Home sheet's buttons (logistics/buttons.py)
    "button_validate_entries": ("校验录入", "Validate entries"),
    "button_compute_monthly_scores": ("计算月度考评", "Monthly scores"),
    "button_summarize_quarter": ("季度汇总", "Quarterly summary"),
    "button_rank_year": ("年终排名", "Year-end ranking"),
    "button_energy_statistics": ("能耗统计", "Energy statistics"),
    "button_year_end_report": ("年终考核报告", "Year-end report"),
    "button_monthly_notice": ("月度考评通报", "Monthly notice"),
    "button_energy_notice": ("节能通报", "Energy notice"),
    "button_meeting_sheets": ("会务工作单", "Meeting sheets"),
    "button_responsibility_contracts": ("岗位责任状", "Contracts"),
    "button_pay_notice": ("绩效公示", "Pay notice"),
    "button_reception_statistics": ("接待统计", "Reception statistics"),
    "button_reception_lists": ("接待清单", "Reception lists"),
    "button_asset_statistics": ("资产统计", "Asset statistics"),
    "button_count_result": ("盘点结果", "Count result"),
    "button_inventory_report": ("资产盘点报告", "Inventory report"),
    "button_asset_ledger": ("资产台账", "Asset ledger"),
    # the worksheet functions (udfs/): Excel shows their help in English, quoting the labels
    "udf_not_a_date": (
        "{name}：“{value}”不是日期（日期格式应为 2025-03-07）",
        "{name}: '{value}' is not a date (日期格式应为 2025-03-07)",
    ),
    "udf_calendar_doc": (
        "可选：“日历”表，含表头行",
        "Optional: the 日历/Calendar table with its header row",
    ),
    "udf_energy_doc": ("“能耗”表，含表头行", "The 能耗/Energy table with its header row"),
    "udf_meter_doc": ("表计名称，与“表计”列一致", "The meter's name as in the 表计/Meter column"),
}
