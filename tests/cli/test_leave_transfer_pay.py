"""Leave, transfers and pool pay through the command line on workbook files, in both
languages: the sheets are read by their zh or en labels and results land in the owned sheets.

The transfer case of the issue (values by hand in tests/core/test_transfers.py): a 保洁员
(P1, target 21) moved to 水电工 (P2, target 60) effective Sunday 16 March 2025. Two units a
day in January (19 working days) and February (19), one a day in March (21): 100, 100 and
20 + 30 × 441/870 + 30 + 20 = 85.2; the quarter and the year (95.1) are their mean.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from logistics.cli import app
from logistics.core import schema
from logistics.core.workdays import WorkCalendar
from tests.workbooks import build, sheet_rows

runner = CliRunner(env={"COLUMNS": "240"})
AS_OF = ["--as-of", "2025-03-31"]
D = dt.date


def invoke(*args: object):
    return runner.invoke(app, [str(a) for a in args])


def frames(pay_mode: str | None = None, pools=()) -> dict[str, pd.DataFrame]:
    cal = WorkCalendar()
    logs = [
        {
            "date": d,
            "staff_id": "S1",
            "content": "清扫",
            "units": 2 if m < 3 else 1,
            "status": "done",
        }
        for m in (1, 2, 3)
        for d in cal.month_workdays(2025, m)
    ]
    out = {
        "posts": [
            {"post_id": "P1", "post": "保洁员", "monthly_target": 21},
            {"post_id": "P2", "post": "水电工", "monthly_target": 60},
        ],
        "staff": [
            {
                "staff_id": "S1",
                "name": "张伟",
                "post_id": "P2",
                "start_date": D(2024, 1, 1),
                "pay_base": 2000,
            },
        ],
        "logs": logs,
        "transfers": [
            {
                "staff_id": "S1",
                "effective_date": D(2025, 3, 16),
                "from_post_id": "P1",
                "to_post_id": "P2",
                "note": "工作需要",
            },
        ],
        "leave": [],
        "pay_pools": list(pools),
    }
    if pay_mode is not None:
        out["settings"] = [{"key": "绩效分配方式", "value": pay_mode}]
    return {k: pd.DataFrame(v) for k, v in out.items()}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_quarter_and_year_agree_with_the_scores_sheet(tmp_path: Path, lang: str):
    book = build(tmp_path / "t.xlsm", frames(), lang)
    for args in (
        ["score", book, "--all"],
        ["summary", book, "--quarter", "2025Q1"],
        ["rank", book, "--year", "2025"],
    ):
        result = invoke(*args, *AS_OF)
        assert result.exit_code == 0, result.output
    scores = sheet_rows(book, schema.SCORES.label(lang))[1:]
    assert [(r[0], r[3], r[8]) for r in scores] == [
        ("2025-01", "保洁员", 100.0),
        ("2025-02", "保洁员", 100.0),
        ("2025-03", "水电工", 85.2),
    ]
    quarter = sheet_rows(book, schema.QUARTERLY.label(lang))[1]
    annual = sheet_rows(book, schema.ANNUAL.label(lang))[1]
    assert quarter[3:6] == ["水电工", 3.0, 95.1]
    assert annual[3:6] == ["水电工", 3.0, 95.1]
    # Pay: 2000 × 1.2 (优秀) in January and February, 2000 × 1.0 (良好, 85.2) in March = 6,800.00
    # (the figure); no year-end pool: 年终绩效 blank.
    assert annual[8] == 6800.0 and annual[9] in ("", None)


def test_pool_mode_pays_the_pool_and_warns_about_a_month_without_one(tmp_path: Path):
    # Pools for January and the year, none for February or March. One person: the whole
    # pool is theirs (10,000.00); 年终绩效 = the year's pool, 3,000.00. The periods are typed
    # as Excel keeps them: the date Excel made of "2025-01", and the number 2025.
    pools = [{"period": D(2025, 1, 1), "amount": 10000}, {"period": 2025, "amount": 3000}]
    book = build(tmp_path / "p.xlsm", frames("总额分配", pools))
    for args in (["score", book, "--all"], ["rank", book, "--year", "2025"]):
        result = invoke(*args, *AS_OF)
        assert result.exit_code == 0, result.output
    pay = [r[12] for r in sheet_rows(book, "考评")[1:]]
    assert pay[0] == 10000.0 and pay[1:] in (["", ""], [None, None])
    annual = sheet_rows(book, "年终排名")[1]
    assert annual[8:10] == [10000.0, 3000.0]  # blank months count 0
    validation = sheet_rows(book, "校验结果")[1:]
    assert [(r[0], r[3], r[4]) for r in validation] == [
        ("绩效总额", "2025-02", "警告"),
        ("绩效总额", "2025-03", "警告"),
    ]


def test_a_broken_transfer_chain_blocks_scoring_at_its_row(tmp_path: Path):
    data = frames()
    data["staff"].loc[0, "post_id"] = "P1"  # the clerk forgot to edit 人员
    book = build(tmp_path / "c.xlsm", data, "en")
    result = invoke("score", book, "--month", "2025-03", *AS_OF)
    assert result.exit_code == 1
    rows = sheet_rows(book, "Validation")[1:]
    assert [(r[0], r[1], r[2], r[4]) for r in rows] == [("Transfers", 2.0, "ToPostID", "Error")]
    assert "current post 'P1'" in rows[0][5]


def test_pay_notice_for_a_month_and_a_year(tmp_path: Path):
    book = build(tmp_path / "n.xlsm", frames())
    for period in (["--month", "2025-03"], ["--year", "2025"]):
        result = invoke(
            "report", book, "pay-notice", *period, "--out", tmp_path, "--no-pdf", *AS_OF
        )
        assert result.exit_code == 0, result.output
    names = {p.name for p in tmp_path.iterdir()}
    assert {"示例实验小学-2025-03绩效公示.docx", "示例实验小学-2025年度绩效公示.docx"} <= names
