"""The report job: Word documents (and PDFs) from a workbook, for ``logistics report``.

Reads the book, validates it (errors block: nothing is written and the problems come back),
computes with the core, fills the template of the document ``kind`` and converts the result
to PDF. It never writes into the workbook. Template and output-file problems raise a
``LogisticsError`` (exit code 2) that names the template and the tag.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from reports.errors import OutputNotWritable
from reports.filenames import unique_names
from reports.font_check import font_warning
from reports.pdf import convert_to_pdf
from reports.render import TemplateRenderer
from reports.template_files import TemplateChoice, find_template
from words import Both, both, listed, pick, word

from ..core import lookups
from ..core.dataset import Dataset
from ..core.errors import UsageError
from ..core.home_fields import home_month, home_year
from ..core.periods import Month
from ..core.problems import Problem
from ..jobs import Book, read_dataset
from .asset_ledger import ledger_context
from .context import Context
from .contract import active_staff, contract_context
from .energy_notice import energy_context
from .engine import file_name, product_errors, template_renderer
from .inventory_report import inventory_context
from .meeting_sheet import find_meetings, meeting_context
from .monthly_notice import monthly_context
from .pay_notice import month_pay_context, year_pay_context
from .reception_list import find_receptions, reception_context
from .year_end import year_end_context

KINDS = (
    "year-end",
    "monthly",
    "energy",
    "meeting",
    "contracts",
    "pay-notice",
    "reception",
    "inventory",
    "asset-ledger",
)
CHART_KINDS = ("year-end", "energy")  # documents with charts: Chinese needs a Chinese font


@dataclass
class ReportResult:
    kind: str
    lang: str  # the documents' language
    as_of: dt.date
    problems: list[Problem]  # validation problems of the workbook (errors block)
    documents: list[Path] = field(default_factory=list)  # .docx written
    pdfs: list[Path] = field(default_factory=list)
    message: str = ""  # about PDFs, or why nothing was written, in ``lang``
    template: Path | None = None  # the template used
    template_edited: bool = False  # the school's own copy (``模板`` folder or --templates)

    @property
    def blocked(self) -> bool:
        return any(p.is_error for p in self.problems)

    @property
    def written(self) -> list[Path]:
        return self.documents + self.pdfs


@product_errors  # a broken template or an unwritable file: a LogisticsError, exit code 2
def make_report(
    book: Book,
    kind: str,
    *,
    month: Month | str | None = None,
    year: int | None = None,
    meeting_id: str | None = None,
    reception_id: str | None = None,
    out_dir: Path,
    pdf: bool = True,
    as_of: dt.date | None = None,
    lang: str | None = None,
    templates_dir: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
    workbook_dir: Path | None = None,
) -> ReportResult:
    """Write the documents of ``kind`` into ``out_dir``.

    ``month`` (monthly, energy, pay-notice; meeting: every meeting of the month) defaults to
    the Home sheet's 考核月份, else the month of ``as_of``; ``year`` (year-end, contracts) to
    the Home sheet's 考核年度, else the appraisal year holding ``as_of`` (pay-notice: a given
    ``year`` makes the year's notice, else the month's); ``meeting_id`` picks one meeting,
    ``reception_id`` one reception (reception: else every reception of the month).
    ``lang`` defaults to the workbook's language. An edited template of the same name in
    ``templates_dir``, else in the ``模板`` (``templates``) folder of ``workbook_dir`` (by
    default the folder of a workbook file), is used instead of the built-in one (SPEC §5).
    ``progress(done, total)`` is called before each document and once more before the PDFs
    (``done == total``), for a page that shows how far long work has got.
    """
    if kind not in KINDS:
        raise UsageError(
            said="unknown_document_kind_choose",
            kind=kind,
            kinds=listed(KINDS),
        )
    ds, when = read_dataset(book, as_of)
    doc_lang = lang or ds.lang
    result = ReportResult(kind, doc_lang, when, list(ds.problems))
    if ds.errors:
        result.message = word(doc_lang, "workbook_has_error_s", errors=len(ds.errors))
        return result
    if workbook_dir is None:
        workbook_dir = _workbook_dir(book)
    choice = find_template(kind, doc_lang, templates_dir, workbook_dir)
    result.template, result.template_edited = choice.path, choice.edited
    renderer = template_renderer(choice.path)  # fail fast: a broken template is named now
    if kind == "reception":
        jobs = list(_receptions(ds, doc_lang, reception_id, month))
    else:
        jobs = list(_documents(ds, kind, when, doc_lang, month, year, meeting_id))
    if jobs:  # every field the template asks for exists, before any file is written
        renderer.check(jobs[0][1])
    result.documents = _render_all(renderer, jobs, out_dir, progress)
    if progress is not None:
        progress(len(jobs), len(jobs))
    _convert_and_note(result, choice, pdf)
    return result


def _render_all(
    renderer: TemplateRenderer,
    jobs: list[Job],
    out_dir: Path,
    progress: Callable[[int, int], None] | None,
) -> list[Path]:
    """Each job's document in ``out_dir`` under a safe, unique name; the files written."""
    documents: list[Path] = []
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a read-only place: say so, as for the files themselves
        raise OutputNotWritable(path=str(out_dir), detail=exc.strerror or str(exc)) from None
    names = unique_names([stem for stem, _ in jobs])
    for i, (name, (_, context)) in enumerate(zip(names, jobs, strict=True)):
        if progress is not None:
            progress(i, len(jobs))
        documents.append(renderer.render(context, out_dir / file_name(name)))
    return documents


