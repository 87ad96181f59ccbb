"""The JSON API under ``/api``: one route per view of ``kb.queries``, and ``POST /api/extract``.

Lists are paged (``limit``, at most ``MAX_LIMIT``, and ``offset``) and come as
``{"items": […], "limit": n, "offset": n, "next": offset or null}``.  A missing article,
entity or story is a 404 with the knowledge base's message; an id outside 0 … 2⁶³−1 a 422.

``POST /api/extract`` validates its body (UTF-8, JSON nesting, valid Unicode, a plausible
``published`` date: 422 otherwise) and runs the analysis off the event loop in worker
processes (``ExtractSlots``): at most ``WARTA_EXTRACT_WORKERS`` at once (default 1; 0 runs
it on a thread of this process), each within ``WARTA_EXTRACT_SECONDS`` (default 120; the
worker is killed past it).  When every worker is busy the answer is 503 with
``Retry-After``, so that the pages and the other routes stay fast while it works.
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing
import os
import signal
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from enum import Enum
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from sqlalchemy import Engine

from .. import validate
from ..errors import UsageError, WartaError
from ..kb import queries
from ..model import ENTITY_TYPES

MAX_LIMIT = 200
MAX_OFFSET = 100_000
MAX_BODY = 1_000_000  # bytes a POST /api/extract may carry

router = APIRouter(prefix="/api", tags=["api"])

EntityType = Enum("EntityType", {t: t for t in ENTITY_TYPES}, type=str)
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"At most this many items (≤ {MAX_LIMIT}).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Skip this many items.")]
Id = Annotated[int, Path(ge=0, le=validate.MAX_ID, description="An id (0 … 2⁶³−1).")]


class Json(JSONResponse):
    """JSON written straight from the query's plain dicts, without FastAPI's per-value
    encoding pass (a dossier holds thousands of values)."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, default=str, separators=(",", ":")).encode("utf-8")


def engine_of(request: Request) -> Engine:
    return request.app.state.engine


def page(items: list, limit: int, offset: int) -> dict[str, Any]:
    return {"items": items, "limit": limit, "offset": offset,
            "next": offset + limit if len(items) == limit else None}


@router.get("/articles", summary="Articles, latest first")
def list_articles(request: Request, limit: Limit = 50, offset: Offset = 0) -> dict:
    return page(queries.article_heads(engine_of(request), limit=limit, offset=offset), limit, offset)


@router.get("/articles/{article_id}", response_class=Json, summary="One article's contract, with spans, story and KB entity ids")
def get_article(request: Request, article_id: Id) -> Json:
    return Json(queries.article(engine_of(request), article_id))


@router.get("/entities", summary="Entities: by name or alias (q), or most written about first")
def list_entities(request: Request, q: str = "", type: EntityType | None = None,
                  limit: Limit = 50, offset: Offset = 0) -> dict:
    engine, type_ = engine_of(request), (type.value if type else None)
    if q.strip():
        found = queries.find_entities(engine, q.strip(), type_=type_, limit=offset + limit)[offset:]
    else:
        found = queries.entities(engine, type_=type_, limit=limit, offset=offset)
    return page(found, limit, offset)


@router.get("/entities/{entity_id}", response_class=Json, summary="An entity's profile (as `warta entity`)")
def get_entity(request: Request, entity_id: Id) -> Json:
    return Json(queries.entity(engine_of(request), str(entity_id)))


@router.get("/entities/{entity_id}/timeline", response_class=Json, summary="An entity's dated events and facts")
def get_timeline(request: Request, entity_id: Id) -> Json:
    return Json(queries.timeline(engine_of(request), str(entity_id)))


@router.get("/stories", summary="Stories, largest and latest first")
def list_stories(request: Request, limit: Limit = 50, offset: Offset = 0,
                 min_articles: Annotated[int, Query(ge=1, le=1000)] = 2) -> dict:
    return page(queries.stories(engine_of(request), min_articles=min_articles, limit=limit, offset=offset),
                limit, offset)


@router.get("/stories/{story_id}", response_class=Json, summary="One story: articles, shared facts, corroborations, conflicts")
def get_story(request: Request, story_id: Id) -> Json:
    return Json(queries.story(engine_of(request), story_id))


@router.get("/conflicts", summary="Figures the outlets disagree on, with each value's sources")
def list_conflicts(request: Request, limit: Limit = 50, offset: Offset = 0) -> dict:
    return page(queries.conflicts(engine_of(request), limit=limit, offset=offset), limit, offset)


@router.get("/search", summary="Full-text search (Indonesian stems), hits marked [ ]")
def search(request: Request, q: Annotated[str, Query(max_length=500)], limit: Limit = 20,
           offset: Offset = 0) -> dict:
    return page(queries.search(engine_of(request), q, limit=limit, offset=offset), limit, offset)


EXTRACT_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": {
                "type": "object", "required": ["text"],
                "properties": {"text": {"type": "string"}, "published": {"type": "string", "format": "date"},
                               "source": {"type": "string"}}}},
            "text/plain": {"schema": {"type": "string"}},
        },
    }
}


