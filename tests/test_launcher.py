"""``logistics launcher``: each format hands the workbench exactly the path it was given —
spaces, quotes, ``%``, ``$``, backticks, a leading ``-`` — without breaking or injecting.

The sh script really runs (with a stand-in interpreter that records its arguments); the
desktop entry is read back by an independent parser written from the Desktop Entry
Specification and, where GLib's ``gio`` is installed, really launched; cmd.exe cannot run
here, so the batch line is read back by the rules cmd.exe and the C runtime apply.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from logistics.cli import app
from logistics.core.errors import UsageError
from logistics.launcher import (
    app_argv,
    bat_script,
    command_script,
    desktop_entry,
    launcher_name,
    write_launcher,
)

POSIX_PATHS = [
    "/home/li/后勤 文件夹",
    "/home/li/O'Brien's \"best\" school",
    "/home/li/$HOME `id` $(id) ${x}",
    "/home/li/100% %f %u %%PATH%%",
    "/home/li/back\\slash\\\\two ~ * ? # ; | & < > ( ) !",
    "-rf --host=0.0.0.0",  # read as a path, never as an option
]
WINDOWS_PATHS = [
    r"C:\Users\李老师\后勤 文件夹",
    r"D:\学校\100% %PATH% %%x%% %~dp0",
    r"C:\a & b | c < d > e ^ f ! g (h) 'i' ; j , k = l",
    r"\\server\share\后勤",
    "-rf --host=0.0.0.0",
]


# ---- macOS: the .command runs under sh -----------------------------------------------------


@pytest.fixture(params=["fake py's $x", "fake py %y% $x"])
def recorder(tmp_path: Path, request: pytest.FixtureRequest) -> tuple[Path, Path]:
    """A stand-in interpreter (in a folder whose name needs quoting) that writes its
    arguments, NUL-separated, to a file."""
    folder = tmp_path / request.param
    folder.mkdir()
    record = tmp_path / "argv.bin"
    python = folder / "python"
    python.write_text(f"#!/bin/sh\nprintf '%s\\0' \"$0\" \"$@\" > '{record}'\n", encoding="utf-8")
    python.chmod(0o755)
    return python, record


def recorded(record: Path) -> list[str]:
    return record.read_bytes().decode("utf-8").split("\0")[:-1]


@pytest.mark.parametrize("target", POSIX_PATHS)
def test_command_script_passes_the_path_verbatim(
    target: str, recorder: tuple[Path, Path], tmp_path: Path
) -> None:
    python, record = recorder
    script = tmp_path / "启动工作台.command"
    script.write_text(command_script(str(python), target, "zh"), encoding="utf-8")
    env = {**os.environ, "HOME": "/nonexistent", "x": "expanded"}
    run = subprocess.run(["/bin/sh", str(script)], env=env, capture_output=True, timeout=30)
    assert run.returncode == 0, run.stderr
    assert recorded(record) == app_argv(str(python), target)


def test_command_substitution_in_a_path_runs_nothing(
    recorder: tuple[Path, Path], tmp_path: Path
) -> None:
    python, record = recorder
    canary = tmp_path / "canary"
    target = f"/home/li/$(touch '{canary}')`touch '{canary}'`"
    script = tmp_path / "启动工作台.command"
    script.write_text(command_script(str(python), target, "en"), encoding="utf-8")
    subprocess.run(["/bin/sh", str(script)], capture_output=True, timeout=30, check=True)
    assert recorded(record)[-1] == target and not canary.exists()


# ---- Linux: the desktop entry ------------------------------------------------------------


def parse_exec(entry: str) -> list[str]:
    """The argv a conforming launcher builds from ``entry``'s Exec key, per the Desktop Entry
    Specification: string escapes first (``\\\\`` ``\\s`` …), then arguments split at
    unquoted spaces, with ``\\"`` ``\\``` ``\\$`` ``\\\\`` unescaped inside double quotes,
    then ``%%`` → ``%`` (no other field code may appear)."""
    line = next(x for x in entry.splitlines() if x.startswith("Exec="))[len("Exec=") :]
    escapes = {"\\": "\\", "s": " ", "n": "\n", "t": "\t", "r": "\r"}
    value, i = "", 0
    while i < len(line):
        if line[i] == "\\":
            value += escapes[line[i + 1]]
            i += 2
        else:
            value += line[i]
            i += 1
    args: list[str] = []
    i = 0
    while i < len(value):
        if value[i] == " ":
            i += 1
            continue
        arg = ""
        if value[i] == '"':
            i += 1
            while value[i] != '"':
                if value[i] == "\\":
                    assert value[i + 1] in '"`$\\', "only these may be escaped"
                    i += 1
                arg += value[i]
                i += 1
            i += 1
        else:
            while i < len(value) and value[i] != " ":
                arg += value[i]
                i += 1
        parts = arg.split("%%")
        assert all("%" not in p for p in parts), f"a field code in {arg!r}"
        args.append("%".join(parts))
    return args


@pytest.mark.parametrize("target", POSIX_PATHS)
def test_desktop_entry_exec_reads_back_as_the_path(target: str) -> None:
    python = "/opt/school py/bin/python3"
    entry = desktop_entry(python, target, "zh")
    assert parse_exec(entry) == app_argv(python, target)
    odd = "/opt/100% py/bin/python3"  # GLib cannot check such a program: sh starts it
    wrapped = parse_exec(desktop_entry(odd, target, "zh"))
    assert wrapped == ["/bin/sh", "-c", 'exec "$0" "$@"', *app_argv(odd, target)]
    assert entry.startswith("[Desktop Entry]\n") and "\nType=Application\n" in entry
    assert "\nName=启动工作台\n" in entry and "\nTerminal=true\n" in entry


@pytest.mark.parametrize("target", POSIX_PATHS)
def test_gio_launches_the_desktop_entry_with_the_path(
    target: str, recorder: tuple[Path, Path], tmp_path: Path
) -> None:
    gio = shutil.which("gio")
    if gio is None:
        pytest.skip("GLib's gio is not installed")
    python, record = recorder
    entry = tmp_path / "launch.desktop"
    text = desktop_entry(str(python), target, "en", terminal=False)
    entry.write_text(text, encoding="utf-8")
    run = subprocess.run([gio, "launch", str(entry)], capture_output=True, timeout=30)
    assert run.returncode == 0, run.stderr
    for _ in range(100):  # gio returns once the child is spawned, not when it is done
        if record.exists() and record.read_bytes().endswith(b"\0"):
            break
        time.sleep(0.05)
    assert recorded(record) == app_argv(str(python), target)
    assert parse_exec(text)[-6:] == app_argv(str(python), target)


# ---- Windows: the batch file -------------------------------------------------------------


def batch_argv(script: str) -> list[str]:
    """The argv the batch file's command line gives python.exe: cmd.exe turns ``%%`` into
    ``%`` (a single ``%`` would expand a variable), then each double-quoted argument is one
    argument to the C runtime (no quote can occur inside)."""
    line = next(x for x in script.split("\r\n") if "-m" in x)
    assert "%" not in line.replace("%%", ""), "a lone % would expand a variable"
    line = line.replace("%%", "%")
    args = line.split('" "')
    assert line.startswith('"') and line.endswith('"') and len(args) == 6
    return [a.strip('"') for a in args]


@pytest.mark.parametrize("target", WINDOWS_PATHS)
def test_batch_line_reads_back_as_the_path(target: str) -> None:
    python = r"C:\Program Files\Python313\python.exe"
    script = bat_script(python, target, "zh")
    assert batch_argv(script) == app_argv(python, target)
    lines = script.split("\r\n")
    assert script.endswith("\r\n") and "\n" not in script.replace("\r\n", "")
    # cmd.exe reads the file in the OEM code page until chcp 65001 switches it to UTF-8.
    chcp = lines.index("chcp 65001 >nul")
    assert all(line.isascii() for line in lines[: chcp + 1])
    # "!" stays literal however the machine is set up.
    assert lines.index("setlocal DisableDelayedExpansion") < lines.index(
        next(x for x in lines if "-m" in x)
    )


def test_a_double_quote_cannot_reach_a_batch_file() -> None:
    with pytest.raises(UsageError, match="double quote"):
        bat_script("C:\\python.exe", 'C:\\a"&calc&"', "en")


@pytest.mark.parametrize("make", [bat_script, command_script, desktop_entry])
@pytest.mark.parametrize("bad", ["/a\nb", "/a\rb", "/a\x1b[31mb", "/a\x00b"])
def test_control_characters_are_refused(make, bad: str) -> None:
    with pytest.raises(UsageError):
        make("/usr/bin/python3", bad, "zh")


# ---- writing the file, the command ---------------------------------------------------------


@pytest.mark.parametrize(
    ("platform", "lang", "name"),
    [
        ("linux", "zh", "启动工作台.desktop"),
        ("linux", "en", "Start workbench.desktop"),
        ("darwin", "zh", "启动工作台.command"),
        ("win32", "en", "Start workbench.bat"),
        ("freebsd14", "zh", "启动工作台.desktop"),
    ],
)
def test_write_launcher_names_and_modes(
    platform: str, lang: str, name: str, tmp_path: Path
) -> None:
    folder = tmp_path / "后勤 workbooks"
    folder.mkdir()
    path = write_launcher(folder, None, lang, platform=platform, python="/usr/bin/python3")
    assert path == folder / name == folder / launcher_name(lang, platform)
    executable = bool(path.stat().st_mode & stat.S_IXUSR)
    assert executable == (platform != "win32")
    text = path.read_bytes().decode("utf-8")
    assert str(folder) in text.replace("%%", "%")


def test_the_command_writes_this_machines_launcher(tmp_path: Path) -> None:
    book = tmp_path / "school.xlsm"
    book.write_bytes(b"PK")
    out = tmp_path / "desktop"
    result = CliRunner().invoke(app, ["launcher", str(book), "--out", str(out), "--lang", "en"])
    assert result.exit_code == 0, result.output
    written = out / launcher_name("en")
    assert written.is_file() and "Double-click" in result.output
    text = written.read_text(encoding="utf-8")
    assert sys.executable in text and str(book) in text


def test_the_default_folder_is_the_workbooks_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["launcher"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / launcher_name("zh")).is_file()


def test_a_missing_path_is_exit_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["launcher", str(tmp_path / "nowhere")])
    assert result.exit_code == 2 and "找不到" in result.output


def test_python_dash_m_logistics_is_the_cli() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "logistics", "--help"], capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0, run.stderr
    assert "launcher" in run.stdout and "doctor" in run.stdout
