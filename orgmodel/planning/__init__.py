"""Planning a change: a planner's edits, the structure they make, and what it brings.

* :mod:`~orgmodel.planning.scenario` -- the scenario file: edits (move, add, remove,
  retitle ...) checked with their line numbers;
* :mod:`~orgmodel.planning.apply` -- the edits applied to the records of a base
  structure, a cycle refused;
* :mod:`~orgmodel.planning.proposal` -- a scenario or an org file as the AFTER of
  ``diff BASE PLAN``, and what ``apply`` writes;
* :mod:`~orgmodel.planning.review` -- a proposal validated: the findings it brings,
  apart from those the base already had.
"""

__all__: list[str] = []
