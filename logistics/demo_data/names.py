"""Names at the demo school: surnames and given names of staff and teachers, and the grades."""

from __future__ import annotations

import random

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史"
)
GIVEN = (
    "建国",
    "秀英",
    "桂兰",
    "玉兰",
    "志强",
    "秀珍",
    "海燕",
    "丽华",
    "建华",
    "红梅",
    "国庆",
    "春生",
    "德明",
    "淑芬",
    "振华",
    "永红",
    "文斌",
    "晓东",
    "翠花",
    "凤英",
    "立新",
    "素珍",
    "宏伟",
    "美玲",
    "福生",
    "金凤",
    "长江",
    "学军",
    "艳萍",
    "红霞",
    "卫东",
    "小平",
    "国华",
    "爱华",
    "国强",
    "秋菊",
    "明",
    "伟",
    "芳",
    "勇",
    "军",
    "杰",
    "娟",
    "涛",
    "敏",
    "霞",
    "平",
    "刚",
    "静",
    "强",
    "磊",
    "洋",
    "艳",
    "斌",
    "燕",
    "慧",
    "琴",
    "鹏",
    "辉",
    "华",
)
GRADES = "一二三四五六"


def distinct_names(count: int, rng: random.Random) -> list[str]:
    """Distinct names: surname + given name, numbered only past the 6,000 combinations."""
    pool = [s + g for s in SURNAMES for g in GIVEN]
    rng.shuffle(pool)
    return [
        pool[i % len(pool)] + (str(i // len(pool) + 1) if i >= len(pool) else "")
        for i in range(count)
    ]
