"""The JSON API under ``/api``: one route per view of ``kb.queries``, and ``POST /api/extract``.

Lists are paged (``limit``, at most ``MAX_LIMIT``, and ``offset``) and come as
``{"items": […], "limit": n, "offset": n, "next": offset or null}``.  A missing article,
entity or story is a 404 with the knowledge base's message.
"""

from __future__ import annotations

import json
from enum import Enum
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import Engine

from ..errors import WartaError
from ..kb import queries
from ..model import ENTITY_TYPES

MAX_LIMIT = 200
MAX_OFFSET = 100_000
MAX_BODY = 1_000_000  # bytes a POST /api/extract may carry

router = APIRouter(prefix="/api", tags=["api"])

EntityType = Enum("EntityType", {t: t for t in ENTITY_TYPES}, type=str)
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"At most this many items (≤ {MAX_LIMIT}).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Skip this many items.")]


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
def get_article(request: Request, article_id: int) -> Json:
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
def get_entity(request: Request, entity_id: int) -> Json:
    return Json(queries.entity(engine_of(request), str(entity_id)))


@router.get("/entities/{entity_id}/timeline", response_class=Json, summary="An entity's dated events and facts")
def get_timeline(request: Request, entity_id: int) -> Json:
    return Json(queries.timeline(engine_of(request), str(entity_id)))


@router.get("/stories", summary="Stories, largest and latest first")
def list_stories(request: Request, limit: Limit = 50, offset: Offset = 0,
                 min_articles: Annotated[int, Query(ge=1, le=1000)] = 2) -> dict:
    return page(queries.stories(engine_of(request), min_articles=min_articles, limit=limit, offset=offset),
                limit, offset)


@router.get("/stories/{story_id}", response_class=Json, summary="One story: articles, shared facts, corroborations, conflicts")
def get_story(request: Request, story_id: int) -> Json:
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
        except ValueError as exc:
            raise HTTPException(422, f"body is not valid JSON ({exc})") from None
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            raise HTTPException(422, 'JSON body must be an object with a string "text"')
        for key in ("published", "source"):
            if data.get(key) is not None and not isinstance(data[key], str):
                raise HTTPException(422, f'"{key}" must be a string')
        return {"text": data["text"], "published": data.get("published"), "source": data.get("source")}
    return {"text": raw}


@router.post("/extract", summary="Text in, the contract out (as `warta extract`)", openapi_extra=EXTRACT_BODY)
async def extract(request: Request, published: Annotated[str | None, Query(description="ISO date the article was published")] = None,
                  source: Annotated[str | None, Query(max_length=2000)] = None) -> dict:
    """Analyse one article: a JSON object ``{"text", "published"?, "source"?}`` or the text
    itself (``text/plain``, with ``published`` and ``source`` as query parameters).
    At most 1 MB (else 413); empty or non-text bodies are refused with 422."""
    from .. import analyze

    body = await read_body(request)
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    fields = _fields(body, content_type)
    text = fields["text"]
    if "\x00" in text:
        raise HTTPException(422, "body is not text (it holds NUL bytes)")
    if not text.strip():
        raise HTTPException(422, "empty text: nothing to analyse")
    try:
        doc = await run_in_threadpool(analyze, text, published=fields.get("published") or published,
                                       source=fields.get("source") or source)
    except WartaError as exc:
        raise HTTPException(422, str(exc)) from None
    return doc.to_dict()
