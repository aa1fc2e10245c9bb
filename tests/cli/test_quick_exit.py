"""The console script ends its process without tearing the interpreter down (entry.quick_exit):
what a normal exit does that matters must still happen. Each case runs the script's own
function in a fresh interpreter, as the ``logistics`` command does."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = """
import atexit, sys, threading, time
from pathlib import Path
import logistics.cli as cli
from logistics.entry import main
here = Path(sys.argv[1])
{patch}
sys.argv = ["logistics", *sys.argv[2:]]
main()
"""


def run(tmp_path: Path, patch: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # pipes buffer
    return subprocess.run(
        [sys.executable, "-c", SCRIPT.format(patch=patch), str(tmp_path), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


# A command of our own stands in for a job: cli.main runs the typer app it builds.
COMMAND = """
@cli.app.command("probe")
def probe(code: int = 0) -> None:
    {body}
    raise SystemExit(code)
"""


def probe(body: str) -> str:
    return COMMAND.format(body=body)


@pytest.mark.parametrize("code", [0, 2, 130])
def test_the_command_s_exit_status_and_buffered_output_arrive(tmp_path: Path, code: int) -> None:
    """stdout is a pipe here, so block-buffered: a quick exit that skipped the flush would
    lose these lines, which the command printed without flushing."""
    body = '[print("line %d" % i) for i in range(2000)]; print("错误", file=sys.stderr)'
    done = run(tmp_path, probe(body), "probe", "--code", str(code))
    assert done.returncode == code
    assert done.stdout.splitlines() == [f"line {i}" for i in range(2000)]
    assert done.stderr.strip() == "错误"


def test_exit_handlers_run(tmp_path: Path) -> None:
    """The budget scan's child is ended by an exit handler; every handler must still run."""
    body = 'atexit.register(lambda: (here / "handled").write_text("yes"))'
    done = run(tmp_path, probe(body), "probe")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "handled").read_text() == "yes"


def test_a_thread_still_running_is_waited_for(tmp_path: Path) -> None:
    """A quick exit would cut a running (non-daemon) thread off; then the exit is the usual one."""
    body = (
        'threading.Thread(target=lambda: (time.sleep(0.5), (here / "late").write_text("done")))'
        ".start()"
    )
    done = run(tmp_path, probe(body), "probe", "--code", "3")
    assert done.returncode == 3, done.stderr
    assert (tmp_path / "late").read_text() == "done"


def test_a_text_exit_code_is_printed_and_exits_1(tmp_path: Path) -> None:
    done = run(tmp_path, COMMAND.format(body='raise SystemExit("没有可做的事")'), "probe")
    assert done.returncode == 1
    assert done.stderr.strip() == "没有可做的事"


def test_a_real_command_exits_as_before(tmp_path: Path) -> None:
    """A usage error (2, click's message) and a missing workbook (2, the clerk's message)."""
    done = run(tmp_path, "", "score", "--bogus")
    assert done.returncode == 2 and "No such option: --bogus" in done.stderr
    done = run(tmp_path, "", "score", str(tmp_path / "nowhere.xlsm"), "--all")
    assert done.returncode == 2 and "nowhere.xlsm" in done.stderr
    assert "Traceback" not in done.stderr
