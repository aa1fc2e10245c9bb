"""SPEC 4.5: parse every input sheet and report each problem with its position.

``load`` never raises on bad input: every finding becomes a Problem, and the typed tables
are returned alongside so that the validate job can report and the others can refuse.
Every check is a vectorized mask over a column; rules that span rows or sheets come last.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from words import Both, word

from . import schema
from .asset_checks import asset_problems
from .cell_problems import (
    cells_at,
    merged_problems,
    range_params,
    range_text,
    rows_in,
    rows_where,
)
from .cross_checks import cross_checks
from .dataset import Dataset
from .leave_transfer_pool_checks import leave_transfer_pool_problems
from .parsing import (
    BAD,
    Coded,
    parse_arrays,
    parse_code,
    parse_column,
    parse_int,
    parse_number,
    parse_text,
)
from .problems import Problem, display
from .rawbook import RawBook, RawSheet
from .receptions import reception_checks
from .row_keys import first_rows
from .settings import MAXIMA_KEYS, SETTING_DEFS, SettingDef, Settings, SettingValue
from .sheet_check import SheetCheck
from .workdays import WorkCalendar, uncovered_years


def load(raw: RawBook, as_of: dt.date, checked: Mapping[str, SheetCheck] | None = None) -> Dataset:
    """Typed tables, settings and calendar from ``raw``, with every problem found.

    ``checked``: input sheets already checked on their own (``check_sheet``), by sheet key;
    one is taken only if it is of this very ``RawSheet`` in this date system, and its
    problems go where checking it here would put them.
    """
    problems: list[Problem] = []
    tables: dict[str, pd.DataFrame] = {}
    coded: dict[str, dict[str, Coded]] = {}  # sheet key -> its text columns as codes
    for sheet in schema.INPUT_SHEETS:
        done = checked.get(sheet.key) if checked else None
        if done and done.raw is raw.sheets.get(sheet.key) and done.date1904 == raw.date1904:
            tables[sheet.key], coded[sheet.key] = done.table, done.coded
            problems += done.problems
            continue
        tables[sheet.key] = load_sheet(
            sheet,
            raw.sheets.get(sheet.key),
            problems,
            date1904=raw.date1904,
            coded=coded.setdefault(sheet.key, {}),
        )
    settings = _load_settings(tables["settings"], raw.lang, problems)
    calendar = WorkCalendar(_overrides(tables["calendar"]))
    staff_codes = {k: c["staff_id"] for k, c in coded.items() if "staff_id" in c}
    cross_checks(tables, problems, staff_codes)
    _warnings(tables, as_of, problems, coded["logs"])
    staff_ids = set(tables["staff"]["staff_id"].dropna())
    problems += reception_checks(tables["receptions"], settings, staff_ids, as_of)
    problems += asset_problems(tables, as_of)
    problems += raw.problems  # found while reading: stale copies of output sheets
    problems += leave_transfer_pool_problems(tables, settings, as_of, coded["logs"].get("staff_id"))
    owned = {s.key: raw.sheets[s.key].frame for s in schema.OUTPUT_SHEETS if s.key in raw.sheets}
    return Dataset(raw.lang, tables, settings, calendar, owned, raw.home, problems)


# ---- one sheet ---------------------------------------------------------------------------


def check_sheet(raw: RawSheet, date1904: bool) -> SheetCheck:
    """Input sheet ``raw`` checked on its own (``load_sheet``), for ``load`` to take later."""
    problems: list[Problem] = []
    coded: dict[str, Coded] = {}
    sheet = schema.SHEETS[raw.key]
    table = load_sheet(sheet, raw, problems, date1904=date1904, coded=coded)
    return SheetCheck(raw, date1904, table, problems, coded)


def _empty(sheet: schema.Sheet) -> pd.DataFrame:
    """The typed table of a sheet absent from the workbook: its columns, no rows (a copy of
    one built once per sheet, as the checks and jobs are free to change what they get)."""
    return _empty_once(sheet.key).copy()


@functools.cache
def _empty_once(key: str) -> pd.DataFrame:
    sheet = schema.SHEETS[key]
    raw = pd.DataFrame({c.key: pd.Series(dtype=object) for c in sheet.columns})
    return pd.DataFrame({c.key: parse_column(raw[c.key], c)[0] for c in sheet.columns})


def load_sheet(
    sheet: schema.Sheet,
    raw: RawSheet | None,
    problems: list[Problem],
    *,
    date1904: bool = False,
    coded: dict[str, Coded] | None = None,
) -> pd.DataFrame:
    """One sheet's typed table; its problems are appended to ``problems``.

    ``coded``: filled with the sheet's text columns as integer codes (``parsing.Coded``),
    for the checks over many rows that follow.

    ``date1904``: bare numbers in date columns count from 1904-01-01 (the workbook's date
    system). A merged range in the table is one problem of its own, in place of the
    "required" errors its empty cells would otherwise give (SPEC 4.5).
    """
    if raw is None:
        if sheet.required:
            problems.append(
                Problem(
                    "sheet_missing",
                    sheet.key,
                    None,
                    None,
                    params={"sheet_label": sheet.zh + " / " + sheet.en},
                )
            )
        return _empty(sheet)
    for key in raw.missing:
        if sheet.column(key).required:
            problems.append(Problem("column_missing", sheet.key, raw.header_row, key))
    problems += raw.problems  # a header label typed twice
    frame = raw.frame
    found: list[Problem] = []
    typed: dict[str, pd.Series] = {}
    missing: dict[str, npt.NDArray[np.bool_]] = {}  # column key -> mask of empty cells
    text_codes = coded if coded is not None else {}  # text columns as parsing coded them
    for column in sheet.columns:
        if column.key not in frame.columns:
            typed[column.key] = parse_column(
                pd.Series(None, index=frame.index, dtype=object), column
            )[0]
            continue
        cells = parse_arrays(frame[column.key], column, date1904, raw.codes.get(column.key))
        # As parse_cells builds it; the masks stay arrays (a Series each is pure overhead).
        typed[column.key] = pd.Series(
            cells.values, index=frame.index, dtype=cells.values.dtype, copy=False
        )
        missing[column.key] = cells.missing
        if cells.coded is not None:
            text_codes[column.key] = cells.coded
        if cells.bad.any():
            rows = frame.index[cells.bad]
            for row, value in zip(rows, cells_at(frame[column.key], rows), strict=True):
                found.append(_cell_problem(parse_code(column, value), sheet, column, row, value))
    # copy=False: the columns are the typed arrays themselves, not copied into blocks (the
    # values, dtypes and index are the same; a million-row sheet is not copied once more).
    table = pd.DataFrame(typed, index=frame.index, copy=False)
    present = [c for c in sheet.columns if c.key in frame.columns]
    found.extend(_column_checks(sheet, present, typed, missing, frame))
    found.extend(_duplicates(sheet, table, text_codes))
    problems.extend(merged_problems(sheet, raw, found) if raw.merged else found)
    return table


def _cell_problem(
    code: str, sheet: schema.Sheet, column: schema.Column, row: int, value: object
) -> Problem:
    params: dict[str, object] = {}
    if code == "bad_choice":
        params["choices"] = Both(
            word("zh", "list_sep").join(c.zh for c in column.choices),
            word("en", "list_sep").join(c.en for c in column.choices),
        )
    return Problem(code, sheet.key, int(row), column.key, value, params)


def _column_checks(
    sheet: schema.Sheet,
    columns: list[schema.Column],
    table: Mapping[str, pd.Series],
    missing: Mapping[str, npt.NDArray[np.bool_]],
    raw: pd.DataFrame,
) -> list[Problem]:
    """Required values and numeric ranges, one vectorized mask per column; ``table``: the
    typed columns by key, on ``raw``'s index; ``missing``: the empty cells of each column (a
    cell that did not parse is no "required" problem).

    (pandera did this at first; its import and backend registration cost ~0.4 s a run, more
    than all the checks themselves, and these two rules are a line each.)
    """
    found = []
    for column in columns:
        values = table[column.key]
        checks: list[tuple[str, pd.Series | npt.NDArray[np.bool_]]] = []
        if column.required:
            checks.append(("required", missing[column.key]))
        if column.min is not None:
            checks.append(("out_of_range", _compared(values, operator.lt, column.min)))
        if column.max is not None:
            checks.append(("out_of_range", _compared(values, operator.gt, column.max)))
        for code, mask in checks:
            rows = _rows_of(raw.index, mask)
            if not rows:  # most columns of most sheets: no Series, no lookups
                continue
            params = range_params(column) if code != "required" else {}
            found += [
                Problem(code, sheet.key, r, column.key, value, params)
                for r, value in zip(rows, cells_at(raw[column.key], rows), strict=True)
            ]
    return sorted(found, key=lambda p: (p.row or 0, p.column or ""))


def _compared(
    values: pd.Series, op: Callable[[Any, Any], Any], bound: float
) -> pd.Series | npt.NDArray[np.bool_]:
    """``op(values, bound)``: on the float array itself for a float column (what the Series
    comparison gives, NaN comparing False, without its fixed cost), else as a Series."""
    if values.dtype.kind == "f":
        mask: npt.NDArray[np.bool_] = op(values.to_numpy(), bound)
        return mask
    compared: pd.Series = op(values, bound)
    return compared


def _rows_of(index: pd.Index, mask: pd.Series | npt.NDArray[np.bool_]) -> list[int]:
    """The Excel rows of ``index`` where ``mask`` holds (``rows_where`` for a bool array in
    ``index``'s order)."""
    return rows_where(mask) if isinstance(mask, pd.Series) else rows_in(index, mask)


def _first_rows(table: pd.DataFrame, keys: list[str]) -> tuple[pd.Series, pd.Series]:
    """(mask of rows repeating an earlier row's ``keys``, Excel row of that earlier row)."""
    return first_rows(table, keys)


def _duplicates(
    sheet: schema.Sheet, table: pd.DataFrame, coded: Mapping[str, Coded] | None = None
) -> list[Problem]:
    """An error at each row whose unique ID repeats an earlier row's (SPEC 4.5). ``coded``:
    the sheet's text columns as parsing coded them; a column whose filled cells are as many
    as its distinct values repeats nothing and is not searched (most sheets, most runs)."""
    found = []
    for column in sheet.columns:
        if not column.unique or table.empty:
            continue
        codes = (coded or {}).get(column.key)
        if (
            codes is not None
            and len(codes[0]) == len(table)
            and np.count_nonzero(codes[0] >= 0) == len(codes[1])
        ):
            continue
        dup, first = _first_rows(table, [column.key])
        for row in dup.index[dup.to_numpy()]:
            found.append(
                Problem(
                    "duplicate_id",
                    sheet.key,
                    int(row),
                    column.key,
                    table.at[row, column.key],
                    {"first_row": int(first[row])},
                )
            )
    return found


# ---- settings and calendar ---------------------------------------------------------------


def _load_settings(table: pd.DataFrame, lang: str, problems: list[Problem]) -> Settings:
    """The Settings sheet as typed settings (defaults where a value is blank or invalid); its
    problems (unknown, duplicate or invalid rows, SPEC 4.5's maxima and thresholds) appended."""
    values, rows = _setting_values(table, lang, problems)
    settings = Settings.from_values(values)
    _settings_problems(settings, rows, lang, problems)
    return settings


def _setting_values(
    table: pd.DataFrame, lang: str, problems: list[Problem]
) -> tuple[dict[str, SettingValue], dict[str, int]]:
    """({setting key: valid value}, {setting key: Excel row}) of the rows that name a setting;
    a row naming none, a second row of one setting and an invalid value are problems."""
    by_label: dict[str, SettingDef] = {}
    for d in SETTING_DEFS:
        by_label[schema.label_key(d.zh)] = d
        by_label[schema.label_key(d.en)] = d
    values: dict[str, SettingValue] = {}
    rows: dict[str, int] = {}
    for row, key, value in zip(table.index, table["key"], table["value"], strict=True):
        if key is None:
            continue
        found = by_label.get(schema.label_key(str(key)))
        if found is None:
            problems.append(Problem("setting_unknown", "settings", int(row), "key", key))
            continue
        d = found
        if d.key in rows:
            problems.append(
                Problem(
                    "setting_duplicate",
                    "settings",
                    int(row),
                    "key",
                    key,
                    {"first_row": rows[d.key]},
                )
            )
            continue
        rows[d.key] = int(row)
        if value is None:
            continue  # blank value: the default applies
        parsed = _setting_value(d, value)
        if parsed is None:
            problems.append(
                Problem(
                    "setting_invalid",
                    "settings",
                    int(row),
                    "value",
                    value,
                    {"key": d.label(lang), "expected": _expected(d, lang)},
                )
            )
        else:
            values[d.key] = parsed
    return values, rows


def _settings_problems(
    settings: Settings, rows: dict[str, int], lang: str, problems: list[Problem]
) -> None:
    """Maxima that do not sum to 100 and thresholds that increase (SPEC 4.5, 4.2)."""
    total = sum(getattr(settings, k) for k in MAXIMA_KEYS)
    if total != 100:
        row = min((rows[k] for k in MAXIMA_KEYS if k in rows), default=None)
        problems.append(Problem("maxima_sum", "settings", row, "value", float(total)))
    if not settings.excellent_min >= settings.good_min >= settings.pass_min:
        row = rows.get("excellent_min") or rows.get("good_min") or rows.get("pass_min")
        problems.append(
            Problem(
                "setting_invalid",
                "settings",
                row,
                "value",
                display(float(settings.excellent_min)),
                {
                    "key": word(lang, "excellentmin_goodmin_passmin"),
                    "expected": word(lang, "thresholds_must_not_increase"),
                },
            )
        )


def _setting_value(d: SettingDef, value: object) -> SettingValue | None:
    if d.kind is schema.Kind.TEXT:
        text = parse_text(value)
        return None if text is BAD else text
    if d.kind is schema.Kind.CHOICE:  # stored by key; any of its labels is accepted
        found = schema.Column(d.key, d.zh, d.en, d.kind, choices=d.choices).choice_for(
            str(parse_text(value))
        )
        return None if found is None else found.key
    parsed = (parse_int if d.kind is schema.Kind.INT else parse_number)(value)
    if not isinstance(parsed, float):
        return None
    if (d.min is not None and parsed < d.min) or (d.max is not None and parsed > d.max):
        return None
    return parsed


def _expected(d: SettingDef, lang: str) -> str:
    kind, low, high = d.kind, d.min, d.max
    if kind is schema.Kind.CHOICE:
        listed = word(lang, "list_sep").join(f"{c.zh}/{c.en}" for c in d.choices)
        return word(lang, "setting_expected_one", listed=listed)
    what = (word(lang, "a_whole_number")) if kind is schema.Kind.INT else (word(lang, "a_number"))
    bounds = range_text(low, high, lang)
    return word(lang, "setting_expected", what=what, bounds=bounds)


def _overrides(table: pd.DataFrame) -> dict[dt.date, bool]:
    valid = table[table["date"].notna() & table["type"].notna()]
    return {d.date(): t == "workday" for d, t in zip(valid["date"], valid["type"], strict=True)}


def _warnings(
    t: dict[str, pd.DataFrame],
    as_of: dt.date,
    problems: list[Problem],
    logs_coded: dict[str, Coded] | None = None,
) -> None:
    limit = pd.Timestamp(as_of)
    for key in ("logs", "inspections", "meetings", "energy", "requests"):
        table = t[key]
        rows = rows_where(table["date"] > limit)
        problems += [
            Problem("after_as_of", key, r, "date", day, {"as_of": as_of.isoformat()})
            for r, day in zip(rows, cells_at(table["date"], rows), strict=True)
        ]

    logs = t["logs"]
    if not logs.empty:
        dup, first = first_rows(logs, ["date", "staff_id", "content"], logs_coded)
        rows = rows_where(dup)
        problems += [
            Problem("duplicate_log", "logs", r, "content", content, {"first_row": int(earlier)})
            for r, content, earlier in zip(
                rows, cells_at(logs["content"], rows), first.loc[rows].tolist(), strict=True
            )
        ]

    requests = t["requests"]
    overdue = (
        requests["promised"].eq(True)
        & (requests["promised_date"] < limit)
        & requests["done_date"].isna()
        & requests["explanation"].isna()
    )
    problems += [
        Problem("promise_overdue", "requests", r, "promised_date", requests.at[r, "promised_date"])
        for r in rows_where(overdue)
    ]

    dates = logs["date"].dropna()
    # A year the school has entered into the Calendar sheet needs no warning (SPEC 4.1).
    entered = set(t["calendar"]["date"].dropna().dt.year.astype(int))
    years = dates.dt.year
    for year in uncovered_years({int(y) for y in years.unique()} - entered):
        row = int(dates.index[(years == year).to_numpy()][0])
        problems.append(Problem("calendar_not_covered", "logs", row, "date", year))
