"""Where the Word templates live, which one a document uses, and exporting them for editing.

The built-in templates ship inside the package (``reports/templates/*.docx`` in an installed
wheel, copied there from the repository's top-level ``templates/`` by ``setup.py``; a checkout
or editable install reads ``templates/`` itself). A school's edited copy of the same name
overrides the built-in one (SPEC §5): from ``--templates DIR`` when given, else from the folder
``模板`` (``templates`` for an English workbook) beside the workbook. ``export_templates``
writes the built-in ones into a folder for editing.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from words import LANGS, both, pick

from .errors import TemplateFolderMissing, TemplateMissing

PACKAGED_TEMPLATES = Path(__file__).resolve().parent / "templates"
PROJECT_TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
# beside the workbook, by its language
OVERRIDE_FOLDERS: dict[str, str] = dict(zip(LANGS, both("templates_folder"), strict=True))

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
    return pick(lang, f"{stem}_tpl.docx", f"{stem}_{lang}_tpl.docx")


def builtin_dir() -> Path:
    """The folder of the built-in templates: the package's own, else the project's."""
    return PACKAGED_TEMPLATES if PACKAGED_TEMPLATES.is_dir() else PROJECT_TEMPLATES


def override_dir(
    lang: str, templates_dir: Path | None = None, workbook_dir: Path | None = None
) -> Path | None:
    """The folder of edited templates: ``templates_dir`` (it must exist), else the workbook's
    ``模板`` / ``templates`` folder when there is one, else None."""
    if templates_dir is not None:
        if not templates_dir.is_dir():
            raise TemplateFolderMissing(folder=str(templates_dir))
        return templates_dir
    if workbook_dir is not None:
        folder = workbook_dir / OVERRIDE_FOLDERS.get(lang, OVERRIDE_FOLDERS["en"])
        if folder.is_dir():
            return folder
    return None


@dataclass(frozen=True)
class TemplateChoice:
    path: Path
    edited: bool  # True: the school's own copy, not the built-in template


def find_template(
    kind: str, lang: str, templates_dir: Path | None = None, workbook_dir: Path | None = None
) -> TemplateChoice:
    """The template for ``kind`` in ``lang``: an edited copy of the same name when the override
    folder has one, else the built-in template."""
    name = template_filename(kind, lang)
    folder = override_dir(lang, templates_dir, workbook_dir)
    if folder is not None and (folder / name).is_file():
        return TemplateChoice(folder / name, edited=True)
    builtin = builtin_dir() / name
    if not builtin.is_file():
        raise TemplateMissing(template=name)
    return TemplateChoice(builtin, edited=False)


@dataclass
class Export:
    written: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)  # already there: a clerk's edits are kept


def export_templates(out_dir: Path) -> Export:
    """Copy every built-in template into ``out_dir`` for editing; never overwrite a file."""
    out_dir.mkdir(parents=True, exist_ok=True)
    result = Export()
    for source in sorted(builtin_dir().glob("*_tpl.docx")):
        target = out_dir / source.name
        if target.exists():
            result.kept.append(target)
        else:
            shutil.copyfile(source, target)
            result.written.append(target)
    return result
