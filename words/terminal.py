"""Words of the terminal: key -> (zh, en)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "input_warnings_line": (
        "输入校验：警告 {count} 条，已列在“{sheet}”工作表（logistics validate 可在此列出）。",
        "Input checks: {count} warning(s), listed on the {sheet} sheet "
        "(logistics validate lists them here).",
    ),
    "new_not_a_workbook_name": (
        "{path} 不是工作簿文件名：请以 .xlsm（带按钮）或 .xlsx 结尾。",
        "{path} is not a workbook name: end it in .xlsm (with the buttons) or .xlsx.",
    ),
    "no_receptions_in_month": (
        "{month} 没有接待记录，未生成接待清单。有接待的月份：{months}。",
        "There are no receptions in {month}, so no reception list was written. "
        "Months with receptions: {months}.",
    ),
    "excel_setup_no_excel_here": (
        "Excel 的按钮只在 Windows 或 macOS 上运行，这台电脑（{platform}）的 Python 路径对它们"
        "无用，所以未写入任何内容。请在打开该工作簿的 Windows 或 Mac 电脑上运行 "
        "logistics excel-setup；在这台电脑上，logistics app（工作台）可以完成同样的工作。",
        "Excel runs the buttons on Windows or macOS only; a Python path from this computer "
        "({platform}) would be of no use to them, so nothing was written. Run logistics "
        "excel-setup on the Windows or Mac computer that opens the workbook; here, logistics "
        "app (the workbench) does the same jobs.",
    ),
    "home_as_of_bad": (
        "控制台的截止日期“{text}”不是日期。请写成 2025-12-31 的形式，或清空它（即按今天计算）。",
        "The Home sheet's AsOf '{text}' is not a date. Write it as 2025-12-31, or clear it to "
        "count up to today.",
    ),
    "person_month_heading": (
        "{staff_id} {name}（{post}）{month}",
        "{staff_id} {name} ({post}) {month}",
    ),
    "year_end_pay_line": (
        "年终绩效：{paid} 人，合计 {total} 元（每人金额见“年终排名”工作表）。",
        "Year-end pay: {paid} people, {total} yuan in all (each on the Annual sheet).",
    ),
    "errors_warnings": (
        "错误 {errors} 条，警告 {warnings} 条。",
        "{errors} error(s), {warnings} warning(s).",
    ),
    "validation_title": ("校验结果", "Validation"),
    "nothing_computed_because_errors": (
        "有错误时不计算结果，只更新“校验结果”工作表。请改正后重新运行。",
        "Nothing was computed because of the errors; only the Validation sheet was updated. "
        "Correct them and run again.",
    ),
    "not_scored_in_month": (
        "{staff_id} 在 {month} 没有考评（无工作日、全月请假、未入职或工号不存在）。",
        "{staff_id} is not scored in {month} (no working days, on leave all month, not employed "
        "then, or an unknown StaffID).",
    ),
    "score_breakdown": ("得分构成", "Score breakdown"),
    "more_on_validation_sheet": (
        "……另有 {hidden} 条，见“校验结果”工作表。",
        "... {hidden} more on the Validation sheet.",
    ),
    "rank_word": ("名次", "rank_word"),
    "pay_word": ("绩效工资", "pay_word"),
    "sheets_written": ("已写入工作表：{written}。", "Sheets written: {written}."),
    "results_not_written_read_only": (
        "工作簿所在的文件夹是只读的：以上结果未写入工作表 {sheets}。要写入，"
        "请把工作簿复制到可写的文件夹后再运行。",
        "The workbook's folder is read-only: the results above were not written to {sheets}. To "
        "write them, copy the workbook to a folder you can write to and run again.",
    ),
    "assets_held": ("资产统计（截至 {as_of}）", "Assets held on {as_of}"),
    "count_to_act_on": ("{year} 年盘点：需处理的资产", "Count {year}: items to act on"),
    "created_path": ("已创建 {path}", "Created {path}"),
    "built_path": ("已生成 {path}", "Built {path}"),
    "launcher_written": (
        "已写入启动文件：{written}。双击它即可打开工作台。",
        "Launcher written: {written}. Double-click it to open the workbench.",
    ),
    "backed_up_to": (
        "原文件已备份到 {backup}",
        "The previous file was backed up to {backup}",
    ),
    "exists_choose_another": (
        "{path} 已存在，不会覆盖。请换一个文件名。",
        "{path} exists and is not overwritten. Choose another name.",
    ),
    # the command line's option errors (the help pages: words.help_pages)
    "lang_zh_or_en": ("--lang 只能是 zh 或 en", "--lang is zh or en"),
    "out_must_be_xlsm": (
        "--out 须以 .xlsm 结尾：工作簿带有宏",
        "--out must end in .xlsm: the workbook carries macros",
    ),
    "bad_month_option": (
        "“{text}”不是月份，请写成 YYYY-MM，如 2025-03",
        "'{text}' is not a month; write it as YYYY-MM, e.g. 2025-03 (月份格式应为 2025-03)",
    ),
    "bad_quarter_option": (
        "“{text}”不是季度，请写成 YYYYQn，如 2025Q1",
        "'{text}' is not a quarter; write it as YYYYQn, e.g. 2025Q1 (季度格式应为 2025Q1)",
    ),
    "bad_year_option": (
        "--year {year} 不是年份，请写四位数字，如 2025",
        "--year {year} is not a year; write four digits, e.g. 2025 (年份应为四位数字)",
    ),
    "bad_date_option": (
        "“{text}”不是日期，请写成 YYYY-MM-DD，如 2025-03-31",
        "'{text}' is not a date; write it as YYYY-MM-DD (日期格式应为 2025-03-31)",
    ),
    "month_or_all": (
        "请给出 --month YYYY-MM 或 --all（二选一）",
        "give either --month YYYY-MM or --all (二选一)",
    ),
    "cannot_write_choose_folder": (
        "无法写入 {path}：{error}。请换一个可写的文件夹（如“文档”）。",
        "Cannot write {path}: {error}. Choose a folder you can write to (such as Documents).",
    ),
    "cannot_write_error": ("无法写入“{path}”：{error}", "Cannot write '{path}': {error}"),
    "kept_as_it_is": ("已存在，未覆盖", "kept as it is"),
    "internal_error_cli": (
        "内部错误：{error}。工作簿的写入是原子的：要么完整更新，要么保持原样。"
        "详情见 {log}，请报告此问题。",
        "Internal error: {error}. Writes are atomic: the workbook is either fully updated or "
        "unchanged. Details are in {log}; please report this.",
    ),
    "interrupted": (
        "已中断（Ctrl+C）：工作簿要么未改动，要么已完整更新。",
        "Interrupted (Ctrl+C): the workbook is either unchanged or fully updated.",
    ),
    "leave_table_start": ("开始日期", "Start"),
    "leave_table_end": ("结束日期", "End"),
    "leave_table_type": ("类型", "Type"),
    # the launcher file that starts the workbench (logistics/launcher.py)
    "launcher_name": ("启动工作台", "Start workbench"),
    "launcher_comment": (
        "在浏览器中打开后勤考核工作台",
        "Open the logistics appraisal workbench in the browser",
    ),
    "launcher_running": (
        "后勤考核工作台正在运行。关闭此窗口即停止。",
        "The logistics workbench is running. Close this window to stop it.",
    ),
    "launcher_failed": (
        "工作台未能启动，请查看上面的提示。",
        "The workbench did not start; see the message above.",
    ),
    "launcher_path_control": (
        "路径中有换行或控制字符，无法写入启动文件：{shown}。请先给文件夹改名。",
        "The path holds a line break or control character and cannot go into a launcher: "
        "{shown}. Rename the folder first.",
    ),
    "launcher_path_quote": (
        "路径中有双引号，Windows 不允许：{path}",
        'A Windows path cannot hold a double quote ("): {path}',
    ),
    "launcher_target_missing": (
        "找不到 {path}。请给出工作簿所在的文件夹或工作簿文件。",
        "{path} does not exist. Give the folder of the workbooks or a workbook.",
    ),
    # logistics demo: its progress steps (both languages at once) and its summary
    "demo_step_data": ("示例数据", "demo data"),
    "demo_step_build": ("生成工作簿", "building the workbook"),
    "demo_step_validate": ("校验", "validating"),
    "demo_step_score": ("月度考评", "monthly scores"),
    "demo_step_summary": ("季度汇总", "quarters"),
    "demo_step_rank": ("年终排名", "the year"),
    "demo_step_energy": ("能耗统计、接待统计", "energy, receptions"),
    "demo_step_property": ("资产统计与盘点", "property"),
    "demo_step_report": ("年终考核报告", "year-end report"),
    "demo_step_pool": ("总额分配示例学校", "a school paid by pool"),
    "demo_step_done": ("完成", "done"),
    "demo_workbook_file": ("{school}-后勤考核-{year}.xlsm", "{school}-logistics-{year}.xlsm"),
    "demo_report_written": ("年终考核报告：{path}", "Year-end report: {path}"),
    "demo_pool_school": (
        "第二所示例学校（{school}，绩效分配方式：总额分配，每月绩效总额和年终绩效总额见"
        "“绩效总额”表）：{path}",
        "A second demo school ({school}, PayMode Pool: the monthly and year-end pools are on "
        "the PayPools sheet): {path}",
    ),
    "demo_pool_document": ("{school}：{path}", "{school}: {path}"),
    "demo_title": (
        "{school} {year} 年后勤考核（示例）",
        "{school}: logistics appraisal {year} (demo)",
    ),
    "demo_workbook": ("工作簿：{path}", "Workbook: {path}"),
    "demo_entries": ("录入数据：{counts}", "Entries: {counts}"),
    "demo_validation": (
        "校验：错误 {errors} 条，警告 {warnings} 条（见“校验结果”工作表）",
        "Validation: {errors} error(s), {warnings} warning(s) (see the Validation sheet)",
    ),
    "demo_results": (
        "月度考评：{months} 人次；季度汇总：{quarters} 行；年终排名：{people} 人",
        "Monthly scores: {months}; quarterly summary: {quarters} rows; year-end ranking: "
        "{people} people",
    ),
    "demo_grades": ("年度等级分布：{grades}", "Grades of the year: {grades}"),
    "demo_top_ten": ("{year} 年终排名（前 10 名）", "{year} year-end ranking (top 10)"),
    "demo_energy_alerts": (
        "能耗预警（同比增幅超过阈值）",
        "Energy alerts (year-on-year growth above the threshold)",
    ),
    "demo_sheets_written": (
        "已写入：考评、季度汇总、年终排名、能耗统计、接待统计、校验结果 → {path}",
        "Written: Scores, Quarterly, Annual, EnergyStats, ReceptionStats, Validation → {path}",
    ),
    "demo_budget_used": ("，预算执行率 {used:.1f}%", "; {used:.1f}% of the budget used"),
    "demo_receptions": (
        "接待统计：{visits} 批次，费用合计 {cost:,.2f} 元，有问题的接待 {flagged} 批次{budget}",
        "Receptions: {visits}, costing {cost:,.2f} yuan in all, {flagged} with findings{budget}",
    ),
    "demo_assets": (
        "资产统计：截至 {as_of} 在账资产 {held} 项；{year} 年盘点：{count}",
        "Assets: {held} on the books on {as_of}; count {year}: {count}",
    ),
    "demo_property_written": (
        "已写入：资产统计、盘点结果（资产盘点报告、资产台账：logistics report 工作簿 "
        "inventory --year {year} / asset-ledger）",
        "Written: AssetStats, CountResult (inventory report and asset ledger: logistics report "
        "WORKBOOK inventory --year {year} / asset-ledger)",
    ),
}
