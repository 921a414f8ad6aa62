"""The native org file: YAML or JSON, one schema, written by hand or by orgmodel.

* :mod:`~orgmodel.orgfile.schema` -- the schema (pydantic v2), also ``orgmodel schema``;
* :mod:`~orgmodel.orgfile.lines` -- the text loaded with the line of every mapping, so
  errors say where;
* :mod:`~orgmodel.orgfile.read` -- the file to records: plain posts column-wise, the rest
  checked by the schema;
* :mod:`~orgmodel.orgfile.document` -- records to the file's document (plain dicts);
* :mod:`~orgmodel.orgfile.write` -- the document as YAML or JSON, saved atomically;
* :mod:`~orgmodel.orgfile.compact` -- big files: one post a line, found and decoded in bulk.
"""

__all__: list[str] = []
