"""A small knowledge base built from hand-made Documents: two outlets on one factory story
(disagreeing on the investment, agreeing on the jobs), a third article on another story."""

from __future__ import annotations

import datetime as dt

import pytest

from warta.kb import KnowledgeBase
from warta.kb.build import rebuild
from warta.kb.ingest import write_batch
from warta.model import Document, Entity, Event, Money, Quantity, Role, TimeValue

ONE = ("PT Baterai Nusantara Energi Tbk menanamkan investasi Rp12 triliun untuk pabrik sel baterai di "
       "Karawang. Menteri Perindustrian Budi Santoso Wirawan meresmikan peletakan batu pertama pada "
       "Selasa (14/10/2025). Pabrik itu akan menyerap 3.000 tenaga kerja.")
TWO = ("Baterai Nusantara Energi menggelontorkan investasi senilai Rp15 triliun untuk pabrik di "
       "Karawang, kata Menperin Budi Santoso. Pabrik tersebut menyerap 3.000 pekerja lokal.")
THREE = ("Bank Pesisir Nusantara meneken kerja sama dengan perusahaan rintisan Dompetku di Surabaya. "
         "Nilai kemitraan itu sekitar Rp1,5 triliun.")


def spans(text: str, needle: str) -> list[tuple[int, int]]:
    out, i = [], text.find(needle)
    while i >= 0:
        out.append((i, i + len(needle)))
        i = text.find(needle, i + 1)
    return out


def entity(n: int, text: str, name: str, type_: str, *aliases: str) -> Entity:
    return Entity(f"e{n}", name, type_, list(aliases), spans(text, name))


def money(text: str, needle: str, amount: float, qualifier: str = "exact") -> Money:
    (span,) = spans(text, needle)
    return Money(needle, amount, "IDR", span, qualifier, idr=amount)


def documents() -> list[Document]:
    d1 = Document(
        source="kabar/pabrik.txt", title="Pabrik baterai Rp12 triliun di Karawang", outlet="KABARINDUSTRI.ID",
        published=dt.date(2025, 10, 14), language="id", text=ONE,
        entities=[entity(1, ONE, "PT Baterai Nusantara Energi Tbk", "ORG"), entity(2, ONE, "Karawang", "LOC"),
                  entity(3, ONE, "Budi Santoso Wirawan", "PER")],
        roles=[Role("Budi Santoso Wirawan", "Menteri Perindustrian", "Kementerian Perindustrian",
                    spans(ONE, "Menteri Perindustrian Budi Santoso Wirawan")[0])],
        money=[money(ONE, "Rp12 triliun", 12e12)],
        quantities=[Quantity("3.000 tenaga kerja", 3000, "tenaga kerja", spans(ONE, "3.000 tenaga kerja")[0])],
        dates=[TimeValue("Selasa (14/10/2025)", "2025-10-14", "day", spans(ONE, "Selasa (14/10/2025)")[0])],
        events=[Event("INVESTMENT", "menanamkan investasi",
                      {"investor": "PT Baterai Nusantara Energi Tbk", "amount": 12e12, "currency": "IDR",
                       "place": "Karawang", "date": "2025-10-14"}, ONE.split(". ")[0] + ".", (0, 95), 0.8)])
    d2 = Document(
        source="warta/baterai.txt", title="Baterai Nusantara bangun pabrik", outlet="WARTAEKONOMI.co",
        published=dt.date(2025, 10, 15), language="id", text=TWO,
        entities=[entity(1, TWO, "Baterai Nusantara Energi", "ORG"), entity(2, TWO, "Karawang", "LOC"),
                  entity(3, TWO, "Budi Santoso", "PER")],
        roles=[Role("Budi Santoso", "Menteri Perindustrian", "Kementerian Perindustrian",
                    spans(TWO, "Menperin Budi Santoso")[0])],
        money=[money(TWO, "Rp15 triliun", 15e12)],
        quantities=[Quantity("3.000 pekerja", 3000, "pekerja", spans(TWO, "3.000 pekerja")[0])])
    d3 = Document(
        source="nusa/bank.txt", title="Bank Pesisir gandeng Dompetku", outlet="NUSAWIRE.com",
        published=dt.date(2025, 11, 2), language="id", text=THREE,
        entities=[entity(1, THREE, "Bank Pesisir Nusantara", "ORG"), entity(2, THREE, "Dompetku", "ORG"),
                  entity(3, THREE, "Surabaya", "LOC")],
        money=[money(THREE, "sekitar Rp1,5 triliun", 1.5e12, "about")])
    return [d1, d2, d3]


@pytest.fixture
def kb_documents() -> list[Document]:
    return documents()


@pytest.fixture
def kb_path(tmp_path) -> str:
    db = str(tmp_path / "kb.db")
    kb = KnowledgeBase(db)
    write_batch(kb.engine, [(d, f"hash{i}") for i, d in enumerate(documents())], set())
    rebuild(kb.engine)
    return db
