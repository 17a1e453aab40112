"""Near-identical honeypot transcripts: the same recorded robocall.

Each transcript becomes a set of locality-sensitive band keys (MinHash over word
4-grams); two transcripts that share a band are near-identical. Band keys act as
indicator nodes in the evidence graph, so the linker needs no special case.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

_WORD = re.compile(r"[a-z0-9]+")
SHINGLE = 4
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


def band_keys(text: str) -> list[str]:
    """Band keys of one transcript; near-identical transcripts share at least one."""
    sh = _shingles(text)
    with np.errstate(over="ignore"):
        hashed = (sh[None, :] * _A[:, None] + _B[:, None]) & np.uint64(_MASK)
    mins = hashed.min(axis=1).reshape(BANDS, ROWS)
    return [f"b{i}:" + hashlib.blake2b(row.tobytes(), digest_size=8).hexdigest() for i, row in enumerate(mins)]
