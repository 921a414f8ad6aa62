"""Apply a scenario's edits to an org structure's records: the proposed org.

:func:`apply` works on :class:`~orgmodel.records.OrgData` (what any source
reads into) and returns new records; nothing is written and the base is not
touched, so a refused edit leaves no trace. An edit is refused -- with the
scenario's file and line -- when it names a post or unit that does not
exist (or an earlier edit removed), or when it would put a post under its own
reports (a cycle). Every fact an edit makes carries the scenario's file and
line as its provenance, so the saved proposal says where each change came from.

The edits are in :mod:`orgmodel.planning.apply.posts`, :mod:`orgmodel.planning.apply.units` and
:mod:`orgmodel.planning.apply.organizations`,
the records they work on in :mod:`orgmodel.planning.apply.state`.

>>> from orgmodel.orgfile.read import parse_orgfile
>>> from orgmodel.planning.scenario import parse_scenario
>>> base = parse_orgfile('''
... organizations:
...   - name: Acme
...     posts:
...       - {id: ceo, title: Chief Executive, root: true}
...       - {id: cfo, title: Chief Financial Officer, reports_to: ceo}
...       - {id: ctl, title: Controller, reports_to: cfo}
... ''', "acme.yaml")
>>> plan = parse_scenario('''
... edits:
...   - move: Controller
...     to: ceo
...   - remove: cfo
... ''', "plan.yaml")
>>> new = apply(base, plan)
>>> [(r.subject, r.object, r.prov.where(), r.prov.cue) for r in new.relations]
[('ctl', 'ceo', 'plan.yaml:3', 'move')]
>>> bad = parse_scenario("edits:\\n  - move: ceo\\n    to: ctl\\n", "bad.yaml")
>>> apply(base, bad)  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
orgmodel.errors.SourceError: bad.yaml:2: move: Chief Executive cannot go under Controller: ...
"""

from __future__ import annotations

from collections.abc import Mapping

from orgmodel.errors import SourceError
from orgmodel.planning.apply import organizations, posts, units
from orgmodel.planning.apply.state import EditState, Handler, Refused
from orgmodel.planning.scenario import Edit, Scenario
from orgmodel.records import OrgData

__all__ = ["apply"]

_HANDLERS: Mapping[type, Handler] = {
    **organizations.HANDLERS,
    **posts.HANDLERS,
    **units.HANDLERS,
}


def _verb(edit: Edit) -> str:
    return next(iter(edit.model_dump(by_alias=True)))


def apply(base: OrgData, scenario: Scenario) -> OrgData:
    """The records after every edit, in order; :class:`SourceError` at the first refused edit."""
    state = EditState(base, scenario)
    for edit, line in scenario.edits:
        state.line, state.verb = line, _verb(edit)
        try:
            _HANDLERS[type(edit)](state, edit)
        except Refused as exc:
            raise SourceError(scenario.path, f"{_verb(edit)}: {exc}", line=line) from None
    return state.result([*base.sources, scenario.path])
