"""Every reader on fixtures made for warta, and the sniffing that picks one."""

from __future__ import annotations

import datetime as dt
import gzip
import io

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from warta import sources
from warta.errors import BinaryInput, EmptyInput, InputError, MalformedInput, UsageError
from warta.sources.sniff import detect


def articles(*paths, **kw):
    return list(sources.read([str(p) for p in paths], **kw))


def test_text_utf8_whole_file_is_one_article(fixtures):
    [a] = articles(fixtures / "noisy.txt")
    assert a.raw.startswith("Pabrik Sepatu Baru Dibuka di Kendal")
    assert a.meta["reader"] == "text"


def test_text_cp1252_is_decoded(fixtures):
    [a] = articles(fixtures / "cp1252.txt")
    assert "Caf\u00e9" in a.raw
    assert "\u201csetempat\u201d" in a.raw  # cp1252 curly quotes, not latin-1 control chars
    assert "\u2013" in a.raw


def test_html_page_main_text_and_metadata(fixtures):
    [a] = articles(fixtures / "page.html")
    assert a.title == "Bank Sentral Tahan Suku Bunga di 5,75 Persen"
    assert a.outlet == "Warta Ekonomi Kita"
    assert a.published == dt.date(2025, 9, 17) and a.published_from == "metadata"
    assert "Rapat Dewan Gubernur" in a.raw
    assert "Berita Populer" not in a.raw and "Hak cipta" not in a.raw  # aside and footer out


def test_rss_entries(fixtures):
    items = articles(fixtures / "feed.xml")
    assert [a.title for a in items] == ["Pelabuhan Patimban Tambah Dua Dermaga",
                                        "Arus Peti Kemas Tanjung Priok Naik"]
    first, second = items
    assert first.url.endswith("/patimban-tambah-dermaga")
    assert first.published == dt.date(2025, 8, 4)
    assert first.raw.split("\n")[1].startswith("Kapasitas pelabuhan")  # paragraphs kept apart
    assert second.raw.startswith("Arus peti kemas")  # the summary when there is no content
    assert first.outlet == "Kabar Pelabuhan"


def test_atom_entry(fixtures):
    [a] = articles(fixtures / "atom.xml")
    assert a.title == "PLTS Terapung Cirata Mulai Beroperasi Penuh"
    assert a.published == dt.date(2025, 6, 30)
    assert a.raw.startswith("Pembangkit listrik tenaga surya")


def test_jsonl_fields_errors_and_line_numbers(fixtures):
    items = articles(fixtures / "articles.jsonl")
    good = [i for i in items if not isinstance(i, InputError)]
    bad = [i for i in items if isinstance(i, InputError)]
    assert [a.title for a in good] == ["Ekspor Kelapa Sawit Melemah", "Harga Cabai Turun Jelang Panen"]
    assert good[0].published == dt.date(2025, 5, 12) and good[0].url.startswith("https://")
    assert good[1].published == dt.date(2025, 5, 13)  # from a datetime in "published"
    assert {type(e) for e in bad} == {EmptyInput, MalformedInput}
    assert sorted(e.source.rsplit(":", 1)[1] for e in bad) == ["3", "4", "5"]


def test_jsonl_configurable_fields(fixtures):
    items = articles(fixtures / "articles.jsonl", fields={"text": "isi", "title": "judul"})
    good = [i for i in items if not isinstance(i, InputError)]
    assert [a.title for a in good] == ["Nelayan Natuna Dapat Kapal Baru"]


def test_json_array(fixtures):
    items = articles(fixtures / "articles.json")
    assert [a.title for a in items] == ["Tol Trans Sumatra Ruas Baru Dibuka", "Penumpang Kereta Cepat Capai Rekor"]
    assert items[0].raw.startswith("PALEMBANG") and items[1].published == dt.date(2025, 4, 2)


def test_json_array_streams_many_elements(tmp_path):
    path = tmp_path / "big.json"
    body = ",\n".join('{"text": "Berita nomor %d tentang ekonomi daerah."}' % i for i in range(3000))
    path.write_text("[\n" + body + "\n]\n", encoding="utf-8")
    items = articles(path)
    assert len(items) == 3000 and items[-1].raw == "Berita nomor 2999 tentang ekonomi daerah."


