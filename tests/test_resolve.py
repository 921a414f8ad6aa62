"""Resolution across sources: one post per (organization, role), inferred superiors."""

from __future__ import annotations

from orgmodel.extract.result import Evidence, Extraction, LinkFact, ReportingFact, SupervisionFact
from orgmodel.graph import OrgGraph
from orgmodel.orgfile import parse_orgfile
from orgmodel.readers.postings import extraction_to_data
from orgmodel.records import OrgData
from orgmodel.resolve import looks_like_unit, resolve, role_key

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
    assert [g.title(o) for _, o, _ in g.links] == ["Metro-Hartford Information Services"]
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
    assert role_key("Facilities Department") == role_key("facilities")
    assert looks_like_unit("Food & Child Nutrition Services Department")
    assert not looks_like_unit("Police Chief")
