"""A knowledge base for the web tests, built from hand-made Documents (no NER needed):

- story 1: two outlets on a smelter in Morowali — they disagree on the investment
  (Rp20 triliun against Rp18,5 triliun: a conflict) and agree on the jobs (corroborated);
  a minister holds a role and is quoted;
- an article on a port in Bitung (its own story);
- an article whose text holds ``<script>alert(1)</script>``, which every page must show as text.
"""

from __future__ import annotations

import datetime as dt

import pytest

from warta.kb import KnowledgeBase
from warta.kb.build import rebuild
from warta.kb.ingest import write_batch
from warta.model import Document, Entity, Event, Money, Percent, Quantity, Quote, Role, TimeValue

SMELTER_A = (
    "PT Logam Sulawesi Makmur menanamkan investasi Rp20 triliun untuk membangun smelter nikel di "
    "Morowali. Menteri Investasi Rahmat Hidayatullah meninjau lokasi proyek pada Kamis (6/11/2025). "
    "\"Smelter ini bukti kepercayaan investor terhadap hilirisasi,\" ujar Rahmat Hidayatullah. "
    "Smelter tersebut akan menyerap 4.500 tenaga kerja dan menaikkan ekspor nikel olahan 12 persen.")
SMELTER_B = (
    "Logam Sulawesi Makmur menggelontorkan dana senilai Rp18,5 triliun untuk smelter di Morowali, "
    "kata Menteri Investasi Rahmat Hidayatullah. Proyek itu menyerap 4.500 pekerja lokal.")
PORT = (
    "Pelabuhan Bitung Raya memperluas dermaga peti kemas dengan biaya Rp2,1 triliun. Direktur Utama "
    "Sinta Maharani mengatakan kapasitas naik menjadi 900.000 TEUs per tahun pada Januari 2026.")
SCRIPT = (
    "Warga Depok menemukan tulisan <script>alert(1)</script> di papan pengumuman kelurahan. "
    "Koperasi Maju Bersama menyebut kerugian sekitar Rp50 juta.")


def spans(text: str, needle: str) -> list[tuple[int, int]]:
    out, i = [], text.find(needle)
    while i >= 0:
        out.append((i, i + len(needle)))
        i = text.find(needle, i + 1)
    return out


def span(text: str, needle: str) -> tuple[int, int]:
    return spans(text, needle)[0]


def entity(n: int, text: str, name: str, type_: str, *aliases: str) -> Entity:
    found = sorted(s for form in (name, *aliases) for s in spans(text, form))
    return Entity(f"e{n}", name, type_, list(aliases), found)


def money(text: str, needle: str, amount: float, qualifier: str = "exact") -> Money:
    return Money(needle, amount, "IDR", span(text, needle), qualifier, idr=amount)


