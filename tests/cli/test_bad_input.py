"""The bad-input corpus: each workbook has one mistake a person could make.

For each one, ``logistics validate`` exits 1, the Validation sheet names the mistake's code
position (sheet, Excel row, column label), the workbook gives exactly the expected set of
(code, sheet, row, column) and no other problem (the unchanged school gives none), and
nothing else in the file changes.
"""

from __future__ import annotations

import pandas as pd
import pytest
from typer.testing import CliRunner

from logistics.cli import app
from logistics.core import schema
from logistics.core.validate import load
from logistics.io.reader import read_workbook
from tests.workbooks import D, build, part_hashes, sheet_part, sheet_rows, small_school

runner = CliRunner()


def setv(key, row, column, value):
    def change(frames):
        frame = frames[key].astype(object)
        frame.loc[row, column] = value
        frames[key] = frame

    return change


def dup(key, row):
    def change(frames):
        frames[key] = pd.concat([frames[key], frames[key].iloc[[row]]], ignore_index=True)

    return change


def add_setting(label, value):
    def change(frames):
        frames["settings"] = pd.DataFrame(
            [{"key": label, "value": value, "note": ""}, {"key": "学校名称", "value": "测试学校"}]
        )

    return change


# name, change, (sheet key, Excel row, column key) of the expected problem, code
CASES = [
    ("log-date-text", setv("logs", 0, "date", "昨天"), ("logs", 2, "date"), "not_a_date"),
    (
        "log-date-impossible",
        setv("logs", 1, "date", "2025-02-30"),
        ("logs", 3, "date"),
        "not_a_date",
    ),
    ("log-units-text", setv("logs", 2, "units", "三个"), ("logs", 4, "units"), "not_an_integer"),
    ("log-units-negative", setv("logs", 2, "units", -1), ("logs", 4, "units"), "out_of_range"),
    ("log-hours-over-24", setv("logs", 3, "hours", 25), ("logs", 5, "hours"), "out_of_range"),
    ("log-status-unknown", setv("logs", 4, "status", "搞定"), ("logs", 6, "status"), "bad_choice"),
    ("log-content-empty", setv("logs", 5, "content", None), ("logs", 7, "content"), "required"),
    (
        "log-staff-unknown",
        setv("logs", 6, "staff_id", "X99"),
        ("logs", 8, "staff_id"),
        "unknown_staff",
    ),
    (
        "log-before-start",
        setv("logs", 10, "date", D(2025, 2, 28)),
        ("logs", 12, "date"),
        "before_start",
    ),
    ("log-after-end", setv("logs", 5, "date", D(2025, 4, 1)), ("logs", 7, "date"), "after_end"),
    ("staff-duplicate-id", dup("staff", 0), ("staff", 5, "staff_id"), "duplicate_id"),
    (
        "staff-post-unknown",
        setv("staff", 1, "post_id", "P9"),
        ("staff", 3, "post_id"),
        "unknown_post",
    ),
    (
        "staff-end-before-start",
        setv("staff", 1, "end_date", D(2023, 1, 1)),
        ("staff", 3, "end_date"),
        "end_before_start",
    ),
    (
        "staff-start-empty",
        setv("staff", 0, "start_date", None),
        ("staff", 2, "start_date"),
        "required",
    ),
    (
        "staff-pay-text",
        setv("staff", 2, "pay_base", "很多"),
        ("staff", 4, "pay_base"),
        "not_a_number",
    ),
    (
        "post-target-fraction",
        setv("posts", 0, "monthly_target", 2.5),
        ("posts", 2, "monthly_target"),
        "not_an_integer",
    ),
    ("post-duplicate-id", dup("posts", 1), ("posts", 4, "post_id"), "duplicate_id"),
    (
        "inspection-points-12",
        setv("inspections", 0, "points", 12),
        ("inspections", 2, "points"),
        "out_of_range",
    ),
    (
        "inspection-reason-missing",
        setv("inspections", 0, "reason", None),
        ("inspections", 2, "reason"),
        "reason_missing",
    ),
    (
        "meeting-scale-unknown",
        setv("meetings", 0, "scale", "巨型"),
        ("meetings", 2, "scale"),
        "bad_choice",
    ),
    (
        "meeting-yes-no-unknown",
        setv("meetings", 0, "notice", "可能"),
        ("meetings", 2, "notice"),
        "bad_choice",
    ),
    ("meeting-duplicate-id", dup("meetings", 0), ("meetings", 3, "meeting_id"), "duplicate_id"),
    (
        "energy-reading-decreases",
        setv("energy", 1, "reading", 900),
        ("energy", 3, "reading"),
        "reading_decreased",
    ),
    ("energy-kind-unknown", setv("energy", 0, "kind", "气"), ("energy", 2, "kind"), "bad_choice"),
    (
        "energy-reading-negative",
        setv("energy", 0, "reading", -5),
        ("energy", 2, "reading"),
        "out_of_range",
    ),
    (
        "plan-due-before-start",
        setv("plans", 0, "due", D(2025, 2, 1)),
        ("plans", 2, "due"),
        "end_before_start",
    ),
    (
        "plan-progress-120",
        setv("plans", 0, "progress", 120),
        ("plans", 2, "progress"),
        "out_of_range",
    ),
    (
        "plan-category-unknown",
        setv("plans", 0, "category", "杂项"),
        ("plans", 2, "category"),
        "bad_choice",
    ),
    (
        "request-promise-without-date",
        setv("requests", 0, "promised_date", None),
        ("requests", 2, "promised_date"),
        "promised_date_missing",
    ),
    (
        "request-staff-unknown",
        setv("requests", 0, "staff_id", "S7"),
        ("requests", 2, "staff_id"),
        "unknown_staff",
    ),
    (
        "settings-maxima-not-100",
        add_setting("日志分满分", 25),
        ("settings", 2, "value"),
        "maxima_sum",
    ),
    (
        "settings-value-text",
        add_setting("优秀线", "九十"),
        ("settings", 2, "value"),
        "setting_invalid",
    ),
    # Numbers that are not numbers (SPEC 4.1): type errors at their own cell.
    (
        "staff-pay-inf",
        setv("staff", 2, "pay_base", "inf"),
        ("staff", 4, "pay_base"),
        "not_a_number",
    ),
    (
        "staff-pay-1e309",
        setv("staff", 2, "pay_base", "1e309"),
        ("staff", 4, "pay_base"),
        "not_a_number",
    ),
    (
        "staff-pay-nan",
        setv("staff", 0, "pay_base", "NaN"),
        ("staff", 2, "pay_base"),
        "not_a_number",
    ),
    ("log-hours-nan", setv("logs", 3, "hours", "NaN"), ("logs", 5, "hours"), "not_a_number"),
    (
        "energy-reading-inf",
        setv("energy", 0, "reading", "inf"),
        ("energy", 2, "reading"),
        "not_a_number",
    ),
    (
        "inspection-points-nan",
        setv("inspections", 0, "points", "NaN"),
        ("inspections", 2, "points"),
        "not_a_number",
    ),
    (
        "plan-progress-nan",
        setv("plans", 0, "progress", "nan"),
        ("plans", 2, "progress"),
        "not_a_number",
    ),
]

