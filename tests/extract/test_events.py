"""The events linker: one event per happening, each type from its triggers, merged."""

from __future__ import annotations

import pytest
from linker_cases import CASES, golden, linked, rows

from warta import lang
from warta.extract.events import BUILDERS, triggers
from warta.model import EventArgs


def _args(spec: str) -> dict:
    out = {}
    for pair in filter(None, spec.split(";")):
        key, _, value = pair.partition("=")
        out[key] = value.split(",") if "," in value else value
    return out


def _same(got, want) -> bool:
    if isinstance(got, (int, float)):
        return float(got) == float(want)
    if isinstance(got, list):
        return set(want if isinstance(want, list) else [want]) <= set(got)
    return got == want


@pytest.mark.parametrize("text,entities,kind,spec", rows("events"))
def test_event_types(text, entities, kind, spec):
    events = linked(text, entities)["events"]
    if kind == "-":
        assert events == []
        return
    hits = [e for e in events if e.type == kind]
    assert len(hits) == 1, [e.to_dict() for e in events]
    for key, value in _args(spec).items():
        assert _same(hits[0].args.get(key), value), (key, hits[0].args)
    assert hits[0].evidence and 0 < hits[0].confidence <= 1


def test_every_declared_type_with_triggers_has_a_builder():
    assert {k.name for k in triggers().kinds} == set(BUILDERS)
    assert set(triggers().types) == set(BUILDERS) | {"STATEMENT"}


@pytest.mark.parametrize("language", ["en", "id"])
def test_every_declared_type_has_a_label(language):
    labels = {k[len("event_"):] for k in lang.load("web", language) if k.startswith("event_")}
    assert labels == set(triggers().types)


def test_merge_rules_name_known_fields_or_rules():
    from warta.extract._event_merge import MATCHERS

    for kind in triggers().types.values():
        rule = kind.merge
        assert rule is None or (rule in MATCHERS if isinstance(rule, str) else set(rule) <= set(EventArgs.__annotations__) | {"trigger"})


def test_types_run_in_rank_order():
    ranks = [k.rank for k in triggers().types.values()]
    assert ranks == sorted(ranks) and len(set(ranks)) == len(ranks)


def test_repeated_mentions_merge():
    text = ("PT Maju Jaya menggelontorkan investasi Rp2 triliun. Investasi Rp2 triliun itu untuk "
            "pabrik baru. PT Maju Jaya membangun pabrik di Karawang. Pabrik PT Maju Jaya beroperasi 2026.")
    events = linked(text, "ORG:PT Maju Jaya|LOC:Karawang")["events"]
    assert sorted(e.type for e in events) == ["FACILITY", "INVESTMENT"]


def test_an_amount_restated_in_rupiah_is_one_investment():
    text = "Lumora melakukan investasi 500 juta yuan atau setara Rp1,1 triliun di Shenzhen."
    events = linked(text, "ORG:Lumora|LOC:Shenzhen")["events"]
    assert [(e.type, e.args["currency"], e.args["money"]) for e in events] == [("INVESTMENT", "CNY", 0)]


@pytest.mark.parametrize("case", CASES)
def test_golden_events(case):
    got, want = golden(case)
    assert got["events"] == want["events"]


def test_needs_in_the_data_are_known():
    from warta.extract.events import NEEDS

    assert {need for k in triggers().kinds for need in k.needs} <= set(NEEDS)


def test_one_partnership_per_named_event_with_its_own_place_and_date():
    text = ("Kerja sama antara Sentra Digital dan Malaysia berlanjut melalui agenda Nusa Tech "
            "Summit pada tahun 2023 di Medan dan Sentra Developer Day pada bulan Mei 2024 di Bandung.")
    entities = ("ORG:Sentra Digital|LOC:Malaysia|EVENT:Nusa Tech Summit|LOC:Medan"
                "|EVENT:Sentra Developer Day|LOC:Bandung")
    events = [e for e in linked(text, entities)["events"] if e.type == "PARTNERSHIP"]
    got = [(e.args.get("via"), e.args.get("place"), e.args.get("date")) for e in events]
    assert got == [("Nusa Tech Summit", "Medan", "2023"), ("Sentra Developer Day", "Bandung", "2024-05")]
    assert all(e.args["parties"] == ["Sentra Digital", "Malaysia"] for e in events)


