"""What scoring reads from a dataset that is the same for every month (SPEC 4.2): the Staff
rows that can be scored, the posts, the transfer history, and the Logs and Inspections
indexed by date. Built once for all the months a job scores.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Hashable, Mapping
from dataclasses import dataclass
from fractions import Fraction

import numpy as np
import pandas as pd

from .dataset import Dataset
from .dated_rows import DatedRows, ExactColumn, IntArray, day_number
from .posts_on_day import PostHistory


@dataclass(frozen=True)
class LogSums:
    """One month's logs and inspections, summed per person (SPEC 4.2)."""

    log_days: dict[Hashable, int]  # StaffID -> distinct counted days with a log
    units: dict[Hashable, Fraction]  # StaffID -> exact sum of 完成数量 of done logs
    points: dict[Hashable, Fraction]  # StaffID -> exact sum of inspection points
    logs: pd.DataFrame | None  # the month's log rows (for evidence), when asked for
    inspections: pd.DataFrame | None  # the month's inspection rows, when asked for


class ScoreBasis:
    """The month-independent part of scoring ``ds``."""

    def __init__(self, ds: Dataset) -> None:
        staff = ds.tables["staff"].dropna(subset=["staff_id", "start_date"])
        self.staff = staff.drop_duplicates("staff_id")
        posts = ds.tables["posts"].dropna(subset=["post_id"]).drop_duplicates("post_id")
        self.post_name = dict(zip(posts["post_id"], posts["post"], strict=True))
        self.post_target = dict(
            zip(posts["post_id"], posts["monthly_target"].fillna(0), strict=True)
        )
        self.history = PostHistory(
            ds.tables.get("transfers"),
            dict(zip(self.staff["staff_id"], self.staff["post_id"], strict=True)),
        )
        self.logs = DatedRows(ds.tables["logs"])
        self.units = ExactColumn(self.logs, "units")
        self.done = (ds.tables["logs"]["status"] == "done").to_numpy(dtype=bool)[
            self.logs.positions
        ]
        self.inspections = DatedRows(ds.tables["inspections"])
        self.points = ExactColumn(self.inspections, "points")

    def log_sums(
        self,
        first: dt.date,
        end: dt.date,
        counted: Collection[dt.date],
        on_leave: Mapping[str, Collection[dt.date]],
        with_rows: bool = False,
    ) -> LogSums:
        """Logs from ``first`` to ``end`` without those dated in the person's leave: distinct
        ``counted`` days with a log, and 完成数量 of done logs; inspection points from
        ``first`` to ``end`` (SPEC 4.2). ``with_rows``: keep the rows behind them too."""
        logs = self.logs.outside_leave(self.logs.window(first, end), on_leave)
        counted_days: IntArray = np.array([day_number(d) for d in counted], dtype=np.int64)
        inspections = self.inspections.window(first, end)
        inspection_rows = np.arange(inspections.start, inspections.stop, dtype=np.int64)
        return LogSums(
            log_days=self.logs.distinct_days(logs, counted_days),
            units=self.units.sums(logs[self.done[logs]]),
            points=self.points.sums(inspection_rows),
            logs=self.logs.frame_rows(logs) if with_rows else None,
            inspections=self.inspections.frame_rows(inspection_rows) if with_rows else None,
        )
