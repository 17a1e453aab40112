"""Infrastructure over time: items with active windows, chained so they overlap.

A centre never swaps every number on the same day: it buys the next one
while the last still rings. Chains of overlapping windows are what connect a
centre's early victims to its late ones, through values no two of them
share directly. Lookups happen in day order, so each is a bisect on a short
list.
"""

from __future__ import annotations

import random
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True, eq=False)
class Item:
    """One piece of infrastructure in use between ``start`` and ``end`` (days, inclusive).

    ``value`` is the canonical linking value (``spec/indicators.md``); ``data``
    keeps what is needed to write it (a Number, WebSite, Account or text).
    ``trap`` marks values placed to mislead a naive linker (``recycled``, ``hub``).
    """

    kind: str
    value: str
    start: int
    end: int
    data: Any
    note: str = ""
    trap: str = ""
    shared_with: list[str] = field(default_factory=list)
    mentions: int = 0
    must_show: bool = False


@dataclass(slots=True)
class Chain:
    starts: list[int] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)

    def active(self, rng: random.Random, day: int) -> Item | None:
        i = bisect_right(self.starts, day) - 1
        if i < 0:
            return self.items[0] if self.items else None
        current = self.items[i]
        if i > 0:
            previous = self.items[i - 1]
            # In the overlap both are live; the old one still gets some traffic.
            if previous.end >= day and rng.random() < 0.35:
                return previous
        return current


def build_chain(
    rng: random.Random,
    start: int,
    end: int,
    duration: tuple[int, int],
    make: Callable[[], tuple[str, str, Any, str]],
) -> Chain:
    """Items covering ``start``…``end``: each lasts a random duration, the next
    starts before it ends. ``make`` returns (kind, value, data, note)."""
    chain = Chain()
    lo, hi = duration
    t = start - rng.randint(0, max(1, lo // 2))
    while True:
        length = rng.randint(lo, hi)
        kind, value, data, note = make()
        item = Item(kind, value, t, t + length, data, note)
        chain.starts.append(t)
        chain.items.append(item)
        if t + length >= end:
            break
        overlap = int(length * rng.uniform(0.1, 0.35))
        t = t + length - overlap
    return chain


@dataclass(slots=True)
class Slot:
    """Parallel chains of one kind of infrastructure (e.g. US callback numbers)."""

    chains: list[Chain] = field(default_factory=list)

    def pick(self, rng: random.Random, day: int) -> Item | None:
        if not self.chains:
            return None
        chain = self.chains[0] if len(self.chains) == 1 else rng.choice(self.chains)
        return chain.active(rng, day)

    def items(self) -> list[Item]:
        return [item for chain in self.chains for item in chain.items]
