"""Alert rules, evaluated on the articles a round stored, each alert fired once.

A rules file (YAML) is a list of rules (or ``alerts:`` holding one), each with a ``name``
and one condition::

    alerts:
      - name: baterai-muncul
        entity: PT Baterai Nusantara Energi       # an entity appears in a new article
      - name: konflik-baterai
        conflict: Baterai Nusantara Energi        # a figure about it is in conflict
      - name: investasi-besar
        money_over: 1000000000000                 # a money figure over N rupiah…
        event: INVESTMENT                         # …in an event of this type (optional)
      - name: menperin-dan-hanul
        story: [Menperin, Hanul Motors]           # a new story mentioning both

Names are looked up as ``warta entity`` does (any alias, any form; else the entities whose
name contains it), after the round's update.  Each alert has a key (the article, the fact
or the story it is about) and is stored in ``watch_alerts`` before it is delivered: the same
(rule, key) never fires again.  Delivery: one JSON object a line to a file or standard
output, and optionally a POST of the same object to a webhook (retried, and retried again
next round while it fails).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import httpx
from sqlalchemy import Engine, or_, select
from sqlalchemy.orm import Session

from ..errors import UsageError, quote
from ..kb import queries
from ..kb.facts import sentence_at
from ..kb.schema import (ArticleRow, FactRow, FactSourceRow, ItemRow, MentionRow, StoryRow,
                         WatchAlertRow)
from .config import read_yaml
from .fetch import Settings
from .state import utcnow

KINDS = ("conflict", "entity", "money_over", "story")
MAX_SENTENCES = 3
WRITTEN, POSTED = 1, 2  # watch_alerts.delivered bits


@dataclass(frozen=True)
class Rule:
    """One alert rule: its name, its kind (``KINDS``), the names it is about, its threshold."""

    name: str
    kind: str
    names: tuple[str, ...] = ()
    over: float | None = None
    event: str | None = None


def _rule(raw: object, where: str) -> Rule:
    if not isinstance(raw, dict) or not isinstance(raw.get("name"), str) or not raw["name"].strip():
        raise UsageError(f"{where}: a rule is a mapping with a name and one of {', '.join(KINDS)}")
    unknown = set(raw) - {"name", "event", *KINDS}
    if unknown:
        raise UsageError(f"{where}: unknown key {quote(sorted(map(str, unknown))[0])} "
                         f"(known: name, event, {', '.join(KINDS)})")
    kinds = [k for k in KINDS if k in raw]
    if len(kinds) != 1:
        raise UsageError(f"{where}: give exactly one of {', '.join(KINDS)} (got {len(kinds)})")
    kind, value, name = kinds[0], raw[kinds[0]], raw["name"].strip()
    if kind == "money_over":
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise UsageError(f"{where}: money_over must be an amount in rupiah (got {quote(value)})")
        event = raw.get("event")
        if event is not None and not isinstance(event, str):
            raise UsageError(f"{where}: event must be an event type such as INVESTMENT")
        return Rule(name, kind, over=float(value), event=event.upper() if event else None)
    if "event" in raw:
        raise UsageError(f"{where}: event goes with money_over")
    names = value if isinstance(value, list) else [value]
    if not names or not all(isinstance(n, str) and n.strip() for n in names):
        raise UsageError(f"{where}: {kind} needs a name (or, for story, a list of names)")
    if kind == "story" and len(names) < 2:
        raise UsageError(f"{where}: story needs two names or more")
    if kind != "story" and len(names) != 1:
        raise UsageError(f"{where}: {kind} takes one name")
    return Rule(name, kind, tuple(n.strip() for n in names))


def parse(text: str, name: str = "RULES.yaml") -> list[Rule]:
    """The rules of a rules file's text.

    >>> parse("- {name: x, entity: Kemenperin}")[0].kind
    'entity'
    """
    data = read_yaml(text, name)
    if isinstance(data, dict) and set(data) == {"alerts"}:
        data = data["alerts"]
    if not isinstance(data, list) or not data:
        raise UsageError(f"{name}: expected a list of rules (or 'alerts:' holding one)")
    rules = [_rule(raw, f"{name}: rule {n}") for n, raw in enumerate(data, 1)]
    names = [r.name for r in rules]
    if len(set(names)) != len(names):
        raise UsageError(f"{name}: two rules are named {quote(next(n for n in names if names.count(n) > 1))}")
    return rules


def load(path: str) -> list[Rule]:
    try:
        return parse(Path(path).read_text(encoding="utf-8"), path)
    except FileNotFoundError:
        raise UsageError(f"{path}: no such rules file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read the rules file ({type(exc).__name__})") from None


# ---------------------------------------------------------------- evaluation

def _ids(engine: Engine, name: str) -> set[int]:
    return {e["id"] for e in queries.find_entities(engine, name, limit=50)}


def _link(a: ArticleRow) -> dict:
    return {"article": a.id, "url": a.url or a.source, "title": a.title, "outlet": a.outlet,
            "published": a.published.isoformat() if a.published else None}


def _sentences(a: ArticleRow, spans: Iterable) -> list[str]:
    out: list[str] = []
    for span in spans:
        lo, hi = sentence_at(a.text, span[0], span[1])
        sentence = a.text[lo:hi].strip()
        if sentence and sentence not in out:
            out.append(sentence)
        if len(out) >= MAX_SENTENCES:
            break
    return out


def _entity(s: Session, engine: Engine, rule: Rule, new: list[int]) -> Iterable[tuple[str, dict]]:
    ids = _ids(engine, rule.names[0])
    if not ids:
        return
    q = (select(MentionRow, ArticleRow).join(ArticleRow, ArticleRow.id == MentionRow.article_id)
         .where(MentionRow.article_id.in_(new), MentionRow.entity_id.in_(ids)).order_by(ArticleRow.id))
    by_article: dict[int, tuple[ArticleRow, list]] = {}
    for m, a in s.execute(q):
        by_article.setdefault(a.id, (a, []))[1].extend(m.mentions or [])
    for a, spans in by_article.values():
        link = _link(a)
        yield a.source, {"summary": f"{rule.names[0]} appears in {a.outlet or a.source}: {a.title or ''}".strip(),
                         "facts": [{"sentence": x, **link} for x in _sentences(a, sorted(spans))],
                         "links": [link["url"]]}


def _conflict(s: Session, engine: Engine, rule: Rule, new: list[int]) -> Iterable[tuple[str, dict]]:
    ids = _ids(engine, rule.names[0])
    touched = select(FactSourceRow.fact_id).where(FactSourceRow.article_id.in_(new))
    about = or_(FactRow.subject_id.in_(ids), FactRow.subject.ilike(f"%{rule.names[0]}%"))
    for f in s.scalars(select(FactRow).where(FactRow.status == "conflict", FactRow.id.in_(touched), about)):
        rows = s.execute(select(FactSourceRow, ArticleRow).join(ArticleRow, ArticleRow.id == FactSourceRow.article_id)
                         .where(FactSourceRow.fact_id == f.id).order_by(FactSourceRow.value_group, ArticleRow.id)).all()
        facts = [{"text": st.text, "value": st.value, "sentence": st.sentence, **_link(a)} for st, a in rows]
        stated = " vs ".join(dict.fromkeys(x["text"] for x in facts))
        key = "|".join(str(x or "") for x in (f.subject, f.measure, f.period, f.unit))
        yield key, {"summary": f"conflict on {f.measure} of {f.subject or '?'}"
                               f"{' (' + f.period + ')' if f.period else ''}: {stated}",
                    "fact": {"measure": f.measure, "subject": f.subject, "period": f.period, "unit": f.unit,
                             "values": f.values},
                    "facts": facts, "links": list(dict.fromkeys(x["url"] for x in facts))}


def _figure(s: Session, item: ItemRow) -> tuple[float | None, str | None]:
    """An event's amount in rupiah and the money figure as the article wrote it."""
    data = item.data or {}
    amount, currency = data.get("amount"), data.get("currency") or "IDR"
    if amount is None:
        return None, None
    money = s.scalars(select(ItemRow).where(ItemRow.article_id == item.article_id, ItemRow.kind == "money",
                                            ItemRow.value == amount, ItemRow.unit == currency)).first()
    written = money.text if money is not None else None
    if currency == "IDR":
        return float(amount), written
    return ((money.data or {}).get("idr") if money is not None else None), written


