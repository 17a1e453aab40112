"""The clustering algorithm on arrays: epochs, bridges, reference components."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scamtrace.link import LinkParams, build_graph, cluster
from scamtrace.link.cluster import pieces
from scamtrace.link.stable_ids import assign_ids, derived_id
from scamtrace.link.transcripts import band_keys, same_recording_groups


def _graph(edges: list[tuple[int, int, int]], n_reports: int, gap: int = 60):  # type: ignore[no-untyped-def]
    r = np.array([e[0] for e in edges], dtype=np.int64)
    i = np.array([e[1] for e in edges], dtype=np.int64)
    d = np.array([e[2] for e in edges], dtype=np.int64)
    return build_graph(n_reports, r, i, d, np.full(len(edges), gap, dtype=np.int64))


def _same(labels: np.ndarray, *groups: list[int]) -> bool:
    return all(len({int(labels[x]) for x in g}) == 1 for g in groups) and len({int(labels[g[0]]) for g in groups}) == len(groups)


def test_recycled_number_months_apart_does_not_link() -> None:
    # indicator 7 used by reports 0,1 in January and by 2,3 in June
    g = _graph([(0, 7, 0), (1, 7, 10), (2, 7, 160), (3, 7, 170)], 4)
    assert g.n_nodes == 2
    res = cluster(g, LinkParams())
    assert _same(res.labels, [0, 1], [2, 3])


def test_steady_use_without_long_gap_is_one_node() -> None:
    g = _graph([(k, 7, k * 20) for k in range(10)], 10)  # every 20 days for 180 days
    assert g.n_nodes == 1
    assert len(set(cluster(g, LinkParams()).labels.tolist())) == 1


def test_single_use_values_link_nothing() -> None:
    g = _graph([(0, 1, 0), (1, 2, 0)], 2)
    assert g.n_nodes == 0
    assert len(set(cluster(g, LinkParams()).labels.tolist())) == 2


def _centre(start: int, size: int, base_ind: int, day0: int = 0) -> list[tuple[int, int, int]]:
    """A call centre: each report has its rotating number (10 per number) and a shared account per 5."""
    edges = []
    for k in range(size):
        r = start + k
        edges.append((r, base_ind + k // 10, day0 + k))
        edges.append((r, base_ind + 1000 + (k + 3) // 5, day0 + k))  # accounts span number changes
    return edges


def test_hub_value_marginal_to_two_big_centres_is_held_back() -> None:
    a = _centre(0, 100, 10_000)
    b = _centre(100, 100, 20_000)
    hub = [(r, 99, 5 + r % 50) for r in (0, 11, 22, 33, 44, 105, 116, 127, 138, 149)]
    res = cluster(_graph(a + b + hub, 200), LinkParams())
    assert _same(res.labels, list(range(100)), list(range(100, 200)))
    assert len(res.suspect_nodes) == 1


def test_hub_test_does_not_split_a_chain_of_one_centre() -> None:
    # A big number (degree 30) joining its own singletons to one substantial cluster is used.
    a = _centre(0, 100, 10_000)
    own = [(r, 5, 50) for r in range(100, 130)] + [(3, 5, 50)]
    res = cluster(_graph(a + own, 130), LinkParams())
    assert len(set(res.labels.tolist())) == 1
    assert res.suspect_nodes == []


@settings(max_examples=60, deadline=None)
@given(
    n=st.integers(min_value=1, max_value=40),
    m=st.integers(min_value=0, max_value=25),
    edges=st.lists(st.tuples(st.integers(0, 39), st.integers(0, 24)), max_size=80),
)
def test_pieces_match_networkx_connected_components(n: int, m: int, edges: list[tuple[int, int]]) -> None:
    edges = [(r, i) for r, i in edges if r < n and i < max(m, 1)]
    m = max(m, 1)
    er = np.array([e[0] for e in edges], dtype=np.int64)
    en = np.array([e[1] for e in edges], dtype=np.int64)
    labels = pieces(n, er, en, m)
    g = nx.Graph()
    g.add_nodes_from(("r", k) for k in range(n))
    g.add_edges_from((("r", r), ("n", i)) for r, i in edges)
    expected = {frozenset(x[1] for x in comp if x[0] == "r") for comp in nx.connected_components(g)} - {frozenset()}
    got: dict[int, set[int]] = {}
    for k, lab in enumerate(labels.tolist()):
        got.setdefault(lab, set()).add(k)
    assert {frozenset(v) for v in got.values()} == expected


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_clustering_without_big_nodes_equals_components(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = 300
    edges = [(int(r), int(i), int(d)) for r, i, d in zip(rng.integers(0, n, 400), rng.integers(0, 200, 400), rng.integers(0, 30, 400), strict=True)]
    g = _graph(edges, n)
    params = LinkParams(direct_max_degree=10_000)
    res = cluster(g, params)
    ref = pieces(n, g.edge_report, g.edge_node, g.n_nodes)
    # same partition up to label names
    assert len(set(zip(res.labels.tolist(), ref.tolist(), strict=True))) == len(set(ref.tolist())) == len(set(res.labels.tolist()))


def test_stable_ids_kept_when_membership_mostly_stays() -> None:
    labels = np.array([0, 0, 0, 0, 1, 1, 2])
    keep = np.array([True, True, False])
    old = ["op-a", "op-a", "op-a", None, "op-b", None, None]
    ids = assign_ids(labels, keep, old, lambda lab: ("webform", f"r{lab}"))
    assert ids[0] == "op-a"  # 3 of 4 stayed
    assert ids[1] == "op-b"  # Jaccard 1/(2+1-1) = 0.5: kept
    assert 2 not in ids


def test_stable_ids_new_when_membership_changed() -> None:
    labels = np.array([0, 0, 0, 0, 0])
    keep = np.array([True])
    ids = assign_ids(labels, keep, ["op-a", "op-a", None, None, None], lambda lab: ("webform", "r0"))
    assert ids[0] == derived_id("webform", "r0")  # 2/5 < 0.5


def test_stable_ids_deterministic_for_new_clusters() -> None:
    labels = np.array([0, 0, 1, 1])
    keep = np.array([True, True])
    a = assign_ids(labels, keep, [None] * 4, lambda lab: ("s", str(lab)))
    b = assign_ids(labels, keep, [None] * 4, lambda lab: ("s", str(lab)))
    assert a == b and len(set(a.values())) == 2


def test_near_identical_transcripts_share_bands_and_different_ones_do_not() -> None:
    base = (
        "This is an important message from Microsoft technical support. We have detected suspicious activity "
        "on your computer and your Windows license will expire today. Press one or call us back immediately at "
        "one eight eight eight five five five zero one nine nine to speak with a certified technician."
    )
    noisy = base.replace("suspicious", "suspicous").replace("immediately", "immediatly")
    other = (
        "Hello, this call is from the Social Security Administration. Your social security number has been "
        "suspended due to suspicious activity in Texas. To avoid legal action press one now to speak to an officer."
    )
    assert set(band_keys(base)) & set(band_keys(noisy))
    assert not set(band_keys(base)) & set(band_keys(other))


def test_same_recording_groups_verify_candidates() -> None:
    template = (
        "This is an important message from {brand} technical support. We have detected suspicious activity on your "
        "computer and your license will expire today. Call us back immediately at {number} to speak with a certified "
        "technician before your data is lost. Thank you."
    )
    a = template.format(brand="Microsoft", number="1 888 555 0199")
    a_noisy = a.replace("suspicious", "suspicous").replace("certified", "certifed").replace("1 888 555 0199", "1-888-555-0199")
    b = template.format(brand="Microsoft", number="1 844 213 7788")  # same script, another centre's number
    c = template.replace("technical support", "billing department").format(brand="Norton", number="").replace("lost", "deleted forever")
    groups = same_recording_groups({1: a, 2: a_noisy, 3: b, 4: c})
    assert groups == [[1, 2]]


def test_incidents_reported_twice_count_once() -> None:
    from scamtrace.services.summaries import count_incidents

    # reports 0 and 1 share the minute; 1 and 2 share the victim's contact; 3 shares nothing; 4 has no key
    keys = [["m1"], ["m1", "c1"], ["c1", "l1"], ["m2"], []]
    assert count_incidents(keys) == 3
    assert count_incidents([]) == 0
