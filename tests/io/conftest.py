"""Fixtures: small workbooks built with XlsxWriter for the file-safety tests."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest
import xlsxwriter
import xlwings

from .io_books import ENERGY, ENERGY_COLUMNS, LOGS, SCORE_COLUMNS, SCORES, BuildBook


@pytest.fixture(scope="session")
def vba_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The VBA project of the xlwings quickstart workbook, as the real builder uses it."""
    source = Path(xlwings.__file__).parent / "quickstart_standalone.xlsm"
    out = tmp_path_factory.mktemp("vba") / "vbaProject.bin"
    with zipfile.ZipFile(source) as z:
        out.write_bytes(z.read("xl/vbaProject.bin"))
    return out


@pytest.fixture
def build_book(tmp_path: Path, vba_project: Path) -> BuildBook:
    def build(
        name: str = "logistics.xlsm",
        *,
        old_rows: int = 2,
        old_formula: bool = False,
        autofilter: bool = False,
    ) -> Path:
        path = tmp_path / name
        wb = xlsxwriter.Workbook(str(path))
        wb.set_properties({"created": dt.datetime(2024, 1, 1)})  # byte-stable builds
        if path.suffix == ".xlsm":
            wb.add_vba_project(str(vba_project))
        bold = wb.add_format({"bold": True})

        ws = wb.add_worksheet(SCORES)
        ws.write_row(0, 0, [label for label, _ in SCORE_COLUMNS], bold)
        for j, (_, fmt) in enumerate(SCORE_COLUMNS):
            if fmt:
                ws.set_column(j, j, 12, wb.add_format({"num_format": fmt}))
        for i in range(old_rows):
            ws.write_row(i + 1, 0, ["2023-12", f"OLD{i}", dt.date(2023, 12, 31), 50.0, 1.5, i])
        if old_formula:
            ws.write_formula(old_rows + 1, 3, "=D2*2", None, 100)
        if autofilter:
            ws.autofilter(0, 0, old_rows, len(SCORE_COLUMNS) - 1)

        logs = wb.add_worksheet(LOGS)
        logs.add_table(
            0,
            0,
            3,
            2,
            {
                "name": "tblLogs",
                "columns": [{"header": "日期"}, {"header": "工号"}, {"header": "工作内容"}],
                "data": [
                    ["2024-05-06", "S001", "巡查宿舍"],
                    ["2024-05-07", "S002", "维修水龙头"],
                    ["2024-05-08", "S001", "=SUM(1,2) typed as text"],
                ],
            },
        )
        chart = wb.add_chart({"type": "column"})
        chart.add_series({"values": f"='{SCORES}'!$D$2:$D$3"})
        logs.insert_chart("E2", chart)

        energy = wb.add_worksheet(ENERGY)
        energy.write_row(0, 0, [label for label, _ in ENERGY_COLUMNS], bold)
        for j, (_, fmt) in enumerate(ENERGY_COLUMNS):
            if fmt:
                energy.set_column(j, j, 10, wb.add_format({"num_format": fmt}))
        energy.write_row(1, 0, ["2023-12", "电表1", 100.5, 3.0])
        energy.autofilter(0, 0, 1, len(ENERGY_COLUMNS) - 1)
        wb.close()
        return path

    return build
