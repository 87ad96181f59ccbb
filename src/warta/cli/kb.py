"""Knowledge-base commands: ingest, rebuild, stories, story, entity, timeline, conflicts, search, export.

Every command takes ``--db`` (a SQLite path, default ``./warta.db``, or a database URL)
and the query commands ``--format table|json|jsonl``.  Each calls one function of
``kb.queries`` and prints its data.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import time
from enum import Enum
from typing import Annotated, Any, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from ..errors import UsageError
from .extract import parse_fields
from .output import Format, destination, dumps

DbOpt = Annotated[str, typer.Option("--db", help="Knowledge base: a SQLite file or a database URL.",
                                    envvar="WARTA_DB")]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="table, json or jsonl.")]
LimitOpt = Annotated[int, typer.Option("--limit", min=1, help="At most this many rows.")]
DEFAULT_DB = "warta.db"


class Engine(str, Enum):
    local = "local"
    dask = "dask"


def open_kb(db: str, **how: bool):
    """``kb.store.open_kb``: the KB modules are imported by the commands that open one, not
    by every start of ``warta``."""
    from ..kb.store import open_kb as open_store

    return open_store(db, **how)


def emit(data: Any, format: Format, table: Any) -> None:
    """Print ``data`` as JSON / JSON Lines, or the Rich ``table(data)``."""
    if format is Format.json:
        print(dumps(data, indent=2))
    elif format is Format.jsonl:
        for row in data if isinstance(data, list) else [data]:
            print(dumps(row))
    else:
        Console().print(table(data))


def _money(value: float | None, unit: str | None) -> str:
    if value is None:
        return "–"
    text = f"{value:,.0f}" if abs(value) >= 1000 or value == int(value) else f"{value:g}"
    return f"{text.replace(',', '.')} {unit or ''}".strip()


# ---------------------------------------------------------------- ingest

def ingest_cli(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, glob patterns, or - for standard input.")],
    db: DbOpt = DEFAULT_DB,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Local processes analysing articles.")] = 1,
    field: Annotated[Optional[list[str]], typer.Option("--field", help="JSON field name: FIELD=NAME (e.g. text=isi).")] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Articles written per transaction.")] = 64,
    engine_name: Annotated[Engine, typer.Option("--engine", help="local: this machine's processes; dask: a Dask cluster.")] = Engine.local,
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="With --engine dask: a scheduler address (default: a LocalCluster of --workers processes).")] = None,
) -> None:
    """Read articles into the knowledge base: idempotent, resumable, one transaction a batch."""
    from ..kb.ingest import ingest

    if scheduler and engine_name is not Engine.dask:
        raise UsageError(f"--scheduler {scheduler}: needs --engine dask")
    if engine_name is Engine.dask:
        from functools import partial

        from ..batch import ingest as dask_ingest
        ingest = partial(dask_ingest, scheduler=scheduler)

    fields = parse_fields(field)
    engine = open_kb(db)
    console = Console(stderr=True)
    start = time.perf_counter()
    with Progress(TextColumn("[bold]ingest[/bold]"), BarColumn(), TextColumn("{task.description}"),
                  TimeElapsedColumn(), console=console, transient=False) as bar:
        task = bar.add_task("starting", total=None)

        def progress(rep) -> None:
            rate = (rep.added + rep.replaced) / max(time.perf_counter() - start, 1e-9)
            bar.update(task, description=f"{rep.seen} read · {rep.added} added · {rep.skipped} skipped "
                                         f"· {len(rep.failed)} failed · {rate:.1f} articles/s")

        report = ingest(paths, engine, workers=workers, fields=fields, batch=batch_size, progress=progress)
        progress(report)
    dupes = f", {report.duplicates} identical to an article already in (skipped)" if report.duplicates else ""
    console.print(f"[bold]{escape(db)}[/bold]: {report.added} added, {report.replaced} replaced, "
                  f"{report.skipped} unchanged (skipped){dupes}, {len(report.failed)} failed", soft_wrap=True)
    for source, reason in report.failed:
        console.print(f"  failed {escape(source)}: {escape(reason)}", highlight=False, soft_wrap=True)
    if report.failed and report.seen == len(report.failed):
        console.print("warta: nothing could be ingested", highlight=False)
        raise typer.Exit(2)


def rebuild_cli(db: DbOpt = DEFAULT_DB) -> None:
    """Recompute every entity, story and fact from the stored articles (after an upgrade or
    a change of thresholds; ingest keeps them up to date incrementally)."""
    from ..kb import queries
    from ..kb.build import rebuild

    engine = open_kb(db, create=False)
    start = time.perf_counter()
    rebuild(engine)
    shown = ", ".join(f"{v} {k}" for k, v in queries.counts(engine).items())
    Console(stderr=True).print(f"[bold]{escape(db)}[/bold]: rebuilt in {time.perf_counter() - start:.1f} s "
                               f"({escape(shown)})", soft_wrap=True)


# ---------------------------------------------------------------- stories

def stories_table(rows: list[dict]) -> Table:
    t = Table(title="stories")
    for col in ("id", "story", "articles", "outlets", "dates", "conflicts"):
        t.add_column(col, overflow="fold")
    for r in rows:
        dates = r["first_published"] or "–"
        if r["last_published"] and r["last_published"] != r["first_published"]:
            dates += f" … {r['last_published']}"
        t.add_row(str(r["id"]), escape(r["label"]), str(r["articles"]), escape(", ".join(r["outlets"])),
                  dates, str(r["conflicts"]) if r["conflicts"] else "")
    return t


def stories_cli(db: DbOpt = DEFAULT_DB, format: FormatOpt = Format.table,
                min_articles: Annotated[int, typer.Option("--min-articles", min=1, help="Only stories with this many articles or more.")] = 2,
                limit: LimitOpt = 50) -> None:
    """Stories: articles reporting the same event, with their outlets."""
    from ..kb import queries

    emit(queries.stories(open_kb(db, readonly=True), min_articles=min_articles, limit=limit),
         format, stories_table)


def _measure(key: str) -> str:
    """A fact's measure in words ("net profit", not ``net_profit``), as the web pages say it."""
    from ..web.pages import View

    return View(None, "en").measure(key)


