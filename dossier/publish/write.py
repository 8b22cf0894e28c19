"""Writing a generated tree to a folder, safely: every path stays inside
the folder, and the folder is replaced only once every file is written."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path, PurePosixPath

from dossier.errors import BuildError
from dossier.publish.site import replace_dir


def safe_relative(path: str) -> PurePosixPath:
    rel = PurePosixPath(path)
    if rel.is_absolute() or any(part in ("", ".", "..") for part in rel.parts):
        raise BuildError(f"generated path {path!r} would leave the output folder; expected a relative path")
    return rel


MARKER = ".dossier-render"


def write_tree(files: dict[str, str], out: Path) -> None:
    """Write `files` as the folder `out`, replacing a folder that an earlier
    `dossier render` wrote; any other non-empty folder is left alone."""
    out = out.resolve()
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).exists())):
        raise BuildError(
            "the output folder exists and was not written by 'dossier render'; expected a new or empty folder "
            "(nothing was changed)",
            path=out,
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.writing-", dir=out.parent))
    try:
        for path, content in sorted(files.items()):
            target = staging.joinpath(*safe_relative(path).parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8", newline="\n")
        (staging / MARKER).write_text("written by dossier render; the folder is replaced on the next run\n")
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    staging.chmod(0o755)
    replace_dir(staging, out)
