"""A candidate indicator before its role is settled.

Family modules return :class:`Hit` objects; :mod:`scamtrace.extract.roles`
turns them into :class:`~scamtrace.domain.Indicator` values.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from scamtrace.domain.indicator import Kind, Role

# How sure a role is: a curated list or a structured field beats a phrase in
# the narrative, which beats the default for the kind.
FIXED = 3
CUED = 2
DEFAULT = 1


@dataclass(slots=True)
class Hit:
    kind: Kind
    value: str
    field: str = "narrative"
    span: tuple[int, int] | None = None
    flags: set[str] = dataclasses.field(default_factory=set)
    role: Role | None = None
    strength: int = 0

    def fix(self, role: Role, strength: int = FIXED) -> Hit:
        self.role = role
        self.strength = strength
        return self
