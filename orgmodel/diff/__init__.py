"""Comparing structures: match two orgs, list what changed, measure it, report and draw it.

The pieces, in the order a diff runs:

* :mod:`~orgmodel.diff.match` -- which post of BEFORE is which post of AFTER;
* :mod:`~orgmodel.diff.changes` -- the changes, as data with stable kinds;
* :mod:`~orgmodel.diff.metrics` -- size and shape, side by side;
* :mod:`~orgmodel.diff.report` -- text, Markdown and the JSON contract;
* :mod:`~orgmodel.diff.chart` -- the combined chart;
* :mod:`~orgmodel.diff.invert` -- the scenario that turns BEFORE into AFTER.
"""

from orgmodel.diff.changes import Change, ChangeKind, Diff, compare
from orgmodel.diff.match import Match, match, read_mapping
from orgmodel.diff.metrics import Metrics, measure

__all__ = [
    "Change",
    "ChangeKind",
    "Diff",
    "Match",
    "Metrics",
    "compare",
    "match",
    "measure",
    "read_mapping",
]
