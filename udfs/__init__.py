"""Worksheet functions for the people filling the sheets (xlwings UDFs, Excel on Windows).

Each function is plain Python over the core rules, so it is tested without Excel; the
docstrings and ``@xw.arg`` docs are the help Excel's function wizard shows. ``xlwings.conf``
names this module under ``UDF Modules``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pandas as pd
import xlwings as xw

from logistics.core import schema
from logistics.core.energy import meter_readings, usage_between
from logistics.core.outputs import grade_label
from logistics.core.parsing import parse_date
from logistics.core.scoring import coef_of, grade_of
from logistics.core.settings import Settings, exact
from logistics.core.validate import load_sheet
from logistics.core.workdays import WorkCalendar
from logistics.io.reader import rows_to_raw_sheet
from words import word

Cells = Sequence[Sequence[object]]


def _date(value: object, name: str) -> dt.date:
    parsed = parse_date(value)
    if not isinstance(parsed, pd.Timestamp):
        raise ValueError(word("en", "udf_not_a_date", name=name, value=value))
    return parsed.date()


def _calendar(overrides: Cells | None) -> WorkCalendar:
    """A calendar with the 日历/Calendar table (header row included) as overrides."""
    if not overrides:
        return WorkCalendar()
    raw = rows_to_raw_sheet(schema.CALENDAR, schema.CALENDAR.zh, overrides)
    table = load_sheet(schema.CALENDAR, raw, [])
    valid = table.dropna(subset=["date", "type"])
    return WorkCalendar(
        {d.date(): t == "workday" for d, t in zip(valid["date"], valid["type"], strict=True)}
    )


@xw.func
@xw.arg("start", doc="First day (a date)")
@xw.arg("end", doc="Last day (a date)")
@xw.arg("calendar", ndim=2, doc=word("en", "udf_calendar_doc"))
def WORKDAYS_CN(start: object, end: object, calendar: Cells | None = None) -> int:
    """Working days from start to end, both included, by the official Chinese calendar
    (holidays and weekend make-up days) and the school's Calendar sheet.
    从开始日期到结束日期（含）的工作日数，按国家法定节假日与调休及本校“日历”表计算。"""
    first, last = _date(start, "start"), _date(end, "end")
    return _calendar(calendar).workdays_between(first, last)


def _settings(excellent: float, good: float, passing: float) -> Settings:
    return Settings(excellent_min=exact(excellent), good_min=exact(good), pass_min=exact(passing))


@xw.func
@xw.arg("score", doc="A total score (0–100)")
@xw.arg("lang", doc='"zh" (default) or "en"')
def SCORE_GRADE(
    score: float, excellent: float = 90, good: float = 80, passing: float = 60, lang: str = "zh"
) -> str:
    """The grade of a score: 优秀 / 良好 / 合格 / 不合格 with the default lines 90 / 80 / 60.
    总分对应的等级（默认优秀线 90、良好线 80、合格线 60）。"""
    grade = grade_of(exact(score), _settings(excellent, good, passing))
    return grade_label(grade, "en" if str(lang).lower().startswith("en") else "zh")


@xw.func
@xw.arg("score", doc="A total score (0–100)")
def PAY_COEF(
    score: float,
    excellent: float = 90,
    good: float = 80,
    passing: float = 60,
    coefficients: Sequence[float] = (1.2, 1.0, 0.8, 0.5),
) -> float:
    """The performance-pay coefficient of a score (default 1.2 / 1.0 / 0.8 / 0.5 for
    优秀 / 良好 / 合格 / 不合格). 总分对应的绩效系数。"""
    base = _settings(excellent, good, passing)
    coefs = dict(zip(("excellent", "good", "pass", "fail"), coefficients, strict=True))
    settings = Settings(
        excellent_min=base.excellent_min,
        good_min=base.good_min,
        pass_min=base.pass_min,
        **{f"{k}_coef": exact(v) for k, v in coefs.items()},  # type: ignore[arg-type]
    )
    return float(coef_of(grade_of(exact(score), settings), settings))


@xw.func
@xw.arg("readings", ndim=2, doc=word("en", "udf_energy_doc"))
@xw.arg("meter", doc=word("en", "udf_meter_doc"))
def ENERGY_USE(readings: Cells, meter: str, start: object, end: object) -> float | None:
    """Energy or water used by a meter from start to end (both included): the reading at the
    end less the reading before the start, from cumulative readings. Blank when a reading is
    missing. 表计在两个日期之间（含）的用量：结束日读数减开始日前一天的读数。"""
    raw = rows_to_raw_sheet(schema.ENERGY, schema.ENERGY.zh, readings)
    table = load_sheet(schema.ENERGY, raw, [])
    rows = meter_readings(table, str(meter).strip())
    used = usage_between(rows, _date(start, "start"), _date(end, "end"))
    return None if used is None else float(used)


__all__ = ["ENERGY_USE", "PAY_COEF", "SCORE_GRADE", "WORKDAYS_CN"]
