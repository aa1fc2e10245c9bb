"""Two whole-command cases of the benchmark beside the per-workbook ones:

- start-up: ``logistics --help`` against ``python -c "import pandas"`` (target ≤ 0.5×):
  nothing heavy is imported before a command needs it;
- a folder: ``logistics score DIR --all`` over N copies of a school workbook of 60,000 log
  rows (target: 200 workbooks in ≤ 2 minutes), beside one process per workbook (N times a
  single run, measured on one of them).

The copies are byte-identical: the command does the same work for each, and building 200
distinct workbooks would take longer than the measurement.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

HELP_RATIO_MAX = 0.5
FOLDER_SECONDS_MAX = 120.0  # for FOLDER_TARGET workbooks
FOLDER_TARGET = 200
FOLDER_LOGS = 60_000

Measure = Callable[[Sequence[str]], Any]  # run.measure: a command -> Sample


def bench_start(measure: Measure, cli_front: Sequence[str], runs: int = 5) -> dict[str, Any]:
    """Best of ``runs`` wall times of ``logistics --help`` and of ``import pandas``."""
    help_s = min(measure([*cli_front, "--help"]).wall_s for _ in range(runs))
    pandas_s = min(measure([sys.executable, "-c", "import pandas"]).wall_s for _ in range(runs))
    ratio = help_s / pandas_s
    return {
        "help_s": help_s,
        "import_pandas_s": pandas_s,
        "ratio": ratio,
        "ratio_max": HELP_RATIO_MAX,
        "pass": ratio <= HELP_RATIO_MAX,
    }


def bench_folder(
    count: int,
    workbook: Path,
    work: Path,
    measure: Measure,
    cli_front: Sequence[str],
    as_of: str,
) -> dict[str, Any]:
    """``logistics score DIR --all`` on ``count`` fresh copies of ``workbook``, once; and the
    same command on one copy alone, best of 3."""
    folder = work / f"folder-{count}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    for i in range(count):
        shutil.copyfile(workbook, folder / f"school-{i:03d}.xlsm")
    whole = measure([*cli_front, "score", str(folder), "--all", "--as-of", as_of])
    one = []
    for _ in range(3):
        single = work / "single.xlsm"
        shutil.copyfile(workbook, single)
        one.append(measure([*cli_front, "score", str(single), "--all", "--as-of", as_of]))
    shutil.rmtree(folder, ignore_errors=True)
    one_s = min(s.wall_s for s in one)
    limit = FOLDER_SECONDS_MAX * count / FOLDER_TARGET
    return {
        "workbooks": count,
        "logs_each": FOLDER_LOGS,
        "folder_s": whole.wall_s,
        "folder_peak_mib": whole.peak_mib,
        "per_workbook_s": whole.wall_s / count,
        "one_run_s": one_s,
        "one_process_each_s": one_s * count,
        "limit_s": limit,
        "pass": whole.wall_s <= limit,
    }


def start_line(r: dict[str, Any]) -> str:
    return (
        f"start-up: logistics --help {r['help_s']:.2f} s vs import pandas "
        f"{r['import_pandas_s']:.2f} s = {r['ratio']:.2f}× (target ≤ {r['ratio_max']}×: "
        f"{'PASS' if r['pass'] else 'FAIL'})"
    )


def folder_line(r: dict[str, Any]) -> str:
    return (
        f"folder: score DIR --all on {r['workbooks']} workbooks of {r['logs_each']:,} logs: "
        f"{r['folder_s']:.1f} s ({r['per_workbook_s']:.2f} s each, peak "
        f"{r['folder_peak_mib']:.0f} MiB) vs one process per workbook "
        f"{r['one_process_each_s']:.1f} s ({r['one_run_s']:.2f} s each); target ≤ "
        f"{r['limit_s']:.0f} s: {'PASS' if r['pass'] else 'FAIL'}"
    )
