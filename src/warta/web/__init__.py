"""``warta serve``: the HTTP API (OpenAPI) and the web pages over a knowledge base.

>>> from warta.web import create_app
>>> app = create_app("warta.db")          # doctest: +SKIP

``serve(db, host, port, open_browser)`` runs it with uvicorn (what ``warta serve`` and
``warta demo --serve`` call).  Modules: ``app`` (the factory), ``api`` (JSON routes),
``pages`` (HTML routes), ``render`` (spans, snippets, numbers, graph layout into safe
HTML), ``i18n`` (labels from ``lang/<code>/web.yaml``), ``data`` (the one extra query).
"""

from __future__ import annotations

import sys
import threading
import webbrowser

from .app import create_app

__all__ = ["create_app", "serve"]

LOCAL = ("127.0.0.1", "localhost", "::1")


def serve(db: str, host: str = "127.0.0.1", port: int = 8000, open_browser: bool = False) -> None:
    """Serve the knowledge base ``db`` at http://host:port/ until interrupted."""
    import uvicorn

    app = create_app(db)  # fails here, with the KB's message, before anything listens
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}/"
    if host not in LOCAL:
        print(f"warta serve: listening on {host}, reachable from other machines; "
              "the pages and API have no login", file=sys.stderr)
    print(f"warta serve: {db} at {url} (API docs: {url}docs); Ctrl-C to stop", file=sys.stderr)
    if open_browser:
        threading.Timer(1.0, webbrowser.open, [url]).start()
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
