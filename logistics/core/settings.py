"""The Settings sheet: keys, defaults and the typed settings object the rules use."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from .numbers import exact as exact  # re-exported: callers import it from here
from .schema import Choice, Kind


@dataclass(frozen=True)
class SettingDef:
    key: str
    zh: str
    en: str
    default: str | int | float
    kind: Kind
    min: float | None = None
    max: float | None = None
    note_zh: str = ""
    note_en: str = ""
    choices: tuple[Choice, ...] = ()  # Kind.CHOICE: the values, stored by key
    default_en: str | int | float | None = None  # when an English workbook needs another

    def label(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    def default_in(self, lang: str) -> str | int | float:
        """The default value a new workbook in ``lang`` starts with."""
        return self.default_en if lang == "en" and self.default_en is not None else self.default

    def note(self, lang: str) -> str:
        return self.note_zh if lang == "zh" else self.note_en


# SPEC 4.6: how 绩效工资 is set.
PAY_MODES = (Choice("base_coef", "基数系数", "BaseCoef"), Choice("pool", "总额分配", "Pool"))

SETTING_DEFS: tuple[SettingDef, ...] = (
    SettingDef(
        "school_name",
        "学校名称",
        "SchoolName",
        "示例实验小学",
        Kind.TEXT,
        note_zh="显示在通报和报告中",
        note_en="Shown on notices and reports",
        default_en="Sample Primary School",
    ),
    SettingDef(
        "log_points",
        "日志分满分",
        "LogPoints",
        20,
        Kind.NUMBER,
        0,
        100,
        "四项满分之和须为100",
        "The four maxima must sum to 100",
    ),
    SettingDef(
        "quantity_points",
        "数量分满分",
        "QuantityPoints",
        30,
        Kind.NUMBER,
        0,
        100,
        "四项满分之和须为100",
        "The four maxima must sum to 100",
    ),
    SettingDef(
        "quality_points",
        "质量分满分",
        "QualityPoints",
        30,
        Kind.NUMBER,
        0,
        100,
        "四项满分之和须为100",
        "The four maxima must sum to 100",
    ),
    SettingDef(
        "timeliness_points",
        "时效分满分",
        "TimelinessPoints",
        20,
        Kind.NUMBER,
        0,
        100,
        "四项满分之和须为100",
        "The four maxima must sum to 100",
    ),
    SettingDef(
        "excellent_min",
        "优秀线",
        "ExcellentMin",
        90,
        Kind.NUMBER,
        0,
        100,
        "总分不低于此线为优秀",
        "Total at or above this is Excellent",
    ),
    SettingDef(
        "good_min",
        "良好线",
        "GoodMin",
        80,
        Kind.NUMBER,
        0,
        100,
        "总分不低于此线为良好",
        "Total at or above this is Good",
    ),
    SettingDef(
        "pass_min",
        "合格线",
        "PassMin",
        60,
        Kind.NUMBER,
        0,
        100,
        "总分不低于此线为合格",
        "Total at or above this is Pass",
    ),
    SettingDef(
        "excellent_coef",
        "优秀系数",
        "ExcellentCoef",
        1.2,
        Kind.NUMBER,
        0,
        10,
        "绩效工资 = 基数 × 系数",
        "Pay = PayBase × coefficient",
    ),
    SettingDef(
        "good_coef",
        "良好系数",
        "GoodCoef",
        1.0,
        Kind.NUMBER,
        0,
        10,
        "绩效工资 = 基数 × 系数",
        "Pay = PayBase × coefficient",
    ),
    SettingDef(
        "pass_coef",
        "合格系数",
        "PassCoef",
        0.8,
        Kind.NUMBER,
        0,
        10,
        "绩效工资 = 基数 × 系数",
        "Pay = PayBase × coefficient",
    ),
    SettingDef(
        "fail_coef",
        "不合格系数",
        "FailCoef",
        0.5,
        Kind.NUMBER,
        0,
        10,
        "绩效工资 = 基数 × 系数",
        "Pay = PayBase × coefficient",
    ),
    SettingDef(
        "explained_credit",
        "解释折算",
        "ExplainedCredit",
        0.5,
        Kind.NUMBER,
        0,
        1,
        "逾期但已解释的承诺按此比例计分",
        "Credit for a late promise that was explained",
    ),
    SettingDef(
        "year_start_month",
        "年度起始月",
        "YearStartMonth",
        1,
        Kind.INT,
        1,
        12,
        "1 = 自然年；9 = 学年（9月至次年8月）",
        "1 = calendar year; 9 = school year (Sep–Aug)",
    ),
    SettingDef(
        "energy_alert_percent",
        "能耗预警阈值(%)",
        "EnergyAlertPercent",
        10,
        Kind.NUMBER,
        0,
        None,
        "同比增幅超过此值即预警",
        "Alert when year-on-year growth exceeds this",
    ),
    SettingDef(
        "meal_cap",
        "接待餐费标准",
        "MealCap",
        50,
        Kind.NUMBER,
        0,
        None,
        "接待用餐每人每餐不超过此金额（元）",
        "Reception meals: at most this many yuan per person per meal",
    ),
    SettingDef(
        "hosts_max",
        "陪餐人数上限",
        "HostsMax",
        3,
        Kind.INT,
        0,
        None,
        "陪同人数不超过此数与（来访人数 ÷ 陪餐比例分母，取整）中的较大者",
        "Hosts: at most the larger of this and guests ÷ HostsDivisor (rounded down)",
    ),
    SettingDef(
        "hosts_divisor",
        "陪餐比例分母",
        "HostsDivisor",
        3,
        Kind.INT,
        1,
        None,
        "见陪餐人数上限；3 表示陪同不超过来访人数的三分之一",
        "See HostsMax; 3 = at most a third of the guests",
    ),
    SettingDef(
        "reception_budget",
        "年度接待预算",
        "ReceptionBudget",
        0,
        Kind.NUMBER,
        0,
        None,
        "元；0 表示不设预算",
        "Yuan; 0 = no budget",
    ),
    SettingDef(
        "repeat_repairs",
        "重复报修阈值",
        "RepeatRepairs",
        3,
        Kind.INT,
        1,
        None,
        "12个月内报修达到此次数的资产或地点列为重复报修",
        "An asset or place with this many repair requests in 12 months is a repeat repair",
    ),
    SettingDef(
        "pay_mode",
        "绩效分配方式",
        "PayMode",
        "基数系数",
        Kind.CHOICE,
        note_zh="基数系数：基数 × 系数；总额分配：按“绩效总额”表的总额按分值分配",
        note_en="BaseCoef: PayBase × coefficient; Pool: share the PayPools amount by points",
        choices=PAY_MODES,
    ),
)
SETTINGS_BY_KEY = {d.key: d for d in SETTING_DEFS}
MAXIMA_KEYS = ("log_points", "quantity_points", "quality_points", "timeliness_points")
SettingValue = str | float  # a validated setting value: text or choice key, or a number


@dataclass(frozen=True)
class Settings:
    """Typed settings. Numbers are exact fractions so that rounding half up is exact."""

    school_name: str = "示例实验小学"
    log_points: Fraction = Fraction(20)
    quantity_points: Fraction = Fraction(30)
    quality_points: Fraction = Fraction(30)
    timeliness_points: Fraction = Fraction(20)
    excellent_min: Fraction = Fraction(90)
    good_min: Fraction = Fraction(80)
    pass_min: Fraction = Fraction(60)
    excellent_coef: Fraction = Fraction(6, 5)
    good_coef: Fraction = Fraction(1)
    pass_coef: Fraction = Fraction(4, 5)
    fail_coef: Fraction = Fraction(1, 2)
    explained_credit: Fraction = Fraction(1, 2)
    year_start_month: int = 1
    energy_alert_percent: Fraction = Fraction(10)
    meal_cap: Fraction = Fraction(50)
    hosts_max: int = 3
    hosts_divisor: int = 3
    reception_budget: Fraction = Fraction(0)
    repeat_repairs: int = 3
    pay_mode: str = "base_coef"  # PAY_MODES key

    @classmethod
    def from_values(cls, values: Mapping[str, SettingValue]) -> Settings:
        """Build from already-validated values keyed by setting key; missing keys take defaults."""
        # Each value gets its field's type from the setting's kind, a link by key that no
        # static type expresses: hence Any for the keyword arguments alone.
        kw: dict[str, Any] = {}
        for key, raw in values.items():
            d = SETTINGS_BY_KEY[key]
            if d.kind in (Kind.TEXT, Kind.CHOICE):
                kw[key] = str(raw)
            elif d.kind is Kind.INT:
                kw[key] = int(raw)
            else:
                kw[key] = exact(raw)
        return cls(**kw)
