"""Minimal pairs: one sentence, its cue reworded, the same fact read every time.

A posting says "reports to the Mayor" as often as "works under the Mayor's direction" or
"is accountable to the Mayor". Each group below keeps the sentence and the names fixed and
rewords only the cue, in every grammatical form (finite, participle, gerund, passive,
nominal); the extractor must read the same relation from each. The sentences are written
for these tests (no corpus text), with titles and names varied so that no rule can key on
one of them.
"""

from __future__ import annotations

import pytest

from orgmodel.extract import extract

UP = [
    "The {title} reports to the {boss}.",
    "The {title} reports directly to the {boss}.",
    "The {title} reports into the {boss}.",
    "The {title} reports up to the {boss}.",
    "The {title} will report to the {boss}.",
    "Reporting to the {boss}, the {title} leads the office.",
    "This position reports to the {boss}.",
    "The {title} is a direct report of the {boss}.",
    "The {title} works for the {boss}.",
    "The {title} takes direction from the {boss}.",
    "The {title} receives general supervision from the {boss}.",
    "The {title} receives direction from the {boss}.",
    "The {title} is supervised by the {boss}.",
    "The {title} is directed by the {boss}.",
    "The {title} is managed by the {boss}.",
    "Work is performed under the general direction of the {boss}.",
    "Works under the supervision of the {boss}.",
    "Under the direction of the {boss}, the {title} plans the work.",
    "The {title} works under the {boss}'s direction.",
    "The {title} is accountable to the {boss}.",
    "The {title} is responsible to the {boss}.",
    "The {title} is answerable to the {boss}.",
    "The {title} is appointed by and reports to the {boss}.",
    "The {title} serves at the pleasure of the {boss}.",
    "The {title} performs duties as directed by the {boss}.",
    "General supervision is received from the {boss}.",
    "Reports to: {boss}",
    "Reporting Line: {boss}",
    "Immediate Supervisor: {boss}",
    "REPORTS TO {boss_upper}",
    "Supervisor: {boss}",
    "Position Reports To: {boss}",
    "You will report to the {boss}.",
    "You'll report directly to the {boss}.",
    "You will be reporting to the {boss}.",
    "The {title} reports administratively to the {boss}.",
    "This role reports to the {boss}.",
    "The position is overseen by the {boss}.",
    "Answers to the {boss}.",
    "The {title} answers directly to the {boss}.",
    "Is under the direct supervision of the {boss}.",
    "Works under the leadership of the {boss}.",
    "Serves under the direction of the {boss}.",
    "The {title} works closely with and reports to the {boss}.",
    "Reporting directly to the {boss}, you will lead the program.",
    "This position is supervised by the {boss}.",
    "The {title} receives direction and guidance from the {boss}.",
    "Supervision Received: {boss}",
    "Supervisor/Manager: {boss}",
    "Reports To - {boss}",
    "Reports To | {boss}",
    "Reports to:{boss}",
    "3.0 REPORTS TO: {boss}",
    "The {title} shall be responsible to the {boss}.",
    "The {title} is directly accountable to the {boss}.",
    "Receives supervision from the {boss}.",
    "Job Title: {title}\nReports to\n{boss}",
    "The {title} falls under the {boss}.",
    "The {title} comes under the {boss}.",
    "The {title}'s supervisor is the {boss}.",
    "Your manager will be the {boss}.",
    "The {title} sits within the department and reports to the {boss}.",
    "Reports To\t{boss}",
    "Reports to the {boss} or the {boss}'s designee.",
    "The {title} reports to the {boss} or designee.",
    "Job Title\t{title}\nReports To\t{boss}",
]

