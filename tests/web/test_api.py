"""The JSON API over a small hand-made knowledge base (tests/web/conftest.py)."""

from __future__ import annotations

import pytest

from warta.web.api import MAX_BODY, MAX_LIMIT


def test_openapi_lists_every_route(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/articles", "/api/articles/{article_id}", "/api/entities", "/api/entities/{entity_id}",
                 "/api/entities/{entity_id}/timeline", "/api/stories", "/api/stories/{story_id}",
                 "/api/conflicts", "/api/search", "/api/extract"):
        assert path in paths, path
    assert "requestBody" in paths["/api/extract"]["post"]
    assert client.get("/docs").status_code == 200


def test_articles_paged(client):
    first = client.get("/api/articles", params={"limit": 2}).json()
    assert len(first["items"]) == 2 and first["next"] == 2
    rest = client.get("/api/articles", params={"limit": 2, "offset": 2}).json()
    assert not {a["id"] for a in first["items"]} & {a["id"] for a in rest["items"]}
    assert client.get("/api/articles", params={"limit": MAX_LIMIT + 1}).status_code == 422
    assert client.get("/api/articles", params={"offset": -1}).status_code == 422


def test_article_contract_with_spans(client, ids):
    doc = client.get(f"/api/articles/{ids['smelter_a']}").json()
    assert doc["story"] == ids["story"]
    money = doc["money"][0]
    assert doc["text"][money["span"][0]:money["span"][1]] == "Rp20 triliun"
    assert all(e["kb_id"] for e in doc["entities"])
    assert client.get("/api/articles/99999").status_code == 404
    assert client.get("/api/articles/abc").status_code == 422


def test_entities_search_and_type(client):
    found = client.get("/api/entities", params={"q": "logam sulawesi makmur"}).json()["items"]
    assert found[0]["name"] == "PT Logam Sulawesi Makmur"
    people = client.get("/api/entities", params={"type": "PER"}).json()["items"]
    assert people and all(e["type"] == "PER" for e in people)
    assert client.get("/api/entities", params={"type": "CAT"}).status_code == 422
    assert client.get("/api/entities", params={"q": "tidak ada nama ini"}).json()["items"] == []


def test_entity_profile_and_timeline(client, ids):
    prof = client.get(f"/api/entities/{ids['minister']}").json()
    assert prof["name"] == "Rahmat Hidayatullah"
    assert {r["title"] for r in prof["roles"]} == {"Menteri Investasi"}
    assert prof["quotes"] and "hilirisasi" in prof["quotes"][0]["text"]
    company = client.get(f"/api/entities/{ids['company']}").json()
    assert {f["status"] for f in company["facts"]} == {"conflict", "corroborated"}
    line = client.get(f"/api/entities/{ids['company']}/timeline").json()["timeline"]
    assert [e["date"] for e in line] == sorted(e["date"] for e in line)
    assert any(e["kind"] == "event" for e in line) and any(e["kind"] == "fact" for e in line)
    assert client.get("/api/entities/99999").status_code == 404
    assert client.get("/api/entities/99999/timeline").status_code == 404


def test_stories_and_story(client, ids):
    stories = client.get("/api/stories").json()["items"]
    assert stories[0]["articles"] == 2 and stories[0]["conflicts"] == 1
    assert len(client.get("/api/stories", params={"min_articles": 1}).json()["items"]) == 3
    story = client.get(f"/api/stories/{ids['story']}").json()
    assert {a["outlet"] for a in story["articles_list"]} == {"KABARSULAWESI.id", "EKONOMINUSA.com"}
    status = {f["measure"]: f["status"] for f in story["facts"]}
    assert status == {"investment": "conflict", "workers": "corroborated"}
    assert client.get("/api/stories/99999").status_code == 404


def test_conflicts(client):
    (conflict,) = client.get("/api/conflicts").json()["items"]
    assert sorted(st["text"] for st in conflict["statements"]) == ["Rp18,5 triliun", "Rp20 triliun"]


def test_search(client):
    hits = client.get("/api/search", params={"q": "smelter"}).json()["items"]
    assert len(hits) == 2 and all("[" in h["snippet"] for h in hits)
    # FTS syntax from the user is never passed through
    assert client.get("/api/search", params={"q": 'smelter" OR body:*'}).status_code == 200
    assert client.get("/api/search", params={"q": ""}).json()["items"] == []
    assert client.get("/api/search").status_code == 422


TEXT = ("JAKARTA, KABARINDUSTRI.ID - PT Sinar Baja Utama menanamkan investasi Rp3 triliun untuk pabrik "
        "baja di Cilegon pada Selasa (14/10/2025).")


def test_extract_json(client):
    r = client.post("/api/extract", json={"text": TEXT, "published": "2025-10-14", "source": "x.txt"})
    assert r.status_code == 200, r.text
    doc = r.json()
    assert doc["source"] == "x.txt" and doc["published"] == "2025-10-14"
    assert any(m["amount"] == 3e12 and m["currency"] == "IDR" for m in doc["money"])
    m = doc["money"][0]
    assert doc["text"][m["span"][0]:m["span"][1]] == m["text"]


def test_extract_plain_text(client):
    r = client.post("/api/extract", content=TEXT.encode(), params={"published": "2025-10-14"},
                    headers={"content-type": "text/plain; charset=utf-8"})
    assert r.status_code == 200, r.text
    assert r.json()["published"] == "2025-10-14"


@pytest.mark.parametrize("kwargs, reason", [
    ({"json": {"text": "   "}}, "empty"),
    ({"json": {"text": 42}}, "string"),
    ({"json": ["text"]}, "object"),
    ({"content": b"\xff\xfe\x00\x01binary", "headers": {"content-type": "application/octet-stream"}}, "UTF-8"),
    ({"content": b"abc\x00def", "headers": {"content-type": "text/plain"}}, "NUL"),
    ({"content": b"{not json", "headers": {"content-type": "application/json"}}, "JSON"),
    ({"json": {"text": TEXT, "published": "kemarin"}}, "ISO"),
])
def test_extract_refuses_with_422(client, kwargs, reason):
    r = client.post("/api/extract", **kwargs)
    assert r.status_code == 422
    assert reason in r.json()["detail"]


def test_extract_body_limit_413(client):
    big = ("Pabrik baru dibangun. " * (MAX_BODY // 20 + 10)).encode()
    assert len(big) > MAX_BODY
    assert client.post("/api/extract", content=big, headers={"content-type": "text/plain"}).status_code == 413

    def chunks():  # no Content-Length: cut off while streaming
        for _ in range(20):
            yield b"x" * (MAX_BODY // 10)
    assert client.post("/api/extract", content=chunks(), headers={"content-type": "text/plain"}).status_code == 413


def test_kb_is_read_only(app):
    from sqlalchemy import text

    with app.state.engine.connect() as conn, pytest.raises(Exception, match="readonly"):
        conn.execute(text("DELETE FROM articles"))
