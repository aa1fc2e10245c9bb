"""SPEC 4.5: the checks of the Leave (请假), Transfers (调岗) and PayPools (绩效总额) sheets.

Errors: unknown 工号 or 岗位编号, End before Start, a transfer to the same post or outside
employment, a transfer chain that does not end at the Staff sheet's post, a 期间 that is not a
month or a year, a 期间 given twice. Warnings: a log dated inside its person's leave,
overlapping leave rows, a recorded month without a pool when PayMode is 总额分配.
"""

from __future__ import annotations

import datetime as dt
import itertools

import numpy as np
import numpy.typing as npt
import pandas as pd

from words import Both

from . import schema
from .leave import valid_leave
from .logged_months import logged_months
from .parsing import Coded
from .pay_pools import period_label
from .problems import Problem, display
from .settings import Settings

START = schema.SHEETS["leave"].column("start")


def leave_transfer_pool_problems(
    tables: dict[str, pd.DataFrame],
    settings: Settings,
    as_of: dt.date,
    logs_staff: Coded | None = None,
) -> list[Problem]:
    """Every problem of the three sheets, in sheet then row order. ``logs_staff``: the Logs
    sheet's StaffID column as parsing coded it (``parsing.Coded``), if it did."""
    staff = tables["staff"].dropna(subset=["staff_id"]).drop_duplicates("staff_id")
    known = set(staff["staff_id"])
    found: list[Problem] = []
    found += _leave(tables["leave"], tables["logs"], known, logs_staff)
    found += _transfers(tables["transfers"], staff, set(tables["posts"]["post_id"].dropna()))
    found += _pools(tables["pay_pools"], tables["logs"], settings, as_of)
    return found


def _unknown_staff(sheet: str, table: pd.DataFrame, known: set[object]) -> list[Problem]:
    bad = table["staff_id"].notna() & ~table["staff_id"].isin(known)
    return [
        Problem("unknown_staff", sheet, int(r), "staff_id", table.at[r, "staff_id"])
        for r in table.index[bad.to_numpy()]
    ]


def _leave(
    leave: pd.DataFrame, logs: pd.DataFrame, known: set[object], logs_staff: Coded | None = None
) -> list[Problem]:
    if leave.empty:  # no leave row: no problem of its own, and no log inside a leave
        return []
    found = _unknown_staff("leave", leave, known)
    backwards = leave["end"] < leave["start"]
    found += [
        Problem(
            "end_before_start",
            "leave",
            int(r),
            "end",
            leave.at[r, "end"],
            {
                "other": Both(START.zh, START.en),
                "other_value": display(leave.at[r, "start"]),
            },
        )
        for r in leave.index[backwards.fillna(False).to_numpy(dtype=bool)]
    ]
    rows = valid_leave(leave)
    if rows.empty:
        return found
    # Overlaps: a row starting on or before the latest end of an earlier row of the person.
    ordered = rows.assign(_row=rows.index).sort_values(["staff_id", "start", "_row"])
    latest_end: dict[object, tuple[pd.Timestamp, int]] = {}
    for r, sid, start, end in zip(
        ordered["_row"], ordered["staff_id"], ordered["start"], ordered["end"], strict=True
    ):
        before = latest_end.get(sid)
        if before is not None and start <= before[0]:
            found.append(
                Problem("leave_overlap", "leave", int(r), "start", start, {"other_row": before[1]})
            )
        if before is None or end > before[0]:
            latest_end[sid] = (end, int(r))
    # Logs inside a leave: they count for nothing (SPEC 4.1).
    dated = logs[_staff_in(logs["staff_id"], set(rows["staff_id"]), logs_staff)]
    dated = dated.dropna(subset=["staff_id", "date"])
    if not dated.empty:
        pairs = (
            dated[["staff_id", "date"]]
            .assign(_log=dated.index)
            .merge(rows[["staff_id", "start", "end"]].assign(_leave=rows.index), on="staff_id")
        )
        inside = pairs[(pairs["date"] >= pairs["start"]) & (pairs["date"] <= pairs["end"])]
        inside = inside.drop_duplicates("_log").sort_values("_log")
        found += [
            Problem("log_on_leave", "logs", int(r), "date", day, {"leave_row": int(lr)})
            for r, day, lr in zip(inside["_log"], inside["date"], inside["_leave"], strict=True)
        ]
    return sorted(found, key=lambda p: (p.sheet != "leave", p.row or 0))


