"""Whole-posting behaviour: which statements become lines, their kinds, and what is never read.

These run the shipped weights end to end, so a retrained scorer that forgets one of the
labelling conventions fails here.
"""

from __future__ import annotations

import pytest

from orgmodel.extract import ReportingFact, SupervisionFact, extract
from orgmodel.extract.candidates import find_candidates
from orgmodel.extract.layout import Layout


def reports(text: str) -> list[tuple[str, str]]:
    return [(f.name, f.kind) for f in extract(text).reports_to]


def supervises(text: str) -> list[tuple[str, str, str]]:
    return [(f.name, f.kind, f.target) for f in extract(text).supervises]


@pytest.mark.parametrize(
    "text",
    [
        "Supervision is not a responsibility of this position.",
        "The Clerk does not supervise other employees.",
        "This position has no supervisory responsibility for staff.",
        "Reports to: N/A\nSupervises: None",
        "Under executive direction, plans the program.",
        "Experience supervising staff is preferred.",
        "Ability to supervise clerks.",
        "Report safety concerns to the Safety Officer.",
        "Hires all staff except those who report directly to the Board.",
        "Prepares monthly reports to the Board.",
        "Works closely with nurses and serves as liaison to families.",
        "Offers coaching and support to supervisors and staff.",
    ],
)
def test_non_statements_invent_nothing(text: str) -> None:
    ex = extract("Clerk\n" + text)
    assert (ex.reports_to, ex.supervises) == ([], [])


def test_negation_is_reported() -> None:
    ex = extract("Clerk\nThe Clerk does not supervise other employees.")
    assert any(w.startswith("negated") for w in ex.warnings)


def test_supervising_people_who_are_not_staff_is_not_an_org_relation() -> None:
    assert supervises("Bus Driver\nSupervises students on the bus.") == []
    assert supervises("Charge Nurse\nSupervises patients and visitors in the unit.") == []


def test_another_post_as_the_subject_is_not_this_post() -> None:
    title = "Job Title: Payroll Technician\n"
    assert supervises(title + "The Office Manager supervises the payroll clerks.") == []
    assert reports(title + "The Office Manager reports to the Controller.") == []
    # the post itself, named shortly, is still this post
    assert supervises(title + "The Technician supervises the payroll clerks.") == [
        ("payroll clerks", "direct", "post")
    ]


def test_the_post_itself_named_as_superior_is_read_the_other_way_round() -> None:
    text = (
        "Facilities Manager\nAll custodial staff shall be under the direct supervision of "
        "the Facilities Manager."
    )
    assert supervises(text) == [("custodial staff", "direct", "post")]
    assert reports(text) == []
    text = "Superintendent of Public Works\nThe division heads report to the Superintendent."
    assert supervises(text) == [("division heads", "direct", "post")]


def test_a_field_wins_and_the_prose_it_outweighs_is_reported() -> None:
    text = "Aide\nReports to: Principal\nWorks under the direction of the lead teacher.\n"
    ex = extract(text)
    assert [f.name for f in ex.reports_to] == ["Principal"]


def test_primary_secondary_and_skip_level() -> None:
    assert reports("REPORTS TO: Deputy Chief (Primary)/Chief (Secondary)") == [
        ("Deputy Chief", "primary"),
        ("Chief", "secondary"),
    ]
    assert reports("Clerk\nIMMEDIATE SUPERVISOR Office Manager\nMAJOR ADMINISTRATOR Dean\n") == [
        ("Office Manager", "primary"),
        ("Dean", "secondary"),
    ]
    assert reports("Reports to: Executive Director (dotted line to Finance Director)") == [
        ("Executive Director", "primary"),
        ("Finance Director", "secondary"),
    ]
    assert reports("The Clerk reports directly to the Mayor and indirectly to the Council.") == [
        ("Mayor", "primary"),
        ("Council", "secondary"),
    ]


def test_generic_superiors_are_flagged() -> None:
    ex = extract(
        "Technician\nWorks under the general supervision of a department or division manager."
    )
    assert [(f.name, f.generic) for f in ex.reports_to] == [
        ("department or division manager", True)
    ]
    ex = extract("Coordinator\nThe Coordinator reports to a Director, Manager, or Supervisor.")
    assert [f.generic for f in ex.reports_to] == [True, True, True]
    ex = extract("Clerk\nReports to: City Clerk")
    assert [f.generic for f in ex.reports_to] == [False]


def test_units_and_posts_are_told_apart() -> None:
    text = (
        "Director\nSupervises: Facilities Department, Payroll Office, Police Chief, Accounting Team"
    )
    assert [(n, t) for n, _, t in supervises(text)] == [
        ("Facilities Department", "unit"),
        ("Payroll Office", "unit"),
        ("Police Chief", "post"),
        ("Accounting Team", "unit"),
    ]


def test_directly_and_indirectly_sub_labels() -> None:
    text = "SUPERVISION EXERCISED:\nDirectly: Operations Manager\nIndirectly: maintenance staff\n"
    assert supervises(text) == [
        ("Operations Manager", "direct", "post"),
        ("maintenance staff", "indirect", "post"),
    ]


def test_through_subordinate_supervisors() -> None:
    text = "Manager\nSupervises several units through subordinate supervisors."
    cands = find_candidates(Layout(text), title="Manager")
    assert [(c.name, c.kind) for c in cands] == [
        ("units", "indirect"),
        ("subordinate supervisors", "direct"),
    ]
    assert ("subordinate supervisors", "direct", "post") in supervises(text)


def test_links_are_never_reporting_lines() -> None:
    ex = extract("Analyst\nServes as liaison to the Audit Committee and advises the Treasurer.")
    assert ex.reports_to == [] and ex.supervises == []
    assert [(f.name, f.type) for f in ex.links] == [
        ("Audit Committee", "liaison"),
        ("Treasurer", "advises"),
    ]


def test_two_labels_stacked_before_their_values() -> None:
    text = "OVERVIEW: Reports to: Supervises: Superintendent Business Manager, Grants Officer.\n"
    assert reports(text) == [("Superintendent", "primary")]
    assert [name for name, _, _ in supervises(text)] == ["Business Manager", "Grants Officer"]


def test_the_same_superior_twice_is_one_fact_in_its_fullest_wording() -> None:
    text = (
        "Clerk\nReports to: Mayor\nThe Clerk works under the direction and authority of the Mayor."
    )
    assert reports(text) == [("Mayor", "primary")]
    text = (
        "City Manager\nThe City Manager reports to the Mayor and Council. The City Council "
        "sets policy."
    )
    assert reports(text) == [("Mayor", "primary"), ("City Council", "primary")]


def test_a_participial_opener_ends_at_the_main_clause() -> None:
    text = (
        "Dean\nReporting to the Provost/Vice President of Academic Affairs, the Deans of the "
        "colleges are responsible for their programs."
    )
    assert reports(text) == [("Provost/Vice President of Academic Affairs", "primary")]


def test_every_fact_has_a_confidence_and_a_rule() -> None:
    ex = extract("Clerk\nReports to: City Clerk\nThe Clerk supervises two interns.")
    facts: list[ReportingFact | SupervisionFact] = [*ex.reports_to, *ex.supervises]
    assert facts and all(0.0 <= f.confidence <= 1.0 and f.rule for f in facts)
    assert ex.reports_to[0].rule == "field:field-reports"
    assert ex.supervises[0].rule == "prose:supervise"
