"""Keyword alternations that Python's ``re`` can scan fast.

A pattern such as ``\\b(?:call|phone|…)`` gives ``re`` nothing to skip text
with: it tries every alternative at every word start. Written as
``c(?<!\\wc)(?:all)|p(?<!\\wp)(?:hone)|…`` (the lookbehind after the first
letter says what ``\\b`` said before it), the pattern opens on a set of
letters, so ``re`` skips in C to the next position where one of them stands,
and there tries only the alternatives of that letter. Alternatives that
start with different letters never match at the same position, so grouping
them by letter, in their original order within a letter, matches exactly
what the plain alternation matched.
"""

from __future__ import annotations

import re
from collections.abc import Sequence


def keyword_alternation(
    kinds: Sequence[tuple[Sequence[str], str]], capture: bool = True
) -> tuple[str, list[int]]:
    """A pattern equivalent to ``\\b(?:(A…)SA|(B…)SB|…)``, opening on the alternatives' first letters.

    ``kinds`` lists, in order, each kind's alternatives (regex fragments that start
    with a plain lower-case letter) and a suffix pattern that follows that kind's
    alternatives. Returns the pattern (no flags: case must be handled by the caller)
    and, for each group number the pattern defines, the index of its kind; the
    kind that matched is ``kinds[index[m.lastindex - 1]]``.
    """
    letters: dict[str, list[tuple[int, list[str]]]] = {}
    for kind, (alternatives, _) in enumerate(kinds):
        for alternative in alternatives:
            first = alternative[0]
            if not ("a" <= first <= "z") or alternative[1:2] in ("?", "*", "+", "{"):
                raise ValueError(f"must start with a plain letter: {alternative!r}")
            per_kind = letters.setdefault(first, [])
            if not per_kind or per_kind[-1][0] != kind:
                if any(k == kind for k, _ in per_kind):
                    raise ValueError("alternatives of one kind must be contiguous per letter")
                per_kind.append((kind, []))
            per_kind[-1][1].append(alternative[1:])
    branches: list[str] = []
    group_kinds: list[int] = []
    for letter, per_kind in letters.items():
        inner: list[str] = []
        for kind, rests in per_kind:
            group_kinds.append(kind)
            inner.append(("(" if capture else "(?:") + "|".join(rests) + ")" + kinds[kind][1])
        branches.append(f"{letter}(?<!\\w{letter})(?:" + "|".join(inner) + ")")
    return "(?:" + "|".join(branches) + ")", group_kinds


def compile_keywords(
    kinds: Sequence[tuple[Sequence[str], str]], after: str = "", flags: int = 0
) -> tuple[re.Pattern[str], list[int]]:
    pattern, group_kinds = keyword_alternation(kinds)
    return re.compile(pattern + after, flags), group_kinds


def lower_keywords(
    alternatives: Sequence[str], before: str = "", after: str = ""
) -> re.Pattern[str]:
    """Case-sensitive ``before\b(?:alternatives)after`` for lower-cased text (see :func:`safe_lower`)."""
    pattern, _ = keyword_alternation(((alternatives, ""),), capture=False)
    return re.compile(before + pattern + after)


# Characters that re.IGNORECASE matches to an ASCII letter while str.lower() does not give that
# letter: "İ" (lower-cases to two characters), "ı" and "ſ" (re's extra equivalences of i and s).
# The Kelvin sign lower-cases to "k" both ways.
_CASE_TRAPS = re.compile("[\u0130\u0131\u017f]")


def case_safe(text: str) -> bool:
    """May IGNORECASE patterns of ASCII letters be run lower-case on ``text`` (or any slice of it)?"""
    return text.isascii() or _CASE_TRAPS.search(text) is None


def safe_lower(text: str) -> str | None:
    """``text.lower()`` when an IGNORECASE pattern of ASCII letters matches it exactly as the
    lower-case pattern matches the lower-cased text (same offsets too), else ``None``."""
    if text.isascii() or _CASE_TRAPS.search(text) is None:
        return text.lower()
    return None


def case_sensitive(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` without IGNORECASE, for lower-cased text: its letters must all be lower case."""
    source = pattern.pattern
    if any(c.isupper() for c in source):
        raise ValueError(f"upper case in pattern: {source!r}")
    return re.compile(source, pattern.flags & ~re.IGNORECASE)
