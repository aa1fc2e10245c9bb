"""The context of 资产台账, the asset ledger (``asset_ledger_tpl.docx``, §5): one section per
存放地点 with the room's held assets, values, custodian and status, posted in that room as
its 分室账. Rooms come in the order the Assets sheet first names them."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from logistics.core.assets import held, line_value, total_value
from logistics.core.dataset import Dataset
from logistics.core.errors import UsageError
from words import word

from . import formatting as f
from .context import Context
from .lookups import staff_names
from .property_figures import category_name, status_name


def ledger_context(ds: Dataset, as_of: dt.date, lang: str) -> Context:
    """Raises UsageError when no asset is held on ``as_of``."""
    rows = held(ds.tables["assets"], as_of).dropna(subset=["location"])
    if rows.empty:
        raise UsageError(
            said="no_asset_held_assets",
            as_of=as_of,
        )
    names = staff_names(ds)
    joiner = word(lang, "list_sep")
    rooms = []
    for location, room in rows.groupby(rows["location"].map(str), sort=False):
        custodians = dict.fromkeys(
            names.get(f.text(s), f.text(s)) for s in room["staff_id"] if f.text(s)
        )
        departments = dict.fromkeys(f.text(d) for d in room["department"] if f.text(d))
        assets = [
            {
                "no": i,
                "id": f.text(a["asset_id"]),
                "name": f.text(a["name"]),
                "code": f.text(a["category_code"]),
                "category": category_name(a["category"], lang),
                "model": f.text(a["model"]),
                "quantity": int(a["quantity"]),
                "price": f.money(line_value(1, a["unit_price"])),
                "value": f.money(line_value(a["quantity"], a["unit_price"])),
                "purchased": f.short_date(f.day(a["purchase_date"])),
                "custodian": names.get(f.text(a["staff_id"]), f.text(a["staff_id"])),
                "status": status_name(a["status"], lang),
            }
            for i, (_, a) in enumerate(room.iterrows(), 1)
        ]
        rooms.append(
            {
                "location": location,
                "department": joiner.join(departments),
                "custodian": joiner.join(custodians),
                "assets": assets,
                "count": len(assets),
                "quantity": int(room["quantity"].sum()),
                "value": f.money(total_value(room)),
            }
        )
    total = sum((total_value(r) for _, r in rows.groupby("location")), Fraction(0))
    return {
        "school": ds.settings.school_name,
        "as_of": f.long_date(as_of, lang),
        "report_date": f.long_date(as_of, lang),
        "summary": {
            "rooms": len(rooms),
            "assets": len(rows),
            "quantity": int(rows["quantity"].sum()),
            "value": f.money(total),
        },
        "rooms": rooms,
    }
