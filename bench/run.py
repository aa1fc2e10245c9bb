"""Benchmark ``logistics score --all`` against the raw cost of reading the workbook.

Usage::

    python bench/run.py [--sizes 10000,100000,500000] [--out bench/out]
                        [--skip-openpyxl-above 100000] [--assets 5000]

For each size (target number of rows on the logs sheet) a demo workbook is generated once
and cached in ``--out`` (``logs-<size>.xlsm`` plus ``logs-<size>.json`` with its row
counts), then measured:

a. raw read: ``CalamineWorkbook.from_path`` and ``to_python()`` of every sheet. This is the
   floor any reader pays: unzip, parse the XML, build Python values.
b. end to end: the ``logistics score WB --all --as-of 2025-12-31`` console script on a fresh
   copy of the workbook (read, validate, score every month, write Scores and Validation,
   back up the original), exactly as a user runs it.
c. write-back: ``write_owned_sheets`` of the score rows that (b) writes, against openpyxl's
   ``load_workbook(keep_vba=True)`` + the same rows into the Scores sheet + ``save``, each on
   a fresh copy of the untouched workbook. The rows are computed with ``jobs.score`` on the
   workbook (the same call the CLI makes), so both writers get exactly what (b) writes.

d. the workbench (``bench/workbench.py``, ``--workbench-runs``): a button's round trip
   through the page against the same job in process, on the demo workbook (target ≤ 1.3×).

Why subprocesses: peak memory (``ru_maxrss``) only ever grows within a process, so every
measurement runs in a fresh child and its peak comes from ``os.wait4`` on that child alone.
Times of (a) and (b) are the child's wall time, seen from the parent: interpreter start and
imports included, as the user experiences them. A baseline child that only imports
``pandas`` and ``python_calamine`` (which the raw-read child imports too) is measured as
well, and ratios are given both gross (e2e / raw) and net of that baseline
((e2e - base) / (raw - base)); the PASS/FAIL verdict uses the gross ratios. The two writers
in (c) are timed inside their child around the write alone (imports and loading the rows
excluded), since their ratio is about the write, not about library start-up.

This process stays small on purpose: generating workbooks and computing the score rows run
in children too. On Linux a child's ``ru_maxrss`` starts from its parent's peak RSS at the
time it is spawned (``exec`` keeps the high-water mark of the memory image it replaces,
which after ``fork``/``vfork`` is the parent's), so a parent that had built a 500k-row
workbook would floor every later child's peak at about 1 GiB. The parent's own peak is
recorded in the results and a warning is printed if it reaches the baseline child's.

``--assets N`` adds the property case (``bench/property_case.py``): ``logistics inventory``
on N assets and 4N count rows against the raw read of the same workbook (target ≤ 1.5×).

Before timing, the product's own packages are byte-compiled, as ``pip install`` does and as
the first run of an editable install leaves them: with ``PYTHONDONTWRITEBYTECODE`` set, every
run would otherwise compile ~80 modules from source again (~0.08 s) and time that instead.

Times are the best of 3 runs up to 100k rows and of 1 run above; peaks are the highest seen.
Every run reads files that were just written or copied, so they are in the page cache.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import pickle
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from folder_case import (
    FOLDER_LOGS,
    FOLDER_TARGET,
    bench_folder,
    bench_start,
    folder_line,
    start_line,
)
from property_case import COUNT_ROWS, RATIO_MAX, child_build_property

if TYPE_CHECKING:  # imported lazily at run time: children must not pay for them
    import pandas as pd
    from rich.table import Table

    from logistics.core.rawbook import RawBook

HERE = Path(__file__).resolve()
DEFAULT_OUT = HERE.parent / "out"
DEFAULT_SIZES = (10_000, 100_000, 500_000)
AS_OF = "2025-12-31"
YEAR = 2025
MIB = 1024 * 1024
KIB = 1024  # ru_maxrss is in KiB on Linux

TARGET_SIZE = 100_000  # the memory and write targets apply at this size
TIME_RATIO_MAX = {100_000: 2.0, 1_000_000: 1.5}  # e2e / raw read, at these sizes
MEM_RATIO_MAX = 1.5  # e2e peak / raw read peak
WRITE_RATIO_MAX = 0.1  # write_owned_sheets / openpyxl load+save

ROWS_PER_STAFF_DAY = 235  # logs per person per unit of logs_per_day in a year, first guess
CALIBRATION_TOLERANCE = 0.02


# ---- children: each runs in its own fresh interpreter --------------------------------------


def _report(**values: object) -> None:
    """A child's last stdout line: what it has to tell the parent, as JSON."""
    print(json.dumps(values))


