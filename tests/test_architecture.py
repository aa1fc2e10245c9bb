"""Imports point one way: no module imports anything that imports it back, the core stands on
nothing of the product, the front doors do not lean on each other, and the document engine
(``reports``) imports nothing of the product (the layers of the README: core ← io ← jobs ←
documents ← front doors, declared for import-linter in pyproject.toml)."""

from __future__ import annotations

import itertools
import re
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("logistics", "reports", "macros", "udfs", "words")


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    """Every import of the product's modules, those inside functions too, and the third-party
    packages they reach (as single nodes)."""
    sys.path.insert(0, str(ROOT))
    try:
        return grimp.build_graph(*PACKAGES, include_external_packages=True, cache_dir=None)
    finally:
        sys.path.remove(str(ROOT))


def test_no_module_imports_one_that_imports_it_back(graph: grimp.ImportGraph) -> None:
    circles = []
    ours = {m for m in graph.modules if m.split(".")[0] in PACKAGES}
    for module in sorted(ours):
        for imported in graph.find_modules_directly_imported_by(module) & ours:
            back = graph.find_shortest_chain(importer=imported, imported=module)
            if back:
                circles.append((module, *back))
    assert circles == []


def imports(graph: grimp.ImportGraph, importer: str, imported: str) -> bool:
    """Whether a module of ``importer`` imports one of ``imported`` directly."""
    return graph.direct_import_exists(importer=importer, imported=imported, as_packages=True)


@pytest.mark.parametrize(
    "higher",
    [
        "logistics.io",
        "logistics.jobs",
        "logistics.documents",
        "logistics.excel",
        "logistics.workbench",
        "reports",
    ],
)
def test_the_core_imports_nothing_above_it(graph: grimp.ImportGraph, higher: str) -> None:
    assert not graph.chain_exists(importer="logistics.core", imported=higher, as_packages=True)


@pytest.mark.parametrize(
    ("importer", "imported"),
    [
        ("logistics.io", "logistics.excel"),  # the builder makes the VBA project itself
        ("logistics.io", "logistics.jobs"),
        ("logistics.io", "logistics.workbench"),
        ("logistics.workbench", "logistics.excel"),  # no xlwings on a WPS school's page
        ("logistics.workbench", "logistics.cli"),
        ("logistics.excel", "logistics.workbench"),
        ("logistics.excel", "logistics.cli"),
        ("macros", "logistics.workbench"),
    ],
)
def test_front_doors_and_io_do_not_lean_on_each_other(
    graph: grimp.ImportGraph, importer: str, imported: str
) -> None:
    assert not imports(graph, importer, imported)


@pytest.mark.parametrize("package", ["xlwings", "docxtpl", "starlette", "python_calamine"])
def test_the_core_reaches_no_front_door_or_file_format_library(
    graph: grimp.ImportGraph, package: str
) -> None:
    assert not graph.chain_exists(importer="logistics.core", imported=package, as_packages=True)


def test_the_workbench_never_loads_xlwings(graph: grimp.ImportGraph) -> None:
    """WPS and LibreOffice schools have no Excel; xlwings probes for it when imported."""
    chains = graph.find_shortest_chains(
        importer="logistics.workbench", imported="xlwings", as_packages=True
    )
    assert chains == set()


def test_the_layers_of_pyproject_hold() -> None:
    """import-linter's contracts (pyproject.toml): the top-level packages and the product's
    layers, each module of ``logistics`` in one, and what the core may never use."""
    lint = "from importlinter.cli import lint_imports_command; lint_imports_command()"
    run = subprocess.run(
        [sys.executable, "-c", lint, "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert re.search(r"Contracts: [1-9]\d* kept, 0 broken", run.stdout), run.stdout


@pytest.mark.parametrize(("one", "other"), itertools.permutations(PACKAGES, 2))
def test_no_top_level_package_imports_one_that_imports_it_back(
    graph: grimp.ImportGraph, one: str, other: str
) -> None:
    there = graph.chain_exists(importer=one, imported=other, as_packages=True)
    back = graph.chain_exists(importer=other, imported=one, as_packages=True)
    assert not (there and back)


@pytest.mark.parametrize("product", ["logistics", "macros", "udfs"])
def test_the_document_engine_imports_nothing_of_the_product(
    graph: grimp.ImportGraph, product: str
) -> None:
    """``reports`` fills templates with what it is given; contexts are ``logistics.documents``."""
    assert not graph.chain_exists(importer="reports", imported=product, as_packages=True)


@pytest.mark.parametrize("product", ["logistics", "reports", "macros", "udfs"])
def test_the_words_import_nothing_of_the_product(graph: grimp.ImportGraph, product: str) -> None:
    """The catalogue stands below every layer: the core and the engine both take words from it."""
    assert not graph.chain_exists(importer="words", imported=product, as_packages=True)
