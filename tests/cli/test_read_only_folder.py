"""A workbook in a read-only folder: reading commands work and say what they could not
write; writing commands stop with exit 2 before any work. Never an internal error."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from logistics.cli import app
from logistics.io import locks
from tests.workbooks import build, part_hashes, small_school

runner = CliRunner()
AS_OF = ["--as-of", "2025-12-31"]


@pytest.fixture
def read_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Path]:
    """Build the small school in a folder, then make the folder refuse new files, as a
    read-only share does (tests may run as root, for whom chmod changes nothing)."""

    def make(frames: dict | None = None) -> Path:
        (tmp_path / "ro").mkdir()
        book = build(tmp_path / "ro" / "school.xlsm", frames)
        folder = str(book.parent)
        real_open = os.open

        def refusing_open(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
            if flags & os.O_CREAT and os.path.dirname(os.path.abspath(path)) == folder:
                raise OSError(errno.EROFS, "Read-only file system", str(path))
            return real_open(path, flags, *args, **kwargs)

        monkeypatch.setattr(locks.os, "open", refusing_open)
        return book

    return make


def run(path: Path, *args: str) -> tuple[int, str]:
    before = part_hashes(path)
    result = runner.invoke(app, [args[0], str(path), *args[1:], *AS_OF])
    assert part_hashes(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name], "nothing new beside it"
    assert "Internal error" not in result.output and "内部错误" not in result.output
    return result.exit_code, " ".join(result.output.split())


def test_validate_runs_and_says_the_results_were_not_written(read_only) -> None:
    frames = small_school()
    frames["logs"] = frames["logs"].astype(object)
    frames["logs"].loc[0, "date"] = "昨天"
    code, out = run(read_only(frames), "validate")
    assert code == 1, out  # the workbook's errors still decide the exit code
    assert "昨天" in out and "错误 1 条" in out  # the problems are printed (zh workbook)
    assert "工作簿所在的文件夹是只读的：以上结果未写入工作表 校验结果" in out


def test_validate_of_a_clean_workbook_exits_0(read_only) -> None:
    code, out = run(read_only(), "validate")
    assert code == 0, out
    assert "未写入工作表 校验结果" in out and "已写入" not in out


def test_explain_works(read_only) -> None:
    code, out = run(read_only(), "explain", "--staff", "S3", "--month", "2025-03")
    assert code == 0, out
    assert "81.4" in out


@pytest.mark.parametrize(
    "args",
    [
        ["score", "--month", "2025-03"],
        ["score", "--all"],
        ["summary", "--quarter", "2025Q1"],
        ["rank", "--year", "2025"],
        ["energy", "--month", "2025-03"],
    ],
)
def test_writing_commands_exit_2_saying_the_folder_is_read_only(read_only, args) -> None:
    book = read_only()
    code, out = run(book, *args)
    assert code == 2, out
    assert f"({book.parent}) is read-only (Read-only file system)" in out
    assert "Copy the workbook to a folder you can write to" in out
    assert "只读" in out


def test_report_writes_its_documents_elsewhere(tmp_path, read_only) -> None:
    book = read_only()
    out_dir = tmp_path / "docs"
    out_dir.mkdir()
    before = part_hashes(book)
    result = runner.invoke(
        app,
        [
            "report",
            str(book),
            "monthly",
            "--month",
            "2025-03",
            "--out",
            str(out_dir),
            "--no-pdf",
            *AS_OF,
        ],
    )
    assert result.exit_code == 0, result.output
    assert part_hashes(book) == before
    assert len(list(out_dir.glob("*.docx"))) == 1


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root ignores modes")
def test_a_really_read_only_folder(tmp_path: Path) -> None:
    (tmp_path / "ro").mkdir()
    book = build(tmp_path / "ro" / "school.xlsm")
    book.parent.chmod(0o555)
    try:
        assert run(book, "validate")[0] == 0
        assert run(book, "score", "--all")[0] == 2
    finally:
        book.parent.chmod(0o755)


def test_new_where_nothing_can_be_written_exits_2(tmp_path: Path) -> None:
    blocker = tmp_path / "notes.txt"  # a file where a folder would have to be
    blocker.write_text("x")
    wide = CliRunner(env={"COLUMNS": "400"})
    for args in (["new", str(blocker / "book.xlsm")], ["demo", "--out", str(blocker / "d")]):
        result = wide.invoke(app, args)
        assert result.exit_code == 2, result.output
        text = " ".join(result.output.split())
        assert f"Cannot write {blocker / ('book.xlsm' if args[0] == 'new' else 'd')}" in text
        assert "Choose a folder you can write to" in text
