"""Safe, stable slugs for ids, file names and anchors."""

from __future__ import annotations

import re
import unicodedata

_RESERVED = {
    "con", "prn", "aux", "nul", "index",
    *(f"com{i}" for i in range(10)),
    *(f"lpt{i}" for i in range(10)),
}


def slugify(text: str, *, max_length: int = 60) -> str:
    """ASCII slug: lower case letters, digits, '-' and '_'; never empty, never
    a path component with a special meaning ('.', '..'), never a reserved
    Windows device name."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = folded.lower()
    slug = re.sub(r"[^a-z0-9_]+", "-", folded).strip("-_")
    slug = re.sub(r"-{2,}", "-", slug)[:max_length].strip("-_")
    if not slug:
        # Text with no Latin letters: keep it stable with a short hash.
        import hashlib

        slug = "x-" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    if slug in _RESERVED:
        slug += "-"
        slug = slug.rstrip("-") + "_"
    return slug


def unique_slug(text: str, taken: set[str], *, prefix: str = "") -> str:
    """A slug not yet in `taken` (which is updated); collisions get -2, -3..."""
    base = prefix + slugify(text)
    slug, n = base, 2
    while slug in taken:
        slug = f"{base}-{n}"
        n += 1
    taken.add(slug)
    return slug
