"""Weak signals: aliases, brands, script phrases, lures, payment methods, the victims'
country and the hour of the call.

None links two reports on its own. Summed over a cluster and weighted by rarity
(IDF), they form the cluster's profile; two clusters that one shared value would
join are joined only if their profiles agree — two halves of one call centre
share its telecallers' aliases, its script and its shift, while two centres that
happen to use the same payment facilitator do not.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

import numpy as np
from scipy.sparse import csr_matrix

SEPARATOR = "|"


def weak_tokens(indicators: Iterable[Any], facts: dict[str, Any], country: str | None, incident_utc: datetime | None) -> str:
    """The report's weak signals as one ``|``-separated string, stored with the report."""
    tokens: set[str] = set()
    for ind in indicators:
        kind = getattr(ind.kind, "value", ind.kind)
        if kind in ("alias", "brand") and ind.role != "victim":
            tokens.add(f"{kind[0]}:{ind.value.lower()}")
    for key, prefix in (("script", "s"), ("lures", "l"), ("tools", "t")):
        for value in facts.get(key) or ():
            tokens.add(f"{prefix}:{value}")
    for pay in facts.get("payments") or ():
        if isinstance(pay, dict) and pay.get("method"):
            tokens.add(f"p:{pay['method']}")
    if country:
        tokens.add(f"c:{country}")
    if incident_utc is not None:
        tokens.add(f"h:{incident_utc.hour // 3}")  # three-hour bins of the call in UTC: the shift
    return SEPARATOR.join(sorted(t.replace(SEPARATOR, " ") for t in tokens))


def weak_matrix(token_strings: Sequence[str | None]) -> csr_matrix:
    """Reports × tokens, each cell the token's IDF (rarer signals weigh more)."""
    vocab: dict[str, int] = {}
    indptr = [0]
    cols: list[int] = []
    for s in token_strings:
        if s:
            for tok in s.split(SEPARATOR):
                cols.append(vocab.setdefault(tok, len(vocab)))
        indptr.append(len(cols))
    n = len(token_strings)
    data = np.ones(len(cols), dtype=np.float64)
    m = csr_matrix((data, np.asarray(cols, dtype=np.int64), np.asarray(indptr, dtype=np.int64)), shape=(n, max(len(vocab), 1)))
    m.sum_duplicates()
    m.data[:] = 1.0
    df = np.bincount(m.indices, minlength=m.shape[1]).astype(np.float64)
    idf = np.log((n + 1) / (df + 1)) + 1.0
    m.data *= idf[m.indices]
    return m


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    na = float(np.linalg.norm(a))
    nb = float(np.linalg.norm(b))
    if na == 0.0 or nb == 0.0 or math.isnan(na) or math.isnan(nb):
        return float("nan")
    return float(a @ b) / (na * nb)
