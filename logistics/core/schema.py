"""Declarative definition of every sheet: the one source of truth for labels.

The builder lays sheets out from these definitions, the reader maps header labels (zh or
en) to column keys with them, and the validator derives its checks from them. Column and
sheet keys are the stable identifiers used everywhere in code; labels are for people.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypedDict, Unpack


class Kind(StrEnum):
    TEXT = "text"
    INT = "int"
    NUMBER = "number"
    DATE = "date"
    BOOL = "bool"  # 是/否, Yes/No
    CHOICE = "choice"  # enumeration with zh/en labels


@dataclass(frozen=True)
class Choice:
    key: str
    zh: str
    en: str

    def label(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True)
class Column:
    key: str
    zh: str
    en: str
    kind: Kind = Kind.TEXT
    required: bool = False
    unique: bool = False
    min: float | None = None
    max: float | None = None
    choices: tuple[Choice, ...] = ()
    width: float = 12
    num_format: str | None = None  # output sheets: Excel number format

    def label(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    def choice_for(self, text: str) -> Choice | None:
        """The choice whose zh label, en label or key equals ``text`` (case-insensitive for en)."""
        folded = text.strip().casefold()
        for c in self.choices:
            if folded in (c.zh.casefold(), c.en.casefold(), c.key.casefold()):
                return c
        return None


@dataclass(frozen=True)
class Sheet:
    key: str
    zh: str
    en: str
    columns: tuple[Column, ...]
    owned: bool = False  # output sheet: rewritten by the tool, never typed into
    required: bool = True  # must exist in a workbook (Calendar is optional)
    period: str | None = None  # owned sheets: column key of the period their rows belong to
    table: str = field(default="")  # Excel table (ListObject) name for input sheets

    def label(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    def column(self, key: str) -> Column:
        for c in self.columns:
            if c.key == key:
                return c
        raise KeyError(key)


YES_NO = (Choice("yes", "是", "Yes"), Choice("no", "否", "No"))


class _YesNoOptions(TypedDict, total=False):
    """The options of a ``Column`` a 是/否 column may set (its choices and width are fixed)."""

    required: bool
    unique: bool
    num_format: str | None


class _ColumnOptions(_YesNoOptions, total=False):
    """The optional fields of ``Column``, as keyword arguments of ``_col``."""

    min: float | None
    max: float | None
    choices: tuple[Choice, ...]
    width: float


def _col(
    key: str, zh: str, en: str, kind: Kind = Kind.TEXT, **kw: Unpack[_ColumnOptions]
) -> Column:
    return Column(key, zh, en, kind, **kw)


def _yes_no(key: str, zh: str, en: str, **kw: Unpack[_YesNoOptions]) -> Column:
    return Column(key, zh, en, Kind.BOOL, choices=YES_NO, width=8, **kw)


D = Kind.DATE
N = Kind.NUMBER
I = Kind.INT  # noqa: E741
C = Kind.CHOICE

POSTS = Sheet(
    "posts",
    "岗位",
    "Posts",
    table="tblPosts",
    columns=(
        _col("post_id", "岗位编号", "PostID", required=True, unique=True, width=10),
        _col("post", "岗位名称", "Post", required=True, width=14),
        _col("duties", "工作职责", "Duties", width=40),
        _col("quality_standard", "质量标准", "QualityStandard", width=30),
        _col("quantity_standard", "数量标准", "QuantityStandard", width=30),
        _col("monthly_target", "月度数量目标", "MonthlyTarget", I, min=0, width=12),
        _col("time_limit_hours", "时限要求(小时)", "TimeLimitHours", N, min=0, width=12),
    ),
)

STAFF = Sheet(
    "staff",
    "人员",
    "Staff",
    table="tblStaff",
    columns=(
        _col("staff_id", "工号", "StaffID", required=True, unique=True, width=10),
        _col("name", "姓名", "Name", required=True, width=10),
        _col("post_id", "岗位编号", "PostID", required=True, width=10),
        _col("start_date", "入职日期", "StartDate", D, required=True),
        _col("end_date", "离职日期", "EndDate", D),
        _col("pay_base", "绩效工资基数", "PayBase", N, min=0, width=12),
    ),
)

STATUS = (
    Choice("done", "完成", "Done"),
    Choice("undone", "未完成", "Undone"),
    Choice("postponed", "延期", "Postponed"),
)
LOGS = Sheet(
    "logs",
    "日志",
    "Logs",
    table="tblLogs",
    columns=(
        _col("date", "日期", "Date", D, required=True),
        _col("staff_id", "工号", "StaffID", required=True, width=10),
        _col("content", "工作内容", "Content", required=True, width=36),
        _col("units", "完成数量", "Units", I, min=0, width=10),
        _col("hours", "用时(小时)", "Hours", N, min=0, max=24, width=10),
        _col("status", "状态", "Status", C, required=True, choices=STATUS, width=10),
        _col("notes", "备注", "Notes", width=24),
    ),
)

INSPECTIONS = Sheet(
    "inspections",
    "检查",
    "Inspections",
    table="tblInspections",
    columns=(
        _col("date", "日期", "Date", D, required=True),
        _col("staff_id", "工号", "StaffID", required=True, width=10),
        _col("item", "检查项目", "Item", required=True, width=24),
        _col("points", "加减分", "Points", N, required=True, min=-10, max=10, width=10),
        _col("reason", "说明", "Reason", width=30),
        _col("inspector", "检查人", "Inspector", width=10),
    ),
)

SCALE = (
    Choice("large", "大型", "Large"),
    Choice("medium", "中型", "Medium"),
    Choice("small", "小型", "Small"),
)
URGENCY = (Choice("urgent", "紧急", "Urgent"), Choice("normal", "一般", "Normal"))
MEETINGS = Sheet(
    "meetings",
    "会务",
    "Meetings",
    table="tblMeetings",
    columns=(
        _col("meeting_id", "编号", "MeetingID", required=True, unique=True, width=10),
        _col("date", "日期", "Date", D, required=True),
        _col("title", "会议名称", "Title", required=True, width=24),
        _col("scale", "规模", "Scale", C, required=True, choices=SCALE, width=8),
        _col("urgency", "紧急程度", "Urgency", C, required=True, choices=URGENCY, width=10),
        _col("staff_id", "负责人", "StaffID", required=True, width=10),
        _yes_no("notice", "通知", "Notice"),
        _yes_no("venue", "会场布置", "Venue"),
        _yes_no("sign_in", "签到", "SignIn"),
        _yes_no("support", "会议保障", "Support"),
        _col("issues", "问题记录", "Issues", width=24),
    ),
)

ENERGY_KIND = (Choice("electricity", "电", "Electricity"), Choice("water", "水", "Water"))
CHECK_TYPE = (
    Choice("weekly", "周查", "Weekly"),
    Choice("monthly", "月联查", "Monthly"),
    Choice("replacement", "换表", "Replacement"),
)
ENERGY = Sheet(
    "energy",
    "能耗",
    "Energy",
    table="tblEnergy",
    columns=(
        _col("date", "日期", "Date", D, required=True),
        _col("meter", "表计", "Meter", required=True, width=14),
        _col("kind", "类别", "Kind", C, required=True, choices=ENERGY_KIND, width=8),
        _col("reading", "读数", "Reading", N, required=True, min=0, width=12),
        _col("check_type", "检查类型", "CheckType", C, required=True, choices=CHECK_TYPE, width=10),
        _col("staff_id", "检查人", "StaffID", width=10),
        _col("finding", "发现问题", "Finding", width=24),
        _yes_no("fixed", "已整改", "Fixed"),
        _col("reading_after", "换表后读数", "ReadingAfter", N, min=0, width=12),
    ),
)

PLAN_LEVEL = (
    Choice("long_term", "长期", "LongTerm"),
    Choice("school_year", "学年", "SchoolYear"),
    Choice("semester", "学期", "Semester"),
    Choice("stage", "阶段", "Stage"),
)
PLAN_CATEGORY = (
    Choice("repairs", "校舍维修", "Repairs"),
    Choice("equipment", "设备添置", "Equipment"),
    Choice("greening", "环境绿化", "Greening"),
    Choice("training", "队伍建设", "Training"),
    Choice("other", "其他", "Other"),
)
PLANS = Sheet(
    "plans",
    "计划",
    "Plans",
    table="tblPlans",
    columns=(
        _col("plan_id", "编号", "PlanID", required=True, unique=True, width=10),
        _col("level", "层级", "Level", C, required=True, choices=PLAN_LEVEL, width=8),
        _col("category", "类别", "Category", C, required=True, choices=PLAN_CATEGORY, width=10),
        _col("item", "项目", "Item", required=True, width=24),
        _col("target", "目标", "Target", width=24),
        _col("staff_id", "负责人", "StaffID", required=True, width=10),
        _col("start", "开始日期", "Start", D, required=True),
        _col("due", "截止日期", "Due", D, required=True),
        _col("budget", "预算(元)", "Budget", N, min=0, width=12),
        _col("progress", "进度(%)", "Progress", N, min=0, max=100, width=10),
        _col("done_date", "完成日期", "DoneDate", D),
    ),
)

REQUEST_CATEGORY = (
    Choice("repair", "报修", "Repair"),
    Choice("service", "服务", "Service"),
    Choice("other", "其他", "Other"),
)
REQUESTS = Sheet(
    "requests",
    "诉求",
    "Requests",
    table="tblRequests",
    columns=(
        _col("request_id", "编号", "RequestID", required=True, unique=True, width=10),
        _col("date", "提出日期", "Date", D, required=True),
        _col("requester", "提出人", "Requester", required=True, width=10),
        _col("content", "内容", "Content", required=True, width=30),
        _yes_no("urgent", "紧急", "Urgent"),
        _yes_no("promised", "承诺", "Promised"),
        _col("promised_date", "承诺完成日期", "PromisedDate", D, width=14),
        _col("staff_id", "负责人", "StaffID", required=True, width=10),
        _col("done_date", "完成日期", "DoneDate", D),
        _col("explanation", "解释说明", "Explanation", width=30),
        # Optional (SPEC 3.1, issue 13): workbooks without them still read.
        _col("category", "类别", "Category", C, choices=REQUEST_CATEGORY, width=10),
        _col("asset_id", "资产编号", "AssetID", width=12),
        _col("location", "地点", "Location", width=14),
        _col("satisfaction", "满意度", "Satisfaction", I, min=1, max=5, width=8),
    ),
)

SETTINGS = Sheet(
    "settings",
    "设置",
    "Settings",
    table="tblSettings",
    columns=(
        _col("key", "项目", "Key", required=True, width=18),
        _col("value", "值", "Value", width=16),
        _col("note", "说明", "Note", width=50),
    ),
)

DAY_TYPE = (Choice("holiday", "放假", "Holiday"), Choice("workday", "补班", "Workday"))
CALENDAR = Sheet(
    "calendar",
    "日历",
    "Calendar",
    table="tblCalendar",
    required=False,
    columns=(
        _col("date", "日期", "Date", D, required=True, unique=True),
        _col("type", "类型", "Type", C, required=True, choices=DAY_TYPE, width=10),
        _col("note", "说明", "Note", width=30),
    ),
)

# ---- leave, transfers and pay pools (SPEC 3.1; optional sheets) --------------------------
LEAVE_TYPE = (
    Choice("personal", "事假", "Personal"),
    Choice("sick", "病假", "Sick"),
    Choice("annual", "年休假", "Annual"),
    Choice("family", "婚丧假", "Family"),
    Choice("maternity", "产假", "Maternity"),
    Choice("business", "公出", "Business"),
    Choice("other", "其他", "Other"),
)
LEAVE = Sheet(
    "leave",
    "请假",
    "Leave",
    table="tblLeave",
    required=False,
    columns=(
        _col("staff_id", "工号", "StaffID", required=True, width=10),
        _col("start", "开始日期", "Start", D, required=True),
        _col("end", "结束日期", "End", D, required=True),
        _col("type", "类型", "Type", C, required=True, choices=LEAVE_TYPE, width=10),
        _col("note", "说明", "Note", width=30),
    ),
)

TRANSFERS = Sheet(
    "transfers",
    "调岗",
    "Transfers",
    table="tblTransfers",
    required=False,
    columns=(
        _col("staff_id", "工号", "StaffID", required=True, width=10),
        _col("effective_date", "生效日期", "EffectiveDate", D, required=True),
        _col("from_post_id", "原岗位编号", "FromPostID", required=True, width=12),
        _col("to_post_id", "新岗位编号", "ToPostID", required=True, width=12),
        _col("note", "说明", "Note", width=30),
    ),
)

# 期间 is text on purpose: `2026-03`, a date Excel made of it, or the number 2026 all come
# in; logistics.core.pay_pools reads them (and checks uniqueness on what they mean).
PAY_POOLS = Sheet(
    "pay_pools",
    "绩效总额",
    "PayPools",
    table="tblPayPools",
    required=False,
    columns=(
        _col("period", "期间", "Period", required=True, width=10),
        _col("amount", "总额(元)", "Amount", N, required=True, min=0, width=14),
        _col("note", "说明", "Note", width=30),
    ),
)

MONEY_FMT = "#,##0.00"
RECEPTIONS = Sheet(
    "receptions",
    "接待",
    "Receptions",
    table="tblReceptions",
    required=False,
    columns=(
        _col("reception_id", "编号", "ReceptionID", required=True, unique=True, width=12),
        _col("date", "日期", "Date", D, required=True),
        _col("visitor", "来访单位", "Visitor", required=True, width=22),
        _col("purpose", "事由", "Purpose", required=True, width=24),
        _yes_no("official_letter", "公函", "OfficialLetter"),
        _col("approver", "审批人", "Approver", width=10),
        _col("approved_date", "审批日期", "ApprovedDate", D),
        _col("guests", "来访人数", "Guests", I, required=True, min=1, width=10),
        _col("hosts", "陪同人数", "Hosts", I, min=0, width=10),
        _col("meals", "用餐次数", "Meals", I, min=0, width=10),
        _col("meal_cost", "餐费(元)", "MealCost", N, min=0, width=12, num_format=MONEY_FMT),
        _col("lodging_cost", "住宿费(元)", "LodgingCost", N, min=0, width=12, num_format=MONEY_FMT),
        _col("other_cost", "其他费用(元)", "OtherCost", N, min=0, width=12, num_format=MONEY_FMT),
        _yes_no("alcohol", "酒水", "Alcohol"),
        _col("staff_id", "负责人", "StaffID", required=True, width=10),
        _col("notes", "备注", "Notes", width=24),
    ),
)

# School property (SPEC 3.1, 4.8): optional input sheets.
ASSET_CATEGORY = (
    Choice("buildings", "房屋及构筑物", "Buildings"),
    Choice("general", "通用设备", "GeneralEquipment"),
    Choice("special", "专用设备", "SpecialEquipment"),
    Choice("books", "图书档案", "Books"),
    Choice("furniture", "家具用具", "Furniture"),
    Choice("consumables", "低值易耗品", "Consumables"),
    Choice("other", "其他", "Other"),
)
ASSET_STATUS = (
    Choice("in_use", "在用", "InUse"),
    Choice("idle", "闲置", "Idle"),
    Choice("repair", "维修", "Repair"),
    Choice("disposed", "报废", "Disposed"),
)
ASSETS = Sheet(
    "assets",
    "资产",
    "Assets",
    table="tblAssets",
    required=False,
    columns=(
        _col("asset_id", "资产编号", "AssetID", required=True, unique=True, width=12),
        _col("name", "资产名称", "Name", required=True, width=18),
        _col("category_code", "分类代码", "CategoryCode", width=12),
        _col("category", "类别", "Category", C, required=True, choices=ASSET_CATEGORY, width=14),
        _col("model", "规格型号", "Model", width=16),
        _col("quantity", "数量", "Quantity", I, required=True, min=1, width=8),
        _col("unit_price", "单价(元)", "UnitPrice", N, min=0, width=12),
        _col("purchase_date", "购置日期", "PurchaseDate", D, required=True),
        _col("location", "存放地点", "Location", required=True, width=14),
        _col("department", "使用部门", "Department", width=12),
        _col("staff_id", "保管人", "StaffID", width=10),
        _col("status", "状态", "Status", C, required=True, choices=ASSET_STATUS, width=8),
        _col("disposed_date", "报废日期", "DisposedDate", D),
        _col("notes", "备注", "Notes", width=24),
    ),
)
LOANS = Sheet(
    "loans",
    "借用",
    "Loans",
    table="tblLoans",
    required=False,
    columns=(
        _col("asset_id", "资产编号", "AssetID", required=True, width=12),
        _col("borrower", "借用人", "Borrower", required=True, width=16),
        _col("out", "借出日期", "Out", D, required=True),
        _col("due", "应还日期", "Due", D, required=True),
        _col("returned", "归还日期", "Returned", D),
        _col("staff_id", "经办人", "StaffID", width=10),
    ),
)
COUNTS = Sheet(
    "counts",
    "盘点",
    "Counts",
    table="tblCounts",
    required=False,
    columns=(
        _col("date", "盘点日期", "Date", D, required=True),
        _col("asset_id", "资产编号", "AssetID", width=12),
        _col("name", "资产名称", "Name", width=18),
        _col("location", "实际地点", "Location", required=True, width=14),
        _col("counted", "实存数量", "Counted", I, required=True, min=0, width=10),
        _col("staff_id", "盘点人", "StaffID", width=10),
        _col("notes", "备注", "Notes", width=24),
    ),
)

# ---- output sheets ------------------------------------------------------------------
SCORE_FMT = "0.0"
PAY_FMT = "#,##0.00"

SCORES = Sheet(
    "scores",
    "考评",
    "Scores",
    owned=True,
    period="month",
    columns=(
        _col("month", "月份", "Month", width=10),
        _col("staff_id", "工号", "StaffID", width=10),
        _col("name", "姓名", "Name", width=10),
        _col("post", "岗位", "Post", width=14),
        _col("log_score", "日志分", "LogScore", N, num_format=SCORE_FMT, width=9),
        _col("quantity_score", "数量分", "QuantityScore", N, num_format=SCORE_FMT, width=9),
        _col("quality_score", "质量分", "QualityScore", N, num_format=SCORE_FMT, width=9),
        _col("timeliness_score", "时效分", "TimelinessScore", N, num_format=SCORE_FMT, width=9),
        _col("total", "总分", "Total", N, num_format=SCORE_FMT, width=9),
        _col("grade", "等级", "Grade", width=8),
        _col("rank", "名次", "Rank", I, num_format="0", width=7),
        _col("coef", "绩效系数", "PayCoef", N, num_format="0.00", width=9),
        _col("pay", "绩效工资", "Pay", N, num_format=PAY_FMT, width=12),
    ),
)

QUARTERLY = Sheet(
    "quarterly",
    "季度汇总",
    "Quarterly",
    owned=True,
    period="quarter",
    columns=(
        _col("quarter", "季度", "Quarter", width=10),
        _col("staff_id", "工号", "StaffID", width=10),
        _col("name", "姓名", "Name", width=10),
        _col("post", "岗位", "Post", width=14),
        _col("months", "月数", "Months", I, num_format="0", width=7),
        _col("average", "平均分", "Average", N, num_format=SCORE_FMT, width=9),
        _col("grade", "等级", "Grade", width=8),
        _col("rank", "名次", "Rank", I, num_format="0", width=7),
    ),
)

ANNUAL = Sheet(
    "annual",
    "年终排名",
    "Annual",
    owned=True,
    period="year",
    columns=(
        _col("year", "年度", "Year", I, num_format="0", width=8),
        _col("staff_id", "工号", "StaffID", width=10),
        _col("name", "姓名", "Name", width=10),
        _col("post", "岗位", "Post", width=14),
        _col("months", "月数", "Months", I, num_format="0", width=7),
        _col("score", "年度得分", "AnnualScore", N, num_format=SCORE_FMT, width=10),
        _col("grade", "等级", "Grade", width=8),
        _col("rank", "名次", "Rank", I, num_format="0", width=7),
        _col("pay", "全年绩效工资", "AnnualPay", N, num_format=PAY_FMT, width=14),
        _col("year_end_pay", "年终绩效", "YearEndPay", N, num_format=PAY_FMT, width=12),
    ),
)

ENERGY_STATS = Sheet(
    "energy_stats",
    "能耗统计",
    "EnergyStats",
    owned=True,
    period="month",
    columns=(
        _col("month", "月份", "Month", width=10),
        _col("meter", "表计", "Meter", width=14),
        _col("kind", "类别", "Kind", width=8),
        _col("usage", "用量", "Usage", N, num_format="0.##", width=10),
        _col("last_year", "去年同期", "LastYear", N, num_format="0.##", width=10),
        _col("yoy", "同比(%)", "YoY(%)", N, num_format=SCORE_FMT, width=9),
        _col("alert", "预警", "Alert", width=7),
        _col("weekly_checks", "周查次数", "WeeklyChecks", I, num_format="0", width=9),
        _col("open_findings", "未整改问题", "OpenFindings", I, num_format="0", width=10),
    ),
)

RECEPTION_STATS = Sheet(
    "reception_stats",
    "接待统计",
    "ReceptionStats",
    owned=True,
    period="month",
    columns=(
        _col("month", "月份", "Month", width=10),
        _col("receptions", "接待批次", "Receptions", I, num_format="0", width=9),
        _col("guests", "来访人次", "Guests", I, num_format="0", width=9),
        _col("hosts", "陪同人次", "Hosts", I, num_format="0", width=9),
        _col("meal_cost", "餐费", "MealCost", N, num_format=PAY_FMT, width=12),
        _col("lodging_cost", "住宿费", "LodgingCost", N, num_format=PAY_FMT, width=12),
        _col("other_cost", "其他费用", "OtherCost", N, num_format=PAY_FMT, width=12),
        _col("total", "合计", "Total", N, num_format=PAY_FMT, width=12),
        _col("flagged", "问题批次", "Flagged", I, num_format="0", width=9),
        _col("year_to_date", "本年累计", "YearToDate", N, num_format=PAY_FMT, width=13),
        _col("budget", "年度预算", "Budget", N, num_format=PAY_FMT, width=13),
        _col("budget_used", "预算执行率(%)", "BudgetUsed(%)", N, num_format=SCORE_FMT, width=12),
    ),
)

ASSET_STATS = Sheet(
    "asset_stats",
    "资产统计",
    "AssetStats",
    owned=True,
    period="as_of",
    columns=(
        _col("as_of", "截止日期", "AsOf", width=12),
        _col("category", "类别", "Category", width=14),
        _col("location", "存放地点", "Location", width=14),
        _col("items", "资产条数", "Items", I, num_format="0", width=9),
        _col("quantity", "数量", "Quantity", I, num_format="0", width=8),
        _col("amount", "金额(元)", "Amount", N, num_format=PAY_FMT, width=14),
        _col("idle", "闲置数量", "IdleQuantity", I, num_format="0", width=9),
        _col("in_repair", "维修数量", "RepairQuantity", I, num_format="0", width=9),
    ),
)

COUNT_RESULT = Sheet(
    "count_result",
    "盘点结果",
    "CountResult",
    owned=True,
    period="year",
    columns=(
        _col("year", "盘点年度", "CountYear", I, num_format="0", width=9),
        _col("asset_id", "资产编号", "AssetID", width=12),
        _col("name", "资产名称", "Name", width=18),
        _col("book_location", "账面地点", "BookLocation", width=14),
        _col("actual_location", "实际地点", "ActualLocation", width=14),
        _col("book_quantity", "账面数量", "BookQuantity", I, num_format="0", width=9),
        _col("counted", "实存数量", "Counted", I, num_format="0", width=9),
        _col("difference", "差异", "Difference", I, num_format="0", width=7),
        _col("result", "结果", "Result", width=16),
    ),
)

VALIDATION = Sheet(
    "validation",
    "校验结果",
    "Validation",
    owned=True,
    columns=(
        _col("sheet", "工作表", "Sheet", width=10),
        _col("row", "行", "Row", I, num_format="0", width=7),
        _col("column", "列", "Column", width=14),
        _col("value", "值", "Value", width=16),
        _col("severity", "级别", "Severity", width=8),
        _col("message", "问题", "Problem", width=70),
    ),
)

INPUT_SHEETS: tuple[Sheet, ...] = (
    POSTS,
    STAFF,
    LOGS,
    INSPECTIONS,
    MEETINGS,
    ENERGY,
    PLANS,
    REQUESTS,
    SETTINGS,
    CALENDAR,
    LEAVE,
    TRANSFERS,
    PAY_POOLS,
    RECEPTIONS,
    ASSETS,
    LOANS,
    COUNTS,
)
OUTPUT_SHEETS: tuple[Sheet, ...] = (
    SCORES,
    QUARTERLY,
    ANNUAL,
    ENERGY_STATS,
    RECEPTION_STATS,
    ASSET_STATS,
    COUNT_RESULT,
    VALIDATION,
)
ALL_SHEETS: tuple[Sheet, ...] = INPUT_SHEETS + OUTPUT_SHEETS
SHEETS: dict[str, Sheet] = {s.key: s for s in ALL_SHEETS}

HOME = ("home", "控制台", "Home")
# Home-sheet input cells: key, zh label, en label. Readers find them by label (column A),
# the value sits in the cell to the right.
HOME_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("month", "考核月份", "Month"),
    ("year", "考核年度", "Year"),
    ("as_of", "截止日期", "AsOf"),
    ("status", "运行状态", "Status"),
)
XLWINGS_CONF = "xlwings.conf"

GRADES = (
    Choice("excellent", "优秀", "Excellent"),
    Choice("good", "良好", "Good"),
    Choice("pass", "合格", "Pass"),
    Choice("fail", "不合格", "Fail"),
)
SEVERITY = (Choice("error", "错误", "Error"), Choice("warning", "警告", "Warning"))


def label_key(text: str) -> str:
    """How labels are compared: full-width forms folded (（小时） = (小时)), spaces and case
    ignored, so a header typed with a Chinese input method still matches."""
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()


def sheet_by_label(label: str) -> Sheet | None:
    """The sheet whose zh or en name is ``label``."""
    key = label_key(label)
    for s in ALL_SHEETS:
        if key in (label_key(s.zh), label_key(s.en)):
            return s
    return None


def yes_no_label(value: bool, lang: str) -> str:
    return YES_NO[0 if value else 1].label(lang)
