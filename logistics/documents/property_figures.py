"""Figures on the school's property that several documents share: the count's totals and
lists (资产盘点报告, year-end report) and the loans past due (year-end report, monthly notice).

Values are exact (数量 × 单价 as fractions) and rounded once, when shown.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from fractions import Fraction

import pandas as pd

from logistics.core import schema
from logistics.core.assets import RESULTS, CountLine, count_result, line_value, overdue_loans
from logistics.core.dataset import Dataset
from words import pick, word

from . import formatting as f
from .context import Context
from .lookups import staff_names

RESULT_ORDER = ("match", "shortage", "surplus", "wrong_location", "not_found")


def result_name(key: str, lang: str) -> str:
    zh, en = RESULTS[key]
    return pick(lang, zh, {"WrongLocation": "Wrong location", "NotFound": "Not found"}.get(en, en))


def assets_by_id(ds: Dataset) -> pd.DataFrame:
    """The Assets sheet indexed by 资产编号 (first row of an ID)."""
    assets = ds.tables["assets"].dropna(subset=["asset_id"])
    return assets.drop_duplicates("asset_id").set_index("asset_id")


@dataclass
class CountFigures:
    """The year's count, with values: what the inventory report and the year-end report show."""

    year: int
    lines: list[CountLine]
    first: dt.date | None
    last: dt.date | None
    rows: dict[str, int] = field(default_factory=dict)  # result key -> rows carrying it
    quantity: dict[str, int] = field(default_factory=dict)  # result key -> Σ |差异|
    value: dict[str, Fraction] = field(default_factory=dict)  # result key -> Σ |差异| × 单价
    book_quantity: int = 0
    book_value: Fraction = Fraction(0)
    line_values: list[Fraction | None] = field(default_factory=list)  # |差异| × 单价 per line


def count_figures(ds: Dataset, year: int) -> CountFigures:
    """CountResult of ``year`` (SPEC §4.8) with the value of every difference: the book's
    单价 times |差异|; an item off the books has no price (None)."""
    lines = count_result(ds.tables["assets"], ds.tables["counts"], year)
    counts = ds.tables["counts"]
    dates = counts["date"][counts["date"].dt.year == year]
    figures = CountFigures(
        year,
        lines,
        dates.min().date() if len(dates) else None,
        dates.max().date() if len(dates) else None,
    )
    prices = assets_by_id(ds)["unit_price"] if len(lines) else pd.Series(dtype=float)
    for key in RESULT_ORDER:
        figures.rows[key], figures.quantity[key], figures.value[key] = 0, 0, Fraction(0)
    for x in lines:
        price = prices.get(x.asset_id) if x.asset_id is not None else None
        value = None if x.asset_id is None else line_value(abs(x.difference), price)
        figures.line_values.append(value)
        if x.asset_id is not None:
            figures.book_quantity += x.book_quantity
            figures.book_value += line_value(x.book_quantity, price)
        for key in x.results:
            figures.rows[key] += 1
            if key in ("shortage", "surplus", "not_found"):
                figures.quantity[key] += abs(x.difference)
                figures.value[key] += value or Fraction(0)
    return figures


def count_context(figures: CountFigures, ds: Dataset, lang: str) -> Context:
    """The count's totals by result and its lists, as finished strings."""
    notes = ds.tables["counts"]["notes"]
    names = staff_names(ds)
    by_id = assets_by_id(ds)

    def note(x: CountLine) -> str:
        return f.text(notes.get(x.row)) if x.row is not None else ""

    def line(x: CountLine, value: Fraction | None) -> Context:
        custodian = by_id["staff_id"].get(x.asset_id) if x.asset_id is not None else None
        return {
            "id": x.asset_id or word(lang, "off_books"),
            "name": x.name,
            "book_location": x.book_location or "",
            "actual_location": x.actual_location or "",
            "book": x.book_quantity,
            "counted": x.counted,
            "difference": f"{x.difference:+d}" if x.difference else "0",
            "value": f.money(value) if value is not None else f.BLANK,
            "result": (word(lang, "list_sep")).join(result_name(k, lang) for k in x.results),
            "custodian": names.get(f.text(custodian), f.text(custodian)),
            "note": note(x),
        }

    pairs = list(zip(figures.lines, figures.line_values, strict=True))
    shown = [(x, line(x, v)) for x, v in pairs]
    results = [
        {
            "result": result_name(key, lang),
            "rows": figures.rows[key],
            "quantity": figures.quantity[key]
            if key in ("shortage", "surplus", "not_found")
            else f.BLANK,
            "value": f.money(figures.value[key])
            if key in ("shortage", "surplus", "not_found")
            else f.BLANK,
        }
        for key in RESULT_ORDER
    ]
    return {
        "year": str(figures.year),
        "dates": _dates(figures, lang),
        "assets": sum(1 for x in figures.lines if x.asset_id is not None),
        "book_quantity": figures.book_quantity,
        "book_value": f.money(figures.book_value),
        "found": sum(1 for x in figures.lines if x.row is not None and x.asset_id is not None),
        **{key: figures.rows[key] for key in RESULT_ORDER},
        "off_books": sum(1 for x in figures.lines if x.asset_id is None),
        "shortage_value": f.money(figures.value["shortage"] + figures.value["not_found"]),
        "surplus_value": f.money(figures.value["surplus"]),
        "results": results,
        "shortages": [c for x, c in shown if "shortage" in x.results],
        "surpluses": [c for x, c in shown if "surplus" in x.results],
        "wrong": [c for x, c in shown if "wrong_location" in x.results],
        "not_found_list": [c for x, c in shown if "not_found" in x.results],
        "lines": [c for _, c in shown],
    }


def _dates(figures: CountFigures, lang: str) -> str:
    if figures.first is None or figures.last is None:
        return f.BLANK
    if figures.first == figures.last:
        return f.long_date(figures.first, lang)
    return (
        f.long_date(figures.first, lang) + word(lang, "range_to") + f.long_date(figures.last, lang)
    )


def overdue_loan_rows(ds: Dataset, day: dt.date, lang: str) -> list[Context]:
    """Loans out and past due on ``day``, oldest due first: for the notices and the report."""
    loans = overdue_loans(ds.tables["loans"], day)
    by_id = assets_by_id(ds)
    names = staff_names(ds)
    out = []
    for _, row in loans.iterrows():
        asset_id = f.text(row["asset_id"])
        due = f.day(row["due"])
        out.append(
            {
                "id": asset_id,
                "name": f.text(by_id["name"].get(asset_id)) if asset_id in by_id.index else "",
                "borrower": f.text(row["borrower"]),
                "out": f.short_date(f.day(row["out"])),
                "due": f.short_date(due),
                "days": (day - due).days if due is not None else "",
                "handler": names.get(f.text(row["staff_id"]), f.text(row["staff_id"])),
            }
        )
    return out


def category_name(key: object, lang: str) -> str:
    return f.choice(schema.ASSET_CATEGORY, key, lang)


def status_name(key: object, lang: str) -> str:
    return f.choice(schema.ASSET_STATUS, key, lang)
