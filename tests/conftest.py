"""Shared fixtures: the demo workbook is built once per test session (it takes a second)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from logistics.demo_data import demo_frames
from logistics.io.builder import build_workbook


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.xlsm"
    return build_workbook(path, "zh", demo_frames())


@pytest.fixture
def demo_book(demo_template, tmp_path) -> Path:
    """A fresh copy of the demo workbook for a test to write into."""
    return Path(shutil.copy(demo_template, tmp_path / "demo.xlsm"))
