"""Link reports into operations: evidence graph, clustering, stable ids, explanations.

The algorithm works on arrays (report index, node id) and never holds a database
connection; :mod:`scamtrace.services.linking` feeds it from the store, and an
engine adapter can run the same steps elsewhere.
"""

from scamtrace.link.cluster import Clustering, cluster
from scamtrace.link.graph import EvidenceGraph, build_graph
from scamtrace.link.params import LinkParams

__all__ = ["Clustering", "EvidenceGraph", "LinkParams", "build_graph", "cluster"]
