"""The demo school's work plans: long-term to stage plans with budgets, owners and due dates,
mostly done on time, some late, one overdue."""

from __future__ import annotations

import datetime as dt
import random

from .people import Person, pick_owner
from .posts import CANTEEN, CLEANER, CLERK, DUTY, ELECTRICIAN, GATE, GREEN, MEETING, STORE
from .school_calendar import DAY, D

PLANS = (  # level, category, item, target, owner post, budget, start, due, outcome
    (
        "long_term",
        "repairs",
        "教学楼屋面防水维修",
        "解决顶层教室渗漏问题，质保5年",
        ELECTRICIAN,
        180000,
        (-1, 9, 1),
        (8, 20),
        "on_time",
    ),
    (
        "long_term",
        "equipment",
        "校园监控系统升级",
        "公共区域监控全覆盖，录像保存30天",
        DUTY,
        150000,
        (-1, 9, 1),
        (12, 15),
        "on_time",
    ),
    (
        "school_year",
        "greening",
        "校园绿化提升工程",
        "新增绿地300平方米，补植乔木40株",
        GREEN,
        60000,
        (-1, 9, 1),
        (6, 30),
        "on_time",
    ),
    (
        "school_year",
        "other",
        "垃圾分类设施添置及宣传",
        "分类投放准确率达到90%",
        CLEANER,
        12000,
        (-1, 9, 1),
        (5, 29),
        "on_time",
    ),
    (
        "long_term",
        "other",
        "后勤管理制度汇编修订",
        "形成新版三定岗位责任制度汇编",
        CLERK,
        0,
        (-1, 3, 1),
        (12, 26),
        "on_time",
    ),
    (
        "semester",
        "repairs",
        "宿舍楼卫生间管道改造",
        "消除宿舍楼下水堵塞隐患",
        ELECTRICIAN,
        45000,
        (0, 2, 17),
        (7, 10),
        "late",
    ),
    (
        "semester",
        "greening",
        "春季花坛布置及草坪养护",
        "花坛四季有花，草坪覆盖率95%",
        GREEN,
        15000,
        (0, 2, 20),
        (5, 15),
        "on_time",
    ),
    (
        "semester",
        "equipment",
        "更换教室LED护眼灯",
        "24间教室照度全部达标",
        ELECTRICIAN,
        72000,
        (0, 3, 1),
        (8, 25),
        "on_time",
    ),
    (
        "semester",
        "training",
        "后勤人员消防安全培训",
        "全员参训，考核合格率100%",
        CLERK,
        3000,
        (0, 3, 1),
        (4, 30),
        "on_time",
    ),
    (
        "semester",
        "training",
        "食堂从业人员食品安全培训",
        "持证上岗率100%",
        CANTEEN,
        2000,
        (0, 3, 10),
        (5, 20),
        "on_time",
    ),
    (
        "stage",
        "equipment",
        "新增直饮水设备",
        "每层教学楼配置直饮水机2台",
        STORE,
        36000,
        (0, 4, 1),
        (6, 13),
        "on_time",
    ),
    (
        "stage",
        "repairs",
        "校门口隔离栏及减速带更换",
        "上下学时段校门口交通安全",
        GATE,
        18000,
        (0, 4, 7),
        (5, 30),
        "on_time",
    ),
    (
        "stage",
        "repairs",
        "操场跑道局部翻新",
        "修复破损跑道200平方米",
        ELECTRICIAN,
        85000,
        (0, 7, 1),
        (8, 29),
        "late",
    ),
    (
        "stage",
        "repairs",
        "暑期校舍安全大检查及维修",
        "开学前完成全部隐患整改",
        ELECTRICIAN,
        30000,
        (0, 7, 10),
        (8, 28),
        "on_time",
    ),
    (
        "stage",
        "equipment",
        "食堂冷库制冷机组更换",
        "冷库温度稳定在0–4℃",
        CANTEEN,
        48000,
        (0, 8, 1),
        (9, 30),
        "on_time",
    ),
    (
        "stage",
        "other",
        "秋季运动会后勤保障",
        "场地、器材、饮水和医疗保障到位",
        MEETING,
        8000,
        (0, 9, 15),
        (10, 24),
        "on_time",
    ),
    (
        "semester",
        "repairs",
        "宿舍楼热水系统改造",
        "住校生热水供应稳定，24小时不间断",
        ELECTRICIAN,
        25000,
        (0, 9, 1),
        (10, 31),
        "overdue",
    ),
    (
        "semester",
        "training",
        "后勤岗位技能比武",
        "开展水电、保洁、烹饪3项比武",
        CLERK,
        5000,
        (0, 9, 1),
        (11, 28),
        "on_time",
    ),
    (
        "stage",
        "other",
        "仓库物资盘点及台账信息化",
        "账物相符率100%，台账全部电子化",
        STORE,
        4000,
        (0, 10, 8),
        (12, 19),
        "on_time",
    ),
    (
        "stage",
        "greening",
        "冬季树木防寒及修剪",
        "完成全部行道树修剪和涂白",
        GREEN,
        6000,
        (0, 11, 3),
        (12, 12),
        "on_time",
    ),
)


def plan_rows(
    year: int, people: list[Person], sports_day: dt.date, rng: random.Random
) -> list[dict[str, object]]:
    year_end = D(year, 12, 31)
    rows: list[dict[str, object]] = []
    for level, category, item, target, post, budget, start, due, outcome in PLANS:
        begin = D(year + start[0], start[1], start[2])
        end = sports_day if "运动会" in item else D(year, *due)
        if outcome == "overdue":
            done, progress = None, 65
        elif outcome == "late":
            done, progress = min(end + rng.randint(4, 20) * DAY, year_end), 100
        else:
            done, progress = max(end - rng.randint(0, 12) * DAY, begin), 100
        owner = pick_owner(people, post, begin, max(end, done or end), rng)
        rows.append(
            {
                "plan_id": None,
                "level": level,
                "category": category,
                "item": item,
                "target": target,
                "staff_id": owner.staff_id,
                "start": begin,
                "due": end,
                "budget": budget,
                "progress": progress,
                "done_date": done,
            }
        )
    return rows
