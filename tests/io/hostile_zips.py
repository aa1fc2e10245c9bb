"""Hostile zip packages written byte by byte: declared sizes, CRCs and contents as chosen.

``zipfile`` cannot write a part whose directory lies about its size, nor reuse one compressed
payload for many parts, so bombs are assembled here from a payload deflated once.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Part:
    name: str
    payload: bytes  # raw deflate stream
    size: int  # declared uncompressed size
    crc: int


def deflated(data: bytes) -> bytes:
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def part(name: str, data: bytes, *, declared: int | None = None) -> Part:
    """``data`` deflated; ``declared`` (default: the truth) goes into the zip's headers."""
    return Part(name, deflated(data), len(data) if declared is None else declared, zlib.crc32(data))


def write_zip(path: Path, parts: list[Part]) -> Path:
    central = []
    with path.open("wb") as f:
        for p in parts:
            offset = f.tell()
            name = p.name.encode()
            sizes = (p.crc, len(p.payload), p.size, len(name), 0)
            f.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, *sizes))
            f.write(name + p.payload)
            central.append(
                struct.pack(
                    "<IHHHHHHIIIHHHHHII",
                    0x02014B50,
                    20,
                    20,
                    0,
                    8,
                    0,
                    0x21,
                    *sizes,
                    0,
                    0,
                    0,
                    0,
                    offset,
                )
                + name
            )
        start = f.tell()
        for record in central:
            f.write(record)
        size = f.tell() - start
        f.write(
            struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), size, start, 0)
        )
    return path
