"""A workbook that LibreOffice saved (.xlsx, no macros, its own XML) runs every button."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest

from logistics.buttons import BUTTONS
from logistics.core import schema
from tests.factories import D
from tests.workbooks import build, sheet_rows, small_school

from .conftest import Bench


def convert_with_libreoffice(source: Path, folder: Path) -> Path:
    soffice = shutil.which("soffice")
    if soffice is None:
        if os.environ.get("CI") == "true":
            pytest.fail("LibreOffice (soffice) is required in CI")
        pytest.skip("LibreOffice (soffice) is not installed")
    profile = (folder.parent / "lo-profile").as_uri()
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(folder),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return folder / (source.stem + ".xlsx")


def test_every_button_on_a_libreoffice_saved_workbook(make_bench, tmp_path: Path) -> None:
    folder = tmp_path / "books"
    folder.mkdir()
    frames = small_school()  # with a room of property and its count, for the property buttons
    frames["assets"] = pd.DataFrame(
        [
            {"asset_id": "ZC-1", "name": "投影仪", "category": "通用设备", "quantity": 1,
             "unit_price": 3500, "purchase_date": D(2024, 9, 1), "location": "教学楼201",
             "status": "在用"},
            {"asset_id": "ZC-2", "name": "课桌", "category": "家具用具", "quantity": 40,
             "unit_price": 260, "purchase_date": D(2023, 8, 20), "location": "教学楼201",
             "status": "在用"},
        ]
    )  # fmt: skip
    frames["counts"] = pd.DataFrame(
        [
            {"date": D(2025, 3, 20), "asset_id": "ZC-1", "location": "教学楼201", "counted": 1},
            {"date": D(2025, 3, 20), "asset_id": "ZC-2", "location": "教学楼201", "counted": 38},
        ]
    )
    saved = convert_with_libreoffice(build(tmp_path / "school.xlsm", frames), folder)
    bench: Bench = make_bench(folder)
    home = {"month": "2025-03", "year": "2025", "as_of": "2025-03-31"}
    for b in BUTTONS:
        html = bench.run(saved.name, b.function, **home)
        assert 'data-state="done"' in html, (b.function, html)
    scores = sheet_rows(saved, schema.SCORES.zh)
    assert [r[1] for r in scores[1:]] and {r[0] for r in scores[1:]} == {"2025-03"}
    assert {r[0] for r in sheet_rows(saved, schema.ENERGY_STATS.zh)[1:]} == {"2025-03"}
    assert {r[0] for r in sheet_rows(saved, schema.ANNUAL.zh)[1:]} == {2025}
    written = {p.suffix for p in (folder / "后勤文档").iterdir()}
    assert written == {".docx", ".pdf"}