def _convert_and_note(result: ReportResult, choice: TemplateChoice, pdf: bool) -> None:
    """The PDFs (when ``pdf``), and the result's message: how the PDFs went, a missing
    Chinese font, and the edited template when one was used."""
    kind, doc_lang = result.kind, result.lang
    by_libreoffice = False
    if pdf:
        outcome = convert_to_pdf(result.documents)
        result.pdfs = outcome.pdfs
        result.message = outcome.message(doc_lang)
        by_libreoffice = outcome.converter == "libreoffice" and bool(outcome.pdfs)
    else:
        result.message = word(doc_lang, "no_pdfs_made_no")
    note = font_warning(doc_lang, charts=kind in CHART_KINDS, pdfs=by_libreoffice)
    if note:
        result.message = pick(doc_lang, "", " ").join((result.message, note))
    if choice.edited:
        used = word(doc_lang, "used_edited_template", path=choice.path)
        result.message = pick(doc_lang, "", " ").join((used, result.message))


def _workbook_dir(book: Book) -> Path | None:
    """The folder of a workbook file (``FileBook.path``); None when the book has no file."""
    path = getattr(book, "path", None)
    return path.parent if isinstance(path, Path) else None


Job = tuple[str, Context]  # file name stem, template context


def _documents(
    ds: Dataset,
    kind: str,
    as_of: dt.date,
    lang: str,
    month: Month | str | None,
    year: int | None,
    meeting_id: str | None,
) -> Iterator[Job]:
    school = ds.settings.school_name
    if kind == "year-end":
        y = year if year is not None else default_year(ds, as_of)
        lookups.require_year(ds, y, as_of)
        stem = word(lang, "year_end_appraisal_report", school=school, y=y)
        yield stem, year_end_context(ds, y, as_of, lang)
    elif kind in ("monthly", "energy"):
        m = _month(month) if month is not None else default_month(ds, as_of)
        if kind == "monthly":
            lookups.require_log_month(ds, m, as_of)
            stem = word(lang, "appraisal_notice", school=school, label=m.label)
            yield stem, monthly_context(ds, m, as_of, lang)
        else:
            stem = word(lang, "energy_notice", school=school, label=m.label)
            lookups.require_reading_month(ds, m, as_of)  # not a notice full of "—"
            yield stem, energy_context(ds, m, as_of, lang)
    elif kind == "meeting":
        yield from _meetings(ds, lang, meeting_id, month)
    elif kind == "inventory":  # the calendar year of the count (SPEC 4.8)
        home = ds.home.get("year") is not None
        y = year if year is not None else default_year(ds, as_of) if home else as_of.year
        stem = word(lang, "inventory_report", school=school, y=y)
        yield stem, inventory_context(ds, y, as_of, lang)
    elif kind == "asset-ledger":  # as of the as-of date
        stem = word(lang, "asset_ledger", school=school, as_of=as_of)
        yield stem, ledger_context(ds, as_of, lang)
    elif kind == "pay-notice":
        yield _pay_notice(ds, as_of, lang, month, year)
    else:
        y = year if year is not None else default_year(ds, as_of)
        lookups.require_contract_year(ds, y, as_of)
        for _, person in active_staff(ds, as_of).iterrows():
            sid, name = str(person["staff_id"]), str(person["name"])
            stem = word(lang, "contract_file", sid=sid, name=name)
            yield stem, contract_context(ds, person, y, lang)


