"""The web app: ``create_app(db)`` — the JSON API under ``/api`` (OpenAPI at ``/docs``), the
pages, and the static files, over a knowledge base opened read-only.

Safety: the KB is opened read-only; no path or SQL is built from user input (ids are
integers within 0 … 2⁶³−1, a larger one is a 422 or the not-found page, never a 500;
searches go through ``kb.search.fts_query``); templates escape everything; HTML pages
carry a Content-Security-Policy that allows only this server's own scripts.  A KB found
damaged while serving answers 503 with its message; ``POST /api/extract`` runs in bounded
worker processes (``api.ExtractSlots``), stopped with the server.
"""

from __future__ import annotations

import contextlib
from importlib import resources

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..kb.store import DamagedKB, KBError, open_kb
from . import api, pages

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


def create_app(db: str) -> FastAPI:
    """The FastAPI app over the knowledge base ``db`` (a SQLite path or a database URL).

    >>> app = create_app("warta.db")                     # doctest: +SKIP
    >>> TestClient(app).get("/api/stories").json()       # doctest: +SKIP
    """
    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        slots = getattr(app.state, "extract_slots", None)
        if slots is not None:
            slots.close()

    app = FastAPI(title="warta", version=__version__, lifespan=lifespan,
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
        status = 503 if isinstance(exc, DamagedKB) else 404
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": str(exc)}, status_code=status)
        page = pages.not_found(request, request.query_params.get("lang"), "not_found", str(exc))
        page.status_code = status
        return page

    @app.exception_handler(OverflowError)
    async def too_large_id(request: Request, exc: OverflowError):  # an id past 64 bits
        message = "not an id: ids are whole numbers from 0 to 2^63-1"
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": message}, status_code=422)
        return pages.not_found(request, request.query_params.get("lang"), "not_found", message)

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
