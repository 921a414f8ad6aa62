"""Reading the object of a cue: where each name ends, how a list splits, how names clean."""

from __future__ import annotations

import pytest

from orgmodel.extract.names import clean_name, is_person_name, smart_title
from orgmodel.extract.phrases import read_object
from orgmodel.extract.sections import work_view
from orgmodel.extract.vocab import classify


def items(text: str, *, prose: bool = True, up: bool = False) -> list[str]:
    view = work_view(text)
    out = []
    for item in read_object(view, 0, len(view), up=up, field_mode=not prose).items:
        cleaned = clean_name(view[item.start : item.end])
        if cleaned is not None:
            indirect = item.marker in {"indirect", "indirect-through"}
            out.append(cleaned.name + (" [indirect]" if indirect else ""))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "the Accounts Manager, Budget Analyst and an Intern.",
            ["Accounts Manager", "Budget Analyst", "Intern"],
        ),
        ("a Director, Manager, or Supervisor.", ["Director", "Manager", "Supervisor"]),
        (
            "the Executive Vice President and the Corporate Secretary.",
            ["Executive Vice President", "Corporate Secretary"],
        ),
        ("the Police Chief and Fire Chief.", ["Police Chief", "Fire Chief"]),
        (
            "the Town Administrator and Finance Committee.",
            ["Town Administrator", "Finance Committee"],
        ),
        ("student employees and/or hourly employees.", ["student employees", "hourly employees"]),
        ("a technical or administrative supervisor.", ["technical or administrative supervisor"]),
        (
            "the department or division manager and is evaluated.",
            ["department or division manager"],
        ),
        ("Township department heads and approves their budgets.", ["Township department heads"]),
        ("the Library Director and provides support to Principals.", ["Library Director"]),
        ("the CEO, Jordan Avery.", ["CEO"]),
        ("six managers who oversee 14 service areas.", ["managers"]),
        (
            "three sections, through section leads, with varied duties;",
            ["sections [indirect]"],
        ),
        ("a small staff of DCS Officers.", ["DCS Officers"]),
        ("a team of 8 plant supervisors repairing roads", ["plant supervisors"]),
        ("all members of the custodial staff.", ["custodial staff"]),
        ("instructional staff as assigned.", ["instructional staff"]),
        ("staff who perform clerical work.", ["staff"]),
        ("crews repairing roads, and two sign shops.", ["crews", "sign shops"]),
        ("the three-member Board of County Commissioners.", ["Board of County Commissioners"]),
        ("a large and varied clerical staff in the office.", ["clerical staff"]),
        ("sworn and non-sworn personnel.", ["sworn and non-sworn personnel"]),
        ("collection and content managers.", ["collection and content managers"]),
        (
            "all programs and operations of the College, including faculty and staff.",
            ["programs", "operations of the College", "faculty", "staff"],
        ),
        ("staff to carry out the mission", ["staff"]),
        ("professional and paraprofessional staff.", ["professional and paraprofessional staff"]),
        (
            "the Director of Brand and the Director of Demand Generation.",
            ["Director of Brand", "Director of Demand Generation"],
        ),
        ("the Medical Director and in collaboration with physicians.", ["Medical Director"]),
        ("student workers for the Department", ["student workers"]),
        (
            "the Streets and Construction Superintendent and the Utilities Superintendent.",
            ["Streets and Construction Superintendent", "Utilities Superintendent"],
        ),
    ],
)
def test_prose_lists(text: str, expected: list[str]) -> None:
    assert items(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Office of Admissions and Student Aid, Grounds Department, Food & Child "
            "Nutrition Services Department, Fleet Office, and Instructional Technology",
            [
                "Office of Admissions and Student Aid",
                "Grounds Department",
                "Food & Child Nutrition Services Department",
                "Fleet Office",
                "Instructional Technology",
            ],
        ),
        (
            "Town Clerk/Director of Elections, Director of Libraries & Museums, "
            "Zoning Director and Fire Marshal",
            [
                "Town Clerk/Director of Elections",
                "Director of Libraries & Museums",
                "Zoning Director",
                "Fire Marshal",
            ],
        ),
        (
            "Director of Parks, Recreation and Cultural Affairs",
            ["Director of Parks, Recreation and Cultural Affairs"],
        ),
        (
            "Fleet Supervisor; Parts Coordinator; Mechanic II",
            ["Fleet Supervisor", "Parts Coordinator", "Mechanic II"],
        ),
        (
            "Patient Care Technicians & Unit Secretaries",
            ["Patient Care Technicians", "Unit Secretaries"],
        ),
        (
            "Deputy Superintendent for Operations and Finance (Primary)/Superintendent (Secondary)",
            ["Deputy Superintendent for Operations and Finance", "Superintendent"],
        ),
    ],
)
def test_field_lists(text: str, expected: list[str]) -> None:
    assert items(text, prose=False) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a post chosen case by case cannot hold a combined title: the slash offers two
        ("Assigned Teacher/Principal", ["Assigned Teacher", "Principal"]),
        (
            "Designated Nurse Manager/House Supervisor",
            ["Designated Nurse Manager", "House Supervisor"],
        ),
        # a particular post's combined title stays one name
        ("City Clerk/Director of General Services", ["City Clerk/Director of General Services"]),
        ("Assigned Teacher/Teaching Team", ["Assigned Teacher/Teaching Team"]),
    ],
)
def test_a_slash_after_a_generic_qualifier_offers_alternatives(
    text: str, expected: list[str]
) -> None:
    assert items(text, prose=False) == expected


