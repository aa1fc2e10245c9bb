"""Words of the core's messages (look-ups, settings, assets, receptions…): key -> (zh, en)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "none_listed": ("（无）", "(none)"),
    "in_all": ("……共 {values} 个", " … {values} in all"),
    "no_logs_in_year": (
        "{year} 年度没有日志记录（截至 {as_of}），无法计算。有日志的年度：{listed}。请用 --year "
        "指定其中一个（四位数年份）。",
        "Year {year} has no logs (up to {as_of}), so there is nothing to compute. Years with "
        "logs: {listed}. Give one of them with --year (four digits).",
    ),
    "no_logs_in_quarter": (
        "{label} 没有日志记录（截至 {as_of}），无法汇总。有日志的季度：{listed}。",
        "{label} has no logs (up to {as_of}), so there is nothing to summarize. Quarters with "
        "logs: {listed}.",
    ),
    "year_outside_contract_years": (
        "{year} 年度不在可签责任状的范围内（{years}–{years2}，从最早的入职日期到下一年度）。请用 "
        "--year 写四位数年份。",
        "Year {year} is outside the years a contract can be for ({years}–{years2}: from the first "
        "start date to next year). Give --year as four digits.",
    ),
    "no_such_staff": (
        "人员表中没有工号“{staff_id}”{hint}。已有工号：{listed}。",
        "No StaffID '{staff_id}' on the Staff sheet{hint}. StaffIDs there: {listed}.",
    ),
    "no_score_to_explain": (
        "{reason}该月没有 {staff_id} 的考评，无可解释的内容。",
        "{reason} There is no score of {staff_id} for that month to explain.",
    ),
    "no_logs_in_month": (
        "{label} 没有日志记录（截至 {as_of}），该月不计算考评，也没有可通报的考评或绩效。"
        "有日志的月份：{listed}。",
        "{label} has no logs (up to {as_of}), so it is not scored and has no scores or pay to "
        "report. Months with logs: {listed}.",
    ),
    "no_readings_in_month": (
        "{label} 没有能耗读数（截至 {as_of}），无可统计或通报的内容，未写入。有读数的月份："
        "{listed}。",
        "{label} has no energy readings (up to {as_of}), so there is nothing to count or report "
        "and nothing was written. Months with readings: {listed}.",
    ),
    "meeting_months_and_ids": (
        "有会议的月份：{listed}；会议编号：{ids}。",
        "Months with meetings: {listed}; meeting IDs: {ids}.",
    ),
    "meeting_ids_of_month": ("{label} 的会议编号：{listed}。", "Meeting IDs of {label}: {listed}."),
    "month_after_as_of": (
        "{label} 在截止日期 {as_of} 之后，还没有可计算的工作日。",
        "{label} is after the as-of date {as_of}: no working days to score yet.",
    ),
    "started_after_month": (
        "{staff_id} 的入职日期是 {start}，{label} 时尚未入职。",
        "{staff_id} started on {start}, after {label}.",
    ),
    "left_before_month": (
        "{staff_id} 的离职日期是 {end}，{label} 时已离职。",
        "{staff_id} left on {end}, before {label}.",
    ),
    "no_working_days_in_month": (
        "{staff_id} 在 {label} 没有应出勤的工作日（假期、请假或截止日期之前）。",
        "{staff_id} has no working days in {label} (holidays, leave or the as-of date).",
    ),
    "setting_expected": ("应为{what}，{bounds}", "expected {what}; {bounds}"),
    "setting_expected_one": ("应为以下之一：{listed}", "expected one of: {listed}"),
    "a_whole_number": ("整数", "a whole number"),
    "a_number": ("数字", "a number"),
    "excellentmin_goodmin_passmin": (
        "优秀线 ≥ 良好线 ≥ 合格线",
        "ExcellentMin ≥ GoodMin ≥ PassMin",
    ),
    "thresholds_must_not_increase": (
        "优秀线、良好线、合格线须依次不增",
        "the thresholds must not increase in that order",
    ),
    "did_you_mean": (
        "（是否是 {near}？工号区分大小写）",
        " (did you mean {near}? IDs are case-sensitive)",
    ),
    "count_shortage": ("盘亏", "Shortage"),
    "count_surplus": ("盘盈", "Surplus"),
    "count_wrong_location": ("地点不符", "WrongLocation"),
    "count_match": ("相符", "Match"),
    "count_not_found": ("未盘到", "NotFound"),
    "meeting_notice": ("通知", "Notice"),
    "meeting_venue": ("会场布置", "Venue"),
    "meeting_sign_in": ("签到", "Sign-in"),
    "meeting_support": ("会议保障", "Support"),
    "flag_too_many_hosts": ("陪同超标", "Too many hosts"),
    "flag_meals_over_cap": ("餐费超标", "Meals over cap"),
    "flag_no_letter": ("无公函", "No letter"),
    "flag_not_approved": ("未审批", "Not approved"),
    "flag_alcohol": ("酒水", "Alcohol"),
}
