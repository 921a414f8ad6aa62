"""The Python API: :func:`load` sources into an :class:`Org`, then ask it questions.

Everything the command line does is a method here, taking posts and units
the way a person names them -- an id, a title, an abbreviation, a holder's
name, ``"Organization: title"`` -- and answering with records
(:class:`~orgmodel.answers.Post`, :class:`~orgmodel.answers.Unit`), never
the graph's internal node numbers.

>>> import orgmodel
>>> org = orgmodel.load("data")
>>> org
<Org: 120 posts, 35 units, 5 organizations>
>>> for superior in org.chain("Hartford Public Schools: COO"):
...     print(superior.title)
Deputy Superintendent for Administration and Finance
Superintendent of Schools
Board of Education
>>> org.common("Director of Facilities", "Chief Financial Officer").superior.title
'Deputy Superintendent for Administration and Finance'
>>> org.span("HPS: COO"), len(org.reports("HPS: COO", all=True))
(8, 26)

A name that fits several posts, or none, is an error that says so (with the
closest names), as on the command line:

>>> org.find("COO")
Traceback (most recent call last):
...
orgmodel.errors.AmbiguousNameError: 'COO' matches 2 posts: ... [id hfd-coo]; ... [id hps-coo]...
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from orgmodel.answers import Common, Node, Post, Step, Unit, answer, answers

if TYPE_CHECKING:
    from orgmodel.config import Settings
    from orgmodel.diff.changes import Diff
    from orgmodel.graph import OrgGraph
    from orgmodel.records import OrgData
    from orgmodel.render.options import ChartOptions
    from orgmodel.rules.report import Report

__all__ = ["Comparison", "Org", "load"]

Source = str | Path


def load(
    *sources: Source,
    input_format: str | None = None,
    mapping: Mapping[str, str] | str | None = None,
    config: Source | None = None,
) -> Org:
    """Read files and folders of any format orgmodel reads into one :class:`Org`.

    ``sources`` are files or folders (a folder's files are read by what they
    hold; ``FILE#LABEL`` reads one date of a table with several). With none,
    the sources listed in ``orgmodel.toml`` (or ``config``) are read, as the
    command line does. ``input_format`` forces a reader (``"table"``,
    ``"orgfile"``, ``"posting"`` ...); ``mapping`` names a table's columns,
    as a dict or as ``--map`` takes it (``"id=EmpID,manager=ManagerName"``).
    Bad input raises :class:`~orgmodel.errors.SourceError` naming the file and
    line.

    >>> org = load("data/minneapolis-city-clerk.csv")
    >>> len(org), org.find("City Clerk").holder
    (23, 'Margaret Lindqvist')
    """
    from orgmodel.collector import paused_gc
    from orgmodel.config import find_settings
    from orgmodel.graph import OrgGraph
    from orgmodel.readers.table import parse_mapping
    from orgmodel.sources.load import load_data

    settings = find_settings(Path(config) if config is not None else None)
    columns = parse_mapping(mapping) if isinstance(mapping, str) else mapping
    data = load_data(list(sources), fmt=input_format, mapping=columns, settings=settings)
    with paused_gc():
        graph = OrgGraph(data)
    return Org(data, graph, settings)


class Org:
    """An org structure loaded from its sources: ask, check, draw, compare, save.

    Made by :func:`load`. ``graph`` is the :class:`~orgmodel.graph.OrgGraph`
    underneath, for code that wants the columns and node numbers directly.
    """

    def __init__(self, data: OrgData, graph: OrgGraph, settings: Settings | None = None) -> None:
        self.data = data
        self.graph = graph
        self._settings = settings

    def __repr__(self) -> str:
        g = self.graph
        return f"<Org: {g.post_count} posts, {len(g.units)} units, {len(g.orgs)} organizations>"

    def __len__(self) -> int:
        """The number of posts."""
        return self.graph.post_count

    def __contains__(self, name: object) -> bool:
        """Whether ``name`` names exactly one post or unit.

        >>> org = load("data")
        >>> "Superintendent of Schools" in org, "Chief Wizard" in org
        (True, False)
        """
        from orgmodel.errors import AmbiguousNameError, NameNotFoundError

        if not isinstance(name, str):
            return False
        try:
            self._node(name)
        except (AmbiguousNameError, NameNotFoundError):
            return False
        return True

    # ------------------------------------------------------------ what is in it

    @property
    def posts(self) -> Iterator[Post]:
        """Every post, in the order the sources give them."""
        for node in self.graph.iter_posts():
            found = answer(self.graph, node)
            assert isinstance(found, Post)
            yield found

    @property
    def units(self) -> list[Unit]:
        """Every unit (department, office, board ...)."""
        g = self.graph
        return [u for u in answers(g, list(range(g.post_count, g.size))) if isinstance(u, Unit)]

    @property
    def organizations(self) -> list[str]:
        """The names of the organizations, in the order the sources give them."""
        return [o.name for o in self.graph.orgs.values()]

    def find(self, name: str) -> Node:
        """The post or unit ``name`` denotes (id, title, abbreviation, holder, ``"Org: title"``).

        >>> load("data").find("HPS: COO").id
        'hps-coo'
        >>> load("data").find("Superintendant")
        Traceback (most recent call last):
        ...
        orgmodel.errors.NameNotFoundError: no post or unit matches 'Superintendant'; did ...
        """
        return answer(self.graph, self._node(name))

    # ------------------------------------------------------------ reporting lines

    def chain(self, name: str, *, dotted: bool = False) -> list[Node]:
        """The chain of command: primary superiors from the direct one up to the top.

        With ``dotted``, superiors reached over dotted (secondary) lines too,
        nearest first (:meth:`steps` says over which line each is reached).
        """
        if dotted:
            return [s.superior for s in self.steps(name)]
        from orgmodel.graph.queries import chain

        return answers(self.graph, chain(self.graph, self._node(name)))

    def steps(self, name: str) -> list[Step]:
        """Every superior over solid and dotted lines, with its distance and line kind.

        >>> [(s.superior.id, s.distance, s.via) for s in load("data").steps("hps-coo")][:2]
        [('hps-deputy-admin-finance', 1, 'primary'), ('hps-superintendent', 1, 'secondary')]
        """
        from orgmodel.graph.queries import chain_all

        g = self.graph
        return [
            Step(answer(g, s.node), s.distance, str(s.via), answer(g, s.below))
            for s in chain_all(g, self._node(name))
        ]

    def reports(self, name: str, *, all: bool = False, depth: int | None = None) -> list[Post]:
        """Direct reports; with ``all`` everyone below, level by level (``depth``: that many).

        >>> for post in load("data").reports("City of Minneapolis: City Clerk"):
        ...     print(post.id, post.title, "--", post.holder)
        100422 Chief Assistant City Clerk -- Daniel Okonkwo
        100437 Executive Assistant to the City Clerk -- Beatriz Holm
        100463 Director of Elections & Voter Services -- Tomas Reyes-Halvorsen
        """
        from orgmodel.graph.queries import reports

        found = reports(self.graph, self._node(name), everyone=all, depth=depth)
        return [p for p in answers(self.graph, [n for n, _ in found]) if isinstance(p, Post)]

    def dotted_reports(self, name: str) -> list[Post]:
        """Posts with a dotted (secondary) line to this one."""
        from orgmodel.graph.queries import dotted_reports

        found = answers(self.graph, dotted_reports(self.graph, self._node(name)))
        return [p for p in found if isinstance(p, Post)]

    def span(self, name: str) -> int:
        """The span of control: how many posts report directly to this one."""
        return self.graph.span(self._node(name))

    def common(self, a: str, b: str) -> Common | None:
        """The lowest common superior of two posts (None when they share none)."""
        from orgmodel.graph.queries import common

        found = common(self.graph, self._node(a), self._node(b))
        if found is None:
            return None
        return Common(answer(self.graph, found.node), found.distance_a, found.distance_b)

    def path(self, a: str, b: str) -> list[Node] | None:
        """The reporting path from ``a`` up to the common superior and down to ``b``.

        >>> for step in load("data").path("Director of Transportation", "General Counsel"):
        ...     print(step.id)
        hps-director-transportation
        hps-coo
        hps-deputy-admin-finance
        hps-superintendent
        hps-general-counsel
        """
        from orgmodel.graph.queries import path

        found = path(self.graph, self._node(a), self._node(b))
        return None if found is None else answers(self.graph, found)

    def oversees(self, name: str) -> list[Unit]:
        """The units a post heads, then the units nested in them.

        >>> [u.name for u in load("data").oversees("Hartford Public Schools: COO")][:3]
        ['Operations Division', 'Office of Enrollment and School Choice', 'Facilities Department']
        """
        from orgmodel.graph.queries import oversees

        found = oversees(self.graph, self._node(name))
        nodes = found.heads + [u for u, _ in found.nested]
        return [u for u in answers(self.graph, nodes) if isinstance(u, Unit)]

    def heads(self, unit: str) -> list[Post]:
        """The posts that head a unit.

        >>> [p.title for p in load("data").heads("Facilities Department")]
        ['Chief Operating Officer', 'Director of Facilities']
        """
        from orgmodel.graph.queries import oversees

        found = answers(self.graph, oversees(self.graph, self._node(unit)).headed_by)
        return [p for p in found if isinstance(p, Post)]

    def stats(self) -> dict[str, Any]:
        """Size and shape, as ``orgmodel stats --format json`` prints them.

        >>> s = load("data").stats()
        >>> s["posts"], s["layers"], s["span_max"]
        (120, 7, 8)
        """
        from orgmodel.graph.queries import stats

        return stats(self.graph).to_dict(self.graph)

    # ------------------------------------------------------------ checking, drawing

    def validate(
        self,
        *,
        select: Sequence[str] | None = None,
        ignore: Sequence[str] = (),
        strict: bool | None = None,
    ) -> Report:
        """Run the validation rules; the findings name posts and units by id.

        Without arguments, the rules the ``[validate]`` settings choose (all by
        default); ``select`` and ``ignore`` take codes, names, families or
        prefixes as ``orgmodel validate --select/--ignore`` do.

        >>> report = load("data").validate()
        >>> report.valid, [f.code for f in report.findings][:2]
        (False, ['X001', 'F003'])
        >>> report.findings[0].subjects
        ('hps-director-transportation', 'hps-coo', 'hps-deputy-admin-finance')
        """
        from dataclasses import replace

        from orgmodel.rules.config import ValidateConfig
        from orgmodel.rules.validate import validate

        config = (
            ValidateConfig.from_settings(self._settings) if self._settings else ValidateConfig()
        )
        if select is not None:
            config = replace(config, select=tuple(select))
        if ignore:
            config = replace(config, ignore=(*config.ignore, *ignore))
        if strict is not None:
            config = replace(config, strict=strict)
        return validate(self.graph, config)

    def render(
        self,
        path: Source | None = None,
        *,
        format: str | None = None,
        root: str | Sequence[str] | None = None,
        highlight: str | None = None,
        organization: str | None = None,
        **options: Any,
    ) -> bytes:
        """Draw the org chart; write it to ``path`` when given, and return the file's bytes.

        ``format`` is ``svg``, ``png``, ``pdf``, ``dot``, ``mermaid`` or
        ``html`` (default: told by ``path``'s ending, else ``svg``). ``root``
        (one name or several), ``highlight`` and ``organization`` are named as
        anywhere else; the other options are those of ``orgmodel render``:
        ``depth``, ``max_posts``, ``direction``, ``title``, ``date``, ``theme``,
        ``assistants``, ``assistant_pattern``.

        >>> text = load("data").render(format="mermaid", root="City of Minneapolis: City Clerk",
        ...                            depth=1)
        >>> text.decode().splitlines()[3]
        'flowchart TB'
        """
        from orgmodel.fileio import atomic_write
        from orgmodel.names.lookup import find_root, org_named
        from orgmodel.render import ChartOptions, draw
        from orgmodel.render.engine import format_of

        fmt = format or (format_of(path) if path is not None else "svg")
        roots = [root] if isinstance(root, str) else list(root or [])
        chart: ChartOptions = ChartOptions(
            roots=tuple(find_root(self.graph, r) for r in roots) or None,
            highlight=self._node(highlight) if highlight is not None else None,
            org=org_named(self.graph, organization) if organization is not None else None,
            **options,
        )
        drawing = draw(self.graph, chart, fmt)
        if path is not None:
            atomic_write(path, drawing.content, binary=fmt in ("png", "pdf"))
        return drawing.content

    # ------------------------------------------------------------ comparing, saving

    def diff(
        self, after: Org | Source, *, mapping: Mapping[str, str | None] | None = None
    ) -> Comparison:
        """Compare this structure (BEFORE) with another (AFTER): an :class:`Org`, sources, or
        a scenario file of edits to this one.

        ``mapping`` forces matches, ``{before_id: after_id}`` (None: no match).

        >>> changes = load("data/hartford-public-schools.yaml").diff(
        ...     "data/proposals/hps-operations-2026.yaml")
        >>> changes.summary["moved"], changes.changes[0]["kind"], changes.changes[0]["post"]["id"]
        (2, 'vacated', 'hps-chief-of-staff')
        """
        from orgmodel.diff.changes import compare
        from orgmodel.graph import OrgGraph
        from orgmodel.planning.proposal import is_scenario_file
        from orgmodel.planning.scenario import read_scenario

        if isinstance(after, Org):
            other, name = after.graph, None
        elif is_scenario_file(after):
            from orgmodel.planning.apply import apply

            scenario = read_scenario(after)
            other, name = OrgGraph(apply(self.data, scenario)), scenario.name or str(after)
        else:
            other, name = load(after).graph, None
        forced = None if mapping is None else {b: (a, 0) for b, a in mapping.items()}
        return Comparison(compare(self.graph, other, forced), name)

    def save(self, path: Source, *, format: str | None = None) -> list[str]:
        """Write the structure in another format (told by ``path``'s ending, or ``format``):
        an org file, CSV, GraphML, Parquet ... as ``orgmodel convert`` does, atomically.

        Returns what the format could not hold, one sentence each (empty for the
        org file, which holds everything).
        """
        from orgmodel.writers import write

        return write(self.data, self.graph, path, format)

    def to_networkx(self, *, dotted: bool = True) -> Any:
        """A networkx ``DiGraph`` superior -> report, nodes named by id (``kind`` on edges)."""
        import networkx as nx

        g = self.graph
        ids = {n: g.id_of(n) for n in range(g.size)}
        return nx.relabel_nodes(g.to_networkx(secondary=dotted), ids, copy=True)

    # ------------------------------------------------------------ names -> nodes

    def _node(self, name: str) -> int:
        from orgmodel.names.lookup import find

        return find(self.graph, name)


class Comparison:
    """What :meth:`Org.diff` found: counts by kind, the changes, and the reports.

    ``changes`` and ``summary`` are those of ``orgmodel diff --format json``:
    each change a dict with its ``kind``, the ``post`` (or ``unit``) by id,
    title and organization, and ``from``/``to``.
    """

    def __init__(self, diff: Diff, scenario: str | None = None) -> None:
        self.diff = diff
        self.scenario = scenario

    def __bool__(self) -> bool:
        return bool(self.diff)

    def __repr__(self) -> str:
        return f"<Comparison: {len(self.diff.changes)} changes>"

    @property
    def summary(self) -> dict[str, int]:
        """How many changes of each kind there are (``moved``, ``added`` ...); kinds with none
        are left out (the JSON report, :meth:`to_json`, lists every kind)."""
        return {kind: n for kind, n in self.diff.counts().items() if n}

    @property
    def changes(self) -> list[dict[str, Any]]:
        """Every change, as the JSON report gives it."""
        from orgmodel.diff.report import change_dict

        return [change_dict(self.diff, c) for c in self.diff.changes]

    def to_json(self, before: str = "before", after: str = "after") -> dict[str, Any]:
        """The whole report as ``orgmodel diff --format json`` prints it."""
        from orgmodel.diff.report import Sides, to_json

        return to_json(self.diff, Sides(before, after, self.scenario))

    def to_text(self, before: str = "before", after: str = "after") -> str:
        """The report as ``orgmodel diff`` prints it."""
        from orgmodel.diff.report import Sides, to_text

        return to_text(self.diff, Sides(before, after, self.scenario))

    def to_markdown(self, before: str = "before", after: str = "after") -> str:
        """The report as ``orgmodel diff --format md`` prints it."""
        from orgmodel.diff.report import Sides, to_markdown

        return to_markdown(self.diff, Sides(before, after, self.scenario))
