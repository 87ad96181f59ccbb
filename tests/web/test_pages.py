"""The server-rendered pages: content, escaping, links to sentences, languages, empty KBs."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from warta.kb import KnowledgeBase
from warta.web import create_app


def test_home(client):
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "Cerita terbaru" in r.text and "Smelter nikel Rp20 triliun di Morowali" in r.text
    assert "status-conflict" in r.text
    assert "script-src 'self'" in r.headers["content-security-policy"]


def test_english_on_request_and_links_keep_it(client, ids):
    r = client.get("/", params={"lang": "en"})
    assert "Latest stories" in r.text and "Cerita terbaru" not in r.text
    assert f'href="/stories/{ids["story"]}?lang=en"' in r.text
    assert client.get("/", params={"lang": "xx"}).status_code == 200  # unknown: Indonesian


def test_search_highlights_hits_and_finds_entities(client, ids):
    r = client.get("/search", params={"q": "Rahmat Hidayatullah"})
    assert f'href="/entities/{ids["minister"]}"' in r.text
    assert "<mark>Rahmat</mark>" in r.text
    empty = client.get("/search", params={"q": "zzzqqq"})
    assert "Tidak ada hasil" in empty.text


def test_entity_dossier(client, ids):
    r = client.get(f"/entities/{ids['company']}")
    text = r.text
    for section in ('id="aliases"', 'id="roles"', 'id="quotes"', 'id="facts"', 'id="timeline"', "<svg"):
        assert section in text, section
    assert "Logam Sulawesi Makmur" in text and "Rp18,5 triliun" in text
    # each statement links to its figure in its article page
    assert re.search(rf'href="/articles/{ids["smelter_b"]}#s\d+-\d+"', text)
    minister = client.get(f"/entities/{ids['minister']}").text
    assert "Menteri Investasi" in minister and "hilirisasi" in minister


def test_story_marks_conflict_and_links_sentences(client, ids):
    text = client.get(f"/stories/{ids['story']}").text
    assert "KABARSULAWESI.id" in text and "EKONOMINUSA.com" in text
    assert text.count("cell-conflict") == 2 and text.count("cell-corroborated") == 2
    anchors = re.findall(r'href="/articles/(\d+)#(s\d+-\d+)"', text)
    assert anchors
    for article, anchor in anchors:  # every anchor exists on its article page
        assert f'id="{anchor}"' in client.get(f"/articles/{article}").text


def test_article_marks_spans(client, ids):
    text = client.get(f"/articles/{ids['smelter_a']}").text
    assert re.search(r'class="mark ent-ORG"[^>]*>PT Logam Sulawesi Makmur<span class="lbl">ORG', text)
    assert re.search(r'class="mark money"[^>]*>Rp20 triliun<', text)
    assert re.search(r'class="mark date"[^>]*>Kamis \(6/11/2025\)<', text)
    assert 'data-kind="quote"' in text


def test_script_in_article_is_escaped(client, ids):
    text = client.get(f"/articles/{ids['script']}").text
    assert "<script>alert(1)</script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    for page in ("/", "/search?q=pengumuman"):
        assert "<script>alert(" not in client.get(page).text


@pytest.mark.parametrize("path", ["/entities/99999", "/stories/99999", "/articles/99999"])
def test_missing_is_404_page(client, path):
    r = client.get(path)
    assert r.status_code == 404 and "tidak ditemukan" in r.text


def test_ids_must_be_numbers(client):
    assert client.get("/entities/..%2F..%2Fetc").status_code in (404, 422)
    assert client.get("/static/..%2F..%2Fapi.py").status_code == 404


def test_empty_kb_pages(tmp_path):
    db = str(tmp_path / "empty.db")
    KnowledgeBase(db).engine.dispose()
    with TestClient(create_app(db)) as c:
        for path in ("/", "/search?q=apa", "/?lang=en", "/api/stories", "/api/conflicts"):
            assert c.get(path).status_code == 200, path


def test_missing_kb_is_refused(tmp_path):
    from warta.kb.store import KBError

    with pytest.raises(KBError, match="no knowledge base"):
        create_app(str(tmp_path / "none.db"))


def _view(lang="en"):
    from starlette.requests import Request

    from warta.web.pages import View

    return View(Request({"type": "http", "path": "/", "query_string": b"", "headers": []}), lang)


@pytest.mark.parametrize("key, en, id_", [
    ("investment_realised", "Investment realised", "Realisasi investasi"),
    ("net_profit", "Net profit", "Laba bersih"),
    ("growth_yoy", "Growth, year on year", "Pertumbuhan, secara tahunan"),
    ("decline_pop", "Decline, on the previous period", "Penurunan, dibanding periode sebelumnya"),
    ("capacity_target", "Capacity (target)", "Kapasitas (target)"),
    ("something_new", "Something new", "Something new"),   # never the raw key
])
def test_measures_in_words(key, en, id_):
    assert _view("en").measure(key) == en
    assert _view("id").measure(key) == id_


def test_conflict_counts_and_reasons_in_the_page_language():
    assert (_view("en").conflicts(1), _view("en").conflicts(2)) == ("1 conflict", "2 conflicts")
    assert _view("id").conflicts(2) == "2 angka bertentangan"
    fact = {"values": [{"value": 1}, {"value": 10, "reason": {"why": "slip", "factor": 10}}]}
    assert _view("en").reason(fact, {"group": 1}) == "a likely slip: off by a factor of 10"
    assert _view("en").reason(fact, {"group": 0}) == ""


def test_units_as_written_are_kept():
    assert "GWh" in _view("en").number(10, "GWh per tahun")
    assert _view("en").number(12e12, "IDR").endswith("IDR")


def test_why_merged_lists_no_self_merge(client, ids):
    text = client.get(f"/entities/{ids['company']}", params={"lang": "en"}).text
    assert not re.search(r"<li>([^<>]+) → \1 <small>", text)


def test_every_measure_has_a_label_in_both_languages():
    from warta import lang

    for code in ("id", "en"):
        labels = lang.load("web", code)
        missing = [m for m in lang.load("measures")["measures"] if f"measure_{m}" not in labels]
        assert not missing, (code, missing)


def test_a_date_fact_shows_its_day():
    assert _view("en").number(738000.0, "day") == "2021-07-29"
    fact = {"values": [{"value": 1}, {"value": 2, "reason": {"why": "day", "days": 1}}]}
    assert "1 day" in _view("en").reason(fact, {"group": 1})
