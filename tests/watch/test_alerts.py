"""Alert rules on what each round adds: fired once, with sentences and links; JSON Lines and
a webhook receiver on the loopback.  The articles are the package's sample corpus (written
for warta) served as web pages: 01 and 03 give Rp12 triliun for the Karawang battery
factory, 02 gives Rp15 triliun — the planted conflict."""

from __future__ import annotations

import json
from importlib import resources

import pytest
import yaml

from warta.errors import UsageError
from warta.watch import run_round
from warta.watch.alerts import Delivery, parse

from .conftest import config, feed_source
from .server import Route, page, rss

SAMPLE = resources.files("warta") / "data" / "sample"
BATTERY = ["01_kabarindustri_pabrik-baterai-karawang.txt", "02_wartaekonomi_baterai-nusantara-karawang.txt",
           "03_antaranusa_groundbreaking-pabrik-baterai.txt"]
RULES = """
alerts:
  - name: baterai
    entity: Baterai Nusantara Energi
  - name: konflik-baterai
    conflict: PT Baterai Nusantara Energi Tbk
  - name: pabrik-besar
    money_over: 1000000000000
    event: FACILITY
  - name: menteri-dan-baterai
    story: [Budi Santoso, Baterai Nusantara]
  - name: di-atas-14-triliun
    money_over: 14000000000000
  - name: tidak-ada
    entity: Perusahaan Yang Tidak Pernah Ada
"""


def serve_sample(server, name: str) -> str:
    meta = {a["file"]: a for a in yaml.safe_load((SAMPLE / "MANIFEST.yaml").read_text(encoding="utf-8"))["articles"]}
    title, _, rest = (SAMPLE / name).read_text(encoding="utf-8").partition("\n")
    paragraphs = [p.replace("\n", " ") for p in rest.split("\n\n") if p.strip()]
    path = "/berita/" + name.removesuffix(".txt")
    server.routes[path] = Route(page(title, paragraphs, str(meta[name]["published"]), site=meta[name]["outlet"]))
    return path


def lines(path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


def test_rules_fire_once_each_with_sentences_and_links(server, kb, tmp_path):
    paths = [serve_sample(server, n) for n in BATTERY]
    feed = Route(content_type="application/rss+xml")
    server.routes["/rss.xml"] = feed
    server.routes["/hook"] = Route(b"", fail_first=1)  # the receiver fails once: retried
    out = tmp_path / "alerts.jsonl"
    delivery = Delivery(parse(RULES), out=str(out), webhook=server.url("/hook"), settings=config().fetch)
    cfg = config(feed_source(server))
    listed = []

    def round_with(n):
        listed.append((server.url(paths[n]), "baterai", "Tue, 14 Oct 2025 08:00:00 +0700"))
        feed.body = rss(list(reversed(listed)))
        return run_round(kb, cfg, alerts=delivery)

    first = round_with(0)
    assert first.added == 1
    assert sorted(a["rule"] for a in first.alerts) == ["baterai", "menteri-dan-baterai", "pabrik-besar"]
    factory = next(a for a in first.alerts if a["rule"] == "pabrik-besar")
    assert factory["facts"][0]["text"].replace(" ", "") == "Rp12triliun" and factory["facts"][0]["idr"] == 12e12
    assert factory["facts"][0]["event"]["type"] == "FACILITY" and "Karawang" in factory["facts"][0]["sentence"]

    second = round_with(1)  # Rp15 triliun against Rp12 triliun: the conflict appears
    conflicts = [a for a in second.alerts if a["rule"] == "konflik-baterai"]
    assert {a["fact"]["measure"] for a in conflicts} >= {"investment"}
    investment = next(a for a in conflicts if a["fact"]["measure"] == "investment")
    assert {f["text"].replace(" ", "") for f in investment["facts"]} == {"Rp12triliun", "Rp15triliun"}
    assert all(f["sentence"] and f["url"].startswith(server.base) for f in investment["facts"])
    assert set(investment["links"]) == {server.url(paths[0]), server.url(paths[1])}
    assert "menteri-dan-baterai" not in {a["rule"] for a in second.alerts}  # the same story: once
    (big,) = [a for a in second.alerts if a["rule"] == "di-atas-14-triliun"]  # any figure: only Rp15 triliun
    assert big["facts"][0]["idr"] == 15e12 and big["links"] == [server.url(paths[1])]

    third = round_with(2)  # a third outlet agrees with the first: the conflict does not fire again
    assert "konflik-baterai" not in {a["rule"] for a in third.alerts}
    fourth = run_round(kb, cfg, alerts=delivery)  # nothing new
    assert fourth.added == 0 and fourth.alerts == []

    written = lines(out)
    keys = [(a["rule"], a["key"]) for a in written]
    assert len(keys) == len(set(keys)) == len(first.alerts) + len(second.alerts) + len(third.alerts)
    assert [a["rule"] for a in written].count("konflik-baterai") == len(conflicts)
    assert all(a["facts"] and a["links"] for a in written)
    assert "tidak-ada" not in {a["rule"] for a in written}
    posted = [json.loads(body) for path, body in server.posts if path == "/hook"]
    assert len(posted) == len(written) + 1  # one refused by the receiver, sent again
    assert {(a["rule"], a["key"]) for a in posted} == set(keys)


def test_an_unreachable_webhook_is_caught_up_next_round_without_duplicate_lines(server, kb, tmp_path):
    path = serve_sample(server, BATTERY[0])
    server.routes["/rss.xml"] = Route(rss([(server.url(path), "baterai", "Tue, 14 Oct 2025 08:00:00 +0700")]))
    out = tmp_path / "alerts.jsonl"
    rules = parse("- {name: baterai, entity: Baterai Nusantara Energi}")
    delivery = Delivery(rules, out=str(out), webhook=server.url("/hook"), settings=config(retries=0).fetch)
    cfg = config(feed_source(server))
    run_round(kb, cfg, alerts=delivery)  # /hook answers 404
    assert len(lines(out)) == 1 and delivery.errors and "404" in delivery.errors[0]
    server.routes["/hook"] = Route(b"")
    run_round(kb, cfg, alerts=delivery)
    assert len(lines(out)) == 1
    assert [json.loads(b)["rule"] for p, b in server.posts if p == "/hook"] == ["baterai", "baterai"]


@pytest.mark.parametrize("text, reason", [
    ("- {name: a}", "exactly one of"),
    ("- {name: a, entity: X, conflict: Y}", "exactly one of"),
    ("- {name: a, money_over: banyak}", "money_over must be an amount"),
    ("- {name: a, story: [X]}", "two names"),
    ("- {name: a, entity: X, warna: merah}", "unknown key"),
    ("- {name: a, entity: X}\n- {name: a, entity: Y}", "two rules are named"),
    ("alerts: [", "not valid YAML"),
    ("{}", "expected a list of rules"),
])
def test_bad_rules_are_refused_with_the_reason(text, reason):
    with pytest.raises(UsageError, match=reason):
        parse(text, "rules.yaml")
