"""``logistics … | head -1``: when the reader stops reading, the command ends quietly."""

from __future__ import annotations

import os
import subprocess
import sys

from logistics.safe_console import BROKEN_PIPE_EXIT
from tests.workbooks import build


def test_a_closed_pipe_ends_the_command_quietly_with_141(tmp_path):
    book = build(tmp_path / "school.xlsm")
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first line (what head does later)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "logistics", "validate", str(book), "--as-of", "2025-03-05"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            timeout=120,
        )
    finally:
        os.close(write_end)
    # 141 = 128 + SIGPIPE, as a shell reports a tool ended by a closed pipe; 1 would mean
    # validation errors, and nothing is said on stderr (no traceback, no "Exception ignored").
    assert done.returncode == BROKEN_PIPE_EXIT == 141
    assert done.stderr == b""
