"""The watcher's fixtures: a loopback server, a fresh KB, invented Indonesian articles."""

from __future__ import annotations

import pytest

from warta.kb.store import open_kb
from warta.watch.config import Config, Source
from warta.watch.fetch import Settings

from .server import Route, Server, page

# Invented articles (fictional companies and people), written for these tests.
ARTICLES = {
    "kopi": ("Koperasi Kopi Gayo Lestari ekspor 1.200 ton ke Jepang", [
        "Koperasi Kopi Gayo Lestari di Aceh Tengah mengekspor 1.200 ton kopi arabika ke Jepang "
        "sepanjang Oktober 2025, naik 15 persen dibandingkan bulan yang sama tahun lalu.",
        "Ketua koperasi, Rahmi Safitri, mengatakan permintaan dari pembeli di Osaka terus meningkat. "
        "\"Kami menambah dua gudang penyimpanan baru agar mutu biji kopi tetap terjaga,\" ujar Rahmi.",
        "Nilai ekspor koperasi itu mencapai Rp96 miliar, atau sekitar Rp80.000 per kilogram. "
        "Koperasi berencana menggandeng 300 petani baru pada awal 2026.",
    ], "2025-11-03"),
    "kereta": ("PT Rel Nusantara Cepat uji coba kereta listrik Medan-Binjai", [
        "PT Rel Nusantara Cepat memulai uji coba kereta listrik lintas Medan-Binjai pada Selasa "
        "(4/11/2025). Uji coba berlangsung selama tiga pekan sebelum layanan dibuka untuk umum.",
        "Direktur Utama PT Rel Nusantara Cepat, Hendra Wijayakusuma, menyebut investasi proyek "
        "mencapai Rp4,5 triliun. \"Waktu tempuh Medan ke Binjai akan menjadi 18 menit,\" kata Hendra.",
        "Perusahaan menargetkan 25.000 penumpang per hari pada tahun pertama operasi.",
    ], "2025-11-04"),
    "garam": ("Tambak garam Madura panen lebih awal", [
        "Petambak garam di Kabupaten Sumenep, Madura, memanen garam lebih awal karena kemarau "
        "yang panjang. Produksi diperkirakan mencapai 450.000 ton hingga akhir November 2025.",
        "Kepala Dinas Kelautan Sumenep, Agus Salim Harahap, mengatakan harga garam di tingkat "
        "petambak berada di kisaran Rp1.100 per kilogram. \"Kualitas panen tahun ini bagus,\" ujar Agus.",
        "Pemerintah daerah menyiapkan gudang penyangga berkapasitas 20.000 ton.",
    ], "2025-11-05"),
    "sawit": ("Sawit Borneo Makmur bangun pabrik biodiesel di Kalimantan Timur", [
        "PT Sawit Borneo Makmur Tbk membangun pabrik biodiesel di Kutai Timur, Kalimantan Timur, "
        "dengan nilai investasi Rp2,8 triliun. Peletakan batu pertama dilakukan pada Kamis (6/11/2025).",
        "Presiden Direktur PT Sawit Borneo Makmur Tbk, Lukas Tanoesatya, mengatakan pabrik itu "
        "berkapasitas 600.000 ton per tahun dan akan menyerap 1.500 tenaga kerja.",
        "\"Pabrik ini mendukung program mandatori biodiesel pemerintah,\" ujar Lukas.",
    ], "2025-11-06"),
    "nelayan": ("Nelayan Bitung terima 40 kapal baru", [
        "Sebanyak 40 kapal penangkap ikan baru diserahkan kepada kelompok nelayan di Bitung, "
        "Sulawesi Utara, pada Jumat (7/11/2025). Setiap kapal berbobot 10 gros ton.",
        "Wali Kota Bitung, Maximus Rondonuwu, mengatakan bantuan itu bernilai Rp32 miliar dan "
        "diharapkan menaikkan hasil tangkapan hingga 30 persen.",
        "\"Nelayan tidak perlu lagi menyewa kapal dari tengkulak,\" kata Maximus.",
    ], "2025-11-07"),
}


def article_page(key: str, **kw) -> bytes:
    title, paragraphs, published = ARTICLES[key]
    return page(title, paragraphs, published, **kw)


@pytest.fixture
def server():
    with Server() as srv:
        yield srv


@pytest.fixture
def kb(tmp_path):
    return open_kb(str(tmp_path / "watch.db"))


FAST = Settings(timeout=2.0, retries=1, backoff=0.01, rate=0.0, per_host=4, concurrency=8, max_bytes=200_000)


def config(*sources: Source, **settings) -> Config:
    fetch = Settings(**{**FAST.__dict__, **settings})
    return Config(tuple(sources), fetch, interval=0.0, batch=4, max_attempts=3)


def feed_source(server: Server, path: str = "/rss.xml", kind: str = "feed", **kw) -> Source:
    return Source(url=server.url(path), kind=kind, name=kw.pop("name", path), interval=0.0, **kw)


def serve_articles(server: Server, *keys: str, prefix: str = "/berita/") -> list[str]:
    paths = []
    for key in keys:
        path = f"{prefix}2025/11/{key}-{len(key)}1234"
        server.routes[path] = Route(article_page(key))
        paths.append(path)
    return paths


__all__ = ["ARTICLES", "FAST", "Route", "article_page", "config", "feed_source", "serve_articles"]
