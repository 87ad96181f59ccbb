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

from ..errors import InputError, UsageError
from ..model import Document
from ..pipeline import analyze_article
from ..sources import read
from ..sources.jsonl import DEFAULT_FIELDS
from .output import Format, destination, dumps, warn

COUNTED = ("entities", "roles", "money", "percents", "quantities", "dates", "quotes", "events")


def parse_fields(specs: list[str] | None) -> dict[str, str]:
    """``["text=isi", "title=judul"]`` → ``{"text": "isi", "title": "judul"}``."""
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
    stats = stats if stats is not None else {}
    for item in read(paths, fields=fields):
        try:
            if isinstance(item, InputError):
                raise item
            doc = analyze_article(item)
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
                raise InputError(source, f"analysis failed ({type(exc).__name__}: {exc})") from exc
            warn(f"skipped {source}: analysis failed ({type(exc).__name__}: {exc})")
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


def extract_cli(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, glob patterns, or - for standard input.")],
    format: Annotated[Format, typer.Option("--format", "-f", help="jsonl (one object a line), json (an array) or table.")] = Format.jsonl,
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
                Console(file=fh, width=200 if fh is not sys.stdout else None).print(summary_table(list(docs)))
    except InputError as exc:  # only with --strict
        warn(f"{exc.source}: {exc.reason} (--strict: stopped, nothing written to a file)")
        raise typer.Exit(1)
    if not stats.get("done"):
        warn("nothing could be processed")
        raise typer.Exit(2)


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_cli)
