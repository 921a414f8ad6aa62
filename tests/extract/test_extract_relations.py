"""Cue families, the checks that stop a cue from being read, and precedence of sources."""

from __future__ import annotations

import pytest

from orgmodel.extract import extract
from orgmodel.extract.frames import find_frames as find_cues


def reports(text: str) -> list[tuple[str, str]]:
    return [(f.name, f.kind) for f in extract(text).reports_to]


def supervises(text: str) -> list[tuple[str, str, str]]:
    return [(f.name, f.kind, f.target) for f in extract(text).supervises]


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("He reports directly to the Mayor.", "report"),
        ("Reporting to the Dean, the Chair leads.", "report"),
        ("The Manager is accountable to the Board.", "accountable"),
        ("Works under the general supervision of the Clerk.", "under"),
        ("Under direction of the COO, provides support.", "under"),
        ("DescriptionUnder direction of the COO", "under"),
        ("Receives general direction from the Director.", "receives"),
        ("Performs duties as directed by the Principal.", "directed"),
        ("Serves at the pleasure of the Board.", "pleasure"),
        ("Exercises direct supervision over the Analyst.", "exercise"),
        ("Supervision is exercised over six managers.", "exercised"),
        ("Assigns and reviews the work of two clerks.", "work-of"),
        ("Serves as liaison to the Audit Committee.", "liaison"),
        ("Advises the City Council.", "advises"),
        ("Works closely with the City Attorney.", "works-with"),
        ("Has a dotted-line reporting relationship to the CMO.", "secondary"),
        ("Is responsible for the effective operations of two crews.", "operations-of"),
        ("Works in close coordination with the Budget Office.", "in-collaboration"),
        ("Has supervisory responsibility for two clerks.", "exercise"),
        ("Plans and directs the work of the crews.", "work-of"),
    ],
)
def test_cue_families(text: str, family: str) -> None:
    assert [c.family for c in find_cues(text)][:1] == [family]


def test_words_that_only_look_like_cues() -> None:
    assert find_cues("Supervisory skills; supervisor of the year; reportedly") == []
    assert find_cues("The Director and the Coordinator review the planning, coordination") == []


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
        "The role requires strong skills in managing teams of engineers.",
    ],
)
def test_non_statements_invent_nothing(text: str) -> None:
    ex = extract("Clerk\n" + text)
    assert (ex.reports_to, ex.supervises) == ([], [])


def test_supervising_people_who_are_not_staff_is_not_an_org_relation() -> None:
    ex = extract("Bus Driver\nSupervises students on the bus.")
    assert ex.supervises == []
    assert any("not staff" in w for w in ex.warnings)


def test_another_class_as_subject_is_not_this_post() -> None:
    text = (
        "Analyst II\nThe Analyst II supervises interns, while the Analyst I works under close "
        "supervision and the Program Manager supervises the Analysts."
    )
    assert supervises(text) == [("interns", "direct", "post")]


def test_another_post_as_the_direct_subject_of_the_cue() -> None:
    title = "Job Title: Payroll Technician\n"
    assert supervises(title + "The Office Manager supervises the payroll clerks.") == []
    assert supervises(title + "Each division's Office Manager supervises the clerks.") == []
    assert reports(title + "The Office Manager reports to the Controller.") == []
    # the post itself, named shortly, is still this post
    assert supervises(title + "The Technician supervises the payroll clerks.") == [
        ("payroll clerks", "direct", "post")
    ]


def test_running_the_operations_of_teams_and_units_is_supervision() -> None:
    text = "Crew Chief\nThe Crew Chief is responsible for the day-to-day operations of the {}."
    assert supervises(text.format("Street Maintenance Section")) == [
        ("Street Maintenance Section", "direct", "unit")
    ]
    assert supervises(text.format("paving crews")) == [("paving crews", "direct", "post")]
    for thing in ("administrative functions of the county", "work-order system", "snow program"):
        assert supervises(text.format(thing)) == [], thing


def test_the_post_itself_named_as_superior_is_read_the_other_way_round() -> None:
    text = (
        "Facilities Manager\nAll custodial staff shall be under the direct supervision of "
        "the Facilities Manager."
    )
    assert supervises(text) == [("All custodial staff", "direct", "post")]
    assert reports(text) == []


def test_fields_win_over_prose_and_prose_is_not_lost_silently() -> None:
    text = "Aide\nReports to: Principal\nWorks under the direction of the lead teacher.\n"
    ex = extract(text)
    assert [f.name for f in ex.reports_to] == ["Principal"]
    assert any("lead teacher" in w and "ignored" in w for w in ex.warnings)


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
    assert [t for _, _, t in supervises(text)] == ["unit", "unit", "post", "unit"]


def test_directly_and_indirectly_sub_labels() -> None:
    text = "SUPERVISION EXERCISED:\nDirectly: Operations Manager\nIndirectly: maintenance staff\n"
    assert supervises(text) == [
        ("Operations Manager", "direct", "post"),
        ("maintenance staff", "indirect", "post"),
    ]


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


def test_the_same_superior_twice_is_one_fact() -> None:
    text = (
        "Clerk\nReports to: Mayor\nThe Clerk works under the direction and authority of the Mayor."
    )
    assert reports(text) == [("Mayor", "primary")]
