"""Outlets: each outlet of lang/id/outlets.yaml read from a dateline in its own style and
reported under its one name.  The lines are invented; the shapes are the outlets'."""

from __future__ import annotations

import pytest

from warta import lang
from warta.clean import canonical_outlet, clean, split_dateline
from warta.clean.outlets import key
from warta.model import Article

# line → (outlet, dateline city); one row (at least) per outlet of the table.
LINES = [
    ("JAKARTA, KOMPAS.com - Pemerintah kota membuka pasar murah.", "KOMPAS.com", "Jakarta"),
    ("JAKARTA, KOMPAS — Harga cabai merah turun sepekan terakhir.", "Kompas.id", "Jakarta"),
    ("SURABAYA, KOMPAS.TV - Banjir rob menggenangi jalan pesisir.", "Kompas TV", "Surabaya"),
    ("Jakarta, CNN Indonesia -- Bank sentral menahan suku bunga.", "CNN Indonesia", "Jakarta"),
    ("Jakarta, CNBC Indonesia - Harga batu bara melemah pagi ini.", "CNBC Indonesia", "Jakarta"),
    ("Liputan6.com, Jakarta Menteri Sukarta Wibowo meninjau gudang beras.", "Liputan6.com", "Jakarta"),
    # no dash: a city the lists know (a regency too), never a sentence's first word
    ("Liputan6.com, Cianjur Warga mengungsi ke balai desa.", "Liputan6.com", "Cianjur"),
    ("Jakarta – IDX Channel - Indeks saham ditutup menguat.", "IDX Channel", "Jakarta"),
    ("TEMPO.CO, Jakarta - Polisi menahan dua tersangka.", "Tempo.co", "Jakarta"),
    ("Jakarta (ANTARA) - Pemerintah menyalurkan bantuan pangan.", "ANTARA News", "Jakarta"),
    ("Bekasi (ANTARA News) - Pabrik kemasan baru diresmikan.", "ANTARA News", "Bekasi"),
    ("Kediri (ANTARA) - Petani tebu memulai musim giling.", "ANTARA Jatim", "Kediri"),
    ("Palu (ANTARA) - Gempa kecil terasa di pesisir.", "ANTARA Sulteng", "Palu"),
    ("TRIBUNNEWS.COM, JAKARTA - Komisi III memanggil kepala lembaga.", "Tribunnews.com", "Jakarta"),
    ("Okezone.com, JAKARTA - Harga emas naik tipis.", "Okezone", "Jakarta"),
    ("Suara.com - Harga minyak goreng kembali naik.", "Suara.com", None),
    ("kumparan - Tim SAR menemukan perahu nelayan.", "kumparan", None),
    ("jpnn.com - JAKARTA - Anggota dewan mengkritik anggaran.", "JPNN.com", "Jakarta"),
    ("jpnn.com, JAKARTA - Wakil ketua komisi memberi tanggapan.", "JPNN.com", "Jakarta"),
    ("REPUBLIKA.CO.ID, JAKARTA -- Jamaah haji kloter pertama tiba.", "Republika", "Jakarta"),
    ("Bisnis.com, JAKARTA — Emiten baja membukukan laba.", "Bisnis.com", "Jakarta"),
    ("KONTAN.CO.ID - JAKARTA. Rupiah menguat di pasar spot.", "Kontan", "Jakarta"),
    ("SURYA.co.id | SURABAYA - Pameran batik dibuka di balai kota.", "Surya", "Surabaya"),
    ("JAKARTA, Bisnis.com Pameran batik dibuka di balai kota.", "Bisnis.com", "Jakarta"),
    ("Katadata.co.id - Produksi minyak nasional turun.", "Katadata", None),
    ("Jakarta, IDN Times - Ribuan pemudik mulai bergerak.", "IDN Times", "Jakarta"),
    ("Merdeka.com - Warga antre membeli gas elpiji.", "Merdeka.com", None),
    ("JAKARTA, SINDOnews - Partai koalisi menggelar rapat.", "SINDOnews", "Jakarta"),
    ("Jakarta, VIVA – Kapal nelayan hilang kontak di perairan utara.", "VIVA", "Jakarta"),
    ("Jakarta, Medcom.id - Dewan pengawas menggelar rapat.", "Medcom.id", "Jakarta"),
    ("Jakarta, MediaIndonesia.com - Kejaksaan memeriksa saksi.", "Media Indonesia", "Jakarta"),
    ("KBR, Jakarta - Lembaga survei merilis hasil terbaru.", "KBR", "Jakarta"),
    ("Jakarta, Beritasatu.com - Indeks saham dibuka menguat.", "Beritasatu.com", "Jakarta"),
    ("JAKARTA, iNews.id - Pesawat latih mendarat darurat.", "iNews.id", "Jakarta"),
    ("tirto.id - Pemerintah merevisi aturan impor garam.", "Tirto.id", None),
    ("The Conversation - Riset baru menunjukkan suhu laut naik.", "The Conversation Indonesia", None),
    ("JawaPos.com - Pelatih tim nasional memanggil pemain muda.", "JawaPos.com", None),
    ("Jakarta, tvOnenews.com - Ratusan warga mengungsi.", "tvOnenews.com", "Jakarta"),
    ("VOI.id, JAKARTA - Komisi pemilihan menetapkan jadwal.", "VOI.id", "Jakarta"),
    ("JAKARTA, investor.id - Perusahaan energi menerbitkan obligasi.", "Investor Daily", "Jakarta"),
    ("Warta Ekonomi, Jakarta - Startup logistik mendapat pendanaan.", "Warta Ekonomi", "Jakarta"),
    ("Jakarta, Gatra.com - Pengadilan menunda sidang.", "Gatra", "Jakarta"),
    ("Inilah.com, Jakarta - Pengamat menilai kebijakan itu terlambat.", "Inilah.com", "Jakarta"),
    ("BANYUWANGI, DISWAY.ID - Pelabuhan kembali dibuka.", "Disway.id", "Banyuwangi"),
    ("Ntvnews.id, Jakarta - Sidang lanjutan digelar pekan depan.", "Ntvnews.id", "Jakarta"),
    ("KBRN, Jakarta: Stasiun radio menyiarkan debat kandidat.", "RRI", "Jakarta"),
    ("INILAHCOM, Jakarta - Ekonom memperkirakan inflasi naik.", "Inilah.com", "Jakarta"),
    ("WE Online, Jakarta - Bank daerah menyalurkan kredit.", "Warta Ekonomi", "Jakarta"),
    ("Lombok Post, Mataram - Nelayan memanen rumput laut.", "Lombok Post", "Mataram"),
    ("BANJARMASINPOST.CO.ID, BANJARMASIN - Pasar terapung ramai.", "Banjarmasin Post", "Banjarmasin"),
    ("SUMUTPOS.CO - Harga sawit di tingkat petani naik.", "Sumut Pos", None),
    ("BATAMPOS.CO.ID - Kapal feri tujuan Singapura ditambah.", "Batam Pos", None),
    ("MANADOPOST.ID - Festival pesisir digelar tiga hari.", "Manado Post", None),
    ("TRIBUNMANADO.CO.ID, MANADO - Gunung api berstatus waspada.", "Tribun Manado", "Manado"),
    ("TRIBUNBATAM.id, BATAM - Galangan kapal menerima pesanan.", "Tribun Batam", "Batam"),
    ("SRIPOKU.COM, PALEMBANG - Jembatan Ampera ditutup sementara.", "Sriwijaya Post", "Palembang"),
    ("SERANG, KABARBANTEN - Jalan provinsi diperbaiki.", "KABARBANTEN", "Serang"),
    ("JAKARTA (Harian Nusa): Komisi II menggelar rapat.", "Harian Nusa", "Jakarta"),
    ("RMOL.ID, JAKARTA - Fraksi menyampaikan pandangan akhir.", "RMOL", "Jakarta"),
    ("PIKIRAN RAKYAT - Ratusan siswa mengikuti lomba.", "Pikiran Rakyat", None),
    ("Harianjogja.com, JOGJA—Wisatawan memadati kawasan Malioboro.", "Harian Jogja", "Jogja"),
    ("SOLOPOS.COM - Pasar tradisional direvitalisasi.", "Solopos.com", None),
    ("SEMARANG, suaramerdeka.com - Wali kota meresmikan taman.", "Suara Merdeka", "Semarang"),
    ("DENPASAR, BALIPOST.com - Upacara adat digelar di pantai.", "Bali Post", "Denpasar"),
    ("PONTIANAK, PONTIANAKPOST.CO.ID - Harga sembako stabil.", "Pontianak Post", "Pontianak"),
    ("SAMARINDA, KALTIMPOST.ID - Jalan tol baru mulai dilalui.", "Kaltim Post", "Samarinda"),
    ("SERAMBINEWS.COM, BANDA ACEH - Hujan deras memicu longsor.", "Serambinews.com", "Banda Aceh"),
    ("FAJAR.CO.ID, MAKASSAR -- Pelabuhan peti kemas diperluas.", "Fajar", "Makassar"),
    ("BANDAR LAMPUNG (Lampost.co) - Harga kopi robusta naik.", "Lampung Post", "Bandar Lampung"),
    ("BANDUNG, AYOBANDUNG.COM -- Kereta cepat menambah jadwal.", "Ayobandung.com", "Bandung"),
    ("WARTAKOTALIVE.COM, JAKARTA - Kemacetan terjadi di tol dalam kota.", "Warta Kota", "Jakarta"),
    ("SURYA.co.id, SURABAYA - Suporter memadati stadion.", "Surya", "Surabaya"),
    ("POS-KUPANG.COM, KUPANG - Nelayan kembali melaut.", "Pos Kupang", "Kupang"),
    ("PEKANBARU (RIAUPOS.CO) - Kabut asap mulai menipis.", "Riau Pos", "Pekanbaru"),
    ("SERANG, RADARBANTEN.CO.ID - Bupati melantik pejabat baru.", "Radar Banten", "Serang"),
    ("BOGOR, RadarBogor.id - Angkutan kota dialihkan.", "Radar Bogor", "Bogor"),
    ("YOGYAKARTA, RadarJogja.co.id - Keraton membuka museum.", "Radar Jogja", "Yogyakarta"),
    ("SURABAYA, RadarSurabaya.id - Jembatan lama diperbaiki.", "Radar Surabaya", "Surabaya"),
    ("MALANG, RadarMalang.id - Kampus menerima mahasiswa baru.", "Radar Malang", "Malang"),
    ("TRIBUNJABAR.ID, BANDUNG - Polisi mengatur lalu lintas.", "Tribun Jabar", "Bandung"),
    ("TRIBUNJATENG.COM, SEMARANG - Rob melanda kawasan pelabuhan.", "Tribun Jateng", "Semarang"),
    ("TRIBUNJATIM.COM, SURABAYA - Kebakaran gudang dipadamkan.", "Tribun Jatim", "Surabaya"),
    ("TRIBUNJOGJA.COM, YOGYA - Bus wisata dilarang masuk.", "Tribun Jogja", "Yogya"),
    ("TRIBUN-MEDAN.COM, MEDAN - Sungai meluap ke permukiman.", "Tribun Medan", "Medan"),
    ("TRIBUNPONTIANAK.CO.ID, PONTIANAK - Pasar ikan direlokasi.", "Tribun Pontianak", "Pontianak"),
    ("TRIBUN-TIMUR.COM, MAKASSAR - Pantai Losari ditata ulang.", "Tribun Timur", "Makassar"),
    ("TRIBUN-BALI.COM, DENPASAR - Bandara menambah penerbangan.", "Tribun Bali", "Denpasar"),
    ("TRIBUNKALTIM.CO, BALIKPAPAN - Kilang minyak menjalani perawatan.", "Tribun Kaltim", "Balikpapan"),
    ("TRIBUNLAMPUNG.CO.ID, BANDAR LAMPUNG - Jalan lintas rusak parah.", "Tribun Lampung", "Bandar Lampung"),
    ("[Surabaya | 3 Maret 2024] Warga kampung menggelar kerja bakti.", None, "Surabaya"),
    ("HARIANKITA.CO.ID, TOKYO -- Menteri memastikan komitmen.", "HARIANKITA.CO.ID", "Tokyo"),
    # separators the common shapes vary: a colon, a bar, a comma before the brackets
    ("MEDAN, Waspada.id: Petani jeruk memanen lebih awal.", "Waspada.id", "Medan"),
    ("JAKARTA, Metrotvnews.com: Rapat paripurna ditunda.", "Metro TV", "Jakarta"),
    ("SURABAYA | duta.co – Pameran batik dibuka di balai kota.", "duta.co", "Surabaya"),
    ("Sleman, (KR) - Jalur evakuasi gunung diperbaiki.", "Kedaulatan Rakyat", "Sleman"),
    ("Jakarta, (ANTARA) - Bursa saham ditutup menguat.", "ANTARA News", "Jakarta"),
    # a press release's city and day, as outlets reprint it
    ("Jakarta, 5 Juni 2025 – PT Sinar Laut meluncurkan kapal baru.", None, "Jakarta"),
    ("JAKARTA, 5/6/2025 - Koperasi nelayan menerima bantuan.", None, "Jakarta"),
    ("Bandung, Senin (9/6/2025) - Kampus membuka pendaftaran.", None, "Bandung"),
    ("Jakarta, 5 Juni 2025 (ANTARA) - Harga emas turun.", "ANTARA News", "Jakarta"),
    # national
    ("JAKARTA (VOA) — Para pegiat lingkungan menggelar aksi damai.", "VOA Indonesia", "Jakarta"),
    ("JAKARTA, Alinea.id - Partai baru mendaftar ke penyelenggara pemilu.", "Alinea.id", "Jakarta"),
    ("GridOto.com - Produsen skuter listrik menurunkan harga.", "Grid.id", None),
    ("MALANG, TIMESINDONESIA.CO.ID – Petani apel mengeluhkan cuaca.", "TIMES Indonesia", "Malang"),
    ("JAKARTA, POSKOTA.CO.ID - Petugas menertibkan parkir liar.", "Pos Kota", "Jakarta"),
    ("Jakarta, NU Online - Pesantren menggelar bahtsul masail.", "NU Online", "Jakarta"),
    ("IDXChannel - Saham perbankan bergerak mendatar.", "IDX Channel", None),
    ("Jakarta, Infobanknews.com - Bank perkreditan rakyat menambah modal.", "Infobanknews", "Jakarta"),
    ("JAKARTA, TrenAsia.com - Emiten nikel membagikan dividen.", "TrenAsia", "Jakarta"),
    ("AKURAT.CO, Jakarta - Dewan menyetujui anggaran tambahan.", "Akurat.co", "Jakarta"),
    ("JAKARTA, HarianTerbit.com - Warga mengeluhkan air keruh.", "Harian Terbit", "Jakarta"),
    ("JAKARTA, KoranJakarta.com - Pemprov menambah armada bus.", "Koran Jakarta", "Jakarta"),
    ("JAKARTA, INDOPOS.CO.ID - Polisi membongkar sindikat uang palsu.", "Indopos", "Jakarta"),
    ("JAKARTA, tvrinews.com - Siaran langsung debat dimulai malam ini.", "TVRI", "Jakarta"),
    ("Elshinta.com - Arus kendaraan di jalur pantura padat.", "Elshinta", None),
    ("Jakarta, Jurnas.com - Kementerian membuka beasiswa baru.", "Jurnas.com", "Jakarta"),
    ("JAKARTA, Validnews.id - Harga tiket pesawat mulai turun.", "Validnews", "Jakarta"),
    ("EmitenNews.com - Perseroan menunda rencana penawaran saham.", "EmitenNews", None),
    ("Bareksa.com - Reksa dana pasar uang mencatat arus masuk.", "Bareksa", None),
    ("Jakarta, Industry.co.id - Pabrik tekstil menambah lini produksi.", "Industry.co.id", "Jakarta"),
    ("Neraca.co.id - Koperasi simpan pinjam diminta berbenah.", "Neraca", None),
    ("JAKARTA, SinarHarapan.co - Museum membuka pameran foto.", "Sinar Harapan", "Jakarta"),
    ("Sonora.id - Penyanyi muda merilis album kedua.", "Sonora.id", None),
    ("Koran Tempo, Jakarta - Penyidik memanggil saksi kunci.", "Tempo.co", "Jakarta"),
    ("SURABAYA, Bisnis Jatim - Ekspor mebel dari Jawa Timur naik.", "Bisnis.com", "Surabaya"),
    # regional: the Tribun network
    ("TRIBUNJAKARTA.COM, JAKARTA - Trotoar di kawasan pusat dilebarkan.", "Tribun Jakarta", "Jakarta"),
    ("TRIBUNSOLO.COM, SOLO - Pasar malam dibuka di alun-alun.", "Tribun Solo", "Solo"),
    ("TRIBUNMADURA.COM, BANGKALAN - Jembatan desa ambruk diterjang arus.", "Tribun Madura", "Bangkalan"),
    ("TRIBUNBANTEN.COM, SERANG - Sekolah menerapkan belajar daring.", "Tribun Banten", "Serang"),
    ("TRIBUNNEWSBOGOR.COM, BOGOR - Jalur puncak diberlakukan satu arah.", "Tribunnews Bogor", "Bogor"),
    ("TRIBUNPADANG.COM, PADANG - Ombak tinggi merusak tanggul pantai.", "Tribun Padang", "Padang"),
    ("TRIBUNPEKANBARU.COM, PEKANBARU - Titik api terpantau berkurang.", "Tribun Pekanbaru", "Pekanbaru"),
    ("TribunJambi.com, Jambi - Harga karet di tingkat petani membaik.", "Tribun Jambi", "Jambi"),
    ("TRIBUNSUMSEL.COM, PALEMBANG - Lomba perahu bidar digelar.", "Tribun Sumsel", "Palembang"),
    ("TRIBUNBENGKULU.COM, BENGKULU - Nelayan mendapat bantuan mesin.", "Tribun Bengkulu", "Bengkulu"),
    ("BANGKAPOS.COM, BANGKA - Penambang timah ilegal ditertibkan.", "Bangka Pos", "Bangka"),
    ("POSBELITUNG.CO, BELITUNG - Kunjungan wisatawan meningkat.", "Pos Belitung", "Belitung"),
    ("TRIBUNKALTENG.COM, PALANGKA RAYA - Kabut tipis menyelimuti kota.", "Tribun Kalteng", "Palangka Raya"),
    ("TRIBUNKALTARA.COM, TARAKAN - Pelabuhan menambah dermaga.", "Tribun Kaltara", "Tarakan"),
    ("TRIBUNPALU.COM, PALU - Hunian tetap diserahkan kepada warga.", "Tribun Palu", "Palu"),
    ("TRIBUNGORONTALO.COM, GORONTALO - Harga jagung stabil pekan ini.", "Tribun Gorontalo", "Gorontalo"),
    ("TRIBUNAMBON.COM, AMBON - Kapal perintis kembali berlayar.", "Tribun Ambon", "Ambon"),
    ("TRIBUN-PAPUA.COM, JAYAPURA - Festival danau dibuka hari ini.", "Tribun Papua", "Jayapura"),
    ("TRIBUNFLORES.COM, MAUMERE - Warga membersihkan pantai.", "Tribun Flores", "Maumere"),
    ("TRIBUNLOMBOK.COM, MATARAM - Sirkuit balap menggelar uji coba.", "Tribun Lombok", "Mataram"),
    # regional: Jawa Pos's Radar papers
    ("BANDARLAMPUNG, RADARLAMPUNG.CO.ID - Dinas menambal jalan berlubang.", "Radar Lampung", "Bandarlampung"),
    ("SEMARANG, RADARSEMARANG.ID - Banjir surut setelah pompa menyala.", "Radar Semarang", "Semarang"),
    ("SOLO, Radar Solo - Keraton menggelar kirab pusaka.", "Radar Solo", "Solo"),
    ("KEDIRI, Radar Kediri - Pabrik rokok merekrut buruh baru.", "Radar Kediri", "Kediri"),
    ("MADIUN, Radar Madiun - Stasiun kereta dipercantik.", "Radar Madiun", "Madiun"),
    ("JEMBER, RadarJember.id - Petani kopi memulai panen.", "Radar Jember", "Jember"),
    ("BANYUWANGI, Radar Banyuwangi - Kawah gunung ditutup sementara.", "Radar Banyuwangi", "Banyuwangi"),
    ("DENPASAR, radarbali.id - Desa adat menolak pembangunan vila.", "Radar Bali", "Denpasar"),
    ("CIREBON, RADARCIREBON.COM - Perajin batik menerima pesanan.", "Radar Cirebon", "Cirebon"),
    ("TASIKMALAYA, RADARTASIKMALAYA.COM - Harga bordir naik.", "Radar Tasikmalaya", "Tasikmalaya"),
    ("SUKABUMI, RADARSUKABUMI.COM - Longsor menutup jalan desa.", "Radar Sukabumi", "Sukabumi"),
    ("RADARBEKASI.ID, BEKASI - Kawasan industri menambah pos damkar.", "Radar Bekasi", "Bekasi"),
    ("RADARDEPOK.COM, DEPOK - Pembangunan flyover dimulai.", "Radar Depok", "Depok"),
    ("TEGAL, radartegal.com - Nelayan memperbaiki jaring.", "Radar Tegal", "Tegal"),
    ("KUDUS, Radar Kudus - Menara kuno dipugar.", "Radar Kudus", "Kudus"),
    ("BOJONEGORO, Radar Bojonegoro - Sumur minyak tua dikelola desa.", "Radar Bojonegoro", "Bojonegoro"),
    ("SUMENEP, RadarMadura.id – Garam rakyat dibeli pabrik.", "Radar Madura", "Sumenep"),
    ("BANJARMASIN, Radar Banjarmasin - Sungai dikeruk agar tak meluap.", "Radar Banjarmasin", "Banjarmasin"),
    ("PALU, RADARSULTENG.ID - Sekolah darurat dibangun kembali.", "Radar Sulteng", "Palu"),
    ("MATARAM, RADARLOMBOK.CO.ID - Bandara menambah rute umrah.", "Radar Lombok", "Mataram"),
    # regional: other Jawa Pos and Fajar papers
    ("PALEMBANG, SUMEKS.CO - Antrean solar mengular di SPBU.", "Sumatera Ekspres", "Palembang"),
    ("PADANG, PADEK.CO - Rendang dikirim ke luar negeri.", "Padang Ekspres", "Padang"),
    ("PALANGKA RAYA, KALTENGPOS.CO - Sekolah meliburkan siswa.", "Kalteng Pos", "Palangka Raya"),
    ("KALTENG.CO - Jembatan gantung diresmikan bupati.", "Kalteng.co", None),
    ("BALIKPAPAN, PROKAL.CO - Kilang menyerap tenaga lokal.", "Prokal", "Balikpapan"),
    ("GORONTALO, GORONTALOPOST.ID - Danau dibersihkan dari eceng gondok.", "Gorontalo Post", "Gorontalo"),
    ("KENDARIPOS.CO.ID, KENDARI - Tambang nikel disorot warga.", "Kendari Pos", "Kendari"),
    ("JAYAPURA, CEPOSONLINE.COM - Pasar mama-mama direnovasi.", "Cenderawasih Pos", "Jayapura"),
    ("AMBON, Ambon Ekspres - Cengkih petani dihargai lebih tinggi.", "Ambon Ekspres", "Ambon"),
    ("TERNATE, MALUTPOST.ID - Kapal cepat menambah jadwal.", "Malut Post", "Ternate"),
    ("KUPANG, TIMEX - Air bersih dikirim ke desa kering.", "Timor Express", "Kupang"),
    ("JAMBI, JAMBIINDEPENDENT.CO.ID - Candi dibuka untuk wisatawan.", "Jambi Independent", "Jambi"),
    ("BANDUNG, JABAREKSPRES.COM - Angkot listrik diuji coba.", "Jabar Ekspres", "Bandung"),
    ("SEMARANG, Jatengpos.co.id - Kota lama dipadati pengunjung.", "Jateng Pos", "Semarang"),
    ("GIANYAR, Bali Express - Subak mendapat bantuan irigasi.", "Bali Express", "Gianyar"),
    ("MALANG POST - Kampus membuka jalur mandiri.", "Malang Post", None),
    ("SURABAYA, MEMORANDUM.CO.ID - Tawuran remaja dibubarkan.", "Memorandum", "Surabaya"),
    ("MAKASSAR, RAKYATSULSEL.CO - Kanal kota dibersihkan.", "Rakyat Sulsel", "Makassar"),
    ("SERANG, BANTENRAYA.COM - Pelabuhan penyeberangan padat.", "Banten Raya", "Serang"),
    # regional: other papers, radios and sites
    ("suarasurabaya.net - Lalu lintas di tol kota tersendat.", "Suara Surabaya", None),
    ("JATIMNET.COM, Surabaya - Kebun binatang menambah koleksi.", "Jatimnet", "Surabaya"),
    ("Medan (Analisa) - Pedagang durian memenuhi trotoar.", "Harian Analisa", "Medan"),
    ("MEDAN (Waspada): Sekolah swasta menerima siswa pindahan.", "Waspada.id", "Medan"),
    ("PADANG, HARIANHALUAN.COM - Jalur kereta wisata dibuka.", "Haluan", "Padang"),
    ("Padang, Singgalang - Gempa kecil mengguncang pesisir.", "Singgalang", "Padang"),
    ("PEKANBARU, GORIAU.COM - Pasar murah digelar di kantor camat.", "GoRiau", "Pekanbaru"),
    ("YOGYA, KRJOGJA.com - Gerobak angkringan ditata ulang.", "Kedaulatan Rakyat", "Yogya"),
    ("GALAMEDIA - Warga menanam pohon di bantaran sungai.", "Galamedia", None),
    ("PRFMNEWS - Jalan layang ditutup untuk perbaikan.", "PRFM News", None),
    ("DENPASAR, NusaBali - Pura direnovasi jelang upacara.", "NusaBali", "Denpasar"),
    ("DENPASAR, DENPOST.id - Pantai ditutup karena gelombang.", "Denpost", "Denpasar"),
    ("Mataram (Suara NTB) - Petani tembakau menanti harga.", "Suara NTB", "Mataram"),
    ("Jayapura, Jubi - Mahasiswa menggelar diskusi terbuka.", "Jubi", "Jayapura"),
    ("KUPANG, VICTORYNEWS.ID - Sapi dikirim ke luar pulau.", "Victory News", "Kupang"),
    ("AMBON, Siwalima - Pala petani diekspor ke Eropa.", "Siwalima", "Ambon"),
    ("PANGKALAN BUN, Borneonews - Orangutan dilepasliarkan.", "Borneonews", "Pangkalan Bun"),
    ("BERITAJAKARTA.ID — Taman kota ditambah lampu penerangan.", "Beritajakarta.id", None),
]