# Problems a case gives beside its own, each for a reason worked out by hand.
ALSO: dict[str, set[tuple[str, str, int, str]]] = {
    # S2 (logs rows 7–11, five March days) now "left" in 2023: each of their logs is after it.
    "staff-end-before-start": {("after_end", "logs", r, "date") for r in range(7, 12)},
}


def problem_rows(path):
    rows = sheet_rows(path, schema.VALIDATION.zh)
    return [(r[0], int(r[1]) if r[1] != "" else None, r[2], r[4]) for r in rows[1:]]


@pytest.mark.parametrize(("name", "change", "where", "code"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_reported_where_it_is(tmp_path, name, change, where, code):
    frames = small_school()
    change(frames)
    path = build(tmp_path / f"{name}.xlsm", frames)
    before = part_hashes(path)

    result = runner.invoke(app, ["validate", str(path), "--as-of", "2025-12-31"])

    assert result.exit_code == 1, result.output
    key, row, column = where
    sheet = schema.SHEETS[key]
    expected = (sheet.zh, row, sheet.column(column).zh, "错误")
    assert expected in problem_rows(path), (problem_rows(path), result.output)
    problems = load(read_workbook(path), D(2025, 12, 31)).problems
    found = {(p.code, p.sheet, p.row, p.column) for p in problems}
    assert found == {(code, key, row, column)} | ALSO.get(name, set())
    after = part_hashes(path)
    validation_part = sheet_part(path, schema.VALIDATION.zh)
    assert {k: v for k, v in after.items() if k != validation_part} == {
        k: v for k, v in before.items() if k != validation_part
    }
    assert after[validation_part] != before[validation_part]


def test_the_unchanged_school_has_no_problems(tmp_path):
    path = build(tmp_path / "school.xlsm", small_school())
    assert load(read_workbook(path), D(2025, 12, 31)).problems == []


def test_corpus_is_large_enough():
    assert len(CASES) >= 25
    assert len({c[3] for c in CASES}) >= 15  # distinct codes
