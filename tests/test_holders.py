"""Holder markers: what a name cell says when it holds no name."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orgmodel.holders import MARKER_QUOTES, MARKERS, HolderStatus, holder_status, marker


@pytest.mark.parametrize(
    ("cell", "status"),
    [
        ("Vacant", HolderStatus.VACANT),
        ("VACANT", HolderStatus.VACANT),
        ("'Vacant'", HolderStatus.VACANT),
        ("  position  vacant ", HolderStatus.VACANT),
        ("(Vacant)", HolderStatus.VACANT),
        ("[N/D]", HolderStatus.WITHHELD),
        ("N/D", HolderStatus.WITHHELD),
        ("'N/D'", HolderStatus.WITHHELD),
        ("n/d", HolderStatus.WITHHELD),
        ("Not disclosed", HolderStatus.WITHHELD),
        ("Eliminated", HolderStatus.ELIMINATED),
        ("'Eliminated'", HolderStatus.ELIMINATED),
        ("Eliminated'", HolderStatus.ELIMINATED),
        ("\u2018ELIMINATED\u2019", HolderStatus.ELIMINATED),
    ],
)
def test_markers_quoted_or_not(cell: str, status: HolderStatus) -> None:
    assert marker(cell) is status


@pytest.mark.parametrize(
    "cell", ["Siobhan O'Hare", "O'Neill", "Vacant Lot Programme Manager", "N/D Smith", "", None]
)
def test_names_are_not_markers(cell: str | None) -> None:
    assert marker(cell) is None


@given(
    key=st.sampled_from(sorted(MARKERS)),
    left=st.text(alphabet=MARKER_QUOTES + " ", max_size=3),
    right=st.text(alphabet=MARKER_QUOTES + " ", max_size=3),
    upper=st.booleans(),
)
def test_any_quoting_and_case_reads_the_same(key: str, left: str, right: str, upper: bool) -> None:
    cell = left + (key.upper() if upper else key.title()) + right
    assert marker(cell) is MARKERS[key]


def test_status_of_a_post() -> None:
    assert holder_status("Ana Ruiz", {"status": "vacant"}) is HolderStatus.HELD
    assert holder_status(None, {"status": "undisclosed"}) is HolderStatus.WITHHELD
    assert holder_status(None, {"status": "eliminated"}) is HolderStatus.ELIMINATED
    assert holder_status(None, {"function": "Audit"}) is HolderStatus.VACANT
    assert [s.label for s in HolderStatus] == ["held", "Vacant", "name withheld", "Eliminated"]
