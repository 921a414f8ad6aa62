"""Resolution across sources: one post per (organization, role), inferred superiors."""

from __future__ import annotations

from pathlib import Path

from orgmodel.config import Settings
from orgmodel.extract.result import Evidence, Extraction, LinkFact, ReportingFact, SupervisionFact
from orgmodel.graph import OrgGraph
from orgmodel.graph.columns import PostBlock
from orgmodel.names.kinds import looks_like_unit
from orgmodel.names.rules import name_key
from orgmodel.orgfile.read import parse_orgfile
from orgmodel.readers import load_sources
from orgmodel.readers.postings import extraction_to_data
from orgmodel.records import OrgData, PostRecord
from orgmodel.sources.load import load_data
from orgmodel.sources.resolve import resolve
from tests.conftest import ROOT

ORG = """
organizations:
  - id: hps
    name: Hartford Public Schools
    units:
      - {id: hps-fac, name: Facilities Department, kind: department}
    posts:
      - {id: hps-supt, title: Superintendent of Schools, root: true}
      - {id: hps-coo, title: Chief Operating Officer, abbreviation: COO, reports_to: hps-supt}
"""


def ev(text: str, cue: str = "Reports To:") -> Evidence:
    return Evidence(0, len(text), text, cue)


def test_posting_attaches_to_the_post_the_org_file_describes() -> None:
    posting = Extraction(
        source="coo.md",
        title="Chief Operating Officer (COO)",
        organization="Hartford Public Schools",
        reports_to=[
            ReportingFact("Deputy Superintendent for Administration and Finance", "primary",
                          False, ev("Deputy Superintendent")),
            ReportingFact("Superintendent", "secondary", False, ev("Superintendent")),
        ],
        supervises=[
            SupervisionFact("Facilities", "direct", "unit", ev("Facilities", "SUPERVISES:")),
            SupervisionFact("Transportation Office", "direct", "unit", ev("T", "SUPERVISES:")),
            SupervisionFact("Routing Coordinator", "direct", "post", ev("R", "SUPERVISES:")),
        ],
        links=[LinkFact("Metro-Hartford Information Services", "liaison", ev("MHIS", "liaison"))],
    )  # fmt: skip
    data = parse_orgfile(ORG, "hps.yaml")
    data.extend(extraction_to_data(posting))
    merged = resolve(data)
    g = OrgGraph(merged)
    assert [p.id for p in merged.posts if p.title.startswith("Chief Operating")] == ["hps-coo"]
    coo = g.node("hps-coo")
    deputy = g.parent[coo]  # the org file's line comes first; the posting's is kept beside it
    assert g.id_of(deputy) == "hps-supt"
    others = [g.id_of(s) for s, _ in g.extra_primary[coo]]
    assert others == ["hps/deputy-superintendent-for-administration-and-finance"]
    assert g.posts[g.node(others[0])].prov.inferred
    assert [g.id_of(s) for s, _ in g.secondary[coo]] == ["hps-supt"]
    assert sorted(g.id_of(u) for u, _ in g.heads[coo]) == ["hps-fac", "hps/transportation-office"]
    routing = g.node("hps/routing-coordinator")
    assert g.parent[routing] == coo
    assert not g.links  # a link to a body no source describes makes no node
    assert [i.message.split(":")[0] for i in merged.issues] == [
        "link (liaison) to 'Metro-Hartford Information Services'"
    ]
    assert not g.resolution.dangling


def test_two_organizations_keep_two_coos() -> None:
    a = extraction_to_data(Extraction(source="a.md", title="Chief Operating Officer",
                                      organization="City of Hartford"))  # fmt: skip
    b = extraction_to_data(Extraction(source="b.md", title="Chief Operating Officer",
                                      organization="Hartford Public Schools"))  # fmt: skip
    data = OrgData()
    data.extend(a)
    data.extend(b)
    assert len(resolve(data).posts) == 2


def test_names_and_kinds() -> None:
    assert name_key("Facilities Department", unit=True) == name_key("facilities", unit=True)
    assert looks_like_unit("Food & Child Nutrition Services Department")
    assert not looks_like_unit("Police Chief")


