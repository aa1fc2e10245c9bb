"""Small lookups on the typed tables that several documents need."""

from __future__ import annotations

from logistics.core.dataset import Dataset

from .formatting import text


def staff_names(ds: Dataset) -> dict[str, str]:
    """StaffID -> name, for showing people rather than IDs."""
    staff = ds.tables["staff"].dropna(subset=["staff_id"])
    return dict(zip(staff["staff_id"].map(text), staff["name"].map(text), strict=True))
