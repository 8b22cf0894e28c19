"""`dossier diff`: the changes between two models as text or JSON."""

from __future__ import annotations

import json
from typing import Any

from dossier.changes.compare import Change, Changes

MARKS = {"new": "+", "removed": "-", "moved": "~", "status": "~"}


def _line(change: Change, labels: dict[str, str], names: dict[str, str]) -> str:
    if change.section == "sources":
        text = f"{labels.get(change.entity, change.entity)} {change.label}"
        text += "".join(f" ({x})" for x in (change.detail, change.after) if x)
    elif change.section in ("quotes", "statements"):
        who = names.get(change.speaker or "", "unattributed")
        text = f"{who}: “{change.label}”" if change.section == "quotes" else f"{who}, reported: {change.label}"
    elif change.kind == "moved":
        text = f"{change.label}: moved from {change.before or 'no date'} to {change.after or 'no date'}"
    elif change.kind == "status":
        text = f"{change.label}: {change.before or 'no status'} -> {change.after}"
    else:
        text = change.label + (f": {change.detail}" if change.detail else "")
        if change.after and change.section in ("roles", "events", "documents"):
            text += f" ({change.after})"
    if change.page:
        text += f"  <{change.page}>"
    cites = ", ".join(f"{labels.get(c.article, c.article)} ¶{c.paragraph}" for c in change.cites)
    return f"  {MARKS.get(change.kind, '*')} {text}" + (f"  [{cites}]" if cites else "")


def changes_text(changes: Changes, new: dict[str, Any]) -> str:
    """The changes as lines of text, by section; citations use the new
    model's source labels (S1, S2, ... in its sources' order)."""
    labels = {a["id"]: f"S{n}" for n, a in enumerate(new.get("articles", []), 1)}
    names = {x["id"]: x.get("name") or x.get("title") or x["id"]
             for group in ("people", "organizations") for x in new.get(group, [])}
    if not changes.compared:
        return f"nothing to compare with ({changes.baseline})\n"
    if not changes:
        return f"no changes since {changes.baseline}\n"
    out = [f"{len(changes.items)} change{'s' if len(changes.items) != 1 else ''} since {changes.baseline}"]
    for _, title, items in changes.sections():
        out += ["", f"{title} ({len(items)})"]
        out += [_line(change, labels, names) for change in items]
    return "\n".join(out) + "\n"


def changes_json(changes: Changes) -> str:
    return json.dumps(changes.to_dict(), ensure_ascii=False, indent=2) + "\n"