# outlets that print no dateline: the site name a page's metadata gives → the table's name
SITE_NAMES = [
    ("BBC News Indonesia", "BBC News Indonesia"),
    ("BBC", "BBC News Indonesia"),
    ("DW", "DW Indonesia"),
    ("Mongabay.co.id", "Mongabay Indonesia"),
    ("The Jakarta Post", "The Jakarta Post"),
    ("Jakarta Globe", "Jakarta Globe"),
    ("Kompasiana.com", "Kompasiana"),
    ("hukumonline.com", "Hukumonline"),
    ("SWA", "SWA"),
    ("Narasi TV", "Narasi"),
    ("Suara Pembaruan", "Suara Pembaruan"),
    ("Beritajatim.com", "Beritajatim"),
]

DATED = [  # a dateline with the day: the page's date when no date line is printed
    ("Jakarta, 5 Juni 2025 – PT Sinar Laut meluncurkan kapal baru.", "2025-06-05"),
    ("JAKARTA, 5/6/2025 - Koperasi nelayan menerima bantuan.", "2025-06-05"),
    ("Bandung, Senin (9/6/2025) - Kampus membuka pendaftaran.", "2025-06-09"),
]


@pytest.mark.parametrize("line, day", DATED)
def test_a_dated_dateline_gives_the_page_date(line, day):
    a = clean(Article(source="t.txt", raw=f"Judul Berita Tentang Pasar\n\n{line}"))
    assert (str(a.published), a.published_from, a.text[:3]) == (day, "dateline", line.split("- ")[-1].split("– ")[-1][:3])


