"""Title, organization and department: where they come from, and None when not stated."""

from __future__ import annotations

import pytest

from orgmodel.extract import extract
from orgmodel.extract.departments import find_department
from orgmodel.extract.organizations import find_organization
from orgmodel.extract.titles import clean_title, find_title


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Position Title: Budget Analyst\n", "Budget Analyst"),
        ("POSITION TITLE\n\nTeacher Assistant\n", "Teacher Assistant"),
        ("Job Posting- County Administrator\nDuties follow.", "County Administrator"),
        ("3110 Duties of the Treasurer\nText.", "Treasurer"),
        ("Now Hiring: Payroll Clerk\nApply below.", "Payroll Clerk"),
        ("Job Opening: Payroll Clerk (#2024-15)\nApply below.", "Payroll Clerk"),
        ("Payroll Clerk | City of Lakeview | Apply\nText.", "Payroll Clerk"),
        ("Payroll Clerk - Part-Time\nText.", "Payroll Clerk"),
        ("CITY OF LAKEVIEW\n\nPAYROLL\nCLERK\n\nReports to the Director.", "Payroll Clerk"),
        ("Town of Birch\nPosition: Deputy Town\nClerk\n\nKeeps records.", "Deputy Town Clerk"),
        ("JOB DESCRIPTION\nCITY MANAGER\n\nLeads the city.", "City Manager"),
        (
            "JOB DESCRIPTION OF THE PARKS SUPERINTENDENT REPORTS TO: City Manager. Text.",
            "Parks Superintendent",
        ),
        (
            "STATE OF LAKEVIEW\n\nBENEFITS AUDITOR SENIOR\n\nDEFINITION\nAudits.",
            "Benefits Auditor Senior",
        ),
        (
            "DIRECTOR OF THE MAYOR'S OFFICE OF HOUSING\nText.",
            "Director of the Mayor's Office of Housing",
        ),
        (
            "Overview\nThe Surgical Technologist (ST) prepares instruments.",
            "Surgical Technologist",
        ),
        (
            "Reporting to the Chief Librarian, the Associate Librarian, Maps and Atlases oversees "
            "the map room.",
            "Associate Librarian, Maps and Atlases",
        ),
        (
            "Overview\nAs the Events and Outreach Coordinator, you will plan.",
            "Events and Outreach Coordinator",
        ),
        (
            "The Town of Birch is recruiting an analyst to serve as Data Governance Lead.",
            "Data Governance Lead",
        ),
        (
            "TOWN OF ELM JOB DESCRIPTION TOWN ENGINEER DUTIES: Designs roads.",
            "Town Engineer",
        ),
        (
            "What are the responsibilities and job description for the Grants Manager position "
            "at Elm County?",
            "Grants Manager",
        ),
        (
            "CFO Job Description\nThe Chief Financial Officer (CFO) leads finance.",
            "Chief Financial Officer",
        ),
        (
            "About us\nWe are hiring a Firmware Engineer to join the embedded team.",
            "Firmware Engineer",
        ),
        (
            "Duties\nThe incumbent serves as the first level Water Quality Laboratory Manager "
            "within Utilities.",
            "Water Quality Laboratory Manager",
        ),
        (
            "PRIMARY DUTY\nThe primary purpose of the Director of Rehabilitation (DOR) is to "
            "plan the therapy department.",
            "Director of Rehabilitation",
        ),
        (
            "These Supervisory Range Technicians are located within the Northern Region.",
            "Supervisory Range Technician",
        ),
        (
            "A county parks superintendent supervises the maintenance crews of the parks.",
            "County Parks Superintendent",
        ),
    ],
)
def test_title_sources(text: str, title: str) -> None:
    assert find_title(text) == title


@pytest.mark.parametrize(
    "text",
    [
        "This is clerical work at the first supervisory level.\nTypical Tasks\nFiles records.",
        "Knowledge of budgets is required.",
        "Guidelines for Academic Assistants\nAssistants help departments.",
    ],
)
def test_no_title_stated(text: str) -> None:
    assert find_title(text) is None


def test_clean_title() -> None:
    assert clean_title("Tax Clerk (7731KB)") == "Tax Clerk"
    assert (
        clean_title("Vice President of Engineering, reporting to CEO")
        == "Vice President of Engineering"
    )
    assert clean_title("Job Summary") is None


