"""The Home sheet's buttons: ``RunPython "import macros; macros.<function>()"`` lands here.

One function per entry of ``logistics.excel.buttons.BUTTONS`` (a test keeps the two in
step). Each runs its job on the workbook that called through ``run_button``, which writes
the outcome to the Home sheet's status line and never lets a traceback reach Excel.
"""

from __future__ import annotations

from logistics.excel.run import run_button

__all__ = [
    "compute_monthly_scores",
    "energy_statistics",
    "rank_year",
    "summarize_quarter",
    "validate_entries",
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
