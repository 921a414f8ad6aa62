"""orgmodel: org structures from postings and org files -- query, validate, chart, compare."""

from orgmodel.errors import OrgModelError, SourceError
from orgmodel.records import OrgData, PostRecord, Prov, Relation, UnitRecord

__all__ = [
    "OrgData",
    "OrgModelError",
    "PostRecord",
    "Prov",
    "Relation",
    "SourceError",
    "UnitRecord",
]
__version__ = "0.1.0"