PERMITS = """# Permit Center Coordinator

**Organization:** City of Lakeview
**Department:** Community Development Department

**Reports To:** Permit Center Manager

## Duties
- Works closely with relevant individuals in other departments to resolve permit questions.
- Serves as liaison to the IT and City departments on the permit software.
- Works closely with the Building Official on inspection schedules.
- Coordinates with the Permit Center Manager on staffing.
"""
LAKEVIEW = """organizations:
  - id: lakeview
    name: City of Lakeview
    posts:
      - {id: cm, title: City Manager, root: true}
      - {id: bo, title: Building Official, reports_to: cm}
"""


def test_links_never_make_posts(tmp_path: Path) -> None:
    """Informational links connect known posts; what only a link names is a note, no box."""
    from orgmodel.sources.load import load_graph

    (tmp_path / "postings").mkdir()
    (tmp_path / "postings" / "permit-coordinator.md").write_text(PERMITS, encoding="utf-8")
    alone = load_graph([tmp_path / "postings"])
    assert sorted(alone.title(n) for n in range(alone.size)) == [
        "Community Development Department", "Permit Center Coordinator", "Permit Center Manager"
    ]  # fmt: skip
    assert [(alone.title(a), alone.title(b)) for a, b, _ in alone.links] == [
        ("Permit Center Coordinator", "Permit Center Manager")  # inferred by the line, not the link
    ]
    notes = [i.message for i in alone.issues if i.code == "extraction"]
    assert [n.split(":")[0] for n in notes] == [
        "link (works_with) to 'relevant individuals'",
        "link (liaison) to 'IT and City departments'",
        "link (works_with) to 'Building Official'",
    ]
    (tmp_path / "lakeview.yaml").write_text(LAKEVIEW, encoding="utf-8")
    both = load_graph([tmp_path])  # the org file describes the Building Official: linked
    assert sorted((both.id_of(a), both.id_of(b)) for a, b, _ in both.links) == [
        ("city-of-lakeview/permit-center-coordinator", "bo"),
        ("city-of-lakeview/permit-center-coordinator", "lakeview/permit-center-manager"),
    ]
    assert both.post_count == 4 and not both.resolution.dangling


def _export(folder: Path, rows: int) -> None:
    """An HR export of the Minneapolis Clerk's Office, big enough to be read column-wise, and
    the project's posting of its Director of Administration beside it."""
    org = "City Clerk's Office,{},City of Minneapolis"
    lines = ["Employee ID,Name,Job Title,Department,Manager,Organization",
             "1,Margaret Lindqvist,City Clerk," + org.format(""),
             "2,Daniel Okonkwo,Chief Assistant City Clerk," + org.format(1),
             "3,Vacant,Director of Administration," + org.format(2)]  # fmt: skip
    lines += [
        f"{i},Person {i},Elections Clerk {i % 40},Elections,{3 + i % 7},City of Minneapolis"
        for i in range(4, rows + 1)
    ]
    folder.mkdir()
    (folder / "hr.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    posting = ROOT / "data/postings/minneapolis-director-of-administration.md"
    (folder / "director.md").write_text(posting.read_text(encoding="utf-8"), encoding="utf-8")


def test_a_big_table_beside_a_posting_stays_columnar(tmp_path: Path) -> None:
    _export(tmp_path / "org", 3_000)
    data = load_data([tmp_path / "org"], settings=Settings())
    blocks = [c for c in data.chunks() if isinstance(c, PostBlock)]
    assert blocks and sum(len(b) for b in blocks) == 3_000  # the table's posts, still columns
    assert len(data.record_posts) < 20  # only what the posting adds: the posts it names
    graph = OrgGraph(data)
    director = graph.node("3")  # the posting's post is the table's row, not a second post
    assert [p.title for p in data.record_posts].count("Director of Administration") == 0
    assert graph.id_of(graph.parent[director]) == "2"  # the table and the posting agree
    named = {graph.title(r): graph.record(r) for r in graph.children(director)}
    ward = named["Ward Office Operations Manager"]  # a post the posting says it supervises
    assert isinstance(ward, PostRecord) and str(ward.prov.source).endswith("director.md")


def test_the_columnar_merge_is_the_merge_of_the_same_records(tmp_path: Path) -> None:
    _export(tmp_path / "org", 1_500)
    columnar = resolve(load_sources([tmp_path / "org"]))
    records = load_sources([tmp_path / "org"])
    records.materialize()  # what the merge used to do first
    assert any(isinstance(c, PostBlock) for c in columnar.chunks())
    assert columnar == resolve(records)
