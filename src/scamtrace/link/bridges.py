"""Cut values inside a cluster: one value whose removal splits it into substantial parts.

Small values link directly, before any test, so a junk value shared by two
reports (an extraction slip, a typo that happens to match) could join two whole
call centres. After clustering, each large cluster is searched for indicator
nodes that are cut vertices of its report–indicator graph (one iterative Tarjan
depth-first search gives every cut vertex and the size of each part it cuts
off). A cut that separates two substantial parts whose weak-signal profiles
disagree is held back as a suspect, and the cluster splits there.
"""

from __future__ import annotations

import numpy as np
from scipy.sparse import csr_matrix

from scamtrace.link.graph import IntArray


def cut_parts(n_reports: int, edge_report: IntArray, edge_node: IntArray, n_nodes: int, min_size: int) -> dict[int, list[int]]:
    """For each indicator node that cuts off ≥ 1 part of ``min_size`` reports or more: the sizes of
    the parts it separates (largest first), including what remains on the other side.

    Vertices: reports ``0..n_reports-1`` then nodes. The graph is assumed connected.
    """
    n = n_reports + n_nodes
    if n == 0 or len(edge_report) == 0:
        return {}
    rows = np.concatenate([edge_report, n_reports + edge_node])
    cols = np.concatenate([n_reports + edge_node, edge_report])
    adj = csr_matrix((np.ones(len(rows), dtype=np.int8), (rows, cols)), shape=(n, n))
    indptr, indices = adj.indptr, adj.indices
    disc = np.full(n, -1, dtype=np.int64)
    low = np.zeros(n, dtype=np.int64)
    weight = np.zeros(n, dtype=np.int64)  # reports in the DFS subtree
    parts: dict[int, list[int]] = {}
    timer = 0
    root = 0
    disc[root] = low[root] = timer
    timer += 1
    weight[root] = 1
    stack = [(root, -1, int(indptr[root]))]
    while stack:
        v, parent, i = stack[-1]
        if i < indptr[v + 1]:
            stack[-1] = (v, parent, i + 1)
            w = int(indices[i])
            if w == parent:
                continue
            if disc[w] == -1:
                disc[w] = low[w] = timer
                timer += 1
                weight[w] = 1 if w < n_reports else 0
                stack.append((w, v, int(indptr[w])))
            else:
                low[v] = min(low[v], disc[w])
            continue
        stack.pop()
        if parent >= 0:
            low[parent] = min(low[parent], low[v])
            weight[parent] += weight[v]
            if parent >= n_reports and parent != root and low[v] >= disc[parent] and weight[v] >= min_size:
                parts.setdefault(parent - n_reports, []).append(int(weight[v]))
    total = int(weight[root])
    out: dict[int, list[int]] = {}
    for node, sizes in parts.items():
        rest = total - sum(sizes)
        out[node] = sorted([*sizes, rest], reverse=True)
    return out
