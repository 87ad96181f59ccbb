"""The web pages: home, search, entity dossier, story, article — server-rendered Jinja2 over
the same ``kb.queries`` functions as the API and the CLI.

Every page takes ``?lang=en`` (Indonesian otherwise); links keep the language.
"""

from __future__ import annotations

import datetime as dt
from importlib import resources
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from ..kb import queries
from ..kb.store import KBError
from . import i18n, render
from .api import MAX_OFFSET, engine_of
from .data import statement_spans

PER_PAGE = 20
MAX_COLUMNS = 12  # outlets side by side on a story page; the API has them all

router = APIRouter(include_in_schema=False)


def _templates() -> Jinja2Templates:
    folder = str(resources.files(__package__).joinpath("templates"))
    env = Environment(loader=FileSystemLoader(folder), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    return Jinja2Templates(env=env)


templates = _templates()


class View:
    """What every template gets: the language, its labels, and link and number helpers."""

    def __init__(self, request: Request, lang: str | None):
        self.request = request
        self.lang = i18n.pick(lang)
        self.t = i18n.labels(self.lang)
        self._scales = i18n.scales(self.lang)

    def href(self, path: str, **params: Any) -> str:
        """``path`` with ``params`` (None dropped) and the page language when not the default."""
        query = {k: v for k, v in params.items() if v not in (None, "")}
        if self.lang != i18n.DEFAULT:
            query["lang"] = self.lang
        return path + ("?" + urlencode(query) if query else "")

    def switch(self) -> str:
        """This page in the other language."""
        query = {k: v for k, v in self.request.query_params.items() if k != "lang"}
        other = self.t["language_switch_code"]
        if other != i18n.DEFAULT:
            query["lang"] = other
        return self.request.url.path + ("?" + urlencode(query) if query else "")

    def number(self, value: float | None, unit: str | None = None) -> str:
        """A figure in words of the page language: ``12e12, 'idr'`` → '12 triliun IDR'."""
        if unit == "percent":
            return render.number(value, None, [], self.t["thousands_separator"]) + "%"
        if unit == "day" and value:  # a date fact: its day, kept as an ordinal
            return dt.date.fromordinal(int(value)).isoformat()
        if unit and len(unit) == 3 and unit.isalpha() and unit.islower():
            unit = unit.upper()  # a currency code kept in lower case by an older KB
        elif unit and f"measure_{unit}" in self.t:
            unit = self.t[f"measure_{unit}"].lower()  # an older KB's unit named for its measure
        return render.number(value, unit, self._scales, self.t["thousands_separator"])

    @staticmethod
    def web_url(url: str | None) -> str | None:
        """``url`` when it is an http(s) address, else None (never a ``javascript:`` link)."""
        return url if isinstance(url, str) and url.lower().startswith(("http://", "https://")) else None

    def what(self, item: dict) -> str:
        """What a timeline item is, in words: an event type, a fact's measure, a figure's kind."""
        kind, what = item.get("kind"), item.get("what")
        if kind == "event":
            return self.label("event", what)
        if kind == "fact":
            return self.measure(what)
        return self.t.get(what or "", what or kind or "–")

    def measure(self, key: str | None) -> str:
        """A fact's measure in words: ``growth_yoy`` → 'Growth, year on year',
        ``capacity_target`` → 'Capacity (target)'; never the raw key."""
        key = key or ""
        if f"measure_{key}" in self.t:
            return self.t[f"measure_{key}"]
        for suffix, prefix, shape in (("_target", "plan", "{} ({})"), ("_yoy", "basis", "{}, {}"),
                                      ("_pop", "basis", "{}, {}"), ("_ytd", "basis", "{}, {}")):
            if key.endswith(suffix) and f"{prefix}_{suffix[1:]}" in self.t:
                return shape.format(self.measure(key[:-len(suffix)]), self.t[f"{prefix}_{suffix[1:]}"])
        return key.replace("_", " ").capitalize() or "–"

    def conflicts(self, n: int) -> str:
        """'1 conflict', '2 conflicts' in the page language."""
        return self.t["conflicts_one"] if n == 1 else self.t["conflicts_many"].format(n=n)

    def reason(self, fact: dict, statement: dict) -> str:
        """Why a statement's value conflicts with the fact's main value, in words ('' for the
        main value or a fact with no conflict)."""
        values = fact.get("values") or []
        group = statement.get("group")
        why = values[group].get("reason") if isinstance(group, int) and 0 <= group < len(values) else None
        if not why or f"reason_{why.get('why')}" not in self.t:
            return ""
        return self.t[f"reason_{why['why']}"].format(factor=why.get("factor") or "", days=why.get("days") or "")

    def label(self, prefix: str, key: str | None) -> str:
        """``label('type', 'PER')`` → 'Orang'; a key with no label shows as itself."""
        return self.t.get(f"{prefix}_{key}", key or "–")


def show(request: Request, lang: str | None, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    view = View(request, lang)
    return templates.TemplateResponse(request, name, {"v": view, "t": view.t, **context}, status_code=status)


def not_found(request: Request, lang: str | None, what: str, message: str) -> HTMLResponse:
    return show(request, lang, "error.html", status=404, what=what, message=message)


Lang = Annotated[str | None, Query(max_length=5)]


@router.get("/", response_class=HTMLResponse)
def home(request: Request, lang: Lang = None) -> HTMLResponse:
    engine = engine_of(request)
    conflicts = queries.conflicts(engine, limit=10)
    _link_statements(engine, conflicts)
    return show(request, lang, "home.html", counts=queries.counts(engine), conflicts=conflicts,
                stories=queries.stories(engine, limit=10), articles=queries.article_heads(engine, limit=10))


@router.get("/watch", response_class=HTMLResponse)
def watch(request: Request, lang: Lang = None) -> HTMLResponse:
    from ..watch.state import overview

    return show(request, lang, "watch.html", **overview(engine_of(request)))


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: Annotated[str, Query(max_length=500)] = "",
           offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0, lang: Lang = None) -> HTMLResponse:
    engine, q = engine_of(request), q.strip()
    found = queries.find_entities(engine, q, limit=12) if q and not offset else []
    hits = queries.search(engine, q, limit=PER_PAGE, offset=offset) if q else []
    for h in hits:
        h["snippet_html"] = render.snippet(h.get("snippet"))
    return show(request, lang, "search.html", q=q, entities=found, hits=hits, offset=offset,
                per_page=PER_PAGE)


def _link_statements(engine, facts: list[dict]) -> None:
    """Give each statement of ``facts`` the anchor of its figure in its article page."""
    spans = statement_spans(engine, [f["id"] for f in facts])
    for f in facts:
        for st in f["statements"]:
            span = spans.get((f["id"], st["article"], st["text"]))
            st["anchor"] = f"s{span[0]}-{span[1]}" if span else None


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity(request: Request, entity_id: int, lang: Lang = None) -> HTMLResponse:
    engine = engine_of(request)
    try:
        data = queries.entity(engine, str(entity_id))
        line = queries.timeline(engine, str(entity_id))["timeline"]
    except KBError as exc:
        return not_found(request, lang, "entity_not_found", str(exc))
    _link_statements(engine, data["facts"])
    data["merges"] = [mg for mg in data.get("merges") or () if mg.get("name") != mg.get("into")]  # not "X → X"
    return show(request, lang, "entity.html", e=data, timeline=line, roles=render.role_periods(data["roles"]),
                graph=render.graph(data, data["related"]))


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story(request: Request, story_id: int, lang: Lang = None) -> HTMLResponse:
    engine = engine_of(request)
    try:
        data = queries.story(engine, story_id)
    except KBError as exc:
        return not_found(request, lang, "story_not_found", str(exc))
    _link_statements(engine, data["facts"])
    for f in data["facts"]:  # each article's statement of each fact: one cell of the figures table
        f["by_article"] = {st["article"]: st for st in f["statements"]}
    stated = {st["article"] for f in data["facts"] for st in f["statements"]}
    columns = [a for a in data["articles_list"] if a["id"] in stated][:MAX_COLUMNS]
    per_article = {a["id"]: [] for a in data["articles_list"]}
    for item in data["timeline"]:
        per_article.setdefault(item["article"], []).append(item)
    return show(request, lang, "story.html", s=data, per_article=per_article, columns=columns,
                max_columns=MAX_COLUMNS)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: int, lang: Lang = None) -> HTMLResponse:
    engine = engine_of(request)
    try:
        doc = queries.article(engine, article_id)
    except KBError as exc:
        return not_found(request, lang, "article_not_found", str(exc))
    view = View(request, lang)
    marks = render.article_marks(doc, lambda kb_id: view.href(f"/entities/{int(kb_id)}"), view.number)
    kinds = sorted({m.kind for m in marks}, key=render.KINDS.index)
    return show(request, lang, "article.html", doc=doc, body=render.marked_text(doc.get("text") or "", marks),
                kinds=kinds)
