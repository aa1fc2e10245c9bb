"""Words of the doctor: key -> (zh, en)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "python": ("Python {shown}（{executable}）", "Python {shown} ({executable})"),
    "install_python_newer_https": (
        "请安装 Python {need} 或更新版本（https://www.python.org/downloads/），"
        "再在项目文件夹中运行 pip install .",
        "Install Python {need} or newer (https://www.python.org/downloads/), then run pip install "
        ". in the project folder",
    ),
    "covers_up": ("{name}，收录到 {last} 年", "{name}, covers up to {last}"),
    "covers_no_year": ("{name}，未收录任何年份", "{name}, covers no year"),
    "counts_monday_friday_working": (
        "{year} 年按周一至周五计算工作日。请在「日历」表中按国务院办公厅的放假通知填写 {year} "
        "年的放假和补班日期；或在新版发布后升级：pip install -U chinesecalendar",
        "{year} counts Monday to Friday as working days. Add {year}'s holidays and make-up "
        "working days from the State Council's notice to the Calendar sheet, or upgrade once a "
        "new release is out: pip install -U chinesecalendar",
    ),
    "not_covered": ("{span}；{year} 年未收录", "{span}; {year} is not covered"),
    "everything_place": ("一切就绪。", "Everything is in place."),
    "next_year_s_dates": (
        "（次年安排通常在每年 11 月前后公布）",
        " (next year's dates are usually published around November)",
    ),
    "missing_what_jobs_need": (
        "缺少任务必需的项目：{names}。请按“如何解决”一栏处理。",
        "Missing what the jobs need: {names}. See How to fix.",
    ),
    "everything_jobs_need_here": (
        "任务所需的都已具备，但无法读取所给的工作簿（见上表）。",
        "Everything the jobs need is here, but the workbook given cannot be read (see above).",
    ),
    "everything_needed_but_optional": (
        "任务所需的都已具备。可选项目（{names}）不妨碍运行任务，处理方法见上表。",
        "Everything the jobs need is here. The optional items ({names}) do not stop the jobs; see "
        "How to fix above.",
    ),
    "holiday_calendar_year": ("节假日日历（今年）", "Holiday calendar (this year)"),
    "holiday_calendar_next_year": ("节假日日历（明年）", "Holiday calendar (next year)"),
    "pdf_conversion": ("PDF 转换", "PDF conversion"),
    "chinese_font": ("中文字体", "Chinese font"),
    "excel_s_com_registration": ("Excel 的 COM 注册", "Excel's COM registration"),
    "workbook_s_python_path": ("工作簿的 Python 路径", "The workbook's Python path"),
    "workbook_macros_xlwings_version": (
        "工作簿宏的 xlwings 版本",
        "The workbook macros' xlwings version",
    ),
    "workbook": ("工作簿", "Workbook"),
    "every_job": ("所有任务", "every job"),
    "working_day_count": ("工作日计算", "working days"),
    "next_year_s_working": ("明年的工作日", "next year's working days"),
    "pdf_documents_optional": ("PDF 文档（可选）", "PDF documents (optional)"),
    "chinese_charts_pdfs_optional": (
        "图表和 PDF 中的汉字（可选）",
        "Chinese in charts and PDFs (optional)",
    ),
    "typing_workbook_optional": ("录入工作簿（可选）", "typing the workbook (optional)"),
    "excel_buttons_optional": ("Excel 按钮（可选）", "Excel buttons (optional)"),
    "checking_workbook": ("检查工作簿", "checking the workbook"),
    "docx_pdf_missing": ("缺少 docx2pdf", "docx2pdf missing"),
    "install_libreoffice_sudo_apt": (
        "安装 LibreOffice：sudo apt-get install libreoffice-writer（没有它只生成 .docx）",
        "Install LibreOffice: sudo apt-get install libreoffice-writer (without it only the .docx "
        "files are written)",
    ),
    "install_libreoffice_https_www": (
        "安装 LibreOffice（https://www.libreoffice.org/download/）；或有 Word 时运行 pip install "
        "docx2pdf。没有它们只生成 .docx。",
        "Install LibreOffice (https://www.libreoffice.org/download/), or with Word: pip install "
        "docx2pdf. Without them only the .docx files are written.",
    ),
    "none_found": ("未找到", "none found"),
    "charts_font": ("图表：{chart_family}", "charts: {chart_family}"),
    "pdfs": ("PDF：{pdf_face}", "PDFs: {pdf_face}"),
    "pdfs_no_simplified_face": (
        "PDF：只有非简体字形（{shown}）",
        "PDFs: no Simplified face ({shown})",
    ),
    "run_write_python_s": (
        "运行 {setup}，写入本机 Python 的路径",
        "Run {setup} to write this Python's path",
    ),
    "macros_xlwings_machine_has": (
        "宏按 xlwings {made_for} 生成，本机为 {installed}",
        "The macros are for xlwings {made_for}; this machine has {installed}",
    ),
    "neither_excel_nor_wps": ("未找到 Excel 或 WPS", "Neither Excel nor WPS found"),
    "install_microsoft_excel_use": (
        "安装 Microsoft Excel 可使用工作簿按钮；WPS 或 LibreOffice 用户请用工作台（logistics app）",
        "Install Microsoft Excel to use the workbook's buttons; with WPS or LibreOffice use the "
        "workbench (logistics app)",
    ),
    "another_program": ("其他程序", "another program"),
    "excel_application_points": (
        "Excel.Application 指向 {who}：{shown}",
        "Excel.Application points at {who}: {shown}",
    ),
    "xlwings_calls_reach_fail": (
        "xlwings 的调用会到达 {who} 并失败。请在「控制面板 → 程序和功能」中对 Microsoft Office "
        "选择“更改 → 快速修复”，让 Excel 重新注册；并在 WPS 的配置工具中关闭与 Microsoft Office "
        "的兼容（名称因版本而异）。在此之前请用工作台（logistics app）。",
        "xlwings calls reach {who} and fail. Repair Microsoft Office (Control Panel → Programs "
        "and Features → Office → Change → Quick Repair) so that Excel registers again, and turn "
        "off WPS's Microsoft Office compatibility in its configuration tool (named differently by "
        "version). Until then use the workbench (logistics app).",
    ),
    "not_installed": ("未安装", "not installed"),
    "pip_install_xlwings_workbook": (
        "pip install xlwings=={pinned}（工作簿的宏按此版本生成；版本不同时按钮会报错）",
        "pip install xlwings=={pinned} (the workbook's macros are built for this version; another "
        "one makes the buttons fail)",
    ),
    "this_python": ("（即当前 Python）", " (this Python)"),
    "not_python": ("（不是当前的 Python {this_python}）", " (not this Python, {this_python})"),
    "pip_install_xlwings_make": (
        "pip install xlwings=={made_for}；或用 logistics new 新建工作簿，再把数据复制过去",
        "pip install xlwings=={made_for}, or make a new workbook with logistics new and copy the "
        "data into it",
    ),
    "not_applicable_linux_type": (
        "不适用：Linux 上请用 WPS 或 LibreOffice 录入，保存后用工作台（logistics app）运行",
        "Not applicable: on Linux type in WPS or LibreOffice, save, and run the jobs in the "
        "workbench (logistics app)",
    ),
    "not_applicable_windows_only": ("不适用：仅 Windows", "Not applicable: Windows only"),
    "excel_application_not_registered": (
        "Excel.Application 未注册（没有 Excel）：工作簿按钮不可用，请用工作台（logistics app）",
        "Excel.Application is not registered (no Excel): the workbook's buttons cannot run; use "
        "the workbench (logistics app)",
    ),
    "excel_application_points_there": (
        "Excel.Application 指向 {who}（{shown}），本机没有 "
        "Excel：工作簿按钮不可用，请用工作台（logistics app）",
        "Excel.Application points at {who} ({shown}) and there is no Excel: the workbook's "
        "buttons cannot run; use the workbench (logistics app)",
    ),
    "no_excel_linux": (
        "{key} = {value}；Linux 上没有 Excel",
        "{key} = {value}; no Excel on Linux",
    ),
    "empty": ("{key} 为空", "{key} is empty"),
    "not_machine": ("{key} = {value}：本机上不存在", "{key} = {value}: not on this machine"),
    "workbook_has_no_xlwings": (
        "工作簿没有 xlwings 宏（如 .xlsx）：请用命令行或工作台",
        "The workbook has no xlwings macros (e.g. .xlsx): use the command line or the workbench",
    ),
    "make_new_workbook_logistics": (
        "用 logistics new 新建工作簿，再把数据复制过去",
        "Make a new workbook with logistics new and copy the data into it",
    ),
    "cannot_read_macros": ("无法读取宏：{exc}", "Cannot read the macros: {exc}"),
    "status_optional": ("! 建议处理", "! Optional"),
    "check_needed": ("检查项（用途）", "Check (needed for)"),
    "status": ("状态", "Status"),
    "status_not_applicable": ("— 不适用", "— n/a"),
    "status_ok": ("✓ 正常", "✓ OK"),
    "status_unreadable": ("✗ 无法读取", "✗ Unreadable"),
    "status_missing": ("✗ 缺少", "✗ Missing"),
    "what_machine_has": ("本机环境检查", "What this machine has"),
    "empty_value": ("（空）", "(empty)"),
    "xlwings_not_installed": ("未安装", "none"),
}