def child_baseline() -> None:
    """Import what the raw-read child imports, and nothing else: the start-up."""
    import python_calamine  # noqa: F401

    _report(seconds=0.0)


def child_raw_read(path: str) -> None:
    """The baseline: read every sheet of the workbook into Python values with python-calamine,
    nothing else imported (no pandas)."""
    from python_calamine import CalamineWorkbook

    start = time.perf_counter()
    book = CalamineWorkbook.from_path(path)
    for name in book.sheet_names:
        book.get_sheet_by_name(name).to_python()
    _report(seconds=time.perf_counter() - start)


def child_raw_read_pandas(path: str) -> None:
    """The same read after ``import pandas``: the reference of the earlier benchmark, shown
    beside the baseline (a pandas program cannot start faster than this)."""
    import pandas  # noqa: F401

    child_raw_read(path)


def child_write_back(path: str, rows_file: str, sheet: str) -> None:
    """``write_owned_sheets`` of the pickled rows into ``sheet`` (the CLI's writer)."""
    from logistics.io.writer import write_owned_sheets

    rows = pickle.loads(Path(rows_file).read_bytes())
    start = time.perf_counter()
    write_owned_sheets(Path(path), {sheet: rows})
    _report(seconds=time.perf_counter() - start)


def child_openpyxl(path: str, rows_file: str, sheet: str) -> None:
    """openpyxl: load the macro workbook, replace the rows of ``sheet``, save it."""
    import warnings

    from openpyxl import load_workbook

    warnings.simplefilter("ignore")  # "Data Validation extension is not supported"
    rows = pickle.loads(Path(rows_file).read_bytes())
    start = time.perf_counter()
    book = load_workbook(path, keep_vba=True)
    ws = book[sheet]
    if ws.max_row > 1:
        ws.delete_rows(2, ws.max_row - 1)
    for row in rows:
        ws.append(row)
    book.save(path)
    _report(seconds=time.perf_counter() - start)


def child_build(target: str, path: str) -> None:
    """Generate the demo workbook with ≈ ``target`` log rows at ``path``, and its metadata."""
    from logistics.io.builder import build_workbook

    staff = staff_for(int(target))
    per_day, frames = calibrate(int(target), staff)
    start = time.perf_counter()
    build_workbook(Path(path), "zh", frames)
    info = {
        "staff_count": staff,
        "logs_per_day": per_day,
        "rows": {key: len(frame) for key, frame in frames.items()},
        "build_s": time.perf_counter() - start,
    }
    Path(path).with_suffix(".json").write_text(json.dumps(info, indent=2))
    _report(**info)


def child_score_rows(path: str, rows_file: str) -> None:
    """Pickle the Scores rows that ``logistics score --all`` writes into the workbook."""
    from logistics import jobs
    from logistics.core import schema

    book = _CapturingBook(Path(path))
    result = jobs.score(book, None, dt.date.fromisoformat(AS_OF))
    if result.blocked:
        raise SystemExit(f"{path} has validation errors: nothing is scored")
    rows = book.rows["scores"]
    Path(rows_file).write_bytes(pickle.dumps(rows))
    _report(sheet=schema.SCORES.label(book.lang), rows=len(rows))


def child_count_rows(path: str, sheet: str) -> None:
    """Rows below the header of ``sheet``, as a reader sees them."""
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(path).get_sheet_by_name(sheet).to_python()
    _report(rows=max(len(rows) - 1, 0))


CHILDREN: dict[str, Callable[..., None]] = {
    "baseline": child_baseline,
    "raw": child_raw_read,
    "rawpd": child_raw_read_pandas,
    "write": child_write_back,
    "openpyxl": child_openpyxl,
    "build": child_build,
    "rows": child_score_rows,
    "count": child_count_rows,
    "property": child_build_property,
}


