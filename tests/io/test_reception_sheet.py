"""The built Receptions and ReceptionStats sheets (SPEC 3.1, 3.2): money, dates, dropdowns."""

from __future__ import annotations

import openpyxl
import pytest

from logistics.core import schema
from tests.workbooks import build

MONEY = ("meal_cost", "lodging_cost", "other_cost")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_receptions_sheet_has_money_dates_and_yes_no_dropdowns(tmp_path, lang):
    path = build(tmp_path / f"{lang}.xlsx", lang=lang)
    wb = openpyxl.load_workbook(path)
    ws = wb[schema.RECEPTIONS.label(lang)]
    letters = {c.key: openpyxl.utils.get_column_letter(i + 1) for i, c in
               enumerate(schema.RECEPTIONS.columns)}  # fmt: skip
    assert [c.value for c in ws[1]] == [c.label(lang) for c in schema.RECEPTIONS.columns]
    for key in MONEY:  # the whole column, so the rows a clerk types get it too
        assert ws.column_dimensions[letters[key]].number_format == "#,##0.00", key
    meal = ws[f"{letters['meal_cost']}2"]  # the small school's reception
    assert (meal.value, meal.number_format) == (240, "#,##0.00")
    for key in ("date", "approved_date"):
        assert ws[f"{letters[key]}2"].number_format == "yyyy-mm-dd", key
    yes_no = "是,否" if lang == "zh" else "Yes,No"
    lists = {
        str(dv.sqref).split(":")[0]: dv.formula1
        for dv in ws.data_validations.dataValidation
        if dv.type == "list"
    }
    assert lists == {f"{letters['official_letter']}2": f'"{yes_no}"',
                     f"{letters['alcohol']}2": f'"{yes_no}"'}  # fmt: skip
    stats = wb[schema.RECEPTION_STATS.label(lang)]
    assert [c.value for c in stats[1]] == [c.label(lang) for c in schema.RECEPTION_STATS.columns]
    assert wb.sheetnames.index(stats.title) < wb.sheetnames.index(schema.VALIDATION.label(lang))
