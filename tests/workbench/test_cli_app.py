"""``logistics app``: where it listens, what it prints, whether it opens a browser."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from logistics.cli import app
from logistics.workbench import server

runner = CliRunner()


@pytest.fixture
def served(monkeypatch) -> dict[str, object]:
    """Stand-ins for uvicorn's loop and the browser: record instead of serving."""
    seen: dict[str, object] = {"opened": []}

    def run(self, sockets):
        seen["address"] = sockets[0].getsockname()[:2]
        seen["app"] = self.config.app

    monkeypatch.setattr(server.uvicorn.Server, "run", run)
    monkeypatch.setattr(server.webbrowser, "open", lambda url: seen["opened"].append(url))  # type: ignore[union-attr]
    monkeypatch.setattr(
        server.threading,
        "Timer",
        lambda _s, f, args: type("T", (), {"start": lambda self: f(*args)})(),
    )
    return seen


def test_app_binds_loopback_on_a_free_port_and_opens_the_browser(served, tmp_path: Path) -> None:
    result = runner.invoke(app, ["app", str(tmp_path)])
    assert result.exit_code == 0, result.output
    host, port = served["address"]
    assert host == "127.0.0.1" and port > 0
    url = re.search(r"http://\S+", result.output).group(0)
    token = served["app"].state.session.token
    assert url == f"http://127.0.0.1:{port}/?token={token}"
    assert served["opened"] == [url]
    assert "Warning" not in result.output


def test_no_browser_and_a_given_port(served, tmp_path: Path) -> None:
    port = server.bind("127.0.0.1", 0)
    free = port.getsockname()[1]
    port.close()
    result = runner.invoke(app, ["app", str(tmp_path), "--port", str(free), "--no-browser"])
    assert result.exit_code == 0, result.output
    assert served["address"] == ("127.0.0.1", free) and served["opened"] == []


def test_another_host_warns(served, tmp_path: Path) -> None:
    result = runner.invoke(app, ["app", str(tmp_path), "--host", "0.0.0.0", "--no-browser"])
    assert result.exit_code == 0
    assert "Warning" in result.output and "token" in result.output


def test_missing_folder_and_busy_port_are_messages(served, tmp_path: Path) -> None:
    result = runner.invoke(app, ["app", str(tmp_path / "nope"), "--no-browser"])
    assert result.exit_code == 2 and "nope" in result.output and "Traceback" not in result.output
    taken = server.bind("127.0.0.1", 0)
    try:
        port = str(taken.getsockname()[1])
        result = runner.invoke(app, ["app", str(tmp_path), "--port", port, "--no-browser"])
        assert result.exit_code == 2 and port in result.output
    finally:
        taken.close()
