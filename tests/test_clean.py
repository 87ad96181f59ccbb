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
    # the day and month before an agency, a day without its year, a domain in brackets, a bar
    ("Jakarta, 14/3 (KANTOR BERITA NUSA) - Menteri menyatakan", "KANTOR BERITA NUSA", "Jakarta", "Menteri menyatakan"),
    ("SEMARANG, Kamis (14/3) - Gubernur meminta", None, "Semarang", "Gubernur meminta"),
    ("Bekasi (14/3) - Pabrik diresmikan", None, "Bekasi", "Pabrik diresmikan"),
    ("Surabaya (beritaku.com) - Harga cabai", "beritaku.com", "Surabaya", "Harga cabai"),
    ("JAKARTA, KABARKOTA.com | Gubernur meminta", "KABARKOTA.com", "Jakarta", "Gubernur meminta"),
])
def test_dateline_shapes(paragraph, outlet, city, rest):
    assert split_dateline(paragraph) == (rest, outlet, city)


@pytest.mark.parametrize("paragraph", [
    "Pemerintah Indonesia terus mendorong industri hijau - kata menteri.",
    "Xiaomi - perusahaan asal China - membuka toko baru.",
    "Rp3 triliun - itulah nilai investasinya.",
    "Rabu (13/3) - hari yang ditunggu warga.",
    "Pada Rabu (13/3) - hari yang ditunggu warga.",
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


# --- the page's own date line ---------------------------------------------------------

@pytest.mark.parametrize("line, expected", [
    ("Kompas.com - 14/06/2021, 09:05 WIB", dt.date(2021, 6, 14)),
    ("CNN Indonesia | Kamis, 12/03/2020 08:40 WIB", dt.date(2020, 3, 12)),
    ("5 Juni 2022 | 07.15 WIB", dt.date(2022, 6, 5)),
    ("Selasa, 03 Okt 2023 14:20 WIB", dt.date(2023, 10, 3)),
    ("Diterbitkan 12 Januari 2024", dt.date(2024, 1, 12)),
    ("Rabu, 6 Maret 2024 - 10:15 WIB", dt.date(2024, 3, 6)),
    ("Senin 12 Feb 2024, 13:00 WIB", dt.date(2024, 2, 12)),
    ("10:15 WIB, Kamis 27 Februari 2025", dt.date(2025, 2, 27)),  # the clock first
    ("10.15 WIB | 27/02/2025", dt.date(2025, 2, 27)),
    ("Jumat, 7 Pebruari 2020 | 16:45 WITA", dt.date(2020, 2, 7)),
    ("Kamis, 27 Agu 2020 – 22:56 WIB", dt.date(2020, 8, 27)),
    ("Tim Redaksi - Sabtu, 09 Nov 2024 19:30 WIB", dt.date(2024, 11, 9)),
    ("Selasa, 4 Maret 2025 / 09:00 WIB", dt.date(2025, 3, 4)),
    ("Oleh Dimas Pratama pada 3 Maret 2025", dt.date(2025, 3, 3)),
])
def test_page_date_line_read_and_removed(line, expected):
    a = cleaned(f"Judul Berita Tentang Pasar\n{line}\n\nJAKARTA - Isi berita pada Senin (2/1/2017) lalu.")
    assert (a.published, a.published_from) == (expected, "dateline")
    assert a.text == "Isi berita pada Senin (2/1/2017) lalu."


def test_page_date_line_below_the_byline_and_the_revision_line_unread():
    a = cleaned("Judul Berita Tentang Pasar\nPenulis: Ayu Lestari\nDiperbarui 14 Juni 2021, 10:00 WIB\n"
                "Kompas.com - 13/06/2021, 09:05 WIB\n\nJAKARTA, KOMPAS.com - Isi berita.")
    assert a.published == dt.date(2021, 6, 13) and "2021" not in a.text


def test_page_date_line_names_the_outlet_when_no_dateline_does():
    a = cleaned("Judul Berita Tentang Pasar\ndetikNews | Senin, 12 Feb 2024 13:00 WIB\n\nIsi berita singkat.")
    assert (a.outlet, a.published) == ("detikcom", dt.date(2024, 2, 12))
    a = cleaned("Judul Berita Tentang Pasar\nMetrotvnews.com - Rabu, 6 Maret 2024 10:15 WIB\n\n"
                "Jakarta: Pemerintah menaikkan tarif.")
    assert (a.outlet, a.dateline, a.text) == ("Metro TV", "Jakarta", "Pemerintah menaikkan tarif.")


def test_byline_naming_the_outlet_and_a_date_line_after_pada():
    a = cleaned("Judul Berita Tentang Pasar\nTim Redaksi - detikNews\n"
                "Oleh Sinta Dewi pada 05 Jun 2022, 07:15 WIB\n\nJakarta -\n\nIsi berita singkat.")
    assert (a.outlet, a.dateline, a.published, a.text) == (
        "detikcom", "Jakarta", dt.date(2022, 6, 5), "Isi berita singkat.")


def test_a_labelled_date_line_at_the_foot_of_the_page():
    a = cleaned("Judul Berita Tentang Pasar\n\nJAKARTA - Isi berita.\n\nParagraf dua.\n\nParagraf tiga.\n\n"
                "Paragraf empat.\n\nParagraf lima.\n\nParagraf enam.\n\nDiterbitkan: 4 Maret 2024")
    assert a.published == dt.date(2024, 3, 4) and "Diterbitkan" not in a.text


def test_a_headline_ending_in_a_date_is_not_a_date_line():
    a = cleaned("Jadwal Libur Sekolah Dimulai 20 Juni 2025\n\nIsi berita tentang libur sekolah.")
    assert a.title == "Jadwal Libur Sekolah Dimulai 20 Juni 2025" and a.published is None


# --- the news day the text states -------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # the year from the day name and the years the text mentions
    ("Rapat digelar Kamis (12/3). Target 2020 tercapai, kata dia.", dt.date(2020, 3, 12)),
    ("Laporan 2019 dan 2020 dirilis Kamis (12/3).", dt.date(2020, 3, 12)),
    ("Konferensi pers pertama 2023 pada Senin, 2 Januari.", dt.date(2023, 1, 2)),
    ("Inflasi 2022 diumumkan Senin (2/1).", dt.date(2023, 1, 2)),     # the year after the one named
    # the latest day stated is the news day; a day announced as coming is not
    ("Kapal tenggelam Rabu, 2 Juli 2025 malam, kata petugas, Kamis, 3 Juli 2025.", dt.date(2025, 7, 3)),
    ("Ujarnya Senin (7/7/2025). Sidang akan digelar Kamis (10/7/2025).", dt.date(2025, 7, 7)),
    ("Rapat Selasa (8/7/2025). Rapat lanjutan Jumat (11/7/2025) mendatang.", dt.date(2025, 7, 8)),
    # "akan" anywhere before the day in its clause; past a comma the day is the report's
    ("Tim menang Jumat (26/4/2024). Tim akan menghadapi juara grup lain di babak semifinal pada "
     "Senin (29/4/2024).", dt.date(2024, 4, 26)),
    ("Harga gas akan naik bulan depan, kata Menteri Sukamaju Budi di Jakarta, Senin (29/4/2024).",
     dt.date(2024, 4, 29)),
    # a list's commas stay inside the clause of "akan"
    ("Izin terbit Jumat (5/12/2025). Toko akan menjual Lumo 7, Lumo 7 Pro, dan Lumo 7 Max secara resmi "
     "pada Jumat, 12 Desember 2025.", dt.date(2025, 12, 5)),
    # a scheduling word reaches further in its sentence than "akan"
    ("Rupiah melemah Rabu (19/6/2024). Bank Indonesia dijadwalkan mengumumkan hasil Rapat Dewan "
     "Gubernur (RDG) pada Kamis (20/6/2024).", dt.date(2024, 6, 19)),
    ("Pendaftaran dibuka Senin (3/6/2024) hingga Jumat (28/6/2024).", dt.date(2024, 6, 3)),
    ("Rapat Selasa (3/12/2024) pagi sampai pukul 23.59 dan diumumkan Rabu (4/12/2024).", dt.date(2024, 12, 4)),
    ("Tidak ada tahun pada Kamis (12/3) itu.", None),
    # no day name at all: the day the text calls today, in the year it names most
    ("Pameran 2024 yang dibuka hari ini (30/4) diikuti 40 merek; target 2030.", dt.date(2024, 4, 30)),
    ("Pameran yang dibuka hari ini (30/4) tanpa tahun.", None),
    ("Laporan pertama di tahun 2023 dirilis (2/1), kata kepala badan.", dt.date(2023, 1, 2)),
    ("Skor akhir 2/1 pada laga 2023, rasio (2/1)2 bukan tanggal.", None),
])
def test_news_day(text, expected):
    assert date_from_text(text) == expected


