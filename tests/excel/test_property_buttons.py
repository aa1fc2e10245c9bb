"""The property buttons on Home (资产统计, 盘点结果, 资产盘点报告, 资产台账) do what the
command line does, on a small school with a few assets and a count."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from tests.excel.fake_excel import FakeExcel
from tests.excel.test_macros import (  # noqa: F401  (remote_engine: the autouse fixture)
    DOCUMENTS,
    HOME,
    WHEN,
    cli,
    click,
    docx_body,
    no_pdf_converter,
    remote_engine,
    school,
    status,
    table,
    touched,
)
from tests.workbooks import sheet_rows, small_school

D = dt.date


def property_school() -> dict[str, pd.DataFrame]:
    frames = small_school()
    frames["assets"] = pd.DataFrame(
        [
            {"asset_id": "A1", "name": "投影仪", "category": "general", "quantity": 1,
             "unit_price": 3899.0, "purchase_date": D(2023, 3, 1), "location": "教学楼101",
             "staff_id": "S3", "status": "repair"},
            {"asset_id": "A2", "name": "课桌椅", "category": "furniture", "quantity": 45,
             "unit_price": 268.0, "purchase_date": D(2022, 8, 20), "location": "教学楼101",
             "status": "in_use"},
            {"asset_id": "A3", "name": "=SUM(A1)", "category": "general", "quantity": 1,
             "unit_price": 4299.0, "purchase_date": D(2021, 5, 1), "location": "总务处",
             "status": "in_use"},
        ]
    )  # fmt: skip
    frames["counts"] = pd.DataFrame(
        [
            {"date": D(2025, 12, 15), "asset_id": "A1", "location": "教学楼101", "counted": 1},
            {"date": D(2025, 12, 15), "asset_id": "A2", "location": "教学楼101", "counted": 43},
            {"date": D(2025, 12, 16), "asset_id": None, "name": "旧钢琴", "location": "音乐室",
             "counted": 1},
        ]
    )  # fmt: skip
    return frames


JOBS = [
    ("asset_statistics", ["assets"], "资产统计", r"2025-12-31 资产统计完成：3 行，警告 0 条"),
    ("count_result", ["inventory", "--year", "2025"], "盘点结果",
     r"2025 盘点结果完成：4 项，警告 0 条"),
]  # fmt: skip


@pytest.mark.parametrize(("function", "args", "sheet", "done"), JOBS, ids=[j[0] for j in JOBS])
def test_property_job_buttons_write_what_the_cli_writes(tmp_path, function, args, sheet, done):
    path, fake = school(tmp_path, property_school())
    copy = Path(shutil.copy(path, tmp_path / "cli.xlsm"))
    assert cli(copy, *args) == 0

    actions = click(fake, function)

    assert table(fake[sheet].rows()) == table(sheet_rows(copy, sheet))
    assert len(fake[sheet].rows()) > 2
    assert touched(fake, actions) <= {HOME, sheet, "校验结果"}
    assert not any(s.formulas for s in fake.sheets)  # =SUM(A1) stays text
    assert re.fullmatch(done + WHEN, status(fake))


REPORTS = [
    ("inventory_report", ["inventory", "--year", "2025"], "2025 资产盘点报告",
     ["示例实验小学-2025年度资产盘点报告"]),
    ("asset_ledger", ["asset-ledger"], "资产台账", ["示例实验小学-资产台账-2025-12-31"]),
]  # fmt: skip


@pytest.mark.usefixtures("no_pdf_converter")
@pytest.mark.parametrize(
    ("function", "args", "what", "stems"), REPORTS, ids=[r[0] for r in REPORTS]
)
def test_property_document_buttons_write_what_the_cli_writes(tmp_path, function, args, what, stems):
    path, fake = school(tmp_path, property_school(), saved=True)
    out = tmp_path / "cli"
    assert cli(path, "report", *args, "--out", str(out), "--no-pdf") == 0

    actions = click(fake, function)

    folder = tmp_path / DOCUMENTS
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(f"{stem}.docx" for stem in stems)
    for name in names:
        assert docx_body(folder / name) == docx_body(out / name), name
    assert touched(fake, actions) == {HOME}
    assert status(fake).startswith(f"{what}已生成：1 个文件")
    assert isinstance(fake, FakeExcel)
