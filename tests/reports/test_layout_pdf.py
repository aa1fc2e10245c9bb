"""Documents as printed (needs LibreOffice): every document for the demo and a small school in
both languages; what belongs together stays on one page; blank fields are lines to fill in;
English stays English; the Simplified Chinese face is the one embedded (SPEC §5)."""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pytest
from docx import Document

from logistics.demo_data import demo_frames
from logistics.documents import make_report
from logistics.io.builder import build_workbook
from logistics.io.data_sheets import default_settings_frame
from logistics.io.file_book import FileBook
from reports.pdf import convert_to_pdf
from tests.workbooks import small_school

from .conftest import AS_OF, MEETING, MONTH, require_soffice, squash
from .pdf_fonts import cid, embedded_cjk_glyphs, face_cmaps, noto_collection

KINDS = {
    "year-end": {"year": 2025},
    "monthly": {"month": MONTH},
    "energy": {"month": MONTH},
    "meeting": {"meeting_id": MEETING},
    "contracts": {"year": 2025},
}
SMALL_KINDS = {**KINDS, "monthly": {"month": "2025-03"}, "energy": {"month": "2025-03"}}
SMALL_KINDS["meeting"] = {"meeting_id": "M1"}
# Long English names: they must neither wrap in the ranking nor break a column header.
ENGLISH_NAMES = {"S1": "Catherine Whitfield", "S2": "Jonathan Pemberton", "S3": "Xu Jing"}
FULL_WIDTH = re.compile("[（）：；，。【】]")
ENGLISH_TEXT = {
    "保洁员": "Cleaner",
    "水电工": "Electrician",
    "公共区域保洁": "Clean the shared areas",
    "水电维修": "Water and power repairs",
    "每月完成保洁 21 次": "21 cleaning rounds a month",
    "地面无垃圾": "No litter on the floors",
    "楼道卫生": "Corridor cleanliness",
    "楼梯扶手有灰": "Dust on the handrails",
    "赵主任": "Margaret Ellingham",
    "教职工大会": "Staff meeting",
    "教学楼电表": "Teaching block meter",
    "走廊灯常亮": "Corridor lights left on",
    "刷新教室": "Repaint classrooms",
    "三年级2班 王老师": "Ms Wang, Grade 3 Class 2",
    "教室灯管不亮": "Classroom light out",
    "区教育局": "District Education Bureau",
    "调研": "Survey visit",
    "王校长": "Principal Wang",
    **{f"日常工作{i}": f"Daily work {i}" for i in range(5)},
}


def small_frames(lang: str) -> dict:
    """The small school with a blank quantity standard and target on post P2 (S3's post);
    in English, English names and an English inspector."""
    frames = small_school()
    posts = frames["posts"]
    posts["quantity_standard"] = ["每月完成保洁 21 次", None]
    posts["quality_standard"] = ["地面无垃圾", None]
    posts["monthly_target"] = posts["monthly_target"].astype(object)
    posts.loc[posts["post_id"] == "P2", "monthly_target"] = None
    if lang == "en":  # every typed text in English: then any Chinese or full-width is ours
        frames["staff"]["name"] = frames["staff"]["staff_id"].map(ENGLISH_NAMES)
        for frame in frames.values():
            for col in frame.columns:
                frame[col] = frame[col].map(lambda v: ENGLISH_TEXT.get(v, v))
    return frames


def pages_of(pdf: Path) -> list[str]:
    with pdfplumber.open(pdf) as doc:
        return [page.extract_text() or "" for page in doc.pages]


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str, str], list[Path]]:
    """(school, lang, kind) -> documents; a chosen few converted to PDF, one call per folder."""
    require_soffice()
    root = tmp_path_factory.mktemp("printed")
    out: dict[tuple[str, str, str], list[Path]] = {}
    for school in ("small", "demo"):
        for lang in ("zh", "en"):
            frames = small_frames(lang) if school == "small" else demo_frames()
            book = build_workbook(root / f"{school}-{lang}.xlsm", lang, frames)
            folder = root / school / lang
            kinds = SMALL_KINDS if school == "small" else KINDS
            for kind, options in kinds.items():
                result = make_report(
                    FileBook(book), kind, out_dir=folder, pdf=False, as_of=AS_OF, **options
                )
                assert not result.blocked and result.documents, (school, lang, kind)
                out[school, lang, kind] = result.documents
            to_pdf = [
                d
                for (s, ln, k), docs in out.items()
                if (s, ln) == (school, lang)
                for d in (docs[:2] if k == "contracts" else docs)
            ]
            if school == "demo":  # the demo's year-end report is converted in conftest
                to_pdf = [d for d in to_pdf if d not in out[school, lang, "year-end"]]
            outcome = convert_to_pdf(to_pdf)
            assert not outcome.failed, outcome.detail
    return out


def docx_text(path: Path) -> str:
    doc = Document(str(path))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_every_document_for_the_demo_and_a_small_school_in_both_languages(printed):
    assert {k for _, _, k in printed} == set(KINDS)
    for (school, lang, _kind), docs in printed.items():
        for doc in docs:
            text = docx_text(doc)
            assert "未填写" not in text and "not filled in" not in text, doc.name
            assert "{{" not in text and "{%" not in text, doc.name
            if (school, lang) == ("small", "en"):  # all typed text is English there
                found = re.search("[\u4e00-\u9fff]|" + FULL_WIDTH.pattern, text)
                assert not found, (doc.name, text[max(found.start() - 40, 0) : found.end()])
    assert len(printed["demo", "zh", "contracts"]) > 30


