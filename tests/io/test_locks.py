"""Workbooks open in Excel or LibreOffice are refused by name; our own runs exclude each other."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from logistics.io.locks import (
    EXCEL_OR_WPS,
    LIBREOFFICE,
    WPS,
    WorkbookBusy,
    WorkbookBusyUnknown,
    WorkbookOpen,
    WorkbookOpenUnknownOwner,
    ensure_not_open,
    excel_lock_file,
    libreoffice_lock_file,
    lock_owner,
    lock_status,
    tool_lock,
    tool_lock_file,
    wps_lock_file,
)


def excel_owner_file(name: str, ansi: bytes | None = None, *, utf16: bool = True) -> bytes:
    """Excel's ~$ owner file: length + ANSI name padded to 54 bytes, then length + UTF-16LE."""
    ansi = name.encode("cp1252", "replace") if ansi is None else ansi
    blob = bytes([len(ansi)]) + ansi.ljust(53, b" ")
    if utf16:
        blob += len(name).to_bytes(2, "little") + name.encode("utf-16-le")
    return blob.ljust(165, b"\x00")


@pytest.fixture
def book(tmp_path: Path) -> Path:
    path = tmp_path / "logistics.xlsm"
    path.write_bytes(b"PK")  # lock checks never read the workbook itself
    return path


def test_no_lock_files_means_not_open(book: Path) -> None:
    assert lock_owner(book) is None
    ensure_not_open(book)


def test_excel_lock_names_the_user(book: Path) -> None:
    excel_lock_file(book).write_bytes(excel_owner_file("Jane Doe"))
    info = lock_owner(book)
    assert info is not None
    assert (info.app, info.user, info.lock_file) == (
        EXCEL_OR_WPS,
        "Jane Doe",
        book.parent / "~$logistics.xlsm",
    )
    with pytest.raises(WorkbookOpen) as exc:
        ensure_not_open(book)
    en, zh = exc.value.message("en"), exc.value.message("zh")
    assert "Jane Doe" in en and "Jane Doe" in zh
    assert "Save and close the workbook in Excel or WPS first" in en
    assert "先在 Excel 或 WPS 中保存并关闭" in zh
    assert str(excel_lock_file(book)) in en and str(excel_lock_file(book)) in zh
    assert exc.value.exit_code == 2


def test_excel_lock_prefers_the_utf16_name_for_chinese_users(book: Path) -> None:
    # On Chinese Windows the ANSI copy is GBK: read as cp1252 it would be mojibake.
    name = "张老师"
    excel_lock_file(book).write_bytes(excel_owner_file(name, name.encode("gbk")))
    info = lock_owner(book)
    assert info is not None and info.user == name
    with pytest.raises(WorkbookOpen, match=name):
        ensure_not_open(book)


def test_excel_lock_without_utf16_copy_falls_back_to_ansi(book: Path) -> None:
    excel_lock_file(book).write_bytes(excel_owner_file("José", utf16=False))
    info = lock_owner(book)
    assert info is not None and info.user == "José"


@pytest.mark.parametrize(
    "content",
    [b"", b"\xff" * 3, b"\x00" * 165, b"\x07\x1b[31m\x1b[0m" + b"\x00" * 60],
    ids=["empty", "garbled", "zeros", "control-characters"],
)
def test_empty_or_garbled_excel_lock_still_counts(book: Path, content: bytes) -> None:
    excel_lock_file(book).write_bytes(content)
    with pytest.raises(WorkbookOpenUnknownOwner) as exc:
        ensure_not_open(book)
    en, zh = exc.value.message("en"), exc.value.message("zh")
    assert "may be open in another program (Excel or WPS)" in en
    assert "Save and close the workbook in that program first" in en
    assert "if no one has it open, delete the lock file" in en
    assert "先在该程序中保存并关闭工作簿" in zh and "删除锁文件" in zh
    assert "?" not in en.replace(str(excel_lock_file(book)), "")


def test_wps_lock_on_linux_is_detected(book: Path) -> None:
    # WPS Office for Linux writes ".~name" beside the workbook.
    wps_lock_file(book).write_bytes(excel_owner_file("李老师", "李老师".encode("gbk")))
    info = lock_owner(book)
    assert info is not None
    expected = (WPS, "李老师", book.parent / ".~logistics.xlsm")
    assert (info.app, info.user, info.lock_file) == expected
    with pytest.raises(WorkbookOpen) as exc:
        ensure_not_open(book)
    assert "open in WPS by 李老师" in exc.value.message("en")
    assert "Save and close the workbook in WPS first" in exc.value.message("en")


def test_empty_wps_lock_still_counts(book: Path) -> None:
    wps_lock_file(book).write_bytes(b"")
    with pytest.raises(WorkbookOpenUnknownOwner, match="another program \\(WPS\\)"):
        ensure_not_open(book)


def test_a_folder_named_like_a_lock_is_not_a_lock(book: Path) -> None:
    wps_lock_file(book).mkdir()
    assert lock_owner(book) is None


def test_libreoffice_lock_names_the_user_and_the_host(book: Path) -> None:
    # Fields: OOOUSERNAME, SYSUSERNAME, LOCALHOST, LOCKTIME, USERURL.
    lock = libreoffice_lock_file(book)
    lock.write_text("王芳,wangfang,office-pc,24.05.2024 10:00,file:///home/wf/.config;", "utf-8")
    info = lock_owner(book)
    assert info is not None
    assert (info.app, info.user, info.host) == (LIBREOFFICE, "王芳", "office-pc")
    assert lock == book.parent / ".~lock.logistics.xlsm#"
    with pytest.raises(WorkbookOpen) as exc:
        ensure_not_open(book)
    en, zh = exc.value.message("en"), exc.value.message("zh")
    assert "open in LibreOffice by 王芳 on computer office-pc" in en
    assert "王芳（计算机 office-pc）" in zh
    assert "Save and close the workbook in LibreOffice first" in en
    assert str(lock) in en and str(lock) in zh


