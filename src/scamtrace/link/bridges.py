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
    Reports with a single value are leaves: they are folded into their node's weight
    before the search, which leaves far fewer vertices to visit.
    """
    if n_reports + n_nodes == 0 or len(edge_report) == 0:
        return {}
    report_degree = np.bincount(edge_report, minlength=n_reports)
    leaf_edge = report_degree[edge_report] == 1
    leaves = np.bincount(edge_node[leaf_edge], minlength=n_nodes)
    er, en = edge_report[~leaf_edge], edge_node[~leaf_edge]
    total = int(np.count_nonzero(report_degree))
    if len(er) == 0:
        return {}
    n = n_reports + n_nodes
    rows = np.concatenate([er, n_reports + en])
    cols = np.concatenate([n_reports + en, er])
    adj = csr_matrix((np.ones(len(rows), dtype=np.int8), (rows, cols)), shape=(n, n))
    indptr, indices = adj.indptr.tolist(), adj.indices.tolist()
    disc = [-1] * n
    low = [0] * n
    # reports in the DFS subtree: one per report vertex, the folded leaves per node vertex
    weight = [1] * n_reports + leaves.tolist()
    parts: dict[int, list[int]] = {}
    root = int(er[0])
    disc[root] = low[root] = 0
    timer = 1
    stack = [(root, -1, indptr[root])]
    while stack:
        v, parent, i = stack[-1]
        if i < indptr[v + 1]:
            stack[-1] = (v, parent, i + 1)
            w = indices[i]
            if w == parent:
                continue
            if disc[w] == -1:
                disc[w] = low[w] = timer
                timer += 1
                stack.append((w, v, indptr[w]))
            elif disc[w] < low[v]:
                low[v] = disc[w]
            continue
        stack.pop()
        if parent >= 0:
            if low[v] < low[parent]:
                low[parent] = low[v]
            weight[parent] += weight[v]
            if parent >= n_reports and parent != root and low[v] >= disc[parent] and weight[v] >= min_size:
                parts.setdefault(parent - n_reports, []).append(weight[v])
    out: dict[int, list[int]] = {}
    for node, sizes in parts.items():
        # the node's own leaves become singletons once it is removed
        rest = total - sum(sizes) - int(leaves[node])
        out[node] = sorted([*sizes, rest], reverse=True)
    return out
