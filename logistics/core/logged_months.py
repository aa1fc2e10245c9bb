"""SPEC 4.1 "Recorded months": the months with at least one Logs row dated in them.

One definition for scoring (which months are scored), the command line's checks (which
months, quarters and years can be asked for) and the pool warnings. Counted over day
numbers, not by turning every log date into a Python object: a million logs take
milliseconds.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from .periods import Month


def logged_months(logs: pd.DataFrame, as_of: dt.date) -> list[Month]:
    """Every month with a row of ``logs`` (the typed Logs table) dated up to ``as_of``, in
    order."""
    days = logs["date"].to_numpy(dtype="datetime64[D]")
    days = days[days <= np.datetime64(as_of, "D")]  # NaT compares False: blank dates drop
    if not len(days):
        return []
    # Months since 1970-01, distinct and ascending (counted, not sorted: a few dozen months).
    months = days.astype("datetime64[M]").astype(np.int64)
    first = int(months.min())
    present = np.flatnonzero(np.bincount(months - first)) + first
    return [Month(1970 + m // 12, m % 12 + 1) for m in present.tolist()]