DOWN = [
    "The {title} supervises the {team}.",
    "The {title} directly supervises the {team}.",
    "Supervises the {team}.",
    "Supervises and trains the {team}.",
    "Hires, trains, evaluates and supervises the {team}.",
    "The {title} oversees the {team}.",
    "Oversees the work of the {team}.",
    "The {title} manages the {team}.",
    "The {title} directs the {team}.",
    "Directs the work of the {team}.",
    "Assigns and reviews the work of the {team}.",
    "Plans, assigns and reviews the work of the {team}.",
    "Provides direction to the {team}.",
    "Provides direct supervision to the {team}.",
    "Exercises supervision over the {team}.",
    "Supervision is exercised over the {team}.",
    "Is responsible for supervising the {team}.",
    "Responsibilities include supervision of the {team}.",
    "Leads a team of 12 {team}.",
    "Manages a staff of {team}.",
    "The {title} has direct supervision over the {team}.",
    "Supervises: {team_cap}",
    "Direct Reports: {team_cap}",
    "Positions Supervised: {team_cap}",
    "Supervises up to 10 {team}.",
    "Manages a team of 5 {team}.",
    "You will lead a team of {team}.",
    "Has oversight of the {team}.",
    "Provides oversight of the {team}.",
    "Supervisory responsibility over the {team}.",
    "Is in charge of the {team}.",
    "Responsible for the supervision of the {team}.",
    "You will supervise the {team}.",
    "The {title} will manage the {team}.",
    "Oversight of {team}.",
    "Trains, schedules and supervises {team}.",
    "Supervises, trains, and evaluates {team}.",
    "Direct reports include the {team}.",
    "The {team} report directly to this position.",
    "This position supervises the {team}.",
    "SUPERVISES: {team_cap}",
    "Supervision Exercised: {team_cap}",
    "Directs and supervises the {team}.",
    "Serves as the first-line supervisor for the {team}.",
    "Supervises approximately 12 {team}.",
    "Oversees nearly 40 {team}.",
    "Supervises a squad of {team}.",
    "Supervises a rotating roster of {team}.",
    "Supervises the following: {team_cap}",
    "Responsible for a team of {team}.",
    "Is responsible for a staff of 12 {team}.",
]

CASES = [
    # (title, boss, team)
    ("Deputy Clerk", "City Clerk", "records technicians"),
    ("Fleet Supervisor", "Director of Public Works", "fleet mechanics"),
    ("Nurse Manager", "Chief Nursing Officer", "charge nurses"),
    ("Branch Librarian", "Library Director", "library assistants"),
]


def _fill(template: str, title: str, boss: str, team: str) -> str:
    return template.format(
        title=title,
        boss=boss,
        boss_upper=boss.upper(),
        team=team,
        team_cap=team[:1].upper() + team[1:],
    )


@pytest.mark.parametrize("template", UP)
@pytest.mark.parametrize(("title", "boss", "team"), CASES)
def test_every_form_of_a_reporting_line(template: str, title: str, boss: str, team: str) -> None:
    ex = extract(f"{title}\n" + _fill(template, title, boss, team))
    assert [f.name for f in ex.reports_to] == [boss]
    assert ex.supervises == []


@pytest.mark.parametrize("template", DOWN)
@pytest.mark.parametrize(("title", "boss", "team"), CASES)
def test_every_form_of_supervision(template: str, title: str, boss: str, team: str) -> None:
    ex = extract(f"{title}\n" + _fill(template, title, boss, team))
    assert [f.name.lower() for f in ex.supervises] == [team]
    assert ex.reports_to == []


NOTHING = [
    "The {title} does not supervise the {team}.",
    "The {title} has no supervisory responsibilities.",
    "This position has no direct reports.",
    "Supervises: None",
    "Supervision Exercised: None.",
    "Experience supervising {team} is preferred.",
    "Ability to supervise {team}.",
    "Must be able to report to the {boss} daily on progress.",
    "Prepares monthly reports to the {boss}.",
    "Works closely with the {boss}.",
    "Advises the {boss} on policy.",
    "Serves as liaison to the {boss}.",
    "Provides leadership to the {team}.",
    "Coordinates with the {team}.",
    "The {boss} supervises the {team}.",
]


@pytest.mark.parametrize("template", NOTHING)
@pytest.mark.parametrize(("title", "boss", "team"), CASES)
def test_what_states_no_line(template: str, title: str, boss: str, team: str) -> None:
    ex = extract(f"{title}\n" + _fill(template, title, boss, team))
    assert (ex.reports_to, ex.supervises) == ([], [])