def test_a_day_in_a_sentence_is_not_a_dateline():
    line = "Jakarta, 5 Juni 2025 warga berkumpul di lapangan."
    assert split_dateline(line) == (line, None, None)

FIRST_PARAGRAPH = [  # shapes read only where the body begins
    ("Jakarta, Kabar Desa Online - Warga menanam seribu pohon.", "Kabar Desa Online", "Jakarta"),
    ("Jakarta - Presiden melantik tiga duta besar.", None, "Jakarta"),
    ("Jakarta: Menteri Keuangan Ardi Santosa memaparkan anggaran.", None, "Jakarta"),
    ("Bandung -", None, "Bandung"),
]


@pytest.mark.parametrize("line, outlet, city", LINES)
def test_dateline_of_each_outlet(line, outlet, city):
    rest, found_outlet, found_city = split_dateline(line)
    assert (found_outlet, found_city) == (outlet, city)
    assert rest and rest[0].isupper()


@pytest.mark.parametrize("line, outlet, city", FIRST_PARAGRAPH)
def test_first_paragraph_shapes(line, outlet, city):
    assert split_dateline(line, first=True)[1:] == (outlet, city)
    assert split_dateline(line)[1:] == (None, None) or line.endswith("-")


@pytest.mark.parametrize("paragraph", [
    "Catatan: Harga dapat berubah sewaktu-waktu.",
    "Xiaomi - perusahaan asal China - membuka toko baru.",
    "Kapal itu - kata saksi - tenggelam cepat.",
    # a known outlet, a comma and a sentence's first word: no city
    "Liputan6.com, Pemerintah Kota Sukamaju menutup jalan.",
])
def test_sentences_are_not_first_paragraph_datelines(paragraph):
    assert split_dateline(paragraph, first=True) == (paragraph, None, None)


