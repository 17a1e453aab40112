"""Undo defanging (``hxxp``, ``[.]``, ``(dot)``, `` dot ``, ``[at]``) with an offset map.

Web, e-mail and IP patterns run over the refanged text; spans found there are
mapped back so that roles and masking refer to the original narrative.
"""

from __future__ import annotations

import re
from bisect import bisect_right

# Offsets survive this table: every character maps to exactly one.
_SAME_LENGTH = str.maketrans(
    {
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
        "\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u202f": " ", "\u200b": " ", "\t": " ",
        "\uff0e": ".", "\u3002": ".", "\uff20": "@", "\uff1a": ":",
        "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
    }
)  # fmt: skip

_BRACKETED = re.compile(
    r"[\[\(\{] ?(?:\.|dot|DOT|Dot) ?[\]\)\}]"
    r"|[\[\(\{] ?(?:@|at|AT|At) ?[\]\)\}]"
    r"|\[:\]|\[://\]|\[/\]"
    r"|\b[hH][xX]{2}(?=[pP][sS]?(?:\[?:\]?|\[://\]))|\b[hH][xX]{2}[sS][pP](?=:)"
)
# " dot " and " . " only when what follows the last separator is a TLD.
_SPACED_DOTS = re.compile(
    r"(?<![A-Za-z0-9-])[A-Za-z0-9-]{1,63}(?:[ ]{1,2}(?:dot|DOT|Dot)[ ]{1,2}[A-Za-z0-9-]{1,63}"
    r"|[ ]{1,2}\.[ ]{0,2}[a-z0-9-]{1,63}){1,4}"
)
_SPACED_PROBE = re.compile(r" \.| dot ")
_BRACKET_GATE = re.compile(r"[\[({] ?(?:[.@:/]|dot|at)")
_SEP = re.compile(r"[ ]{1,2}(?:dot|DOT|Dot)[ ]{1,2}|[ ]{0,2}\.[ ]{0,2}")
# Spaced plain dots are accepted only before these (a sentence ends with ". "
# far more often than a domain is written "site . com").
_SPACED_DOT_TLDS = frozenset(
    "com net org info biz xyz online site top live support tech shop store club services help".split()
)
_DOT_WORD_TLDS = _SPACED_DOT_TLDS | frozenset(
    "co uk us ca au in io me app dev pro link click cloud ru cn de fr nl eu tk ml ga cf gq".split()
)
_AT_SPACED = re.compile(
    r"(?<=[A-Za-z0-9._-])[ ]{1,2}(?:at|AT)[ ]{1,2}(?=[A-Za-z0-9-]{1,63}[ ]{1,2}(?:dot|DOT)[ ]{1,2})"
)


# Any character the table maps; "\t" is its only ASCII one.
_NEEDS_TABLE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_SAME_LENGTH)) + "]")


def prepare(text: str) -> str:
    """Same-length normalisation of dashes, spaces and quotes."""
    # str.translate with a dict raises and clears a KeyError per distinct unmapped character:
    # most texts need no mapping at all, and ASCII ones at most the tab.
    if text.isascii():
        return text.replace("\t", " ") if "\t" in text else text
    return text.translate(_SAME_LENGTH) if _NEEDS_TABLE.search(text) else text


class Refanged:
    """``text`` with defanging undone, and a map from its offsets to the original's."""

    __slots__ = ("_new_starts", "_old_starts", "changed", "original", "text")

    def __init__(self, original: str) -> None:
        self.original = original
        self._new_starts: list[int] = []
        self._old_starts: list[int] = []
        edits = self._edits(original)
        self.changed = bool(edits)
        if not edits:
            self.text = original
            return
        parts: list[str] = []
        pos = new_pos = 0
        for start, end, repl in edits:
            parts.append(original[pos:start])
            new_pos += start - pos
            self._old_starts.append(start)
            self._new_starts.append(new_pos)
            parts.append(repl)
            new_pos += len(repl)
            pos = end
            # After the replacement, offsets line up again from ``end``.
            self._old_starts.append(end)
            self._new_starts.append(new_pos)
        parts.append(original[pos:])
        self.text = "".join(parts)

    @staticmethod
    def _edits(text: str) -> list[tuple[int, int, str]]:
        lower_probe = text.lower()
        if not (
            "hxx" in lower_probe
            or " dot " in lower_probe
            or " ." in text
            or _BRACKET_GATE.search(lower_probe)
        ):
            return []  # none of the triggers below: nothing to undo (most texts)
        edits: list[tuple[int, int, str]] = []
        if "hxx" in lower_probe or _BRACKET_GATE.search(lower_probe):
            for m in _BRACKETED.finditer(text):
                token = m.group(0).lower().strip("[](){} ")
                if m.group(0).lower() == "hxxsp":
                    repl = "https"  # a common slip for "hxxps"
                elif m.group(0).lower().startswith("hxx"):
                    repl = "htt"
                elif token in (".", "dot"):
                    repl = "."
                elif token in ("@", "at"):
                    repl = "@"
                elif token == "://":
                    repl = "://"
                else:
                    repl = token
                edits.append((m.start(), m.end(), repl))
        spaced = (
            [m.start() for m in _SPACED_PROBE.finditer(lower_probe)]
            if (" ." in text or " dot " in lower_probe)
            else []
        )
        done_until = -1
        for at in spaced:
            if at < done_until:
                continue
            for m in _SPACED_DOTS.finditer(text, max(0, at - 64), at + 72):
                if m.end() <= done_until:
                    continue
                chunk = m.group(0)
                if " " not in chunk:
                    continue
                labels = _SEP.split(chunk)
                last = labels[-1]
                spaced_plain = "dot" not in chunk.lower()
                allowed = _SPACED_DOT_TLDS if spaced_plain else _DOT_WORD_TLDS
                if last not in allowed or not all(labels):
                    continue
                for sep in _SEP.finditer(chunk):
                    if sep.group(0) != ".":
                        edits.append((m.start() + sep.start(), m.start() + sep.end(), "."))
                done_until = m.end()
        if " at " in lower_probe and " dot " in lower_probe:
            edits.extend((m.start(), m.end(), "@") for m in _AT_SPACED.finditer(text))
        edits.sort()
        merged: list[tuple[int, int, str]] = []
        last_end = -1
        for edit in edits:
            if edit[0] >= last_end:
                merged.append(edit)
                last_end = edit[1]
        return merged

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of :attr:`text` back to the original text."""
        if not self.changed:
            return start, end
        return self._map(start, False), self._map(end, True)

    def _map(self, pos: int, is_end: bool) -> int:
        i = bisect_right(self._new_starts, pos) - 1
        if i < 0:
            return pos
        old, new = self._old_starts[i], self._new_starts[i]
        if i % 2 == 0:
            # Inside a replacement: snap to its edge.
            return self._old_starts[i + 1] if is_end and pos > new else old
        return old + (pos - new)
