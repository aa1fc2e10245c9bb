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

from words import both

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
            "\n".join(both("listens_beyond_this_computer", host=host)),
            style="bold yellow",
        )
    sock = bind(host, port)
    session = Session(port=sock.getsockname()[1], host=host)
    app = create_app(path, session)
    url = session.url()
    console.print(f"{' / '.join(both('app_title'))}: {path.resolve()}")
    console.print(f"{' / '.join(both('open_in_browser'))}:\n  {url}", soft_wrap=True)
    console.print(" / ".join(both("press_ctrl_c")), style="dim")
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
    server = uvicorn.Server(config)
    if open_browser:
        threading.Timer(0.5, webbrowser.open, args=(url,)).start()
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
