"""Message templates of validation problems, one entry ``problem_<code>`` a problem code:
key -> (zh, en). Each says what is wrong and how to fix it. Placeholders: ``{value}`` (what
the cell holds), ``{column}`` (its label) and any ``params`` of the problem (SPEC §7).
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "problem_sheet_missing": (
        "缺少工作表“{sheet_label}”。请按模板添加该工作表（可用 logistics new 生成空白模板）。",
        "Sheet '{sheet_label}' is missing. Add it as in the template (logistics new makes a blank "
        "one).",
    ),
    "problem_column_missing": (
        "缺少列“{column}”。请在表头行添加该列，列名须与模板一致。",
        "Column '{column}' is missing. Add it to the header row, named exactly as in the template.",
    ),
    "problem_required": (
        "“{column}”为必填项，不能为空。请填写后重新运行。",
        "'{column}' is required and is empty. Fill it in and run again.",
    ),
    "problem_not_a_number": (
        "“{value}”不是数字。请在“{column}”中填写数字。",
        "'{value}' is not a number. Enter a number in '{column}'.",
    ),
    "problem_not_an_integer": (
        "“{value}”不是整数。请在“{column}”中填写整数。",
        "'{value}' is not a whole number. Enter a whole number in '{column}'.",
    ),
    "problem_not_a_date": (
        "“{value}”不是日期。请按 2025-03-07 的格式填写日期。",
        "'{value}' is not a date. Enter a date such as 2025-03-07.",
    ),
    "problem_bad_choice": (
        "“{value}”不是可选值。请从下拉列表中选择：{choices}。",
        "'{value}' is not one of the allowed values. Choose one of: {choices}.",
    ),
    "problem_out_of_range": ("“{value}”超出范围：{range}。", "'{value}' is out of range: {range}."),
    "problem_duplicate_id": (
        "编号“{value}”重复（第 {first_row} 行已使用）。每个编号只能出现一次。",
        "ID '{value}' is used twice (first on row {first_row}). Each ID must be unique.",
    ),
    "problem_unknown_staff": (
        "工号“{value}”不在“人员”表中。请先在人员表登记，或改正工号。",
        "StaffID '{value}' is not on the Staff sheet. Add the person there first or correct the "
        "ID.",
    ),
    "problem_unknown_post": (
        "岗位编号“{value}”不在“岗位”表中。请先在岗位表登记，或改正编号。",
        "PostID '{value}' is not on the Posts sheet. Add the post there first or correct the ID.",
    ),
    "problem_before_start": (
        "日期 {value} 早于该人员的入职日期 {start}。请核对日期或入职日期。",
        "Date {value} is before this person's StartDate {start}. Check the date or the StartDate.",
    ),
    "problem_after_end": (
        "日期 {value} 晚于该人员的离职日期 {end}。请核对日期或离职日期。",
        "Date {value} is after this person's EndDate {end}. Check the date or the EndDate.",
    ),
    "problem_end_before_start": (
        "“{column}” {value} 早于“{other}” {other_value}。请改正日期。",
        "'{column}' {value} is before '{other}' {other_value}. Correct the dates.",
    ),
    "problem_reading_after_missing": (
        "换表行缺少“{column}”。请填写新表安装时的起始读数。",
        "A replacement row needs '{column}': enter the new meter's first reading.",
    ),
    "problem_reading_after_unexpected": (
        "只有检查类型为“换表”的行才填写“{column}”。请清空此格，或把检查类型改为“换表”。",
        "'{column}' is only for rows whose check type is 'Replacement': clear it, or set the "
        "check type to 'Replacement'.",
    ),
    "problem_replacement_same_day": (
        "该表计在 {value} 换表，同一天不能再有其他读数行。请把这一行的读数并入换表行，"
        "或改到其他日期。",
        "This meter was replaced on {value}; no other row of it may share that day. Merge this "
        "reading into the replacement row or date it another day.",
    ),
    "problem_reading_decreased": (
        "读数 {value} 低于该表计 {prev_date} 的读数 "
        "{prev_value}。累计读数不会减少，请核对读数或日期；若更换了表计，"
        "请在换表当天填一行“换表”，读数填旧表最后读数，换表后读数填新表起始读数。",
        "Reading {value} is below the reading {prev_value} of {prev_date} for this meter. "
        "Cumulative readings never go down: check the reading or the date. If the meter was "
        "replaced, add a 'Replacement' row on that day with the old meter's last reading as "
        "Reading and the new meter's first as ReadingAfter.",
    ),
    "problem_promised_date_missing": (
        "已承诺（承诺 = 是）但未填写承诺完成日期。请填写日期，或把承诺改为“否”。",
        "Promised = Yes but PromisedDate is empty. Enter the date, or set Promised to No.",
    ),
    "problem_reason_missing": (
        "加减分不为 0 时必须填写说明。请写明加分或扣分的原因。",
        "Points are not 0, so a Reason is required. Say why points were given or taken.",
    ),
    "problem_maxima_sum": (
        "日志分、数量分、质量分、时效分的满分之和为 {value}，应为 100。请在“设置”表中调整。",
        "LogPoints + QuantityPoints + QualityPoints + TimelinessPoints = {value}; they must sum "
        "to 100. Adjust them on the Settings sheet.",
    ),
    "problem_setting_invalid": (
        "设置“{key}”的值“{value}”无效：{expected}。",
        "Setting '{key}' has the invalid value '{value}': {expected}.",
    ),
    "problem_setting_unknown": (
        "未知的设置项“{value}”，已忽略。可用的项目见模板中的“设置”表。",
        "Unknown setting '{value}' was ignored. The template's Settings sheet lists the known "
        "keys.",
    ),
    "problem_setting_duplicate": (
        "设置项“{value}”出现了两次（第 {first_row} 行已设置）。请删除其中一行。",
        "Setting '{value}' appears twice (first on row {first_row}). Delete one of the rows.",
    ),
    "problem_after_as_of": (
        "日期 {value} 晚于截止日期 {as_of}，本次计算不计入。",
        "Date {value} is after the as-of date {as_of} and is not counted in this run.",
    ),
    "problem_duplicate_log": (
        "与第 {first_row} 行重复（同一日期、同一人员、同一工作内容）。如为重复录入，请删除一行。",
        "Same date, person and content as row {first_row}. If it was entered twice, delete one "
        "row.",
    ),
    "problem_promise_overdue": (
        "承诺完成日期 {value} 已过，但既未填写完成日期，也未填写解释说明。"
        "请及时办结或向提出人解释。",
        "PromisedDate {value} has passed with neither DoneDate nor Explanation. Finish it, or "
        "explain to the requester.",
    ),
    "problem_reading_missing": (
        "表计“{value}”缺少 {period} 月末或之前的读数，{month} 的用量无法计算。请补录读数。",
        "Meter '{value}' has no reading by the end of {period}, so its use in {month} cannot be "
        "computed. Add the reading.",
    ),
    "problem_cell_error": (
        "单元格是错误值 {value}（公式出错），不是“{column}”应填的内容。请改正公式，或直接填写。",
        "The cell holds the error value {value} (a formula went wrong), not a value for "
        "'{column}'. Correct the formula or type the value in.",
    ),
    "problem_formula_not_computed": (
        "单元格是公式 {value}，但文件中没有保存它的计算结果（常见于其他程序生成的文件）。请在 "
        "Excel 或 WPS 中打开并保存一次，或直接填写数值。",
        "The cell holds the formula {value} but the file has no computed result for it (common in "
        "files written by other programs). Open and save it once in Excel or WPS, or type the "
        "value in.",
    ),
    "problem_merged_cells": (
        "表格中的单元格 {cells} 被合并了，合并后只有第一行有值。请取消合并，并在每一行都填写。",
        "Cells {cells} of the table are merged, so only the first row has a value. Unmerge them "
        "and fill in every row.",
    ),
    "problem_month_not_recorded": (
        "{month} 在截止日期 {as_of} 前没有任何日志，不是已记录的月份，不计算考评；"
        "该月的旧结果（如有）已删除。请先录入该月日志。",
        "{month} has no log rows up to the as-of date {as_of}, so it is not a recorded month and "
        "is not scored; any earlier results for it were removed. Enter the month's logs first.",
    ),
    "problem_period_not_recorded": (
        "{period} 在截止日期 {as_of} 前没有已记录的月份（没有日志），未计算结果；其旧结果（如有）"
        "已删除。",
        "{period} has no recorded month (no log rows) up to the as-of date {as_of}; nothing was "
        "computed, and any earlier results for it were removed.",
    ),
    "problem_calendar_not_covered": (
        "官方节假日日历不包含 {value} 年，已按周一至周五计算工作日。"
        "请在“日历”表中填写该年的放假和补班日期。",
        "The official holiday calendar does not cover {value}; Monday to Friday were used as "
        "working days. Fill in that year's holidays and make-up days on the Calendar sheet.",
    ),
    "problem_reception_meals_missing": (
        "有餐费 {cost} 元但用餐次数为 0 或空白。请填写用餐次数，或把餐费改为 0。",
        "MealCost is {cost} yuan but Meals is 0 or blank. Enter the number of meals, or set "
        "MealCost to 0.",
    ),
    "problem_reception_hosts_over": (
        "陪同超标：陪同 {value} 人，来访 {guests} 人时最多 {cap} 人（不超过 {hosts_max} "
        "人，或来访人数的 1/{divisor}）。请减少陪同或说明原因。",
        "Too many hosts: {value} for {guests} guests, at most {cap} ({hosts_max}, or 1/{divisor} "
        "of the guests). Reduce the hosts or explain why.",
    ),
    "problem_reception_meal_over": (
        "餐费超标：{value} 元 ÷（{people} 人 × {meals} 餐）= 每人每餐 {per_meal} 元，超过标准 "
        "{cap} 元。请核对餐费或说明原因。",
        "Meals over the cap: {value} yuan ÷ ({people} people × {meals} meals) = {per_meal} yuan "
        "per person-meal, above the cap of {cap}. Check the cost or explain.",
    ),
    "problem_reception_no_letter": (
        "无公函：接待应凭来访单位公函。请补交公函后把“公函”改为“是”。",
        "No official letter: a reception needs the visitor's official letter. File it, then set "
        "OfficialLetter to Yes.",
    ),
    "problem_reception_unapproved": (
        "未审批：未填写审批日期，接待须在来访前（含当日）审批。已审批的请填写审批日期，"
        "未审批的请补办审批并说明原因。",
        "Not approved: no ApprovedDate, and a reception must be approved by the day of the visit. "
        "If it was approved, enter the date; if not, get it approved and explain why.",
    ),
    "problem_reception_approved_late": (
        "未审批：审批日期 {value} 晚于接待日期 {date}，接待须在来访前（含当日）审批。"
        "请在备注中说明事后审批的原因。",
        "Not approved: approved on {value}, after the visit on {date}; a reception must be "
        "approved by the day of the visit. Explain in Notes why it was approved afterwards.",
    ),
    "problem_reception_alcohol": (
        "酒水：接待用餐不得提供酒水。请说明情况。",
        "Alcohol: reception meals must not include alcohol. Explain what happened.",
    ),
    "problem_unknown_asset": (
        "资产编号“{value}”不在“资产”表中。请先在资产表登记该资产，或改正编号。",
        "AssetID '{value}' is not on the Assets sheet. Add the asset there first or correct the "
        "ID.",
    ),
    "problem_disposed_date_missing": (
        "状态为“报废”，但未填写报废日期。请填写报废日期，或改正状态。",
        "Status is Disposed but DisposedDate is empty. Enter the date, or correct the status.",
    ),
    "problem_count_name_missing": (
        "资产编号为空时须填写资产名称（账外盘盈的物品）。请填写名称，或填写资产编号。",
        "Name is required when AssetID is blank (an item found that is not on the books). Enter "
        "the name, or the AssetID.",
    ),
    "problem_loan_overdue": (
        "资产“{asset}”借给 {borrower}，应还日期 {value} 已过（截至 "
        "{as_of}）仍未归还。请催还，归还后填写归还日期。",
        "Asset '{asset}' lent to {borrower} was due back on {value} and is not returned (as of "
        "{as_of}). Ask for it back and enter the Returned date.",
    ),
    "problem_counts_missing_year": (
        "“盘点”表中没有 {value} 年的盘点记录，未生成该年的盘点结果。请先录入盘点记录。",
        "The Counts sheet has no rows dated in {value}, so there is no count result for that "
        "year. Enter the count first.",
    ),
    "problem_duplicate_column": (
        "表头“{value}”在 {cell} 单元格重复（{first} 列已是“{column}”）。只读取 {first} "
        "列，{cell_column} 列中填写的内容会被忽略。请删除其中一列，或把它改为别的列名。",
        "Header '{value}' at cell {cell} repeats column {first} ('{column}'). Only column {first} "
        "is read; what is typed in column {cell_column} is ignored. Delete one of them, or give "
        "it another name.",
    ),
    "problem_stale_output_copy": (
        "工作表“{name}”与“{label}”表头相同，像是改过名的旧结果表。工具只更新“{label}”，"
        "“{name}”中的结果不会更新，可能已过时。如不再需要请删除它；要保留请移到另一个工作簿。",
        "Sheet '{name}' has the header of '{label}': it looks like an old, renamed copy. Only "
        "'{label}' is updated; the results in '{name}' are not and may be out of date. Delete it "
        "if it is not needed, or move it to another workbook to keep it.",
    ),
    "problem_leave_overlap": (
        "该请假与第 {other_row} 行的请假时间重叠。请核对日期，重复的请删除一行。",
        "This leave overlaps the leave on row {other_row}. Check the dates; delete a row entered "
        "twice.",
    ),
    "problem_log_on_leave": (
        "日志日期 {value} 在该人员的请假期间内（请假表第 {leave_row} "
        "行），不计入考评。请核对请假日期或日志日期。",
        "Log date {value} falls inside this person's leave (Leave sheet row {leave_row}) and is "
        "not counted. Check the leave or the log date.",
    ),
    "problem_transfer_same_post": (
        "新岗位编号与原岗位编号相同（{value}）。调岗须换到另一个岗位，请改正。",
        "ToPostID is the same as FromPostID ({value}). A transfer moves to another post: correct "
        "it.",
    ),
    "problem_transfer_chain": (
        "原岗位编号“{value}”与该人员上一次调岗（第 {prev_row} "
        "行）的新岗位编号“{prev_to}”不一致。请按生效日期核对两次调岗。",
        "FromPostID '{value}' is not the ToPostID '{prev_to}' of this person's previous transfer "
        "(row {prev_row}). Check both transfers by their dates.",
    ),
    "problem_transfer_chain_end": (
        "该人员最后一次调岗的新岗位编号“{value}”与“人员”表中的当前岗位“{current}”不一致。"
        "请改正调岗记录，或把人员表的岗位编号改为调入的岗位。",
        "The last transfer's ToPostID '{value}' is not the current post '{current}' on the Staff "
        "sheet. Correct the transfer, or set the Staff sheet's PostID to the new post.",
    ),
    "problem_pay_period_invalid": (
        "期间“{value}”无法识别。月度总额请写 2026-03，年终总额请写 2026。",
        "Period '{value}' is not understood. Write 2026-03 for a month's pool, 2026 for the "
        "year-end pool.",
    ),
    "problem_duplicate_period": (
        "期间 {period} 重复（第 {first_row} 行已填写）。每个期间只能有一个总额，请删除一行。",
        "Period {period} is given twice (first on row {first_row}). Keep one amount per period.",
    ),
    "problem_pool_missing": (
        "绩效分配方式为“总额分配”，但“绩效总额”表中没有 {value} "
        "的总额，该月绩效工资留空。请补填该月总额。",
        "PayMode is Pool but the PayPools sheet has no amount for {value}, so that month's pay is "
        "left blank. Add the month's pool.",
    ),
    "problem_pool_no_weight": (
        "{value} 的绩效总额无法分配：参加考评人员的绩效工资基数 × 系数合计为 "
        "0，绩效工资留空。请在人员表填写绩效工资基数。",
        "The pool of {value} cannot be shared: PayBase × coefficient sums to 0 over the people "
        "scored, so pay is left blank. Fill in PayBase on the Staff sheet.",
    ),
    # ranges of numbers, as the problems above quote them in {range}
    "range_between": ("应在 {lo} 到 {hi} 之间", "it must be between {lo} and {hi}"),
    "range_at_least": ("应不小于 {lo}", "it must be at least {lo}"),
    "range_at_most": ("应不大于 {hi}", "it must be at most {hi}"),
}
