"""The name a file's findings carry is its path as given, in POSIX form, whichever way the
path reached the check (a string from discovery, a string typed by the user, a Path)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from claimtrack.io.names import display_name

_paths = st.text(alphabet="/.ab", max_size=12)


@given(_paths)
def test_a_string_is_named_as_pathlib_writes_it(item: str) -> None:
    assert display_name(item) == Path(item).as_posix()


@given(_paths)
def test_a_path_and_its_string_get_the_same_name(item: str) -> None:
    assert display_name(Path(item)) == display_name(item)


def test_a_discovered_name_is_kept_as_it_is() -> None:
    name = "claims/sub folder/a.yaml"
    assert display_name(name) is name
