"""Word and PDF documents from the core's results (SPEC §5).

- contexts, one module per document, pure functions of a ``Dataset``: ``year_end``,
  ``monthly_notice``, ``energy_notice``, ``meeting_sheet`` (with ``meeting_checklist``),
  ``contract``; shared sums in ``appraisal_year``, ``service_stats``, ``energy_summary``;
  wording of values in ``formatting``; charts in ``charts`` (fonts in ``fonts``).
- templates: the Word files in ``templates/`` are the source (edited in Word), shipped in the
  package and found by ``template_files`` (a school's edited copies override them).
- ``render``: sandboxed, strict, autoescaped docxtpl rendering, each template compiled once
  (``compiled_docx``); ``errors``: what a clerk is told when a template is broken; ``pdf``:
  Word or LibreOffice conversion; ``filenames``.
- ``bench.bench_year_end``: timings for ``bench/run.py``.

The job that ties them together is ``logistics.documents.make_report``.
"""

from __future__ import annotations

from typing import Any

__all__ = ["bench_year_end"]


def __getattr__(name: str) -> Any:
    if name == "bench_year_end":  # imported on use: it pulls in the demo data generator
        from .bench import bench_year_end

        return bench_year_end
    raise AttributeError(name)
