"""The org structure as a graph, built once from the records and then only read.

* :mod:`~orgmodel.graph.orggraph` -- :class:`OrgGraph`: nodes, the reporting tree as
  parent pointers and a child index, dotted lines, headships; networkx on request;
* :mod:`~orgmodel.graph.columns` -- the posts held column-wise (pyarrow): a table's
  block as read, and the graph's post table;
* :mod:`~orgmodel.graph.columnviews` -- columns in Arrow's layout read with the standard
  library (a graph restored from the saved index needs no pyarrow to answer);
* :mod:`~orgmodel.graph.tree` -- the tree's arrays computed with numpy: children, depths,
  subtree sizes;
* :mod:`~orgmodel.graph.indexes` and :mod:`~orgmodel.graph.keytable` -- ids to nodes:
  scanned, hashed or found by binary search in sorted keys;
* :mod:`~orgmodel.graph.queries` -- the walks: chain of command, reports, common
  superior, path, oversight, statistics.

Names are matched by :mod:`orgmodel.names`.
"""

from orgmodel.graph.orggraph import OrgGraph

__all__ = ["OrgGraph"]
