"""The typed, validated contents of a workbook that the rules compute on."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from .problems import Problem
from .settings import Settings
from .workdays import WorkCalendar


@dataclass
class Dataset:
    lang: str
    tables: dict[str, pd.DataFrame]  # input sheet key -> typed frame (index: Excel row)
    settings: Settings
    calendar: WorkCalendar
    owned: dict[str, pd.DataFrame] = field(default_factory=dict)  # output rows already there
    home: dict[str, object] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    def table(self, key: str) -> pd.DataFrame:
        return self.tables[key]


def today() -> dt.date:
    """The default as-of date. A function so tests and the demo can pass their own."""
    return dt.date.today()
