"""The web app: ``create_app(db)`` — the JSON API under ``/api`` (OpenAPI at ``/docs``), the
pages, and the static files, over a knowledge base opened read-only.

Safety: the KB is opened read-only; no path or SQL is built from user input (ids are
integers, searches go through ``kb.search.fts_query``); templates escape everything; HTML
pages carry a Content-Security-Policy that allows only this server's own scripts.
"""

from __future__ import annotations

from importlib import resources

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..kb.store import KBError, open_kb
from . import api, pages

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


def create_app(db: str) -> FastAPI:
    """The FastAPI app over the knowledge base ``db`` (a SQLite path or a database URL).

    >>> app = create_app("warta.db")                     # doctest: +SKIP
    >>> TestClient(app).get("/api/stories").json()       # doctest: +SKIP
    """
    app = FastAPI(title="warta", version=__version__,
                  description="Indonesian news as a source-cited knowledge base: articles, entities, "
                              "stories, facts, conflicts; and text in, facts out (`POST /api/extract`).")
    app.state.engine = open_kb(db, readonly=True)
    app.state.db = db
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(resources.files(__package__).joinpath("static"))),
              name="static")

    @app.exception_handler(KBError)
    async def kb_error(request: Request, exc: KBError):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": str(exc)}, status_code=404)
        return pages.not_found(request, request.query_params.get("lang"), "not_found", str(exc))

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        if response.headers.get("content-type", "").startswith("text/html") and \
                not request.url.path.startswith(("/docs", "/redoc")):
            response.headers.setdefault("Content-Security-Policy", CSP)
            response.headers.setdefault("X-Frame-Options", "DENY")
        return response

    return app
