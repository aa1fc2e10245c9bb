"""Benchmark of the year-end report for ``bench/run.py``: render, convert, and bare LibreOffice.

``bench_year_end(200)`` builds the demo school with 200 staff, then times
(a) building the context and rendering the .docx, (b) converting it with this project's PDF
path (``reports.pdf.convert_to_pdf``: private profile, font mapping, checks) and (c) a bare
``soffice --headless --convert-to pdf`` of the same .docx. Target: (b) <= 1.3 x (c).
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from logistics.core.validate import load
from logistics.demo_data import demo_frames
from logistics.io.builder import build_workbook
from logistics.io.reader import read_workbook

from .pdf import convert_to_pdf, find_soffice
from .render import TemplateRenderer
from .template_files import find_template
from .year_end import year_end_context

YEAR = 2025
AS_OF = dt.date(YEAR, 12, 31)
TARGET_RATIO = 1.3
T = TypeVar("T")


def bench_year_end(n_staff: int = 200, *, repeat: int = 2) -> dict[str, float | int | bool | None]:
    """Seconds for rendering, our PDF path and bare soffice (best of ``repeat`` runs each)."""
    soffice = find_soffice()
    with tempfile.TemporaryDirectory(prefix="logistics-bench-") as tmp:
        work = Path(tmp)
        book = build_workbook(work / "bench.xlsm", "zh", demo_frames(YEAR, staff_count=n_staff))
        ds = load(read_workbook(book), AS_OF)

        def render() -> Path:
            context = year_end_context(ds, YEAR, AS_OF, "zh")
            renderer = TemplateRenderer(find_template("year-end", "zh").path)
            return renderer.render(context, work / "year-end.docx")

        render_s, docx = _best(render, repeat)
        result: dict[str, float | int | bool | None] = {
            "n_staff": n_staff,
            "render_s": render_s,
            "pdf_s": None,
            "soffice_s": None,
            "ratio": None,
            "pass": None,
        }
        if soffice is None:
            return result
        bare_dir = work / "bare"

        def ours() -> None:
            outcome = convert_to_pdf([docx])
            if outcome.failed:
                raise RuntimeError(outcome.detail or "conversion failed")

        def bare() -> None:  # the user's default profile, no font mapping, no checks
            shutil.rmtree(bare_dir, ignore_errors=True)
            command = [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(bare_dir)]
            subprocess.run([*command, str(docx)], capture_output=True, check=True)

        bare()  # a first run creates the default profile: not what a user pays every time
        result["soffice_s"], _ = _best(bare, repeat)
        result["pdf_s"], _ = _best(ours, repeat)
        ratio = float(result["pdf_s"] or 0) / float(result["soffice_s"] or 1)
        result["ratio"] = round(ratio, 3)
        result["pass"] = ratio <= TARGET_RATIO
        return result


def _best(job: Callable[[], T], repeat: int) -> tuple[float, T]:
    best = float("inf")
    for _ in range(max(repeat, 1)):
        start = time.perf_counter()
        value = job()
        best = min(best, time.perf_counter() - start)
    return round(best, 3), value


if __name__ == "__main__":  # python -m reports.bench [N_STAFF]
    import json
    import sys

    print(json.dumps(bench_year_end(int(sys.argv[1]) if len(sys.argv) > 1 else 200), indent=2))
