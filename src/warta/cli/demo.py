"""``warta demo``: the whole job on the sample corpus shipped with the package."""

from __future__ import annotations

from importlib import resources

import typer
from rich.console import Console

from .extract import documents, summary_table


def sample_dir() -> str:
    """Folder of the bundled sample corpus."""
    return str(resources.files("warta").joinpath("data", "sample"))


def demo_cli() -> None:
    """Run warta on its bundled sample corpus and print what it found."""
    console = Console()
    docs = list(documents([sample_dir() + "/*.txt"], {}))
    console.print(f"[bold]warta demo[/bold]: {len(docs)} articles from the bundled sample corpus")
    console.print(summary_table(docs))


def register(app: typer.Typer) -> None:
    app.command("demo")(demo_cli)
