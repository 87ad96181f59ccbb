"""A union-find (disjoint sets) over hashable items: which names are one thing.

Used within an article (``nlp.harvest``: name keys) and across articles (``kb.resolve``:
entity rows).  A leaf: it imports nothing of warta.

>>> groups = UnionFind()
>>> groups.union("agus", "agus gumiwang"), groups.union("agus gumiwang", "agus")
(True, False)
>>> groups.find("agus") == groups.find("agus gumiwang") != groups.find("budi")
True
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

T = TypeVar("T", bound=Hashable)


class UnionFind(Generic[T]):
    """Disjoint sets; an item is its own set until joined.  The root of a union is the
    first argument's root (``union(a, b)`` puts ``b``'s set under ``a``'s)."""

    def __init__(self, items: Iterable[T] = ()) -> None:
        self.parent: dict[T, T] = {x: x for x in items}

    def find(self, x: T) -> T:
        """The root of ``x``'s set (path halving)."""
        parent = self.parent
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: T, b: T) -> bool:
        """Join the sets of ``a`` and ``b``; False when they were one already."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        self.parent[rb] = ra
        return True
