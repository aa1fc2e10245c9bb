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
    zh = "找不到文件 {path}。请检查文件夹和文件名（包括扩展名 .xlsm）。"
    en = "File not found: {path}. Check the folder and the file name (with its .xlsm extension)."


class FileUnreadable(LogisticsError):
    zh = "无法读取文件 {path}：{error}。请检查是否有权限打开它，或它是否在已断开的网络驱动器上。"
    en = (
        "Cannot read {path}: {error}. Check that you may open it and that it is not on a "
        "disconnected network drive."
    )


class NotAWorkbook(LogisticsError):
    """``reason`` says what the file is; ``advice`` (default: save it as .xlsm) what to do.
    A reason that already says how to convert or recover passes an empty advice."""

    zh = "{name} 不是 Excel 工作簿（.xlsx/.xlsm）：{reason_zh}。{advice_zh}"
    en = "{name} is not an Excel workbook (.xlsx/.xlsm); {reason_en}. {advice_en}"
    ADVICE = (
        "请选择后勤工作簿文件，或在 Excel 中打开该文件并另存为“Excel 启用宏的工作簿 (*.xlsm)”。",
        "Choose the logistics workbook, or open the file in Excel and save it as an Excel "
        "Macro-Enabled Workbook (*.xlsm).",
    )

    def __init__(self, **params: object) -> None:
        params.setdefault("advice_zh", self.ADVICE[0])
        params.setdefault("advice_en", self.ADVICE[1])
        super().__init__(**params)

    def message(self, lang: str = "zh") -> str:
        return super().message(lang).rstrip()


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
            reason_zh=f"文件已损坏（{exc}）",
            reason_en=f"the file is damaged ({exc})",
        ) from exc
    _check_entries(name, infos)
    _check_workbook_parts(name, {i.filename for i in infos})


_NOT_REGULAR = (
    (stat.S_ISDIR, "它是一个文件夹", "it is a folder"),
    (stat.S_ISFIFO, "它是命名管道（FIFO），不是文件", "it is a named pipe (FIFO), not a file"),
    (stat.S_ISCHR, "它是设备，不是文件", "it is a device, not a file"),
    (stat.S_ISBLK, "它是设备，不是文件", "it is a device, not a file"),
    (stat.S_ISSOCK, "它是套接字，不是文件", "it is a socket, not a file"),
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
        ("它不是普通文件", "it is not a regular file"),
    )
    raise NotAWorkbook(
        name=path.name,
        reason_zh=zh,
        reason_en=en,
        advice_zh="请选择工作簿文件本身。",
        advice_en="Choose the workbook file itself.",
    )


_SAYS_HOW = {"advice_zh": "", "advice_en": ""}  # the reason already says how to convert


def _describe_text(head: bytes) -> dict[str, str]:
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
            "reason_zh": "文件内容不是 Excel 的 zip 格式，无法识别（可能改了扩展名）",
            "reason_en": "its content is not Excel's zip format and its kind is unknown "
            "(a renamed file?)",
        }
    first = text.splitlines()[0] if text.strip() else ""
    if "," in first or "\t" in first or "，" in first:
        return {
            "reason_zh": "它是 CSV（逗号或制表符分隔的文本）文件。请用 Excel 或 WPS 打开，"
            "再“文件 → 另存为”Excel 工作簿",
            "reason_en": "it is a CSV (comma- or tab-separated text) file; open it in Excel or "
            "WPS and use File → Save As to save it as an Excel workbook",
            **_SAYS_HOW,
        }
    return {"reason_zh": "它是文本文件，不是工作簿", "reason_en": "it is a text file"}


def _check_is_zip(path: Path) -> None:
    with path.open("rb") as f:
        head = f.read(4096)
    name = path.name
    if not head:
        raise NotAWorkbook(name=name, reason_zh="文件是空的", reason_en="the file is empty")
    if head[:8] == _OLE2_MAGIC:
        raise NotAWorkbook(
            name=name,
            reason_zh="它是旧版 .xls 文件，或设置了打开密码的工作簿（请先取消密码）",
            reason_en="it is an old .xls file or a password-protected workbook "
            "(remove the password)",
        )
    if head.startswith(b"PK\x03\x04") and not zipfile.is_zipfile(path):
        # A zip's directory is at its end: a copy or download cut short has none.
        raise NotAWorkbook(
            name=name,
            reason_zh="文件已损坏或不完整（复制或下载被中断，zip 目录缺失）。"
            "请从备份（工作簿旁的 .logistics-backups 文件夹）恢复，"
            "或在 Excel 中打开原件并重新保存",
            reason_en="the file is damaged or truncated (a copy or download was cut short; "
            "the zip directory is missing). Restore a backup (the .logistics-backups folder "
            "beside the workbook), or open the original in Excel and save it again",
            **_SAYS_HOW,
        )
    if not head.startswith(b"PK") or not zipfile.is_zipfile(path):
        raise NotAWorkbook(name=name, **_describe_text(head))


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
    total = packed = 0
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
        packed += info.compress_size
        if info.file_size > RATIO_MIN_SIZE:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > MAX_RATIO:
                raise unsafe(
                    f"内部部件 {entry!r} 的压缩比为 {ratio:,.0f}:1"
                    f"（上限 {MAX_RATIO}:1，疑似 zip 炸弹）",
                    f"part {entry!r} compresses {ratio:,.0f}:1 (limit {MAX_RATIO}:1; a zip bomb?)",
                )
    if total > MAX_TOTAL_SIZE:
        raise unsafe(
            f"解压后共 {total / 1024**2:,.0f} MiB（上限 {MAX_TOTAL_SIZE / 1024**2:,.0f} MiB）",
            f"it unpacks to {total / 1024**2:,.0f} MiB (limit {MAX_TOTAL_SIZE / 1024**2:,.0f} MiB)",
        )
    ratio = total / max(packed, 1)
    if total > PACKAGE_RATIO_MIN_SIZE and ratio > MAX_PACKAGE_RATIO:
        raise unsafe(
            f"整个文件的压缩比为 {ratio:,.0f}:1（真实工作簿约 10:1，上限 {MAX_PACKAGE_RATIO}:1，"
            "疑似 zip 炸弹）",
            f"the package compresses {ratio:,.0f}:1 (real workbooks about 10:1, limit "
            f"{MAX_PACKAGE_RATIO}:1; a zip bomb?)",
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
    how: dict[str, str] = {}
    if "mimetype" in names and any(n in names for n in ("content.xml", "META-INF/manifest.xml")):
        zh = (
            "它是 OpenDocument 电子表格（.ods，LibreOffice 或 WPS 的格式）。请在 LibreOffice 或 WPS"
            "中打开，“文件 → 另存为”Excel 工作簿（.xlsx）或启用宏的工作簿（.xlsm）"
        )
        en = (
            "it is an OpenDocument spreadsheet (.ods, LibreOffice's or WPS's format); open it in "
            "LibreOffice or WPS and use File → Save As to save it as an Excel workbook (.xlsx) "
            "or macro-enabled workbook (.xlsm)"
        )
        how = _SAYS_HOW
    elif "word/document.xml" in names:
        zh, en = "它是 Word 文档", "it is a Word document"
    elif "ppt/presentation.xml" in names:
        zh, en = "它是 PowerPoint 演示文稿", "it is a PowerPoint presentation"
    else:
        zh = f"它是 zip 压缩包，但不含工作簿内容（缺少 {missing[0]}）"
        en = f"it is a zip archive without workbook content (no {missing[0]})"
    raise NotAWorkbook(name=name, reason_zh=zh, reason_en=en, **how)
