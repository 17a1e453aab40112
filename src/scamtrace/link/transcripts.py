"""Near-identical honeypot transcripts: the same recorded robocall.

Robocall scripts are bought from the same vendors, so two call centres'
recordings can read word for word alike but for the callback number. Two
transcripts are one recording when their text is near-identical (word-bigram
Jaccard ≥ 0.8, which tolerates transcription noise) and the callback digits they
carry do not conflict. MinHash band keys find candidate pairs cheaply; each pair
is then verified, and groups of verified pairs become one indicator node each in
the evidence graph.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

_WORD = re.compile(r"[a-z0-9]+")
SHINGLE = 2
BANDS = 16
ROWS = 3
_MASK = (1 << 61) - 1
_rng = np.random.default_rng(20240611)  # fixed: band keys must be stable across runs
_A = _rng.integers(1, _MASK, size=BANDS * ROWS, dtype=np.uint64)
_B = _rng.integers(0, _MASK, size=BANDS * ROWS, dtype=np.uint64)


def _shingles(text: str) -> np.ndarray:
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        words = words + [""] * (SHINGLE - len(words))
    grams = {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
    return np.array(
        sorted(int.from_bytes(hashlib.blake2b(g.encode(), digest_size=7).digest(), "big") for g in grams),
        dtype=np.uint64,
    )


SAME_RECORDING_JACCARD = 0.8


_DIGITS = re.compile(r"\d")


def callback_digits(text: str) -> str:
    """The last seven digits the transcript reads out (empty when fewer): its callback number."""
    digits = "".join(_DIGITS.findall(text))
    return digits[-7:] if len(digits) >= 7 else ""


def shingle_set(text: str) -> frozenset[str]:
    words = _WORD.findall(text.lower())
    return frozenset(" ".join(words[i : i + SHINGLE]) for i in range(max(len(words) - SHINGLE + 1, 1)))


def same_recording_groups(texts: dict[int, str]) -> list[list[int]]:
    """Groups (of keys of ``texts``) that are transcripts of one recording; singletons omitted."""
    buckets: dict[str, list[int]] = {}
    sets: dict[int, frozenset[str]] = {}
    numbers: dict[int, str] = {}
    for key in sorted(texts):
        sets[key] = shingle_set(texts[key])
        numbers[key] = callback_digits(texts[key])
        for band in band_keys(texts[key]):
            buckets.setdefault(band, []).append(key)
    parent = {k: k for k in sets}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    checked: set[tuple[int, int]] = set()
    for members in buckets.values():
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if (a, b) in checked or find(a) == find(b):
                    continue
                checked.add((a, b))
                if numbers[a] and numbers[b] and numbers[a] != numbers[b]:
                    continue  # the same script with another callback number: another recording
                sa, sb = sets[a], sets[b]
                if len(sa & sb) >= SAME_RECORDING_JACCARD * len(sa | sb):
                    parent[find(b)] = find(a)
    groups: dict[int, list[int]] = {}
    for k in sets:
        groups.setdefault(find(k), []).append(k)
    return sorted((sorted(g) for g in groups.values() if len(g) > 1), key=lambda g: g[0])


def band_keys(text: str) -> list[str]:
    """Band keys of one transcript; near-identical transcripts share at least one."""
    sh = _shingles(text)
    with np.errstate(over="ignore"):
        hashed = (sh[None, :] * _A[:, None] + _B[:, None]) & np.uint64(_MASK)
    mins = hashed.min(axis=1).reshape(BANDS, ROWS)
    return [f"b{i}:" + hashlib.blake2b(row.tobytes(), digest_size=8).hexdigest() for i, row in enumerate(mins)]
