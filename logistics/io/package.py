"""Check a workbook file before any parser touches it.

An .xlsx/.xlsm file is a zip package. Readers (calamine, defusedxml, zipfile) trust the zip's
own directory, so a damaged or hostile file can cost gigabytes of memory before a single cell
is read: a 2 MB zip can declare 2 GiB of XML whitespace. ``check_package`` looks only at the
zip's central directory (names and declared sizes; nothing is decompressed) and refuses
what no real workbook looks like, with a message that tells the user what the file is.

Budget (SPEC §7): real workbooks compress 8–10:1 (a million log rows is a 26 MB file of 243 MB
XML, and must still run); bombs built just under the per-part ratio limit compress ~175:1 or
spread over many small parts. So the package as a whole is held to MAX_TOTAL_SIZE and, once it
is big enough to matter, to MAX_PACKAGE_RATIO. Declared sizes can lie: ``package_budget``
streams the parts before a parser sees them and bounds the bytes that really come out.

Only a regular file is opened: a FIFO would block the open, a device would read forever.
"""

from __future__ import annotations

import os
import stat
import zipfile
from pathlib import Path

from words import Both, both

from ..core.errors import LogisticsError

MAX_ENTRIES = 10_000
MAX_TOTAL_SIZE = 512 * 1024**2  # sum of uncompressed sizes: 2x the million-row workbook's 243 MB
MAX_RATIO = 200  # uncompressed / compressed, checked for entries above RATIO_MIN_SIZE
RATIO_MIN_SIZE = 1024**2  # small parts (a blank sheet, styles) legitimately compress > 200:1
# The whole package: real workbooks are 8-10:1, a blank one more, but a blank one is small.
MAX_PACKAGE_RATIO = 25
PACKAGE_RATIO_MIN_SIZE = 32 * 1024**2
REQUIRED_PARTS = ("[Content_Types].xml", "xl/workbook.xml")

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and encrypted (password) .xlsx/.xlsm


class FileMissing(LogisticsError):
    said = "file_missing"


class FileUnreadable(LogisticsError):
    said = "file_unreadable"


class NotAWorkbook(LogisticsError):
    """``reason`` says what the file is; ``advice`` (default: save it as .xlsm) what to do.
    A reason that already says how to convert or recover passes an empty advice."""

    said = "not_a_workbook"
    ADVICE = both("choose_logistics_workbook_open")

    def __init__(self, **params: object) -> None:
        params.setdefault("advice", self.ADVICE)
        super().__init__(**params)

    def message(self, lang: str = "zh") -> str:
        return super().message(lang).rstrip()


class UnsafeWorkbook(LogisticsError):
    said = "unsafe_workbook"


def check_package(path: Path) -> None:
    """Raise ``FileMissing``, ``FileUnreadable``, ``NotAWorkbook`` or ``UnsafeWorkbook``."""
    path = Path(path)
    name = path.name
    _check_regular_file(path)
    try:
        _check_is_zip(path)
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
    except OSError as exc:
        raise FileUnreadable(name=name, path=str(path), error=exc.strerror or exc) from exc
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise NotAWorkbook(
            name=name,
            reason=both("file_damaged", exc=exc),
        ) from exc
    _check_entries(name, infos)
    _check_workbook_parts(name, {i.filename for i in infos})


_NOT_REGULAR = (
    (stat.S_ISDIR, *both("it_is_a_folder")),
    (stat.S_ISFIFO, *both("named_pipe_fifo_not")),
    (stat.S_ISCHR, *both("device_not_file")),
    (stat.S_ISBLK, *both("device_not_file")),
    (stat.S_ISSOCK, *both("socket_not_file")),
)