def test_partnerships_sharing_one_party_between_pairs_are_two():
    text = ("PT Sinar Baterai merupakan perusahaan patungan PT Bumi Daya dan Hanwha Solutions. "
            "Universitas Sukamaju menandatangani nota kesepahaman dengan PT Sinar Baterai. "
            "Kerja sama PT Bumi Daya dan Hanwha Solutions itu berlanjut.")
    entities = "ORG:PT Sinar Baterai|ORG:PT Bumi Daya|ORG:Hanwha Solutions|ORG:Universitas Sukamaju"
    events = [e for e in linked(text, entities)["events"] if e.type == "PARTNERSHIP"]
    assert [sorted(e.args["parties"]) for e in events] == [
        ["Hanwha Solutions", "PT Bumi Daya", "PT Sinar Baterai"], ["PT Sinar Baterai", "Universitas Sukamaju"]]


def test_a_missed_person_is_also_found_by_one_name_after_a_title():
    text = ("Duta Besar RI untuk Malaysia, Hermanto Sastrowardoyo, mengunjungi pabrik itu. "
            "Dubes Hermanto mengajak Sentra Digital untuk membuka kantor di Kuala Lumpur.")
    out = linked(text, "ORG:Sentra Digital|LOC:Kuala Lumpur")
    person = next(e for e in out["entities"] if e.name == "Hermanto Sastrowardoyo")
    assert [text[a:b] for a, b in person.mentions] == ["Hermanto Sastrowardoyo", "Hermanto"]
    policy = next(e for e in out["events"] if e.type == "POLICY")
    assert policy.args["issuer"] == "Hermanto Sastrowardoyo" and policy.args["target"] == "Sentra Digital"


def test_meeting_participants_leave_out_their_own_organisations_and_media():
    text = ("Menteri Perdagangan Hadi Santoso bertemu dengan Direktur Utama PT Sinar Jaya Abadi, "
            "Budi Wirawan, di Jakarta. Menurut unggahan akun resmi Instagram, pertemuan itu "
            "membahas ekspor.")
    entities = "PER:Hadi Santoso|ORG:PT Sinar Jaya Abadi|PER:Budi Wirawan|LOC:Jakarta|ORG:Instagram"
    out = linked(text, entities)
    assert ("Budi Wirawan", "PT Sinar Jaya Abadi") in {(r.person, r.org) for r in out["roles"]}
    (meeting,) = [e for e in out["events"] if e.type == "MEETING"]
    assert meeting.args["participants"] == ["Hadi Santoso", "Budi Wirawan"]


def test_a_total_realised_investment_is_one_event_its_parts_none():
    text = ("Badan Penanaman Modal mencatat realisasi investasi kuartal I 2024 mencapai Rp300 triliun. "
            "Realisasi itu terdiri dari PMDN sebesar Rp140 triliun dan PMA sebesar Rp160 triliun. "
            "Investasi di luar Jawa mencapai Rp150 triliun.")
    events = linked(text, "ORG:Badan Penanaman Modal|ORG:PMDN|ORG:PMA|LOC:Jawa")["events"]
    assert [e.args["amount"] for e in events if e.type == "INVESTMENT"] == [3e14]


def test_a_comparison_basis_is_no_investment():
    text = ("PT Logam Jaya menanamkan investasi Rp5 triliun, naik dari periode yang sama tahun "
            "sebelumnya sebesar Rp4 triliun.")
    events = linked(text, "ORG:PT Logam Jaya")["events"]
    assert [e.args["amount"] for e in events if e.type == "INVESTMENT"] == [5e12]


def test_the_country_of_a_currency_is_no_target():
    text = "PT Karya Timur menanamkan investasi 2 juta dolar AS."
    (event,) = linked(text, "ORG:PT Karya Timur|LOC:AS")["events"]
    assert "target" not in event.args


def test_one_decision_per_issuer_and_day_but_each_request_apart():
    halt = ("Bursa Efek Indonesia melakukan trading halt pada Selasa (18/3/2025). "
            "Bursa Efek Indonesia menyebut penghentian sementara itu berlangsung 30 menit.")
    events = linked(halt, "ORG:Bursa Efek Indonesia")["events"]
    assert len([e for e in events if e.type == "POLICY"]) == 1
    asks = ("Kementerian Perhubungan meminta operator kapal menunda pelayaran. "
            "Kementerian Perhubungan juga mengajak warga memakai pelampung.")
    events = linked(asks, "ORG:Kementerian Perhubungan")["events"]
    assert len([e for e in events if e.type == "POLICY"]) == 2


