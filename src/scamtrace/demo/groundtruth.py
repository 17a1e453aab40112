"""The indicators planted in each report, with their true roles.

Written to ``indicators.csv`` so extraction and role assignment can be
scored, not only linking. Values are canonical as in ``spec/indicators.md``
(E.164 phones, lower-case e-mail, ``scheme:…`` accounts); ``trap`` names the
pitfall a value was planted for.
"""

from __future__ import annotations

from scamtrace.demo.timeline import Item

Row = tuple[str, str, str, str, str]  # kind, value, role, trap, where


class Mentions:
    """Indicators of one report, first mention wins, in order of appearance."""

    __slots__ = ("rows", "seen")

    def __init__(self) -> None:
        self.rows: list[Row] = []
        self.seen: set[tuple[str, str]] = set()

    def add(
        self, kind: str, value: str, role: str, trap: str = "", where: str = "narrative"
    ) -> None:
        key = (kind, value)
        if key not in self.seen:
            self.seen.add(key)
            self.rows.append((kind, value, role, trap, where))

    def item(self, item: Item, where: str = "narrative", kind: str = "") -> None:
        """A scammer-side infrastructure item (counts its mentions for centres.json)."""
        if (kind or item.kind, item.value) not in self.seen:
            item.mentions += 1
        self.add(kind or item.kind, item.value, "scammer", item.trap, where)
