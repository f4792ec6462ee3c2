"""Near-duplicate detection: MinHash signatures over word trigrams, indexed with LSH.

Only originals (articles that are not themselves near-duplicates) enter the index, so a copy
always points at the first-seen version and the index stays as small as the set of distinct
stories. Signatures are kept in the store, so detection works across separate ingest runs.
"""
from __future__ import annotations

import re
from typing import Iterable, Optional

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
THRESHOLD = 0.5         # Jaccard of word-trigram sets; unrelated news stays far below 0.1
SHINGLE = 3
_WORD = re.compile(r"\w+")
# Permutations are the same for every signature (same seed); drawing them is most of the cost
# of a fresh MinHash, so they are drawn once.
_PERMUTATIONS = MinHash(num_perm=NUM_PERM).permutations


def signature(text: str) -> MinHash:
    words = _WORD.findall(text.lower())
    shingles = {" ".join(words[i:i + SHINGLE]).encode("utf-8")
                for i in range(max(1, len(words) - SHINGLE + 1))}
    m = MinHash(num_perm=NUM_PERM, permutations=_PERMUTATIONS)
    m.update_batch(list(shingles))
    return m


def to_stored(m: MinHash) -> list[int]:
    return [int(v) for v in m.hashvalues]


def from_stored(values: Iterable[int]) -> MinHash:
    return MinHash(num_perm=NUM_PERM, permutations=_PERMUTATIONS,
                   hashvalues=np.asarray(list(values), dtype=np.uint64))


class NearDuplicateIndex:
    def __init__(self, threshold: float = THRESHOLD):
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._order: dict[str, int] = {}
        self._sigs: dict[str, MinHash] = {}

    def __len__(self) -> int:
        return len(self._order)

    def add(self, article_id: str, m: MinHash) -> None:
        if article_id in self._order:
            return
        self._order[article_id] = len(self._order)
        self._sigs[article_id] = m
        self._lsh.insert(article_id, m)

    def original_of(self, m: MinHash) -> Optional[str]:
        """Id of the first-seen article ``m`` nearly duplicates, or None."""
        candidates = sorted(self._lsh.query(m), key=self._order.__getitem__)
        for candidate in candidates:
            if self._sigs[candidate].jaccard(m) >= self.threshold:
                return candidate
        return None