def _money(s: Session, engine: Engine, rule: Rule, new: list[int]) -> Iterable[tuple[str, dict]]:
    kind = "event" if rule.event else "money"
    q = (select(ItemRow, ArticleRow).join(ArticleRow, ArticleRow.id == ItemRow.article_id)
         .where(ItemRow.article_id.in_(new), ItemRow.kind == kind).order_by(ItemRow.id))
    if rule.event:
        q = q.where(ItemRow.value_text == rule.event)
    for item, a in s.execute(q):
        idr, written = _figure(s, item) if rule.event else ((item.data or {}).get("idr"), item.text)
        if idr is None or idr <= rule.over:
            continue
        data, link = item.data or {}, _link(a)
        sentence = data.get("evidence") or (a.text[slice(*sentence_at(a.text, item.start, item.end))].strip()
                                            if item.start is not None else "")
        what = f"{rule.event} event" if rule.event else "money figure"
        yield f"{a.source}@{item.start}", {
            "summary": f"{what} of {idr:,.0f} IDR (over {rule.over:,.0f}) in {a.outlet or a.source}",
            "facts": [{"text": written, "idr": idr, "event": data if rule.event else None,
                       "sentence": sentence, **link}],
            "links": [link["url"]]}


def _story(s: Session, engine: Engine, rule: Rule, new: list[int]) -> Iterable[tuple[str, dict]]:
    wanted = [_ids(engine, n) for n in rule.names]
    if not all(wanted):
        return
    seen: set = set()
    for a in s.scalars(select(ArticleRow).where(ArticleRow.id.in_(new)).order_by(ArticleRow.id)):
        group = a.story_id or f"article {a.id}"
        if group in seen:
            continue
        seen.add(group)
        members = (list(s.scalars(select(ArticleRow).where(ArticleRow.story_id == a.story_id).order_by(ArticleRow.id)))
                   if a.story_id else [a])
        mentions = s.execute(select(MentionRow).where(MentionRow.article_id.in_([m.id for m in members]))).scalars().all()
        found = [{m.article_id for m in mentions if m.entity_id in ids} for ids in wanted]
        if not all(found):
            continue
        by_id = {m.id: m for m in members}
        facts = []
        for ids, name in zip(wanted, rule.names):
            m = next(m for m in mentions if m.entity_id in ids)
            art = by_id[m.article_id]
            facts += [{"entity": name, "sentence": x, **_link(art)} for x in _sentences(art, m.mentions or [])[:1]]
        label = s.get(StoryRow, a.story_id).label if a.story_id else (a.title or a.source)
        yield members[0].source, {"summary": f"story mentioning {' and '.join(rule.names)}: {label}",
                                  "story": {"id": a.story_id, "label": label, "articles": [_link(m) for m in members]},
                                  "facts": facts, "links": [_link(m)["url"] for m in members]}


