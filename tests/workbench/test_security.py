"""SPEC §9's security rules, each through the in-process client."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from logistics.workbench.app import create_app
from logistics.workbench.security import Session
from logistics.workbench.workspace import MAX_UPLOAD_BYTES

from .conftest import DEMO_NAME, ORIGIN, PORT, Bench, TestClient


def fresh_client(folder: Path, session: Session, host: str = f"127.0.0.1:{PORT}") -> TestClient:
    return TestClient(create_app(folder, session), base_url=f"http://{host}")


# ---- the session token -------------------------------------------------------------------


def test_no_token_no_page(demo_folder: Path) -> None:
    client = fresh_client(demo_folder, Session(port=PORT))
    for url in ("/", f"/wb/{DEMO_NAME}", "/static/htmx.min.js", "/files/后勤文档/x.pdf"):
        assert client.get(url).status_code == 403, url


def test_wrong_token_is_refused_and_sets_no_cookie(demo_folder: Path) -> None:
    session = Session(port=PORT)
    client = fresh_client(demo_folder, session)
    response = client.get("/?token=" + "x" * len(session.token), follow_redirects=False)
    assert response.status_code == 403
    assert "set-cookie" not in response.headers


def test_token_once_then_a_strict_httponly_cookie(demo_folder: Path) -> None:
    session = Session(port=PORT)
    client = fresh_client(demo_folder, session)
    response = client.get(f"/wb/{DEMO_NAME}?token={session.token}&x=1", follow_redirects=False)
    assert response.status_code == 303
    assert "token" not in response.headers["location"]  # leaves the address bar at once
    assert response.headers["location"].endswith("?x=1")
    cookie = response.headers["set-cookie"]
    assert cookie.startswith(f"{session.cookie}={session.token}")
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert client.get("/").status_code == 200  # the cookie now signs every request


def test_a_cookie_from_another_run_is_refused(demo_folder: Path) -> None:
    old, new = Session(port=PORT), Session(port=PORT)
    client = fresh_client(demo_folder, new)
    client.cookies.set(new.cookie, old.token)
    assert client.get("/").status_code == 403


def test_url_carries_the_token_and_the_loopback_address() -> None:
    session = Session(port=5000)
    assert session.url() == f"http://127.0.0.1:5000/?token={session.token}"
    assert len(session.token) >= 40 and session.token != session.csrf


# ---- the Host header (DNS rebinding) -------------------------------------------------------


@pytest.mark.parametrize(
    "host", ["evil.example:8765", "127.0.0.1:9999", "127.0.0.1", "localhost.evil.example:8765"]
)
def test_foreign_host_header_is_refused(demo_folder: Path, host: str) -> None:
    session = Session(port=PORT)
    client = fresh_client(demo_folder, session, host)
    response = client.get(f"/?token={session.token}", follow_redirects=False)
    assert response.status_code == 400
    assert "set-cookie" not in response.headers


@pytest.mark.parametrize("host", [f"localhost:{PORT}", f"[::1]:{PORT}", f"LOCALHOST:{PORT}"])
def test_loopback_names_are_accepted(demo_folder: Path, host: str) -> None:
    session = Session(port=PORT)
    client = fresh_client(demo_folder, session, host)
    assert client.get(f"/?token={session.token}").status_code == 200


def test_a_given_host_is_accepted_too() -> None:
    assert f"192.168.1.5:{PORT}" in Session(port=PORT, host="192.168.1.5").allowed_hosts
    assert all(h.endswith(f":{PORT}") for h in Session(port=PORT, host="0.0.0.0").allowed_hosts)


# ---- CSRF and Origin on everything that changes something ----------------------------------


def test_post_without_csrf_token_is_refused(bench: Bench) -> None:
    url = f"/wb/{DEMO_NAME}/run/compute_monthly_scores"
    before = (bench.folder / DEMO_NAME).read_bytes()
    assert bench.client.post(url, headers={"Origin": ORIGIN}).status_code == 403
    wrong = {"Origin": ORIGIN, "X-CSRF-Token": bench.session.token}
    assert bench.client.post(url, headers=wrong).status_code == 403
    assert (bench.folder / DEMO_NAME).read_bytes() == before


@pytest.mark.parametrize(
    "origin", [None, "http://evil.example", f"https://127.0.0.1:{PORT}", "http://127.0.0.1:1"]
)
def test_post_from_another_origin_is_refused(bench: Bench, origin: str | None) -> None:
    headers = {"X-CSRF-Token": bench.session.csrf}
    if origin is not None:
        headers["Origin"] = origin
    response = bench.client.post("/new", data={"name": "x"}, headers=headers)
    assert response.status_code == 403
    assert not (bench.folder / "x.xlsm").exists()


def test_referer_stands_in_for_a_missing_origin(bench: Bench) -> None:
    headers = {"X-CSRF-Token": bench.session.csrf, "Referer": f"{ORIGIN}/"}
    assert bench.client.post("/new", data={"name": "y"}, headers=headers).status_code == 200
    assert (bench.folder / "y.xlsm").is_file()


def test_get_never_runs_a_job(bench: Bench) -> None:
    response = bench.client.get(f"/wb/{DEMO_NAME}/run/compute_monthly_scores")
    assert response.status_code == 405


# ---- only workbooks inside PATH ----------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "..%2F..%2Fetc%2Fpasswd",
        "%2Fetc%2Fpasswd",
        "..%5C" + DEMO_NAME,
        "C:%5Cx.xlsm",
        "notes.txt",
        ".hidden.xlsm",
        "~%24" + DEMO_NAME,
        "missing.xlsm",
        "sub",
    ],
)
def test_only_workbooks_inside_the_folder(bench: Bench, name: str) -> None:
    (bench.folder / "notes.txt").write_text("x")
    (bench.folder / ".hidden.xlsm").write_bytes((bench.folder / DEMO_NAME).read_bytes())
    (bench.folder / "sub").mkdir()
    response = bench.client.get(f"/wb/{name}")
    assert response.status_code in (404, 405), name
    assert bench.session.token not in response.text


def test_absolute_path_is_refused(bench: Bench, tmp_path: Path) -> None:
    outside = tmp_path / "outside.xlsm"
    outside.write_bytes((bench.folder / DEMO_NAME).read_bytes())
    assert bench.client.get(f"/wb/{outside}").status_code == 404
    assert bench.client.get(f"/wb/{str(outside).replace('/', '%2F')}").status_code == 404


def test_symlink_out_of_the_folder_is_refused(bench: Bench, tmp_path: Path) -> None:
    outside = tmp_path / "outside.xlsm"
    outside.write_bytes((bench.folder / DEMO_NAME).read_bytes())
    (bench.folder / "link.xlsm").symlink_to(outside)
    (bench.folder / "inside.xlsm").symlink_to(bench.folder / DEMO_NAME)
    assert bench.client.get("/wb/link.xlsm").status_code == 404
    assert "link.xlsm" not in bench.client.get("/").text
    assert bench.client.get("/wb/inside.xlsm").status_code == 200
    job = bench.post("/wb/link.xlsm/run/compute_monthly_scores", data={"month": "2025-03"})
    assert job.status_code == 404


def test_documents_only_from_the_documents_folder(bench: Bench, tmp_path: Path) -> None:
    docs = bench.folder / "后勤文档"
    docs.mkdir()
    (docs / "通报.pdf").write_bytes(b"%PDF-1.4 x")
    (docs / "notes.txt").write_text("x")
    secret = tmp_path / "secret.pdf"
    secret.write_bytes(b"%PDF secret")
    (docs / "link.pdf").symlink_to(secret)
    (bench.folder / "beside.pdf").write_bytes(b"%PDF beside")
    ok = bench.client.get("/files/后勤文档/通报.pdf")
    assert ok.status_code == 200 and ok.content == b"%PDF-1.4 x"
    assert "attachment" in ok.headers["content-disposition"]
    for url in (
        "/files/后勤文档/notes.txt",
        "/files/后勤文档/link.pdf",
        "/files/后勤文档/..%2Fbeside.pdf",
        "/files/..%2F/beside.pdf",
        "/files/books/beside.pdf",
        f"/files/后勤文档/{str(secret).replace('/', '%2F')}",
    ):
        response = bench.client.get(url)
        assert response.status_code in (404, 405), url
        assert b"secret" not in response.content and b"beside" not in response.content


def test_a_single_workbook_path_serves_only_that_workbook(demo_folder: Path) -> None:
    (demo_folder / "other.xlsm").write_bytes((demo_folder / DEMO_NAME).read_bytes())
    session = Session(port=PORT)
    client = fresh_client(demo_folder / DEMO_NAME, session)
    client.get(f"/?token={session.token}")
    assert client.get(f"/wb/{DEMO_NAME}").status_code == 200
    assert client.get("/wb/other.xlsm").status_code == 404
    headers = {"X-CSRF-Token": session.csrf, "Origin": ORIGIN}
    assert client.post("/new", data={"name": "n"}, headers=headers).status_code == 404


# ---- uploads ---------------------------------------------------------------------------


def upload(bench: Bench, name: str, content: bytes):
    return bench.post("/upload", files={"file": (name, io.BytesIO(content), "application/zip")})


def test_upload_is_kept_with_a_safe_name_never_overwriting(bench: Bench) -> None:
    original = (bench.folder / DEMO_NAME).read_bytes()
    first = upload(bench, DEMO_NAME, original)
    assert first.status_code == 200 and "message ok" in first.text
    assert (bench.folder / DEMO_NAME).read_bytes() == original  # not replaced
    kept = bench.folder / DEMO_NAME.replace(".xlsm", "-2.xlsm")
    assert kept.read_bytes() == original
    upload(bench, "../../escape.xlsx", original)
    assert (bench.folder / "escape.xlsx").is_file()
    assert not (bench.folder.parent / "escape.xlsx").exists()
    upload(bench, "a<b>:c|?.xlsm", original)
    assert (bench.folder / "a_b__c__.xlsm").is_file()
    assert not [p for p in bench.folder.iterdir() if p.name.startswith(".logistics-upload")]


def test_upload_of_a_non_workbook_is_refused_and_not_kept(bench: Bench) -> None:
    before = set(os.listdir(bench.folder))
    response = upload(bench, "report.xlsx", b"name,score\n")
    assert "message failed" in response.text and "report.xlsx" in response.text
    docx = io.BytesIO()
    with zipfile.ZipFile(docx, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    assert "Word" in upload(bench, "renamed.xlsm", docx.getvalue()).text
    assert "message failed" in upload(bench, "notes.txt", b"hello").text
    assert set(os.listdir(bench.folder)) == before


def test_upload_bomb_is_refused_by_the_package_checks(bench: Bench) -> None:
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", b" " * (8 * 1024**2))  # ~1000:1
    before = set(os.listdir(bench.folder))
    response = upload(bench, "bomb.xlsx", bomb.getvalue())
    assert "message failed" in response.text and "zip" in response.text
    assert set(os.listdir(bench.folder)) == before


def test_upload_over_the_size_limit_is_refused(bench: Bench, monkeypatch) -> None:
    import logistics.workbench.pages as pages

    content = (bench.folder / DEMO_NAME).read_bytes()
    before = set(os.listdir(bench.folder))
    # refused by the declared length, and by counting when the declaration is within slack
    for limit in (1024, len(content) - 1000):
        monkeypatch.setattr(pages, "MAX_UPLOAD_BYTES", limit)
        response = upload(bench, "big.xlsm", content)
        assert "message failed" in response.text
        assert set(os.listdir(bench.folder)) == before
    assert MAX_UPLOAD_BYTES >= 26 * 1024**2  # a million log rows (SPEC §7) still fits


# ---- response headers and nothing external -------------------------------------------------


def test_security_headers_and_no_external_source(bench: Bench) -> None:
    for url in ("/", f"/wb/{DEMO_NAME}", "/wb/missing.xlsm", "/static/workbench.css"):
        response = bench.client.get(url)
        csp = response.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in csp and "default-src 'self'" in csp
        assert "http" not in csp and "unsafe" not in csp
        assert response.headers["x-content-type-options"] == "nosniff"
    page = bench.client.get(f"/wb/{DEMO_NAME}").text
    assert "http://" not in page.replace(ORIGIN, "") and "https://" not in page
    assert "style=" not in page and "<script>" not in page  # the CSP would block them


def test_read_only_folder_is_a_message(bench: Bench, monkeypatch) -> None:
    import logistics.workbench.pages as pages
    import logistics.workbench.workspace as workspace

    def refused(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(pages, "build_workbook", refused)
    response = bench.post("/new", data={"name": "x"})
    assert "message failed" in response.text and "Permission denied" in response.text
    content = (bench.folder / DEMO_NAME).read_bytes()
    monkeypatch.setattr(workspace.os, "link", refused)
    monkeypatch.setattr(workspace.Path, "open", refused)
    response = upload(bench, "u.xlsm", content)
    assert "message failed" in response.text and "Traceback" not in response.text
