"""Benchmark of the documents for ``bench/run.py``: rendering, PDF conversion, bare LibreOffice.

``bench_year_end(200)`` builds the demo school with 200 staff, then times, side by side:

- the year-end report: context and .docx (``year_end_s``); its PDF by this project's path
  (``reports.pdf.convert_to_pdf``: private profile, font mapping, checks) against a bare
  ``soffice --headless --convert-to pdf`` of the same file. Target: ours ≤ 1.1 × bare.
- the contracts of every person employed: contexts and .docx files from one compiled template
  (``contracts_s``), against one year-end render. Target: ≤ 3 ×. Then all their PDFs in our
  one LibreOffice call against one bare soffice call on the same files. Target: ≤ 1.2 ×.

Times are the best of ``repeat`` runs (contract PDFs: one run, they take minutes); bare soffice
runs once first so that its default profile exists, as on a user's machine.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from logistics.core.validate import load
from logistics.demo_data import demo_frames
from logistics.documents.contract import active_staff, contract_context
from logistics.documents.engine import file_name, template_renderer
from logistics.documents.year_end import year_end_context
from logistics.io.builder import build_workbook
from logistics.io.reader import read_workbook
from reports.pdf import convert_to_pdf, find_soffice
from reports.template_files import find_template

YEAR = 2025
AS_OF = dt.date(YEAR, 12, 31)
TARGETS = {"contracts_vs_year_end": 3.0, "contracts_pdf": 1.2, "year_end_pdf": 1.1}
T = TypeVar("T")


def bench_year_end(n_staff: int = 200, *, repeat: int = 2) -> dict[str, Any]:
    """Seconds and ratios of the documents for a school of ``n_staff`` (see the docstring)."""
    soffice = find_soffice()
    with tempfile.TemporaryDirectory(prefix="logistics-bench-") as tmp:
        work = Path(tmp)
        book = build_workbook(work / "bench.xlsm", "zh", demo_frames(YEAR, staff_count=n_staff))
        ds = load(read_workbook(book), AS_OF)
        (work / "contracts").mkdir()

        def year_end() -> Path:
            context = year_end_context(ds, YEAR, AS_OF, "zh")
            renderer = template_renderer(find_template("year-end", "zh").path)
            return renderer.render(context, work / "year-end.docx")

        def contracts() -> list[Path]:  # as make_report does: one renderer for everyone
            renderer = template_renderer(find_template("contracts", "zh").path)
            written = []
            for _, person in active_staff(ds, AS_OF).iterrows():
                name = file_name(f"岗位责任状-{person['staff_id']}-{person['name']}")
                context = contract_context(ds, person, YEAR, "zh")
                written.append(renderer.render(context, work / "contracts" / name))
            return written

        year_end_s, docx = _best(year_end, repeat)
        contracts_s, contract_docs = _best(contracts, repeat)
        result: dict[str, Any] = {
            "n_staff": n_staff,
            "contracts": len(contract_docs),
            "year_end_s": year_end_s,
            "contracts_s": contracts_s,
            "contracts_vs_year_end": round(contracts_s / year_end_s, 3),
        }
        if soffice is not None:
            for key, docs, runs in (
                ("year_end_pdf", [docx], repeat),
                ("contracts_pdf", contract_docs, 1),
            ):
                bare_s, ours_s = _versus_bare(soffice, docs, work / key, runs)
                result[f"{key}_s"], result[f"{key}_soffice_s"] = ours_s, bare_s
                result[key] = round(ours_s / bare_s, 3)
        result["pass"] = {k: result[k] <= limit for k, limit in TARGETS.items() if k in result}
        return result


def _versus_bare(soffice: str, docs: list[Path], out: Path, repeat: int) -> tuple[float, float]:
    """Seconds of one bare soffice call on ``docs`` and of ``convert_to_pdf(docs)``."""

    def bare() -> None:  # the user's default profile, no font mapping, no checks
        shutil.rmtree(out, ignore_errors=True)
        command = [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(out)]
        subprocess.run([*command, *map(str, docs)], capture_output=True, check=True)

    def ours() -> None:
        outcome = convert_to_pdf(docs)
        if outcome.failed:
            raise RuntimeError(outcome.detail or "conversion failed")

    bare()  # a first run creates the default profile: not what a user pays every time
    bare_s, _ = _best(bare, repeat)
    ours_s, _ = _best(ours, repeat)
    return bare_s, ours_s


def _best(job: Callable[[], T], repeat: int) -> tuple[float, T]:
    best = float("inf")
    for _ in range(max(repeat, 1)):
        start = time.perf_counter()
        value = job()
        best = min(best, time.perf_counter() - start)
    return round(best, 3), value


if __name__ == "__main__":  # python bench/documents.py [N_STAFF]
    import json
    import sys

    print(json.dumps(bench_year_end(int(sys.argv[1]) if len(sys.argv) > 1 else 200), indent=2))
