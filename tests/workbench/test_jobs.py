"""Buttons on the page run the same jobs as the CLI and the Excel buttons."""

from __future__ import annotations

import threading
from pathlib import Path

import pandas as pd

from logistics.actions import ACTIONS
from logistics.buttons import BUTTONS
from logistics.core import schema
from logistics.demo_data import demo_frames
from logistics.io.locks import libreoffice_lock_file
from logistics.workbench import actions
from tests.workbooks import build, sheet_rows, small_school

from .conftest import DEMO_NAME, Bench, job_id_of


def rows_of(path: Path, sheet: schema.Sheet) -> list[list[object]]:
    return sheet_rows(path, sheet.zh)[1:]


def test_every_home_button_is_on_the_page(bench: Bench) -> None:
    page = bench.client.get(f"/wb/{DEMO_NAME}").text
    for b in BUTTONS:
        assert b.function in ACTIONS  # the Excel side's own test keeps these in step
        assert f'data-function="{b.function}"' in page and b.caption("zh") in page
    assert [b.function for b in actions.page_buttons(0)] == [
        b.function for b in BUTTONS if b.column == 0
    ]


def test_score_button_writes_the_month_as_the_cli_does(bench: Bench) -> None:
    html = bench.run(DEMO_NAME, "compute_monthly_scores", month="2025-03", year="2025")
    assert 'data-state="done"' in html and "2025-03" in html
    rows = rows_of(bench.folder / DEMO_NAME, schema.SCORES)
    months = {r[0] for r in rows}
    assert months == {"2025-03"}
    staff = demo_frames()["staff"]  # employed on some working day of March: scored
    employed = (pd.to_datetime(staff["start_date"]) <= "2025-03-31") & (
        staff["end_date"].isna() | (pd.to_datetime(staff["end_date"]) >= "2025-03-03")
    )
    assert sorted(r[1] for r in rows) == sorted(staff.loc[employed, "staff_id"])
    assert "/sheet/scores?period=2025-03" in html