def _check_regular_file(path: Path) -> None:
    """Refuse anything but a regular file, by ``stat`` alone: opening a FIFO blocks."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise FileMissing(name=path.name, path=str(path)) from None
    except OSError as exc:
        raise FileUnreadable(name=path.name, path=str(path), error=exc.strerror or exc) from exc
    if stat.S_ISREG(mode):
        return
    zh, en = next(
        ((zh, en) for test, zh, en in _NOT_REGULAR if test(mode)),
        both("not_regular_file"),
    )
    raise NotAWorkbook(
        name=path.name,
        reason=Both(zh, en),
        advice=both("choose_workbook_file_itself"),
    )


_SAYS_HOW: dict[str, object] = {"advice": ""}  # the reason already says how to convert


def _describe_text(head: bytes) -> dict[str, object]:
    """What a file that is not a zip probably is, from its first bytes: NotAWorkbook params."""
    text = None
    for encoding in ("utf-8-sig", "gb18030"):
        for cut in range(4):  # the 4096 bytes read may end inside a character
            try:
                text = head[: len(head) - cut].decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        if text is not None:
            break
    if text is None or any(ord(c) < 32 and c not in "\r\n\t\f" for c in text):
        return {
            "reason": both("content_not_excel_s"),
        }
    first = text.splitlines()[0] if text.strip() else ""
    if "," in first or "\t" in first or "，" in first:
        return {
            "reason": both("csv_comma_tab_separated"),
            **_SAYS_HOW,
        }
    return {"reason": both("text_file")}


def _check_is_zip(path: Path) -> None:
    with path.open("rb") as f:
        head = f.read(4096)
    name = path.name
    if not head:
        raise NotAWorkbook(name=name, reason=both("file_empty"))
    if head[:8] == _OLE2_MAGIC:
        raise NotAWorkbook(
            name=name,
            reason=both("old_xls_file_password"),
        )
    if head.startswith(b"PK\x03\x04") and not zipfile.is_zipfile(path):
        # A zip's directory is at its end: a copy or download cut short has none.
        raise NotAWorkbook(
            name=name,
            reason=both("file_damaged_truncated_copy"),
            **_SAYS_HOW,
        )
    if not head.startswith(b"PK") or not zipfile.is_zipfile(path):
        raise NotAWorkbook(name=name, **_describe_text(head))


def _check_entries(name: str, infos: list[zipfile.ZipInfo]) -> None:
    def unsafe(zh: str, en: str) -> UnsafeWorkbook:
        return UnsafeWorkbook(name=name, reason=Both(zh, en))

    if len(infos) > MAX_ENTRIES:
        n = len(infos)
        raise unsafe(
            *both("holds_parts_limit", n=n, MAX_ENTRIES=MAX_ENTRIES),
        )
    seen: set[str] = set()
    total = packed = 0
    for info in infos:
        entry = info.filename
        if _unsafe_name(entry):
            raise unsafe(
                *both("part_name_absolute_path", entry=entry),
            )
        if entry in seen:  # two parts with one name: readers disagree on which one counts
            raise unsafe(*both("part_appears_twice", entry=entry))
        seen.add(entry)
        total += info.file_size
        packed += info.compress_size
        if info.file_size > RATIO_MIN_SIZE:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > MAX_RATIO:
                raise unsafe(
                    *both(
                        "part_compresses_limit_zip", entry=entry, ratio=ratio, MAX_RATIO=MAX_RATIO
                    ),
                )
    if total > MAX_TOTAL_SIZE:
        raise unsafe(
            *both(
                "unpacks_mib_limit_mib",
                total=total / 1024**2,
                MAX_TOTAL_SIZE=MAX_TOTAL_SIZE / 1024**2,
            ),
        )
    ratio = total / max(packed, 1)
    if total > PACKAGE_RATIO_MIN_SIZE and ratio > MAX_PACKAGE_RATIO:
        raise unsafe(
            *both(
                "package_compresses_real_workbooks",
                ratio=ratio,
                MAX_PACKAGE_RATIO=MAX_PACKAGE_RATIO,
            ),
        )


def _unsafe_name(entry: str) -> bool:
    name = entry.replace("\\", "/")
    if name.startswith("/") or name[1:2] == ":":
        return True  # absolute or drive-letter (C:...) names
    return ".." in name.split("/")


def _check_workbook_parts(name: str, names: set[str]) -> None:
    missing = [p for p in REQUIRED_PARTS if p not in names]
    if not missing:
        return
    how: dict[str, object] = {}
    if "mimetype" in names and any(n in names for n in ("content.xml", "META-INF/manifest.xml")):
        zh, en = both("opendocument_spreadsheet_ods_libreoffice")
        how = _SAYS_HOW
    elif "word/document.xml" in names:
        zh, en = both("word_document")
    elif "ppt/presentation.xml" in names:
        zh, en = both("powerpoint_presentation")
    else:
        zh, en = both("zip_archive_without_workbook", missing=missing[0])
    raise NotAWorkbook(name=name, reason=Both(zh, en), **how)
