"""A folder of workbooks in one command (`logistics score DIR --all`, validate, rank): each
workbook ends exactly as a run on it alone leaves it, and one bad workbook is a row of the
results, not the end of the run."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from logistics.batch import workbooks_in
from logistics.cli import app
from tests.workbooks import build, sheet_rows, small_school

runner = CliRunner(env={"COLUMNS": "200"})
AS_OF = ["--as-of", "2025-12-31"]


def invoke(*args: object):  # type: ignore[no-untyped-def]
    return runner.invoke(app, [str(a) for a in args])


def with_bad_date() -> dict[str, pd.DataFrame]:
    frames = small_school()
    logs = pd.DataFrame(frames["logs"]).astype(object)
    logs.loc[0, "date"] = "三月五日"  # not a date: a validation error at its cell
    frames["logs"] = logs
    return frames


@pytest.fixture(scope="module")
def originals(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("originals")
    return {
        "a.xlsm": build(folder / "a.xlsm"),
        "b.xlsm": build(folder / "b.xlsm", lang="en"),
        "c.xlsm": build(folder / "c.xlsm", with_bad_date()),
    }


def school_folder(tmp_path: Path, originals: dict[str, Path], *names: str) -> Path:
    folder = tmp_path / "schools"
    folder.mkdir(parents=True)
    for name in names:
        shutil.copyfile(originals[name], folder / name)
    return folder


def alone(tmp_path: Path, original: Path, *args: str) -> Path:
    """The workbook after the same command on it alone."""
    copy = tmp_path / "alone" / original.name
    copy.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(original, copy)
    invoke(args[0], copy, *args[1:])
    return copy


def test_lock_files_hidden_files_and_other_files_are_not_workbooks(tmp_path: Path) -> None:
    for name in ("b.xlsx", "a.xlsm", "~$a.xlsm", ".~lock.a.xlsm#", ".hidden.xlsm", "notes.txt"):
        (tmp_path / name).write_bytes(b"")
    (tmp_path / "sub.xlsm").mkdir()
    assert [p.name for p in workbooks_in(tmp_path)] == ["a.xlsm", "b.xlsx"]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_score_all_on_a_folder_writes_each_as_alone(
    tmp_path: Path, originals: dict[str, Path], workers: str
) -> None:
    folder = school_folder(tmp_path, originals, "a.xlsm", "b.xlsm")
    result = invoke("score", folder, "--all", *AS_OF, "--workers", workers)
    assert result.exit_code == 0, result.output
    for name, sheet in (("a.xlsm", "考评"), ("b.xlsm", "Scores")):
        expected = sheet_rows(alone(tmp_path, originals[name], "score", "--all", *AS_OF), sheet)
        assert len(expected) > 1
        assert sheet_rows(folder / name, sheet) == expected
    assert "2 个工作簿：完成 2，有错误 0，未处理 0。" in result.output


def test_one_workbook_with_errors_and_one_that_is_no_workbook(
    tmp_path: Path, originals: dict[str, Path]
) -> None:
    folder = school_folder(tmp_path, originals, "a.xlsm", "c.xlsm")
    (folder / "notes.xlsm").write_text("not a workbook")
    before = sheet_rows(folder / "c.xlsm", "考评")
    result = invoke("score", folder, "--all", *AS_OF)
    assert result.exit_code == 2, result.output  # the worst: a workbook not run
    assert "3 个工作簿：完成 1，有错误 1，未处理 1。" in result.output
    assert sheet_rows(folder / "c.xlsm", "考评") == before  # errors block the scores
    assert len(sheet_rows(folder / "c.xlsm", "校验结果")) > 1  # and are listed
    assert len(sheet_rows(folder / "a.xlsm", "考评")) > 1
    assert "notes.xlsm" in result.output


def test_validate_and_rank_on_a_folder(tmp_path: Path, originals: dict[str, Path]) -> None:
    folder = school_folder(tmp_path, originals, "a.xlsm", "c.xlsm")
    result = invoke("validate", folder, *AS_OF)
    assert result.exit_code == 1, result.output
    assert "2 个工作簿：完成 1，有错误 1，未处理 0。" in result.output
    folder = school_folder(tmp_path / "r", originals, "a.xlsm")
    result = invoke("rank", folder, "--year", "2025", *AS_OF)
    assert result.exit_code == 0, result.output
    expected = alone(tmp_path / "r", originals["a.xlsm"], "rank", "--year", "2025", *AS_OF)
    assert sheet_rows(folder / "a.xlsm", "年终排名") == sheet_rows(expected, "年终排名")


def test_a_folder_without_workbooks(tmp_path: Path) -> None:
    result = invoke("score", tmp_path, "--all")
    assert result.exit_code == 2
    assert "没有工作簿" in result.output


def test_a_spreadsheet_that_is_not_a_logistics_workbook_is_left_as_it_is(
    tmp_path: Path, originals: dict[str, Path]
) -> None:
    import xlsxwriter

    folder = school_folder(tmp_path, originals, "a.xlsm")
    roster = folder / "名单.xlsx"
    with xlsxwriter.Workbook(roster) as book:
        book.add_worksheet("Staff").write(0, 0, "name")  # one sheet named like one of ours
    before = roster.read_bytes()
    result = invoke("score", folder, "--all", *AS_OF)
    assert result.exit_code == 2, result.output
    assert "不是后勤考核工作簿" in result.output
    assert roster.read_bytes() == before
    assert not (folder / ".logistics-backups" / "名单.xlsx").exists()
    assert len(sheet_rows(folder / "a.xlsm", "考评")) > 1


def test_a_workbook_the_system_cannot_handle_is_one_row(
    tmp_path: Path, originals: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An OSError (here: a name too long for the lock file) or a bug in one workbook ends
    that workbook's run, not the folder's."""
    import logistics.batch as batch

    folder = school_folder(tmp_path, originals, "a.xlsm", "b.xlsm")
    real = batch.FileBook.open

    def failing(path: Path, **kwargs: object):  # type: ignore[no-untyped-def]
        if path.name == "a.xlsm":
            raise OSError(36, "File name too long")
        return real(path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(batch.FileBook, "open", failing)
    result = invoke("validate", folder, *AS_OF, "--workers", "1")
    assert result.exit_code == 2, result.output
    # the table is in the language of the workbook that could be read (b.xlsm: English)
    assert "Could not be processed: File name too long." in result.output
    assert "2 workbooks: 1 done, 0 with errors, 1 not run." in result.output


def test_one_workbook_in_english(tmp_path: Path, originals: dict[str, Path]) -> None:
    folder = school_folder(tmp_path, originals, "b.xlsm")
    result = invoke("validate", folder, *AS_OF)
    assert "1 workbook: 1 done, 0 with errors, 0 not run." in result.output
