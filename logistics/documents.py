"""The report job: Word documents (and PDFs) from a workbook, for ``logistics report``.

Reads the book, validates it (errors block: nothing is written and the problems come back),
computes with the core, fills the template of the document ``kind`` and converts the result
to PDF. It never writes into the workbook. Template and output-file problems raise a
``LogisticsError`` (exit code 2) that names the template and the tag.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reports.contract import active_staff, contract_context
from reports.energy_notice import energy_context
from reports.filenames import safe_filename, unique_names
from reports.meeting_sheet import find_meetings, meeting_context
from reports.monthly_notice import monthly_context
from reports.pdf import convert_to_pdf
from reports.render import TemplateRenderer
from reports.template_files import find_template
from reports.year_end import year_end_context

from .core.dataset import Dataset
from .core.errors import UsageError
from .core.parsing import parse_int
from .core.periods import Month
from .core.problems import Problem
from .jobs import Book, read_dataset

KINDS = ("year-end", "monthly", "energy", "meeting", "contracts")


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


def make_report(
    book: Book,
    kind: str,
    *,
    month: Month | str | None = None,
    year: int | None = None,
    meeting_id: str | None = None,
    out_dir: Path,
    pdf: bool = True,
    as_of: dt.date | None = None,
    lang: str | None = None,
    templates_dir: Path | None = None,
    workbook_dir: Path | None = None,
) -> ReportResult:
    """Write the documents of ``kind`` into ``out_dir``.

    ``month`` (monthly, energy; meeting: every meeting of the month) defaults to the Home
    sheet's 考核月份, else the month of ``as_of``; ``year`` (year-end, contracts) to the Home
    sheet's 考核年度, else the appraisal year holding ``as_of``; ``meeting_id`` picks one
    meeting. ``lang`` defaults to the workbook's language. An edited template of the same name
    in ``templates_dir``, else in the ``模板`` (``templates``) folder of ``workbook_dir`` (by
    default the folder of a workbook file), is used instead of the built-in one (SPEC §5).
    """
    if kind not in KINDS:
        raise UsageError(
            detail_zh=f"未知的文档类型“{kind}”。可选：{'、'.join(KINDS)}。",
            detail_en=f"Unknown document kind '{kind}'. Choose one of: {', '.join(KINDS)}.",
        )
    ds, when = read_dataset(book, as_of)
    doc_lang = lang or ds.lang
    result = ReportResult(kind, doc_lang, when, list(ds.problems))
    if ds.errors:
        result.message = _t(
            doc_lang,
            f"工作簿有 {len(ds.errors)} 个错误，未生成文档。请按校验结果改正后重试。",
            f"The workbook has {len(ds.errors)} error(s); no document was written. "
            "Fix them (see the validation results) and run again.",
        )
        return result
    if workbook_dir is None:
        workbook_dir = _workbook_dir(book)
    choice = find_template(kind, doc_lang, templates_dir, workbook_dir)
    result.template, result.template_edited = choice.path, choice.edited
    renderer = TemplateRenderer(choice.path)  # fail fast: a broken template is named now
    jobs = list(_documents(ds, kind, when, doc_lang, month, year, meeting_id))
    if jobs:  # every field the template asks for exists, before any file is written
        renderer.check(jobs[0][1])
    out_dir.mkdir(parents=True, exist_ok=True)
    names = unique_names([stem for stem, _ in jobs])
    for name, (_, context) in zip(names, jobs, strict=True):
        result.documents.append(renderer.render(context, out_dir / safe_filename(name)))
    if pdf:
        outcome = convert_to_pdf(result.documents)
        result.pdfs = outcome.pdfs
        result.message = outcome.message(doc_lang)
    else:
        result.message = _t(doc_lang, "未转换 PDF（--no-pdf）。", "No PDFs made (--no-pdf).")
    if choice.edited:
        used = _t(
            doc_lang,
            f"使用了自定义模板：{choice.path}。",
            f"Used the edited template {choice.path}.",
        )
        result.message = f"{used}{'' if doc_lang == 'zh' else ' '}{result.message}"
    return result


def _workbook_dir(book: Book) -> Path | None:
    """The folder of a workbook file (``FileBook.path``); None when the book has no file."""
    path = getattr(book, "path", None)
    return path.parent if isinstance(path, Path) else None


def _t(lang: str, zh: str, en: str) -> str:
    return zh if lang == "zh" else en


Job = tuple[str, dict[str, Any]]  # file name stem, template context


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
        stem = _t(lang, f"{school}-{y}年终考核报告", f"{school}-{y} year-end appraisal report")
        yield stem, year_end_context(ds, y, as_of, lang)
    elif kind in ("monthly", "energy"):
        m = _month(month) if month is not None else default_month(ds, as_of)
        if kind == "monthly":
            stem = _t(
                lang, f"{school}-{m.label}月度考评通报", f"{school}-{m.label} appraisal notice"
            )
            yield stem, monthly_context(ds, m, as_of, lang)
        else:
            stem = _t(lang, f"{school}-{m.label}节能通报", f"{school}-{m.label} energy notice")
            yield stem, energy_context(ds, m, as_of, lang)
    elif kind == "meeting":
        yield from _meetings(ds, lang, meeting_id, month)
    else:
        y = year if year is not None else default_year(ds, as_of)
        for _, person in active_staff(ds, as_of).iterrows():
            sid, name = str(person["staff_id"]), str(person["name"])
            stem = _t(lang, f"岗位责任状-{sid}-{name}", f"Contract-{sid}-{name}")
            yield stem, contract_context(ds, person, y, lang)


def _meetings(
    ds: Dataset, lang: str, meeting_id: str | None, month: Month | str | None
) -> Iterator[Job]:
    if meeting_id is None and month is None:
        raise UsageError(
            detail_zh="会务工作单需要会议编号（--meeting）或月份（--month）。",
            detail_en="A meeting work sheet needs a meeting ID (--meeting) or a month (--month).",
        )
    label = None if month is None else _month(month).label
    rows = find_meetings(ds, meeting_id, label)
    if rows.empty:
        known = "、".join(map(str, ds.tables["meetings"]["meeting_id"].dropna().head(5)))
        what = f"“{meeting_id}”" if meeting_id is not None else f"{label}"
        raise UsageError(
            detail_zh=f"会务表中没有会议 {what}。已有编号如：{known or '（无）'}。",
            detail_en=f"No meeting {what} on the Meetings sheet. IDs there include: "
            f"{known or '(none)'}.",
        )
    for _, row in rows.iterrows():
        mid, title = str(row["meeting_id"]), str(row["title"])
        stem = _t(lang, f"会务工作单-{mid}-{title}", f"Meeting work sheet-{mid}-{title}")
        yield stem, meeting_context(ds, row, lang)


def _month(value: Month | str) -> Month:
    if isinstance(value, Month):
        return value
    try:
        return Month.parse(value)
    except ValueError:
        raise UsageError(
            detail_zh=f"“{value}”不是月份，请写成 2025-07。",
            detail_en=f"'{value}' is not a month; write it as 2025-07.",
        ) from None


def default_month(ds: Dataset, as_of: dt.date) -> Month:
    """The Home sheet's 考核月份, else the month of ``as_of``."""
    home = ds.home.get("month")
    if home is not None:
        text = home.strftime("%Y-%m") if isinstance(home, dt.date) else str(home)
        try:
            return Month.parse(text)
        except ValueError:
            pass
    return Month.of(as_of)


def default_year(ds: Dataset, as_of: dt.date) -> int:
    """The Home sheet's 考核年度, else the appraisal year that holds ``as_of``."""
    home = parse_int(ds.home.get("year"))
    if isinstance(home, float) and 1900 <= home <= 9999:
        return int(home)
    start = ds.settings.year_start_month
    return as_of.year if as_of.month >= start else as_of.year - 1
