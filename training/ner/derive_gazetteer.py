"""Derive warta's gazetteer (src/warta/lang/id/gazetteer.tsv) from the DBpedia name lists.

    python training/ner/derive_gazetteer.py ../shared/data/ner/gazetteer
    python training/ner/derive_gazetteer.py - --common ../shared/data/ner   # common_words.tsv
    python training/ner/derive_gazetteer.py --regencies                     # regencies.tsv only

Keeps names of two to five words, every word capitalised (or a number), no brackets, and
single-word organisation names that are not ordinary words (run --common first); drops
names found in more than one list (ambiguous type).  Output: name<TAB>type, sorted.
The one-word people and places (capitalised, three letters or more, of one list only) go
to gazetteer_words.tsv: the model's gazetteer features (warta.nlp.features) use them, the
rules do not.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

LISTS = {"dbpedia-person.txt": "PER", "dbpedia-organization.txt": "ORG",
         "dbpedia-place.txt": "LOC"}
WORD = re.compile(r"^(?:[A-Z][\w'’.&-]*|\d[\w.]*)$")
OUT = Path(__file__).resolve().parents[2] / "src" / "warta" / "lang" / "id" / "gazetteer.tsv"
COMMON_OUT = OUT.with_name("common_words.tsv")
WORDS_OUT = OUT.with_name("gazetteer_words.tsv")
REGENCIES_OUT = OUT.with_name("regencies.tsv")
REGENCY = "Kabupaten"  # the DBpedia place list names a regency "Kabupaten X"


def keep(name: str, label: str, common: set[str]) -> bool:
    """Multi-word names; single words only for organisations, and not ordinary words."""
    words = name.split()
    if len(words) == 1:
        return label == "ORG" and WORD.match(name) is not None and len(name) > 2 \
            and name.lower() not in common
    return 2 <= len(words) <= 5 and all(WORD.match(w) for w in words) and "\t" not in name


def main(folder: str) -> None:
    types: dict[str, set[str]] = {}
    common = set(COMMON_OUT.read_text(encoding="utf-8").split()) if COMMON_OUT.is_file() else set()
    for file, label in LISTS.items():
        for line in (Path(folder) / file).read_text(encoding="utf-8").splitlines():
            name = unicodedata.normalize("NFC", " ".join(line.split()))
            types.setdefault(name, set()).add(label)
    words = sorted(f"{n}\t{next(iter(t))}" for n, t in types.items()
                   if len(t) == 1 and " " not in n and next(iter(t)) != "ORG"
                   and WORD.match(n) and len(n) > 2)
    WORDS_OUT.write_text("# One-word people and places of the DBpedia name lists (MDEE gazetteer,\n"
                         "# Alfina et al. 2017), derived by training/ner/derive_gazetteer.py;\n"
                         "# name<TAB>type.  Used as model features only (warta.nlp.features).\n"
                         + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} one-word names → {WORDS_OUT}")
    types = {n: t for n, t in types.items() if len(t) > 1 or keep(n, next(iter(t)), common)}
    rows = sorted(f"{n}\t{next(iter(t))}" for n, t in types.items() if len(t) == 1)
    header = ("# Derived from the DBpedia name lists (MDEE gazetteer, Alfina et al. 2017) by\n"
              "# training/ner/derive_gazetteer.py: name<TAB>type; multi-word names, and single-word\n"
              "# organisation names that are not ordinary words (common_words.tsv).\n")
    OUT.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} names → {OUT}")
    derive_regencies()


def derive_regencies() -> None:
    """regencies.tsv: the X of every "Kabupaten X" place of gazetteer.tsv (the regencies a
    city or regency list needs: warta.nlp.gazetteer.regional_places, the datelines)."""
    names = sorted({line.split("\t")[0].split(" ", 1)[1]
                    for line in OUT.read_text(encoding="utf-8").splitlines()
                    if line.startswith(REGENCY + " ") and line.endswith("\tLOC")})
    REGENCIES_OUT.write_text("# The regencies of the DBpedia place list (its \"Kabupaten X\" names), derived\n"
                             "# by training/ner/derive_gazetteer.py from gazetteer.tsv; one name a line.\n"
                             + "\n".join(names) + "\n", encoding="utf-8")
    print(f"{len(names)} regencies → {REGENCIES_OUT}")


if __name__ == "__main__" and sys.argv[1:] == ["--regencies"]:
    derive_regencies()
elif __name__ == "__main__" and len(sys.argv) == 2:
    main(sys.argv[1])


def derive_common_words(sentences, min_lower: int = 3, max_capital_share: float = 0.1) -> list[str]:
    """Words written lower-case at least ``min_lower`` times and capitalised inside a
    sentence at most ``max_capital_share`` as often: a capitalised one at a sentence's
    start is an ordinary word, not a name ("Melansir", "Euforia")."""
    from collections import Counter

    lower, capital = Counter(), Counter()
    for words in sentences:
        for i, w in enumerate(words):
            if not w.isalpha():
                continue
            if w.islower():
                lower[w] += 1
            elif i > 0 and w[0].isupper():
                capital[w.lower()] += 1
    return sorted(w for w, n in lower.items()
                  if n >= min_lower and capital[w] <= max_capital_share * n)


def main_common(data: str) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
    from warta.training.ner import label_map, load_set, nlp_id_sentences

    mapping = label_map(Path(__file__).resolve().parent / "labels.yaml")
    sentences = [w for name, spec in mapping.items() if spec.get("cased", True)
                 for w, _ in load_set(Path(data), name, spec, "train")]
    sentences += nlp_id_sentences()
    words = derive_common_words(sentences)
    header = ("# Ordinary words (derived by training/ner/derive_gazetteer.py from the NER train\n"
              "# splits and the nlp-id sentences): written lower-case, rarely capitalised\n"
              "# inside a sentence.  Capitalised at a sentence's start they are no name.\n")
    COMMON_OUT.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} common words → {COMMON_OUT}")


if __name__ == "__main__" and len(sys.argv) > 2 and sys.argv[2] == "--common":
    main_common(sys.argv[3])
