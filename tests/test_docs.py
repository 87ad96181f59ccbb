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


def test_the_architecture_names_every_module_and_the_readme_links_it():
    """docs/architecture.md lists the modules in data-flow order: a new module gets its line."""
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    package = ROOT / "src" / "warta"
    missing = []
    for path in sorted(package.rglob("*.py")):
        rel = path.relative_to(package).as_posix()
        dotted = "warta." + rel.removesuffix(".py").replace("/", ".")
        names = {f"`{rel}`", f"`{dotted}`", f"`{rel.removesuffix('__init__.py')}`"}
        if rel != "__main__.py" and not any(n in text for n in names):
            missing.append(rel)
    assert not missing, f"docs/architecture.md does not name: {', '.join(missing)}"
    assert "(docs/architecture.md)" in (ROOT / "README.md").read_text(encoding="utf-8")
