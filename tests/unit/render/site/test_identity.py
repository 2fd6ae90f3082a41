"""Which sources of different documents are one source, and the file names of pages."""

from __future__ import annotations

import pytest

from claimtrack import Source, SourceType
from claimtrack.render.site.identity import normalise_url, source_key
from claimtrack.render.site.slugs import MAX_LENGTH, Slugs, slugify


def _source(source_id: str = "s", **fields: str) -> Source:
    return Source(id=source_id, type=SourceType.WEBPAGE, title="A title", **fields)  # type: ignore[arg-type]


class TestNormaliseUrl:
    @pytest.mark.parametrize(
        ("first", "second"),
        [
            ("https://www.example.org/a/b/", "http://example.org/a/b"),
            ("https://EXAMPLE.org:443/a", "https://example.org/a"),
            ("https://example.org/a#part-2", "https://example.org/a"),
            ("https://example.org/a?utm_source=x&id=3&fbclid=y", "https://example.org/a?id=3"),
            ("https://example.org/caf%c3%a9", "https://example.org/caf%C3%A9"),
            ("https://example.org./a", "https://example.org/a"),
        ],
    )
    def test_spellings_of_one_address_agree(self, first: str, second: str) -> None:
        """Two spellings of one address normalise to the same text."""
        assert normalise_url(first) == normalise_url(second)

    @pytest.mark.parametrize(
        ("first", "second"),
        [
            ("https://example.org/a", "https://example.org/b"),
            ("https://example.org/a?id=3", "https://example.org/a?id=4"),
            ("https://example.org/Page", "https://example.org/page"),
            ("https://example.org:8080/a", "https://example.org/a"),
            ("https://example.org/a", "https://example.com/a"),
        ],
    )
    def test_different_addresses_stay_apart(self, first: str, second: str) -> None:
        """Another path, query value, path case, port or host is another address."""
        assert normalise_url(first) != normalise_url(second)

    @pytest.mark.parametrize(
        "url", ["ftp://example.org/a", "mailto:x@example.org", "https://", "http://[::1"]
    )
    def test_other_schemes_and_broken_urls_have_none(self, url: str) -> None:
        """Only http(s) URLs with a host have a normal form; a malformed one gives None."""
        assert normalise_url(url) is None


class TestSourceKey:
    def test_library_id_wins(self) -> None:
        """A source from the shared library is its library id, whatever else it records."""
        source = _source("nyt-2024", url="https://example.org/a")
        assert source_key("a.yaml", source, {"nyt-2024"}) == "library:nyt-2024"
        assert source_key("b.yaml", source, {"nyt-2024"}) == "library:nyt-2024"

    def test_doi_beats_url_and_ignores_case_and_resolver(self) -> None:
        """A DOI identifies the source, case aside, written bare or as a doi.org link."""
        bare = _source("x", doi="10.1000/ABC.123", url="https://example.org/a")
        linked = _source("y", url="https://doi.org/10.1000/abc.123")
        assert source_key("a.yaml", bare) == source_key("b.yaml", linked) == "doi:10.1000/abc.123"

    def test_same_url_in_two_files_is_one_source(self) -> None:
        """Two files' records of one URL (spelt differently, under different ids) are one."""
        first = source_key("a.yaml", _source("one", url="https://www.example.org/story/"))
        second = source_key("b.yaml", _source("two", url="http://example.org/story"))
        assert first == second == "url:example.org/story"

    def test_archive_url_is_not_the_source(self) -> None:
        """Two sources sharing only an archive host are not merged: the archive URL is unused."""
        first = _source("one", archive_url="https://web.archive.org/web/2024/https://example.org/a")
        second = _source(
            "one", archive_url="https://web.archive.org/web/2024/https://example.org/b"
        )
        assert source_key("a.yaml", first) != source_key("b.yaml", second)

    def test_without_url_or_doi_a_source_is_its_file_and_id(self) -> None:
        """A source with neither URL nor DOI is only itself: the same id in two files is two."""
        assert source_key("a.yaml", _source("minutes")) == "file:a.yaml#minutes"
        assert source_key("a.yaml", _source("minutes")) != source_key("b.yaml", _source("minutes"))


class TestSlugs:
    @pytest.mark.parametrize(
        ("text", "slug"),
        [
            ("Iran's role in Syria", "iran-s-role-in-syria"),
            ("Café  Ñandú", "cafe-nandu"),
            ("CON", "con-page"),
            ("lpt1", "lpt1-page"),
            ("index", "index-page"),
            ("../../etc/passwd", "etc-passwd"),
            ("سوريا", "page"),
            ("a" * 200, "a" * MAX_LENGTH),
        ],
    )
    def test_slugs_are_safe_file_names(self, text: str, slug: str) -> None:
        """Slugs are lower-case ASCII letters, digits and hyphens, never reserved or empty."""
        assert slugify(text) == slug

    def test_collisions_get_numbers_case_aside(self) -> None:
        """Texts that slug alike (case, punctuation) get distinct names, numbered in order."""
        slugs = Slugs()
        taken = [slugs.take(text) for text in ("Iran", "IRAN", "iran!", "iran-2")]
        assert taken == ["iran", "iran-2", "iran-3", "iran-2-2"]
        assert len({name.lower() for name in taken}) == len(taken)

    def test_long_names_stay_short_when_numbered(self) -> None:
        """A numbered slug of a long text still fits the length limit."""
        slugs = Slugs()
        names = [slugs.take("x" * 100) for _ in range(12)]
        assert len(set(names)) == 12
        assert all(len(name) <= MAX_LENGTH for name in names)
