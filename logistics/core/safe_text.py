"""Typed text made harmless for terminals and file names (SPEC §7).

Text typed into a workbook can hold anything a keyboard, a paste or a hostile file puts there:
terminal escape sequences (which recolour, move the cursor, retitle the window or hide what
follows), C0/C1 control characters, and invisible format characters such as the right-to-left
override U+202E, which makes ``txt.exe`` read as ``exe.txt``. None of it may reach a terminal
or a file name. Printable text, Chinese included, is kept as it is.
"""

from __future__ import annotations

import re
import unicodedata

# Whole escape sequences, so no "[31m" is left behind: CSI (ESC [ or the 8-bit 0x9B), OSC,
# DCS/SOS/PM/APC strings (up to BEL or ST), then any other two-character ESC sequence.
_ESCAPE_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]?"
)

# Unicode general categories removed: Cc (control), Cf (format: bidi embeddings, overrides and
# isolates U+202A-E and U+2066-9, LRM/RLM U+200E-F, ALM U+061C, zero-width space/joiners
# U+200B-D, word joiner U+2060, BOM U+FEFF, soft hyphen), Co (private use), Cs (lone
# surrogates), Cn (unassigned), Zl/Zp (line and paragraph separators).
_REMOVED_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp"})


def _is_removed(ch: str) -> bool:
    return unicodedata.category(ch) in _REMOVED_CATEGORIES


def terminal_text(text: str, *, keep_newlines: bool = True) -> str:
    """``text`` without escape sequences, control or invisible format characters.

    Tabs become a space; line breaks (``\\n``) stay unless ``keep_newlines`` is false, when
    they become a space too. Everything printable is kept unchanged.
    """
    if text.isascii() and text.isprintable():
        return text  # the common case: nothing to do
    text = _ESCAPE_SEQUENCE.sub("", text)
    text = text.replace("\r\n", "\n").replace("\t", " ")
    out = []
    for ch in text:
        if ch == "\n":
            out.append("\n" if keep_newlines else " ")
        elif ch in "\r\u2028\u2029":
            out.append(" ")
        elif not _is_removed(ch):
            out.append(ch)
    return "".join(out)
