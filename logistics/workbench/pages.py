"""Pages that choose, create and upload workbooks, switch the language and run buttons."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import anyio
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from words import LANGS, word

from ..core.errors import LogisticsError
from ..doctor import Check, run_checks, title, verdict
from ..io.builder import build_workbook
from ..io.locks import lock_owner
from ..io.package import check_package
from . import actions
from .rendering import page_lang, render
from .runner import Job
from .workspace import (
    MAX_UPLOAD_BYTES,
    NotServed,
    Workspace,
    keep,
    listing,
    safe_workbook_name,
    temp_file,
)

POLL_SECONDS = 1.5  # a long poll returns at once on a change, else after this long


def _app_parts(request: Request) -> tuple[Workspace, str]:
    return request.app.state.workspace, page_lang(request)


async def index(request: Request) -> Response:
    workspace, lang = _app_parts(request)
    names = await anyio.to_thread.run_sync(workspace.names)
    rows = [await anyio.to_thread.run_sync(listing, workspace.root / n, lang) for n in names]
    checks = await anyio.to_thread.run_sync(_machine_checks, request, lang)
    line, ready = verdict(checks, lang)
    doctor = {"checks": checks, "verdict": line, "ready": ready, "title": title}
    return render(
        request, "index.html", workbooks=rows, max_mb=MAX_UPLOAD_BYTES // 1024**2, doctor=doctor
    )


def _machine_checks(request: Request, lang: str) -> list[Check]:
    """``logistics doctor``'s checks, made once per language while the server runs (they start
    soffice and fc-list, too slow for every visit; the machine does not change meanwhile)."""
    cache: dict[str, list[Check]] = request.app.state.machine_checks
    if lang not in cache:
        cache[lang] = run_checks(lang)
    return cache[lang]


async def switch_lang(request: Request) -> Response:
    form = await request.form()
    lang = str(form.get("lang", "zh"))
    response = Response(status_code=204)
    response.headers["HX-Refresh"] = "true"
    response.set_cookie("lang", lang if lang in LANGS else "zh", samesite="strict", httponly=True)
    return response


def _notice(request: Request, message: str, ok: bool, link: str | None = None) -> HTMLResponse:
    return render(request, "notice.html", message=message, ok=ok, link=link)


def _cannot_write(request: Request, workspace: Workspace, lang: str, exc: OSError) -> HTMLResponse:
    error = exc.strerror or type(exc).__name__
    return _notice(request, word(lang, "cannot_write", folder=workspace.root, error=error), False)


async def new_workbook(request: Request) -> Response:
    """A blank workbook, as ``logistics new`` writes it, never replacing a file."""
    workspace, lang = _app_parts(request)
    form = await request.form()
    book_lang = str(form.get("book_lang", "zh"))
    book_lang = book_lang if book_lang in LANGS else "zh"
    default = word(book_lang, "new_workbook_stem")
    name = safe_workbook_name(str(form.get("name") or default), ".xlsm")
    if not name.endswith(".xlsm"):
        name = name.rsplit(".", 1)[0] + ".xlsm"  # it carries the buttons' macros
    if workspace.only is not None:
        raise NotServed(name)

    def make() -> Path:
        with temp_file(workspace.root, ".xlsm") as temp:
            build_workbook(temp, book_lang)  # what `logistics new` writes
            return keep(temp, workspace.root, name)

    try:
        made = await anyio.to_thread.run_sync(make)
    except OSError as exc:  # a read-only folder, a full disk
        return _cannot_write(request, workspace, lang, exc)
    return _notice(request, word(lang, "created", name=made.name), True, made.name)


async def upload(request: Request) -> Response:
    """Keep an uploaded workbook in the folder: size-limited, checked, a safe new name."""
    workspace, lang = _app_parts(request)
    mb = MAX_UPLOAD_BYTES // 1024**2
    if workspace.only is not None:
        raise NotServed("upload")
    declared = request.headers.get("content-length", "")
    # Browsers declare a form's length; without one the body could not be limited before
    # the form parser has spooled all of it.
    if not declared.isdigit() or int(declared) > MAX_UPLOAD_BYTES + 64 * 1024:
        return _notice(request, word(lang, "upload_too_big", mb=mb), False)
    async with request.form(max_files=1, max_fields=5) as form:
        file = form.get("file")
        if not isinstance(file, UploadFile) or not file.filename:
            return _notice(request, word(lang, "upload_none"), False)
        if not file.filename.lower().endswith((".xlsx", ".xlsm")):
            return _notice(request, word(lang, "bad_extension"), False)
        name = safe_workbook_name(file.filename)
        try:
            with temp_file(workspace.root) as temp:
                size = 0
                with temp.open("xb") as out:
                    while chunk := await file.read(1024 * 1024):
                        size += len(chunk)
                        if size > MAX_UPLOAD_BYTES:
                            return _notice(request, word(lang, "upload_too_big", mb=mb), False)
                        out.write(chunk)
                try:
                    check_package(temp)
                except LogisticsError as exc:
                    message = exc.message(lang).replace(temp.name, file.filename)
                    return _notice(request, message, False)
                kept = keep(temp, workspace.root, name)
        except OSError as exc:  # a read-only folder, a full disk
            return _cannot_write(request, workspace, lang, exc)
    return _notice(request, word(lang, "uploaded", name=kept.name), True, kept.name)


def _home_defaults(raw_home: dict[str, object]) -> dict[str, str]:
    """The Home sheet's month, year and as-of as the page's fields show them."""
    out = {}
    for key in actions.HOME_KEYS:
        value = raw_home.get(key)
        if isinstance(value, dt.datetime | dt.date):
            text = value.strftime("%Y-%m" if key == "month" else "%Y-%m-%d")
        elif isinstance(value, float) and value.is_integer():
            text = str(int(value))
        else:
            text = "" if value is None else str(value)
        out[key] = text
    return out


def _typed(request: Request) -> dict[str, str]:
    """Home fields sent back by the form (Enter in a field reloads the page with them)."""
    q = request.query_params
    return {k: q[k] for k in actions.HOME_KEYS if k in q}


async def workbook(request: Request) -> Response:
    """The Home fields, one button per job and document, the lock state and the documents."""
    from .views import read_cached, result_sheets

    workspace, _ = _app_parts(request)
    path = workspace.resolve(request.path_params["name"])
    raw = await anyio.to_thread.run_sync(read_cached, path)
    return render(
        request,
        "workbook.html",
        name=path.name,
        book_lang=raw.lang,
        home={**_home_defaults(raw.home), **_typed(request)},
        jobs=actions.page_buttons(0),
        documents_buttons=actions.page_buttons(1),
        lock=lock_owner(path),
        sheets=result_sheets(),
        documents=workspace.documents(),
        root=workspace.root,
    )


async def run(request: Request) -> Response:
    """Start a button's job; the answer is the job's progress box, which polls itself."""
    workspace, lang = _app_parts(request)
    path = workspace.resolve(request.path_params["name"])
    function = request.path_params["function"]
    if actions.button(function) is None:
        raise NotServed(function)
    form = {k: str(v) for k, v in (await request.form()).items()}

    def work(progress: actions.Progress) -> actions.Outcome:
        return actions.run_button(path, function, form, workspace.root, lang, progress)

    job = request.app.state.runner.submit(path, function, work)
    return _job_box(request, job)


async def job_state(request: Request) -> Response:
    runner = request.app.state.runner
    seen = request.query_params.get("v", "")
    job = await anyio.to_thread.run_sync(
        runner.wait,
        request.path_params["job_id"],
        int(seen) if seen.isdigit() else -1,
        POLL_SECONDS,
    )
    if job is None:
        raise NotServed("job")
    return _job_box(request, job)


def _job_box(request: Request, job: Job) -> HTMLResponse:
    b = actions.button(job.function)
    _, lang = _app_parts(request)
    caption = b.caption(lang) if b else job.function
    return render(request, "job.html", job=job, caption=caption, outcome=job.outcome)


def routes() -> list[Route]:
    return [
        Route("/", index),
        Route("/lang", switch_lang, methods=["POST"]),
        Route("/new", new_workbook, methods=["POST"]),
        Route("/upload", upload, methods=["POST"]),
        Route("/wb/{name}", workbook),
        Route("/wb/{name}/run/{function}", run, methods=["POST"]),
        Route("/jobs/{job_id}", job_state),
    ]