EVALUATORS = {"conflict": _conflict, "entity": _entity, "money_over": _money, "story": _story}


def evaluate(engine: Engine, rules: list[Rule], new: list[int], now: dt.datetime | None = None) -> list[dict]:
    """The alerts the articles ``new`` fire that have not fired before, stored as fired."""
    if not new or not rules:
        return []
    now = now or utcnow()
    fired: list[dict] = []
    with Session(engine) as s, s.begin():
        for rule in rules:
            found = dict(EVALUATORS[rule.kind](s, engine, rule, new))
            if not found:
                continue
            old = set(s.scalars(select(WatchAlertRow.key).where(WatchAlertRow.rule == rule.name,
                                                                 WatchAlertRow.key.in_(list(found)))))
            for key, body in found.items():
                if key in old:
                    continue
                payload = {"rule": rule.name, "kind": rule.kind, "key": key,
                           "fired_at": now.isoformat(timespec="seconds") + "Z", **body}
                s.add(WatchAlertRow(rule=rule.name, key=key, fired_at=now, payload=payload, delivered=0))
                fired.append(payload)
    return fired


# ---------------------------------------------------------------- delivery

class Delivery:
    """Rules and where their alerts go: ``delivery(engine, article_ids)`` evaluates them,
    then writes every alert not yet delivered (this round's and any a failed delivery left)."""

    def __init__(self, rules: list[Rule], *, out: str = "-", webhook: str | None = None,
                 settings: Settings = Settings()) -> None:
        self.rules, self.out, self.webhook, self.settings = rules, out, webhook, settings
        self.errors: list[str] = []

    def __call__(self, engine: Engine, new: list[int]) -> list[dict]:
        fired = evaluate(engine, self.rules, new)
        self.deliver(engine)
        return fired

    def deliver(self, engine: Engine) -> None:
        need = WRITTEN | (POSTED if self.webhook else 0)
        with Session(engine) as s, s.begin():
            rows = s.scalars(select(WatchAlertRow).where(WatchAlertRow.delivered < need).order_by(WatchAlertRow.id)).all()
            for row in rows:
                done = row.delivered or 0
                if not done & WRITTEN:
                    self._write(row.payload)
                    done |= WRITTEN
                if self.webhook and not done & POSTED and self._post(row.payload):
                    done |= POSTED
                row.delivered = done

    def _write(self, payload: dict) -> None:
        line = json.dumps(payload, ensure_ascii=False, default=str) + "\n"
        if self.out == "-":
            sys.stdout.write(line)
            sys.stdout.flush()
            return
        with open(self.out, "a", encoding="utf-8") as fh:
            fh.write(line)

    def _post(self, payload: dict) -> bool:
        """POST one alert; True when the receiver took it (2xx), after retries."""
        for attempt in range(self.settings.retries + 1):
            try:
                r = httpx.post(self.webhook, json=payload, timeout=self.settings.timeout,
                               headers={"User-Agent": self.settings.user_agent})
                if r.is_success:
                    return True
                error = f"HTTP {r.status_code}"
            except httpx.HTTPError as exc:
                error = f"{type(exc).__name__}: {exc}"
            if attempt < self.settings.retries:
                time.sleep(self.settings.backoff * 2 ** attempt)
        self.errors.append(f"webhook {self.webhook}: {error} (kept, tried again next round)")
        return False


__all__ = ["Delivery", "EVALUATORS", "KINDS", "Rule", "evaluate", "load", "parse"]
