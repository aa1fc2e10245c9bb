"""The workbench's guard (SPEC §9): token, Host header, CSRF and Origin, response headers.

Every request passes through ``Guard`` before any page code runs:

- the Host header must name the bound address (127.0.0.1:PORT, localhost:PORT, [::1]:PORT,
  or the ``--host`` given): a web page elsewhere that points its own domain at 127.0.0.1
  (DNS rebinding) is refused with 400;
- the session token from the printed address: ``?token=`` once, then an HttpOnly,
  SameSite=Strict cookie; without either, 403. The token leaves the address bar at once
  (a redirect), so it is not kept in history or sent on in a Referer;
- a request that changes something is a POST carrying the per-session CSRF token in the
  ``X-CSRF-Token`` header (htmx sends it from the page's ``hx-headers``) and an Origin (or
  Referer) of the bound address; anything else is 403. A GET never changes anything;
- every response forbids framing, sniffing and any source but this server (CSP).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlsplit

from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.types import ASGIApp

from words import word

CSRF_HEADER = "x-csrf-token"
LOCAL_HOSTS = ("127.0.0.1", "localhost", "[::1]")
SAFE_METHODS = ("GET", "HEAD")
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


@dataclass(frozen=True)
class Session:
    """One server run's secrets and the addresses it answers to."""

    port: int
    host: str = "127.0.0.1"
    token: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    csrf: str = field(default_factory=lambda: secrets.token_urlsafe(32))

    @property
    def cookie(self) -> str:
        # Cookies ignore ports: two workbenches on one machine must not share a cookie name.
        return f"logistics_session_{self.port}"

    @property
    def allowed_hosts(self) -> frozenset[str]:
        """Host header values accepted: the loopback names and the bound host, with the port."""
        names = set(LOCAL_HOSTS)
        if self.host not in ("0.0.0.0", "::", ""):
            names.add(f"[{self.host}]" if ":" in self.host else self.host)
        return frozenset(f"{n}:{self.port}".lower() for n in names)

    def url(self, path: str = "/") -> str:
        """The address to print and open: the bound host, the port and the token."""
        host = "127.0.0.1" if self.host in ("0.0.0.0", "::", "") else self.host
        host = f"[{host}]" if ":" in host else host
        return f"http://{host}:{self.port}{path}?{urlencode({'token': self.token})}"


def _same(given: str | None, expected: str) -> bool:
    return given is not None and secrets.compare_digest(given.encode(), expected.encode())


class Guard(BaseHTTPMiddleware):
    """The checks of the module docstring, in that order, then the security headers."""

    def __init__(self, app: ASGIApp, session: Session) -> None:
        super().__init__(app)
        self.session = session

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        response = await self._check(request, call_next)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    async def _check(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        s = self.session
        lang = request.cookies.get("lang", "zh")
        if request.headers.get("host", "").lower() not in s.allowed_hosts:
            return PlainTextResponse(word(lang, "bad_host"), status_code=400)
        given = request.query_params.get("token")
        if given is not None:
            if not _same(given, s.token):
                return PlainTextResponse(word(lang, "forbidden"), status_code=403)
            rest = [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
            target = request.url.path + (f"?{urlencode(rest)}" if rest else "")
            response = RedirectResponse(target, status_code=303)
            response.set_cookie(
                s.cookie, s.token, httponly=True, samesite="strict", path="/", secure=False
            )
            return response
        if not _same(request.cookies.get(s.cookie), s.token):
            return PlainTextResponse(word(lang, "forbidden"), status_code=403)
        if request.method not in SAFE_METHODS and not self._post_allowed(request):
            return PlainTextResponse(word(lang, "bad_csrf"), status_code=403)
        return await call_next(request)

    def _post_allowed(self, request: Request) -> bool:
        if request.method != "POST" or not _same(
            request.headers.get(CSRF_HEADER), self.session.csrf
        ):
            return False
        origin = request.headers.get("origin") or request.headers.get("referer")
        if not origin:
            return False
        parts = urlsplit(origin)
        return parts.scheme == "http" and parts.netloc.lower() in self.session.allowed_hosts