@pytest.mark.parametrize("raw, outlet, city", [
    ("Judul Berita Tentang Pasar\nSuara.com -\nIsi berita.", "Suara.com", None),
    ("Judul Berita Tentang Pasar\nBANDUNG, AYOBANDUNG.COM --\nIsi berita.", "Ayobandung.com", "Bandung"),
])
def test_dateline_on_a_line_of_its_own(raw, outlet, city):
    a = clean(Article(source="t.txt", raw=raw))
    assert (a.outlet, a.dateline, a.text) == (outlet, city, "Isi berita.")


@pytest.mark.parametrize("written, outlet", SITE_NAMES)
def test_site_name_of_an_outlet_without_a_dateline(written, outlet):
    a = clean(Article(source="t.html", raw="Isi berita singkat.", outlet=written, title="Judul"))
    assert a.outlet == outlet


def test_every_outlet_has_a_test_line():
    named = {o for _, o, _ in LINES + FIRST_PARAGRAPH if o} | {o for _, o in SITE_NAMES}
    table = {o["name"] for o in lang.load("outlets")["outlets"]}
    assert len(table) >= 150
    assert table - named <= {"Metro TV", "detikcom"}, sorted(table - named)  # no outlet in their datelines


def test_each_alias_names_one_outlet():
    seen: dict[str, str] = {}
    for outlet in lang.load("outlets")["outlets"]:
        for spelling in [outlet["name"], *outlet.get("aliases", ())]:
            assert seen.setdefault(key(spelling), outlet["name"]) == outlet["name"], spelling


