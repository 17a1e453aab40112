"""In-memory rate limiting per client address: token buckets in a bounded LRU.

One process only; behind several workers each keeps its own buckets, which
still caps abuse at workers × rate. Memory is bounded by ``max_keys``: the
least recently seen client is forgotten first (it gets a full bucket back,
which errs on the side of letting a victim through).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable


class RateLimited(Exception):
    def __init__(self, retry_after: float, name: str = ""):
        self.retry_after = max(1, int(retry_after + 0.999))
        self.name = name
        super().__init__(f"rate limit {name}: retry after {self.retry_after}s")


class RateLimiter:
    def __init__(self, rate: int, per_seconds: float, *, max_keys: int = 10_000, name: str = "", clock: Callable[[], float] = time.monotonic):
        if rate < 1 or per_seconds <= 0:
            raise ValueError("rate must be at least 1 per positive period")
        self.capacity = float(rate)
        self.refill = rate / per_seconds  # tokens per second
        self.max_keys = max_keys
        self.name = name
        self._clock = clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    def hit(self, key: str) -> None:
        """Take one token for ``key`` or raise :class:`RateLimited`."""
        now = self._clock()
        with self._lock:
            tokens, last = self._buckets.pop(key, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - last) * self.refill)
            if tokens < 1.0:
                self._buckets[key] = (tokens, now)
                raise RateLimited((1.0 - tokens) / self.refill, self.name)
            self._buckets[key] = (tokens - 1.0, now)
            while len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=False)

    def __len__(self) -> int:
        return len(self._buckets)

    def reset(self) -> None:
        with self._lock:
            self._buckets.clear()
