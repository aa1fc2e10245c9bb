"""Word and PDF documents from a workbook (SPEC §5): the report job and each document's
context.

- the job: ``make`` (``make_report``, re-exported here), with the engine's errors and the
  product's text rule in ``engine``;
- contexts, one module per document, pure functions of a ``Dataset`` (``Context`` in
  ``context``): ``year_end`` (with ``year_end_property``), ``monthly_notice``,
  ``energy_notice``, ``meeting_sheet`` (with ``meeting_checklist``), ``contract``,
  ``pay_notice``, ``reception_list``, ``inventory_report``, ``asset_ledger``; shared sums in
  ``appraisal_year``, ``service_stats``, ``energy_summary``, ``property_figures``,
  ``reception_summary``; wording of values in ``formatting``, names in ``lookups``; charts
  in ``charts``.

Filling the Word templates, converting to PDF, fonts and file names are the document engine's
(the top-level ``reports`` package), which imports nothing of this product.
"""

from __future__ import annotations

from .make import CHART_KINDS, KINDS, ReportResult, default_month, default_year, make_report

__all__ = ["CHART_KINDS", "KINDS", "ReportResult", "default_month", "default_year", "make_report"]