def test_a_name_with_its_own_and_after_the_last_conjunction() -> None:
    text = "the Accounts Manager, the Cashier and the Energy and Sustainability Coordinator."
    assert items(text) == ["Accounts Manager", "Cashier", "Energy and Sustainability Coordinator"]
    assert items("the Accounts Manager and the Parks and Recreation Board") == [
        "Accounts Manager",
        "Parks and Recreation Board",
    ]


def test_markers_say_primary_or_secondary() -> None:
    text = "Deputy Superintendent (Primary)/Superintendent (Secondary)"
    reading = read_object(text, 0, len(text), up=True, field_mode=True)
    assert [(text[i.start : i.end], i.marker) for i in reading.items] == [
        ("Deputy Superintendent", "primary"),
        ("Superintendent", "secondary"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "the Executive Vice President and Corporate Secretary.",
            ["Executive Vice President and Corporate Secretary"],
        ),
        (
            "the Division Chief and Senior Archivist, Asian Art",
            ["Division Chief and Senior Archivist, Asian Art"],
        ),
        ("the Director, Port Department, and works", ["Director, Port Department"]),
        ("the Mayor and City Council.", ["Mayor", "City Council"]),
        (
            "the Technical Operations, Technical Services Organization, Support Group Manager.",
            ["Technical Operations, Technical Services Organization, Support Group Manager"],
        ),
        (
            "the Regional Manager or Branch Administrator.",
            ["Regional Manager", "Branch Administrator"],
        ),
        ("the Board of Commissioners or Directors.", ["Board of Commissioners or Directors"]),
        (
            "the Provost/Vice President of Academic Affairs.",
            ["Provost/Vice President of Academic Affairs"],
        ),
        ("the Plant Director / Regional HR.", ["Plant Director", "Regional HR"]),
    ],
)
def test_superiors_combined_titles_and_qualifiers(text: str, expected: list[str]) -> None:
    """A superior is one post more often than two: a combined title stays whole there."""
    assert items(text, up=True) == expected


def test_the_end_of_a_name_by_form_not_by_a_verb_list() -> None:
    # participles and relative clauses end a name whatever the verb
    for verb in ("repairing", "maintaining", "overhauling", "refurbishing"):
        assert items(f"crews {verb} the county roads.") == ["crews"], verb
    for clause in ("who staff the desk", "that keep records", "responsible for intake"):
        assert items(f"clerks {clause}.") == ["clerks"], clause
    # but a participle before the head is part of the name
    assert items("assigned staff and licensed nurses.") == ["assigned staff", "licensed nurses"]


@pytest.mark.parametrize(
    ("raw", "name", "abbreviation", "determiner"),
    [
        ("the Chief Operating Officer (COO)", "Chief Operating Officer", "COO", "the"),
        (
            "Deputy Director of Public Works or designee",
            "Deputy Director of Public Works",
            None,
            None,
        ),
        ("an assigned crew leader (or designee)", "assigned crew leader", None, "an"),
        ("lower-level Benefits Specialists", "Benefits Specialists", None, None),
        ("Tax Clerk (7731KB)", "Tax Clerk", None, None),
        ("PRINCIPAL", "Principal", None, None),
        ("1. Senior Accountant;", "Senior Accountant", None, None),
    ],
)
def test_clean_name(raw: str, name: str, abbreviation: str | None, determiner: str | None) -> None:
    cleaned = clean_name(raw)
    assert cleaned is not None
    assert (cleaned.name, cleaned.abbreviation, cleaned.determiner) == (
        name,
        abbreviation,
        determiner,
    )


def test_clean_name_of_nothing() -> None:
    assert clean_name("the") is None and clean_name(" , 123 ") is None


def test_person_names_and_smart_title() -> None:
    assert is_person_name("Maren Holt") and is_person_name("Jordan Avery")
    assert not is_person_name("Asian Art") and not is_person_name("Exhibit Developer")
    assert not is_person_name("Mayor") and not is_person_name("Ann Lee Ray Bo")
    assert smart_title("IT PROJECT LEADER") == "IT Project Leader"
    assert smart_title("CITY OF NEW YORK") == "City of New York"


@pytest.mark.parametrize(
    ("name", "klass"),
    [
        ("Streets, Fleet and Parks divisions", "unit"),
        ("Production, Engineering, and Janitorial staff", "people"),
        ("Director, Finance and Administration", "post"),
    ],
)
def test_a_list_sharing_its_head_is_classed_by_that_head(name: str, klass: str) -> None:
    """With or without the serial comma; a post before a comma keeps its qualifier out."""
    assert classify(name) == klass


@pytest.mark.parametrize(
    "text",
    ["the Accounts Payable and Payroll units", "the Human Resources and Finance departments"],
)
def test_capitalised_names_sharing_one_head_read_as_one_item(text: str) -> None:
    """A coordinated group with one head noun stays one item (the conventions), capitalised
    modifiers too."""
    reading = read_object(text, 0, len(text))
    assert [text[i.start : i.end] for i in reading.items] == [text.removeprefix("the ")]