@pytest.mark.parametrize("written, city, expected", [
    ("kompas.com", None, "KOMPAS.com"),
    ("KOMPAS.COM", None, "KOMPAS.com"),
    ("detikNews", None, "detikcom"),
    ("Detik.com", None, "detikcom"),
    ("CNNIndonesia.com", None, "CNN Indonesia"),
    ("ANTARA", "Denpasar", "ANTARA Bali"),
    ("ANTARA", "Jakarta", "ANTARA News"),
    ("ANTARA News", "Denpasar", "ANTARA News"),
    ("Kabar Desa Online", None, "Kabar Desa Online"),
    (None, None, None),
])
def test_canonical_outlet(written, city, expected):
    assert canonical_outlet(written, city) == expected


@pytest.mark.parametrize("byline", [
    "Laporan Wartawan Tribun Jabar, Dewi Sartika",
    "Laporan Reporter TribunJabar.id, Dewi Sartika",
])
def test_byline_names_the_outlet(byline):
    a = clean(Article(source="t.txt", raw=f"Judul Berita Tentang Pasar\n{byline}\n\nBANDUNG - Isi berita."))
    assert (a.outlet, a.dateline, a.text) == ("Tribun Jabar", "Bandung", "Isi berita.")


def test_site_name_from_metadata_is_normalised():
    a = clean(Article(source="t.html", raw="Isi berita singkat.", outlet="detikNews", title="Judul"))
    assert a.outlet == "detikcom"
    a = clean(Article(source="t.html", raw="Kediri (ANTARA) - Isi berita.", outlet="Antaranews.com", title="Judul"))
    assert a.outlet == "ANTARA News"  # the site name wins; it names the national service
    a = clean(Article(source="t.html", raw="Kediri (ANTARA) - Isi berita.", outlet="ANTARA", title="Judul"))
    assert a.outlet == "ANTARA Jatim"


