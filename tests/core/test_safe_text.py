"""Typed text loses escape sequences, control and direction characters (SPEC §7)."""

from __future__ import annotations

import pytest

from logistics.core.safe_text import terminal_text


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("张伟 Zhang Wei", "张伟 Zhang Wei"),
        ("\x1b[31m红色\x1b[0m", "红色"),  # colour (CSI)
        ("\x1b[2J\x1b[H清屏", "清屏"),  # clear screen, cursor home
        ("\x1b]0;窗口标题\x07正文", "正文"),  # OSC: set the window title
        ("\x1b]8;;http://x\x1b\\链接\x1b]8;;\x1b\\", "链接"),  # OSC 8 hyperlink, ST-terminated
        ("\x9b31m八位", "八位"),  # 8-bit CSI
        ("a\x1bcb", "ab"),  # ESC c: full reset
        ("\x07\x08\x00\x7f\x85x", "x"),  # BEL, BS, NUL, DEL, C1 NEL
        ("报告\u202excod.exe", "报告xcod.exe"),  # right-to-left override
        ("\u200e\u200f\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069\u061c左右", "左右"),
        ("零\u200b宽\u200c字\u200d符\u2060\ufeff", "零宽字符"),
        ("行一\r\n行二\u2028行三", "行一\n行二 行三"),
        ("a\tb", "a b"),
    ],
)
def test_terminal_text(typed: str, shown: str) -> None:
    assert terminal_text(typed) == shown


def test_newlines_can_become_spaces() -> None:
    assert terminal_text("一\n二", keep_newlines=False) == "一 二"
