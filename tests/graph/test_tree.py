"""The vectorised tree computations agree with plain walks and with networkx."""

from __future__ import annotations

import networkx as nx
import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from orgmodel.graph.tree import children_csr, depths, subtree_sizes


@st.composite
def parent_arrays(draw: st.DrawFn) -> np.ndarray:
    """Any parent array: forests, self-loops, cycles and posts hanging under cycles."""
    n = draw(st.integers(1, 80))
    return np.array([draw(st.integers(-1, n - 1)) for _ in range(n)], dtype=np.int64)


def _walk_depth(parent: np.ndarray, node: int) -> int:
    seen, steps, current = {node}, 0, int(parent[node])
    while current != -1:
        if current in seen:
            return -1
        seen.add(current)
        steps += 1
        current = int(parent[current])
    return steps


@settings(max_examples=150, deadline=None)
@given(parent_arrays())
def test_depths_match_a_walk_up_each_chain(parent: np.ndarray) -> None:
    assert depths(parent).tolist() == [_walk_depth(parent, i) for i in range(len(parent))]


@settings(max_examples=150, deadline=None)
@given(parent_arrays())
def test_children_are_every_node_naming_the_parent_in_node_order(parent: np.ndarray) -> None:
    start, kids = children_csr(parent)
    for i in range(len(parent)):
        expected = [c for c in range(len(parent)) if parent[c] == i]
        assert kids[start[i] : start[i + 1]].tolist() == expected


@settings(max_examples=100, deadline=None)
@given(parent_arrays())
def test_subtree_sizes_match_networkx_descendants(parent: np.ndarray) -> None:
    depth = depths(parent)
    g = nx.DiGraph()
    g.add_nodes_from(range(len(parent)))
    g.add_edges_from((int(p), c) for c, p in enumerate(parent) if p >= 0 and depth[c] >= 0)
    sizes = subtree_sizes(parent, depth)
    for i in range(len(parent)):
        expected = len(nx.descendants(g, i)) if depth[i] >= 0 else 0
        assert sizes[i] == expected


def test_a_deep_chain_takes_few_rounds_and_is_exact() -> None:
    n = 100_000
    parent = np.arange(-1, n - 1, dtype=np.int64)  # 0 <- 1 <- 2 <- ... a single chain
    assert depths(parent)[-1] == n - 1
