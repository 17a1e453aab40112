"""One pass over a narrative's words for every vocabulary the families need.

Lures, script phrases, tool names, brand names and the words that open an
alias or a card descriptor are all looked up in a single dictionary walk over
the tokens; each family then reads its own matches instead of scanning again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from scamtrace.extract.phrases import PhraseMatcher, Tokens

_UPPER_RUN = re.compile(r"[A-Z]{3,}")
_LOWER_RUN = re.compile(r"[a-z]{3,}")


class Found(NamedTuple):
    label: str
    start: int  # character offsets in the narrative
    end: int
    first: int  # token indexes
    last: int


class Scan:
    """What the vocabulary pass found in one text (read-only by convention; a plain class is cheaper)."""

    __slots__ = ("_labels", "found", "shouting", "text", "tokens")

    def __init__(
        self,
        text: str,
        tokens: Tokens,
        found: dict[str, list[Found]],
        shouting: bool,
        labels: dict[str, set[str]] | None = None,
    ) -> None:
        self.text = text
        self.tokens = tokens
        self.found = found
        self.shouting = shouting  # written mostly in capitals
        self._labels = labels or {}  # families read only for their labels: no offsets kept

    def of(self, family: str) -> list[Found]:
        return self.found.get(family, [])

    def labels(self, family: str) -> set[str]:
        if family in self._labels:
            return set(self._labels[family])
        return {f.label for f in self.found.get(family, ())}


def is_shouting(text: str) -> bool:
    """Written mostly in capitals? Judged on the first 300 characters: enough, and cheap."""
    if sum(map(str.islower, text[:40])) > 8:
        return False
    head = text[:300]
    return len(_UPPER_RUN.findall(head)) > 2 * len(_LOWER_RUN.findall(head)) + 2


_new = tuple.__new__


class Vocabulary:
    def __init__(
        self,
        families: Mapping[str, Mapping[str, Iterable[str]]],
        label_only: Iterable[str] = (),
    ) -> None:
        """``label_only`` families are read with :meth:`Scan.labels` alone (``Scan.of`` gives
        nothing for them): their matches are kept as labels, without offsets."""
        only = frozenset(label_only)
        table: dict[tuple[str, str, bool], list[str]] = {}
        for family, labels in families.items():
            for label, phrases in labels.items():
                table[(family, label, family in only)] = list(phrases)
        self._matcher = PhraseMatcher(table)

    def scan(self, text: str) -> Scan:
        tokens = Tokens.of(text)
        found: dict[str, list[Found]] = {}
        labels: dict[str, set[str]] = {}
        words = tokens.words
        raw = self._matcher.scan_sorted(words)
        if raw:
            ends: list[int] | None = None
            get = found.get
            for first, _, (family, label, label_only), last in raw:
                if label_only:
                    named = labels.get(family)
                    if named is None:
                        labels[family] = {label}
                    else:
                        named.add(label)
                    continue
                if ends is None:
                    ends = tokens.ends()
                bucket = get(family)
                if bucket is None:
                    bucket = found[family] = []
                # tuple.__new__ builds the named tuple in C: a third of the cost of calling Found(...).
                bucket.append(
                    _new(
                        Found, (label, ends[first] - len(words[first]), ends[last - 1], first, last)
                    )
                )
        return Scan(text, tokens, found, is_shouting(text), labels)
