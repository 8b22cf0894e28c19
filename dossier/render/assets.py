"""Static assets the generated pages use (served locally: no CDN)."""

from __future__ import annotations

from pathlib import Path

ASSETS = Path(__file__).resolve().parent.parent / "templates" / "assets"


def asset_files() -> dict[str, str]:
    return {f"assets/{p.name}": p.read_text(encoding="utf-8") for p in sorted(ASSETS.glob("*.css"))}