async def read_body(request: Request, limit: int = MAX_BODY) -> bytes:
    """The request body, refused with 413 as soon as it is known to exceed ``limit`` bytes."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"body of {declared} bytes; the limit is {limit} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"body over {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _fields(body: bytes, content_type: str) -> dict[str, Any]:
    """``text``, ``published``, ``source`` from a JSON object or a plain-text body."""
    try:
        raw = body.decode("utf-8")
    except UnicodeDecodeError:
        raise HTTPException(422, "body is not UTF-8 text") from None
    if content_type == "application/json":
        try:
            data = json.loads(raw)
        except RecursionError:
            raise HTTPException(422, "body is not a usable JSON object (nested too deeply)") from None
        except ValueError as exc:
            raise HTTPException(422, f"body is not valid JSON ({exc})") from None
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            raise HTTPException(422, 'JSON body must be an object with a string "text"')
        for key in ("published", "source"):
            if data.get(key) is not None and not isinstance(data[key], str):
                raise HTTPException(422, f'"{key}" must be a string')
        return {"text": data["text"], "published": data.get("published"), "source": data.get("source")}
    return {"text": raw}


def _setting(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    return int(raw) if raw.isdigit() else default


def _extract_job(text: str, published, source: str | None) -> dict:
    """The work of one request, in a worker: the contract, or the error's message."""
    from .. import analyze

    try:
        return {"document": analyze(text, published=published, source=source).to_dict()}
    except WartaError as exc:
        return {"error": str(exc)}


def _warm() -> int:
    """Load the pipeline in a new worker (its first request then pays nothing); its pid."""
    _extract_job("Jakarta - Menteri meresmikan pabrik baru.", None, None)
    return os.getpid()


class Busy(HTTPException):
    def __init__(self, detail: str, retry_after: int = 5):
        super().__init__(503, detail, headers={"Retry-After": str(retry_after)})


class ExtractSlots:
    """At most ``n`` analyses at once, each in a worker process of its own that is killed
    (and replaced) when it goes over ``budget`` seconds; a request finding every worker
    busy is answered 503 at once.  ``n == 0``: one at a time on a thread of this process."""

    def __init__(self, n: int | None = None, budget: float | None = None):
        self.n = _setting("WARTA_EXTRACT_WORKERS", 1) if n is None else n
        self.budget = _setting("WARTA_EXTRACT_SECONDS", 120) if budget is None else budget
        self.idle: list[tuple[ProcessPoolExecutor, int] | None] = [None] * max(self.n, 1)
        self.lock = threading.Lock()

    def _take(self):
        with self.lock:
            if not self.idle:
                raise Busy(f"all {max(self.n, 1)} extraction workers are busy; try again shortly")
            return self.idle.pop()

    async def _worker(self) -> tuple[ProcessPoolExecutor, int]:
        from ..kb.ingest import die_with_parent

        pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=die_with_parent, initargs=(os.getpid(),))
        pid = await asyncio.wrap_future(pool.submit(_warm))
        return pool, pid

    async def run(self, text: str, published, source: str | None) -> dict:
        slot = self._take()
        try:
            if self.n == 0:
                return await asyncio.wait_for(run_in_threadpool(_extract_job, text, published, source),
                                              self.budget)
            slot = slot or await self._worker()
            future = slot[0].submit(_extract_job, text, published, source)
            return await asyncio.wait_for(asyncio.wrap_future(future), self.budget)
        except (asyncio.TimeoutError, TimeoutError):
            slot = self._kill(slot)
            raise Busy(f"the analysis went over its time budget of {self.budget} s "
                       "(WARTA_EXTRACT_SECONDS); the worker was stopped") from None
        except BrokenProcessPool:
            slot = self._kill(slot)
            raise Busy("the extraction worker stopped (out of memory?); try again") from None
        finally:
            with self.lock:
                self.idle.append(slot)

    @staticmethod
    def _kill(slot):
        if slot:
            pool, pid = slot
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
            pool.shutdown(wait=False, cancel_futures=True)
        return None

    def close(self) -> None:
        with self.lock:
            for slot in self.idle:
                self._kill(slot)
            self.idle = [None] * max(self.n, 1)


def _slots(request: Request) -> ExtractSlots:
    state = request.app.state
    if getattr(state, "extract_slots", None) is None:
        state.extract_slots = ExtractSlots()
    return state.extract_slots


@router.get("/watch", response_class=Json, summary="Watched sources (`warta watch --status`): last poll, new articles, errors, next poll")
def watch(request: Request) -> dict:
    from ..watch.state import overview

    return overview(engine_of(request))


@router.post("/extract", summary="Text in, the contract out (as `warta extract`)", openapi_extra=EXTRACT_BODY)
async def extract(request: Request, published: Annotated[str | None, Query(description="ISO date the article was published")] = None,
                  source: Annotated[str | None, Query(max_length=2000)] = None) -> dict:
    """Analyse one article: a JSON object ``{"text", "published"?, "source"?}`` or the text
    itself (``text/plain``, with ``published`` and ``source`` as query parameters).
    At most 1 MB (else 413); empty or non-text bodies are refused with 422; 503 with
    ``Retry-After`` when every extraction worker is busy or the time budget ran out."""
    body = await read_body(request)
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    fields = _fields(body, content_type)
    if "\x00" in fields["text"]:
        raise HTTPException(422, "body is not text (it holds NUL bytes)")
    try:
        text = validate.text(fields["text"])
        day = validate.published(fields.get("published") or published)
        name = validate.optional_text(fields.get("source") or source, "source")
    except UsageError as exc:
        raise HTTPException(422, str(exc)) from None
    if not text.strip():
        raise HTTPException(422, "empty text: nothing to analyse")
    result = await _slots(request).run(text, day, name)
    if "error" in result:
        raise HTTPException(422, result["error"])
    return result["document"]
