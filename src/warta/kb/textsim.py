"""Text similarity for near-duplicates: MinHash signatures of word shingles (datasketch)."""

from __future__ import annotations

import functools
import hashlib
import re

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 64
SCHEME = "affine32"   # datasketch 2: 32-bit values, stored as 4 bytes each
SHINGLE = 3        # words per shingle
NEAR_DUPLICATE = 0.5  # estimated Jaccard (word 3-shingles) from which two texts are near-duplicates:
# a light rewrite (a dozen words changed in 300) scores about 0.75 (sample corpus), two
# outlets' own reports of one event at most 0.15 (the 15 seed and dev articles, measured)
_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return {" ".join(words).encode()}
    return {" ".join(words[i:i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


@functools.cache
def _permutations():
    """The permutations of seed 1, made once (datasketch draws them again for each MinHash)."""
    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME).permutations


def minhash(text: str) -> MinHash:
    m = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, permutations=_permutations())
    m.update_batch(list(shingles(text)))
    return m


def signature(text: str) -> bytes:
    """The MinHash signature of ``text`` as bytes (stored with the article)."""
    return minhash(text).hashvalues.astype(np.uint32).tobytes()


def from_signature(blob: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME,
                   hashvalues=np.frombuffer(blob, dtype=np.uint32))


def jaccard(a: bytes, b: bytes) -> float:
    """The estimated Jaccard of two stored signatures (the share of equal hash values, as
    ``MinHash.jaccard``), without building MinHash objects."""
    return float(np.mean(np.frombuffer(a, dtype=np.uint32) == np.frombuffer(b, dtype=np.uint32)))


def similar_pairs(signatures: dict[int, bytes], threshold: float = 0.3) -> dict[tuple[int, int], float]:
    """Pairs of ids whose texts' estimated Jaccard is at least ``threshold`` (via LSH)."""
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    hashes = {i: from_signature(b) for i, b in signatures.items() if b}
    pairs: dict[tuple[int, int], float] = {}
    for i, m in hashes.items():
        for j in lsh.query(m):
            key = (min(i, j), max(i, j))
            pairs[key] = m.jaccard(hashes[j])
        lsh.insert(i, m)
    return pairs


# ------------------------------------------------------------------ stored LSH bands (issue 16)

def _lsh_shape(threshold: float = 0.3) -> tuple[int, int]:
    """datasketch's (bands, rows) for ``threshold``: the same candidates as ``similar_pairs``."""
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    return lsh.b, lsh.r


_SHAPE = _lsh_shape()


def bands(blob: bytes | None) -> list[tuple[int, int]]:
    """The LSH bands of a stored signature as ``(band, key)``: two signatures are text
    candidates when they share one (as in ``MinHashLSH`` at threshold 0.3); ``key`` is a
    signed 64-bit digest of the band's values, so it fits a BIGINT column."""
    if not blob:
        return []
    b, r = _SHAPE
    out = []
    for i in range(b):
        part = blob[4 * i * r: 4 * (i + 1) * r]
        out.append((i, int.from_bytes(hashlib.blake2b(part, digest_size=8).digest(), "big", signed=True)))
    return out
