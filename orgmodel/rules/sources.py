"""Sources that contradict each other about who a post reports to.

Postings, exports and org files are written by different people at
different times. When they name different primary superiors for one post
-- posting A says X reports to B, posting C says X reports to D; or A says
it supervises X while X's own posting names someone else -- orgmodel keeps
every claim with its source, charts the first, and reports the
disagreement here, with each claim's file and line (or character span).
"""

from __future__ import annotations

from collections.abc import Iterator

from orgmodel.records import Relation
from orgmodel.rules.context import Check
from orgmodel.rules.lines import primary_claims, sources_of
from orgmodel.rules.report import Finding, Severity
from orgmodel.rules.rule import rule

__all__ = ["RULES", "sources_disagree"]


def _supervision_cue(cue: str) -> bool:
    """A cue by which a posting says its post supervises another ("Supervises:", "directs ...").

    Decided with the extractor's own vocabulary: its field labels, then its frames.
    """
    from orgmodel.extract.fields import label_role
    from orgmodel.extract.frames import find_frames

    key = " ".join(cue.lower().rstrip(":").split())
    role = label_role(key)
    if role is not None:
        return role[0] == "supervises"
    found = find_frames(cue.lower())
    return bool(found) and found[0].relation == "down"


def _claim(check: Check, node: int, sup: int, rel: Relation) -> str:
    """What one source says, in its own direction ("B supervises X" or "X reports to B")."""
    prov = rel.prov
    where = check.where(prov)
    if prov.cue and _supervision_cue(prov.cue):
        said = f"{check.name(sup)} supervises it"
    else:
        said = f"it reports to {check.name(sup)}"
    quoted = f' ("{prov.cue}")' if prov.cue else ""
    return f"{where}{quoted} says {said}"


@rule("X001", "sources-disagree", Severity.ERROR)
def sources_disagree(check: Check) -> Iterator[Finding]:
    """Different sources name different primary superiors for one post.

    One source is out of date, or one of the two lines is really a dotted
    line. The chart uses the first claim; correct the source that is wrong
    (or make its line `secondary`). The message quotes each source's claim
    with its file and line, or its character span and cue in a posting.

    Fails::

        organizations:
          - name: Hartford Public Schools
            posts:
              - {id: coo, title: Chief Operating Officer, root: true}
              - {id: deputy, title: Deputy Superintendent, reports_to: coo}
              - id: dir
                title: Director of Transportation
                reports_to:
                  - to: coo
                    source: {file: hps-org-chart.csv, line: 14}
                  - to: deputy
                    source: {file: postings/director.md, line: 12, cue: "Reports To:"}

    Passes::

        organizations:
          - name: Hartford Public Schools
            posts:
              - {id: coo, title: Chief Operating Officer, root: true}
              - {id: deputy, title: Deputy Superintendent, reports_to: coo}
              - id: dir
                title: Director of Transportation
                reports_to:
                  - to: coo
                    source: {file: hps-org-chart.csv, line: 14}
                  - to: coo
                    source: {file: postings/director.md, line: 12, cue: "Reports To:"}
    """
    for node in check.graph.extra_primary:
        claims = primary_claims(check, node)
        if len(sources_of(claims)) < 2 or len({s for s, _ in claims}) < 2:
            continue
        said = "; ".join(_claim(check, node, s, r) for s, r in claims)
        yield check.finding(
            f"sources disagree on who {check.name(node)} reports to: {said}; "
            "the chart uses the first",
            [node, *dict.fromkeys(s for s, _ in claims)],
            [r.prov for _, r in claims],
        )


RULES = (sources_disagree,)
