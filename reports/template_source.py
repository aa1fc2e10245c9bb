"""The source of every Word template in ``templates/``: ``python -m reports.template_source``.

Each document has a Chinese (``*_tpl.docx``) and an English (``*_en_tpl.docx``) template,
built from one layout (``reports.layouts``) so that both stay in step. Wording lives in the
templates, where a clerk can change it in Word; the contexts carry only data. The committed
files equal a fresh build (a test checks it): after changing a layout, run this module.
"""

from __future__ import annotations

import io
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

from docx.document import Document

from .layouts.contract import contract
from .layouts.meeting import meeting
from .layouts.notices import energy, monthly
from .layouts.pay_notice import pay_notice
from .layouts.property import asset_ledger, inventory_report
from .layouts.reception import reception
from .layouts.year_end import year_end
from .template_files import TEMPLATE_NAMES, template_filename

LANGS = ("zh", "en")
FIXED_ZIP_TIME = (2025, 1, 1, 0, 0, 0)  # reproducible bytes: no build time in the zip


BUILDERS: dict[str, Callable[[str], Document]] = {
    "year-end": year_end,
    "monthly": monthly,
    "energy": energy,
    "meeting": meeting,
    "contracts": contract,
    "reception": reception,
    "inventory": inventory_report,
    "asset-ledger": asset_ledger,
    "pay-notice": pay_notice,
}


def template_bytes(kind: str, lang: str) -> bytes:
    """The .docx of one template, with fixed zip timestamps so builds are byte-stable."""
    buffer = io.BytesIO()
    BUILDERS[kind](lang).save(buffer)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(buffer) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def build_templates(out_dir: Path) -> list[Path]:
    """Write every template into ``out_dir``; return the paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in TEMPLATE_NAMES:
        for lang in LANGS:
            path = out_dir / template_filename(kind, lang)
            path.write_bytes(template_bytes(kind, lang))
            written.append(path)
    return written


if __name__ == "__main__":  # python -m reports.template_source [OUT_DIR]
    from .template_files import PROJECT_TEMPLATES

    target = Path(sys.argv[1]) if len(sys.argv) > 1 else PROJECT_TEMPLATES
    for path in build_templates(target):
        print(path)