def facts_table(facts: list[dict], title: str = "facts") -> Table:
    t = Table(title=title)
    for col in ("measure", "subject", "period", "value", "status", "stated by"):
        t.add_column(col, overflow="fold")
    for f in facts:
        values = "\n".join(f"{_money(v['value'], f['unit'])}" for v in f["values"])
        by = "\n".join(", ".join(v["outlets"]) for v in f["values"])
        style = {"conflict": "bold red", "corroborated": "green"}.get(f["status"], "")
        t.add_row(escape(_measure(f["measure"])), escape(f["subject"] or "–"), f["period"] or "–", values,
                  f"[{style}]{f['status']}[/{style}]" if style else f["status"], escape(by))
    return t


def _story_view(data: dict):
    from rich.console import Group

    head = Table(title=f"story {data['id']}: {escape(data['label'])}")
    for col in ("article", "outlet", "published", "title"):
        head.add_column(col, overflow="fold")
    for a in data["articles_list"]:
        head.add_row(str(a["id"]), escape(a["outlet"] or "–"), a["published"] or "–", escape(a["title"] or ""))
    return Group(head, facts_table(data["facts"], "figures"), timeline_table(data["timeline"]))


def story_cli(story_id: Annotated[int, typer.Argument(help="Story id (see 'warta stories').")],
              db: DbOpt = DEFAULT_DB, format: FormatOpt = Format.table) -> None:
    """One story: its articles side by side, its figures (corroborated, conflicting), its timeline."""
    from ..kb import queries

    emit(queries.story(open_kb(db, readonly=True), story_id), format, _story_view)


# ---------------------------------------------------------------- entities

