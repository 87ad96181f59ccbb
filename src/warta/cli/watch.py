"""``warta watch``: follow the outlets of a sources file, keep the knowledge base current.

The command checks its arguments and calls ``watch.run_round`` / ``watch.loop``; the state
is in the KB, so ``--once`` from cron and a long-running watcher are interchangeable.
"""

from __future__ import annotations

from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..errors import UsageError
from .kb import DEFAULT_DB, DbOpt, FormatOpt, emit, open_kb
from .output import Format


def _when(iso: str | None, never: str) -> str:
    return iso.replace("T", " ").removesuffix("Z") if iso else never


def status_table(rows: list[dict]) -> Table:
    t = Table(title="watched sources")
    for col in ("source", "last poll", "HTTP", "new", "total", "pending", "errors", "next poll"):
        t.add_column(col, overflow="fold")
    for r in rows:
        error = f"\n[red]{escape(r['last_error'])}[/red]" if r["last_error"] else ""
        t.add_row(f"[bold]{escape(r['name'])}[/bold] ({r['kind']})\n{escape(r['url'])}{error}",
                  _when(r["last_poll"], "never"), str(r["last_status"] or "–"), str(r["new_articles"]),
                  str(r["total_articles"]), str(r["pending"]), str(r["errors"]) if r["errors"] else "",
                  _when(r["next_poll"], "now"))
    return t


def failures_table(rows: list[dict]) -> Table:
    t = Table(title="articles that could not be fetched")
    for col in ("URL", "source", "state", "tries", "reason"):
        t.add_column(col, overflow="fold")
    for r in rows:
        t.add_row(escape(r["url"]), escape(r["source"]), r["state"], str(r["attempts"]), escape(r["error"] or ""))
    return t


def status_tables(data: dict):
    from rich.console import Group

    return Group(status_table(data["sources"]), *([failures_table(data["failures"])] if data["failures"] else []))


def _say(console: Console, report, delivery=None) -> None:
    console.print(f"watch: {escape(report.summary())}", highlight=False, soft_wrap=True)
    for error in getattr(delivery, "errors", []):
        console.print(f"  alerts: {escape(error)}", highlight=False, soft_wrap=True)
    if delivery is not None:
        delivery.errors.clear()
    for url, reason in report.source_errors:
        console.print(f"  source {escape(url)}: {escape(reason)}", highlight=False, soft_wrap=True)
    for url, reason in report.failed:
        console.print(f"  article {escape(url)}: {escape(reason)}", highlight=False, soft_wrap=True)
    if report.stopped:
        console.print("watch: stopped after the batch in hand", highlight=False)


def watch_cli(
    sources: Annotated[Optional[str], typer.Argument(metavar="SOURCES.yaml", help="The sources file (YAML): feeds, news sitemaps, section pages.")] = None,
    db: DbOpt = DEFAULT_DB,
    once: Annotated[bool, typer.Option("--once", help="One round (the sources that are due), then exit: for cron or a systemd timer.")] = False,
    poll_all: Annotated[bool, typer.Option("--all", help="With --once: poll every source now, due or not.")] = False,
    status: Annotated[bool, typer.Option("--status", help="Each source's last poll, new articles, errors and next poll; then exit.")] = False,
    alerts: Annotated[Optional[str], typer.Option("--alerts", help="Alert rules (YAML), evaluated on what each round adds.")] = None,
    alerts_out: Annotated[str, typer.Option("--alerts-out", help="Alerts as JSON Lines: a file (appended to) or - for standard output.")] = "-",
    webhook: Annotated[Optional[str], typer.Option("--webhook", help="Also POST each alert as JSON to this URL.")] = None,
    format: FormatOpt = Format.table,
) -> None:
    """Follow outlets live: poll feeds and sitemaps politely, ingest new articles, raise alerts."""
    from .. import watch
    from ..watch.run import Stopper

    if status:
        emit(watch.overview(open_kb(db, readonly=True)), format, status_tables)
        return
    if not sources:
        raise UsageError("warta watch needs a sources file (SOURCES.yaml), or --status")
    if poll_all and not once:
        raise UsageError("--all goes with --once")
    config = watch.load(sources)
    evaluate = _alerts(alerts, alerts_out, webhook, config)
    engine = open_kb(db)
    console = Console(stderr=True)
    if once:
        with Stopper() as stop:
            report = watch.run_round(engine, config, alerts=evaluate, poll_all=poll_all, stop=stop)
        _say(console, report, evaluate)
        return
    console.print(f"watch: {len(config.sources)} sources into {escape(db)}; Ctrl-C stops after the batch in hand",
                  highlight=False, soft_wrap=True)
    with Stopper() as stop:
        def wait(seconds: float) -> bool:
            return stop.event.wait(seconds) or stop()

        def say(report) -> None:
            if report.polled or report.fetched or report.alerts or report.stopped or evaluate and evaluate.errors:
                _say(console, report, evaluate)  # a round with nothing due says nothing

        watch.loop(engine, config, alerts=evaluate, stop=stop, wait=wait, report=say)


def _alerts(rules_path: str | None, out: str, webhook: str | None, config):
    if rules_path is None:
        if webhook or out != "-":
            raise UsageError("--alerts-out and --webhook need --alerts RULES.yaml")
        return None
    from ..watch import alerts
    from ..watch.config import check_url

    rules = alerts.load(rules_path)
    if webhook:
        check_url(webhook, "--webhook")
    if out != "-":
        try:
            with open(out, "a", encoding="utf-8"):
                pass
        except OSError as exc:
            raise UsageError(f"--alerts-out {out}: cannot write there ({exc.strerror or type(exc).__name__})") from None
    return alerts.Delivery(rules, out=out, webhook=webhook, settings=config.fetch)


def register(app: typer.Typer) -> None:
    app.command("watch")(watch_cli)
