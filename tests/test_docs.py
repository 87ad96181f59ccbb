"""Every command and option a user can type is documented (README or docs/)."""

from __future__ import annotations

from pathlib import Path

import click
import typer.main

from warta.cli import app

ROOT = Path(__file__).resolve().parents[1]


def documentation() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))])


def commands(group: click.Group, prefix: str = ""):
    for name, cmd in group.commands.items():
        path = f"{prefix}{name}"
        if isinstance(cmd, click.Group):
            yield from commands(cmd, path + " ")
        else:
            yield path, cmd


def test_every_command_and_option_is_documented():
    docs = documentation()
    missing = []
    for path, cmd in commands(typer.main.get_command(app)):
        if f"warta {path}" not in docs:
            missing.append(f"warta {path}")
        for param in cmd.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--") and opt != "--help" and opt not in docs:
                    missing.append(f"warta {path} {opt}")
    assert not missing, "undocumented: " + ", ".join(missing)