class _CapturingBook:
    """A ``jobs.Book`` that reads the workbook file and keeps the rows instead of writing."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.rows: dict[str, list[list[object]]] = {}
        self.lang = "zh"

    def read(self) -> RawBook:
        from logistics.io.reader import read_workbook

        return read_workbook(self.path)

    def write(self, rows: dict[str, list[list[object]]], lang: str) -> None:
        self.rows, self.lang = rows, lang


def staff_for(target: int) -> int:
    """40 people up to 20k log rows, 200 above (then more logs per person and day)."""
    return 40 if target <= 20_000 else 200


def calibrate(target: int, staff: int) -> tuple[float, dict[str, pd.DataFrame]]:
    """``logs_per_day`` whose demo frames have ≈ ``target`` log rows, and those frames."""
    from logistics.demo_data import demo_frames

    per_day = target / (staff * ROWS_PER_STAFF_DAY)
    for _ in range(5):
        frames = demo_frames(YEAR, staff_count=staff, logs_per_day=per_day)
        got = len(frames["logs"])
        if abs(got / target - 1) <= CALIBRATION_TOLERANCE:
            break
        per_day *= target / got
    return per_day, frames


# ---- running a child -----------------------------------------------------------------------


@dataclass
class Sample:
    wall_s: float  # the child's life, seen from the parent
    op_s: float | None  # the timed operation, reported by the child (None: not reported)
    peak_mib: float  # the child's ru_maxrss


def spawn(cmd: Sequence[str]) -> tuple[Sample, dict[str, Any]]:
    """Run ``cmd`` to its end: its wall time and own peak RSS, and its JSON report."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(list(cmd), stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode(errors="replace")
        stderr = err.read().decode(errors="replace")
    if proc.returncode != 0:
        tail = "\n".join((stdout + stderr).strip().splitlines()[-15:])
        raise RuntimeError(f"{' '.join(cmd)} exited with {proc.returncode}:\n{tail}")
    report = _last_json(stdout)
    seconds = report.get("seconds")
    sample = Sample(wall, None if seconds is None else float(seconds), usage.ru_maxrss * KIB / MIB)
    return sample, report


def measure(cmd: Sequence[str]) -> Sample:
    return spawn(cmd)[0]


def ask(cmd: Sequence[str]) -> dict[str, Any]:
    """Run a helper child for what it reports (it does the heavy work, not this process)."""
    return spawn(cmd)[1]


def _last_json(stdout: str) -> dict[str, Any]:
    lines = stdout.strip().splitlines()
    try:
        value = json.loads(lines[-1]) if lines else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def compile_product() -> list[str]:
    """Byte-compile the installed product's packages (see the docstring); their names."""
    import compileall
    import importlib.util

    names = []
    for name in ("logistics", "words", "reports"):
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.origin is not None:
            compileall.compile_dir(Path(spec.origin).parent, quiet=1)
            names.append(name)
    return names


def child_cmd(kind: str, *args: object) -> list[str]:
    return [sys.executable, str(HERE), "_child", kind, *map(str, args)]


def cli_front() -> list[str]:
    """The ``logistics`` console script next to this interpreter (no pyenv shim in between)."""
    script = Path(sys.executable).with_name("logistics")
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-m", "logistics"]  # the same entry as the script


def cli_cmd(workbook: Path) -> list[str]:
    return [*cli_front(), "score", str(workbook), "--all", "--as-of", AS_OF]


def on_copies(
    workbook: Path, work: Path, runs: int, cmd_for: Callable[[Path], list[str]]
) -> list[Sample]:
    """Measure ``cmd_for(copy)`` ``runs`` times, each on a fresh copy in its own folder."""
    samples = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(dir=work) as folder:
            copy = Path(folder) / workbook.name
            shutil.copyfile(workbook, copy)
            samples.append(measure(cmd_for(copy)))
    return samples


# ---- workbooks -----------------------------------------------------------------------------


@dataclass
class Generated:
    path: Path
    staff_count: int
    logs_per_day: float
    rows: dict[str, int]  # sheet key -> data rows
    file_mib: float
    build_s: float
    cached: bool


def ensure_workbook(target: int, out: Path) -> Generated:
    """The cached workbook for ``target`` log rows, generated if it or its metadata is missing."""
    path = out / f"logs-{target}.xlsm"
    meta = path.with_suffix(".json")
    cached = path.is_file() and meta.is_file()
    if not cached:
        ask(child_cmd("build", target, path))
    info = json.loads(meta.read_text())
    return Generated(
        path,
        info["staff_count"],
        info["logs_per_day"],
        info["rows"],
        path.stat().st_size / MIB,
        info["build_s"],
        cached,
    )


# ---- one size ------------------------------------------------------------------------------


