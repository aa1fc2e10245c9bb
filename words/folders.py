"""Words of a folder run (``logistics score DIR --all`` …): key -> (zh, en)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "folder_done": ("完成", "Done"),
    "folder_errors": ("有错误", "Errors"),
    "folder_not_run": ("未处理", "Not run"),
    "folder_months_people": ("{months} 个月，{people} 人", "{months} months, {people} people"),
    "folder_people": ("{people} 人", "{people} people"),
    "folder_excellent": ("优秀 {count} 人次", "Excellent ×{count}"),
    "folder_read_only_not_written": ("文件夹只读，未写入", "read-only folder: not written"),
    "folder_fix_validation": (
        "请按“{sheet}”工作表改正后再运行",
        "Correct the entries listed on the {sheet} sheet and run again",
    ),
    "folder_col_workbook": ("工作簿", "Workbook"),
    "folder_col_school": ("学校", "School"),
    "folder_col_result": ("结果", "Result"),
    "folder_col_errors": ("错误", "Errors"),
    "folder_col_warnings": ("警告", "Warnings"),
    "folder_col_details": ("说明", "Details"),
    "folder_summary": (
        "{count} 个工作簿：完成 {done}，有错误 {errors}，未处理 {other}。",
        "{count} workbook{s}: {done} done, {errors} with errors, {other} not run.",
    ),
    "folder_interrupted": (
        "已中断（Ctrl+C）：上表是已完成的 {done}/{total} 个工作簿；"
        "其余的要么未改动，要么已完整更新。",
        "Interrupted (Ctrl+C): {done} of {total} workbooks are done (above); each of the "
        "others is either unchanged or fully updated.",
    ),
    "folder_no_workbooks": (
        "文件夹 {folder} 中没有工作簿（.xlsm 或 .xlsx）。",
        "There is no workbook (.xlsm or .xlsx) in the folder {folder}.",
    ),
    "folder_not_logistics": (
        "不是后勤考核工作簿（没有“控制台”工作表，也没有“岗位”“人员”“日志”等工作表），未作改动。",
        "Not a logistics workbook (no Home sheet, nor Posts, Staff, Logs and the like): "
        "left as it is.",
    ),
    "folder_system_error": ("无法处理：{why}。", "Could not be processed: {why}."),
    "folder_internal_error": (
        "内部错误：{what}。请报告此问题。",
        "Internal error: {what}. Please report it.",
    ),
}
