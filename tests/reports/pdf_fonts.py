"""Which face of a Noto CJK collection a PDF really embeds, read from the glyphs themselves.

The Noto CJK ``.ttc`` files hold one font per region (JP, KR, SC, TC, HK) that share ONE CFF
table, so LibreOffice names every embedded subset after that table: ``NotoSerifCJKjp-…``,
whatever face it used. The name proves nothing. What differs between the faces is the cmap:
``直`` is glyph ``cid27746`` in the SC face and ``cid27745`` in the JP face. LibreOffice embeds
Type 1 subsets whose glyph names keep those CIDs, so a character's embedded glyph name tells
which face drew it.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Iterator
from pathlib import Path

import pdfplumber
from fontTools.t1Lib import T1Font
from fontTools.ttLib import TTFont
from pdfminer.pdftypes import resolve1

NOTO_DIRS = (
    "/usr/share/fonts/opentype/noto",
    "/usr/share/fonts/noto-cjk",
    "/usr/share/fonts/google-noto-cjk",
    "/usr/share/fonts/opentype/noto-cjk",
)
_BFCHAR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")


def noto_collection(serif: bool) -> Path | None:
    name = "NotoSerifCJK-Regular.ttc" if serif else "NotoSansCJK-Regular.ttc"
    return next((Path(d) / name for d in NOTO_DIRS if (Path(d) / name).is_file()), None)


def cid(glyph: str) -> int:
    """The CID of a glyph name (``cid09956`` in the collection, ``cid9956`` in a subset)."""
    return int(glyph.removeprefix("cid"))


def face_cmaps(collection: Path) -> dict[str, dict[int, str]]:
    """Family name -> {code point: glyph name} for every face of a collection."""
    faces: dict[str, dict[int, str]] = {}
    index = 0
    while True:
        try:
            font = TTFont(str(collection), fontNumber=index, lazy=True)
        except Exception:  # past the last face
            return faces
        faces[font["name"].getDebugName(1)] = font.getBestCmap()
        index += 1


def _type1_glyph_names(stream: object, tmp: Path) -> dict[int, str]:
    """Code -> glyph name of an embedded Type 1 font (``FontFile`` with Length1..3)."""
    data = stream.get_data()  # type: ignore[attr-defined]
    l1, l2 = resolve1(stream["Length1"]), resolve1(stream["Length2"])  # type: ignore[index]
    pfb = b""
    for kind, chunk in ((1, data[:l1]), (2, data[l1 : l1 + l2]), (1, data[l1 + l2 :])):
        pfb += bytes([128, kind]) + struct.pack("<I", len(chunk)) + chunk
    path = tmp / "subset.pfb"
    path.write_bytes(pfb + bytes([128, 3]))
    font = T1Font(str(path))
    font.parse()
    encoding = font.font["Encoding"]
    return {code: name for code, name in enumerate(encoding) if name != ".notdef"}


def embedded_cjk_glyphs(pdf_path: Path, tmp: Path) -> Iterator[tuple[str, str, str]]:
    """(font name, character, glyph name) for every CJK character's glyph embedded in a PDF."""
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            resources = resolve1(page.page_obj.resources) or {}
            for ref in (resolve1(resources.get("Font")) or {}).values():
                font = resolve1(ref)
                descriptor = resolve1(font.get("FontDescriptor"))
                if descriptor is None or "FontFile" not in descriptor:
                    continue
                names = _type1_glyph_names(resolve1(descriptor["FontFile"]), tmp)
                to_unicode = resolve1(font["ToUnicode"]).get_data()
                for code, uni in _BFCHAR.findall(to_unicode):
                    char = bytes.fromhex(uni.decode()).decode("utf-16-be", "ignore")
                    glyph = names.get(int(code, 16))
                    if glyph and len(char) == 1 and ord(char) >= 0x2E80:
                        yield str(font["BaseFont"]), char, glyph
