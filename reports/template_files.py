"""Where the Word templates live and what they are called.

The project ships them in ``templates/`` (``year_end_tpl.docx``, ``year_end_en_tpl.docx``, …).
A clerk may keep edited copies in another folder and pass it as ``templates_dir``. When the
project folder is not there (an installed wheel), the template is built from source into a
cache folder, so documents can always be made.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from .errors import TemplateMissing

PROJECT_TEMPLATES = Path(__file__).resolve().parents[1] / "templates"

# document kind -> template file stem
TEMPLATE_NAMES: dict[str, str] = {
    "year-end": "year_end",
    "monthly": "monthly_notice",
    "energy": "energy_notice",
    "meeting": "meeting_sheet",
    "contracts": "contract",
    "reception": "reception_list",
    "inventory": "inventory_report",
    "asset-ledger": "asset_ledger",
    "pay-notice": "pay_notice",
}


def template_filename(kind: str, lang: str) -> str:
    stem = TEMPLATE_NAMES[kind]
    return f"{stem}_tpl.docx" if lang == "zh" else f"{stem}_{lang}_tpl.docx"


def find_template(kind: str, lang: str, templates_dir: Path | None = None) -> Path:
    """The template file for ``kind`` in ``lang``: from ``templates_dir`` when given (it must be
    there), else the project's ``templates/``, else a fresh build from source."""
    name = template_filename(kind, lang)
    if templates_dir is not None:
        path = templates_dir / name
        if not path.is_file():
            raise TemplateMissing(template=str(path))
        return path
    path = PROJECT_TEMPLATES / name
    if path.is_file():
        return path
    from .template_source import template_bytes  # only when the project folder is absent

    cache = Path(tempfile.gettempdir()) / "school-logistics-templates"
    cache.mkdir(parents=True, exist_ok=True)
    built = cache / name
    built.write_bytes(template_bytes(kind, lang))
    return built
