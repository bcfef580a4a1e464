"""Reading printed badge sheets and name plates back from the PDF: the text inside each badge's box, and every
QR code on a page, decoded with zxing-cpp from the page as pdfium renders it."""
from __future__ import annotations

from dataclasses import dataclass

import math

import pypdfium2
import pypdfium2.raw as pdfium_c
import zxingcpp

from tests.e2e.printed import MM

# The sheets' geometry, as static/print.css lays them out: page, badge and gaps in millimetres.
SHEETS = {
    "a4": dict(page=(210, 297), badge=(90, 55), across=2, down=4, gaps=(10, 6)),
    "letter": dict(page=(215.9, 279.4), badge=(101.6, 76.2), across=2, down=3, gaps=(6, 8)),
    "single": dict(page=(90, 55), badge=(90, 55), across=1, down=1, gaps=(0, 0)),
}


@dataclass(frozen=True)
class Box:
    left: float
    bottom: float
    right: float
    top: float  # PDF points, from the page's lower left corner

    def holds(self, left: float, bottom: float, right: float, top: float, slack: float = 0.5) -> bool:
        return (left >= self.left - slack and right <= self.right + slack
                and bottom >= self.bottom - slack and top <= self.top + slack)


def badge_boxes(sheet: str) -> list[Box]:
    """Each badge's box on a page, in reading order (left to right, top to bottom)."""
    spec = SHEETS[sheet]
    (page_width, page_height), (width, height) = spec["page"], spec["badge"]
    column_gap, row_gap = spec["gaps"]
    grid_width = spec["across"] * width + (spec["across"] - 1) * column_gap
    grid_height = spec["down"] * height + (spec["down"] - 1) * row_gap
    left0, top0 = (page_width - grid_width) / 2, (page_height - grid_height) / 2
    boxes = []
    for row in range(spec["down"]):
        for column in range(spec["across"]):
            left = left0 + column * (width + column_gap)
            top = top0 + row * (height + row_gap)
            boxes.append(Box(left * MM, (page_height - top - height) * MM, (left + width) * MM,
                             (page_height - top) * MM))
    return boxes


@dataclass(frozen=True)
class ReadPage:
    texts: list[str]  # the text inside each box, as words on one line
    turned: list[bool]  # whether every letter in each box is printed upside down
    outside: str  # whatever text lies in no box (nothing, on a good sheet)
    codes: list[tuple[str, float, float]]  # each QR code's text and its centre, in PDF points


def read_sheets(data: bytes, boxes: list[Box]) -> list[ReadPage]:
    document = pypdfium2.PdfDocument(data)
    pages = []
    for page in document:
        text_page = page.get_textpage()
        inside: list[list[str]] = [[] for _ in boxes]
        angles: list[set[int]] = [set() for _ in boxes]
        outside = []
        for index in range(text_page.count_chars()):
            # pdfium reports a hyphen where a line was broken as U+FFFE.
            char = text_page.get_text_range(index, 1).replace("\ufffe", "-")
            if not char.strip():
                for words in inside:
                    words.append(" ")
                continue
            left, bottom, right, top = text_page.get_charbox(index)
            holder = next((number for number, box in enumerate(boxes) if box.holds(left, bottom, right, top)), None)
            if holder is None:
                outside.append(char)
            else:
                inside[holder].append(char)
                angles[holder].add(round(math.degrees(pdfium_c.FPDFText_GetCharAngle(text_page.raw, index))) % 360)
        pages.append(ReadPage([" ".join("".join(words).split()) for words in inside],
                              [found == {180} for found in angles], "".join(outside).strip(),
                              _codes(page)))
    return pages


def _codes(page, dpi: int = 200) -> list[tuple[str, float, float]]:
    scale = dpi / 72
    image = page.render(scale=scale).to_pil()
    height = page.get_height()
    found = []
    for barcode in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode):
        corners = [barcode.position.top_left, barcode.position.top_right, barcode.position.bottom_left,
                   barcode.position.bottom_right]
        x = sum(point.x for point in corners) / 4 / scale
        y = height - sum(point.y for point in corners) / 4 / scale
        found.append((barcode.text, x, y))
    return found
