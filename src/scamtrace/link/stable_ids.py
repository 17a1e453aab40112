"""Operation ids that survive rebuilds.

A new cluster keeps the id of the old operation it overlaps with Jaccard ≥ 0.5
(at most one can), otherwise it gets an id derived from its earliest member's
(source, report_id), so the same data always yields the same ids.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import numpy as np

from scamtrace.link.graph import IntArray

JACCARD_KEEP = 0.5


def derived_id(source: str, report_id: str) -> str:
    return "op-" + hashlib.sha256(f"{source}\x1f{report_id}".encode()).hexdigest()[:10]


def assign_ids(
    labels: IntArray,
    keep: np.ndarray,
    old_ids: list[str | None],
    first_member_key: Callable[[int], tuple[str, str]],
) -> dict[int, str]:
    """Map each kept cluster label to an operation id.

    ``labels`` per report, ``keep`` bool per label, ``old_ids`` the previous
    operation id of each report (or None), ``first_member_key(label)`` the key of
    the cluster's first report.
    """
    sizes = np.bincount(labels)
    old_size: dict[str, int] = {}
    pair_count: dict[tuple[int, str], int] = {}
    for label, old in zip(labels.tolist(), old_ids, strict=True):
        if old is None:
            continue
        old_size[old] = old_size.get(old, 0) + 1
        if keep[label]:
            pair_count[(label, old)] = pair_count.get((label, old), 0) + 1
    out: dict[int, str] = {}
    taken: set[str] = set()
    for (label, old), inter in sorted(pair_count.items(), key=lambda kv: (-kv[1], kv[0])):
        if label in out or old in taken:
            continue
        if inter / (sizes[label] + old_size[old] - inter) >= JACCARD_KEEP:
            out[label] = old
            taken.add(old)
    for label in np.flatnonzero(keep).tolist():
        if label in out:
            continue
        candidate = derived_id(*first_member_key(label))
        n = 1
        while candidate in taken:
            n += 1
            candidate = f"{derived_id(*first_member_key(label))}-{n}"
        out[label] = candidate
        taken.add(candidate)
    return out
