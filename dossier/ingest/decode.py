"""Turn the bytes of an article file into text, refusing binary files and
detecting encodings other than UTF-8.

A file with a byte-order mark is read in the encoding the mark declares.
Without one, UTF-8 is tried first; a file that is not valid UTF-8 is read in
the encoding charset-normalizer detects, and the result says that the
encoding was assumed (`Decoded.detected`), so that the build warns and the
source page shows it.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from dossier.errors import IngestError

# A file larger than this is refused before it is read: far beyond any news
# article (see MAX_ARTICLE_CHARS in dossier.ingest for the limit on text).
MAX_BYTES = 16 * 1024 * 1024

_BINARY_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"II*\x00": "a TIFF image",
    b"MM\x00*": "a TIFF image",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office document",
    b"{\\rtf": "an RTF document",
    b"\x1f\x8b": "a gzip archive",
    b"7z\xbc\xaf": "a 7-Zip archive",
    b"\x7fELF": "an executable",
    b"\x1a\x45\xdf\xa3": "a video (Matroska/WebM)",
}
_MP4 = re.compile(rb"\A....ftyp", re.S)

# Control characters that do not occur in text (tab, newlines and form feed
# do), and the replacement character a failed decode leaves.
_NOT_TEXT = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f\ufffd]")
_SAMPLE = 65536
_MAX_NOT_TEXT = 0.01

# Names a reader knows, for the codecs a notice may name.
_LABELS = {
    "utf-8-sig": "UTF-8", "utf-16": "UTF-16", "utf-32": "UTF-32", "utf-16-le": "UTF-16 (little-endian)",
    "utf-16-be": "UTF-16 (big-endian)", "cp1251": "Windows-1251 (Cyrillic)", "cp1252": "Windows-1252 (Western)",
    "cp1250": "Windows-1250 (Central European)", "koi8-r": "KOI8-R (Cyrillic)", "shift_jis": "Shift_JIS (Japanese)",
    "cp932": "Shift_JIS (Japanese, Windows code page 932)", "euc_jp": "EUC-JP (Japanese)",
    "iso8859-1": "ISO-8859-1 (Latin-1)", "gb18030": "GB18030 (Chinese)", "big5": "Big5 (Chinese)",
}


def encoding_label(encoding: str) -> str:
    return _LABELS.get(encoding, encoding)


@dataclass(slots=True, frozen=True)
class Decoded:
    text: str
    encoding: str  # a Python codec name: "utf-8", "utf-8-sig", "cp1251", "shift_jis", ...
    detected: bool = False  # True when the encoding was guessed, not declared

    def notice(self) -> str | None:
        """What a reader should know about the encoding, or None for UTF-8."""
        if self.encoding == "utf-8":
            return None
        if not self.detected:
            return f"read as {encoding_label(self.encoding)}, as the byte-order mark at its start declares"
        return (
            f"the file is not UTF-8; read as {encoding_label(self.encoding)}, the encoding detected (an assumption: "
            "check that the text reads correctly, or save the file as UTF-8)"
        )


def read_text(path: Path) -> tuple[str, str]:
    """Return (text, encoding name).  Raises IngestError for empty, binary or
    undecodable files."""
    decoded = read_decoded(path)
    return decoded.text, decoded.encoding


def read_decoded(path: Path) -> Decoded:
    """The text of an article file and how it was decoded.  Raises
    IngestError naming the file for what is not a text article."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise IngestError(
                f"the file is {size / (1024 * 1024):.1f} MB; expected an article file under "
                f"{MAX_BYTES // (1024 * 1024)} MB (split a long text into several articles)",
                path=path,
            )
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"cannot read the file ({exc.strerror}); expected a readable text file", path=path) from exc
    return decode_bytes(data, path)


def decode_bytes(data: bytes, path: Path) -> Decoded:
    if not data.strip():
        raise IngestError("the file is empty; expected a title and paragraphs of text", path=path)
    what = binary_kind(data)
    if what:
        raise IngestError(f"the file is {what}, not text; expected a text article", path=path)
    decoded = _decode(data, path)
    _refuse_binary_text(decoded.text, path)
    if not decoded.text.strip():
        raise IngestError("the file holds only white space; expected a title and paragraphs of text", path=path)
    return decoded


def binary_kind(data: bytes) -> str | None:
    """What kind of binary file `data` starts like, or None."""
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            return what
    if _MP4.match(data):
        return "a video or image (ISO media)"
    return None


def _decode(data: bytes, path: Path) -> Decoded:
    for bom, name in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                      (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return Decoded(data.decode(name), name)
            except UnicodeDecodeError as exc:
                raise IngestError(
                    f"the file starts with a {name.upper()} byte-order mark but is not valid {name.upper()} "
                    f"(at byte {exc.start}); expected a text article saved in one encoding",
                    path=path,
                ) from exc
    if b"\x00" in data[:_SAMPLE]:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        raise IngestError("the file holds NUL bytes, so it is binary; expected a text article", path=path)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        return _detect(path, data)


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 text without a byte-order mark: NUL in every other byte (the
    high byte of Latin text)."""
    if len(data) % 2:
        return None
    sample = data[:_SAMPLE]
    for name, zeros in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        if zeros.count(0) >= 0.3 * len(zeros):
            try:
                return Decoded(data.decode(name), name, detected=True)
            except UnicodeDecodeError:
                return None
    return None


def _detect(path: Path, data: bytes) -> Decoded:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise IngestError(
            "the file is not UTF-8 and its encoding could not be detected (it may be binary); expected a text "
            "article (save it as UTF-8)",
            path=path,
        )
    name = codecs.lookup(best.encoding).name
    return Decoded(str(best), name, detected=True)


def _refuse_binary_text(text: str, path: Path) -> None:
    sample = text[:_SAMPLE]
    bad = len(_NOT_TEXT.findall(sample))
    if bad > max(8, _MAX_NOT_TEXT * len(sample)):
        raise IngestError(
            f"the file holds {bad} control or undecodable characters in its first {len(sample)} characters, so it "
            "looks binary; expected a text article",
            path=path,
        )
