"""Small helpers for OOXML parts read as text or with ElementTree: the optional namespace
prefix and attributes in regular expressions, the root's start tag, a tag's local name and
namespace."""

from __future__ import annotations

import re

PREFIX = r"(?:[\w.-]+:)?"  # optional namespace prefix (some generators write <x:row>)
ATTR = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
START_TAG = re.compile(r"<(?![?!/])[\w.:-]+([^>]*)>")  # the first one found is the root's


def local_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def namespace(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""
