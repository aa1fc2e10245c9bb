"""check_package: refuse what is not a workbook, or not safe to parse, before any parser runs."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from logistics.io import package
from logistics.io.package import (
    FileMissing,
    FileUnreadable,
    NotAWorkbook,
    UnsafeWorkbook,
    check_package,
)

from .io_books import BuildBook

MINIMAL_PARTS = {"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}


def make_zip(path: Path, parts: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", method) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return path


@pytest.mark.parametrize("name", ["book.xlsx", "book.xlsm"])
def test_accepts_a_normal_workbook(build_book: BuildBook, name: str) -> None:
    check_package(build_book(name))


def test_missing_file_names_the_path(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "logistics.xlsm"
    with pytest.raises(FileMissing) as exc:
        check_package(path)
    assert str(path) in exc.value.message("en")
    assert str(path) in exc.value.message("zh")
    assert exc.value.exit_code == 2


@pytest.mark.parametrize(
    ("content", "reason_en"),
    [
        (
            b"\xe6\x97\xa5\xe6\x9c\x9f,\xe5\xb7\xa5\xe5\x8f\xb7\n2024-05-06,S001\n",
            "it is a CSV (comma- or tab-separated text) file; open it in Excel or WPS",
        ),
        ("日期\t工号\n2024-05-06\tS001\n".encode("gbk"), "it is a CSV"),
        (b"just some notes saved with the wrong extension", "it is a text file"),
        (b"\x00\x01\x02\x03binary", "its kind is unknown"),
        (b"", "empty"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504, "old .xls"),
        (b"PK\x03\x04 a torn zip with no directory", "damaged or truncated"),
    ],
    ids=["csv", "csv-gbk-tabs", "text", "binary", "empty", "xls-or-encrypted", "torn-zip"],
)
def test_refuses_a_file_that_is_not_a_zip(tmp_path: Path, content: bytes, reason_en: str) -> None:
    path = tmp_path / "logistics.xlsm"
    path.write_bytes(content)
    with pytest.raises(NotAWorkbook) as exc:
        check_package(path)
    en = exc.value.message("en")
    assert en.startswith("logistics.xlsm is not an Excel workbook (.xlsx/.xlsm); ")
    assert reason_en in en
    assert "logistics.xlsm 不是 Excel 工作簿" in exc.value.message("zh")


def test_unreadable_file_is_named(build_book: BuildBook, monkeypatch: pytest.MonkeyPatch) -> None:
    path = build_book()

    def denied(_path: Path) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(package, "_check_is_zip", denied)
    with pytest.raises(FileUnreadable) as exc:
        check_package(path)
    assert str(path) in exc.value.message("en") and "Permission denied" in exc.value.message("zh")


def test_refuses_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "logistics.xlsm"
    folder.mkdir()
    with pytest.raises(NotAWorkbook, match="folder"):
        check_package(folder)


def test_refuses_a_word_document_renamed_xlsm(tmp_path: Path) -> None:
    docx_parts = {
        "[Content_Types].xml": b"<Types/>",
        "_rels/.rels": b"<Relationships/>",
        "word/document.xml": b"<w:document/>",
    }
    path = make_zip(tmp_path / "notice.xlsm", docx_parts)
    with pytest.raises(NotAWorkbook) as exc:
        check_package(path)
    assert "Word document" in exc.value.message("en")
    assert "Word 文档" in exc.value.message("zh")


def test_refuses_a_plain_zip_archive(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "photos.xlsx", {"a.jpg": b"\xff\xd8"})
    with pytest.raises(NotAWorkbook, match=r"no \[Content_Types\]\.xml"):
        check_package(path)


def test_refuses_a_zip_bomb(tmp_path: Path) -> None:
    # 50 MB of XML whitespace deflates about 1000:1: tiny on disk, huge for a parser.
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in MINIMAL_PARTS.items():
            z.writestr(name, data)
        with z.open("xl/worksheets/sheet1.xml", "w") as part:
            block = b" " * (1 << 20)
            for _ in range(50):
                part.write(block)
    assert path.stat().st_size < 1 << 20
    with pytest.raises(UnsafeWorkbook) as exc:
        check_package(path)
    assert "xl/worksheets/sheet1.xml" in exc.value.message("en")
    assert "zip bomb" in exc.value.message("en")
    assert "zip 炸弹" in exc.value.message("zh")


def test_small_parts_may_compress_well(tmp_path: Path) -> None:
    # A blank 64 KiB part compresses far beyond 200:1; only big parts are held to the ratio.
    parts = {**MINIMAL_PARTS, "xl/styles.xml": b" " * (64 << 10)}
    check_package(make_zip(tmp_path / "ok.xlsx", parts))


def test_refuses_too_many_entries(tmp_path: Path) -> None:
    path = tmp_path / "many.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        for name, data in MINIMAL_PARTS.items():
            z.writestr(name, data)
        for i in range(package.MAX_ENTRIES + 1 - len(MINIMAL_PARTS)):
            z.writestr(f"x/{i}", b"")
    with pytest.raises(UnsafeWorkbook, match="10,001 parts"):
        check_package(path)


def test_refuses_more_than_2_gib_declared(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Writing 2 GiB is too slow for a unit test: lower the limit instead, same code path.
    monkeypatch.setattr(package, "MAX_TOTAL_SIZE", 100_000)
    parts = {**MINIMAL_PARTS, **{f"xl/media/{i}.bin": bytes(range(256)) * 200 for i in range(2)}}
    with pytest.raises(UnsafeWorkbook, match="unpacks to"):
        check_package(make_zip(tmp_path / "big.xlsx", parts))


@pytest.mark.parametrize(
    "bad_name", ["/etc/passwd", "../evil.xml", "xl/../../evil.xml", "C:/evil.xml", "xl\\..\\x"]
)
def test_refuses_absolute_or_parent_paths(tmp_path: Path, bad_name: str) -> None:
    path = make_zip(tmp_path / "paths.xlsx", {**MINIMAL_PARTS, bad_name: b"x"})
    with pytest.raises(UnsafeWorkbook, match="absolute path"):
        check_package(path)


def test_refuses_duplicate_part_names(tmp_path: Path) -> None:
    path = tmp_path / "dup.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        for name, data in MINIMAL_PARTS.items():
            z.writestr(name, data)
        with pytest.warns(UserWarning, match="Duplicate name"):
            z.writestr("xl/workbook.xml", b"<workbook/>")
    with pytest.raises(UnsafeWorkbook, match="appears twice"):
        check_package(path)
