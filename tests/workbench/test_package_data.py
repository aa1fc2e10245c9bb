"""Templates, styles and htmx ship inside the package: a wheel install has the whole page."""

from __future__ import annotations

import tomllib
from fnmatch import fnmatch
from pathlib import Path

import logistics.workbench

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = Path(logistics.workbench.__file__).parent


def test_every_template_and_static_file_is_package_data() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    globs = config["tool"]["setuptools"]["package-data"]["logistics.workbench"]
    files = [p for folder in ("templates", "static") for p in (PACKAGE / folder).iterdir()]
    assert len(files) > 10
    for path in files:
        relative = path.relative_to(PACKAGE).as_posix()
        assert any(fnmatch(relative, g) for g in globs), relative


def test_htmx_is_vendored_with_its_license_and_fetches_nothing() -> None:
    static = PACKAGE / "static"
    assert "Zero-Clause BSD" in (static / "htmx.LICENSE").read_text(encoding="utf-8")
    assert 'version:"2.' in (static / "htmx.min.js").read_text(encoding="utf-8")
    for template in (PACKAGE / "templates").iterdir():
        text = template.read_text(encoding="utf-8")
        assert "http://" not in text and "https://" not in text and "//cdn" not in text


def test_imports_point_one_way() -> None:
    """The core knows no web framework; only the command line reaches the workbench."""
    web = ("starlette", "uvicorn", "fastapi", "jinja2", "httpx")
    for path in (ROOT / "logistics" / "core").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        for name in web:
            assert f"import {name}" not in text and f"from {name}" not in text, (path, name)
    for folder in ("logistics", "macros", "udfs", "reports"):
        for path in (ROOT / folder).rglob("*.py"):
            if "workbench" in path.parts or path.name == "cli.py":
                continue
            text = path.read_text(encoding="utf-8")
            assert "from .workbench" not in text and "logistics.workbench" not in text, path
