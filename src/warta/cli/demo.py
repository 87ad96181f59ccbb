"""``warta demo``: the whole job on the sample corpus shipped with the package.

Reads the bundled articles, ingests them into a fresh knowledge base and prints what warta
found: the articles, the stories with their outlets, the top entities with their roles,
the conflicting figures, and one entity's timeline.
"""

from __future__ import annotations

import os
import tempfile
from importlib import resources
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..errors import UsageError
from .extract import documents, summary_table
from .kb import open_kb, stories_table, timeline_table


def sample_dir() -> str:
    """Folder of the bundled sample corpus."""
    return str(resources.files("warta").joinpath("data", "sample"))


def _entities_table(engine, n: int = 10) -> Table:
    from ..kb import queries

    t = Table(title="top entities")
    for col in ("entity", "type", "articles", "roles"):
        t.add_column(col, overflow="fold")
    for head in queries.entities(engine, limit=n):
        prof = queries.entity(engine, str(head["id"]))
        roles = sorted({r["title"] for r in prof["roles"] if r["title"]})
        t.add_row(escape(head["name"]), head["type"], str(head["articles"]), escape("; ".join(roles)))
    return t


def _conflicts_table(conflicts: list[dict]) -> Table:
    """The conflicts: each measure in words, each value with its outlets and why it conflicts."""
    from ..web.pages import View

    words = View(None, "en")
    t = Table(title="conflicts: figures the outlets disagree on")
    for col in ("measure", "subject", "period", "value", "stated by", "why"):
        t.add_column(col, overflow="fold")
    for f in conflicts:
        rows = [(words.number(v["value"], f["unit"]), ", ".join(v["outlets"]),
                 words.reason(f, {"group": i}) or "–") for i, v in enumerate(f["values"])]
        t.add_row(escape(words.measure(f["measure"])), escape(f["subject"] or "–"), f["period"] or "–",
                  *("\n".join(escape(r[i]) for r in rows) for i in range(3)))
    return t


def _timeline_subject(engine) -> str | None:
    """The most written-about person or organisation with a timeline."""
    from ..kb import queries

    for type_ in ("ORG", "PER"):
        for head in queries.entities(engine, type_=type_, limit=5):
            if queries.timeline(engine, str(head["id"]))["timeline"]:
                return str(head["id"])
    return None


def demo_cli(
    db: Annotated[Optional[str], typer.Option("--db", help="Keep the demo knowledge base here (default: a temporary file).")] = None,
    serve: Annotated[bool, typer.Option("--serve", help="Then open the demo knowledge base in the web app.")] = False,
    port: Annotated[int, typer.Option("--port", help="Port for --serve.")] = 8000,
) -> None:
    """Run warta on its bundled sample corpus: extract, ingest, and show stories, entities,
    conflicts and a timeline."""
    from ..kb import queries
    from ..kb.ingest import ingest

    if db is not None and os.path.exists(db):  # refused before any work
        raise UsageError(f"--db {db}: exists already; the demo builds a fresh knowledge base")
    console = Console()
    corpus = sample_dir()
    docs = list(documents([os.path.join(corpus, "*.txt")], {}))
    console.print(f"[bold]warta demo[/bold]: {len(docs)} articles from the bundled sample corpus ({corpus})")
    console.print(summary_table(docs))
    if db is None:
        db = os.path.join(tempfile.mkdtemp(prefix="warta-demo-"), "demo.db")
    engine = open_kb(db)
    report = ingest([os.path.join(corpus, "*.txt")], engine)
    console.print(f"\n[bold]knowledge base[/bold] {db}: {report.added} articles ingested")
    console.print(stories_table(queries.stories(engine)))
    console.print(_entities_table(engine))
    console.print(_conflicts_table(queries.conflicts(engine)))
    who = _timeline_subject(engine)
    if who:
        data = queries.timeline(engine, who)
        console.print(f"\n[bold]timeline of {escape(data['name'])}[/bold]")
        console.print(timeline_table(data["timeline"]))
    console.print(f"\nTry: warta entity NAME --db {db}   ·   warta conflicts --db {db}   ·   "
                  f"warta search pabrik --db {db}", soft_wrap=True)
    if serve:
        from ..web import serve as run_server

        run_server(db, "127.0.0.1", port, open_browser=True)


def register(app: typer.Typer) -> None:
    app.command("demo")(demo_cli)