@pytest.mark.parametrize("url, expected", [
    ("https://jatim.antaranews.com/berita/1/judul", "ANTARA Jatim"),
    ("https://www.antaranews.com/berita/1/judul", "ANTARA News"),
    ("https://ekonomi.bisnis.com/read/20230120/12/1/judul", "Bisnis.com"),
    ("https://news.detik.com/berita/d-1/judul", "detikcom"),
    ("https://amp.suara.com/bisnis/2025/03/18/1/judul", "Suara.com"),
    ("https://www.kabarnusa.example/judul", "kabarnusa.example"),
    ("not a url", None),
])
def test_outlet_from_the_url_when_the_page_names_none(url, expected):
    a = clean(Article(source="t.txt", raw="Judul Berita Tentang Pasar\n\nIsi berita singkat.", url=url))
    assert a.outlet == expected


def test_the_dateline_outlet_wins_over_the_url():
    a = clean(Article(source="t.txt", raw="Judul Berita\n\nTEMPO.CO, Jakarta - Isi berita.",
                      url="https://www.kabarnusa.example/judul"))
    assert a.outlet == "Tempo.co"


@pytest.mark.parametrize("footer, outlet", [
    ('Baca artikel detikfinance, "Harga Gabah Turun" selengkapnya https://finance.detik.com/berita/d-1/harga',
     "detikcom"),
    ('Artikel ini telah tayang di Kompas.com dengan judul "Harga Gabah Turun", Klik untuk baca: '
     "https://money.kompas.com/read/2024/01/01/harga", "KOMPAS.com"),
    ("Artikel ini telah tayang di TribunJatim.com dengan judul Harga Gabah Turun", "Tribun Jatim"),
    # a site the table does not know: the footer goes, no outlet is read from it
    ("Sebagian artikel ini sudah tayang di Warta Lembah pada 3 Desember 2025 dengan judul Gabah Turun", None),
])
def test_a_copy_footer_goes_and_names_the_outlet(footer, outlet):
    raw = f"Harga Gabah Turun\n\nHarga gabah di tingkat petani turun sepekan ini, kata penyuluh.\n\n{footer}"
    a = clean(Article(source="t.txt", raw=raw))
    assert (a.outlet, a.text) == (outlet, "Harga gabah di tingkat petani turun sepekan ini, kata penyuluh.")


