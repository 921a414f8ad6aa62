"""The scenario file: every edit parses, and every mistake is reported with its line."""

from __future__ import annotations

from typing import get_args

import pytest

from orgmodel.errors import SourceError
from orgmodel.planning.scenario import (
    EDITS,
    AddLinkEdit,
    Edit,
    MoveEdit,
    RemoveDottedEdit,
    RemoveLinkEdit,
    SetEdit,
    is_scenario,
    parse_scenario,
)
from orgmodel.records import LinkType
from tests.conftest import ROOT

ALL_EDITS = """\
scenario: every edit once
description: a test
edits:
  - move: a
    to: b
  - add: {title: Analyst, reports_to: a}
  - remove: a
    reports_go_to: b
  - retitle: a
    title: Lead
  - fill: a
    holder: Jo
  - vacate: a
  - set: a
    grade: G7
    heads: IT Office
  - add_dotted: a
    to: b
  - remove_dotted: a
    from: b
  - add_link: a
    to: b
    type: advises
  - remove_link: a
    from: b
  - add_organization: City of Hartford
    id: hfd
  - add_unit: {name: IT Office, kind: office}
  - remove_unit: u
  - move_unit: u
    to: ~
  - rename_unit: u
    name: V
  - merge_units: [u, v]
    into: w
  - split_unit: u
    into:
      - {name: U1, posts: [a]}
"""


def test_every_edit_parses_with_its_line() -> None:
    s = parse_scenario(ALL_EDITS, "plan.yaml")
    assert s.name == "every edit once"
    assert [type(e) for e, _ in s.edits] == list(EDITS.values())
    assert [line for _, line in s.edits][:3] == [4, 6, 7]
    move = s.edits[0][0]
    assert isinstance(move, MoveEdit) and (move.move, move.to) == ("a", "b")
    dotted = s.edits[8][0]
    assert isinstance(dotted, RemoveDottedEdit) and dotted.from_ == "b"
    set_, link = s.edits[6][0], s.edits[9][0]
    assert isinstance(set_, SetEdit) and set_.heads == ["IT Office"]  # one unit: a list of one
    assert isinstance(link, AddLinkEdit) and (link.to, link.type) == ("b", LinkType.ADVISES)
    unlink = s.edits[10][0]
    assert isinstance(unlink, RemoveLinkEdit) and (unlink.from_, unlink.type) == ("b", None)


def test_the_edit_table_and_the_edit_type_name_the_same_models() -> None:
    """``EDITS`` is typed by ``Edit``: a model in one and not the other is a mistake."""
    assert set(EDITS.values()) == set(get_args(Edit))
    for key, model in EDITS.items():
        assert next(iter(model.model_fields)) == key  # the key that starts it is its first field


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("edits:\n  - move: a\n    to: b\n  - mvoe: a\n    to: b\n", 4, "edit 2 names no edit"),
        ("edits:\n  - move: a\n    remove: b\n", 2, "has move and remove"),
        ("edits:\n  - move: a\n", 2, "edit 1 (move): to: Field required"),
        ("edits:\n  - retitle: a\n    title: ''\n", 2, "title"),
        ("edits:\n  - add:\n      reports_to: a\n", 3, "add.title: Field required"),
        ("edits:\n  - fill: a\n    holder: Jo\n    extra: 1\n", 2, "extra: Extra inputs"),
        ("edits:\n  - set: a\n    fte: -1\n", 2, "fte"),
        ("edits: {move: a}\n", 1, "must be a list"),
        ("scenario: x\nedit:\n  - move: a\n", 1, "expected a scenario"),
        ("edits: []\nbase_file: x\n", 1, "unknown top-level key 'base_file'"),
        ("edits:\n  - vacate: a\n   - move: b\n", 3, "invalid YAML"),
        ("edits:\n  - just text\n", 2, "must be a mapping"),
        (
            "edits:\n  - add_link: a\n    to: b\n    type: boss\n",
            2,
            "edit 1 (add_link): type: Input should be 'liaison', 'advises' or 'works_with'",
        ),
        (
            "edits:\n  - set: a\n    heads: {unit: u}\n",
            3,
            "edit 1 (set): heads: Input should be a valid list",
        ),
    ],
)
def test_mistakes_are_reported_with_the_line(text: str, line: int, message: str) -> None:
    with pytest.raises(SourceError) as info:
        parse_scenario(text, "plan.yaml")
    assert info.value.line == line, str(info.value)
    assert message in str(info.value)
    assert str(info.value).startswith(f"plan.yaml:{line}")


def test_scenarios_are_told_from_org_files() -> None:
    assert is_scenario((ROOT / "data/proposals/hps-operations-2026.yaml").read_text())
    assert not is_scenario((ROOT / "data/hartford-public-schools.yaml").read_text())
    assert not is_scenario("organizations:\n  - name: Edits\n    posts: []\nedits: []\n")
