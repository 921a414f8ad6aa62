"""Names of posts, units and organizations: one rule set for every place that compares them.

* :mod:`~orgmodel.names.rules` -- the rules: a name's key, its abbreviations, the tiers
  a name is matched in;
* :mod:`~orgmodel.names.columns` -- the same rules for a whole column at once (pyarrow);
* :mod:`~orgmodel.names.index` -- a graph's names as sorted tables, built on first use;
* :mod:`~orgmodel.names.lookup` -- the post a user means (``orgmodel chain "HPS: COO"``);
* :mod:`~orgmodel.names.suggest` -- "did you mean" when nothing matches.
"""

__all__: list[str] = []
