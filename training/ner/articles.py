"""Entities of real articles as JSON Lines, for scoring against gold with score.py.

    python training/ner/articles.py ../shared/corpus/seeds/*.txt > /tmp/seeds.jsonl
    python ../shared/tools/score.py ../shared/gold/seeds.gold.json /tmp/seeds.jsonl --show entities

Each article is read (warta.sources.read) and cleaned (warta.pipeline.prepare) as
`warta extract` does; the NER pipeline then runs on the clean text.
"""

from __future__ import annotations

import json
import sys

from warta import nlp
from warta.errors import InputError
from warta.pipeline import prepare
from warta.sources import read


def main(paths: list[str]) -> None:
    for item in read(paths):
        if isinstance(item, InputError):
            print(f"skipped {item.source}: {item.reason}", file=sys.stderr)
            continue
        article = prepare(item)
        ents = nlp.entities(article.text)
        print(json.dumps({"source": article.source, "entities": [e.to_dict() for e in ents]},
                         ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])
