"""Check a workbook file before any parser touches it.

An .xlsx/.xlsm file is a zip package. Readers (calamine, defusedxml, zipfile) trust the zip's
own directory, so a damaged or hostile file can cost gigabytes of memory before a single cell
is read: a 2 MB zip can declare 2 GiB of XML whitespace. ``check_package`` looks only at the
zip's central directory (names and declared sizes; nothing is decompressed) and refuses
what no real workbook looks like, with a message that tells the user what the file is.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..core.errors import LogisticsError

MAX_ENTRIES = 10_000
MAX_TOTAL_SIZE = 2 * 1024**3  # sum of declared uncompressed sizes
MAX_RATIO = 200  # uncompressed / compressed, checked for entries above RATIO_MIN_SIZE
RATIO_MIN_SIZE = 1024**2  # small parts (a blank sheet, styles) legitimately compress > 200:1
REQUIRED_PARTS = ("[Content_Types].xml", "xl/workbook.xml")

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and encrypted (password) .xlsx/.xlsm


class FileMissing(LogisticsError):
    zh = "找不到文件 {path}。请检查文件夹和文件名（包括扩展名 .xlsm）。"
    en = "File not found: {path}. Check the folder and the file name (with its .xlsm extension)."


class FileUnreadable(LogisticsError):
    zh = "无法读取文件 {path}：{error}。请检查是否有权限打开它，或它是否在已断开的网络驱动器上。"
    en = (
        "Cannot read {path}: {error}. Check that you may open it and that it is not on a "
        "disconnected network drive."
    )


class NotAWorkbook(LogisticsError):
    zh = (
        "{name} 不是 Excel 工作簿（.xlsx/.xlsm）：{reason_zh}。请选择后勤工作簿文件，"
        "或在 Excel 中打开该文件并另存为“Excel 启用宏的工作簿 (*.xlsm)”。"
    )
    en = (
        "{name} is not an Excel workbook (.xlsx/.xlsm); {reason_en}. Choose the logistics "
        "workbook, or open the file in Excel and save it as an Excel Macro-Enabled Workbook "
        "(*.xlsm)."
    )


class UnsafeWorkbook(LogisticsError):
    zh = (
        "已拒绝打开 {name}：{reason_zh}。正常的工作簿不会这样；"
        "请在 Excel 中打开并另存一份新文件，或从备份恢复。"
    )
    en = (
        "Refused to open {name}: {reason_en}. A normal workbook never looks like this; "
        "open it in Excel and save a fresh copy, or restore a backup."
    )


def check_package(path: Path) -> None:
    """Raise ``FileMissing``, ``FileUnreadable``, ``NotAWorkbook`` or ``UnsafeWorkbook``."""
    path = Path(path)
    name = path.name
    if not path.exists():
        raise FileMissing(name=name, path=str(path))
    if path.is_dir():
        raise NotAWorkbook(name=name, reason_zh="它是一个文件夹", reason_en="it is a folder")
    try:
        _check_is_zip(path)
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
    except OSError as exc:
        raise FileUnreadable(name=name, path=str(path), error=exc.strerror or exc) from exc
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise NotAWorkbook(
            name=name,
            reason_zh=f"文件已损坏（{exc}）",
            reason_en=f"the file is damaged ({exc})",
        ) from exc
    _check_entries(name, infos)
    _check_workbook_parts(name, {i.filename for i in infos})


def _check_is_zip(path: Path) -> None:
    with path.open("rb") as f:
        head = f.read(8)
    name = path.name
    if not head:
        raise NotAWorkbook(name=name, reason_zh="文件是空的", reason_en="the file is empty")
    if head == _OLE2_MAGIC:
        raise NotAWorkbook(
            name=name,
            reason_zh="它是旧版 .xls 文件，或设置了打开密码的工作簿（请先取消密码）",
            reason_en="it is an old .xls file or a password-protected workbook "
            "(remove the password)",
        )
    if not head.startswith(b"PK") or not zipfile.is_zipfile(path):
        raise NotAWorkbook(
            name=name,
            reason_zh="文件内容不是 Excel 的 zip 格式（可能是 CSV、文本或改了扩展名的文件）",
            reason_en="its content is not Excel's zip format (a CSV, text or renamed file?)",
        )


def _check_entries(name: str, infos: list[zipfile.ZipInfo]) -> None:
    def unsafe(zh: str, en: str) -> UnsafeWorkbook:
        return UnsafeWorkbook(name=name, reason_zh=zh, reason_en=en)

    if len(infos) > MAX_ENTRIES:
        n = len(infos)
        raise unsafe(
            f"包含 {n:,} 个内部部件（上限 {MAX_ENTRIES:,}）",
            f"it holds {n:,} parts (limit {MAX_ENTRIES:,})",
        )
    seen: set[str] = set()
    total = 0
    for info in infos:
        entry = info.filename
        if _unsafe_name(entry):
            raise unsafe(
                f"内部部件名称 {entry!r} 含绝对路径或“..”",
                f"part name {entry!r} is an absolute path or contains '..'",
            )
        if entry in seen:  # two parts with one name: readers disagree on which one counts
            raise unsafe(f"内部部件 {entry!r} 重复出现", f"part {entry!r} appears twice")
        seen.add(entry)
        total += info.file_size
        if info.file_size > RATIO_MIN_SIZE:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > MAX_RATIO:
                raise unsafe(
                    f"内部部件 {entry!r} 的压缩比为 {ratio:,.0f}:1"
                    f"（上限 {MAX_RATIO}:1，疑似 zip 炸弹）",
                    f"part {entry!r} compresses {ratio:,.0f}:1 (limit {MAX_RATIO}:1; a zip bomb?)",
                )
    if total > MAX_TOTAL_SIZE:
        gib = total / 1024**3
        raise unsafe(
            f"解压后共 {gib:,.1f} GiB（上限 2 GiB）",
            f"it unpacks to {gib:,.1f} GiB (limit 2 GiB)",
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
    if "word/document.xml" in names:
        zh, en = "它是 Word 文档", "it is a Word document"
    elif "ppt/presentation.xml" in names:
        zh, en = "它是 PowerPoint 演示文稿", "it is a PowerPoint presentation"
    else:
        zh = f"它是 zip 压缩包，但不含工作簿内容（缺少 {missing[0]}）"
        en = f"it is a zip archive without workbook content (no {missing[0]})"
    raise NotAWorkbook(name=name, reason_zh=zh, reason_en=en)
