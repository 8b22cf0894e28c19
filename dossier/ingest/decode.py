"""Turn the bytes of an article file into text, refusing binary files and
detecting encodings other than UTF-8."""

from __future__ import annotations

import codecs
from pathlib import Path

from dossier.errors import IngestError

MAX_BYTES = 50 * 1024 * 1024

_BINARY_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"\x7fELF": "an executable",
}


def read_text(path: Path) -> tuple[str, str]:
    """Return (text, encoding name).  Raises IngestError for empty, binary or
    undecodable files."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"cannot read the file ({exc.strerror}); expected a readable text file", path=path) from exc
    if len(data) > MAX_BYTES:
        raise IngestError(
            f"the file is {len(data) // (1024 * 1024)} MB; expected an article under {MAX_BYTES // (1024 * 1024)} MB",
            path=path,
        )
    if not data.strip():
        raise IngestError("the file is empty; expected a title and paragraphs of text", path=path)
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise IngestError(f"the file is {what}, not text; expected a UTF-8 text article", path=path)
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16"
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        text, encoding = _detect(path, data)
    if "\x00" in text:
        raise IngestError("the file holds NUL bytes, so it is binary; expected a text article", path=path)
    return text, encoding


def _detect(path: Path, data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise IngestError(
            "the file is not UTF-8 and its encoding could not be detected; expected a text article "
            "(save it as UTF-8)",
            path=path,
        )
    return str(best), best.encoding
