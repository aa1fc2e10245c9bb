"""The shape every document's context has: the fields its Word template reads.

One context per document, built by the modules of this package as pure functions of a
``Dataset``; values are text, numbers, lists of row dicts and ``reports.render.Chart`` pictures
(the document engine, ``reports``, fills the template with them).
"""

from __future__ import annotations

from typing import Any

Context = dict[str, Any]  # template field name -> value
