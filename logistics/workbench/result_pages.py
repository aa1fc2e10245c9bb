"""Pages that read results: problems, result sheets, a person's month, charts, documents."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import anyio
from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import Route

from words import word

from ..core import schema
from ..core.dataset import today
from ..core.errors import UsageError
from ..core.home_fields import home_month
from ..core.periods import Month, year_months
from ..core.problems import display
from . import charts, views
from .rendering import page_lang, render
from .workspace import Workspace


def _parts(request: Request) -> tuple[Workspace, str, Path]:
    workspace: Workspace = request.app.state.workspace
    return workspace, page_lang(request), workspace.resolve(request.path_params["name"])


def _month(text: str) -> Month:
    try:
        return Month.parse(text)
    except ValueError:
        raise UsageError(said="month_bad", text=text) from None


def _home_month(raw_home: dict[str, object], fallback: Month) -> Month:
    """The Home month (core.home_fields) as the page's default period; a page that only
    shows results still opens on ``fallback`` when the Home month is blank or not a month
    (the buttons say what is wrong with it)."""
    try:
        return home_month(raw_home.get("month")) or fallback
    except UsageError:
        return fallback


async def problems(request: Request) -> Response:
    _, lang, path = _parts(request)
    groups, errors, warnings = await anyio.to_thread.run_sync(views.problems_by_sheet, path, lang)
    headers = [c.label(lang) for c in schema.VALIDATION.columns[1:]]
    return render(
        request,
        "problems.html",
        name=path.name,
        groups=groups,
        errors=errors,
        warnings=warnings,
        headers=headers,
        error_label=schema.SEVERITY[0].label(lang),
    )


async def sheet(request: Request) -> Response:
    _, lang, path = _parts(request)
    key = request.path_params["key"]
    if key not in {s.key for s in views.result_sheets()}:
        raise UsageError(said="no_result_sheet", key=key)
    q = request.query_params
    raw = await anyio.to_thread.run_sync(views.read_cached, path)
    table = views.result_table(
        raw,
        key,
        period=q.get("period", ""),
        query=q.get("q", "").strip(),
        sort=q.get("sort", ""),
        desc=q.get("desc") == "1",
    )
    home_month = _home_month(raw.home, Month.of(_today()))
    return render(
        request,
        "sheet.html",
        name=path.name,
        table=table,
        cell=lambda value, column: views.cell_text(value, column, lang),
        params={k: q.get(k, "") for k in ("period", "q", "sort", "desc")},
        sheets=views.result_sheets(),
        home_month=home_month.label,
    )


def _today() -> dt.date:
    return today()


async def person(request: Request) -> Response:
    _, lang, path = _parts(request)
    staff_id = request.path_params["staff_id"]
    raw = await anyio.to_thread.run_sync(views.read_cached, path)
    home_month = _home_month(raw.home, Month.of(_today()))
    month = _month(request.query_params.get("month") or home_month.label)
    explained = await anyio.to_thread.run_sync(views.explain_month, path, staff_id, month, lang)
    months = [Month(month.year, m) for m in range(1, 13)]
    totals = views.person_totals(raw, staff_id, months)
    chart = charts.line_chart(
        word(lang, "by_month"), [str(m.month) for m in months], totals, y_max=100
    )
    return render(
        request, "person.html", name=path.name, ex=explained, chart=chart, month=month.label
    )


async def chart_page(request: Request) -> Response:
    _, lang, path = _parts(request)
    raw = await anyio.to_thread.run_sync(views.read_cached, path)
    home_month = _home_month(raw.home, Month.of(_today()))
    month = _month(request.query_params.get("month") or home_month.label)
    year_text = request.query_params.get("year") or display(raw.home.get("year")) or str(month.year)
    year = int(year_text) if year_text.isdigit() else month.year
    unit = word(lang, "people")
    labels, counts = views.grade_counts(raw, "scores", month.label, lang)
    month_chart = charts.bar_chart(
        f"{word(lang, 'grade_chart')} {month.label}", labels, counts, unit
    )
    labels, counts = views.grade_counts(raw, "annual", str(year), lang)
    year_chart = charts.bar_chart(f"{word(lang, 'grade_chart')} {year}", labels, counts, unit)
    names = (word(lang, "this_year"), word(lang, "last_year"))
    energy = [
        charts.paired_bars(
            f"{word(lang, 'energy_chart')} · {kind} · {year}",
            [str(m.month) for m in year_months(year)],
            now,
            before,
            names,
        )
        for kind, (now, before) in views.energy_by_month(raw, year).items()
    ]
    return render(
        request,
        "charts.html",
        name=path.name,
        month=month.label,
        year=year,
        charts=[month_chart, year_chart, *energy],
    )


async def download(request: Request) -> Response:
    """A document from the documents folder beside the workbooks, and from nowhere else."""
    workspace: Workspace = request.app.state.workspace
    path = workspace.document(request.path_params["folder"], request.path_params["file"])
    return FileResponse(path, filename=path.name, content_disposition_type="attachment")


def routes() -> list[Route]:
    return [
        Route("/wb/{name}/problems", problems),
        Route("/wb/{name}/sheet/{key}", sheet),
        Route("/wb/{name}/person/{staff_id}", person),
        Route("/wb/{name}/charts", chart_page),
        Route("/files/{folder}/{file}", download),
    ]
