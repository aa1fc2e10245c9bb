"""Words of the help pages (``logistics --help`` and each command's), shown in Chinese when
the terminal's locale is Chinese (``logistics.cli_help``): key -> (zh, en)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "help_app_summary": (
        "学校后勤处考核工具：在工作簿文件上校验录入、计算月度考评、季度汇总、年"
        "终排名、分配绩效工资，统计能耗、接待和资产，并生成各类文档。logistics "
        "app 在浏览器中提供同样的功能。第一次使用请运行 logistics demo。",
        "School logistics office (后勤处): validate entries, score months, summ"
        "arize quarters, rank the year, share performance pay, keep energy, rec"
        "eption and property statistics and write the documents, on a workbook "
        "file. `logistics app` opens the same jobs in a browser.",
    ),
    "help_cmd_demo": (
        "生成一所示例学校的工作簿（一整年的数据）并计算全部结果，写出年终考核报告。",
        "Build a fictional school's workbook with a full year of data and compute everything.",
    ),
    "help_cmd_new": (
        "新建一个空白工作簿，包含全部录入表和结果表（默认中文）。",
        "Write an empty workbook with every input and output sheet.",
    ),
    "help_cmd_validate": (
        "检查所有录入表，把问题写入“校验结果”工作表（有错误时退出码为 1）。",
        "Check every input sheet and list problems on the Validation sheet (exit 1 on errors).",
    ),
    "help_cmd_score": (
        "计算月度考评，写入“考评”工作表。",
        "Compute monthly scores into the Scores sheet (考评).",
    ),
    "help_cmd_summary": (
        "汇总一个季度，写入“季度汇总”工作表。",
        "Summarize a quarter into the Quarterly sheet (季度汇总).",
    ),
    "help_cmd_rank": (
        "年终排名和全年绩效工资，写入“年终排名”工作表。",
        "Rank the year into the Annual sheet (年终排名), with the year's performance pay.",
    ),
    "help_cmd_energy": (
        "某月各表计的用量、去年同期和同比，写入“能耗统计”工作表。",
        "Energy use per meter for a month into the EnergyStats sheet (能耗统计).",
    ),
    "help_cmd_reception": (
        "某月的接待：批次、费用、问题和预算执行，写入“接待统计”工作表；问题以警告列在对应行。",
        "Receptions of a month (接待): counts, costs, findings and budget use i"
        "nto the ReceptionStats sheet (接待统计). Findings are listed as warnin"
        "gs at their rows.",
    ),
    "help_cmd_assets": (
        "截至截止日期在账资产（按类别和存放地点），写入“资产统计”工作表。",
        "Held assets by category and location, as of the as-of date, into AssetStats (资产统计).",
    ),
    "help_cmd_inventory": (
        "某年盘点与账面的核对，写入“盘点结果”工作表。",
        "The year's count (盘点) against the books into CountResult (盘点结果).",
    ),
    "help_cmd_explain": (
        "逐行说明某人某月的得分是怎么来的（不写入任何内容）。",
        "Show how one person's score for a month came about, row by row (writes nothing).",
    ),
    "help_cmd_report": (
        "生成文档（.docx 和 .pdf）：年终考核报告、月度考评通报、节能通报、会务"
        "工作单、岗位责任状、绩效公示、接待清单、资产盘点报告或资产台账。不改动"
        "工作簿。",
        "Write a document (.docx and .pdf): year-end report, monthly or energy "
        "notice, meeting work sheets, responsibility contracts, the pay notice "
        "(绩效公示), reception lists, the inventory report or the asset ledger."
        " The workbook itself is not changed.",
    ),
    "help_cmd_app": (
        "启动工作台：在本机网页上完成全部工作和文档。",
        "Start the workbench (工作台): every job and document on a local web page.",
    ),
    "help_cmd_launcher": (
        "写一个双击即可启动工作台的文件（Windows 为 .bat，macOS 为 .command，Linux 为 .desktop）。",
        "Write a file to double-click that starts the workbench (logistics app)"
        " on PATH: 启动工作台.bat on Windows, .command on macOS, .desktop on Li"
        "nux.",
    ),
    "help_cmd_doctor": (
        "检查这台电脑具备哪些条件（Python、节假日日历、PDF、中文字体、Excel 或 "
        "WPS、xlwings），并说明如何补齐。各项工作都能运行时退出码为 0，缺少所需条件时"
        "为 1，工作簿无法读取时为 2。",
        "Show what this machine has for every job (Python, the holiday calendar, PDFs, "
        "a Chinese font, Excel or WPS, xlwings) and how to fix what is missing. Exit "
        "0 when the jobs can run, 1 when something they need is missing, 2 when the "
        "workbook cannot be read.",
    ),
    "help_cmd_excel_setup": (
        "把这台电脑的 Python 路径写入工作簿的 xlwings.conf，让 Excel 按钮可以运"
        "行（仅 Windows 和 macOS）。",
        "Write this Python's path into the workbook's xlwings.conf so its buttons can run "
        "(Windows and macOS only).",
    ),
    "help_cmd_build_workbook": (
        "从源代码生成宏工作簿：各工作表、VBA 工程和控制台按钮。\n\n"
        "仓库中的 workbook/logistics.xlsm 正是这样生成的。",
        "Build the macro workbook from source: sheets, the VBA project and the Home buttons."
        "\n\nThe committed workbook/logistics.xlsm is exactly this build.",
    ),
    "help_cmd_templates": (
        "文档的 Word 模板：导出后可在 Word 中编辑。",
        "The Word templates of the documents: export them to edit in Word.",
    ),
    "help_cmd_export": (
        "把内置模板写入 FOLDER 以便在 Word 中编辑；改好的模板放在工作簿旁的“模"
        "板”文件夹（英文工作簿为 templates），或用 logistics report --templates 指定；"
        "FOLDER 中已有的文件保持不变。",
        "Write the built-in templates into FOLDER for editing in Word. Put the "
        "edited ones in a folder 模板 (templates for an English workbook) besid"
        "e the workbook, or pass --templates FOLDER to logistics report; files "
        "already in FOLDER are kept as they are.",
    ),
    "help_param_workbook": (
        "工作簿文件（.xlsm 或 .xlsx）。",
        "The workbook file (.xlsm or .xlsx).",
    ),
    "help_param_as_of": (
        "统计到这一天（YYYY-MM-DD）。默认：控制台的截止日期，否则今天。",
        "Count entries up to this date (YYYY-MM-DD). Default: the Home sheet's "
        "截止日期, else today.",
    ),
    "help_param_month": (
        "月份，如 2025-03。",
        "The month, YYYY-MM.",
    ),
    "help_param_all_months": (
        "计算每个有日志的月份。",
        "Score every month that has logs.",
    ),
    "help_param_quarter": (
        "季度，如 2025Q1。",
        "The quarter, YYYYQn (e.g. 2025Q1).",
    ),
    "help_param_year": (
        "考核年度（从“年度起始月”开始）。",
        "The appraisal year (it starts in the month set by 年度起始月 / YearStartMonth).",
    ),
    "help_param_staff": (
        "人员的工号。",
        "The person's StaffID (工号).",
    ),
    "help_param_version": (
        "显示版本号后退出。",
        "Print the version and exit.",
    ),
    "help_param_help": (
        "显示此帮助后退出。",
        "Show this message and exit.",
    ),
    "help_param_path": (
        "工作簿所在的文件夹，或一个工作簿。",
        "The folder of the workbooks, or one workbook.",
    ),
    "help_param_out": (
        "输出文件夹。",
        "Output folder.",
    ),
    "help_param_meeting": (
        "一个会议的编号（meeting）。",
        "One meeting's ID (meeting).",
    ),
    "help_param_reception": (
        "一次接待的编号（reception：生成其接待清单）。",
        "One reception's ID (reception: its 接待清单).",
    ),
    "help_param_pdf": (
        "同时生成 PDF（需要 Word 或 LibreOffice）。",
        "Also make PDFs (Word or LibreOffice).",
    ),
    "help_param_templates": (
        "改过的模板所在文件夹（logistics templates export）；默认：工作簿旁的“模板”文件夹。",
        "A folder of edited templates (logistics templates export); default: th"
        "e folder 模板 (templates) beside the workbook, when there is one.",
    ),
    "help_param_kind": (
        "文档类型：year-end、monthly、energy、meeting、contracts、pay-notice、r"
        "eception、inventory（--year）或 asset-ledger（按 --as-of）。",
        "year-end, monthly, energy, meeting, contracts, pay-notice, reception, inventory "
        "(--year) or asset-ledger (as of --as-of).",
    ),
    "help_param_host": (
        "监听地址；只在需要时才用 127.0.0.1 以外的地址。",
        "Address to listen on; other than 127.0.0.1 only when needed.",
    ),
    "help_param_port": (
        "端口（0：任选一个空闲端口）。",
        "Port to listen on (0: any free port).",
    ),
    "help_param_no_browser": (
        "只显示地址，不打开浏览器。",
        "Only print the address; open no browser.",
    ),
    "help_param_folder": (
        "模板写入的文件夹。",
        "Where to write the templates.",
    ),
    "help_param_score_month": (
        "要计算的月份，如 2025-03。",
        "The month to score, YYYY-MM.",
    ),
    "help_param_inventory_year": (
        "盘点的日历年度。",
        "The calendar year of the count (盘点年度).",
    ),
    "help_param_report_month": (
        "月份，如 2025-03（monthly、energy、pay-notice；meeting、reception：该月的每一个）。",
        "The month, YYYY-MM (monthly, energy, pay-notice; meeting, reception: every "
        "one of the month).",
    ),
    "help_param_report_year": (
        "考核年度（year-end、contracts；pay-notice 的年度公示）；盘点年度（inventory）。",
        "The appraisal year (year-end, contracts; pay-notice for the year); the count's "
        "year (inventory).",
    ),
    "help_param_report_out": (
        "文档的输出文件夹。",
        "Folder for the documents.",
    ),
    "help_param_new_path": (
        "新工作簿的保存位置（.xlsm）。",
        "Where to write the new workbook (.xlsm).",
    ),
    "help_param_build_workbook_out": (
        "保存位置（默认 workbook/logistics.xlsm，en 为 workbook/logistics-en.xlsm）。",
        "Where to write it (default: workbook/logistics.xlsm, or workbook/logistics-en.xlsm "
        "for en).",
    ),
    "help_param_demo_out": (
        "示例工作簿和文档的文件夹。",
        "Folder for the demo workbook and documents.",
    ),
    "help_param_doctor_workbook": (
        "同时检查这个工作簿的 Python 路径和宏。",
        "A workbook whose Python path and macros to check too.",
    ),
    "help_param_launcher_out": (
        "启动文件的保存位置（默认：工作簿所在的文件夹）。",
        "Folder for the launcher (default: the workbooks' folder).",
    ),
    "help_param_app_path": (
        "工作簿所在的文件夹，或一个工作簿。",
        "The folder with the workbooks, or one workbook.",
    ),
    "help_param_workbook_or_folder": (
        "工作簿文件（.xlsm 或 .xlsx），或一个文件夹：处理其中的每个工作簿。",
        "The workbook file (.xlsm or .xlsx), or a folder: then every workbook in it.",
    ),
    "help_param_workers": (
        "处理文件夹时同时处理几个工作簿。默认：每个 CPU 核一个。",
        "With a folder: how many workbooks at a time. Default: one per CPU core.",
    ),
    "help_param_workbook_lang": (
        "工作簿语言：zh（中文）或 en（英文）。",
        "Workbook language: zh or en.",
    ),
    "help_param_doctor_lang": (
        "报告语言：zh（中文）或 en（英文）。",
        "Language of the report: zh or en.",
    ),
    "help_param_launcher_lang": (
        "启动文件的名称和文字：zh（中文）或 en（英文）。",
        "Launcher name and texts: zh or en.",
    ),
    "help_heading_usage": (
        "用法：",
        "Usage: ",
    ),
    "help_heading_options": (
        "选项",
        "Options",
    ),
    "help_heading_arguments": (
        "参数",
        "Arguments",
    ),
    "help_heading_commands": (
        "命令",
        "Commands",
    ),
    "help_default_prefix": (
        "[默认：",
        "[default: ",
    ),
    "help_required": (
        "[必填]",
        "[required]",
    ),
}
