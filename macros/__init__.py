"""The Home sheet's buttons: ``RunPython "import macros; macros.<function>()"`` lands here.

One function per entry of ``logistics.buttons.BUTTONS`` (a test keeps the two in
step). Each runs its job on the workbook that called through ``run_button``, which writes
the outcome to the Home sheet's status line and never lets a traceback reach Excel.

The document buttons write Word files, and PDFs when Word or LibreOffice is installed, into
the folder ``后勤文档`` (``documents`` in an English workbook) beside the workbook, which must
therefore have been saved. They leave the workbook as it is, but for the status line (and
the Validation sheet when validation errors block them, as every job does).
"""

from __future__ import annotations

from logistics.excel.run import run_button

__all__ = [
    "asset_ledger",
    "asset_statistics",
    "compute_monthly_scores",
    "count_result",
    "energy_notice",
    "energy_statistics",
    "inventory_report",
    "meeting_sheets",
    "monthly_notice",
    "pay_notice",
    "rank_year",
    "reception_lists",
    "reception_statistics",
    "responsibility_contracts",
    "summarize_quarter",
    "validate_entries",
    "year_end_report",
]


def validate_entries() -> None:
    """校验录入 / Validate entries: check every input sheet, list the problems on the
    Validation sheet and mark their cells (red: error, yellow: warning, with a note)."""
    run_button("validate_entries")


def compute_monthly_scores() -> None:
    """计算月度考评 / Monthly scores: score the Home sheet's month into the Scores sheet
    (that month's rows are replaced, other months kept). Blocked by validation errors."""
    run_button("compute_monthly_scores")


def summarize_quarter() -> None:
    """季度汇总 / Quarterly summary: average the quarter of the Home sheet's month into the
    Quarterly sheet. Blocked by validation errors."""
    run_button("summarize_quarter")


def rank_year() -> None:
    """年终排名 / Year-end ranking: rank the Home sheet's year, with the year's performance
    pay, into the Annual sheet. Blocked by validation errors."""
    run_button("rank_year")


def energy_statistics() -> None:
    """能耗统计 / Energy statistics: per-meter use of the Home sheet's month, year-on-year
    change and open findings into the EnergyStats sheet. Blocked by validation errors."""
    run_button("energy_statistics")


def year_end_report() -> None:
    """年终考核报告 / Year-end report: the year-end appraisal report of the Home sheet's
    year. Blocked by validation errors."""
    run_button("year_end_report")


def monthly_notice() -> None:
    """月度考评通报 / Monthly notice: the appraisal notice of the Home sheet's month.
    Blocked by validation errors."""
    run_button("monthly_notice")


def energy_notice() -> None:
    """节能通报 / Energy notice: the energy-saving notice of the Home sheet's month.
    Blocked by validation errors."""
    run_button("energy_notice")


def meeting_sheets() -> None:
    """会务工作单 / Meeting sheets: one work sheet per meeting of the Home sheet's month on
    the Meetings sheet. Blocked by validation errors."""
    run_button("meeting_sheets")


def responsibility_contracts() -> None:
    """岗位责任状 / Contracts: one responsibility contract per staff member in post, for the
    Home sheet's year. Blocked by validation errors."""
    run_button("responsibility_contracts")


def reception_statistics() -> None:
    """接待统计 / Reception statistics: the receptions of the Home sheet's month, their costs,
    findings and budget use into the ReceptionStats sheet. Blocked by validation errors."""
    run_button("reception_statistics")


def reception_lists() -> None:
    """接待清单 / Reception lists: one reception list, with signature lines, per reception of
    the Home sheet's month on the Receptions sheet. Blocked by validation errors."""
    run_button("reception_lists")


def asset_statistics() -> None:
    """资产统计 / Asset statistics: held assets by category and place as of the Home sheet's
    截止日期 (else today) into the AssetStats sheet. Blocked by validation errors."""
    run_button("asset_statistics")


def count_result() -> None:
    """盘点结果 / Count result: the Home sheet's year's count (盘点) against the books into
    the CountResult sheet. Blocked by validation errors."""
    run_button("count_result")


def inventory_report() -> None:
    """资产盘点报告 / Inventory report: the count of the Home sheet's year, with totals,
    shortages, surpluses, wrong places and items not found. Blocked by validation errors."""
    run_button("inventory_report")


def asset_ledger() -> None:
    """资产台账 / Asset ledger: a page per room (分室账) of the assets held on the Home
    sheet's 截止日期 (else today). Blocked by validation errors."""
    run_button("asset_ledger")


def pay_notice() -> None:
    """绩效公示 / Pay notice: the public pay notice (scores, grades, coefficients, pay, the
    pool, the posting period) of the Home sheet's month. Blocked by validation errors."""
    run_button("pay_notice")