def documents() -> list[Document]:
    minister = "Rahmat Hidayatullah"
    quote_text = "Smelter ini bukti kepercayaan investor terhadap hilirisasi,"
    a = Document(
        source="kabarsulawesi/smelter-morowali.txt", title="Smelter nikel Rp20 triliun di Morowali",
        outlet="KABARSULAWESI.id", published=dt.date(2025, 11, 6), language="id", text=SMELTER_A,
        entities=[entity(1, SMELTER_A, "PT Logam Sulawesi Makmur", "ORG"), entity(2, SMELTER_A, "Morowali", "LOC"),
                  entity(3, SMELTER_A, minister, "PER")],
        roles=[Role(minister, "Menteri Investasi", "Kementerian Investasi", span(SMELTER_A, f"Menteri Investasi {minister}"))],
        money=[money(SMELTER_A, "Rp20 triliun", 20e12)],
        percents=[Percent("12 persen", 12.0, span(SMELTER_A, "12 persen"))],
        quantities=[Quantity("4.500 tenaga kerja", 4500, "tenaga kerja", span(SMELTER_A, "4.500 tenaga kerja"))],
        dates=[TimeValue("Kamis (6/11/2025)", "2025-11-06", "day", span(SMELTER_A, "Kamis (6/11/2025)"))],
        quotes=[Quote(minister, quote_text, span(SMELTER_A, quote_text))],
        events=[Event("INVESTMENT", "menanamkan investasi",
                      {"investor": "PT Logam Sulawesi Makmur", "amount": 20e12, "currency": "IDR",
                       "place": "Morowali", "date": "2025-11-06"},
                      SMELTER_A.split(". ")[0] + ".", (0, SMELTER_A.index(". ") + 1), 0.8)])
    b = Document(
        source="ekonominusa/logam-sulawesi.txt", title="Logam Sulawesi bangun smelter Morowali",
        outlet="EKONOMINUSA.com", published=dt.date(2025, 11, 7), language="id", text=SMELTER_B,
        entities=[entity(1, SMELTER_B, "Logam Sulawesi Makmur", "ORG"), entity(2, SMELTER_B, "Morowali", "LOC"),
                  entity(3, SMELTER_B, minister, "PER")],
        roles=[Role(minister, "Menteri Investasi", "Kementerian Investasi", span(SMELTER_B, f"Menteri Investasi {minister}"))],
        money=[money(SMELTER_B, "Rp18,5 triliun", 18.5e12)],
        quantities=[Quantity("4.500 pekerja", 4500, "pekerja", span(SMELTER_B, "4.500 pekerja"))])
    c = Document(
        source="pelabuhan/bitung.txt", title="Dermaga Bitung diperluas", outlet="MARITIMNEWS.id",
        published=dt.date(2025, 12, 1), language="id", text=PORT,
        entities=[entity(1, PORT, "Pelabuhan Bitung Raya", "ORG"), entity(2, PORT, "Sinta Maharani", "PER")],
        roles=[Role("Sinta Maharani", "Direktur Utama", "Pelabuhan Bitung Raya", span(PORT, "Direktur Utama Sinta Maharani"))],
        money=[money(PORT, "Rp2,1 triliun", 2.1e12)],
        dates=[TimeValue("Januari 2026", "2026-01", "month", span(PORT, "Januari 2026"))])
    d = Document(
        source="depok/papan.txt", title="Papan pengumuman <script>alert(1)</script>", outlet="DEPOKKINI.id",
        published=dt.date(2025, 12, 3), language="id", text=SCRIPT,
        entities=[entity(1, SCRIPT, "Depok", "LOC"), entity(2, SCRIPT, "Koperasi Maju Bersama", "ORG")],
        money=[money(SCRIPT, "sekitar Rp50 juta", 50e6, "about")])
    return [a, b, c, d]


def build_kb(path: str) -> str:
    kb = KnowledgeBase(path)
    write_batch(kb.engine, [(d, f"hash{i}") for i, d in enumerate(documents())], set())
    rebuild(kb.engine)
    kb.engine.dispose()
    return path


@pytest.fixture(scope="session")
def kb_path(tmp_path_factory) -> str:
    return build_kb(str(tmp_path_factory.mktemp("webkb") / "kb.db"))


@pytest.fixture(scope="session")
def app(kb_path):
    from warta.web import create_app

    return create_app(kb_path)


@pytest.fixture(scope="session")
def client(app):
    from fastapi.testclient import TestClient

    with TestClient(app) as c:
        yield c


@pytest.fixture(scope="session")
def ids(client) -> dict[str, int]:
    """Ids of the things the tests look at, found through the API."""
    def first(q: str) -> int:
        return client.get("/api/entities", params={"q": q}).json()["items"][0]["id"]

    stories = client.get("/api/stories").json()["items"]
    arts = {a["source"]: a["id"] for a in client.get("/api/articles").json()["items"]}
    return {"minister": first("Rahmat Hidayatullah"), "company": first("Logam Sulawesi Makmur"),
            "story": stories[0]["id"], "smelter_a": arts["kabarsulawesi/smelter-morowali.txt"],
            "smelter_b": arts["ekonominusa/logam-sulawesi.txt"], "script": arts["depok/papan.txt"]}
