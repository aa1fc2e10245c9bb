"""Pages from the packaged templates, in the page's language (the switch's cookie)."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse

from words import LANGS, word

from ..core.schema import SHEETS
from .views import result_sheets


def page_lang(request: Request) -> str:
    """The page's language: the switch's cookie, Chinese by default."""
    lang = request.cookies.get("lang", "zh")
    return lang if lang in LANGS else "zh"


def render(
    request: Request, template: str, status_code: int = 200, /, **context: Any
) -> HTMLResponse:
    """A page from the packaged templates, with the words of the page's language."""
    lang = page_lang(request)
    app = request.app
    base = {
        "lang": lang,
        "w": lambda key, **p: word(lang, key, **p),
        "csrf": app.state.session.csrf,
        "workspace": app.state.workspace,
        "doctor": None,  # the machine checks (logistics doctor): the front page sets them
        "sheets_nav": result_sheets(),
        "sheet_label": lambda key: SHEETS[key].label(lang),
    }
    response: HTMLResponse = app.state.templates.TemplateResponse(
        request, template, {**base, **context}, status_code=status_code
    )
    response.headers["Cache-Control"] = "no-store"
    return response
