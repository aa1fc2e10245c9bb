"""Words of the io: key -> (zh, en)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "file_missing": (
        "找不到文件 {path}。请检查文件夹和文件名（包括扩展名 .xlsm）。",
        "File not found: {path}. Check the folder and the file name (with its .xlsm extension).",
    ),
    "file_unreadable": (
        "无法读取文件 {path}：{error}。请检查是否有权限打开它，或它是否在已断开的网络驱动器上。",
        "Cannot read {path}: {error}. Check that you may open it and that it is not on a "
        "disconnected network drive.",
    ),
    "not_a_workbook": (
        "{name} 不是 Excel 工作簿（.xlsx/.xlsm）：{reason}。{advice}",
        "{name} is not an Excel workbook (.xlsx/.xlsm); {reason}. {advice}",
    ),
    "unsafe_workbook": (
        "已拒绝打开 {name}：{reason}。正常的工作簿不会这样；请在 Excel "
        "中打开并另存一份新文件，或从备份恢复。",
        "Refused to open {name}: {reason}. A normal workbook never looks like this; open it in "
        "Excel and save a fresh copy, or restore a backup.",
    ),
    "workbook_open": (
        "工作簿 {name} 正被 {user} 在 {app} 中打开（自 {since}）。请先在 {app} "
        "中保存并关闭该工作簿，再重试。如果其实没有人打开它（程序异常退出时会留下锁文件），"
        "请删除锁文件：{lock_file}",
        "Workbook {name} is open in {app} by {user} (since {since}). Save and close the "
        "workbook in {app} first, then try again. If nobody has it open ({app} leaves its lock "
        "file behind after a crash), delete the lock file: {lock_file}",
    ),
    "workbook_open_unknown_owner": (
        "工作簿 {name} 可能正在另一个程序（{app}）中打开：旁边有它的锁文件，但看不出是谁。"
        "请先在该程序中保存并关闭工作簿，再重试；如果没有人打开它，请删除锁文件：{lock_file}",
        "Workbook {name} may be open in another program ({app}): its lock file is there but does "
        "not say who has it. Save and close the workbook in that program first, then try again; "
        "if no one has it open, delete the lock file: {lock_file}",
    ),
    "workbook_open_no_lock_file": (
        "工作簿 {name} 正被其他程序打开（Windows 拒绝写入）。请先在 Excel 或 WPS "
        "中保存并关闭该工作簿，再重试。",
        "Workbook {name} is open in another program (Windows refuses write access). Save and "
        "close the workbook in Excel or WPS first, then try again.",
    ),
    "sheet_missing": (
        "工作簿 {name} 中没有工作表“{sheet}”（现有：{sheets}）。结果工作表不能改名或删除；请从 "
        ".logistics-backups 中的备份恢复，或重新生成工作簿。",
        "Workbook {name} has no sheet named '{sheet}' (it has: {sheets}). Result sheets must not "
        "be renamed or deleted; restore a backup from .logistics-backups or rebuild the workbook.",
    ),
    "workbook_changed": (
        "工作簿 {name} 在计算期间被修改或保存过，为免覆盖这些修改，结果没有写入。"
        "请关闭工作簿后重新运行。",
        "Workbook {name} was changed or saved while the results were being computed; to keep "
        "those changes nothing was written. Close the workbook and run again.",
    ),
    "write_failed": (
        "无法把结果写入 {name}：{reason}。工作簿没有被修改。",
        "Could not write the results into {name}: {reason}. The workbook was not changed.",
    ),
    "unreadable_workbook": (
        "无法读取工作簿 {name}：{reason}。请用 Excel 打开检查，或另存为 .xlsm 后重试。",
        "Cannot read workbook {name}: {reason}. Open it in Excel to check, or save it again as "
        ".xlsm.",
    ),
    "workbook_busy": (
        "另一个 logistics 任务（主机 {host} 上的进程 {pid}，开始于 {since}）正在处理工作簿 "
        "{name}。请等它完成后重试。如果并没有任务在运行，请删除锁文件：{lock_file}",
        "Another logistics run (process {pid} on {host}, started {since}) is working on workbook "
        "{name}. Wait for it to finish and try again. If no run is in progress, delete the lock "
        "file: {lock_file}",
    ),
    "workbook_busy_unknown": (
        "工作簿 {name} 正被另一个程序使用（锁文件自 {since} "
        "起存在，但内容无法识别）。请等它完成或关闭它后重试；如果没有程序在使用它，请删除锁文件："
        "{lock_file}",
        "Workbook {name} is in use by another program (its lock file has been there since {since} "
        "but cannot be read). Wait for it to finish or close it, then try again; if no one has it "
        "open, delete the lock file: {lock_file}",
    ),
    "folder_read_only": (
        "工作簿 {name} 所在的文件夹 {folder} 是只读的（{error}），无法写入结果、备份或锁文件。"
        "请把工作簿复制到可写的文件夹（如“文档”）后再运行。只读的命令（validate、explain）"
        "在这里也能运行，但不写入任何内容。",
        "The folder of workbook {name} ({folder}) is read-only ({error}), so results, backups and "
        "lock files cannot be written there. Copy the workbook to a folder you can write to (such "
        "as Documents) and run again. Read-only commands (validate, explain) work here but write "
        "nothing.",
    ),
    "has_no_element_so": (
        "{part} 中缺少 <{parent}>，无法添加工作表",
        "{part} has no <{parent}> element, so no sheet can be added",
    ),
    "choose_workbook_file_itself": ("请选择工作簿文件本身。", "Choose the workbook file itself."),
    "text_file": ("它是文本文件，不是工作簿", "it is a text file"),
    "content_not_excel_s": (
        "文件内容不是 Excel 的 zip 格式，无法识别（可能改了扩展名）",
        "its content is not Excel's zip format and its kind is unknown (a renamed file?)",
    ),
    "csv_comma_tab_separated": (
        "它是 CSV（逗号或制表符分隔的文本）文件。请用 Excel 或 WPS 打开，再“文件 → 另存为”Excel "
        "工作簿",
        "it is a CSV (comma- or tab-separated text) file; open it in Excel or WPS and use File → "
        "Save As to save it as an Excel workbook",
    ),
    "file_empty": ("文件是空的", "the file is empty"),
    "old_xls_file_password": (
        "它是旧版 .xls 文件，或设置了打开密码的工作簿（请先取消密码）",
        "it is an old .xls file or a password-protected workbook (remove the password)",
    ),
    "file_damaged_truncated_copy": (
        "文件已损坏或不完整（复制或下载被中断，zip 目录缺失）。请从备份（工作簿旁的 "
        ".logistics-backups 文件夹）恢复，或在 Excel 中打开原件并重新保存",
        "the file is damaged or truncated (a copy or download was cut short; the zip directory is "
        "missing). Restore a backup (the .logistics-backups folder beside the workbook), or open "
        "the original in Excel and save it again",
    ),
    "file_damaged": ("文件已损坏（{exc}）", "the file is damaged ({exc})"),
    "new_file_failed_verification": (
        "新文件校验失败（{detail}）",
        "the new file failed verification ({detail})",
    ),
    "not_worksheet": ("“{name}”不是普通工作表", "'{name}' is not a worksheet"),
    "part_sheet_missing": (
        "工作表“{name}”的内容（{part}）缺失",
        "the part {part} of sheet '{name}' is missing",
    ),
    "content_sheet_incomplete_sheetdata": (
        "工作表“{name}”的内容不完整（sheetData）",
        "the content of sheet '{name}' is incomplete (sheetData)",
    ),
    "results_sheet_need_rows": (
        "工作表“{name}”的结果有 {last_row:,} 行、{ncols:,} 列，超出 Excel "
        "的上限（{EXCEL_MAX_ROWS:,} 行、{EXCEL_MAX_COLS:,} 列）",
        "the results for sheet '{name}' need {last_row:,} rows and {ncols:,} columns; Excel "
        "allows {EXCEL_MAX_ROWS:,} and {EXCEL_MAX_COLS:,}",
    ),
    "xl_rels_workbook_xml": (
        "缺少 xl/_rels/workbook.xml.rels，无法找到各工作表",
        "xl/_rels/workbook.xml.rels is missing, so sheets cannot be located",
    ),
    "file_folder_read_only": ("文件或所在文件夹是只读的", "the file or its folder is read-only"),
    "file_system_error": ("文件系统错误（{exc}）", "file system error ({exc})"),
    "workbook_damaged_inside": (
        "工作簿内部已损坏（{name}: {exc}）",
        "the workbook is damaged inside ({name}: {exc})",
    ),
    "choose_logistics_workbook_open": (
        "请选择后勤工作簿文件，或在 Excel 中打开该文件并另存为“Excel 启用宏的工作簿 (*.xlsm)”。",
        "Choose the logistics workbook, or open the file in Excel and save it as an Excel "
        "Macro-Enabled Workbook (*.xlsm).",
    ),
    "not_regular_file": ("它不是普通文件", "it is not a regular file"),
    "word_document": ("它是 Word 文档", "it is a Word document"),
    "powerpoint_presentation": ("它是 PowerPoint 演示文稿", "it is a PowerPoint presentation"),
    "opendocument_spreadsheet_ods_libreoffice": (
        "它是 OpenDocument 电子表格（.ods，LibreOffice 或 WPS 的格式）。请在 LibreOffice 或 "
        "WPS中打开，“文件 → 另存为”Excel 工作簿（.xlsx）或启用宏的工作簿（.xlsm）",
        "it is an OpenDocument spreadsheet (.ods, LibreOffice's or WPS's format); open it in "
        "LibreOffice or WPS and use File → Save As to save it as an Excel workbook (.xlsx) or "
        "macro-enabled workbook (.xlsm)",
    ),
    "it_is_a_folder": ("它是一个文件夹", "it is a folder"),
    "named_pipe_fifo_not": (
        "它是命名管道（FIFO），不是文件",
        "it is a named pipe (FIFO), not a file",
    ),
    "device_not_file": ("它是设备，不是文件", "it is a device, not a file"),
    "socket_not_file": ("它是套接字，不是文件", "it is a socket, not a file"),
    "holds_parts_limit": (
        "包含 {n:,} 个内部部件（上限 {MAX_ENTRIES:,}）",
        "it holds {n:,} parts (limit {MAX_ENTRIES:,})",
    ),
    "unpacks_mib_limit_mib": (
        "解压后共 {total:,.0f} MiB（上限 {MAX_TOTAL_SIZE:,.0f} MiB）",
        "it unpacks to {total:,.0f} MiB (limit {MAX_TOTAL_SIZE:,.0f} MiB)",
    ),
    "package_compresses_real_workbooks": (
        "整个文件的压缩比为 {ratio:,.0f}:1（真实工作簿约 10:1，上限 {MAX_PACKAGE_RATIO}:1，疑似 "
        "zip 炸弹）",
        "the package compresses {ratio:,.0f}:1 (real workbooks about 10:1, limit "
        "{MAX_PACKAGE_RATIO}:1; a zip bomb?)",
    ),
    "zip_archive_without_workbook": (
        "它是 zip 压缩包，但不含工作簿内容（缺少 {missing}）",
        "it is a zip archive without workbook content (no {missing})",
    ),
    "part_name_absolute_path": (
        "内部部件名称 {entry!r} 含绝对路径或“..”",
        "part name {entry!r} is an absolute path or contains '..'",
    ),
    "part_appears_twice": ("内部部件 {entry!r} 重复出现", "part {entry!r} appears twice"),
    "part_compresses_limit_zip": (
        "内部部件 {entry!r} 的压缩比为 {ratio:,.0f}:1（上限 {MAX_RATIO}:1，疑似 zip 炸弹）",
        "part {entry!r} compresses {ratio:,.0f}:1 (limit {MAX_RATIO}:1; a zip bomb?)",
    ),
    "data_damaged": ("内部数据已损坏（{name}: {exc}）", "its data is damaged ({name}: {exc})"),
    "worksheet_part_spans_about": (
        "工作表部件 {filename!r} 约有 {size:,} 个单元格（上限 {MAX_CELLS:,}）",
        "worksheet part {filename!r} spans about {size:,} cells (limit {MAX_CELLS:,})",
    ),
    "worksheets_span_about": (
        "各工作表合计约有 {size:,} 个单元格（上限 {limit:,}）",
        "its worksheets span about {size:,} cells in all (limit {limit:,})",
    ),
    "unpacks_more_than_mib": (
        "解压后超过 {MAX_TOTAL_SIZE:,.0f} MiB",
        "it unpacks to more than {MAX_TOTAL_SIZE:,.0f} MiB",
    ),
    "excel_or_wps": ("Excel 或 WPS", "Excel or WPS"),
    "user_on_computer": ("{user}（计算机 {host}）", "{user} on computer {host}"),
    # entry cells' data validation: input hints and error texts
    "check_required": ("必填", "Required"),
    "check_unique": ("不可重复", "must be unique"),
    "check_choose": ("请从下拉列表中选择：", "Please choose from the list: "),
    "check_invalid": ("输入无效", "Invalid entry"),
    "check_date_hint": ("填写日期，如 2025-03-07", "Enter a date, e.g. 2025-03-07"),
    "check_number": ("数字", "a_number"),
    "check_whole": ("整数", "whole number"),
    "check_between": ("请输入 {lo} 到 {hi} 之间的{what}", "Enter a {what} between {lo} and {hi}"),
    "check_at_least": ("请输入不小于 {lo} 的{what}", "Enter a {what} of at least {lo}"),
    "check_at_most": ("请输入不大于 {hi} 的{what}", "Enter a {what} of at most {hi}"),
    "console_name": ("后勤考核工作台", "Logistics appraisal console"),
    "workbook_author": ("后勤处", "Logistics office"),
    # the Home sheet: hints of its cells and the instructions below the buttons
    "home_month_hint": (
        "从列表选择或输入 YYYY-MM，如 2025-03",
        "Pick from the list or type YYYY-MM, e.g. 2025-03",
    ),
    "home_year_hint": ("考核所在年度，如 2025", "The appraisal year, e.g. 2025"),
    "home_as_of_hint": (
        "可选：只计算到此日期；留空为今天",
        "Optional: compute up to this date; blank = today",
    ),
    "home_instructions": ("使用说明", "How to use"),
    "home_line_inputs": (
        "1. 在「{inputs}」等输入表中逐行填写；在表格下方接着写即可扩展表格。",
        "1. Type rows into the input sheets ({inputs}, …); typing just below a table extends it.",
    ),
    "home_line_dropdowns": (
        "2. 带下拉箭头的列从列表中选择；日期写成 2025-03-07；是/否 列填“是”或“否”。",
        "2. Pick dropdown columns from the list; dates as 2025-03-07; yes/no columns take Yes/No.",
    ),
    "home_line_settings": (
        "3. 「{settings}」表可改学校名称、各项满分、等级线和系数；缺少的项目按默认值。",
        "3. The {settings} sheet holds the school name, maxima, grade lines and coefficients.",
    ),
    "home_line_buttons": (
        "4. 选择考核月份后点击右侧按钮运行；结果见运行状态一栏。",
        "4. Choose the month, then click a button on the right; the result shows in Status.",
    ),
    "home_line_outputs": (
        "5. 「{outputs}」由工具写入，请勿手工修改。",
        "5. {outputs} are written by the tool: do not edit them.",
    ),
    "home_line_cli": (
        "6. 命令行（无需 Excel）：logistics validate 工作簿.xlsm",
        "6. Command line (no Excel needed): logistics validate WORKBOOK.xlsm",
    ),
    "home_line_cli_more": (
        "   logistics score 工作簿.xlsm --month 2025-03；logistics --help 查看全部命令。",
        "   logistics score WORKBOOK.xlsm --month 2025-03; logistics --help lists every command.",
    ),
}
