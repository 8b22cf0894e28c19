"""Reading PDFs by structure with pypdf: outline, link targets, text and
the fonts that actually draw each character."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


@dataclass(frozen=True)
class OutlineEntry:
    depth: int
    title: str
    page: int  # 1-based


def outline(r: PdfReader) -> list[OutlineEntry]:
    out: list[OutlineEntry] = []

    def walk(items: list, depth: int) -> None:  # type: ignore[type-arg]
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                out.append(OutlineEntry(depth, str(item.title), r.get_destination_page_number(item) + 1))

    walk(r.outline, 0)
    return out


def page_texts(r: PdfReader) -> list[str]:
    return [page.extract_text() or "" for page in r.pages]


def link_targets(r: PdfReader) -> list[tuple[int, str]]:
    """(1-based page, destination name) of every internal link; external
    (URI) links are returned as ('uri', url) with page 0."""
    out: list[tuple[int, str]] = []
    for number, page in enumerate(r.pages, 1):
        for annot in page.get("/Annots", []) or []:
            a = annot.get_object()
            if a.get("/Subtype") != "/Link":
                continue
            if "/Dest" in a:
                out.append((number, str(a["/Dest"])))
            elif "/A" in a and "/D" in a["/A"]:
                out.append((number, str(a["/A"]["/D"])))
            elif "/A" in a and "/URI" in a["/A"]:
                out.append((0, "uri:" + str(a["/A"]["/URI"])))
    return out


def destination_pages(r: PdfReader) -> dict[str, int]:
    """Named destination -> 1-based page."""
    return {str(name): r.get_destination_page_number(dest) + 1 for name, dest in r.named_destinations.items()}


_BFCHAR = re.compile(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
_BFRANGE = re.compile(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")


def _to_unicode(font: DictionaryObject) -> dict[int, str]:
    """Glyph id -> text, from the font's ToUnicode CMap."""
    if "/ToUnicode" not in font:
        return {}
    cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
    mapping: dict[int, str] = {}
    for block in re.findall(r"beginbfrange(.*?)endbfrange", cmap, flags=re.S):
        for lo, hi, dst in _BFRANGE.findall(block):
            base = int(dst, 16)
            for i, gid in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                mapping[gid] = chr(base + i)
    for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, flags=re.S):
        for gid, dst in _BFCHAR.findall(block):
            mapping[int(gid, 16)] = bytes.fromhex(dst).decode("utf-16-be")
    return mapping


@dataclass
class FontInfo:
    name: str  # without the subset prefix: 'WenQuanYi-Micro-Hei'
    embedded: bool
    chars: set[str]  # characters drawn with a real glyph (glyph id > 0)


def fonts(r: PdfReader) -> dict[str, FontInfo]:
    """Every font the PDF uses, by base name."""
    out: dict[str, FontInfo] = {}
    for page in r.pages:
        resources = page.get("/Resources")
        if resources is None:
            continue
        font_dict = resources.get_object().get("/Font", {})
        for ref in font_dict.values():
            font = ref.get_object() if isinstance(ref, IndirectObject) else ref
            name = str(font["/BaseFont"]).lstrip("/").split("+", 1)[-1]
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            chars = {text for gid, text in _to_unicode(font).items() if gid > 0}
            info = out.setdefault(name, FontInfo(name, embedded, set()))
            info.chars |= chars
            info.embedded = info.embedded and embedded
    return out


def fonts_drawing(r: PdfReader, char: str) -> list[str]:
    """Names of the fonts that draw `char` with a real glyph."""
    return sorted(name for name, info in fonts(r).items() if char in info.chars)


_TOC_LINE = re.compile(r"^(?P<title>.+?)\s*(?:\.\s*)+(?P<page>\d+)$")


def toc_entries(text: str) -> list[tuple[str, int]]:
    """('Overview', 3) for each dotted-leader line of a contents page."""
    out = []
    for line in text.splitlines():
        m = _TOC_LINE.match(line.strip())
        if m:
            out.append((m.group("title").strip(), int(m.group("page"))))
    return out
