"""The workbench's web application: one Starlette app over one folder of workbooks.

``create_app`` wires the guard (``security``), the pages (``pages``, ``result_pages``),
the job runner and the packaged templates and static files together. The job modules
(jobs, documents, reports) are imported here, when the server starts, so the first click
does not pay for them (issue: a round trip costs at most 1.3× the job itself).
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from words import word

from ..core.errors import LogisticsError
from . import actions, pages, result_pages
from .rendering import page_lang, render
from .runner import Runner
from .security import SECURITY_HEADERS, Guard, Session
from .workspace import NotServed, Workspace

PACKAGE = files("logistics.workbench")


async def not_served(request: Request, exc: Exception) -> Response:
    return render(request, "error.html", 404, message=word(page_lang(request), "not_found"))


async def user_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, LogisticsError)
    return render(request, "error.html", 400, message=exc.message(page_lang(request)))


async def internal_error(request: Request, exc: Exception) -> Response:
    log = actions.log_error(Path(request.url.path), exc)
    lang = page_lang(request)
    message = word(lang, "internal_error", what=request.url.path, error=type(exc).__name__, log=log)
    response = render(request, "error.html", 500, message=message)
    response.headers.update(SECURITY_HEADERS)  # this handler runs outside the guard
    return response


def create_app(path: Path, session: Session) -> Starlette:
    """The app serving the workbooks in ``path`` (a folder, or one workbook) to ``session``."""
    env = Environment(
        loader=FileSystemLoader(str(PACKAGE / "templates")),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    app = Starlette(
        routes=[
            *pages.routes(),
            *result_pages.routes(),
            Mount("/static", StaticFiles(directory=str(PACKAGE / "static")), name="static"),
        ],
        middleware=[Middleware(Guard, session=session)],
        exception_handlers={
            NotServed: not_served,
            LogisticsError: user_error,
            Exception: internal_error,
        },
    )
    app.state.session = session
    app.state.workspace = Workspace.of(path)
    app.state.runner = Runner()
    app.state.machine_checks = {}  # language -> logistics doctor's checks, made on first visit
    app.state.templates = Jinja2Templates(env=env)
    return app
