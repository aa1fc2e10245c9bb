"""Months, quarters and appraisal years, as the labels the sheets use (2025-03, 2025Q1, 2025)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_MONTH = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?\s*$")
_QUARTER = re.compile(r"^\s*(\d{4})\s*[-\s]?[Qq]([1-4])\s*$")


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> Month:
        """'2025-03' (also 2025/3, 2025年3月). Raises ValueError when it is not a month."""
        m = _MONTH.match(str(text))
        if not m or not 1 <= int(m.group(2)) <= 12:
            raise ValueError(f"not a month: {text!r}")
        return cls(int(m.group(1)), int(m.group(2)))

    @classmethod
    def of(cls, day: dt.date) -> Month:
        return cls(day.year, day.month)

    @property
    def label(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def first(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    @property
    def last(self) -> dt.date:
        return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    def shift(self, months: int) -> Month:
        index = self.year * 12 + self.month - 1 + months
        return Month(index // 12, index % 12 + 1)

    def __str__(self) -> str:
        return self.label


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    quarter: int

    @classmethod
    def parse(cls, text: str) -> Quarter:
        m = _QUARTER.match(str(text))
        if not m:
            raise ValueError(f"not a quarter: {text!r}")
        return cls(int(m.group(1)), int(m.group(2)))

    @property
    def label(self) -> str:
        return f"{self.year}Q{self.quarter}"

    @property
    def months(self) -> list[Month]:
        first = Month(self.year, 3 * self.quarter - 2)
        return [first.shift(i) for i in range(3)]

    def __str__(self) -> str:
        return self.label


def year_months(year: int, start_month: int = 1) -> list[Month]:
    """The 12 months of appraisal year ``year`` (start_month 9: Sep year – Aug year+1)."""
    first = Month(year, start_month)
    return [first.shift(i) for i in range(12)]


def calendar_quarters(months: list[Month]) -> list[Quarter]:
    """The calendar quarters (Q1 = Jan–Mar) that hold any of ``months``, in order: a school
    year from September touches 2025Q3 … 2026Q3 (SPEC 4.3: quarters are calendar quarters
    whatever YearStartMonth is)."""
    seen = {Quarter(m.year, (m.month + 2) // 3) for m in months}
    return sorted(seen)
