"""``warta serve``: the web pages and the HTTP API over a knowledge base (see docs/web.md)."""

from __future__ import annotations

from typing import Annotated

import typer

from .kb import DEFAULT_DB, DbOpt


def serve_cli(db: DbOpt = DEFAULT_DB,
              host: Annotated[str, typer.Option("--host", help="Address to listen on; the default is this machine only.")] = "127.0.0.1",
              port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000) -> None:
    """Serve the knowledge base read-only: web pages at /, the JSON API at /api, OpenAPI at /docs."""
    from ..web import serve

    serve(db, host, port, open_browser=False)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_cli)


if __name__ == "__main__":  # python -m warta.cli.serve: the same command on its own
    standalone = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
    register(standalone)
    standalone()
