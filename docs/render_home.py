"""Render the Home sheet of the Chinese workbook to docs/home-zh.png (needs LibreOffice, poppler).

    python docs/render_home.py

Form buttons are not printed (``<x:PrintObject>False``, as Excel sets a new button), so the
picture is taken from a copy whose buttons are marked printable; the workbook is unchanged.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from PIL import Image, ImageChops

from logistics.io.builder import build_workbook

OUT = Path(__file__).resolve().parent / "home-zh.png"
NOT_PRINTED = b"<x:PrintObject>False</x:PrintObject>"
MARGIN = 16  # pixels of white kept around the sheet's content


def printable_copy(source: Path, target: Path) -> Path:
    """``source`` with every VML shape printable (a missing PrintObject means True)."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename.startswith("xl/drawings/vmlDrawing"):
                data = data.replace(NOT_PRINTED, b"")
            zout.writestr(info, data)
    return target


def first_page_png(book: Path, folder: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("LibreOffice (soffice) is needed")
    profile = (folder / "profile").as_uri()
    command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"]
    subprocess.run([*command, "--outdir", str(folder), str(book)], check=True, capture_output=True)
    pdf = folder / f"{book.stem}.pdf"
    if not pdf.exists():  # soffice exits 0 when it cannot load a file
        raise SystemExit(f"LibreOffice made no PDF of {book}")
    prefix = folder / "home"
    raster = ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", str(pdf), str(prefix)]
    subprocess.run(raster, check=True)
    return next(folder.glob("home*.png"))


def cropped(page: Path) -> Image.Image:
    """The page cut down to its content: an A4 page of Home is mostly blank."""
    image = Image.open(page).convert("RGB")
    box = ImageChops.difference(image, Image.new("RGB", image.size, "white")).getbbox()
    if box is None:
        return image
    left, top, right, bottom = box
    return image.crop(
        (
            max(left - MARGIN, 0),
            max(top - MARGIN, 0),
            min(right + MARGIN, image.width),
            min(bottom + MARGIN, image.height),
        )
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        book = build_workbook(folder / "logistics.xlsm", "zh")
        page = first_page_png(printable_copy(book, folder / "home-zh.xlsm"), folder)
        cropped(page).save(OUT, optimize=True)
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
