"""Cleaning Indonesian news: boilerplate out, dateline, outlet, title and date found."""

from __future__ import annotations

import datetime as dt

import pytest

from warta.clean import clean, date_from_text, date_from_url, looks_like_headline, split_dateline
from warta.model import Article


def cleaned(raw: str, **kw) -> Article:
    return clean(Article(source="t.txt", raw=raw, **kw))


def test_noisy_fixture(fixtures):
    a = cleaned((fixtures / "noisy.txt").read_text(encoding="utf-8"))
    assert a.title == "Pabrik Sepatu Baru Dibuka di Kendal"
    assert (a.outlet, a.dateline) == ("KABARSEMARANG.ID", "Kendal")
    assert a.published == dt.date(2025, 11, 6) and a.published_from == "text"
    assert a.text.startswith("PT Langkah Jaya Abadi meresmikan")
    for gone in ("Dibaca", "Foto:", "ADVERTISEMENT", "SCROLL TO CONTINUE", "Baca juga",
                 "Simak juga", "(dna/trs)", "Penulis:", "Leave a Reply", "email address", "Comment"):
        assert gone not in a.text, gone
    # the inline photo credit goes, the sentence around it stays
    assert "ujar Direktur Utama Rina Kusumawati dalam sambutannya." in a.text
    assert a.text.endswith("Nilai investasi pabrik tersebut mencapai Rp450 miliar.")


@pytest.mark.parametrize("paragraph, outlet, city, rest", [
    ("INFOKILAT.ID, Jakarta - Pemerintah menyiapkan", "INFOKILAT.ID", "Jakarta", "Pemerintah menyiapkan"),
    ("KABARKAMPUS.CO, BEIJING – Duta besar mengunjungi", "KABARKAMPUS.CO", "Beijing", "Duta besar mengunjungi"),
    ("beritaku.com, JAKARTA - Harga emas", "beritaku.com", "Jakarta", "Harga emas"),
    ("JAKARTA, KABARKOTA.com - Gubernur meminta", "KABARKOTA.com", "Jakarta", "Gubernur meminta"),
    ("Jakarta (KANTOR BERITA NUSA) - Menteri menyatakan", "KANTOR BERITA NUSA", "Jakarta", "Menteri menyatakan"),
    ("Bekasi (WARTA News) - Pabrik diresmikan", "WARTA News", "Bekasi", "Pabrik diresmikan"),
    ("SUTAMI – Warga desa menanam", None, "Sutami", "Warga desa menanam"),
    ("BANDAR LAMPUNG - Harga kopi", None, "Bandar Lampung", "Harga kopi"),
    ("Ekonomiku.com, JAKARTA- Kebijakan baru", "Ekonomiku.com", "Jakarta", "Kebijakan baru"),
    ("Beritasatu.com - Pasar saham", "Beritasatu.com", None, "Pasar saham"),
    ("KALBAR.CO-Euforia membuncah", "KALBAR.CO", None, "Euforia membuncah"),
    ("HARIANKITA.CO.ID, TOKYO -- Menteri memastikan", "HARIANKITA.CO.ID", "Tokyo", "Menteri memastikan"),
])
def test_dateline_shapes(paragraph, outlet, city, rest):
    assert split_dateline(paragraph) == (rest, outlet, city)


@pytest.mark.parametrize("paragraph", [
    "Pemerintah Indonesia terus mendorong industri hijau - kata menteri.",
    "Xiaomi - perusahaan asal China - membuka toko baru.",
    "Rp3 triliun - itulah nilai investasinya.",
])
def test_no_dateline_in_ordinary_sentences(paragraph):
    assert split_dateline(paragraph) == (paragraph, None, None)


