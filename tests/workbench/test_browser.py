"""The workbench in a real browser: Debian's chromium driven by Playwright for Python.

Nothing is downloaded: the browser is the system's ``/usr/bin/chromium`` (``.ci/run``
installs it with apt). Under CI=true a missing browser or Playwright fails these tests;
elsewhere they are skipped with the reason. ``LOGISTICS_SCREENSHOTS=DIR`` saves the pages
as ``DIR/workbench-*.png`` (the README's screenshot comes from here).
"""

from __future__ import annotations

import io
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from rich.console import Console

from logistics.demo import WORKBOOK_NAME, run_demo
from logistics.io.locks import libreoffice_lock_file
from logistics.workbench.app import create_app
from logistics.workbench.security import Session
from logistics.workbench.server import bind

CHROMIUM = Path(os.environ.get("LOGISTICS_CHROMIUM", "/usr/bin/chromium"))
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TIMEOUT_MS = 120_000  # a year-end report with its PDF on a busy machine


def _unavailable() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed (pip install -e '.[test]')"
    if not CHROMIUM.is_file():
        return f"no chromium at {CHROMIUM} (apt-get install chromium)"
    return None


@pytest.fixture(autouse=True)
def machine_checks() -> None:
    """The real ``logistics doctor`` checks on the front page here (the conftest's stand-in
    is for the in-process tests): the screenshots show what a user's machine has."""


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    reason = _unavailable()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"browser tests cannot run in CI: {reason}")
        pytest.skip(reason)
    out = tmp_path_factory.mktemp("browser-demo")
    run_demo(out, Console(file=io.StringIO()))  # the demo job: a computed year
    return out


@pytest.fixture(scope="module")
def server(demo_dir: Path) -> Iterator[Session]:
    sock = bind("127.0.0.1", 0)
    session = Session(port=sock.getsockname()[1])
    config = uvicorn.Config(
        create_app(demo_dir, session), log_level="warning", access_log=False, lifespan="off"
    )
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    yield session
    uv.should_exit = True
    thread.join(10)
    sock.close()


@pytest.fixture(scope="module")
def browser(server: Session) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server: Session):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="zh-CN", accept_downloads=True
    )
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(server.url())
    yield page
    context.close()
    assert not errors, errors  # e.g. a Content-Security-Policy violation


def shot(page, name: str) -> None:
    folder = os.environ.get("LOGISTICS_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"workbench-{name}.png"), full_page=True)


def open_demo(page) -> None:
    page.get_by_role("link", name=WORKBOOK_NAME).click()
    page.wait_for_selector("form#home")


def click_and_wait(page, caption: str):
    page.get_by_role("button", name=caption, exact=True).click()
    box = page.locator(".job-box").first
    box.locator(".state").wait_for()
    return box


def test_token_address_signs_in_and_lists_the_demo(page) -> None:
    assert "token" not in page.url  # gone from the address bar
    assert page.get_by_text("示例实验小学", exact=True).is_visible()
    assert "本机环境" in page.locator("#machine summary").inner_text()  # logistics doctor's
    shot(page, "index")


def test_monthly_scores_then_the_table_and_a_person(page) -> None:
    open_demo(page)
    page.fill("input[name=month]", "2025-03")
    box = click_and_wait(page, "计算月度考评")
    assert box.get_attribute("data-state") == "done", box.inner_text()
    assert "2025-03 月度考评完成" in box.inner_text()
    shot(page, "workbook")
    box.locator("a.see-sheet").click()
    rows = page.locator("#results tbody tr")
    assert rows.count() > 30
    assert page.locator("#results tbody tr td").first.inner_text() == "2025-03"
    page.get_by_role("link", name="总分").click()  # sort by total, ascending
    page.get_by_role("link", name="总分 ▲").click()  # and descending
    first = float(page.locator("#results tbody tr").first.locator("td").nth(8).inner_text())
    last = float(page.locator("#results tbody tr").last.locator("td").nth(8).inner_text())
    assert first >= last
    shot(page, "scores")
    page.locator("a.person").first.click()
    page.wait_for_selector("#components")
    assert "日志分" in page.locator("#components").inner_text()
    assert page.locator("section.evidence").count() >= 1
    shot(page, "person")


def test_year_end_report_downloads(page) -> None:
    open_demo(page)
    page.fill("input[name=year]", "2025")
    box = click_and_wait(page, "年终考核报告")
    assert box.get_attribute("data-state") == "done", box.inner_text()
    link = box.locator("a.document", has_text=".pdf")
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename.endswith("2025年终考核报告.pdf")
    assert Path(download.path()).read_bytes()[:5] == b"%PDF-"


def test_charts_page(page) -> None:
    open_demo(page)
    page.get_by_role("link", name="图表").click()
    assert page.locator("svg.chart").count() == 4
    shot(page, "charts")


def test_switch_to_english(page) -> None:
    open_demo(page)
    page.locator("#switch-lang").click()
    page.get_by_role("button", name="Monthly scores").wait_for()
    assert page.get_by_role("heading", name="Documents", exact=True).is_visible()
    shot(page, "english")
    page.locator("#switch-lang").click()
    page.get_by_role("button", name="计算月度考评").wait_for()


def test_locked_workbook_is_met_with_who_has_it(page, demo_dir: Path) -> None:
    lock = libreoffice_lock_file(demo_dir / WORKBOOK_NAME)
    lock.write_text("王芳,office-pc,wangfang,24.05.2025 10:00,file:///home/wf;", "utf-8")
    try:
        open_demo(page)
        banner = page.locator("#lock")
        assert "LibreOffice" in banner.inner_text() and "王芳" in banner.inner_text()
        box = click_and_wait(page, "能耗统计")
        assert box.get_attribute("data-state") == "failed"
        assert "保存并关闭" in box.inner_text() and "王芳" in box.inner_text()
        shot(page, "locked")
    finally:
        lock.unlink()
