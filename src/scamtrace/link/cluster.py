"""Clustering the evidence graph into operations.

1. Nodes with few reports (≤ ``direct_max_degree``) link their reports directly:
   connected components over them give *pieces*.
2. Larger nodes are re-attached one at a time, smallest and most concentrated
   first. A node that would join two or more *substantial* clusters joins them
   only if their weak-signal profiles agree (aliases, script, shift, targeted
   countries — :mod:`scamtrace.link.weak`); otherwise it is a *suspect bridge* —
   a crypto-ATM operator's wallet, a payment facilitator's descriptor, a
   mis-roled number — and is not used. MISP's correlation engine links on every
   common value and drowns in them; here a common value must be corroborated.
   Without weak signals, a node marginal to two substantial clusters is suspect.

The result depends only on each connected component of the full graph, so
re-clustering the component around a new report gives what a full rebuild gives.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from scipy.sparse import coo_matrix, csr_matrix
from scipy.sparse.csgraph import connected_components

from scamtrace.link.bridges import cut_parts
from scamtrace.link.graph import EvidenceGraph, IntArray
from scamtrace.link.params import LinkParams
from scamtrace.link.weak import cosine


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


class _Profiles:
    """Weak-signal profiles of clusters, computed only for clusters a decision touches."""

    def __init__(self, weak: csr_matrix, piece: IntArray, n_pieces: int) -> None:
        membership = csr_matrix(
            (np.ones(len(piece)), (piece, np.arange(len(piece)))), shape=(n_pieces, len(piece))
        )
        self.piece_profile = (membership @ weak).tocsr()
        self.pieces_of: dict[int, list[int]] = {}
        self.cache: dict[int, np.ndarray] = {}

    def members(self, root: int) -> list[int]:
        return self.pieces_of.get(root, [root])

    def of(self, root: int) -> np.ndarray:
        if root not in self.cache:
            rows = self.piece_profile[self.members(root)]
            self.cache[root] = np.asarray(rows.sum(axis=0)).ravel()
        return self.cache[root]

    def merged(self, best: int, roots: list[int]) -> None:
        pieces: list[int] = []
        for r in roots:
            pieces.extend(self.members(r))
            self.pieces_of.pop(r, None)
        self.pieces_of[best] = pieces
        cached = [self.cache.pop(r) for r in roots if r in self.cache]
        if len(cached) == len(roots):  # else recomputed from the pieces when next needed
            self.cache[best] = np.sum(cached, axis=0)


def cluster(graph: EvidenceGraph, params: LinkParams, weak: csr_matrix | None = None) -> Clustering:
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

    profiles = _Profiles(weak, piece, len(uf.parent)) if weak is not None and weak.shape[0] == graph.n_reports else None
    suspects: list[int] = []
    for node, lo, hi in zip(big_nodes.tolist(), bounds[0].tolist(), bounds[1].tolist(), strict=True):
        touched: dict[int, int] = {}
        for p in piece[e_report[lo:hi]].tolist():
            root = uf.find(p)
            touched[root] = touched.get(root, 0) + 1
        if len(touched) < 2:
            used[node] = True
            continue
        if _is_suspect(touched, uf, profiles, params):
            suspects.append(node)
            continue
        roots = list(touched)
        best = uf.union(roots)
        if profiles is not None:
            profiles.merged(best, roots)
        used[node] = True
    final_roots = np.fromiter((uf.find(p) for p in range(len(uf.parent))), dtype=np.int64, count=len(uf.parent))
    _, final = np.unique(final_roots[piece], return_inverse=True)
    labels = final.astype(np.int64)
    if weak is not None and weak.shape[0] == graph.n_reports:
        labels = _split_at_cuts(graph, labels, used, suspects, weak, params)
    return Clustering(labels=labels, used_node=used, suspect_nodes=suspects)


def _split_at_cuts(graph: EvidenceGraph, labels: IntArray, used: np.ndarray, suspects: list[int], weak: csr_matrix, params: LinkParams) -> IntArray:
    """Post-pass over large clusters: split at cut values joining parts that disagree."""
    min_size = params.bridge_min_size
    sizes = np.bincount(labels)
    large = np.flatnonzero(sizes >= 2 * min_size)
    if len(large) == 0:
        return labels
    keep_edge = used[graph.edge_node]
    e_report, e_node = graph.edge_report[keep_edge], graph.edge_node[keep_edge]
    e_label = labels[e_report]
    changed = False
    for lab in large.tolist():
        sel = e_label == lab
        reports_in = np.flatnonzero(labels == lab)
        local_r = np.searchsorted(reports_in, e_report[sel])
        nodes_in, local_n = np.unique(e_node[sel], return_inverse=True)
        while True:
            cuts = cut_parts(len(reports_in), local_r, local_n, len(nodes_in), min_size)
            candidates = [(node, p) for node, p in cuts.items() if len(p) >= 2 and p[1] >= min_size]
            split_node = None
            for node, _p in sorted(candidates, key=lambda c: (-c[1][1], int(nodes_in[c[0]]))):
                keep = local_n != node
                part = pieces(len(reports_in), local_r[keep], local_n[keep], len(nodes_in))
                counts = np.bincount(part)
                big = np.argsort(-counts, kind="stable")[:2]
                mass = np.bincount(part[local_r[~keep]], minlength=len(counts))
                # one value holding a sliver of each of two large parts is no proof they are one centre
                marginal = all(mass[b] < params.bridge_max_share * counts[b] for b in big)
                a = np.asarray(weak[reports_in[part == big[0]]].sum(axis=0)).ravel()
                b = np.asarray(weak[reports_in[part == big[1]]].sum(axis=0)).ravel()
                if marginal or not cosine(a, b) >= params.bridge_min_similarity:
                    split_node = node
                    break
            if split_node is None:
                break
            global_node = int(nodes_in[split_node])
            used[global_node] = False
            suspects.append(global_node)
            keep = local_n != split_node
            local_r, local_n = local_r[keep], local_n[keep]
            changed = True
            # the parts may now be disconnected: keep searching each (they are searched together
            # here since cut_parts assumes one component; re-run on the largest part only)
            part = pieces(len(reports_in), local_r, local_n, len(nodes_in))
            largest = np.argmax(np.bincount(part))
            mask = part[local_r] == largest
            local_r, local_n = local_r[mask], local_n[mask]
            remap = np.flatnonzero(part == largest)
            local_r = np.searchsorted(remap, local_r)
            reports_in = reports_in[remap]
    if not changed:
        return labels
    return _relabel(graph, labels, used)


def _relabel(graph: EvidenceGraph, labels: IntArray, used: np.ndarray) -> IntArray:
    """Connected components over used nodes, refined by the previous labels."""
    keep = used[graph.edge_node]
    comp = pieces(graph.n_reports, graph.edge_report[keep], graph.edge_node[keep], graph.n_nodes)
    # a report with no used edge keeps being alone; pairs (old label, component) define the new clusters
    pair = labels * (int(comp.max()) + 1) + comp
    _, new = np.unique(pair, return_inverse=True)
    return new.astype(np.int64)


def _is_suspect(touched: dict[int, int], uf: _UnionFind, profiles: _Profiles | None, params: LinkParams) -> bool:
    substantial = [r for r in touched if uf.size[r] >= params.bridge_min_size]
    if len(substantial) < 2:
        return False
    if profiles is None:
        marginal = [r for r in substantial if touched[r] < params.bridge_max_share * uf.size[r]]
        return len(marginal) >= 2
    anchor = max(substantial, key=lambda r: (touched[r], uf.size[r], -r))
    base = profiles.of(anchor)
    for r in substantial:
        if r == anchor:
            continue
        sim = cosine(base, profiles.of(r))
        if not sim >= params.bridge_min_similarity:  # NaN (no weak signals) is not agreement
            return True
    return False
