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
    said = "sheet_missing"


class WorkbookChanged(LogisticsError):
    said = "workbook_changed"


class WriteFailed(LogisticsError):
    said = "write_failed"
