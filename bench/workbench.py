"""The workbench's overhead: a button's round trip through the page against the bare job.

On one demo workbook (44 staff, a year of logs) the monthly-scores job runs alternately

a. in process: ``jobs.score(FileBook.open(wb), [month], as_of)``, as the CLI calls it;
b. through the page: a real uvicorn server on 127.0.0.1 (in a thread of this process, its
   modules imported at start as ``logistics app`` does) and an HTTP client that signs in
   with the token, POSTs the button with the CSRF header and follows the job's long poll
   until it is done: what a browser's click costs, minus drawing.

Times are the best of ``runs`` of each; the target is (b) ≤ 1.3 × (a) (issue: speed).
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

TARGET_RATIO = 1.3
MONTH = "2025-03"
AS_OF = dt.date(2025, 12, 31)


def bench_workbench(runs: int = 3) -> dict[str, Any]:
    """Best times of both paths in seconds, their ratio and the verdict."""
    import httpx
    import uvicorn

    from logistics import jobs
    from logistics.core.periods import Month
    from logistics.demo_data import demo_frames
    from logistics.io.builder import build_workbook
    from logistics.io.file_book import FileBook
    from logistics.workbench.app import create_app
    from logistics.workbench.security import Session
    from logistics.workbench.server import bind

    with tempfile.TemporaryDirectory(prefix="workbench-bench-") as folder:
        root = Path(folder)
        path = build_workbook(root / "demo.xlsm", "zh", demo_frames())
        sock = bind("127.0.0.1", 0)
        session = Session(port=sock.getsockname()[1])
        app = create_app(root, session)
        server = uvicorn.Server(
            uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
        )
        thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.01)
        base = f"http://127.0.0.1:{session.port}"
        client = httpx.Client(base_url=base, timeout=120, follow_redirects=True)
        client.get(f"/?token={session.token}")
        headers = {"X-CSRF-Token": session.csrf, "Origin": base}
        form = {"month": MONTH, "year": "2025", "as_of": AS_OF.isoformat()}

        def in_process() -> float:
            start = time.perf_counter()
            with FileBook.open(path) as book:
                jobs.score(book, [Month.parse(MONTH)], AS_OF)
            return time.perf_counter() - start

        def through_page() -> float:
            start = time.perf_counter()
            html = client.post(
                f"/wb/{path.name}/run/compute_monthly_scores", data=form, headers=headers
            ).text
            while True:
                job = re.search(r'id="job-([^"]+)" data-state="(\w+)"', html)
                if job is None:
                    raise RuntimeError(html[:500])
                if job.group(2) in ("done", "failed"):
                    break
                seen = re.search(r"\?v=(\d+)", html)
                version = seen.group(1) if seen else "0"
                html = client.get(f"/jobs/{job.group(1)}?v={version}").text
            if job.group(2) != "done":
                raise RuntimeError(html[:500])
            return time.perf_counter() - start

        direct, page = [], []
        try:
            for _ in range(runs):
                direct.append(in_process())
                page.append(through_page())
        finally:
            client.close()
            server.should_exit = True
            thread.join(10)
            sock.close()
            shutil.rmtree(root / ".logistics-backups", ignore_errors=True)
    ratio = min(page) / min(direct)
    return {
        "job": f"monthly scores {MONTH}, demo workbook",
        "in_process_s": min(direct),
        "through_page_s": min(page),
        "ratio": ratio,
        "target": TARGET_RATIO,
        "pass": ratio <= TARGET_RATIO,
    }


def workbench_table(result: dict[str, Any]) -> Any:
    from rich.table import Table

    table = Table(title=f"workbench round trip: {result['job']} (best of each)")
    for name in ("in process s", "through the page s", "ratio", f"target ≤ {TARGET_RATIO}"):
        table.add_column(name, justify="right")
    table.add_row(
        f"{result['in_process_s']:.3f}",
        f"{result['through_page_s']:.3f}",
        f"{result['ratio']:.2f}",
        "PASS" if result["pass"] else "FAIL",
    )
    return table


if __name__ == "__main__":
    from rich.console import Console

    outcome = bench_workbench()
    Console().print(workbench_table(outcome))
