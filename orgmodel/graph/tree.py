"""Whole-tree computations on a parent array, vectorised with numpy.

The graph keeps the primary reporting tree as one array: ``parent[i]`` is
the superior of node ``i`` or -1. Everything else the hot queries need --
each node's children, its depth, the roots -- is derived here once, with
array operations rather than a Python loop per node, because a loop per
node costs a second per million posts and these run on every load.

>>> import numpy as np
>>> parent = np.array([-1, 0, 0, 1, 3, 6, 5])   # 5 and 6 report to each other
>>> start, kids = children_csr(parent)
>>> kids[start[0]:start[1]].tolist(), kids[start[1]:start[2]].tolist()
([1, 2], [3])
>>> depths(parent).tolist()
[0, 1, 1, 2, 3, -1, -1]
"""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = ["children_csr", "depths", "subtree_sizes"]

IntArray = np.ndarray[Any, np.dtype[np.int64]]


def children_csr(parent: IntArray) -> tuple[IntArray, IntArray]:
    """Children of every node as CSR arrays ``(start, kids)``, each node's in node order.

    The children of ``i`` are ``kids[start[i]:start[i + 1]]``.
    """
    n = len(parent)
    has = parent >= 0
    counts = np.bincount(parent[has], minlength=n)
    start = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(counts, out=start[1:])
    order = np.argsort(parent, kind="stable")  # -1 first, then by superior, node order kept
    kids = order[n - int(has.sum()) :].astype(np.int64)
    return start, kids


def depths(parent: IntArray) -> IntArray:
    """Levels below the top (0 for a node with no superior; -1 in or under a cycle).

    Pointer jumping: each round every node adds the distance its current
    ancestor has covered and jumps to that ancestor's ancestor, so a tree of
    depth ``d`` takes ``log2(d)`` rounds. Nodes that never reach the top
    after enough rounds for any chain are in a cycle or below one.
    """
    n = len(parent)
    anc = parent.astype(np.int64, copy=True)
    dist = (anc >= 0).astype(np.int64)
    rounds = max(1, int(n).bit_length() + 1)
    for _ in range(rounds):
        live = np.flatnonzero(anc >= 0)
        if not len(live):
            break
        up = anc[live]
        dist[live] += dist[up]
        anc[live] = anc[up]
    dist[anc >= 0] = -1
    return dist


def subtree_sizes(parent: IntArray, depth: IntArray) -> IntArray:
    """How many nodes each node has below it (itself not counted), over the primary tree.

    Nodes in or under a cycle (depth -1) count nothing and are counted nowhere.
    """
    n = len(parent)
    size = np.zeros(n, dtype=np.int64)
    ok = depth >= 0
    if not ok.any():
        return size
    order = np.flatnonzero(ok)
    for level in range(int(depth[ok].max()), 0, -1):
        at = order[depth[order] == level]
        np.add.at(size, parent[at], size[at] + 1)
    return size