@pytest.mark.parametrize(
    ("text", "organization"),
    [
        ("Employer: Bureaus, Boards and Commissions\n", "Bureaus, Boards and Commissions"),
        (
            "The Maple Valley Food Rescue Center is seeking a manager.",
            "Maple Valley Food Rescue Center",
        ),
        ("Apply today. Harbor Food Bank is an Equal Opportunity Employer.", "Harbor Food Bank"),
        ("State of Vermont\n\nClerk II\n", "State of Vermont"),
        ("CITY OF ELMWOOD CLASSIFICATION DESCRIPTION CLERK", "City of Elmwood"),
        ("Support the Northfield Medical Center's mission every day.", "Northfield Medical Center"),
        (
            "Send a resume to hr@lakeshorelibrary.org. Lakeshore Library serves readers.",
            "Lakeshore Library",
        ),
        (
            "Questions? Write to jobs@lhf.org. Join us at Lakeside Heritage Farm.",
            "Lakeside Heritage Farm",
        ),
        ("Email careers@brightpath.com to apply. BrightPath builds tools.", "BrightPath"),
        ("TidyWorks offers benefits. Apply at TidyWorks today.", "TidyWorks"),
        ("Nurse Practitioner\nSummit Valley Health\nProvides urgent care.", "Summit Valley Health"),
        ("About Acme Robotics\nWe build robots. We are hiring an engineer.", "Acme Robotics"),
        (
            "Dental Assistant\nBright Smile Dental Group - Springfield, IL\nFull time",
            "Bright Smile Dental Group",
        ),
        (
            "New York City Government agencies and New York City residents; the City of New York.",
            "New York City",
        ),
        # a job board's employer line with the place fused to it; it may end like a unit
        (
            "Site Lead, Summer Camp\n\nRiverbend Education Service Salem , OR 97301\n\nPosted",
            "Riverbend Education Service",
        ),
        ("Nurse\nHarbor Valley Clinic San Diego, CA\nFull time", "Harbor Valley Clinic"),
        ("Lincoln Middle School\nCustodian\n", "Lincoln Middle School"),  # the only name
        ("Payroll Specialist\nLakeview Health | Finance | Full-time\n\nPays.", "Lakeview Health"),
        (
            "Home > Careers > Job Openings\nApply Now\n\nPayroll Specialist\n\n"
            "Lakeview Health | Finance | Full-time\n\nPays staff.",
            "Lakeview Health",
        ),
        (
            "Records Clerk\n\nONLY OPEN TO CITY OF LAKEVIEW PERMANENT AND PROBATIONARY STAFF\n"
            "Follows the City of Lakeview Administrative Directives.",
            "City of Lakeview",
        ),
    ],
)
def test_organization_evidence(text: str, organization: str | None) -> None:
    assert find_organization(text) == organization


@pytest.mark.parametrize(
    "text",
    [
        "Reports to the Board. Serves the residents of the county.",
        "Department of Revenue Services\nTax Clerk\n",
        "Obtain a Bachelor's degree. Explore Oregon's trails.",
        "Licensed in the State of Ohio.",
        "We are hiring! You will love it here.",
        "Maintenance Worker I\n\nDEFINITION\nRepairs streets.",
        "Payroll Clerk\n\nThe clerk is part of the Finance team and a member of the Payroll unit.",
    ],
)
def test_no_organization_stated(text: str) -> None:
    assert find_organization(text) is None


def test_department_sources() -> None:
    assert find_department("Department: Public Works\n", title=None) == "Public Works"
    assert (
        find_department("Location: Lakeview Health * Cardiac Care Unit\n", title=None)
        == "Cardiac Care Unit"
    )
    assert find_department("", title="Director of the Office of Budget") == "Office of Budget"
    assert find_department(
        "This position exists in the City's Office of Technology.", title=None
    ) == ("Office of Technology")
    # the name stops at the end of its sentence
    prose = "The incumbent serves as a Clerk in the Revenue Section. Duties include filing."
    assert find_department(prose, title="Clerk") == "Revenue Section"
    assert find_department("", title="Revenue Analyst, Treasury Bureau") == "Treasury Bureau"


def test_department_named_beside_the_title_in_a_heading() -> None:
    question = (
        "What are the responsibilities and job description for the Director Finance Parks "
        "Department position at Elm County?\nThe Director of Finance works in the Budget Office."
    )
    assert find_department(question, title="Director of Finance") == "Parks Department"
    heading = "Payroll Analyst - Office of Management and Budget\nJob Title: Payroll Analyst\n"
    assert find_department(heading, title="Payroll Analyst") == "Office of Management and Budget"
    # a school named as the place of work is not the unit
    school = "Custodian - Lincoln Middle School\n"
    assert find_department(school, title="Custodian") is None


def test_department_from_a_job_board_header() -> None:
    header = "Buyer\n\nRemote /\nSupply Chain - Purchasing /\nFull-time /\n\nAbout the role"
    assert find_department(header, title="Buyer") == "Supply Chain - Purchasing"
    assert find_department("Buyer\n\nAustin, TX /\nContract /\n", title="Buyer") is None


def test_meta_wins_for_all_three() -> None:
    ex = extract(
        "Job Title: Clerk\nDepartment: Records\n",
        meta={"title": "Senior Clerk", "department": "Archives", "organization": "Town of Elm"},
    )
    assert (ex.title, ex.organization, ex.department) == ("Senior Clerk", "Town of Elm", "Archives")


def test_a_bare_title_widens_to_the_name_the_text_gives_the_post() -> None:
    """'Commander' in a heading is the Fire Commander the text names twice, never the
    Battalion Chief it reports to ("direction of the Battalion Commander")."""
    text = (
        "1 Department Fire Department Salary Range FIRE COMMANDER DEFINITION\n"
        "The Fire Commander receives general direction from the Battalion Commander and "
        "under the direction of the Battalion Commander leads a station.\n"
    )
    assert find_title("COMMANDER\n" + text) == "Fire Commander"
    lone = "MANAGER\nUnder the direction of the Nurse Manager, plans the unit. In the absence "
    assert find_title(lone + "of the Nurse Manager, leads it.") == "Manager"


def test_lower_case_openings_that_are_no_title() -> None:
    assert find_title("A successful employee supervises the crews well.") is None
    assert find_title("The selected candidate will lead the team.") is None
