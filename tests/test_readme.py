"""The README and the code cannot drift apart: every command, option and
make target is documented."""

from __future__ import annotations

import argparse
import re

from dossier.cli import build_parser
from dossier.publish.config import DossierPluginConfig
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def _subcommands() -> list[str]:
    parser = build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return sorted(action.choices)
    return []


def test_readme_documents_every_cli_command() -> None:
    commands = _subcommands()
    assert commands
    for command in commands:
        assert f"dossier {command}" in README, f"'dossier {command}' is not documented in README.md"


def test_readme_documents_every_plugin_option() -> None:
    options = [name for name, _ in DossierPluginConfig._schema]
    assert options
    for option in options:
        assert f"`{option}`" in README, f"plugin option {option!r} is not documented in README.md"


def test_readme_documents_every_make_target() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    targets = re.findall(r"^## (\w+):", makefile, flags=re.M)
    assert "site" in targets and "test" in targets
    for target in targets:
        assert f"make {target}" in README, f"'make {target}' is not documented in README.md"


def test_readme_two_setup_commands_match_ci() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "make site" in README and "make test" in README
    assert re.search(r"^make test$", ci, flags=re.M), ".ci/run must call the README's test command"