def _pay_notice(
    ds: Dataset, as_of: dt.date, lang: str, month: Month | str | None, year: int | None
) -> Job:
    """绩效公示 of ``--year`` when given, else of ``--month`` (default: the Home month)."""
    school = ds.settings.school_name
    if year is not None:
        lookups.require_year(ds, year, as_of)  # never a notice of phantom scores
        stem = word(lang, "pay_notice_file", school=school, year=year)
        return stem, year_pay_context(ds, year, as_of, lang)
    m = _month(month) if month is not None else default_month(ds, as_of)
    lookups.require_log_month(ds, m, as_of)
    stem = word(lang, "pay_notice", school=school, label=m.label)
    return stem, month_pay_context(ds, m, as_of, lang)


def _meetings(
    ds: Dataset, lang: str, meeting_id: str | None, month: Month | str | None
) -> Iterator[Job]:
    if meeting_id is None and month is None:
        raise UsageError(
            said="meeting_work_sheet_needs",
        )
    chosen = None if month is None else _month(month)
    rows = find_meetings(ds, meeting_id, None if chosen is None else chosen.label)
    if rows.empty:  # say what exists: the month is never taken for a meeting ID
        known = lookups.meetings_listing(ds, chosen)
        if meeting_id is not None:
            raise lookups.UnknownChoice(
                said="no_meeting_id_meetings",
                meeting_id=meeting_id,
                known=known,
            )
        label = chosen.label if chosen is not None else ""
        raise lookups.NothingToReport(
            said="there_no_meetings_so",
            label=label,
            known=known,
        )
    for _, row in rows.iterrows():
        mid, title = str(row["meeting_id"]), str(row["title"])
        stem = word(lang, "meeting_work_sheet", mid=mid, title=title)
        yield stem, meeting_context(ds, row, lang)


def _receptions(
    ds: Dataset, lang: str, reception_id: str | None, month: Month | str | None
) -> Iterator[Job]:
    """One 接待清单 per reception: the one of ``reception_id``, or every one of ``month``."""
    if reception_id is None and month is None:
        raise UsageError(
            said="reception_list_needs_reception",
        )
    label = None if month is None else _month(month).label
    found = find_receptions(ds, reception_id, label)
    if not found and reception_id is None:  # a month without receptions: say which have some
        dates = ds.tables["receptions"]["date"].dropna()
        months = sorted({Month(d.year, d.month) for d in dates})
        raise lookups.NothingToReport(
            said="no_receptions_in_month",
            month=label,
            months=lookups.listing_both(months),
        )
    if not found:
        ids = ds.tables["receptions"]["reception_id"].dropna().head(5)
        known = listed(ids) if len(ids) else both("none_listed")
        what = f"“{reception_id}”" if reception_id is not None else f"{label}"
        raise UsageError(
            said="no_reception_receptions_sheet",
            what=what,
            known=known,
        )
    for r in found:
        stem = word(
            lang,
            "reception_list_file",
            reception_id=r.reception_id,
            visitor=Both(f"-{r.visitor}", ""),
        )
        yield stem, reception_context(ds, r, lang)


def _month(value: Month | str) -> Month:
    if isinstance(value, Month):
        return value
    try:
        return Month.parse(value)
    except ValueError:
        raise UsageError(
            said="not_month_write",
            value=value,
        ) from None


def default_month(ds: Dataset, as_of: dt.date) -> Month:
    """The Home sheet's 考核月份, else (blank) the month of ``as_of``; a Home month that is
    not a month raises ``UsageError`` (core.home_fields)."""
    return home_month(ds.home.get("month")) or Month.of(as_of)


def default_year(ds: Dataset, as_of: dt.date) -> int:
    """The Home sheet's 考核年度, else (blank) the appraisal year that holds ``as_of``; a Home
    year that is not a year raises ``UsageError`` (core.home_fields)."""
    home = home_year(ds.home.get("year"))
    if home is not None:
        return home
    start = ds.settings.year_start_month
    return as_of.year if as_of.month >= start else as_of.year - 1
