"""Message wording (issue item 10): ranges as a clerk says them, choices listed in each
language's own way, blank values blank."""

from __future__ import annotations

from logistics.core.cell_problems import range_text
from logistics.core.outputs import validation_rows
from logistics.core.problems import display
from tests.factories import POST, D, dataset, log, person


def rows_of(lang, **sheets):
    ds = dataset(posts=[POST], staff=[person()], **sheets)
    return validation_rows(ds.problems, lang)


def test_ranges_read_as_natural_chinese_and_english():
    assert range_text(0, 24, "zh") == "应在 0 到 24 之间"
    assert range_text(0, None, "zh") == "应不小于 0"
    assert range_text(-10, 10, "en") == "it must be between -10 and 10"
    assert range_text(0, None, "en") == "it must be at least 0"


def test_out_of_range_messages():
    bad = {**log(D(2025, 3, 3)), "hours": 25}
    (zh,) = rows_of("zh", logs=[bad])
    assert zh[5] == "“25”超出范围：应在 0 到 24 之间。"
    (en,) = rows_of("en", logs=[bad])
    assert en[5] == "'25' is out of range: it must be between 0 and 24."
    (neg,) = rows_of("zh", logs=[{**log(D(2025, 3, 3)), "units": -1}])
    assert neg[5] == "“-1”超出范围：应不小于 0。"


def test_choices_are_listed_in_the_workbook_language():
    bad = {**log(D(2025, 3, 3)), "status": "搞定"}
    (zh,) = rows_of("zh", logs=[bad])
    assert zh[5].endswith("请从下拉列表中选择：完成、未完成、延期。")
    (en,) = rows_of("en", logs=[bad])
    assert en[5].endswith("Choose one of: Done, Undone, Postponed.")
    assert not any(ch in en[5] for ch in "、（）“”")


def test_a_blank_value_is_never_nan():
    assert display(None) == display(float("nan")) == ""
    (row,) = rows_of("zh", logs=[{**log(D(2025, 3, 3)), "content": float("nan")}])
    assert row[3] == "" and row[5] == "“工作内容”为必填项，不能为空。请填写后重新运行。"