def test_libreoffice_lock_without_full_name_uses_the_login(book: Path) -> None:
    libreoffice_lock_file(book).write_text(",wangfang,pc1,24.05.2024 10:00,file:///x;")
    info = lock_owner(book)
    assert info is not None and (info.user, info.host) == ("wangfang", "pc1")


def test_libreoffice_lock_with_escaped_comma(book: Path) -> None:
    libreoffice_lock_file(book).write_text("Doe\\, Jane,jane,pc1,24.05.2024 10:00,file:///x;")
    info = lock_owner(book)
    assert info is not None and info.user == "Doe, Jane"


@pytest.mark.parametrize("content", [b"", b"garbage", b"\xff\xfe\x00,"])
def test_empty_or_garbled_libreoffice_lock_says_so(book: Path, content: bytes) -> None:
    libreoffice_lock_file(book).write_bytes(content)
    with pytest.raises(WorkbookOpenUnknownOwner) as exc:
        ensure_not_open(book)
    en = exc.value.message("en")
    assert "another program (LibreOffice)" in en and "process ?" not in en


def test_lock_of_another_workbook_does_not_count(book: Path) -> None:
    excel_lock_file(book.with_name("other.xlsm")).write_bytes(excel_owner_file("Jane"))
    assert lock_owner(book) is None


# ---- tool_lock -------------------------------------------------------------------------


def test_tool_lock_writes_pid_and_host_and_cleans_up(book: Path) -> None:
    with tool_lock(book) as lock:
        assert lock == book.parent / ".logistics.xlsm.logistics-lock"
        holder = json.loads(lock.read_text())
        assert holder["pid"] == os.getpid()
        assert holder["host"] == socket.gethostname()
    assert not lock.exists()


def test_tool_lock_refuses_a_second_holder(book: Path) -> None:
    with tool_lock(book):
        with pytest.raises(WorkbookBusy) as exc, tool_lock(book):
            pass
        en = exc.value.message("en")
        assert f"process {os.getpid()}" in en
        assert str(tool_lock_file(book)) in en
        assert str(tool_lock_file(book)) in exc.value.message("zh")
        assert tool_lock_file(book).exists()  # the refused run must not remove the holder's lock
    assert not tool_lock_file(book).exists()


HOLD = """
import sys, time
from pathlib import Path
from logistics.io.locks import tool_lock
with tool_lock(Path(sys.argv[1])):
    print("locked", flush=True)
    time.sleep(60)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_lock_of_a_killed_run_is_taken_over(book: Path) -> None:
    child = subprocess.Popen([sys.executable, "-c", HOLD, str(book)], stdout=subprocess.PIPE)
    try:
        assert child.stdout is not None and child.stdout.readline() == b"locked\n"
        with pytest.raises(WorkbookBusy, match=f"process {child.pid}"), tool_lock(book):
            pass
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert tool_lock_file(book).exists()  # a killed run cannot clean up
    with tool_lock(book) as lock:
        assert json.loads(lock.read_text())["pid"] == os.getpid()


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def write_lock(book: Path, **holder: object) -> Path:
    lock = tool_lock_file(book)
    lock.write_text(json.dumps(holder))
    return lock


def test_stale_lock_of_a_dead_pid_is_taken_over(book: Path) -> None:
    write_lock(book, pid=dead_pid(), host=socket.gethostname(), started="2024-05-01T10:00:00")
    with tool_lock(book) as lock:
        assert json.loads(lock.read_text())["pid"] == os.getpid()
    assert not lock.exists()
    assert list(book.parent.iterdir()) == [book]  # no moved-aside lock left behind


def test_lock_from_another_host_is_never_taken_over(book: Path) -> None:
    write_lock(book, pid=dead_pid(), host="other-pc", started="2024-05-01T10:00:00")
    with pytest.raises(WorkbookBusy) as exc, tool_lock(book):
        pass
    assert "other-pc" in exc.value.message("en")
    assert "2024-05-01 10:00:00" in exc.value.message("en")


def test_unreadable_lock_is_stale_only_when_old(book: Path) -> None:
    lock = tool_lock_file(book)
    lock.write_bytes(b"")  # a run killed between creating and writing its lock
    with pytest.raises(WorkbookBusyUnknown) as exc, tool_lock(book):
        pass
    en = exc.value.message("en")
    assert "?" not in en and "cannot be read" in en and str(lock) in en
    assert "删除锁文件" in exc.value.message("zh")
    old = time.time() - 3600
    os.utime(lock, (old, old))
    with tool_lock(book):
        pass


def test_lock_status_reads_without_writing(book: Path) -> None:
    assert lock_status(book) is None
    wps_lock_file(book).write_bytes(excel_owner_file("李老师"))
    status = lock_status(book)
    assert isinstance(status, WorkbookOpen) and "Save and close" in status.message("en")
    wps_lock_file(book).unlink()
    with tool_lock(book):
        before = sorted(p.name for p in book.parent.iterdir())
        busy = lock_status(book)
        assert isinstance(busy, WorkbookBusy) and f"process {os.getpid()}" in busy.message("en")
        assert sorted(p.name for p in book.parent.iterdir()) == before
    assert lock_status(book) is None