def test_a_count_of_direct_reports_names_the_group() -> None:
    ex = extract("Fleet Supervisor\nHas 6 direct reports.")
    assert [f.name for f in ex.supervises] == ["direct reports"]


def test_direct_reports_named_in_a_parenthesis() -> None:
    ex = extract("Fleet Supervisor\nHas 3 direct reports (Lead Mechanic, Parts Clerk, Welder).")
    assert [f.name for f in ex.supervises] == ["Lead Mechanic", "Parts Clerk", "Welder"]


@pytest.mark.parametrize(
    ("sentence", "group"),
    [
        ("Supervises 25 employees.", "employees"),
        ("Supervise 3-5 employees.", "employees"),
        ("This position oversees a staff of 14.", "staff"),
        ("Supervises one (1) Administrative Assistant.", "Administrative Assistant"),
    ],
)
def test_a_group_named_only_by_its_count(sentence: str, group: str) -> None:
    """ "employees" stands for this post only as a subject; "a staff of 14" is the staff."""
    ex = extract(f"Records Manager\n\n{sentence}")
    assert [f.name for f in ex.supervises] == [group]


@pytest.mark.parametrize(("title", "boss", "team"), CASES)
def test_not_limited_to_supervising_is_supervision(title: str, boss: str, team: str) -> None:
    text = f"{title}\nDuties include, but are not limited to, supervising the {team}."
    assert [f.name for f in extract(text).supervises] == [team]


@pytest.mark.parametrize(("title", "boss", "team"), CASES)
def test_advice_is_a_link_never_a_line(title: str, boss: str, team: str) -> None:
    ex = extract(f"{title}\nThe {title} advises the {boss}.")
    assert ex.reports_to == [] and [(f.name, f.type) for f in ex.links] == [(boss, "advises")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The {team} report to the {title}.",
        "All {team} are supervised by the {title}.",
        "The {team} work under the direction of the {title}.",
        "Reporting to the {title} are the {team}.",
        "The following positions report directly to the {title}: {team_cap}.",
        "The following positions report to the {title}:\n- {team_cap}\n\nDUTIES\nPlans work.",
        "Staff reporting to the {title} include the {team}.",
        "The {team} are direct reports of this position.",
        "The {team} work under this position's direction.",
        "The {team} work under the {title}'s supervision.",
    ],
)
@pytest.mark.parametrize(("title", "boss", "team"), CASES)
def test_inverse_statements(sentence: str, title: str, boss: str, team: str) -> None:
    ex = extract(f"{title}\n" + _fill(sentence, title, boss, team))
    assert [f.name.lower() for f in ex.supervises] == [team]
    assert ex.reports_to == []


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The {title} reports to the {boss} with a dotted line to the Treasurer.", "secondary"),
        ("Reports to: {boss}; dotted line to the Treasurer", "secondary"),
        ("The {title} has a dotted-line reporting relationship to the Treasurer.", "secondary"),
        ("Reports to: {boss} (Primary)/Treasurer (Secondary)", "secondary"),
        ("The {title} reports to the {boss} and functionally to the Treasurer.", "secondary"),
    ],
)
def test_dotted_lines(sentence: str, kind: str) -> None:
    title, boss, _ = CASES[0]
    ex = extract(f"{title}\n" + sentence.format(title=title, boss=boss))
    kinds = {f.name: f.kind for f in ex.reports_to}
    assert kinds.get("Treasurer") == kind
    if "{boss}" in sentence:
        assert kinds.get(boss) == "primary"


LISTED = [
    "SUPERVISION EXERCISED\n- {a}\n- {b}\n\nDUTIES\nPlans the work.",
    "SUPERVISION EXERCISED\n{a}\n{b}\n\nDUTIES\nPlans the work.",
    "SUPERVISION EXERCISED\nSupervises the following positions:\n- {a}\n- {b}\n\nDUTIES\nPlans.",
    "Supervises:\n- {a}\n- {b}\n\nDUTIES\nPlans the work.",
    "Direct reports:\n* {a}\n* {b}\n\nDUTIES\nPlans the work.",
]


