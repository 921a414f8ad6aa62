"""The column-wise name functions give what orgmodel.names.rules gives, value for value."""

from __future__ import annotations

import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from orgmodel.names.columns import acronyms, norm_names, parentheticals, uppers
from orgmodel.names.rules import acronym, norm_name, parenthetical

# Names as exports write them: words, articles, "&", parentheticals, punctuation,
# every ASCII white space, control characters, and some text beyond ASCII.
_PIECES = st.sampled_from(
    [
        "The ", "the ", "a ", "an ", "A ", "An", "Chief", "officer", " of ", " and ", "&", "(",
        ")", "(COO)", "(Acting)", "'s ", "’s ", "'", "’", "-", ".", ",", "/", "  ", "\t", "\n",
        "\x0b", "\x0c", "\r", "\x1c", "\x1f", "\x00", "\x7f", "_", "9", "IT", "Städtische",
        "Geschäftsführer", "İstanbul", "ß", "Ω", "\u00a0", "\u2003", "\u0301", "CEO", "Dir.",
    ]
)  # fmt: skip
_NAMES = st.lists(_PIECES, max_size=12).map("".join) | st.text(max_size=30)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.none(), _NAMES), max_size=25))
def test_norm_names_is_norm_name_of_each_value(values: list[str | None]) -> None:
    expected = [None if v is None else norm_name(v) for v in values]
    assert norm_names(pa.array(values, pa.string())).to_pylist() == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.none(), _NAMES), max_size=25))
def test_acronyms_and_parentheticals_are_those_of_each_value(values: list[str | None]) -> None:
    array = pa.array(values, pa.string())
    assert acronyms(array).to_pylist() == [None if v is None else acronym(v) for v in values]
    assert parentheticals(array).to_pylist() == [
        None if v is None else parenthetical(v) for v in values
    ]
    assert uppers(array).to_pylist() == [None if v is None else v.upper() for v in values]


def test_a_sliced_column_is_read_from_its_own_offset() -> None:
    array = pa.array(["Ünïcode Chief", "The Mayor", "Director (DOF)"]).slice(1)
    assert norm_names(array).to_pylist() == ["mayor", "director"]
    assert parentheticals(array).to_pylist() == [None, "DOF"]
