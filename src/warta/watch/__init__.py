"""``warta watch``: follow outlets live — feeds, news sitemaps and section pages polled
politely, new articles ingested into the knowledge base as they appear, alerts on rules.

Modules: ``config`` (the sources file), ``fetch`` (HTTP: robots.txt, limits, retries),
``listing`` (links from feeds, sitemaps, section pages), ``state`` (the watcher's rows in
the KB), ``run`` (a round, the loop), ``alerts`` (rules, evaluation, delivery).

>>> from warta.watch import load, run_round         # doctest: +SKIP
>>> run_round(open_kb("warta.db"), load("sources.yaml")).summary()   # doctest: +SKIP
"""

from __future__ import annotations

from .config import Config, Source, load, parse
from .run import RoundReport, loop, run_round
from .state import overview, status

__all__ = ["Config", "RoundReport", "Source", "load", "loop", "overview", "parse", "run_round", "status"]
