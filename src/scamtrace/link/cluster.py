"""Clustering the evidence graph into operations.

1. Nodes with few reports (≤ ``direct_max_degree``) link their reports directly:
   connected components over them give *pieces*.
2. Larger nodes are re-attached one at a time, smallest first. A node that would
   join two or more substantial clusters while holding only a marginal share of
   each is a *suspect bridge* — a crypto-ATM operator's wallet, a payment
   facilitator's descriptor, a mis-roled number — and is not used. MISP's
   correlation engine links on every common value and drowns in them; here a
   common value must be corroborated by the structure around it.

The result depends only on each connected component of the full graph, so
re-clustering the component around a new report gives what a full rebuild gives.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from scamtrace.link.graph import EvidenceGraph, IntArray
from scamtrace.link.params import LinkParams


@dataclass
class Clustering:
    labels: IntArray  # cluster label per report (dense 0..k-1); singletons have their own label
    used_node: np.ndarray  # bool per node: did it link?
    suspect_nodes: list[int] = field(default_factory=list)  # node indices held back as suspect bridges


def pieces(n_reports: int, edge_report: IntArray, edge_node: IntArray, n_nodes: int) -> IntArray:
    """Connected components of reports over the given report–node edges."""
    n = n_reports + n_nodes
    if len(edge_report) == 0:
        return np.arange(n_reports, dtype=np.int64)
    adj = coo_matrix(
        (np.ones(len(edge_report), dtype=np.int8), (edge_report, n_reports + edge_node)),
        shape=(n, n),
    ).tocsr()
    _, labels = connected_components(adj, directed=False)
    return np.asarray(labels[:n_reports], dtype=np.int64)


class _UnionFind:
    def __init__(self, sizes: IntArray) -> None:
        self.parent = list(range(len(sizes)))
        self.size = sizes.tolist()

    def find(self, x: int) -> int:
        parent = self.parent
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    def union(self, roots: list[int]) -> int:
        best = max(roots, key=lambda r: (self.size[r], -r))
        for r in roots:
            if r != best:
                self.parent[r] = best
                self.size[best] += self.size[r]
        return best


def cluster(graph: EvidenceGraph, params: LinkParams) -> Clustering:
    small = graph.node_degree[graph.edge_node] <= params.direct_max_degree
    labels = pieces(graph.n_reports, graph.edge_report[small], graph.edge_node[small], graph.n_nodes)
    _, piece = np.unique(labels, return_inverse=True)
    piece = piece.astype(np.int64)
    uf = _UnionFind(np.bincount(piece))
    used = graph.node_degree <= params.direct_max_degree

    big_mask = ~small
    e_node, e_report = graph.edge_node[big_mask], graph.edge_report[big_mask]
    order = np.argsort(e_node, kind="stable")
    e_node, e_report = e_node[order], e_report[order]
    # How many pieces each node touches: a common value spreads over many.
    spread = np.zeros(graph.n_nodes, dtype=np.int64)
    if len(e_node):
        node_piece = np.unique(np.stack([e_node, piece[e_report]], axis=1), axis=0)
        spread = np.bincount(node_piece[:, 0], minlength=graph.n_nodes)
    big_nodes = np.flatnonzero(graph.node_degree > params.direct_max_degree)
    # Smallest and most concentrated first, so clusters exist before a common
    # value is judged against them; ties by indicator id for a deterministic order.
    big_nodes = big_nodes[np.lexsort((graph.node_indicator[big_nodes], spread[big_nodes], graph.node_degree[big_nodes]))]
    bounds = np.searchsorted(e_node, big_nodes), np.searchsorted(e_node, big_nodes, side="right")

    suspects: list[int] = []
    for node, lo, hi in zip(big_nodes.tolist(), bounds[0].tolist(), bounds[1].tolist(), strict=True):
        touched: dict[int, int] = {}
        for p in piece[e_report[lo:hi]].tolist():
            root = uf.find(p)
            touched[root] = touched.get(root, 0) + 1
        if len(touched) < 2:
            used[node] = True
            continue
        marginal = [
            root
            for root, mass in touched.items()
            if uf.size[root] >= params.bridge_min_size and mass < params.bridge_max_share * uf.size[root]
        ]
        if len(marginal) >= 2:
            suspects.append(node)
            continue
        uf.union(list(touched))
        used[node] = True
    roots = np.fromiter((uf.find(p) for p in range(len(uf.parent))), dtype=np.int64, count=len(uf.parent))
    _, final = np.unique(roots[piece], return_inverse=True)
    return Clustering(labels=final.astype(np.int64), used_node=used, suspect_nodes=suspects)