def test_published_never_from_the_clock():
    a = cleaned("Judul Berita Tentang Pasar\n\nPasar dibuka Kamis (12/3) tanpa tahun.")
    assert a.published is None


# --- debris by structure --------------------------------------------------------------

def test_related_headlines_go_with_their_label(fixtures):
    a = cleaned((fixtures / "debris.txt").read_text(encoding="utf-8"))
    for gone in ("Warga Cibeber", "Harga Cabai Rawit", "Tiga Desa", "Juara Lomba", "WhatsApp",
                 "Salin tautan", "Beranda", "Olahraga", "ANTARA/Rudi", "Petugas memeriksa",
                 "DETIK.COM", "Dijual Murah"):
        assert gone not in a.text, gone
    assert a.outlet == "KOMPAS.com" and a.dateline == "Garut"
    assert a.text.startswith("Pemerintah Kabupaten Garut membuka pasar murah")
    for kept in ("Dinas Perdagangan Garut Rini Pratiwi", "Stok Beras Aman",
                 "warga mulai antre sejak pagi kemarin.", "Harga minyak goreng dijual Rp14.000"):
        assert kept in a.text, kept


@pytest.mark.parametrize("raw, kept", [
    # a headline-like line with no label, inside the body, title-cased: gone
    ("JAKARTA - Paragraf pertama berita.\nPenumpang Kapal Cepat Dievakuasi ke Pelabuhan Terdekat Malam Ini\n"
     "Paragraf kedua berita.", "Paragraf pertama berita.\nParagraf kedua berita."),
    # a short subheading stays
    ("JAKARTA - Paragraf pertama berita.\nStok Beras Aman\nParagraf kedua berita.",
     "Paragraf pertama berita.\nStok Beras Aman\nParagraf kedua berita."),
    ("JAKARTA - Paragraf pertama berita.\nDampak Kenaikan Harga Bagi Nelayan Kecil\nParagraf kedua berita.",
     "Paragraf pertama berita.\nDampak Kenaikan Harga Bagi Nelayan Kecil\nParagraf kedua berita."),
    # a caption and a credit between the headline and the dateline go; a lede sentence stays
    ("Nelayan menarik jaring di pantai utara (Dok. Warga)\nRingkasan singkat berita ini.\n"
     "JAKARTA - Paragraf pertama berita.", "Ringkasan singkat berita ini.\nParagraf pertama berita."),
    # a sentence-cased line without punctuation, and a list after a colon, stay
    ("JAKARTA - Daftar tarif baru:\n- Golongan rumah tangga kecil Rp1.000\n- Golongan bisnis Rp2.000\nPenutup.",
     "Daftar tarif baru:\n- Golongan rumah tangga kecil Rp1.000\n- Golongan bisnis Rp2.000\nPenutup."),
    # the items of a list opened by a colon stay, however they look
    ("JAKARTA - Lima menteri baru dilantik:\nMenteri Keuangan\nMenteri Pemuda dan Olahraga\n"
     "Menteri Koperasi\nMenteri Koordinator Bidang Politik dan Keamanan Republik Indonesia\nParagraf kedua.",
     "Lima menteri baru dilantik:\nMenteri Keuangan\nMenteri Pemuda dan Olahraga\nMenteri Koperasi\n"
     "Menteri Koordinator Bidang Politik dan Keamanan Republik Indonesia\nParagraf kedua."),
    # a run of short link-like lines (a menu) goes; a short line alone stays
    ("JAKARTA - Paragraf pertama.\nBeranda\nNasional\nEkonomi\nOlahraga\nParagraf kedua.",
     "Paragraf pertama.\nParagraf kedua."),
    # share buttons glued together go
    ("JAKARTA - Paragraf pertama.\nWhatsApp ShareFacebook Share\nTwitter\nParagraf kedua.",
     "Paragraf pertama.\nParagraf kedua."),
    # a credit glued to the next word: the sentence ends, the credit goes
    ("JAKARTA - Paragraf pertama.\nCOPYRIGHT © KABAR NUSA 2024", "Paragraf pertama."),
    # a credit label alone takes its credit lines and the caption above; a quote above stays
    ("JAKARTA - Paragraf pertama.\nWarga menonton festival di alun-alun.\nFoto :\n• KABAR/Rudi\nParagraf kedua.",
     "Paragraf pertama.\nParagraf kedua."),
    ("JAKARTA - Paragraf pertama.\n\"Kami siap,\" kata Rudi.\nFoto :\n• KABAR/Rudi\nParagraf kedua.",
     "Paragraf pertama.\n\"Kami siap,\" kata Rudi.\nParagraf kedua."),
    # editors' initials, alone or after the last sentence; an acronym in a sentence stays
    ("JAKARTA - Paragraf pertama.\nParagraf kedua. (nba)\n(ABD)", "Paragraf pertama.\nParagraf kedua."),
    ("JAKARTA - Data dari Bursa Efek Indonesia (BEI)\nParagraf kedua.",
     "Data dari Bursa Efek Indonesia (BEI)\nParagraf kedua."),
    ("JAKARTA - Warga berkumpul di alun-alun kemarin.DETIK.COM\nParagraf kedua.",
     "Warga berkumpul di alun-alun kemarin.\nParagraf kedua."),
    # "BACA JUGA:" alone, then the article goes on with a sentence
    ("JAKARTA - Paragraf pertama.\nBACA JUGA:\nParagraf kedua yang panjang berakhir dengan titik.",
     "Paragraf pertama.\nParagraf kedua yang panjang berakhir dengan titik."),
    ("JAKARTA - Paragraf pertama.\nBaca Juga Harga Gabah Petani Anjlok di Musim Panen\nParagraf kedua.",
     "Paragraf pertama.\nParagraf kedua."),
])
def test_debris_by_shape(raw, kept):
    assert cleaned("Judul Berita Tentang Pasar\n" + raw).text == kept


