"""SPEC 4.4: monthly use per meter from cumulative readings, year-on-year, checks, findings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

import pandas as pd

from .dataset import Dataset
from .meter_readings import adjusted_readings
from .periods import Month
from .problems import Problem
from .rounding import round_half_up
from .settings import exact


@dataclass
class MeterMonth:
    month: str
    meter: str
    kind: str  # choice key: electricity / water
    usage: Fraction | None
    last_year: Fraction | None
    yoy: Fraction | None  # percent, rounded to 0.1
    alert: bool
    weekly_checks: int
    open_findings: int


def yoy_percent(now: Fraction | None, before: Fraction | None) -> Fraction | None:
    """同比(%) = (now − before) / before × 100, rounded half up to 0.1; None when ``before``
    is blank or 0 (SPEC 4.4). The one year-on-year rule, for meters and totals alike."""
    if now is None or not before:
        return None
    return round_half_up((now - before) / before * 100, 1)


def reading_at(readings: pd.DataFrame, day: dt.date) -> Fraction | None:
    """The latest (adjusted, SPEC 4.4) reading dated on or before ``day``.

    ``readings`` are one meter's rows sorted by date, then row, whose ``reading`` column
    already holds adjusted readings (``meter_readings.adjusted_readings``).
    """
    upto = readings[readings["date"] <= pd.Timestamp(day)]
    return None if upto.empty else exact(upto["reading"].iloc[-1])


def usage_in(readings: pd.DataFrame, month: Month) -> Fraction | None:
    return usage_between(readings, month.first, month.last)


def usage_between(readings: pd.DataFrame, start: dt.date, end: dt.date) -> Fraction | None:
    """Use during the days start..end: the reading at ``end`` less the one the day before."""
    last = reading_at(readings, end)
    before = reading_at(readings, start - dt.timedelta(days=1))
    return None if last is None or before is None else last - before


def meter_readings(table: pd.DataFrame, meter: str) -> pd.DataFrame:
    """One meter's rows with a reading, by date then row, with adjusted readings (SPEC 4.4)."""
    rows = table[table["meter"] == meter].dropna(subset=["date", "reading"])
    rows = rows.assign(_row=rows.index).sort_values(["date", "_row"], kind="stable")
    return rows.assign(reading=adjusted_readings(rows))


def energy_month(
    ds: Dataset, month: Month, as_of: dt.date
) -> tuple[list[MeterMonth], list[Problem]]:
    """One row per meter read by the end of ``month``, and warnings for missing readings."""
    end = min(month.last, as_of)
    table = ds.tables["energy"].dropna(subset=["meter", "date"])
    table = table[table["date"] <= pd.Timestamp(end)]
    table = table.assign(_row=table.index).sort_values(["date", "_row"], kind="stable")
    alert_at = ds.settings.energy_alert_percent
    rows, problems = [], []
    for meter, rows_of_meter in table.groupby("meter", sort=True):
        readings = rows_of_meter.dropna(subset=["reading"])
        readings = readings.assign(reading=adjusted_readings(readings))
        usage = usage_in(readings, month)
        if usage is None:
            missing = month if reading_at(readings, month.last) is None else month.shift(-1)
            problems.append(
                Problem(
                    "reading_missing",
                    "energy",
                    None,
                    "meter",
                    meter,
                    {"period": missing.label, "month": month.label},
                )
            )
        last_year = usage_in(readings, month.shift(-12))
        yoy = yoy_percent(usage, last_year)
        in_month = rows_of_meter[rows_of_meter["date"] >= pd.Timestamp(month.first)]
        weekly = in_month[in_month["check_type"] == "weekly"]["date"]
        weeks = {d.isocalendar()[:2] for d in weekly}
        open_findings = rows_of_meter["finding"].notna() & ~rows_of_meter["fixed"].eq(True)
        kinds = rows_of_meter["kind"].dropna()
        rows.append(
            MeterMonth(
                month.label,
                str(meter),
                str(kinds.iloc[-1]) if len(kinds) else "",
                usage,
                last_year,
                yoy,
                yoy is not None and yoy > alert_at,
                len(weeks),
                int(open_findings.sum()),
            )
        )
    return rows, problems
