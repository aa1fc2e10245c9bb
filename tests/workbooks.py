"""Small valid workbooks built on disk, for tests that go through files and the CLI."""

from __future__ import annotations

import datetime as dt
import hashlib
import zipfile
from pathlib import Path

import pandas as pd
from python_calamine import CalamineWorkbook

from logistics.io.builder import build_workbook

D = dt.date


def small_school() -> dict[str, pd.DataFrame]:
    """A valid school: 2 posts, 3 staff, a week of March 2025 and one of everything else."""
    days = [D(2025, 3, d) for d in (3, 4, 5, 6, 7)]
    frames = {
        "posts": [
            {
                "post_id": "P1",
                "post": "保洁员",
                "duties": "公共区域保洁",
                "monthly_target": 21,
                "time_limit_hours": 24,
            },
            {"post_id": "P2", "post": "水电工", "duties": "水电维修", "monthly_target": 0},
        ],
        "staff": [
            {
                "staff_id": "S1",
                "name": "张伟",
                "post_id": "P1",
                "start_date": D(2024, 1, 1),
                "pay_base": 2000,
            },
            {
                "staff_id": "S2",
                "name": "李娜",
                "post_id": "P1",
                "start_date": D(2024, 1, 1),
                "end_date": D(2025, 3, 31),
                "pay_base": 1800,
            },
            {
                "staff_id": "S3",
                "name": "王强",
                "post_id": "P2",
                "start_date": D(2025, 3, 3),
                "pay_base": 2500,
            },
        ],
        "logs": [
            {
                "date": d,
                "staff_id": s,
                "content": f"日常工作{i}",
                "units": 1,
                "hours": 8,
                "status": "done",
            }
            for s in ("S1", "S2", "S3")
            for i, d in enumerate(days)
        ],
        "inspections": [
            {
                "date": D(2025, 3, 5),
                "staff_id": "S1",
                "item": "楼道卫生",
                "points": -2,
                "reason": "楼梯扶手有灰",
                "inspector": "赵主任",
            },
        ],
        "meetings": [
            {
                "meeting_id": "M1",
                "date": D(2025, 3, 6),
                "title": "教职工大会",
                "scale": "large",
                "urgency": "normal",
                "staff_id": "S3",
                "notice": True,
                "venue": True,
                "sign_in": True,
                "support": False,
            },
        ],
        "energy": [
            {
                "date": D(2025, 2, 28),
                "meter": "教学楼电表",
                "kind": "electricity",
                "reading": 1000,
                "check_type": "monthly",
            },
            {
                "date": D(2025, 3, 31),
                "meter": "教学楼电表",
                "kind": "electricity",
                "reading": 1500,
                "check_type": "monthly",
                "finding": "走廊灯常亮",
                "fixed": False,
            },
        ],
        "plans": [
            {
                "plan_id": "J1",
                "level": "semester",
                "category": "repairs",
                "item": "刷新教室",
                "staff_id": "S3",
                "start": D(2025, 3, 1),
                "due": D(2025, 3, 28),
                "budget": 5000,
                "progress": 100,
                "done_date": D(2025, 3, 20),
            },
        ],
        "requests": [
            {
                "request_id": "R1",
                "date": D(2025, 3, 3),
                "requester": "三年级2班 王老师",
                "content": "教室灯管不亮",
                "urgent": True,
                "promised": True,
                "promised_date": D(2025, 3, 4),
                "staff_id": "S3",
                "done_date": D(2025, 3, 4),
            },
        ],
        "calendar": [],
        "receptions": [
            {
                "reception_id": "JD-1",
                "date": D(2025, 3, 6),
                "visitor": "区教育局",
                "purpose": "调研",
                "official_letter": True,
                "approver": "王校长",
                "approved_date": D(2025, 3, 4),
                "guests": 4,
                "hosts": 2,
                "meals": 1,
                "meal_cost": 240,  # 240 / (6 × 1) = 40 a head, within the cap of 50
                "alcohol": False,
                "staff_id": "S1",
            },
        ],
    }
    return {key: pd.DataFrame(rows) for key, rows in frames.items()}


def build(path: Path, frames: dict[str, pd.DataFrame] | None = None, lang: str = "zh") -> Path:
    return build_workbook(path, lang, small_school() if frames is None else frames)


def part_hashes(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as z:
        return {n: hashlib.sha256(z.read(n)).hexdigest() for n in z.namelist()}


def sheet_part(path: Path, name: str) -> str:
    """The zip part holding sheet ``name`` (workbook.xml order = sheetN order in our builds)."""
    names = CalamineWorkbook.from_path(str(path)).sheet_names
    return f"xl/worksheets/sheet{names.index(name) + 1}.xml"


def sheet_rows(path: Path, name: str) -> list[list[object]]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name(name).to_python()
