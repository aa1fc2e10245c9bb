"""A document that cannot be saved (a read-only folder) is named with the system's reason,
even when the temp file cannot be removed either (it then never existed)."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from reports import render
from reports.errors import OutputNotWritable


class _Unsavable:
    def save(self, path: Path) -> None:
        raise OSError(errno.EROFS, "Read-only file system", str(path))


def test_a_read_only_folder_is_named_not_an_internal_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unlink(self: Path, missing_ok: bool = False) -> None:
        raise OSError(errno.EROFS, "Read-only file system", str(self))

    monkeypatch.setattr(Path, "unlink", unlink)
    with pytest.raises(OutputNotWritable) as caught:
        render.save_atomically(_Unsavable(), tmp_path / "通报.docx")  # type: ignore[arg-type]
    assert "Read-only file system" in caught.value.message("en")
