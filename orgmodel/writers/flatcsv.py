"""A flat CSV, one row per post: what Visio's Organization Chart Wizard and OrgChart Now import.

Columns: ``ID``, ``Title``, ``Name`` (the holder), ``Unit``, ``Organization``,
``Manager ID``, ``Manager Title``, ``Secondary Manager ID`` (ids joined by
``;``), ``Grade``, ``FTE``, ``Abbreviation``, then one column per post
attribute. The header uses names :mod:`orgmodel.readers.table` recognises,
so the file reads back as it was written. Visio's wizard asks for the
unique id column (``ID``) and the reports-to column (``Manager ID``);
OrgChart Now maps the same two.

Boards and councils that posts report to are written as rows of their own
(the manager id must name a row); a manager column holds one superior, so
extra primary superiors, unit nesting, headships and links are listed as
losses.

>>> from orgmodel.records import OrgData, PostRecord, Relation, RelKind, LineKind
>>> from orgmodel.graph import OrgGraph
>>> data = OrgData(posts=[PostRecord("1", "Mayor", holder="Ana Ruiz", root=True),
...                       PostRecord("2", "City Clerk")],
...                relations=[Relation(RelKind.REPORTS_TO, "2", "1", LineKind.PRIMARY)])
>>> print(render_csv(data, OrgGraph(data)).content)  # doctest: +NORMALIZE_WHITESPACE
ID,Title,Name,Unit,Organization,Manager ID,Manager Title,Secondary Manager ID,Grade,FTE,Abbreviation
1,Mayor,Ana Ruiz,,,,,,,,
2,City Clerk,,,,1,Mayor,,,,
"""

from __future__ import annotations

import csv
import io

from orgmodel.graph import OrgGraph
from orgmodel.readers.table import ORGMODEL_CSV
from orgmodel.records import OrgData
from orgmodel.writers.common import Output, losses, secondary_lines

__all__ = ["COLUMNS", "LOSES", "render_csv"]

COLUMNS = list(ORGMODEL_CSV.values())

LOSES = {
    "extra_primary": "dropped, the Manager ID column holds one superior",
    "unplaced_units": "dropped, units appear only in the Unit column of their posts",
    "unit_nesting": "dropped, units are only named in the Unit column",
    "unit_kinds": "dropped, units are only named in the Unit column",
    "heads": "dropped, CSV has no column for the units a post heads",
    "links": "dropped, CSV has no column for informational links",
    "body_superiors": "written as rows of their own, so they read back as posts",
    "provenance": "dropped, the CSV is its own source",
    "dangling": "dropped, the Manager ID column holds ids of rows in the file",
    "duplicates": "dropped, each id is one row (the first row's post)",
}


def _fte(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def render_csv(data: OrgData, graph: OrgGraph) -> Output:
    """One row per post (and per unit that posts report to)."""
    posts = graph.post_count
    titles, holders = graph.column("title"), graph.column("holder")
    orgs, grades = graph.column("org"), graph.column("grade")
    ftes, abbrs, attrs = (
        graph.column("fte"),
        graph.column("abbreviation"),
        graph.column("attributes"),
    )
    extra: list[str] = []
    seen = set(COLUMNS)
    for a in attrs:
        for key in a or ():
            if key not in seen:
                seen.add(key)
                extra.append(key)
    dotted: dict[int, list[int]] = {}
    for sub, sup in secondary_lines(graph):
        dotted.setdefault(sub, []).append(sup)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS + extra)

    def org_name(org: str | None) -> str:
        rec = graph.orgs.get(org) if org else None
        return rec.name if rec else (org or "")

    def unit_name(node: int) -> str:
        unit = graph.unit_of(node)
        return graph.title(unit) if unit is not None else ""

    for n in range(posts):
        sup = graph.parent[n]
        row = [
            graph.id_of(n), titles[n], holders[n] or "", unit_name(n), org_name(orgs[n]),
            graph.id_of(sup) if sup >= 0 else "", graph.title(sup) if sup >= 0 else "",
            ";".join(graph.id_of(s) for s in dotted.get(n, [])), grades[n] or "", _fte(ftes[n]),
            abbrs[n] or "",
        ]  # fmt: skip
        a = attrs[n] or {}
        writer.writerow(row + [a.get(k, "") for k in extra])
    bodies = sorted({s for _, s in ((n, graph.parent[n]) for n in range(posts)) if s >= posts})
    for u in bodies:
        rec = graph.record(u)
        sup = graph.parent[u]
        writer.writerow(
            [
                rec.id, graph.title(u), "", unit_name(u), org_name(rec.org),
                graph.id_of(sup) if sup >= 0 else "", graph.title(sup) if sup >= 0 else "",
                "", "", "", rec.abbreviation or "",
            ]
            + [""] * len(extra)
        )  # fmt: skip
    return Output(out.getvalue(), losses(graph, LOSES))
