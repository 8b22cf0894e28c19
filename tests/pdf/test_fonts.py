"""Names in Japanese, Chinese and Russian script are drawn with real
glyphs: text extraction works even when glyphs print as boxes, so these
tests read which embedded font draws each character."""

from __future__ import annotations

from pypdf import PdfReader

from dossier.pdf import fonts
from tests.pdf.pdfcheck import fonts as pdf_fonts
from tests.pdf.pdfcheck import fonts_drawing
from tests.pdf.sample import JAPANESE_NAME, RUSSIAN_NAME


def _is_cjk_font(name: str) -> bool:
    installed = {f.replace(" ", "") for f in (*fonts.CJK_FAMILIES, *fonts.installed_cjk_families())}
    return name.split("-Bold")[0].replace("-", "") in installed


def test_fonts_a_cjk_font_is_installed() -> None:
    assert fonts.installed_cjk_families(), f"no font draws Japanese; {fonts.INSTALL_HINT}"


def test_fonts_japanese_name_drawn_with_a_cjk_font(dossier_reader: PdfReader, brief_reader: PdfReader) -> None:
    for r in (dossier_reader, brief_reader):
        for char in JAPANESE_NAME:
            drawn_by = fonts_drawing(r, char)
            assert any(_is_cjk_font(name) for name in drawn_by), f"{char!r} is drawn by {drawn_by} only"


def test_fonts_russian_name_drawn_with_real_glyphs(dossier_reader: PdfReader) -> None:
    for char in set(RUSSIAN_NAME.replace(" ", "")):
        assert fonts_drawing(dossier_reader, char), f"no font draws {char!r}"


def test_fonts_every_font_is_embedded(dossier_reader: PdfReader, brief_reader: PdfReader) -> None:
    for r in (dossier_reader, brief_reader):
        used = pdf_fonts(r)
        assert used
        assert all(info.embedded for info in used.values()), [n for n, i in used.items() if not i.embedded]


def test_fonts_css_lists_cjk_families_after_the_text_font() -> None:
    stack = fonts.css_family_list(("DejaVu Serif",), "serif")
    assert stack.startswith('"DejaVu Serif", ')
    assert '"WenQuanYi Micro Hei"' in stack and stack.endswith(", serif")


def test_fonts_has_cjk_detects_kana_and_ideographs() -> None:
    assert fonts.has_cjk(JAPANESE_NAME)
    assert fonts.has_cjk("カタカナ")
    assert not fonts.has_cjk(RUSSIAN_NAME + " Shinzo Abe")