@pytest.mark.parametrize("template", LISTED)
@pytest.mark.parametrize(
    ("title", "a", "b"),
    [
        ("Finance Director", "Controller", "Budget Manager"),
        ("Director of Public Works", "Streets Superintendent", "Fleet Manager"),
    ],
)
def test_posts_listed_one_per_line_under_a_heading(
    template: str, title: str, a: str, b: str
) -> None:
    """A short Title Case line under a supervision heading, or a bulleted one, is an item,
    not a heading that would end the section."""
    ex = extract(f"{title}\n\n" + template.format(a=a, b=b))
    assert [f.name for f in ex.supervises] == [a, b]


@pytest.mark.parametrize(
    "sentence",
    [
        "The {title} oversees the divisions of {units}.",
        "Departments reporting to the {title} include the line departments of {units}.",
    ],
)
def test_units_named_after_a_plural_unit_noun(sentence: str) -> None:
    """ "the divisions of Street Maintenance, Fleet Services and ...": each name is a unit."""
    title = "Director of Public Works"
    text = sentence.format(
        title=title,
        units="Street Maintenance, Fleet Services, and Parks Maintenance",
    )
    names = [f.name for f in extract(f"{title}\n\n{text}").supervises]
    assert names == ["Street Maintenance", "Fleet Services", "Parks Maintenance"]


@pytest.mark.parametrize(
    ("sentence", "group"),
    [
        (
            "Oversees daily operations, including volunteer chaplain recruitment, training, "
            "and supervision.",
            "volunteer chaplain",
        ),
        ("Provides crew leader oversight.", "crew leader"),
        ("Responsible for bus driver hiring, scheduling and supervision.", "bus driver"),
    ],
)
def test_the_supervised_written_before_the_noun(sentence: str, group: str) -> None:
    """ "X recruitment, training, and supervision": X is supervised, whatever X is."""
    ex = extract(f"Operations Coordinator\n\n{sentence}")
    assert [f.name for f in ex.supervises] == [group]


def test_supervision_received_is_not_a_premodifier() -> None:
    ex = extract("Operations Coordinator\n\nWorks under minimal supervision.")
    assert ex.supervises == [] and ex.reports_to == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Observes the {team} under his jurisdiction.",
        "Evaluates {team} under her direct supervision.",
        "Schedules the {team} under his or her supervision.",
        "The {title} observes {team} under her jurisdiction.",
    ],
)
@pytest.mark.parametrize(("title", "boss", "team"), CASES)
def test_a_group_under_the_posts_own_supervision(
    sentence: str, title: str, boss: str, team: str
) -> None:
    """ "coaches under his jurisdiction": the group before the cue is supervised."""
    ex = extract(f"{title}\n\n" + _fill(sentence, title, boss, team))
    assert [f.name.lower() for f in ex.supervises] == [team]
    assert ex.reports_to == []


def test_the_post_named_in_common_words_is_the_post() -> None:
    """ "the specialist" in a Payroll Specialist's posting is the post itself, so what it does
    after "and" is this post's ("... and provides work direction to payroll clerks")."""
    ex = extract(
        "Payroll Specialist\n\nThe specialist receives supervision from the Payroll Manager "
        "and provides work direction to payroll clerks."
    )
    assert [f.name for f in ex.reports_to] == ["Payroll Manager"]
    assert [f.name for f in ex.supervises] == ["payroll clerks"]


@pytest.mark.parametrize(
    "boss", ["Dir. of Finance", "Supt. of Schools", "Office Mgr.", "Asst. City Manager"]
)
def test_a_superior_written_with_an_abbreviation(boss: str) -> None:
    """ "Dir." ends no sentence and heads a post as "Director" does."""
    ex = extract(f"Payroll Lead\n\nReports to the {boss} and supervises two clerks.")
    assert [f.name for f in ex.reports_to] == [boss.rstrip(".")]
