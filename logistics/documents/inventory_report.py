"""The context of 资产盘点报告, the inventory report (``inventory_report_tpl.docx``, §5):
the year's CountResult with totals by result, shortages and surpluses in value, the
wrong-location and not-found lists, and signatures."""

from __future__ import annotations

import datetime as dt

from logistics.core.dataset import Dataset
from logistics.core.errors import UsageError

from . import formatting as f
from .context import Context
from .property_figures import count_context, count_figures


def inventory_context(ds: Dataset, year: int, as_of: dt.date, lang: str) -> Context:
    """Raises UsageError when the Counts sheet has no row dated in ``year``."""
    figures = count_figures(ds, year)
    if figures.first is None:
        raise UsageError(
            said="counts_sheet_has_no",
            year=year,
        )
    return {
        "school": ds.settings.school_name,
        "as_of": f.long_date(as_of, lang),
        "report_date": f.long_date(as_of, lang),
        "count": count_context(figures, ds, lang),
    }