@dataclass
class SizeResult:
    target: int
    workbook: str
    staff_count: int
    logs_per_day: float
    rows: dict[str, int]
    file_mib: float
    build_s: float
    score_rows: int
    e2e_scores_rows: int  # rows of the Scores sheet after the CLI ran: must equal score_rows
    raw: list[Sample]
    raw_pandas: list[Sample]  # the same read after `import pandas`
    e2e: list[Sample]
    write: list[Sample]
    openpyxl: list[Sample] | None  # None: skipped
    derived: dict[str, float | None] = field(default_factory=dict)
    verdict: dict[str, bool | None] = field(default_factory=dict)


def runs_for(target: int) -> int:
    return 3 if target <= TARGET_SIZE else 1


def e2e_with_check(gen: Generated, work: Path, runs: int, sheet: str) -> tuple[list[Sample], int]:
    """Measure the CLI ``runs`` times; also count the Scores rows one more run writes."""
    samples = on_copies(gen.path, work, runs, cli_cmd)
    with tempfile.TemporaryDirectory(dir=work) as folder:  # an unmeasured run, to look at
        copy = Path(folder) / gen.path.name
        shutil.copyfile(gen.path, copy)
        measure(cli_cmd(copy))
        return samples, int(ask(child_cmd("count", copy, sheet))["rows"])


def bench_size(
    target: int, gen: Generated, work: Path, openpyxl_limit: int, say: Callable[[str], object]
) -> SizeResult:
    """Every measurement of one workbook; the figures are derived later."""
    runs = runs_for(target)
    say(f"  raw read ×{runs}")
    raw = [measure(child_cmd("raw", gen.path)) for _ in range(runs)]
    raw_pandas = [measure(child_cmd("rawpd", gen.path)) for _ in range(runs)]
    say("  computing the score rows (jobs.score, in a child)")
    rows_file = work / f"{gen.path.stem}.scores.pickle"
    computed = ask(child_cmd("rows", gen.path, rows_file))
    sheet = computed["sheet"]
    say(f"  logistics score --all ×{runs}")
    e2e, written = e2e_with_check(gen, work, runs, sheet)
    say(f"  write_owned_sheets ×{runs}")
    write = on_copies(gen.path, work, runs, lambda p: child_cmd("write", p, rows_file, sheet))
    openpyxl = None
    if target <= openpyxl_limit:
        say(f"  openpyxl load+save ×{runs}")
        openpyxl = on_copies(
            gen.path, work, runs, lambda p: child_cmd("openpyxl", p, rows_file, sheet)
        )
    else:
        say(f"  openpyxl load+save skipped (above {openpyxl_limit:,} rows)")
    return SizeResult(
        target,
        str(gen.path),
        gen.staff_count,
        gen.logs_per_day,
        gen.rows,
        gen.file_mib,
        gen.build_s,
        int(computed["rows"]),
        written,
        raw,
        raw_pandas,
        e2e,
        write,
        openpyxl,
    )


# ---- derived figures -----------------------------------------------------------------------


def best(samples: Sequence[Sample], attr: str) -> float:
    return min(getattr(s, attr) for s in samples)


def peak(samples: Sequence[Sample]) -> float:
    return max(s.peak_mib for s in samples)


