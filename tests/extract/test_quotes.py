"""The quotes linker: quotation marks of every kind and every way of naming the speaker."""

from __future__ import annotations

import pytest
from linker_cases import CASES, golden, linked, rows

from warta.extract.quotes import spans


@pytest.mark.parametrize("text,entities,speaker,start", rows("quotes"))
def test_quote_shapes(text, entities, speaker, start):
    got = [(q.speaker, q.text) for q in linked(text, entities)["quotes"]]
    if speaker == "-":
        assert got == []
        return
    assert len(got) == 1, got
    assert got[0][0] == speaker
    assert got[0][1].startswith(start)


@pytest.mark.parametrize("text,quoted", [
    ('Ia berkata, “Kami siap,” lalu pergi.', ["“Kami siap,”"]),
    ('“Satu “dua” tiga,” kata A.', ["“Satu “dua” tiga,”"]),
    ('"Satu," kata A. "Dua," kata B.', ['"Satu,"', '"Dua,"']),
    ('Kota Xi’an dan Ma’ruf.', []),
    ('“Baris satu.\n“Baris dua,” kata A.', ["“Baris satu.\n“Baris dua,”"]),
    ('“Tanpa penutup\nParagraf baru.', ["“Tanpa penutup"]),
    ('«Satu» dan ‘dua tiga’.', ["«Satu»", "‘dua tiga’"]),
])
def test_quotation_spans(text, quoted):
    assert [text[a:b] for a, b in spans(text)] == quoted


@pytest.mark.parametrize("case", CASES)
def test_golden_quotes(case):
    got, want = golden(case)
    assert got["quotes"] == want["quotes"]


def _speakers(text: str, column: str) -> list[tuple[str, str]]:
    return [(q.speaker, " ".join(q.text.split()[:3])) for q in linked(text, column)["quotes"]]


