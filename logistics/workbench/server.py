"""``logistics app``: bind, print the address with its token, open the browser, serve.

The socket is bound here, before uvicorn starts, so a random free port (``--port 0``, the
default) is known for the Host check and the printed address, and cannot be taken by
another program in between.
"""

from __future__ import annotations

import os
import socket
import threading
import webbrowser
from pathlib import Path

import uvicorn
from rich.console import Console

from ..core.errors import LogisticsError
from .app import create_app
from .security import LOCAL_HOSTS, Session


class NoSuchFolder(LogisticsError):
    said = "no_such_folder"


class CannotListen(LogisticsError):
    said = "cannot_listen"


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host``:``port`` (0: a free port chosen by the system)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        if os.name != "nt":  # on Windows it would let us take a port another program holds
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(128)
    except OSError as exc:
        sock.close()
        raise CannotListen(host=host, port=port, error=exc.strerror or exc) from exc
    return sock


def serve(path: Path, host: str, port: int, *, open_browser: bool, console: Console) -> None:
    """Serve the workbooks in ``path`` until Ctrl+C."""
    if not path.exists():
        raise NoSuchFolder(path=str(path))
    if host.strip("[]") not in (*LOCAL_HOSTS, "::1"):
        console.print(
            f"注意：工作台监听 {host}，本机以外的电脑也可能访问它（仍需令牌）。\n"
            f"Warning: the workbench listens on {host}; other computers may reach it "
            "(the token is still required).",
            style="bold yellow",
        )
    sock = bind(host, port)
    session = Session(port=sock.getsockname()[1], host=host)
    app = create_app(path, session)
    url = session.url()
    console.print(f"后勤考核工作台 / Logistics workbench: {path.resolve()}")
    console.print(f"请在浏览器中打开 / Open in your browser:\n  {url}", soft_wrap=True)
    console.print("按 Ctrl+C 停止 / Press Ctrl+C to stop.", style="dim")
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
    server = uvicorn.Server(config)
    if open_browser:
        threading.Timer(0.5, webbrowser.open, args=(url,)).start()
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
