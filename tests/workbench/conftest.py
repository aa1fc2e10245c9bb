"""Fixtures for the workbench: a folder with the demo workbook and a signed-in client."""

from __future__ import annotations

import re
import shutil
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from logistics.doctor import Check
from logistics.workbench.app import create_app
from logistics.workbench.security import Session

with warnings.catch_warnings():  # Starlette's TestClient asks for httpx2; httpx is pinned
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

PORT = 8765
ORIGIN = f"http://127.0.0.1:{PORT}"
DEMO_NAME = "示例实验小学-后勤考核-2025.xlsm"


@dataclass
class Bench:
    """A workbench app over ``folder`` with a client that went through the token sign-in."""

    folder: Path
    session: Session
    client: TestClient

    def post(self, url: str, **kw: object):
        headers = {"X-CSRF-Token": self.session.csrf, "Origin": ORIGIN, **kw.pop("headers", {})}
        return self.client.post(url, headers=headers, **kw)

    def run(self, name: str, function: str, **home: str) -> str:
        """Click a button and wait for its job; the finished job box's HTML."""
        response = self.post(f"/wb/{name}/run/{function}", data=home)
        assert response.status_code == 200, response.text
        job_id = job_id_of(response.text)
        self.client.app.state.runner.join(job_id)
        return self.client.get(f"/jobs/{job_id}").text


def job_id_of(html: str) -> str:
    found = re.search(r'id="job-([^"]+)"', html)
    assert found, html
    return found.group(1)


def signed_in(folder: Path) -> Bench:
    session = Session(port=PORT)
    client = TestClient(create_app(folder, session), base_url=ORIGIN)
    assert client.get(f"/?token={session.token}").status_code == 200
    return Bench(folder, session, client)


# What ``logistics doctor`` finds, as the front page gets it: the real checks start soffice and
# fc-list, a second per app; tests that are about the panel set their own.
MACHINE = [
    Check("python", True, "Python 3.11.7", ""),
    Check("pdf", False, "没有 LibreOffice", "安装 LibreOffice"),
]


@pytest.fixture(autouse=True)
def machine_checks(monkeypatch: pytest.MonkeyPatch) -> list[Check]:
    checks = list(MACHINE)
    monkeypatch.setattr("logistics.workbench.pages.run_checks", lambda lang: checks)
    return checks


@pytest.fixture
def demo_folder(demo_template: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "books"
    folder.mkdir()
    shutil.copy(demo_template, folder / DEMO_NAME)
    return folder


@pytest.fixture
def bench(demo_folder: Path) -> Bench:
    return signed_in(demo_folder)


@pytest.fixture
def make_bench() -> Callable[[Path], Bench]:
    return signed_in
