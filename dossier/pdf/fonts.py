"""Fonts for the PDFs.

WeasyPrint draws text with the system's fonts (fontconfig).  DejaVu covers
Latin, Greek and Cyrillic; Japanese, Chinese and Korean names need a CJK
font, which `make fonts` installs (Debian's `fonts-wqy-microhei`, 1.6 MB)
when fontconfig has none.  The print CSS lists the CJK families after
DejaVu, so each glyph comes from the first family that has it.
"""

from __future__ import annotations

import functools
import logging
import re
import shutil
import subprocess

log = logging.getLogger("dossier")

# Tried in this order; the first is the best-looking, the last the smallest.
CJK_FAMILIES = (
    "Noto Sans CJK JP",
    "Noto Serif CJK JP",
    "Source Han Sans JP",
    "IPAGothic",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Droid Sans Fallback",
)
TEXT_FAMILIES = ("DejaVu Serif",)
SANS_FAMILIES = ("DejaVu Sans",)
INSTALL_HINT = "run `make fonts` (as root it installs Debian's fonts-wqy-microhei) or install fonts-noto-cjk"

# Characters a CJK font must draw: 安 (CJK ideograph), ア (katakana), あ (hiragana).
_PROBE = "5b89 30a2 3042"
_CJK_TEXT = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def css_family_list(families: tuple[str, ...], generic: str) -> str:
    """'"DejaVu Serif", "Noto Sans CJK JP", ..., serif' for the print CSS."""
    return ", ".join([*(f'"{f}"' for f in (*families, *CJK_FAMILIES)), generic])


@functools.cache
def installed_cjk_families() -> tuple[str, ...]:
    """Font families fontconfig knows that draw Japanese and Chinese
    ideographs and kana; empty when there is none (or no `fc-list`)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return ()
    try:
        out = subprocess.run(
            [fc_list, f":charset={_PROBE}", "family"], capture_output=True, text=True, timeout=30, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return ()
    names = {line.split(",")[0].strip() for line in out.splitlines() if line.strip()}
    return tuple(sorted(names))


def has_cjk(text: str) -> bool:
    return _CJK_TEXT.search(text) is not None


def warn_if_cjk_unprintable(text: str) -> bool:
    """Log a warning when `text` holds CJK characters and no installed font
    draws them (they would print as empty boxes).  True when all is well."""
    if not has_cjk(text) or installed_cjk_families():
        return True
    log.warning("the dossier names people or places in Chinese or Japanese script, but no installed font "
                "draws them: they will print as empty boxes; %s", INSTALL_HINT)
    return False
