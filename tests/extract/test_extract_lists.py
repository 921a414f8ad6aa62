"""Splitting stated objects into names the way a reader would, and cleaning the names."""

from __future__ import annotations

import pytest

from orgmodel.extract.lists import split_items
from orgmodel.extract.names import clean_name, is_person_name, smart_title
from orgmodel.extract.prose import object_end, skip_verb_chain
from orgmodel.extract.sections import work_view


def items(text: str, *, prose: bool = True) -> list[str]:
    view = work_view(text)
    end = object_end(view, 0, len(view)) if prose else len(view)
    out = []
    for piece in split_items(view, 0, end, prose=prose):
        cleaned = clean_name(view[piece.start : piece.end])
        if cleaned is not None:
            out.append(cleaned.name + (" [indirect]" if piece.indirect else ""))
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
            "the Executive Vice President and Corporate Secretary.",
            ["Executive Vice President and Corporate Secretary"],
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
        (
            "the Division Chief and Senior Archivist, Asian Art",
            ["Division Chief and Senior Archivist, Asian Art"],
        ),
        ("the CEO, Jordan Avery.", ["CEO"]),
        (
            "the archives, photography, and exhibits staff and coordination with the design team",
            ["archives, photography, and exhibits staff"],
        ),
        (
            "all of the branch libraries and of all the staff and various support units "
            "of the System.",
            [
                "all of the branch libraries",
                "all the staff",
                "various support units of the System",
            ],
        ),
        (
            "six managers who oversee 14 service areas.",
            ["six managers", "14 service areas [indirect]"],
        ),
        (
            "three sections, through section leads, with varied duties;",
            ["three sections [indirect]", "section leads"],
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
            "(1) two clerks; (2) a large unit of second (e.g., journey) and third level clerks; "
            "or (3) aides.",
            ["two clerks", "large unit of second (e.g., journey) and third level clerks", "aides"],
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
    assert [p.marker for p in split_items(text, 0, len(text), prose=False)] == [
        "primary",
        "secondary",
    ]


def test_object_end_stops_at_a_new_clause_after_an_opening_phrase() -> None:
    text = (
        "the Provost/Vice President of Academic Affairs, the Deans of the colleges are responsible"
    )
    assert text[: object_end(text, 0, len(text), participial=True)] == (
        "the Provost/Vice President of Academic Affairs"
    )
    text = "the Board, general supervision of all schools"
    assert text[: object_end(text, 0, len(text), stop_at_comma=True)] == "the Board"


def test_skip_verb_chain() -> None:
    text = "Supervises and trains support staff"
    assert text[skip_verb_chain(text, len("Supervises"), len(text)) :] == " support staff"


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
