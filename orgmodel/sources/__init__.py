"""From the files a user names to one structure.

* :mod:`~orgmodel.sources.load` -- sources -> records -> the graph: what every command
  and :func:`orgmodel.load` start with;
* :mod:`~orgmodel.sources.resolve` -- facts from many sources merged, one post per
  (organization, role), however each source spells it;
* :mod:`~orgmodel.sources.ingest` -- a folder of postings extracted in a process pool and
  merged into one org file, files that cannot be read skipped and reported.

The readers of each format are in :mod:`orgmodel.readers`.
"""

__all__: list[str] = []