def _warc(path, pages, gz=True, truncate=False):
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    truncate_at: list[int] = []
    for url, html, ctype in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html),
                                                      http_headers=headers))
        if truncate and len(pages) > 1 and not truncate_at:
            truncate_at.append(buf.tell())  # the end of the first record
    data = buf.getvalue()
    path.write_bytes(data[: (truncate_at[0] + len(data)) // 2] if truncate else data)
    return path


def test_warc_html_responses(tmp_path, fixtures):
    page = (fixtures / "page.html").read_bytes()
    path = _warc(tmp_path / "crawl.warc.gz", [
        ("https://ekonomikita.example/2025/09/17/bank-sentral-tahan-suku-bunga", page, "text/html; charset=utf-8"),
        ("https://ekonomikita.example/logo.png", b"\x89PNG....", "image/png"),
    ])
    [a] = articles(path)
    assert a.url == "https://ekonomikita.example/2025/09/17/bank-sentral-tahan-suku-bunga"
    assert a.source == a.url and a.meta["archive"] == str(path)
    assert a.title == "Bank Sentral Tahan Suku Bunga di 5,75 Persen"


def test_warc_uncompressed_is_sniffed(tmp_path, fixtures):
    page = (fixtures / "page.html").read_bytes()
    path = _warc(tmp_path / "crawl.dat", [("https://x.example/a", page, "text/html")], gz=False)
    assert len(articles(path)) == 1


def test_truncated_warc_keeps_what_it_had(tmp_path, fixtures):
    page = (fixtures / "page.html").read_bytes()
    path = _warc(tmp_path / "cut.warc.gz", [("https://x.example/a", page, "text/html"),
                                            ("https://x.example/b", page, "text/html")], truncate=True)
    items = articles(path)
    assert any(not isinstance(i, InputError) for i in items)
    assert isinstance(items[-1], InputError) and "cut.warc.gz" in str(items[-1])


def test_directories_recursive_and_globs(tmp_path, fixtures):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "x.txt").write_text("Satu artikel pendek tentang pasar ikan di Ambon.")
    (tmp_path / "a" / "y.txt").write_text("Artikel kedua tentang pelabuhan ikan di Bitung.")
    assert list(sources.expand([str(tmp_path)])) == [str(tmp_path / "a" / "y.txt"), str(tmp_path / "a" / "b" / "x.txt")]
    assert list(sources.expand([str(tmp_path / "a" / "*.txt")])) == [str(tmp_path / "a" / "y.txt")]
    with pytest.raises(UsageError, match="no file matches"):
        list(sources.expand([str(tmp_path / "*.html")]))


def test_stdin_is_sniffed(fixtures):
    stream = io.BytesIO((fixtures / "articles.json").read_bytes())
    items = list(sources.read(["-"], stdin=stream))
    assert [a.source for a in items] == ["<stdin>:2", "<stdin>:7"]


@pytest.mark.parametrize("name, head, expected", [
    ("x.txt", b"Judul\n\nIsi berita.", "text"),
    ("x.txt", b"<!DOCTYPE html><html>", "html"),
    ("x", b"WARC/1.1\r\n", "warc"),
    ("x", b'{"text": "a"}\n', "jsonl"),
    ("x", b"  [\n {", "json"),
    ("x", b'<?xml version="1.0"?><rss version="2.0">', "feed"),
    ("x.xml", b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
    ("x.html", b"<html><body>", "html"),
    ("x.warc.gz", gzip.compress(b"WARC/1.0\r\n"), "warc"),
])
def test_detect(name, head, expected):
    assert detect(name, head) == expected


@pytest.mark.parametrize("head, error", [
    (b"", EmptyInput),
    (b"\x89PNG\r\n\x1a\n", BinaryInput),
    (b"%PDF-1.7", BinaryInput),
    (gzip.compress(b"just text"), BinaryInput),
])
def test_detect_refuses(head, error):
    assert isinstance(detect("file", head), error)


def test_binary_without_magic_is_refused(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(256)) * 20)
    [item] = articles(path)
    assert isinstance(item, BinaryInput) and item.source == str(path)


def test_a_folder_skips_its_readme_and_manifest_but_a_named_file_is_read(tmp_path, fixtures):
    from warta.sources import expand

    (tmp_path / "a.txt").write_bytes((fixtures / "noisy.txt").read_bytes())
    (tmp_path / "README.md").write_text("# Korpus contoh\n\nTeks ini bukan artikel.", encoding="utf-8")
    (tmp_path / "MANIFEST.yaml").write_text("files: []\n", encoding="utf-8")
    assert [p.rsplit("/", 1)[1] for p in expand([str(tmp_path)])] == ["a.txt"]
    assert list(expand([str(tmp_path / "README.md")])) == [str(tmp_path / "README.md")]
