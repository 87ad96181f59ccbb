"""``warta extract``: each article in, one JSON object out (the DESIGN contract)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..errors import InputError, UsageError, quote
from ..model import Document
from .output import Format, destination, dumps, warn

COUNTED = ("entities", "roles", "money", "percents", "quantities", "dates", "quotes", "events")


def parse_fields(specs: list[str] | None) -> dict[str, str]:
    """``["text=isi", "title=judul"]`` → ``{"text": "isi", "title": "judul"}``."""
    from ..sources.jsonl import DEFAULT_FIELDS  # the readers load when a command reads

    fields = {}
    for spec in specs or []:
        key, sep, name = spec.partition("=")
        if not sep or not name or key not in DEFAULT_FIELDS:
            raise UsageError(f"--field {spec}: expected FIELD=NAME with FIELD one of "
                             f"{', '.join(DEFAULT_FIELDS)}")
        fields[key] = name
    return fields


def documents(paths: list[str], fields: dict[str, str], strict: bool = False,
              stats: dict[str, int] | None = None) -> Iterator[Document]:
    """Documents of every readable article; bad ones reported on stderr and skipped
    (or, with ``strict``, raised)."""
    from ..pipeline import analyze_article
    from ..sources import read
    from ..sources.limits import check_article

    stats = stats if stats is not None else {}
    for item in read(paths, fields=fields):
        try:
            if isinstance(item, InputError):
                raise item
            doc = analyze_article(check_article(item))
        except InputError as exc:
            stats["skipped"] = stats.get("skipped", 0) + 1
            if strict:
                raise
            warn(f"skipped {exc.source}: {exc.reason}")
            continue
        except Exception as exc:  # a bug on one article must not stop the batch
            stats["skipped"] = stats.get("skipped", 0) + 1
            source = getattr(item, "source", "?")
            if strict:
                raise InputError(source, f"analysis failed ({type(exc).__name__}: {quote(exc)})") from exc
            warn(f"skipped {source}: analysis failed ({type(exc).__name__}: {quote(exc)})")
            continue
        stats["done"] = stats.get("done", 0) + 1
        yield doc


def summary_table(docs: list[Document]) -> Table:
    """One row per article: its metadata and how many items of each kind it holds."""
    table = Table(show_lines=False, expand=False)
    table.add_column("article", overflow="fold", ratio=3)
    table.add_column("outlet · dateline · published · lang", overflow="fold", ratio=2)
    table.add_column("found", overflow="fold", ratio=2)
    for d in docs:
        name = os.path.basename(d.source) if os.path.sep in d.source else d.source
        meta = " · ".join(v or "–" for v in (d.outlet, d.dateline, d.to_dict()["published"], d.language))
        found = ", ".join(f"{len(getattr(d, f))} {f}" for f in COUNTED if getattr(d, f)) or "–"
        table.add_row(f"[bold]{escape(d.title or '(untitled)')}[/bold]\n{escape(name)}", escape(meta), found)
    return table


def _number(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


def _args(args: dict) -> str:
    """An event's arguments, one ``role: value`` a line (lists joined, links left out)."""
    lines = []
    for key, value in args.items():
        if value is None or value == [] or key == "money":
            continue
        if isinstance(value, list):
            value = ", ".join(map(str, value))
        elif isinstance(value, float):
            value = _number(value)
        lines.append(f"[dim]{escape(key)}:[/dim] {escape(str(value))}")
    return "\n".join(lines) or "–"


def _clip(text: str, width: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def detail_tables(d: Document) -> list[Table]:
    """The facts of one article, a table per kind that it holds: entities, roles, quotes,
    events with their arguments, money, percentages, quantities and dates."""
    kinds = [
        ("entities", ("name", "type", "aliases", "mentions"),
         lambda e: (e.name, e.type, ", ".join(e.aliases), str(len(e.mentions)))),
        ("roles", ("person", "title", "org"), lambda r: (r.person, r.title, r.org or "–")),
        ("quotes", ("speaker", "quote"), lambda q: (q.speaker or "?", _clip(q.text))),
        ("events", ("type", "trigger", "arguments", "confidence", "evidence"),
         lambda e: (e.type, e.trigger, _args(e.args), f"{e.confidence:.2f}", _clip(e.evidence, 120))),
        ("money", ("text", "amount", "currency", "qualifier", "rupiah"),
         lambda m: (m.text, _number(m.amount), m.currency, m.qualifier, _number(m.idr))),
        ("percents", ("text", "value", "qualifier"), lambda p: (p.text, _number(p.value), p.qualifier)),
        ("quantities", ("text", "value", "unit", "qualifier"),
         lambda q: (q.text, "vague" if q.vague else _number(q.value), q.unit, q.qualifier)),
        ("dates", ("text", "value", "precision"), lambda t: (t.text, t.value or "–", t.precision)),
    ]
    tables = []
    for field, columns, row in kinds:
        items = getattr(d, field)
        if not items:
            continue
        table = Table(title=f"{field} ({len(items)})", title_justify="left", show_lines=field == "events")
        for c in columns:
            table.add_column(c, overflow="fold")
        for item in items:  # "arguments" is Rich markup already (escaped by _args)
            table.add_row(*[c if col == "arguments" else escape(c) for col, c in zip(columns, row(item))])
        tables.append(table)
    return tables


def print_tables(fh, docs: Iterator[Document]) -> None:
    """``--format table``: per article, its metadata and then its facts, kind by kind."""
    console = Console(file=fh, width=200 if fh is not sys.stdout else None)
    for d in docs:
        console.print(summary_table([d]))
        for table in detail_tables(d):
            console.print(table)
        console.print()


def extract_cli(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, glob patterns, or - for standard input.")],
    format: Annotated[Format, typer.Option("--format", "-f", help="jsonl (one object a line), json (an array) or table (each article's facts, readably).")] = Format.jsonl,
    out: Annotated[Optional[str], typer.Option("--out", "-o", help="Write to this file (whole or not at all) instead of standard output.")] = None,
    field: Annotated[Optional[list[str]], typer.Option("--field", help="JSON field name for a value, e.g. text=isi (repeatable).")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Fail (exit 1, nothing written) at the first input that cannot be read.")] = False,
) -> None:
    """Extract facts from each article: one JSON object per article."""
    stats: dict[str, int] = {}
    docs = documents(paths, parse_fields(field), strict=strict, stats=stats)
    try:
        with destination(out) as fh:
            if format is Format.jsonl:
                for d in docs:
                    fh.write(dumps(d.to_dict()) + "\n")  # a line is written whole
            elif format is Format.json:
                fh.write(dumps([d.to_dict() for d in docs], indent=1) + "\n")
            else:
                print_tables(fh, docs)
            if not stats.get("done"):  # inside the block: an existing --out stays untouched
                warn("nothing could be processed" + (f"; {out} left as it was" if out and out != "-" else ""))
                raise typer.Exit(2)
    except InputError as exc:  # only with --strict
        warn(f"{exc.source}: {exc.reason} (--strict: stopped, nothing written to a file)")
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_cli)