def test_contract_signatures_are_on_the_page_of_the_last_clause(printed):
    for lang, last in (("zh", "本责任状一式两份"), ("en", "two copies")):
        for school in ("small", "demo"):
            for doc in printed[school, lang, "contracts"][:2]:
                pages = [squash(p) for p in pages_of(doc.with_suffix(".pdf"))]
                signed = [
                    i
                    for i, p in enumerate(pages)
                    if ("签字" if lang == "zh" else "(signature)") in p
                ]
                clause = [i for i, p in enumerate(pages) if squash(last) in p]
                assert signed and signed == clause, (doc.name, signed, clause)
                assert len(pages[signed[0]]) > 150, "the signature page has more than that"


def test_contract_term_runs_from_the_later_of_year_start_and_join_date(printed):
    by_id = {d.stem.split("-")[1]: d for d in printed["small", "zh", "contracts"]}
    s1 = squash("\n".join(pages_of(by_id["S1"].with_suffix(".pdf"))))
    assert "2025年1月1日至2025年12月31日" in s1  # joined 2024: the year's start
    s3 = docx_text(by_id["S3"])  # joined 2025-03-03
    assert "2025年3月3日至2025年12月31日" in s3 and "2025年1月1日至" not in s3
    en = next(d for d in printed["small", "en", "contracts"] if "-S3-" in d.name)
    assert "3 Mar 2025 to 31 Dec 2025" in docx_text(en)


def test_blank_standards_print_as_lines_to_fill_in(printed):
    for lang in ("zh", "en"):
        s3 = next(d for d in printed["small", lang, "contracts"] if "-S3-" in d.name)
        text = docx_text(s3)
        assert "（未填写）" not in text and "每月 0" not in text and "0 a month" not in text
        assert re.search(r"(每月 |: )_{6,}", text), text  # the monthly target, by hand
        assert re.search(r"\d\. _{20,}", text)  # a blank standard: one clause line to fill


def test_notice_closing_lines_and_signature_stay_with_the_last_clause(printed):
    for school in ("small", "demo"):
        pages = [
            squash(p) for p in pages_of(printed[school, "zh", "monthly"][0].with_suffix(".pdf"))
        ]
        closing = [i for i, p in enumerate(pages) if "特此通报" in p]
        clause = [i for i, p in enumerate(pages) if "提出复核" in p]
        assert closing == clause == [len(pages) - 1], (school, closing, clause)
        last = pages[-1]
        assert last.index("提出复核") < last.index("特此通报") < last.rindex("示例实验小学后勤处")


@pytest.mark.parametrize("kind", ["monthly", "year-end"])
def test_english_headers_and_names_do_not_break(printed, kind):
    pdf = printed["small", "en", kind][0].with_suffix(".pdf")
    lines = [ln for page in pages_of(pdf) for ln in page.splitlines()]
    for name in ENGLISH_NAMES.values():  # each ranking row holds the whole name
        assert any(re.match(rf"\d+ S\d {name} ", ln) for ln in lines), name
    headers = (
        ("Rank ID Name Post", "Total Grade Coef. Pay")
        if kind == "monthly"
        else ("Rank ID Name Post Jan",)
    )
    for header in headers:  # no header word broken over two lines ("Ran / k")
        assert any(header in ln for ln in lines), header
    if kind == "monthly":
        assert any("Inspector" in ln for ln in lines) and "Inspecto\n" not in "\n".join(lines)
        assert any(
            "Catherine Whitfield Corridor" in ln or "Margaret Ellingham" in ln for ln in lines
        )


def test_the_energy_chart_sits_below_the_table(printed):
    pdf = printed["demo", "zh", "energy"][0].with_suffix(".pdf")
    with pdfplumber.open(pdf) as doc:
        page = next(p for p in doc.pages if p.images)
        image_top = min(img["top"] for img in page.images)
        above = [e["bottom"] for e in page.lines + page.rects if e["bottom"] <= image_top + 5]
        table_bottom = max(above)
    assert table_bottom < image_top, (table_bottom, image_top)


def test_english_workbooks_default_to_an_english_school(printed):
    settings = default_settings_frame("en")
    assert settings.iloc[0]["value"] == "Sample Primary School"
    assert default_settings_frame("zh").iloc[0]["value"] == "示例实验小学"
    year_end = printed["small", "en", "year-end"][0]
    assert year_end.name.startswith("Sample Primary School")


@pytest.mark.parametrize("serif", [True, False])
def test_pdfs_embed_the_simplified_chinese_face(printed, tmp_path, serif):
    collection = noto_collection(serif)
    if collection is None:
        pytest.skip("fonts-noto-cjk is not installed")
    faces = face_cmaps(collection)
    sc = next(cmap for family, cmap in faces.items() if family.endswith("CJK SC"))
    jp = next(cmap for family, cmap in faces.items() if family.endswith("CJK JP"))
    kind = "Serif" if serif else "Sans"
    glyphs = [
        (char, glyph)
        for doc in (*printed["small", "zh", "contracts"][:1], *printed["small", "zh", "monthly"])
        for name, char, glyph in embedded_cjk_glyphs(doc.with_suffix(".pdf"), tmp_path)
        if kind in name
    ]
    assert glyphs, f"no {kind} CJK font embedded"
    wrong = [(c, g, sc[ord(c)]) for c, g in glyphs if cid(g) != cid(sc[ord(c)])]
    assert not wrong, wrong[:5]
    assert any(sc[ord(c)] != jp[ord(c)] for c, _ in glyphs), "no character tells SC from JP"
