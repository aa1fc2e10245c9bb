"""No typed text puts a control character or direction mark on the terminal (SPEC §7).

Every command runs on a workbook whose typed text (school, names, log contents, meetings,
inspections, requests, plans, meters, a bad value) carries ANSI escape sequences, a
right-to-left override and invisible marks; none may reach stdout or stderr.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pandas as pd
import pytest
import typer
from typer.testing import CliRunner

from logistics.cli import app
from logistics.io.locks import libreoffice_lock_file
from tests.factories import D
from tests.workbooks import build, small_school

runner = CliRunner(env={"COLUMNS": "200"})
AS_OF = ["--as-of", "2025-12-31"]
HOSTILE = "\x1b[31m红\x1b[0m\x1b]0;标题\x07\u202e名\u200e\u2066字\u2069\u200b\x9b1m\x07"
# C0 controls but the newline, DEL and C1, bidi embeddings/overrides/isolates, marks, zero-width.
UNSAFE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
)


def hostile_school() -> dict[str, pd.DataFrame]:
    frames = small_school()
    for key, column in [
        ("staff", "name"),
        ("posts", "post"),
        ("posts", "duties"),
        ("logs", "content"),
        ("inspections", "item"),
        ("inspections", "reason"),
        ("meetings", "title"),
        ("requests", "requester"),
        ("requests", "content"),
        ("plans", "item"),
        ("energy", "finding"),
        ("receptions", "visitor"),
        ("receptions", "purpose"),
    ]:
        frame = frames[key].astype(object)
        frame[column] = [f"{v}{HOSTILE}" if isinstance(v, str) else v for v in frame[column]]
        frames[key] = frame
    frames["energy"]["meter"] = "教学楼电表" + HOSTILE
    frames["settings"] = pd.DataFrame([{"key": "学校名称", "value": "学校" + HOSTILE, "note": ""}])
    room = "教学楼201" + HOSTILE
    frames["assets"] = pd.DataFrame(
        [{"asset_id": "ZC-1", "name": "投影仪" + HOSTILE, "category": "通用设备", "quantity": 1,
          "unit_price": 3500, "purchase_date": D(2024, 9, 1), "location": room, "status": "在用"}]
    )  # fmt: skip
    frames["counts"] = pd.DataFrame(
        [
            {
                "date": D(2025, 3, 20),
                "asset_id": "ZC-1",
                "location": "别处" + HOSTILE,
                "counted": 0,
            },
            {"date": D(2025, 3, 20), "name": "椅子" + HOSTILE, "location": room, "counted": 2},
        ]
    )
    return frames


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    good = build(folder / "good.xlsm", hostile_school())
    bad_frames = hostile_school()
    logs = bad_frames["logs"].astype(object)
    logs.loc[0, "units"] = "三个" + HOSTILE  # shown as the problem's value
    logs.loc[1, "staff_id"] = "X" + HOSTILE
    bad_frames["logs"] = logs
    bad = build(folder / "bad.xlsm", bad_frames)
    return {"good": good, "bad": bad, "folder": folder}


def commands(books: dict[str, Path]) -> list[list[str]]:
    good, bad, out = str(books["good"]), str(books["bad"]), str(books["folder"] / "docs")
    docs = ["--out", out, "--no-pdf", *AS_OF]
    return [
        ["validate", good, *AS_OF],
        ["validate", bad, *AS_OF],
        ["score", good, "--month", "2025-03", *AS_OF],
        ["score", good, "--all", *AS_OF],
        ["summary", good, "--quarter", "2025Q1", *AS_OF],
        ["rank", good, "--year", "2025", *AS_OF],
        ["energy", good, "--month", "2025-03", *AS_OF],
        ["explain", good, "--staff", "S1", "--month", "2025-03", *AS_OF],
        ["explain", good, "--staff", "S3", "--month", "2025-03", *AS_OF],
        ["explain", bad, "--staff", "S1", "--month", "2025-03", *AS_OF],
        ["explain", good, "--staff", "S9" + HOSTILE, "--month", "2025-03", *AS_OF],
        ["report", good, "year-end", "--year", "2025", *docs],
        ["report", good, "monthly", "--month", "2025-03", *docs],
        ["report", good, "energy", "--month", "2025-03", *docs],
        ["report", good, "meeting", "--month", "2025-03", *docs],
        ["report", good, "meeting", "--meeting", "M" + HOSTILE, *docs],
        ["report", good, "contracts", "--year", "2025", *docs],
        ["report", bad, "monthly", "--month", "2025-03", *docs],
        ["report", good, "reception", "--month", "2025-03", *docs],
        ["report", good, "inventory", "--year", "2025", *docs],
        ["report", good, "asset-ledger", *docs],
        ["reception", good, "--month", "2025-03", *AS_OF],
        ["assets", good, *AS_OF],
        ["inventory", good, "--year", "2025", *AS_OF],
        ["doctor", good],
        ["launcher", str(books["folder"]), "--out", str(books["folder"] / f"go{HOSTILE}")],
        ["new", str(books["folder"] / f"new{HOSTILE}.xlsm")],
        ["excel-setup", good],
        ["score", good, "--month", "2025-13" + HOSTILE],
    ]


def test_every_command_keeps_control_characters_off_the_terminal(
    books: dict[str, Path],
) -> None:
    ran = set()
    for args in commands(books):
        result = runner.invoke(app, args)
        assert "Traceback" not in result.output, (args, result.output)
        assert not UNSAFE.search(result.output), (args[0], result.output)
        ran.add(args[0])
    # Every command of the command line ran here but demo and build-workbook (they print only
    # their own fixed text and paths), app (it serves until stopped: tests/workbench) and
    # templates (it copies the built-in files).
    names = set(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
    assert names - ran == {"demo", "build-workbook", "app", "templates"}
    docs = list((books["folder"] / "docs").iterdir())
    assert docs and not any(UNSAFE.search(p.name) for p in docs)  # file names too
    for doc in docs:  # and the documents: Word refuses XML with control characters
        with zipfile.ZipFile(doc) as z:
            assert not UNSAFE.search(z.read("word/document.xml").decode()), doc.name


def test_a_lock_owner_name_with_escapes_is_shown_clean(books: dict[str, Path]) -> None:
    lock = libreoffice_lock_file(books["good"])
    lock.write_text(f"王芳{HOSTILE},wf,pc{HOSTILE},24.05.2024 10:00,file:///x;", "utf-8")
    try:
        result = runner.invoke(app, ["score", str(books["good"]), "--all", *AS_OF])
    finally:
        lock.unlink()
    assert result.exit_code == 2
    assert "王芳红" in result.output and not UNSAFE.search(result.output)