# --- hostile input costs in proportion ----------------------------------------------------

def _seconds(text: str) -> float:
    import time
    start = time.perf_counter()
    cleaned(text)
    return time.perf_counter() - start


@pytest.mark.parametrize("hostile", [
    "a'" * 10000,
    "Judul\n" + " " * 40000 + "(foto: x",
    "Judul\nJAKARTA - " + " " * 40000 + "(ab/cd",
    "Senin, " * 5000,
    "Kamis (" * 5000,
    "BACA JUGA:\n" * 3000,
    "A'a " * 8000,
    "kemarin.DETIK" * 3000,
    ("x" * 60 + "-") * 500,
    "1/1/" * 8000,
    "Sumber :\n" * 4000,
    "kata dia (1/1) 2020 " * 2000,
    "Kamis (12/3) 2020 " * 2000,
])
def test_hostile_input_costs_like_a_normal_article(fixtures, hostile):
    normal = (fixtures / "noisy.txt").read_text(encoding="utf-8")
    normal = (normal * (len(hostile) // len(normal) + 1))[: len(hostile)]
    base = min(_seconds(normal) for _ in range(3))
    cost = min(_seconds(hostile) for _ in range(2))
    assert cost < 20 * base + 0.05, (cost, base)


BODY = "Harga gabah di tingkat petani turun sepekan ini, kata penyuluh pertanian di Karawang."


@pytest.mark.parametrize("debris", [
    "Tags: harga gabah, petani, Karawang",
    "Topik: Harga Gabah",
    "#HargaGabah #Petani",
    "Halaman: 1 2 3 Selanjutnya",
    "Halaman selanjutnya >>",
    "Ikuti kami di Instagram @kabardesa",
    "Follow Berita Kami di Google News",
    "Klik di sini untuk mendapatkan update berita terkini",
    "Pilihan Editor: Harga Cabai Naik Lagi Menurut Bapanas",
    "Disclaimer: berita ini tidak bertujuan mengajak membeli atau menjual saham.",
    "Simak berita lainnya seputar topik artikel ini, di sini",
    "riset@kabarkota.com",
    "[Gambas:Video CNN]",
    "Gambas:Video CNN",
    "Pilihan Untuk Anda\nHarga Cabai Naik Lagi\nPetani Panen Raya di Subang",
    "Terpopuler\nHarga Cabai Naik Lagi",
    "Loading...",
])
def test_page_furniture_after_the_article_goes(debris):
    a = clean(Article(source="t.txt", raw=f"Harga Gabah Turun\n\n{BODY}\n\n{debris}"))
    assert a.text == BODY


def test_an_embed_marker_inside_a_paragraph_goes_and_a_sentence_on_pages_stays():
    raw = ("Judul Berita Gabah\n\nHarga gabah turun. [Gambas:Video CNN] Petani mengeluh, kata penyuluh.\n\n"
           "Halaman 2 dari laporan itu memuat angka.")
    assert clean(Article(source="t.txt", raw=raw)).text == (
        "Harga gabah turun. Petani mengeluh, kata penyuluh.\n\nHalaman 2 dari laporan itu memuat angka.")


def test_the_page_s_date_line_is_a_date_of_the_article():
    """The gold counts the date a page prints in its date line (SCHEMA: every date stated);
    cleaning takes the line out of the text, so the date carries the empty span [0, 0]."""
    from warta.pipeline import analyze_article
    from warta.model import Article
    raw = ("Judul Berita yang Cukup Panjang\n\nSelasa 19 Nov 2019 05:50 WIB\n\n"
           "JAKARTA - Menteri meresmikan pabrik baru di Karawang bersama para pejabat daerah.\n")
    doc = analyze_article(Article(source="a.txt", raw=raw))
    assert doc.published.isoformat() == "2019-11-19"
    assert [(d.value, d.span) for d in doc.dates] == [("2019-11-19", (0, 0))]
    assert "19 Nov" not in doc.text


def test_a_page_date_the_text_states_again_is_one_date():
    from warta.pipeline import analyze_article
    from warta.model import Article
    raw = ("Judul Berita yang Cukup Panjang\n\nSelasa 19 Nov 2019 05:50 WIB\n\n"
           "JAKARTA - Menteri meresmikan pabrik baru pada Selasa (19/11/2019) bersama pejabat daerah.\n")
    doc = analyze_article(Article(source="a.txt", raw=raw))
    assert [d.value for d in doc.dates] == ["2019-11-19"] and doc.dates[0].span != (0, 0)


@pytest.mark.parametrize("line, outlet, city", [
    ("Jakarta, Katadata.co.id - Menteri meresmikan pabrik baru di Karawang bersama pejabat daerah.", "Katadata", "Jakarta"),
    ("Jakarta, Republika.co.id - Menteri meresmikan pabrik baru di Karawang bersama pejabat daerah.", "Republika", "Jakarta"),
])
def test_an_outlet_named_by_its_lower_case_domain_is_no_glued_credit(line, outlet, city):
    from warta.pipeline import analyze_article
    doc = analyze_article(Article(source="a.txt", raw="Judul Berita yang Cukup Panjang\n\n" + line + "\n"))
    assert (doc.outlet, doc.dateline) == (outlet, city) and doc.text.startswith("Menteri")


def test_a_credit_in_capitals_glued_to_the_next_word_leaves_the_word():
    from warta.clean.debris import _unglue
    assert _unglue("Warga berkumpul kemarin.DETIK.COMWarga lain datang") == \
        ["Warga berkumpul kemarin.", "Warga lain datang"]


@pytest.mark.parametrize("paragraph", [
    "RI-AS Sepakat Tarif 19 Persen, Ini Dampaknya bagi Eksportir di Dalam Negeri",
    "TNI-Polri Siaga di Perbatasan, Warga Diminta Tetap Tenang Menghadapi Situasi",
])
def test_two_acronyms_joined_by_a_hyphen_open_no_dateline(paragraph):
    assert split_dateline(paragraph, first=True)[1:] == (None, None)


def test_a_city_in_capitals_glued_to_its_hyphen_is_a_dateline():
    assert split_dateline("JAKARTA-Menteri meresmikan pabrik baru di Karawang.", first=True)[2] == "Jakarta"


def test_a_byline_with_a_colon_is_no_dateline():
    # "Oleh: …" is the writer's credit, not a city's "Jakarta: " (Metro TV's dateline)
    a = cleaned("Judul Berita Tentang Pasar\nOleh: Budi Santoso\n27 Feb 2025, 10:15 WIB\n\nJakarta - Isi berita.")
    assert (a.dateline, a.published) == ("Jakarta", dt.date(2025, 2, 27)) and "Budi" not in a.text


def test_a_date_line_with_the_outlet_after_the_date():
    a = cleaned("Judul Berita Tentang Pasar\nSelasa, 18 November 2025 | KOMPAS.com\n\nIsi berita singkat.")
    assert (a.outlet, a.published, a.text) == ("KOMPAS.com", dt.date(2025, 11, 18), "Isi berita singkat.")


def test_a_byline_word_a_name_and_a_comma_before_the_outlet():
    a = cleaned("Judul Berita Tentang Pasar\nOleh: Rina Wati, Tribunnews.com\n\nIsi berita singkat.")
    assert (a.outlet, a.text) == ("Tribunnews.com", "Isi berita singkat.")


def test_the_dateline_below_a_page_header_and_its_menus():
    # the body's first sentence opens with the dateline, below more than five header lines
    a = cleaned("Portal Berita Terkini Warta.com\nKanal Nasional\nPolitik Ekonomi Olahraga dan Hukum\n"
                "Beranda dan Berita Daerah\nKanal Ekonomi Kini\n\nHarga Beras Medium Naik di Pasar Kota\n\n"
                "Rabu, 03 Desember 2025 – 10:30 WIB\nPedagang menata karung beras. Foto: Dokumentasi/JPNN.com\n\n"
                "jpnn.com, BANDUNG - Harga beras medium di pasar kota naik menjelang akhir tahun ini.\n\n"
                "Pedagang menyebut pasokan dari petani berkurang.")
    assert (a.outlet, a.dateline) == ("JPNN.com", "Bandung")
    assert a.text.startswith("Harga beras medium") and "Kanal" not in a.text


def test_a_city_dash_deep_in_the_body_is_no_dateline():
    a = cleaned("Judul Berita Tentang Pasar\n\nPemerintah menaikkan harga eceran tertinggi beras medium pekan ini.\n\n"
                "Jakarta - kota yang paling terdampak, kata pedagang di pasar induk kota itu kemarin.")
    assert a.dateline is None


@pytest.mark.parametrize("footer", [
    "Cek Berita dan Artikel yang lain di\nGoogle News",
    "Baca berita dan artikel menarik lainnya di Google News dan saluran WhatsApp Warta",
])
def test_a_call_to_read_more_of_the_site_goes(footer):
    a = cleaned("Judul Berita Tentang Pasar\n\nJAKARTA - Harga beras naik di pasar induk kota pekan ini.\n\n"
                f"Pedagang mengeluh.\n\n{footer}\n")
    assert a.text == "Harga beras naik di pasar induk kota pekan ini.\n\nPedagang mengeluh."


def test_the_short_lines_after_the_closing_credits_are_footer():
    a = cleaned("Judul Berita Tentang Pasar\n\nJAKARTA - Harga beras naik di pasar induk kota pekan ini.\n\n"
                "Pedagang mengeluh.\n\nPenulis: Rina Wati\nEditor: Budi Santoso\n\n"
                "Ikuti terus kabar terbaru dari redaksi Warta Kota Raya\nKOMPAS KOMPAS\nGrup Media Kota\n")
    assert a.text == "Harga beras naik di pasar induk kota pekan ini.\n\nPedagang mengeluh."