def test_date_line_at_top_and_title_after_it():
    a = cleaned("Selasa 19 Nov 2019 05:50 WIB\n\nPabrik Kaca Diperluas di Cilegon\n\n"
                "Lede singkat tentang investasi pabrik kaca.\n\n"
                "HARIANKITA.CO.ID, TOKYO -- Menteri memastikan komitmen investasi.")
    assert a.published == dt.date(2019, 11, 19) and a.published_from == "dateline"
    assert a.title == "Pabrik Kaca Diperluas di Cilegon"
    assert a.dateline == "Tokyo" and "Selasa 19 Nov" not in a.text


def test_date_line_with_indonesian_month():
    a = cleaned("Rabu, 22 Oktober 2025\nJudul Berita Hari Ini\n\nIsi berita yang ditulis pada hari itu.")
    assert a.published == dt.date(2025, 10, 22)


def test_scraper_date_prefix_is_metadata_with_month_precision():
    a = cleaned(" date 2019-11 JAKARTA – Kementerian menyatakan investasi masuk.")
    assert a.published == dt.date(2019, 11, 1) and a.published_precision == "month"
    assert a.dateline == "Jakarta" and a.text.startswith("Kementerian menyatakan")


def test_published_order_metadata_url_dateline_text():
    raw = "Rabu, 22 Oktober 2025\nJudul\n\nIsi pada Senin (20/10/2025) lalu."
    assert cleaned(raw, published=dt.date(2025, 1, 2), published_from="metadata").published == dt.date(2025, 1, 2)
    by_url = cleaned(raw, url="https://x.example/read/2025/10/21/judul")
    assert (by_url.published, by_url.published_from) == (dt.date(2025, 10, 21), "url")
    assert cleaned(raw).published_from == "dateline"
    by_text = cleaned("Judul\n\nIsi pada Senin (20/10/2025) lalu.")
    assert (by_text.published, by_text.published_from) == (dt.date(2025, 10, 20), "text")


@pytest.mark.parametrize("url, expected", [
    ("https://a.example/2025/10/14/judul", dt.date(2025, 10, 14)),
    ("https://a.example/read/20230520/44/1657582/judul", dt.date(2023, 5, 20)),
    ("https://a.example/berita/q15xn7383/judul", None),
    (None, None),
])
def test_date_from_url(url, expected):
    assert date_from_url(url)[0] == expected


@pytest.mark.parametrize("text, expected", [
    ("kata dia, Selasa (14/10/2025).", dt.date(2025, 10, 14)),
    ("pidato politik pada Sabtu, 15 Februari 2025 di Sentul", dt.date(2025, 2, 15)),
    ("skor (14/10/2025) tanpa nama hari", None),  # no day name: not taken as the date
    ("rapat Senin (18/11) lalu", None),             # no year: that is the time extractor's job
])
def test_date_from_text(text, expected):
    assert date_from_text(text) == expected


@pytest.mark.parametrize("line, expected", [
    ("Xiaomi Diajak Bangun Pabrik Baterai di Batam", True),
    ("Harga Emas Naik Lagi?", True),
    ("Pemerintah mengajak investor membangun pabrik di Batam.", False),
    ("JAKARTA - Pemerintah mengajak investor", False),
    ("pemerintah mengajak investor", False),
])
def test_headline(line, expected):
    assert looks_like_headline(line) is expected


def test_caption_repeated_without_credit_is_dropped_once():
    a = cleaned("Judul Singkat\n\nWarga antre minyak goreng (ilustrasi)\nWarga antre minyak goreng (ilustrasi)\n\n"
                "JAKARTA - Isi berita yang sebenarnya.\n\nParagraf kedua.\n\nParagraf kedua.")
    assert "ilustrasi" not in a.text
    assert a.text == "Isi berita yang sebenarnya.\n\nParagraf kedua."


def test_html_title_repeated_in_body_is_removed():
    a = cleaned("Judul Halaman\nJAKARTA - Isi berita.", title="Judul Halaman")
    assert a.text == "Isi berita." and a.title == "Judul Halaman"


def test_normalisation_keeps_spans_simple():
    a = cleaned("Judul\r\n\r\nIsi\u00a0berita\u200b dengan spasi.  \r\n")
    assert a.text == "Isi berita dengan spasi."