def _entity_view(data: dict, why: bool = False):
    from rich.console import Group

    parts = []
    head = Table(title=f"{escape(data['name'])} ({data['type']}, entity {data['id']}, {data['articles']} articles)",
                 show_header=True)
    head.add_column("alias")
    head.add_column("count")
    head.add_column("articles")
    for a in data["aliases"]:
        head.add_row(escape(a["alias"]), str(a["count"]), ", ".join(map(str, a["articles"][:10])))
    parts.append(head)
    if why:
        t = Table(title="why: merges")
        for col in ("name", "into", "rule", "detail", "times", "articles"):
            t.add_column(col, overflow="fold")
        for m in data["merges"]:
            arts = m.get("articles") or [m["article"]]
            more = " …" if m.get("count", 1) > len(arts) else ""
            t.add_row(escape(m["name"]), escape(m["into"]), m["rule"], escape(m["detail"]),
                      str(m.get("count", 1)), ", ".join(map(str, arts)) + more)
        if not data["merges"]:
            t.add_row("–", "–", "–", "named the same way in every article", "–")
        parts.append(t)
    if data["roles"]:
        t = Table(title="roles")
        for col in ("title", "org", "outlet", "published"):
            t.add_column(col, overflow="fold")
        for r in data["roles"]:
            t.add_row(escape(r["title"] or ""), escape(r["org"] or "–"), escape(r["outlet"] or "–"), r["published"] or "–")
        parts.append(t)
    if data["quotes"]:
        t = Table(title="quotes")
        t.add_column("quote", overflow="fold", ratio=4)
        t.add_column("outlet · published", overflow="fold", ratio=1)
        for q in data["quotes"]:
            t.add_row(escape(q["text"] or ""), escape(f"{q['outlet'] or '–'} · {q['published'] or '–'}"))
        parts.append(t)
    if data["facts"]:
        parts.append(facts_table(data["facts"]))
    if data["related"]:
        t = Table(title="related (named in the same articles)")
        for col in ("id", "name", "type", "together"):
            t.add_column(col)
        for r in data["related"]:
            t.add_row(str(r["id"]), escape(r["name"]), r["type"], str(r["together"]))
        parts.append(t)
    return Group(*parts)


def entity_cli(name: Annotated[str, typer.Argument(help="A name or alias (any form), or an entity id.")],
               db: DbOpt = DEFAULT_DB, format: FormatOpt = Format.table,
               why: Annotated[bool, typer.Option("--why", help="Show which names were merged into it, and by which rule.")] = False) -> None:
    """An entity's profile: aliases, roles held, quotes, facts, events, related entities."""
    from ..kb import queries

    data = queries.entity(open_kb(db, readonly=True), name)
    emit(data, format, lambda d: _entity_view(d, why))


def timeline_table(items: list[dict]) -> Table:
    t = Table(title="timeline")
    for col in ("date", "what", "details", "sentence", "outlet"):
        t.add_column(col, overflow="fold")
    for e in items:
        args = ", ".join(f"{k}={v}" for k, v in e["args"].items() if v not in (None, "", []) and k != "type")
        t.add_row(str(e["date"] or "–"), e["what"] or e["kind"], escape(args[:200]),
                  escape((e["sentence"] or "")[:300]), escape(e["outlet"] or "–"))
    return t


def timeline_cli(name: Annotated[str, typer.Argument(help="A name or alias, or an entity id.")],
                 db: DbOpt = DEFAULT_DB, format: FormatOpt = Format.table) -> None:
    """An entity's dated events and facts in order, each with its source sentence."""
    from ..kb import queries

    data = queries.timeline(open_kb(db, readonly=True), name)
    emit(data, format, lambda d: timeline_table(d["timeline"]))