def _staff_in(
    staff_ids: pd.Series, wanted: set[object], coded: Coded | None
) -> npt.NDArray[np.bool_]:
    """Which cells of ``staff_ids`` are in ``wanted`` (a set of 工号, none blank), as
    ``isin`` tells; from the column's codes when parsing coded it: each distinct 工号 is
    looked up once, not each of a million cells (a blank cell, code -1, is in no set of
    工号)."""
    if coded is not None and len(coded[0]) == len(staff_ids):
        codes, distinct = coded
        found = np.fromiter((d in wanted for d in distinct), bool, len(distinct))
        inside: npt.NDArray[np.bool_] = np.append(found, False).take(codes)
        return inside
    inside = staff_ids.isin(wanted).to_numpy()
    return inside


def _transfers(transfers: pd.DataFrame, staff: pd.DataFrame, posts: set[object]) -> list[Problem]:
    if transfers.empty:  # most schools, most years: no row, no problem (and no pandas cost)
        return []
    found = _unknown_staff("transfers", transfers, set(staff["staff_id"]))
    for column in ("from_post_id", "to_post_id"):
        bad = transfers[column].notna() & ~transfers[column].isin(posts)
        found += [
            Problem("unknown_post", "transfers", int(r), column, transfers.at[r, column])
            for r in transfers.index[bad.to_numpy()]
        ]
    same = transfers["from_post_id"].notna() & transfers["from_post_id"].eq(transfers["to_post_id"])
    found += [
        Problem(
            "transfer_same_post", "transfers", int(r), "to_post_id", transfers.at[r, "to_post_id"]
        )
        for r in transfers.index[same.to_numpy()]
    ]
    people = staff.set_index("staff_id")
    rows = transfers.dropna(subset=["staff_id", "effective_date", "from_post_id", "to_post_id"])
    rows = rows[rows["staff_id"].isin(people.index)]
    rows = rows.assign(_row=rows.index).sort_values(["staff_id", "effective_date", "_row"])
    for sid, mine in rows.groupby("staff_id", sort=False):
        person = people.loc[sid]
        found += _employment(mine, person)
        found += _chain(mine, str(person["post_id"]))
    return found


def _employment(mine: pd.DataFrame, person: pd.Series) -> list[Problem]:
    found = []
    for r, day in zip(mine["_row"], mine["effective_date"], strict=True):
        if not pd.isna(person["start_date"]) and day < person["start_date"]:
            start = display(person["start_date"])
            found.append(
                Problem(
                    "before_start", "transfers", int(r), "effective_date", day, {"start": start}
                )
            )
        elif not pd.isna(person["end_date"]) and day > person["end_date"]:
            end = display(person["end_date"])
            found.append(
                Problem("after_end", "transfers", int(r), "effective_date", day, {"end": end})
            )
    return found


def _chain(mine: pd.DataFrame, current: str) -> list[Problem]:
    """Each row's 新岗位编号 is the next row's 原岗位编号; the last one is the current post."""
    found = []
    rows = list(zip(mine["_row"], mine["from_post_id"], mine["to_post_id"], strict=True))
    for (prev_row, _, prev_to), (r, from_post, _) in itertools.pairwise(rows):
        if from_post != prev_to:
            found.append(
                Problem(
                    "transfer_chain",
                    "transfers",
                    int(r),
                    "from_post_id",
                    from_post,
                    {"prev_row": int(prev_row), "prev_to": prev_to},
                )
            )
    last_row, _, last_to = rows[-1]
    if last_to != current:
        found.append(
            Problem(
                "transfer_chain_end",
                "transfers",
                int(last_row),
                "to_post_id",
                last_to,
                {"current": current},
            )
        )
    return found


def _pools(
    pools: pd.DataFrame, logs: pd.DataFrame, settings: Settings, as_of: dt.date
) -> list[Problem]:
    found = []
    first_row: dict[str, int] = {}
    for r, value in zip(pools.index, pools["period"], strict=True):
        if value is None or pd.isna(value):
            continue  # a required value: reported as such
        label = period_label(value)
        if label is None:
            found.append(Problem("pay_period_invalid", "pay_pools", int(r), "period", value))
        elif label in first_row:
            found.append(
                Problem(
                    "duplicate_period",
                    "pay_pools",
                    int(r),
                    "period",
                    value,
                    {"first_row": first_row[label], "period": label},
                )
            )
        else:
            first_row[label] = int(r)
    if settings.pay_mode == "pool":
        recorded = logged_months(logs, as_of)
        found += [
            Problem("pool_missing", "pay_pools", None, "period", m.label)
            for m in recorded
            if m.label not in first_row
        ]
    return found
