"""A fast start (issue: `logistics --help` at most half of `import pandas`): nothing heavy is
imported until a command needs it. Timed by the benchmark, not here; this checks the cause."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HEAVY = ("pandas", "numpy", "python_calamine", "docxtpl", "matplotlib", "xlwings", "pydantic")

PROBE = """
import sys
from logistics.cli import app
try:
    app(["--help"] if len(sys.argv) < 2 else sys.argv[1:], prog_name="logistics")
except SystemExit:
    pass
heavy = sorted(m for m in {heavy!r} if m in sys.modules)
print("HEAVY:" + ",".join(heavy), file=sys.stderr)
"""


def loaded_after(*args: str) -> list[str]:
    probe = PROBE.format(heavy=HEAVY)
    done = subprocess.run(
        [sys.executable, "-c", probe, *args], capture_output=True, text=True, check=True
    )
    line = next(x for x in done.stderr.splitlines() if x.startswith("HEAVY:"))
    return [m for m in line.removeprefix("HEAVY:").split(",") if m]


def test_help_loads_no_heavy_library() -> None:
    assert loaded_after() == []


def test_a_command_help_loads_no_heavy_library() -> None:
    assert loaded_after("score", "--help") == []


def test_a_command_that_runs_loads_the_jobs(tmp_path: Path) -> None:
    """The lazy modules are really loaded when a command runs (here: validate of a missing
    file, which fails cleanly after the jobs are loaded)."""
    assert "pandas" in loaded_after("validate", str(tmp_path / "missing.xlsm"))