def conflicts_cli(db: DbOpt = DEFAULT_DB, format: FormatOpt = Format.table, limit: LimitOpt = 100) -> None:
    """Figures that outlets disagree on, with both values and their sources."""
    from ..kb import queries

    data = queries.conflicts(open_kb(db, readonly=True), limit=limit)

    def table(rows):
        t = Table(title="conflicts")
        for col in ("fact", "story", "measure", "subject", "value", "outlet", "sentence"):
            t.add_column(col, overflow="fold")
        for f in rows:
            for st in f["statements"]:
                t.add_row(str(f["id"]), str(f["story"] or "–"), escape(_measure(f["measure"])), escape(f["subject"] or "–"),
                          f"[bold]{escape(st['text'])}[/bold]", escape(st["outlet"] or "–"),
                          escape(st["sentence"][:240]))
        return t
    emit(data, format, table)


MARK = re.compile(r"\[([^\[\]\n]{1,200})\]")


def marked(snippet: str) -> Text:
    """A search snippet whose ``[hits]`` are shown in bold yellow, brackets dropped; the
    text is never parsed as Rich markup, so any bracket in an article is safe."""
    out, pos = Text(), 0
    for m in MARK.finditer(snippet):
        out.append(snippet[pos:m.start()])
        out.append(m.group(1), style="bold yellow")
        pos = m.end()
    out.append(snippet[pos:])
    return out


def search_cli(query: Annotated[str, typer.Argument(help="Words to find (stems match too); \"quoted phrases\" stay phrases.")],
               db: DbOpt = DEFAULT_DB, format: FormatOpt = Format.table, limit: LimitOpt = 20) -> None:
    """Full-text search over the articles (Indonesian stemming)."""
    from ..kb import queries

    data = queries.search(open_kb(db, readonly=True), query, limit=limit)

    def table(rows):
        t = Table(title=f"search: {escape(query)}")
        for col in ("id", "outlet", "published", "title", "snippet"):
            t.add_column(col, overflow="fold")
        for r in rows:
            t.add_row(str(r["id"]), escape(r["outlet"] or "–"), r["published"] or "–", escape(r["title"] or ""),
                      marked(r["snippet"]))
        return t
    emit(data, format, table)


# ---------------------------------------------------------------- export

class What(str, Enum):
    articles = "articles"
    entities = "entities"
    facts = "facts"
    stories = "stories"
    events = "events"


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


EXPORTS = {What.articles: "articles", What.entities: "all_entities", What.facts: "facts",
           What.stories: "all_stories", What.events: "events"}  # kb.queries' functions


def _flat(row: dict) -> dict:
    """A row for CSV/Parquet: nested values as JSON text."""
    return {k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v) for k, v in row.items()}


def export_cli(what: Annotated[What, typer.Option("--what", help="What to export.")] = What.articles,
               format: Annotated[ExportFormat, typer.Option("--format", "-f", help="jsonl, csv or parquet.")] = ExportFormat.jsonl,
               out: Annotated[Optional[str], typer.Option("--out", "-o", help="Write here (whole or not at all); default standard output (not for parquet).")] = None,
               db: DbOpt = DEFAULT_DB) -> None:
    """Export articles (the contract + story + KB entity ids), entities, facts, stories or events."""
    from ..kb import queries

    rows = getattr(queries, EXPORTS[what])(open_kb(db, readonly=True))
    if format is ExportFormat.parquet:
        if not out:
            raise UsageError("--format parquet needs --out FILE")
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pylist([_flat(r) for r in rows])
        tmp = f"{out}.part"
        pq.write_table(table, tmp)
        os.replace(tmp, out)
        return
    with destination(out) as fh:
        if format is ExportFormat.jsonl:
            for r in rows:
                fh.write(dumps(r) + "\n")
        else:
            writer = None
            for r in rows:
                flat = _flat(r)
                if writer is None:
                    writer = csv.DictWriter(fh, fieldnames=list(flat), extrasaction="ignore")
                    writer.writeheader()
                writer.writerow(flat)


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_cli)
    app.command("rebuild")(rebuild_cli)
    app.command("stories")(stories_cli)
    app.command("story")(story_cli)
    app.command("entity")(entity_cli)
    app.command("timeline")(timeline_cli)
    app.command("conflicts")(conflicts_cli)
    app.command("search")(search_cli)
    app.command("export")(export_cli)
