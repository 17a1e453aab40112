"""Synthetic "demo world": tech-support call centres, other scam rings and their victims' reports.

The demo, the test bed and the benchmark input of scamtrace. One call writes
a world of any size (50 to 1,000,000 reports) with its ground truth::

    from scamtrace.demo import write_world
    summary = write_world(Path("demo"), reports=10_000, seed=1)

See ``docs/demo-world.md`` for what is modelled and every trap planted.
"""

from scamtrace.demo.summary import WorldSummary
from scamtrace.demo.writer import write_world

__all__ = ["WorldSummary", "write_world"]