def test_two_tabs_clicking_at_once_lose_no_update(bench: Bench) -> None:
    """Two jobs posted at the same moment on one workbook both end up in the file."""
    barrier = threading.Barrier(2)
    ids: list[str] = []

    def click(function: str) -> None:
        barrier.wait()
        response = bench.post(
            f"/wb/{DEMO_NAME}/run/{function}", data={"month": "2025-05", "year": "2025"}
        )
        ids.append(job_id_of(response.text))

    threads = [
        threading.Thread(target=click, args=(f,))
        for f in ("compute_monthly_scores", "energy_statistics")
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    runner = bench.client.app.state.runner
    jobs = [runner.join(i) for i in ids]
    assert all(j is not None and j.state == "done" for j in jobs), [j.outcome for j in jobs]
    path = bench.folder / DEMO_NAME
    assert {r[0] for r in rows_of(path, schema.SCORES)} == {"2025-05"}
    assert {r[0] for r in rows_of(path, schema.ENERGY_STATS)} == {"2025-05"}


def test_home_fields_of_the_page_pick_the_period(bench: Bench) -> None:
    bench.run(DEMO_NAME, "energy_statistics", month="2025-07", year="2025")
    bench.run(DEMO_NAME, "energy_statistics", month="2025-08", year="2025")
    path = bench.folder / DEMO_NAME
    assert {r[0] for r in rows_of(path, schema.ENERGY_STATS)} == {"2025-07", "2025-08"}


def test_bad_home_field_is_told_not_raised(bench: Bench) -> None:
    html = bench.run(DEMO_NAME, "compute_monthly_scores", month="March", year="2025")
    assert 'data-state="failed"' in html and "March" in html and "2025-03" in html
    html = bench.run(DEMO_NAME, "rank_year", month="2025-03", year="25", as_of="")
    assert 'data-state="failed"' in html and "Traceback" not in html
    html = bench.run(DEMO_NAME, "rank_year", month="2025-03", year="2025", as_of="31/12/2025")
    assert 'data-state="failed"' in html and "31/12/2025" in html


def test_validation_errors_show_their_message_never_a_traceback(make_bench, tmp_path) -> None:
    folder = tmp_path / "books"
    folder.mkdir()
    frames = small_school()
    logs = frames["logs"].astype(object)
    logs.loc[0, "date"] = "昨天"
    frames["logs"] = logs
    build(folder / "bad.xlsm", frames)
    bench = make_bench(folder)
    html = bench.run("bad.xlsm", "compute_monthly_scores", month="2025-03", year="2025")
    assert 'data-state="failed"' in html and "Traceback" not in html
    assert "1 条错误" in html and "/wb/bad.xlsm/problems" in html
    validation = rows_of(folder / "bad.xlsm", schema.VALIDATION)
    assert [(r[0], r[1], r[2]) for r in validation] == [("日志", 2, "日期")]
    assert rows_of(folder / "bad.xlsm", schema.SCORES) == []  # nothing computed
    html = bench.run("bad.xlsm", "monthly_notice", month="2025-03", year="2025")
    assert 'data-state="failed"' in html and "Traceback" not in html
    assert not (folder / "后勤文档").exists() or not list((folder / "后勤文档").iterdir())


def test_workbook_open_in_libreoffice_is_named_with_its_user(bench: Bench) -> None:
    path = bench.folder / DEMO_NAME
    lock = libreoffice_lock_file(path)
    lock.write_text("王芳,office-pc,wangfang,24.05.2025 10:00,file:///home/wf;", "utf-8")
    before = path.read_bytes()
    page = bench.client.get(f"/wb/{DEMO_NAME}").text
    assert "LibreOffice" in page and "王芳" in page and "保存并关闭" in page
    assert "王芳" in bench.client.get("/").text
    html = bench.run(DEMO_NAME, "compute_monthly_scores", month="2025-03", year="2025")
    assert 'data-state="failed"' in html and "Traceback" not in html
    assert "LibreOffice" in html and "王芳" in html and "保存并关闭" in html
    assert lock.name in html  # how to clear a lock left by a crash
    assert path.read_bytes() == before


def test_an_unexpected_error_is_logged_not_shown(bench: Bench, monkeypatch) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(actions, "make_report", broken)
    html = bench.run(DEMO_NAME, "monthly_notice", month="2025-03", year="2025")
    assert 'data-state="failed"' in html and "RuntimeError" in html
    assert "Traceback" not in html and "logistics-error.log" in html


def test_document_button_writes_beside_the_workbook_for_download(bench: Bench) -> None:
    html = bench.run(DEMO_NAME, "energy_notice", month="2025-03", year="2025")
    assert 'data-state="done"' in html, html
    folder = bench.folder / "后勤文档"
    written = sorted(p.name for p in folder.iterdir())
    assert written[0].endswith("2025-03节能通报.docx")
    for name in written:
        assert "/files/%E5%90%8E%E5%8B%A4%E6%96%87%E6%A1%A3/" in html  # 后勤文档
        response = bench.client.get(f"/files/后勤文档/{name}")
        assert response.status_code == 200
        assert response.content == (folder / name).read_bytes()
    assert written[0] in bench.client.get(f"/wb/{DEMO_NAME}").text


def test_contracts_report_their_progress(make_bench, tmp_path) -> None:
    """Each contract is announced before it is written: the page shows n of total."""
    folder = tmp_path / "books"
    folder.mkdir()
    build(folder / "small.xlsm")
    bench = make_bench(folder)
    seen: list[tuple[str, int, int]] = []
    outcome = actions.run_button(
        folder / "small.xlsm",
        "responsibility_contracts",
        {"month": "2025-03", "year": "2025", "as_of": "2025-03-31"},
        folder,
        "zh",
        lambda stage, done, total: seen.append((stage, done, total)),
    )
    assert outcome.ok, outcome.status
    people = len(small_school()["staff"])
    rendering = [s for s in seen if s[0] == "rendering"]
    assert rendering == [("rendering", i, people) for i in range(people)]
    assert seen[-1] == ("converting", people, people)
    assert len([p for p in outcome.documents if p.suffix == ".docx"]) == people
    assert bench.client.get("/").status_code == 200
