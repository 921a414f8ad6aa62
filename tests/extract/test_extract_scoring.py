"""The corpus README's scoring rules, as the benchmark applies them."""

from __future__ import annotations

import pytest

from orgmodel.extract.scoring import Counts, field_correct, match_counts, names_match, normalize


@pytest.mark.parametrize(
    ("raw", "norm"),
    [
        ("The Chief Operating Officer (COO)", "chief operating officer"),
        (
            "Food & Child Nutrition Services Department",
            "food and child nutrition services department",
        ),
        ("an RN", "rn"),
        ("City Clerk/Director of General Services", "city clerk director of general services"),
        ("  A  Director ", "director"),
    ],
)
def test_normalize(raw: str, norm: str) -> None:
    assert normalize(raw) == norm


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Chief Operating Officer (COO)", "Chief Operating Officer", True),
        ("Lakeview Health Care System", "Lakeview Health Care", True),  # containment 74 %
        (
            "Benefits Specialist Supervisors I",
            "lower-level Benefits Specialist Supervisors I",
            True,
        ),
        ("Fleet Manager", "Municipal Garage Fleet Manager", False),  # 43 % of the length
        ("New York City", "City of New York", False),  # Jaccard 0.75
        ("", "", True),
        ("Mayor", "", False),
    ],
)
def test_names_match(a: str, b: str, same: bool) -> None:
    assert names_match(a, b) is same
    assert names_match(b, a) is same


def test_each_gold_item_matches_at_most_one_prediction() -> None:
    assert match_counts(["Mayor", "the Mayor"], ["Mayor"]) == Counts(1, 1, 0)
    assert match_counts(["Mayor"], ["Mayor", "mayor"]) == Counts(1, 0, 1)


def test_matching_is_maximal_not_greedy() -> None:
    # "Police Chief" could take either gold item; a greedy pass would strand "Chief".
    predicted = ["Police Chief", "Chief of Police"]
    gold = ["Chief of Police", "Police Chief"]
    assert match_counts(predicted, gold) == Counts(2, 0, 0)


def test_counts_add_and_define_empty_cases() -> None:
    total = Counts(1, 1, 0) + Counts(2, 0, 1)
    assert total == Counts(3, 1, 1)
    assert total.precision == 0.75 and total.recall == 0.75 and total.f1 == 0.75
    empty = Counts()
    assert (empty.precision, empty.recall, empty.f1) == (1.0, 1.0, 1.0)
    assert Counts(0, 2, 0).f1 == 0.0


def test_field_correct_treats_null_as_a_value() -> None:
    assert field_correct(None, None)
    assert not field_correct("City of Elmwood", None)
    assert not field_correct(None, "City of Elmwood")
    assert field_correct("CITY OF ELMWOOD", "City of Elmwood")