@pytest.mark.parametrize("text,entities,want", [
    # a statement's kind after "demikian", then the body that gave it
    ("“Data ini masih sementara,” demikian keterangan resmi Badan Pusat Statistik.",
     "ORG:Badan Pusat Statistik", [("Badan Pusat Statistik", "Data ini masih")]),
    # speech verbs of a short answer and a closing remark
    ("“Ya, benar,” singkat Andi Wijaya.", "PER:Andi Wijaya", [("Andi Wijaya", "Ya, benar")]),
    ("“Terima kasih atas kepercayaannya,” akhiri Rina Kartika.", "PER:Rina Kartika",
     [("Rina Kartika", "Terima kasih atas")]),
    # "ujarnya" after a person named in passing is still the last speaker
    ("“Kami menambah armada,” kata Rina Wulandari. Ia juga menyinggung peran Gubernur Adi Nugroho. "
     "“Bus baru tiba bulan depan,” ujarnya.",
     "PER:Rina Wulandari|PER:Adi Nugroho",
     [("Rina Wulandari", "Kami menambah armada"), ("Rina Wulandari", "Bus baru tiba")]),
    ("“Pasar sudah dibuka,” kata Joko Santoso. Pembangunannya dibiayai Bupati Heru Cahyo. "
     "“Pedagang tidak dipungut biaya,” kata dia.",
     "PER:Joko Santoso|PER:Heru Cahyo",
     [("Joko Santoso", "Pasar sudah dibuka"), ("Joko Santoso", "Pedagang tidak dipungut")]),
    # a person who has since become a sentence's subject is the one followed
    ("“Pasar sudah dibuka,” kata Joko Santoso. Heru Cahyo menambahkan bahwa pedagang lama didahulukan. "
     "“Tidak ada yang tergusur,” ujarnya.",
     "PER:Joko Santoso|PER:Heru Cahyo",
     [("Joko Santoso", "Pasar sudah dibuka"), ("Heru Cahyo", "Tidak ada yang")]),
    ("“Pasar sudah dibuka,” kata Joko Santoso. Menurut Heru Cahyo, pedagang lama didahulukan. "
     "“Tidak ada yang tergusur,” imbuhnya.",
     "PER:Joko Santoso|PER:Heru Cahyo",
     [("Joko Santoso", "Pasar sudah dibuka"), ("Heru Cahyo", "Tidak ada yang")]),
    # a person opening the paragraph after a quotation whose attribution was inside it
    ("“Semua penumpang sudah didata, tutur Made Tamba kepada wartawan.\nDwi Kusworo kembali ke posko. "
     "“Pencarian dilanjutkan besok pagi,“ katanya.",
     "PER:Made Tamba|PER:Dwi Kusworo",
     [("Made Tamba", "Semua penumpang sudah"), ("Dwi Kusworo", "Pencarian dilanjutkan besok")]),
    # the family name alone, after the sentence before ends in another name
    ("Ia didampingi Gubernur Wayan Sudarta. “Bandara ini dibuka Juli,” ujar Bambang Wiryo.\n"
     "Sudarta mengapresiasi langkah itu. “Pariwisata butuh bandara yang lebih besar,” tuturnya.",
     "PER:Wayan Sudarta|PER:Bambang Wiryo",
     [("Bambang Wiryo", "Bandara ini dibuka"), ("Wayan Sudarta", "Pariwisata butuh bandara")]),
    # the subject opens after a post with a connector and a bracketed acronym in its body
    ("“Kami siap,” kata Joko Santoso. Ketua Umum Kamar Dagang dan Industri (Kadin) Sukamaju Rina Sari "
     "menyambut baik. “Ini kabar baik,” ujarnya.",
     "PER:Joko Santoso|ORG:Kamar Dagang dan Industri|ORG:Kadin|PER:Rina Sari",
     [("Joko Santoso", "Kami siap"), ("Rina Sari", "Ini kabar baik")]),
    # a description of the speaker after the verb, ending in "itu": no organisation in it speaks
    ("Menurut Rina Sari, kebijakan dibahas. “Tidak ada kenaikan tahun ini,” lanjut mantan Direktur "
     "Pelaksana Bank Dunia itu.",
     "PER:Rina Sari|ORG:Bank Dunia",
     [("Rina Sari", "Tidak ada kenaikan")]),
    # a quotation that is a paragraph of its own after a sentence reporting speech is its
    # reporter's, though the next quotation names someone else
    ("Menteri Sosial Hasan Basri menjelaskan bantuan segera disalurkan.\n“Bantuan akan tiba besok pagi "
     "di lokasi.”\n“Tidak ada korban jiwa,” jelas Kapolsek Sukamaju AKP Dodi Pratama.",
     "PER:Hasan Basri|PER:Dodi Pratama",
     [("Hasan Basri", "Bantuan akan tiba"), ("Dodi Pratama", "Tidak ada korban")]),
])
def test_a_pronoun_follows_the_last_speaker(text, entities, want):
    assert _speakers(text, entities) == want


@pytest.mark.parametrize("text,quoted", [
    ('“Satu dua,” kata A.', ['“Satu dua,”']),
    ('“Satu dua," kata A.', ['“Satu dua,"']),
    ('"Satu dua,” kata A.', ['"Satu dua,”']),
    ('“Satu dua,“ kata A. “Tiga empat,” kata B.', ['“Satu dua,“', '“Tiga empat,”']),
    ('“Satu dua, kata A di sana.\nParagraf baru.', ['“Satu dua,']),
    ('“Satu “dua” tiga,” kata A.', ['“Satu “dua” tiga,”']),
])
def test_mismatched_marks_and_attribution_inside(text, quoted):
    assert [text[a:b] for a, b in spans(text)] == quoted


def test_a_quotation_right_after_another_s_attribution_goes_on_with_its_speaker():
    text = ("Shinta Kamdani hadir. “Jika tidak, PHK bisa terjadi,” tegas Shinta. "
            "“Itu yang kami khawatirkan.”\n\n“Harga naik lagi tahun depan.”")
    got = linked(text, "PER:Shinta Kamdani=Shinta")["quotes"]
    # the second is the same speaker's; the third, alone in its paragraph, as before
    assert [(q.speaker, q.text) for q in got][:2] == [
        ("Shinta Kamdani", "Jika tidak, PHK bisa terjadi"), ("Shinta Kamdani", "Itu yang kami khawatirkan.")]
