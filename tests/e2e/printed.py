"""Reading a printed PDF back, page by page, as a reader of the paper would: header, body and footer."""
from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass

from pypdf import PdfReader

MM = 72 / 25.4
# The page margins of static/print.css, where the running header and footer print.
TOP_MARGIN, BOTTOM_MARGIN = 18 * MM, 16 * MM


@dataclass(frozen=True)
class PrintedPage:
    number: int
    width: float
    height: float
    header: str
    body: str
    footer: str
    fonts: frozenset[str]

    @property
    def size_mm(self) -> tuple[int, int]:
        return round(self.width / MM), round(self.height / MM)


def read_pdf(data: bytes) -> list[PrintedPage]:
    return [_read_page(number, page) for number, page in enumerate(PdfReader(io.BytesIO(data)).pages, start=1)]


def _read_page(number: int, page) -> PrintedPage:
    height = float(page.mediabox.height)
    zones: dict[str, list[str]] = {"header": [], "body": [], "footer": []}
    last_line: dict[str, float] = {}

    def visit(text, cm, tm, font_dict, font_size):
        if not text.strip():
            return
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        zone = "header" if y > height - TOP_MARGIN else "footer" if y < BOTTOM_MARGIN else "body"
        if abs(last_line.get(zone, y) - y) > 0.5:
            zones[zone].append("\n")
        last_line[zone] = y
        zones[zone].append(text)

    page.extract_text(visitor_text=visit)
    return PrintedPage(
        number, float(page.mediabox.width), height,
        **{zone: _words("".join(parts)) for zone, parts in zones.items()},
        fonts=frozenset(_font_names(page)),
    )


def _words(text: str) -> str:
    """Text as plain words on one line: ligatures (the "ﬀ" of "Coﬀee") undone, runs of space made one."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _font_names(page) -> set[str]:
    """The fonts a page draws with, without the subset prefix: "NotoSans-Regular", "NotoSansCJKkr-Regular"."""
    names = set()
    for font in page["/Resources"].get("/Font", {}).values():
        font = font.get_object()
        name = font.get("/BaseFont") or font.get("/FontDescriptor", {}).get("/FontName", "")
        names.add(str(name).lstrip("/").split("+")[-1])
    return names
