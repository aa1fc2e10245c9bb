"""SPEC 4.4: adjusted meter readings, so that replacing a meter (换表) loses no use.

A 换表 row on day d holds the old meter's last reading (读数) and the new meter's first
(换表后读数). The adjusted reading adds, for every replacement so far, what the old meter had
counted beyond the new one's start: (读数 − 换表后读数). Use, year on year and the
never-decreasing check all work on adjusted readings.
"""

from __future__ import annotations

from fractions import Fraction

import pandas as pd

from .cell_problems import rows_where
from .problems import Problem, display
from .settings import exact

REPLACEMENT = "replacement"  # the check_type choice key of 换表


def is_replacement(rows: pd.DataFrame) -> pd.Series:
    """Rows that replace a meter and say what the new one read (a bool mask)."""
    return rows["check_type"].eq(REPLACEMENT) & rows["reading_after"].notna()


def adjusted_readings(rows: pd.DataFrame) -> pd.Series:
    """Adjusted readings of one meter's rows, in their given order (by date, then row).

    ``rows`` needs ``reading``, ``check_type`` and ``reading_after`` (blank reading rows must
    be dropped first). Returns exact Fractions indexed like ``rows``. A replacement row's
    adjusted reading equals the old meter's last reading (plus earlier offsets), which is
    also the new meter's first reading plus the new offset: the series has no step there.
    """
    offset = Fraction(0)
    values: list[Fraction] = []
    swaps = is_replacement(rows)
    for reading, after, swap in zip(rows["reading"], rows["reading_after"], swaps, strict=True):
        typed = exact(reading)
        if swap:
            offset += typed - exact(after)
            values.append(exact(after) + offset)
        else:
            values.append(typed + offset)
    return pd.Series(values, index=rows.index, dtype=object)


def reading_problems(energy: pd.DataFrame) -> list[Problem]:
    """SPEC 4.5 for the Energy sheet's readings, meter by meter.

    Errors: a 换表 row without 换表后读数; a 换表后读数 on a row that is not 换表; another row of
    the meter on a replacement's day; an adjusted reading below an earlier one (shown with
    the earlier row's typed value: the new meter's first reading for a replacement row).
    """
    if energy.empty:  # a school that keeps no meter readings: nothing to check
        return []
    problems: list[Problem] = []
    swap_type = energy["check_type"].eq(REPLACEMENT)
    problems += [
        Problem("reading_after_missing", "energy", r, "reading_after", None)
        for r in rows_where(swap_type & energy["reading_after"].isna())
    ]
    problems += [
        Problem(
            "reading_after_unexpected", "energy", r, "reading_after", energy.at[r, "reading_after"]
        )
        for r in rows_where(
            ~swap_type & energy["check_type"].notna() & energy["reading_after"].notna()
        )
    ]

    dated = energy.dropna(subset=["meter", "date"])
    swap_here = swap_type.loc[dated.index]
    if swap_here.any():  # most sheets replace no meter: no day to share (~1 ms saved)
        day = pd.MultiIndex.from_frame(dated[["meter", "date"]])
        shares_swap_day = day.isin(day[swap_here.to_numpy()]) & ~swap_here.to_numpy()
        problems += [
            Problem("replacement_same_day", "energy", r, "date", dated.at[r, "date"])
            for r in rows_where(pd.Series(shares_swap_day, index=dated.index))
        ]

    readings = dated.dropna(subset=["reading"])
    ordered = readings.assign(_r=readings.index).sort_values(["meter", "date", "_r"], kind="stable")
    for _, rows in ordered.groupby("meter", sort=False):
        values = adjusted_readings(rows)
        best: Fraction | None = None
        best_row = 0
        for r, value in values.items():
            if best is not None and value < best:
                shown = rows.at[best_row, "reading"]
                if is_replacement(rows.loc[[best_row]]).iloc[0]:
                    shown = rows.at[best_row, "reading_after"]
                problems.append(
                    Problem(
                        "reading_decreased",
                        "energy",
                        int(r),
                        "reading",
                        rows.at[r, "reading"],
                        {
                            "prev_value": display(shown),
                            "prev_date": display(rows.at[best_row, "date"]),
                        },
                    )
                )
            elif best is None or value > best:
                best, best_row = value, int(r)
    return problems
