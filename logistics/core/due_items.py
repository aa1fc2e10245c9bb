"""SPEC 4.2 时效分: what counts as a kept promise, a meeting's checklist and a plan done on time.

One definition each, used by the scores and by every document and count that reports them
(the year-end report's promise keeping and checklist compliance, the meeting work sheet).
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pandas as pd

from words import both, pick

# The four checklist items of a meeting (SPEC 4.2), as column keys of the Meetings sheet with
# the words documents use. A blank cell is 否: only 是 counts as done.
CHECKLIST: tuple[tuple[str, str, str], ...] = (
    ("notice", *both("meeting_notice")),
    ("venue", *both("meeting_venue")),
    ("sign_in", *both("meeting_sign_in")),
    ("support", *both("meeting_support")),
)
CHECKLIST_KEYS: tuple[str, ...] = tuple(key for key, _, _ in CHECKLIST)


def checklist_label(key: str, lang: str) -> str:
    zh, en = next((z, e) for k, z, e in CHECKLIST if k == key)
    return pick(lang, zh, en)


def checklist_done(meetings: pd.DataFrame) -> pd.DataFrame:
    """One boolean column per checklist item: True where the cell says 是 (blank = 否)."""
    return meetings[list(CHECKLIST_KEYS)].eq(True)


def _between(frame: pd.DataFrame, column: str, first: dt.date, last: dt.date) -> pd.Series:
    dates = frame[column]
    return (dates >= pd.Timestamp(first)) & (dates <= pd.Timestamp(last))


def promised(requests: pd.DataFrame) -> pd.Series:
    """Rows that made a promise: 承诺 = 是 with a 承诺完成日期."""
    return requests["promised"].eq(True) & requests["promised_date"].notna()


def promises_due(requests: pd.DataFrame, first: dt.date, last: dt.date) -> pd.Series:
    """Promises whose 承诺完成日期 falls in ``first``..``last`` (``last`` ≤ the as-of date)."""
    return promised(requests) & _between(requests, "promised_date", first, last)


def promise_kept(requests: pd.DataFrame, as_of: dt.date) -> pd.Series:
    """A promise is kept when it was done by its 承诺完成日期 (and by the as-of date: a
    完成日期 in the future has not happened yet)."""
    done = requests["done_date"]
    return (
        promised(requests)
        & done.notna()
        & (done <= requests["promised_date"])
        & (done <= pd.Timestamp(as_of))
    )


def promise_credit(
    requests: pd.DataFrame, as_of: dt.date, explained_credit: Fraction
) -> list[Fraction]:
    """Per row: 1 when kept, else ``explained_credit`` when 解释说明 is filled, else 0."""
    kept = promise_kept(requests, as_of)
    explained = requests["explanation"].notna()
    return [
        Fraction(1) if ok else (explained_credit if ex else Fraction(0))
        for ok, ex in zip(kept, explained, strict=True)
    ]


def plan_kept(plans: pd.DataFrame, as_of: dt.date) -> pd.Series:
    """A plan is done on time: its 完成日期 is on or before its 截止日期 and the as-of date."""
    done = plans["done_date"]
    return done.notna() & (done <= plans["due"]) & (done <= pd.Timestamp(as_of))