def test_a_statement_with_no_date_of_its_own_is_dated_the_news_day():
    import datetime as dt

    from warta import extract
    from linker_cases import found

    text = "Jakarta, Selasa (18/3/2025) - Rina Sari menyatakan bahwa ekspor tumbuh."
    facts = found(text, "PER:Rina Sari")
    facts.update(extract.run(text, dt.date(2025, 3, 18)))
    events = extract.link(text, dt.date(2025, 3, 18), facts)["events"]
    assert [e.args.get("date") for e in events if e.type == "STATEMENT"] == ["2025-03-18"]


def test_a_person_quoted_twice_beside_a_reported_speaker_makes_a_statement_too():
    import datetime as dt

    from warta import extract
    from linker_cases import found

    day = dt.date(2025, 3, 18)
    text = ("Rina Sari menyatakan bahwa ekspor tumbuh. "
            "\"Permintaan dari Eropa masih kuat,\" kata Budi Hartono. "
            "Ia menambahkan harga naik. \"Kami menambah satu lini produksi,\" ujar Budi Hartono. "
            "\"Stok cukup,\" kata Dewi Anggraini.")
    facts = found(text, "PER:Rina Sari|PER:Budi Hartono|PER:Dewi Anggraini")
    facts.update(extract.run(text, day))
    linked_ = extract.link(text, day, facts)
    assert {q.speaker for q in linked_["quotes"]} == {"Budi Hartono", "Dewi Anggraini"}
    # the main voices: who reports outside quotations and who is quoted twice, not a
    # speaker quoted once
    speakers = [e.args.get("speaker") for e in linked_["events"] if e.type == "STATEMENT"]
    assert sorted(speakers) == ["Budi Hartono", "Rina Sari"]
    # a quoted speaker's statement is triggered by the verb that attributes the quotation
    triggers_ = {e.args.get("speaker"): e.trigger for e in linked_["events"] if e.type == "STATEMENT"}
    assert triggers_ == {"Rina Sari": "menyatakan", "Budi Hartono": "kata"}


def test_a_statement_is_dated_by_a_day_not_by_the_year_it_speaks_of():
    import datetime as dt

    from warta import extract
    from linker_cases import found

    day = dt.date(2024, 6, 6)
    text = "Hari ini, Kamis (6/6/2024), Rina Sari mengatakan pabrik itu ditargetkan beroperasi pada 2026."
    facts = found(text, "PER:Rina Sari")
    facts.update(extract.run(text, day))
    events = extract.link(text, day, facts)["events"]
    assert [e.args.get("date") for e in events if e.type == "STATEMENT"] == ["2024-06-06"]


def test_a_statement_is_dated_by_its_day_not_by_a_later_date_it_speaks_of():
    from warta.pipeline import analyze

    doc = analyze("Harga beras turun pada Senin (8/12/2025). Kepala Dinas Pangan Kota Madiun Sri Lestari "
                  "mengatakan stok itu cukup hingga Maret 2026.", published="2025-12-08")
    dates = {e.args.get("date") for e in doc.events if e.type == "STATEMENT"}
    assert dates == {"2025-12-08"}


def test_with_no_news_day_a_month_said_of_dates_no_statement():
    from warta.pipeline import analyze

    doc = analyze("Kepala Badan Asesmen Toni Hartono menjelaskan tes untuk jenjang SMA digelar pada April 2026.")
    assert [e.args.get("date") for e in doc.events if e.type == "STATEMENT"] == [None]


@pytest.mark.parametrize("text, issuer", [
    # an authority named by its kind or its post alone, no entity
    ("Pemerintah resmi menaikkan tarif cukai rokok mulai tahun depan.", "Pemerintah"),
    ("Menteri Perdagangan melarang impor sepatu bekas.", "Menteri Perdagangan"),
])
def test_a_policy_by_an_authority_named_by_its_kind_or_post_alone(text, issuer):
    events = [e for e in linked(text, "")["events"] if e.type == "POLICY"]
    assert [e.args.get("issuer") for e in events] == [issuer]


def test_a_post_alone_with_no_field_issues_no_policy():
    assert not [e for e in linked("Kepala sekolah meminta siswa datang pagi.", "")["events"] if e.type == "POLICY"]
