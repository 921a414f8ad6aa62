"""Sources that disagree: an org file against a posting, or against another's "Supervises"."""

from __future__ import annotations

from pathlib import Path

from tests.rules.helpers import codes, graph_of, run_rule, validate_files

ORG = """
# hps.yaml
organizations:
  - name: Hartford Public Schools
    posts:
      - {id: supt, title: Superintendent of Schools, root: true}
      - {id: deputy, title: Deputy Superintendent for Administration and Finance, reports_to: supt}
      - {id: coo, title: Chief Operating Officer, abbreviation: COO, reports_to: deputy}
      - {id: transport, title: Director of Transportation, reports_to: coo}
"""

TRANSPORT_POSTING = """
# postings/transport.md
---
title: Director of Transportation
organization: Hartford Public Schools
---

# Director of Transportation

Reports To: Deputy Superintendent for Administration and Finance
"""


def test_a_posting_that_contradicts_the_org_file(tmp_path: Path) -> None:
    findings = validate_files(ORG + "---\n" + TRANSPORT_POSTING, tmp_path)
    (finding,) = [f for f in findings if f.code == "X001"]
    posting = tmp_path / "postings" / "transport.md"
    assert finding.message == (
        "sources disagree on who Director of Transportation reports to: "
        f"{tmp_path / 'hps.yaml'}:7 says it reports to Chief Operating Officer; "
        f'{posting}:8 ("Reports To:") says it reports to Deputy Superintendent for '
        "Administration and Finance; the chart uses the first"
    )
    assert finding.subjects == ("transport", "coo", "deputy")
    assert finding.sources[1].start is not None and finding.sources[1].line is None
    assert "L001" not in codes(findings)


def test_a_posting_that_supervises_a_post_the_org_file_puts_elsewhere(tmp_path: Path) -> None:
    coo_posting = """
    # postings/coo.md
    ---
    title: Chief Operating Officer
    organization: Hartford Public Schools
    ---
    Reports To: Deputy Superintendent for Administration and Finance

    Supervises: Director of Transportation
    """
    graph = graph_of(
        ORG.replace("reports_to: coo}", "reports_to: deputy}") + "---\n" + coo_posting, tmp_path
    )
    (finding,) = run_rule(graph, "X001")
    assert finding.message.endswith(
        f'{tmp_path / "postings" / "coo.md"}:7 ("Supervises:") says Chief Operating Officer '
        "supervises it; the chart uses the first"
    )


def test_sources_that_agree(tmp_path: Path) -> None:
    agreeing = TRANSPORT_POSTING.replace(
        "Deputy Superintendent for Administration and Finance", "Chief Operating Officer"
    )
    assert run_rule(graph_of(ORG + "---\n" + agreeing, tmp_path), "X001") == []