def test_a_channel_promotion_after_the_text_goes():
    promo = ("Simak breaking news dan berita pilihan kami langsung di ponselmu. Pilih saluran andalanmu "
             "akses berita Kabarkota.com WhatsApp Channel : https://www.whatsapp.com/channel/abc")
    raw = f"Harga Gabah Turun\n\nHarga gabah di tingkat petani turun sepekan ini, kata penyuluh.\n\n{promo}"
    assert clean(Article(source="t.txt", raw=raw)).text == "Harga gabah di tingkat petani turun sepekan ini, kata penyuluh."


def test_a_dateline_outlet_comes_before_a_copy_footer():
    raw = ("Harga Gabah Turun\n\nJakarta, CNN Indonesia -- Harga gabah turun sepekan ini, kata penyuluh.\n\n"
           "Simak berita dan artikel lainnya di Google News\n\nArtikel ini telah tayang di Kompas.com dengan judul X")
    a = clean(Article(source="t.txt", raw=raw))
    assert (a.outlet, a.dateline, a.text) == ("CNN Indonesia", "Jakarta", "Harga gabah turun sepekan ini, kata penyuluh.")


@pytest.mark.parametrize("paragraph", [  # a word alias ("Surya", "Fajar") opens a sentence
    "Surya, Budi Santoso datang pagi itu.",
    "Fajar, Andi Wijaya dan Rina hadir di balai desa.",
    "Inilah, Kata Menteri Soal Pajak Baru",
])
def test_a_word_alias_opening_a_sentence_is_not_an_outlet(paragraph):
    assert split_dateline(paragraph, first=True) == (paragraph, None, None)


