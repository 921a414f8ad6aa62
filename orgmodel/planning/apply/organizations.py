"""The edit that adds an organization: ``add_organization: City of Hartford``.

A scenario that brings in posts of an organization the base does not hold
(a diff of one district's file against a folder of several) adds the
organization first; later edits name it by id, name or abbreviation.

>>> from orgmodel.orgfile.read import parse_orgfile
>>> from orgmodel.planning.scenario import parse_scenario
>>> from orgmodel.planning.apply import apply
>>> base = parse_orgfile("posts:\\n  - {id: ceo, title: CEO, root: true}\\n", "base.yaml")
>>> plan = parse_scenario('''
... edits:
...   - add_organization: City of Hartford
...     id: hfd
...   - add: {id: mayor, title: Mayor, root: true}
...     organization: City of Hartford
... ''', "plan.yaml")
>>> new = apply(base, plan)
>>> [(o.id, o.name) for o in new.organizations], [(p.id, p.org) for p in new.posts]
([('hfd', 'City of Hartford')], [('ceo', None), ('mayor', 'hfd')])
"""

from __future__ import annotations

from collections.abc import Mapping

from orgmodel.fileio import slug
from orgmodel.names.rules import name_key
from orgmodel.planning.apply.state import EditState, Handler, Refused
from orgmodel.planning.scenario import AddOrganizationEdit
from orgmodel.records import OrgRecord

__all__ = ["HANDLERS", "add_organization"]


def add_organization(state: EditState, e: AddOrganizationEdit) -> None:
    """Add an organization; one with the same id or name already there is refused."""
    ident = e.id or slug(e.add_organization)
    for org in state.orgs:
        if org.id == ident:
            raise Refused(f"organization id {ident!r} is already taken by {org.name!r}")
        if name_key(org.name) == name_key(e.add_organization):
            raise Refused(f"organization {org.name!r} is already there (id {org.id!r})")
    state.orgs.append(OrgRecord(ident, e.add_organization, e.abbreviation, state.prov()))


HANDLERS: Mapping[type, Handler] = {AddOrganizationEdit: add_organization}
