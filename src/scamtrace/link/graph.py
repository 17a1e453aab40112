"""The evidence graph: reports on one side, (indicator, epoch) nodes on the other.

Time is part of every link: an indicator's uses, sorted by day, are cut into
epochs wherever the gap between two uses exceeds the kind's window, so a number
recycled months later by another call centre is a different node.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class EvidenceGraph:
    n_reports: int
    edge_report: IntArray  # report index per edge
    edge_node: IntArray  # node index per edge
    node_indicator: IntArray  # indicator id per node
    node_first_day: IntArray
    node_last_day: IntArray
    node_degree: IntArray

    @property
    def n_nodes(self) -> int:
        return len(self.node_indicator)


def build_graph(
    n_reports: int,
    report_idx: IntArray,
    indicator_id: IntArray,
    day: IntArray,
    gap_days: IntArray,
) -> EvidenceGraph:
    """Edges (report, indicator, day, the indicator kind's gap) → report–node edges.

    Duplicate (report, indicator) pairs are dropped. Nodes touching one report only
    are dropped too: they can link nothing.
    """
    if len(report_idx) == 0:
        empty = np.zeros(0, dtype=np.int64)
        return EvidenceGraph(n_reports, empty, empty, empty, empty, empty, empty)
    order = np.lexsort((report_idx, day, indicator_id))
    r, ind, d, g = report_idx[order], indicator_id[order], day[order], gap_days[order]
    new_indicator = np.empty(len(r), dtype=bool)
    new_indicator[0] = True
    new_indicator[1:] = ind[1:] != ind[:-1]
    gap = np.zeros(len(r), dtype=np.int64)
    gap[1:] = d[1:] - d[:-1]
    new_epoch = new_indicator | (gap > g)
    node = np.cumsum(new_epoch) - 1
    # one edge per (report, node)
    key = np.unique(np.stack([node, r], axis=1), axis=0)
    node_u, r_u = key[:, 0], key[:, 1]
    degree_all = np.bincount(node_u)
    keep = degree_all[node_u] >= 2
    node_u, r_u = node_u[keep], r_u[keep]
    kept_nodes, node_new = np.unique(node_u, return_inverse=True)
    starts = np.flatnonzero(new_epoch)
    ends = np.append(starts[1:], len(r)) - 1
    return EvidenceGraph(
        n_reports=n_reports,
        edge_report=r_u.astype(np.int64),
        edge_node=node_new.astype(np.int64),
        node_indicator=ind[starts][kept_nodes].astype(np.int64),
        node_first_day=d[starts][kept_nodes].astype(np.int64),
        node_last_day=d[ends][kept_nodes].astype(np.int64),
        node_degree=np.bincount(node_new).astype(np.int64),
    )