def _ratio(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None or b <= 0 else a / b


def derive(r: SizeResult, base: Sample) -> None:
    """Fill ``r.derived`` (bests, peaks, gross and net ratios) and ``r.verdict``."""
    raw_s, e2e_s = best(r.raw, "wall_s"), best(r.e2e, "wall_s")
    raw_mib, e2e_mib = peak(r.raw), peak(r.e2e)
    write_s = best(r.write, "op_s")
    openpyxl_s = best(r.openpyxl, "op_s") if r.openpyxl else None
    d = {
        "raw_s": raw_s,
        "raw_op_s": best(r.raw, "op_s"),
        "e2e_s": e2e_s,
        "time_ratio": _ratio(e2e_s, raw_s),
        "time_ratio_net": _ratio(e2e_s - base.wall_s, raw_s - base.wall_s),
        "raw_pandas_s": best(r.raw_pandas, "wall_s"),
        "time_ratio_pandas": _ratio(e2e_s, best(r.raw_pandas, "wall_s")),
        "raw_peak_mib": raw_mib,
        "e2e_peak_mib": e2e_mib,
        "mem_ratio": _ratio(e2e_mib, raw_mib),
        "mem_ratio_net": _ratio(e2e_mib - base.peak_mib, raw_mib - base.peak_mib),
        "write_s": write_s,
        "write_peak_mib": peak(r.write),
        "openpyxl_s": openpyxl_s,
        "openpyxl_peak_mib": peak(r.openpyxl) if r.openpyxl else None,
        "write_ratio": _ratio(write_s, openpyxl_s),
    }
    r.derived = d
    r.verdict = {
        "time": _within(d["time_ratio"], TIME_RATIO_MAX[r.target])
        if r.target in TIME_RATIO_MAX
        else None,
        "memory": _within(d["mem_ratio"], MEM_RATIO_MAX),
        "write": _within(d["write_ratio"], WRITE_RATIO_MAX),
    }


def _within(value: float | None, limit: float) -> bool | None:
    return None if value is None else value <= limit


# ---- output --------------------------------------------------------------------------------


def _f(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def _ratio_cell(gross: float | None, net: float | None, limit: float) -> str:
    text = f"{_f(gross)} (net {_f(net)})" if net is not None else _f(gross)
    return f"[red]{text}[/]" if gross is not None and gross > limit else text


def verdict_cell(r: SizeResult) -> str:
    failed = [k for k, ok in r.verdict.items() if ok is False]
    unknown = [k for k, ok in r.verdict.items() if ok is None]
    text = "FAIL: " + ", ".join(failed) if failed else "PASS"
    if unknown:
        text += f" ({', '.join(unknown)} n/a)"
    if r.target not in TIME_RATIO_MAX:
        return f"[dim]({text})[/]"  # no time target at this size; shown for information
    return f"[bold red]{text}[/]" if failed else f"[bold green]{text}[/]"


def results_table(results: Sequence[SizeResult], base: Sample) -> Table:
    from rich.table import Table

    table = Table(
        title="logistics score --all vs the baseline: a python-calamine read of every sheet in "
        f"a fresh process, no pandas (start-up alone: {base.wall_s:.2f} s, "
        f"{base.peak_mib:.0f} MiB)",
        caption="times: best of runs; peaks: highest RSS; ratio (net) = both minus the start-up; "
        "the raw read after `import pandas` is shown for reference; targets: time ≤ "
        + ", ".join(f"{v}× at {k // 1000}k" for k, v in TIME_RATIO_MAX.items())
        + f"; memory ≤ {MEM_RATIO_MAX}×, write ≤ {WRITE_RATIO_MAX}× at {TARGET_SIZE // 1000}k",
    )
    for name in (
        "size",
        "log rows",
        "raw read s",
        "e2e s",
        "ratio",
        "raw+pandas s",
        "ratio",
        "raw peak MiB",
        "e2e peak MiB",
        "ratio",
        "write-back s",
        "openpyxl s",
        "ratio",
        "verdict",
    ):
        table.add_column(name, justify="left" if name == "size" else "right")
    for r in results:
        d = r.derived
        table.add_row(
            f"{r.target // 1000}k",
            f"{r.rows['logs']:,}",
            _f(d["raw_s"]),
            _f(d["e2e_s"]),
            _ratio_cell(d["time_ratio"], d["time_ratio_net"], TIME_RATIO_MAX.get(r.target, 99)),
            _f(d["raw_pandas_s"]),
            _f(d["time_ratio_pandas"]),
            _f(d["raw_peak_mib"], 0),
            _f(d["e2e_peak_mib"], 0),
            _ratio_cell(d["mem_ratio"], d["mem_ratio_net"], MEM_RATIO_MAX),
            _f(d["write_s"], 3),
            "skipped" if r.openpyxl is None else _f(d["openpyxl_s"]),
            _ratio_cell(d["write_ratio"], None, WRITE_RATIO_MAX),
            verdict_cell(r),
        )
    return table


def environment() -> dict[str, Any]:
    from importlib.metadata import version

    return {
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "packages": {
            p: version(p) for p in ("python-calamine", "pandas", "openpyxl", "school-logistics")
        },
        "cli": cli_front(),
        "when": dt.datetime.now().isoformat(timespec="seconds"),
    }


def own_peak_mib() -> float:
    """This process's peak RSS: a floor under every child's ru_maxrss (see the docstring)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * KIB / MIB


def report_table(report: dict[str, Any]) -> Any:
    """The documents side by side: each measured against its reference, with its target."""
    from documents import TARGETS  # bench/documents.py (this folder is on sys.path)
    from rich.table import Table

    n = report["n_staff"]
    table = Table(title=f"documents, {n} staff ({report['contracts']} contracts)")
    for name in ("measure", "s", "reference", "s", "ratio", "target", "verdict"):
        table.add_column(name, justify="right")

    def fmt(v: object) -> str:
        return "—" if v is None else f"{v:.2f}" if isinstance(v, float) else str(v)

    rows = (
        ("contracts_vs_year_end", "contracts .docx", "contracts_s", "one year-end", "year_end_s"),
        (
            "contracts_pdf",
            "contract PDFs",
            "contracts_pdf_s",
            "bare soffice",
            "contracts_pdf_soffice_s",
        ),
        (
            "year_end_pdf",
            "year-end PDF",
            "year_end_pdf_s",
            "bare soffice",
            "year_end_pdf_soffice_s",
        ),
    )
    for key, what, ours, ref_name, ref in rows:
        ok = report["pass"].get(key)
        verdict = "n/a (no soffice)" if ok is None else "PASS" if ok else "FAIL"
        table.add_row(
            what,
            fmt(report.get(ours)),
            ref_name,
            fmt(report.get(ref)),
            fmt(report.get(key)),
            f"≤ {TARGETS[key]}",
            verdict,
        )
    return table


def write_json(
    path: Path,
    results: Sequence[SizeResult],
    base: Sample,
    own_mib: float,
    report: dict[str, Any] | None = None,
    extra: dict[str, Any] | None = None,
) -> None:
    doc = {
        "environment": environment(),
        "parent_peak_mib": own_mib,
        "targets": {
            "size": TARGET_SIZE,
            "time_ratio_max": TIME_RATIO_MAX,
            "mem_ratio_max": MEM_RATIO_MAX,
            "write_ratio_max": WRITE_RATIO_MAX,
        },
        "baseline": asdict(base),
        "sizes": [asdict(r) for r in results],
        "year_end_report": report,
        **(extra or {}),
    }
    path.write_text(json.dumps(doc, indent=2, ensure_ascii=False))


# ---- property: inventory vs the raw read ----------------------------------------------------


def bench_inventory(assets: int, out: Path, work: Path, base: Sample) -> dict[str, Any]:
    """``logistics inventory`` on a workbook of ``assets`` assets and 4 count rows each,
    against the raw read of that workbook: best of 3 each, gross and net of the baseline."""
    count_rows = assets * COUNT_ROWS // 5_000
    path = out / f"property-{assets}.xlsm"
    if not path.is_file():
        ask(child_cmd("property", path, assets, count_rows))
    raw = min((measure(child_cmd("raw", path)) for _ in range(3)), key=lambda s: s.wall_s)
    raw_pd = min((measure(child_cmd("rawpd", path)) for _ in range(3)), key=lambda s: s.wall_s)
    e2e = min(
        on_copies(
            path,
            work,
            3,
            lambda p: [*cli_front(), "inventory", str(p), "--year", str(YEAR), "--as-of", AS_OF],
        ),
        key=lambda s: s.wall_s,
    )
    gross = e2e.wall_s / raw.wall_s
    net = _ratio(e2e.wall_s - base.wall_s, raw.wall_s - base.wall_s)
    return {
        "assets": assets,
        "count_rows": count_rows,
        "file_mib": path.stat().st_size / MIB,
        "raw_s": raw.wall_s,
        "raw_pandas_s": raw_pd.wall_s,
        "inventory_s": e2e.wall_s,
        "ratio": gross,
        "net_ratio": net,
        "ratio_pandas": e2e.wall_s / raw_pd.wall_s,
        "ratio_max": RATIO_MAX,
        "pass": gross <= RATIO_MAX,
        "pass_pandas": e2e.wall_s / raw_pd.wall_s <= RATIO_MAX,
    }


# ---- main ----------------------------------------------------------------------------------


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        default=",".join(map(str, DEFAULT_SIZES)),
        help="target log rows, comma separated (default: %(default)s)",
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="cache and results folder")
    parser.add_argument(
        "--skip-openpyxl-above",
        type=int,
        default=TARGET_SIZE,
        metavar="N",
        help="skip openpyxl load+save above N log rows (default: %(default)s)",
    )
    parser.add_argument(
        "--assets",
        type=int,
        default=5_000,
        metavar="N",
        help="inventory of N assets and 4N count rows vs the raw read; 0 skips it",
    )
    parser.add_argument(
        "--folder",
        type=int,
        default=FOLDER_TARGET,
        metavar="N",
        help=f"score --all on a folder of N workbooks of {FOLDER_LOGS:,} logs; 0 skips it",
    )
    parser.add_argument(
        "--report-staff",
        type=int,
        default=200,
        metavar="N",
        help="documents for N staff: contracts vs the year-end report, PDFs vs bare soffice; "
        "0 skips them",
    )
    parser.add_argument(
        "--workbench-runs",
        type=int,
        default=3,
        metavar="N",
        help="a button's round trip through the workbench vs the job in process, best of N; "
        "0 skips it",
    )
    args = parser.parse_args(argv)
    args.sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    return args


def main(argv: Sequence[str]) -> None:
    from rich.console import Console

    args = parse_args(argv)
    console = Console(width=max(160, shutil.get_terminal_size().columns))
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    results = []
    console.print(f"byte-compiled: {', '.join(compile_product())}")
    with tempfile.TemporaryDirectory(dir=out, prefix="work-") as folder:
        work = Path(folder)
        base = min((measure(child_cmd("baseline")) for _ in range(3)), key=lambda s: s.wall_s)
        console.print(f"start-up child: {base.wall_s:.2f} s, {base.peak_mib:.0f} MiB")
        start = bench_start(measure, cli_front())
        console.print(start_line(start))
        for target in args.sizes:
            gen = ensure_workbook(target, out)
            counts = ", ".join(f"{k} {n:,}" for k, n in gen.rows.items())
            made = "cached" if gen.cached else f"built in {gen.build_s:.1f} s"
            console.print(
                f"[bold]{target:,}[/]: {gen.path.name} ({gen.file_mib:.1f} MiB, {made}); "
                f"{gen.staff_count} staff × {gen.logs_per_day:.2f} logs/day → {counts}"
            )
            result = bench_size(target, gen, work, args.skip_openpyxl_above, console.print)
            derive(result, base)
            if result.e2e_scores_rows != result.score_rows:
                console.print(
                    f"[red]the CLI wrote {result.e2e_scores_rows} Scores rows, "
                    f"jobs.score computed {result.score_rows}[/]"
                )
            results.append(result)
        inventory = None
        if args.assets:
            inventory = bench_inventory(args.assets, out, work, base)
            console.print(
                f"inventory, {inventory['assets']:,} assets and {inventory['count_rows']:,} "
                f"count rows: {inventory['inventory_s']:.2f} s vs raw read "
                f"{inventory['raw_s']:.2f} s = {inventory['ratio']:.2f}× "
                f"(net {_f(inventory['net_ratio'])}×; target ≤ {RATIO_MAX}×: "
                f"{'PASS' if inventory['pass'] else 'FAIL'}); vs the raw read after "
                f"`import pandas` {inventory['raw_pandas_s']:.2f} s = "
                f"{inventory['ratio_pandas']:.2f}× "
                f"({'PASS' if inventory['pass_pandas'] else 'FAIL'})"
            )
        many = None
        if args.folder:
            gen = ensure_workbook(FOLDER_LOGS, out)
            many = bench_folder(args.folder, gen.path, work, measure, cli_front(), AS_OF)
            console.print(folder_line(many))
    console.print(results_table(results, base))
    own_mib = own_peak_mib()
    if own_mib >= base.peak_mib:
        console.print(
            f"[red]this process peaked at {own_mib:.0f} MiB, above the baseline child: "
            "children's peaks may be floored by it[/]"
        )
    report = None
    if args.report_staff:  # last: it builds a workbook in this process (see the docstring)
        sys.path.insert(0, str(HERE.parent))
        from documents import bench_year_end

        console.print(f"documents for {args.report_staff} staff …")
        report = bench_year_end(args.report_staff)
        console.print(report_table(report))
    if args.workbench_runs:  # the page's overhead on the demo workbook (bench/workbench.py)
        sys.path.insert(0, str(HERE.parent))
        from workbench import bench_workbench, workbench_table

        console.print("workbench round trip …")
        console.print(workbench_table(bench_workbench(args.workbench_runs)))
    extra = {"start": start, "folder": many, "inventory": inventory}
    write_json(out / "results.json", results, base, own_mib, report, extra)
    console.print(f"results: {out / 'results.json'}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["_child"]:
        CHILDREN[sys.argv[2]](*sys.argv[3:])
    else:
        main(sys.argv[1:])
