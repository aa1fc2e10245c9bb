"""The errors the result writer raises, and what a damaged package raises while it is read."""

from __future__ import annotations

import zipfile
import zlib

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as DET

from ..core.errors import LogisticsError

# What a damaged package raises while we read it (check_package only saw its directory).
DAMAGED = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    UnicodeDecodeError,
    DET.ParseError,
    DefusedXmlException,
)


class SheetMissing(LogisticsError):
    zh = (
        "工作簿 {name} 中没有工作表“{sheet}”（现有：{sheets}）。结果工作表不能改名或删除；"
        "请从 .logistics-backups 中的备份恢复，或重新生成工作簿。"
    )
    en = (
        "Workbook {name} has no sheet named '{sheet}' (it has: {sheets}). Result sheets must "
        "not be renamed or deleted; restore a backup from .logistics-backups or rebuild the "
        "workbook."
    )


class WorkbookChanged(LogisticsError):
    zh = (
        "工作簿 {name} 在计算期间被修改或保存过，为免覆盖这些修改，结果没有写入。"
        "请关闭工作簿后重新运行。"
    )
    en = (
        "Workbook {name} was changed or saved while the results were being computed; to keep "
        "those changes nothing was written. Close the workbook and run again."
    )


class WriteFailed(LogisticsError):
    zh = "无法把结果写入 {name}：{reason_zh}。工作簿没有被修改。"
    en = "Could not write the results into {name}: {reason_en}. The workbook was not changed."
