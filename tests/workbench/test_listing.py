"""The choose-a-workbook page reads each workbook's school name: through the same package
checks as any read (SPEC §7), so a hostile file is a row's message, never a parse."""

from __future__ import annotations

from pathlib import Path

import pytest

from logistics.workbench import workspace
from tests.io.test_hostile_files import corner_cells
from tests.workbooks import build


def test_a_workbook_lists_its_school(tmp_path: Path) -> None:
    row = workspace.listing(build(tmp_path / "school.xlsm"), "zh")
    assert row.school and row.problem == ""


def test_two_cells_far_apart_are_refused_before_calamine_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = corner_cells(tmp_path, "XFD1048576")

    class Untouched:
        @staticmethod
        def from_path(name: str) -> None:
            raise AssertionError("calamine reached a file the budget refuses")

    monkeypatch.setattr(workspace, "CalamineWorkbook", Untouched)
    row = workspace.listing(path, "en")
    assert row.school == "" and "spans about 17,179,869,184 cells" in row.problem
