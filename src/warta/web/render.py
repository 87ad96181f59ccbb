"""Turning query data into safe HTML pieces: an article's text with its spans marked (in
the manner of displaCy), search snippets with their hits marked, figures in words, the
related-entities graph laid out for an inline SVG.

Everything taken from an article is escaped here before any tag is put around it; the
templates only ever see ``Markup`` built by these functions or plain strings (which Jinja
escapes).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from markupsafe import Markup, escape

# the kinds of spans marked on the article page, outermost first when two start together
KINDS = ("quote", "entity", "money", "percent", "quantity", "date")


@dataclass
class Mark:
    start: int
    end: int
    kind: str  # one of KINDS
    label: str  # the short tag shown after the text: ORG, IDR, 2025-10-14…
    title: str = ""  # the tooltip: the value behind the words
    css: str = ""
    href: str | None = None
    children: list["Mark"] = field(default_factory=list)


def _valid(span, size: int) -> bool:
    return (isinstance(span, (list, tuple)) and len(span) == 2
            and all(isinstance(x, int) for x in span) and 0 <= span[0] < span[1] <= size)


def article_marks(doc: dict, entity_href, number) -> list[Mark]:
    """The spans of one article's contract as ``Mark``s (unnested, unsorted).

    ``entity_href(kb_id)`` gives an entity's page; ``number(value, unit)`` writes a figure."""
    size = len(doc.get("text") or "")
    marks: list[Mark] = []
    for e in doc.get("entities") or []:
        href = entity_href(e["kb_id"]) if e.get("kb_id") else None
        for span in e.get("mentions") or []:
            if _valid(span, size):
                marks.append(Mark(span[0], span[1], "entity", e.get("type") or "?", e.get("name") or "",
                                  f"ent-{e.get('type') or 'X'}", href))
    for m in doc.get("money") or []:
        if _valid(m.get("span"), size):
            marks.append(Mark(*m["span"], "money", m.get("currency") or "", number(m.get("amount"), m.get("currency"))))
    for key, kind in (("percents", "percent"), ("quantities", "quantity")):
        for m in doc.get(key) or []:
            if _valid(m.get("span"), size):
                value = number(m.get("value"), "percent" if kind == "percent" else None)
                marks.append(Mark(*m["span"], kind, value, f"{value} {m.get('unit') or ''}".strip()))
    for d in doc.get("dates") or []:
        if _valid(d.get("span"), size):
            marks.append(Mark(*d["span"], "date", d.get("value") or "?", d.get("precision") or ""))
    for q in doc.get("quotes") or []:
        if _valid(q.get("span"), size):
            marks.append(Mark(*q["span"], "quote", q.get("speaker") or "?", q.get("speaker") or ""))
    for m in marks:
        m.css = m.css or m.kind
    return marks


def nest(marks: list[Mark]) -> list[Mark]:
    """Marks as a tree: a mark inside another becomes its child; one that crosses the
    boundary of an earlier one is dropped (HTML cannot show it)."""
    order = {k: i for i, k in enumerate(KINDS)}
    roots: list[Mark] = []
    stack: list[Mark] = []
    for m in sorted(marks, key=lambda m: (m.start, -m.end, order.get(m.kind, 99))):
        m.children = []
        while stack and m.start >= stack[-1].end:
            stack.pop()
        if stack and m.end > stack[-1].end:
            continue
        (stack[-1].children if stack else roots).append(m)
        stack.append(m)
    return roots


def _render(text: str, lo: int, hi: int, marks: list[Mark], in_link: bool, out: list[str]) -> None:
    pos = lo
    for m in marks:
        out.append(str(escape(text[pos:m.start])))
        link = m.href is not None and not in_link
        tag = "a" if link else "span"
        attrs = f' href="{escape(m.href)}"' if link else ""
        out.append(f'<{tag} class="mark {escape(m.css)}" id="s{m.start}-{m.end}" data-kind="{m.kind}"'
                   f' title="{escape(m.title)}"{attrs}>')
        _render(text, m.start, m.end, m.children, in_link or link, out)
        out.append(f'<span class="lbl">{escape(m.label)}</span></{tag}>')
        pos = m.end
    out.append(str(escape(text[pos:hi])))


def marked_text(text: str, marks: list[Mark]) -> Markup:
    """``text`` escaped, with each mark wrapped in a tag (id ``s{start}-{end}`` for links)."""
    out: list[str] = []
    _render(text, 0, len(text), nest(marks), False, out)
    return Markup("".join(out))


_HIT = re.compile(r"\[([^\[\]]+)\]")


def snippet(snip: str | None) -> Markup:
    """A search snippet (hits marked ``[…]`` by ``kb.search``) as HTML with ``<mark>``."""
    return Markup(_HIT.sub(r"<mark>\1</mark>", str(escape(snip or ""))))


def number(value: float | None, unit: str | None, scales: list[tuple[float, str]], sep: str) -> str:
    """``12e12, 'IDR'`` → ``'12 triliun IDR'`` (the scale words come from the labels)."""
    if value is None:
        return "–"
    for size, word in scales:
        if abs(value) >= size:
            v = value / size
            text = f"{v:.2f}".rstrip("0").rstrip(".")
            return f"{text.replace('.', ',' if sep == '.' else '.')} {word} {unit or ''}".strip()
    text = f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"
    if sep == ".":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return f"{text} {unit or ''}".strip()


def graph(center: dict, related: list[dict], width: int = 560, height: int = 360) -> dict:
    """Positions for an inline SVG: the entity in the middle, the entities named with it on
    a circle, each edge as thick as the number of articles they share."""
    cx, cy = width / 2, height / 2
    radius = min(width, height) / 2 - 50
    most = max((r.get("together", 1) for r in related), default=1) or 1
    nodes, edges = [], []
    for i, r in enumerate(related):
        angle = 2 * math.pi * i / max(len(related), 1) - math.pi / 2
        x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        nodes.append({**r, "x": round(x, 1), "y": round(y, 1),
                      "anchor": "start" if x > cx + 1 else "end" if x < cx - 1 else "middle"})
        edges.append({"x": round(x, 1), "y": round(y, 1),
                      "w": round(1 + 5 * r.get("together", 1) / most, 1)})
    return {"width": width, "height": height, "cx": cx, "cy": cy, "center": center,
            "nodes": nodes, "edges": edges}


def role_periods(roles: list[dict]) -> list[dict]:
    """Roles held over time: one row per (title, organisation), first and last seen."""
    rows: dict[tuple, dict] = {}
    for r in roles:
        key = (r.get("title"), r.get("org"))
        row = rows.setdefault(key, {"title": r.get("title"), "org": r.get("org"), "first": r.get("published"),
                                    "last": r.get("published"), "articles": []})
        when = r.get("published")
        if when and (not row["first"] or when < row["first"]):
            row["first"] = when
        if when and (not row["last"] or when > row["last"]):
            row["last"] = when
        if r.get("article") not in row["articles"]:
            row["articles"].append(r.get("article"))
    return sorted(rows.values(), key=lambda r: (r["first"] or "9999", r["title"] or ""))
