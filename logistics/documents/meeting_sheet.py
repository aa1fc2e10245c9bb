"""The context of 会务工作单, the work sheet of one meeting (``meeting_sheet_tpl.docx``)."""

from __future__ import annotations

import pandas as pd

from logistics.core import schema
from logistics.core.dataset import Dataset
from logistics.core.due_items import checklist_done
from words import word

from . import formatting as f
from .context import Context
from .lookups import staff_names
from .meeting_checklist import checklist, standard


def meeting_context(ds: Dataset, row: pd.Series, lang: str) -> Context:
    """``row``: one row of the typed Meetings table."""
    day = f.day(row["date"])
    assert day is not None  # a required column: validation blocks a blank date
    scale = str(row["scale"]) if row["scale"] in ("large", "medium", "small") else "medium"
    urgent = row["urgency"] == "urgent"
    owner_id = f.text(row["staff_id"])
    owner = staff_names(ds).get(owner_id, "")
    return {
        "school": ds.settings.school_name,
        "m": {
            "id": f.text(row["meeting_id"]),
            "title": f.text(row["title"]),
            "date": f.long_date(day, lang),
            "weekday": f.weekday(day, lang),
            "scale": f.choice(schema.SCALE, row["scale"], lang),
            "urgency": f.choice(schema.URGENCY, row["urgency"], lang),
            "owner": word(lang, "name_detail", name=owner, detail=owner_id)
            if owner
            else f" ({owner_id})".strip(),
            "issues": f.text(row["issues"]) or word(lang, "none"),
        },
        "standard": standard(scale, urgent, lang),
        "items": checklist(day, scale, urgent, ds.calendar, lang),
        "recorded": {
            k: f.yes_no(bool(done), lang)
            for k, done in checklist_done(row.to_frame().T).iloc[0].items()
        },
    }


def find_meetings(ds: Dataset, meeting_id: str | None, month_label: str | None) -> pd.DataFrame:
    """The meeting with ``meeting_id`` (IDs compare as typed, ignoring case and spaces), or the
    meetings of the month ``YYYY-MM``."""
    table = ds.tables["meetings"].dropna(subset=["meeting_id", "date"])
    if meeting_id is not None:
        wanted = meeting_id.strip().casefold()
        return table[table["meeting_id"].map(lambda v: f.text(v).strip().casefold()) == wanted]
    if month_label is None:
        return table.iloc[0:0]
    return table[table["date"].dt.strftime("%Y-%m") == month_label].sort_values(
        "date", kind="stable"
    )