def test_a_word_alias_line_is_not_a_byline():
    raw = "Judul Berita Tentang Pasar\n\nFajar, pemuda asal Makassar ditangkap polisi.\n\nIsi lain."
    a = clean(Article(source="t.txt", raw=raw))
    assert (a.outlet, a.text) == (None, "Fajar, pemuda asal Makassar ditangkap polisi.\n\nIsi lain.")


@pytest.mark.parametrize("written, outlet", [  # in brackets or metadata it names the outlet
    ("Fajar", "Fajar"), ("Surya", "Surya"), ("Waspada", "Waspada.id"), ("Analisa", "Harian Analisa"),
])
def test_a_word_alias_names_its_outlet_where_a_shape_gives_it(written, outlet):
    assert canonical_outlet(written) == outlet


@pytest.mark.parametrize("line", [  # page date lines whose separators vary
    "Senin, 3 Maret 2025 10:15 WIB | Dibaca 120 kali",
    "Senin (3/3/2025) 10:15 WIB",
    "2025-03-03T10:15:00+07:00",
    "Senin, 3 Maret 2025 10:15 WIB - 3 menit baca",
    "Senin / 3 Maret 2025 / 10:15 WIB",
    "Senin, 3 Maret 2025 • 10:15 WIB",
])
def test_page_date_line_shapes(line):
    a = clean(Article(source="t.txt", raw=f"Judul Berita Tentang Pasar Ikan\n{line}\n\nWarga membeli ikan, kata pedagang."))
    assert (str(a.published), a.published_from, a.text) == ("2025-03-03", "dateline", "Warga membeli ikan, kata pedagang.")


@pytest.mark.parametrize("line", [
    "Harga cabai naik - 3 Maret 2025 - kata pedagang",
    "Harga Cabai Naik / 3 Maret 2025 / Pedagang Mengeluh",
    "Warga berkumpul • 3 Maret 2025",
])
def test_a_sentence_with_a_date_is_not_a_page_date_line(line):
    a = clean(Article(source="t.txt", raw=f"Judul Berita Tentang Pasar Ikan\n{line}\n\nWarga membeli ikan, kata pedagang."))
    assert a.published_from != "dateline"
