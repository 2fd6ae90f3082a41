"""Importing ClaimReview JSON-LD: one claim per review, the verdict as its status."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import claimtrack
from claimtrack.cli.main import cli
from claimtrack.corpus.claimreview import (
    ClaimReviewImportError,
    import_claimreview,
    reviews_in,
    verdict,
)
from claimtrack.model import Backs, Specificity, Stance, Status

NOW = datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.UTC)


def _review(**fields: object) -> dict[str, object]:
    return {"@context": "https://schema.org", "@type": "ClaimReview", **fields}


class TestVerdict:
    @pytest.mark.parametrize(
        ("rating", "status"),
        [
            ({"alternateName": "False"}, Status.REFUTED),
            ({"alternateName": "Mostly false"}, Status.DISPUTED),
            ({"alternateName": "Half True"}, Status.DISPUTED),
            ({"alternateName": "Pants on Fire!"}, Status.REFUTED),
            ({"alternateName": "Not true"}, Status.REFUTED),
            ({"alternateName": "Accurate"}, Status.SUPPORTED),
            ({"ratingValue": 5, "bestRating": 5, "worstRating": 1}, Status.SUPPORTED),
            ({"ratingValue": "1", "bestRating": "5"}, Status.REFUTED),
            ({"ratingValue": 3}, Status.DISPUTED),
            ({"ratingValue": 2, "bestRating": 2, "worstRating": 2}, Status.UNVERIFIED),
            ({"ratingValue": "NaN", "bestRating": 5}, Status.UNVERIFIED),
            ({"ratingValue": "1e999", "bestRating": 5}, Status.UNVERIFIED),
            ({"ratingValue": 10**400, "bestRating": 5}, Status.UNVERIFIED),
            ({"ratingValue": 0, "bestRating": 1e308, "worstRating": -1e308}, Status.UNVERIFIED),
            (
                {"ratingValue": 1e308, "bestRating": 1e-308, "worstRating": -1e308},
                Status.UNVERIFIED,
            ),
            ({}, Status.UNVERIFIED),
        ],
    )
    def test_ratings_map_to_statuses(self, rating: dict[str, object], status: Status) -> None:
        """Verdict words win; otherwise the number's place between worst and best counts, and
        numbers too large for a float, or a scale too wide to measure, give no verdict."""
        assert verdict(rating) is status


class TestImport:
    def test_official_examples_import_into_valid_records(self, reference_dir: Path) -> None:
        """schema.org's ClaimReview examples each give one claim that checks without
        errors, named after who made it and citing the review."""
        for name in (
            "schemaorg-eg-0324-claimreview.jsonld",
            "schemaorg-eg-0325-claimreview-clip.jsonld",
        ):
            text = (reference_dir / "claimreview" / name).read_text(encoding="utf-8")
            imported = import_claimreview(text, document_id="imported", title="Imported", now=NOW)
            (claim,) = imported.claim_file.claims
            assert claim.attribution is not None
            assert claim.attribution.specificity is Specificity.NAMED
            assert claim.provenance is not None
            assert str(claim.provenance.method) == "imported"
            assert claim.citations[0].source == imported.claim_file.sources[0].id
            dumped = claimtrack.dumps(imported.claim_file)
            reloaded = claimtrack.loads(dumped)
            assert reloaded == imported.claim_file

    def test_the_verdict_sets_status_and_stance(self) -> None:
        """A review rated false makes a refuted claim whose review citation disputes it."""
        text = json.dumps(
            _review(
                claimReviewed="The moon is made of cheese.",
                url="https://checker.example/moon",
                author={"@type": "Organization", "name": "Example Checks"},
                datePublished="2024-05-06T10:00:00Z",
                reviewRating={"@type": "Rating", "alternateName": "False"},
            )
        )
        imported = import_claimreview(text, document_id="x", title="X", now=NOW)
        (claim,) = imported.claim_file.claims
        (source,) = imported.claim_file.sources
        assert claim.status is Status.REFUTED
        assert claim.citations[0].stance is Stance.DISPUTES
        assert source.issued == "2024-05-06"
        assert source.publisher == "Example Checks"
        assert claim.notes == "Rated 'False' by the fact-checker."

    def test_reviews_are_found_in_graphs_lists_and_html(self) -> None:
        """Reviews inside a @graph, a list, or an HTML page's ld+json scripts are found."""
        one = _review(claimReviewed="A.")
        two = _review(claimReviewed="B.")
        assert len(reviews_in(json.dumps({"@graph": [one, {"@type": "Thing"}, two]}))) == 2
        assert len(reviews_in(json.dumps([one, two]))) == 2
        page = (
            "<html><head><script type='application/ld+json'>"
            + json.dumps(one)
            + "</script><script>var x = 1;</script></head><body>"
            + '<script type="application/ld+json">'
            + json.dumps(two)
            + "</script></body></html>"
        )
        assert [r["claimReviewed"] for r in reviews_in(page)] == ["A.", "B."]

    @pytest.mark.parametrize(
        "kind",
        ["Application/LD+JSON", "application/ld+json; charset=utf-8", " application/ld+json ;"],
    )
    def test_the_script_type_is_read_as_a_media_type(self, kind: str) -> None:
        """The script's type is matched as media types are, ignoring case and parameters."""
        page = f'<script type="{kind}">' + json.dumps(_review(claimReviewed="A.")) + "</script>"
        assert [r["claimReviewed"] for r in reviews_in(page)] == ["A."]

    def test_a_broken_block_beside_the_review_is_left_out_and_said(self) -> None:
        """A page's own JSON-LD block that is not JSON (a breadcrumb list with a trailing
        comma) does not stop the import of the fact check's block; the import says which
        block it left out, and where."""
        page = (
            "<html>\n<head>\n"
            '<script type="application/ld+json">{"@type": "BreadcrumbList", }</script>\n'
            '<script type="application/ld+json">'
            + json.dumps(_review(claimReviewed="A.", url="https://checks.example/a"))
            + "</script>\n</head></html>"
        )
        imported = import_claimreview(page, document_id="x", title="X", now=NOW)
        assert [claim.text for claim in imported.claim_file.claims] == ["A."]
        (note,) = imported.skipped
        assert note.startswith("a JSON-LD block that is not JSON (line 3, column 64: invalid JSON")

    def test_published_variants_keep_who_said_it_and_who_checked_it(self) -> None:
        """``itemReviewed`` as a list, ``author`` as a string or a list, and a review URL
        holding spaces: the claimant, every reviewer and the URL are all kept."""
        text = json.dumps(
            [
                _review(
                    claimReviewed="A.",
                    url="https://checker.example/a b/ü",
                    author=[{"@type": "Organization", "name": "Desk One"}, "Desk Two"],
                    itemReviewed=[{"@type": "Claim", "author": {"name": "Jane Doe"}}],
                ),
                _review(
                    claimReviewed="B.",
                    url=" https://checker.example/b\n",
                    author="Desk One",
                    itemReviewed={"@type": "Claim", "author": ["John Roe", "Jane Doe"]},
                ),
            ]
        )
        claim_file = import_claimreview(text, document_id="x", title="X", now=NOW).claim_file
        first, second = claim_file.claims
        assert first.attribution is not None
        assert first.attribution.asserted_by == "Jane Doe"
        assert second.attribution is not None
        assert second.attribution.asserted_by == "John Roe"
        one, two = claim_file.sources
        assert [name.literal for name in one.authors] == ["Desk One", "Desk Two"]
        assert one.publisher == "Desk One"
        assert one.url == "https://checker.example/a%20b/ü"
        assert [name.literal for name in two.authors] == ["Desk One"]
        assert two.url == "https://checker.example/b"
        assert claimtrack.loads(claimtrack.dumps(claim_file)) == claim_file

    def test_appearances_become_sources_by_the_claimant(self) -> None:
        """Each distinct URL where the claim appeared (``firstAppearance``, ``appearance`` as
        objects or URLs) is a source by the claimant, cited for the attribution; the claim's
        date dates only its first appearance."""
        text = json.dumps(
            _review(
                claimReviewed="A.",
                url="https://checker.example/a",
                itemReviewed={
                    "@type": "Claim",
                    "author": {"@type": "Person", "name": "Jane Doe"},
                    "datePublished": "2024-05-01",
                    "firstAppearance": {"@type": "CreativeWork", "url": "https://a.example/0"},
                    "appearance": [
                        {"@type": "CreativeWork", "url": "https://a.example/0"},
                        {
                            "url": "https://a.example/1",
                            "headline": "Post",
                            "datePublished": "2024-05-03",
                        },
                        "https://a.example/2",
                        {"@type": "CreativeWork", "name": "no URL"},
                    ],
                },
            )
        )
        claim_file = import_claimreview(text, document_id="x", title="X", now=NOW).claim_file
        _reviewed_at, *appeared = claim_file.sources
        assert [(s.url, s.title, s.issued) for s in appeared] == [
            ("https://a.example/0", "https://a.example/0", "2024-05-01"),
            ("https://a.example/1", "Post", "2024-05-03"),
            ("https://a.example/2", "https://a.example/2", None),
        ]
        assert all([n.literal for n in s.authors] == ["Jane Doe"] for s in appeared)
        (claim,) = claim_file.claims
        assert [(c.source, c.stance, c.backs) for c in claim.citations[1:]] == [
            (s.id, Stance.SUPPORTS, Backs.ATTRIBUTION) for s in appeared
        ]
        assert claimtrack.loads(claimtrack.dumps(claim_file)) == claim_file

    def test_the_older_form_reviews_the_work_the_claim_was_made_in(self) -> None:
        """When ``itemReviewed`` is the work itself (a NewsArticle, a Clip of a video), that
        work, or the whole it is part of, is where the claim appeared, typed as CSL types it."""
        text = json.dumps(
            [
                _review(
                    claimReviewed="A.",
                    url="https://checker.example/a",
                    itemReviewed={
                        "@type": "NewsArticle",
                        "author": {"@type": "Person", "name": "Jane Doe"},
                        "datePublished": "2024-05-01",
                        "url": "https://paper.example/interview",
                        "headline": "The interview",
                    },
                ),
                _review(
                    claimReviewed="B.",
                    url="https://checker.example/b",
                    itemReviewed={
                        "@type": "Clip",
                        "author": {"@type": "Person", "name": "John Roe"},
                        "datePublished": "2023-02-03",
                        "name": "The speech",
                        "isPartOf": {"@type": "VideoObject", "url": "https://video.example/1"},
                    },
                ),
            ]
        )
        claim_file = import_claimreview(text, document_id="x", title="X", now=NOW).claim_file
        appeared = [s for s in claim_file.sources if s.id.startswith("appearance-")]
        assert [(s.url, s.title, s.issued, s.type.value) for s in appeared] == [
            ("https://paper.example/interview", "The interview", "2024-05-01", "article-newspaper"),
            ("https://video.example/1", "The speech", "2023-02-03", "broadcast"),
        ]
        assert [[n.literal for n in s.authors] for s in appeared] == [["Jane Doe"], ["John Roe"]]
        assert [c.citations[-1].source for c in claim_file.claims] == [s.id for s in appeared]

    def test_repeated_texts_get_distinct_ids(self) -> None:
        """Two reviews of the same words become two claims with different ids."""
        text = json.dumps(
            [_review(claimReviewed="Same words."), _review(claimReviewed="Same words.")]
        )
        claims = import_claimreview(text, document_id="x", title="X", now=NOW).claim_file.claims
        assert len({claim.id for claim in claims}) == 2

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ('{"@type": "ClaimReview",\n "claimReviewed": }', "invalid JSON"),
            ('{"@type": "Article"}', "holds no ClaimReview"),
            ("<html><p>no data</p></html>", "neither JSON-LD nor an HTML page"),
            (json.dumps(_review(url="https://x.example/")), "has a claimReviewed text"),
        ],
    )
    def test_bad_input_says_why(self, text: str, message: str) -> None:
        """Unusable input raises the import error with a reason (and a position for JSON)."""
        with pytest.raises(ClaimReviewImportError, match=message):
            import_claimreview(text, document_id="x", title="X", now=NOW)

    @pytest.mark.parametrize(
        ("text", "place", "message"),
        [
            ('{"@type": "ClaimReview",\n "claimReviewed": }', "2:19", "invalid JSON"),
            ('\n\n\n{"@type": "ClaimReview",\n "claimReviewed": }', "5:19", "invalid JSON"),
            ('\ufeff{"@type": "ClaimReview", "claimReviewed": }', "1:44", "invalid JSON"),
            (
                '<html>\n<head>\n<script\n  type="application/ld+json">{"a": 1}</script>\n'
                '  <script type="application/ld+json">  {"@type": "ClaimReview", }\n</script>',
                "5:65",
                "invalid JSON",
            ),
            ("[" * 100_000 + "]" * 100_000, "1:1", "nesting is too deep"),
            ('{"@type": "ClaimReview", "claimReviewed": "a \\ud800 b"}', "1:43", "lone surrogate"),
            ('{"@type": "ClaimReview", "reviewRating": {"ratingValue": NaN}}', "1:58", "NaN"),
            ('{"@type": "ClaimReview", "claimReviewed": "a", "claimReviewed": "b"}', "1:", "twice"),
        ],
    )
    def test_unreadable_json_is_placed_in_the_input(
        self, text: str, place: str, message: str
    ) -> None:
        """JSON that cannot be read (or held in a claim file) is an import error at its line
        and column in the input, counted in the page for an HTML block, never a crash."""
        with pytest.raises(ClaimReviewImportError, match=message) as raised:
            import_claimreview(text, document_id="x", title="X", now=NOW)
        assert raised.value.located("in.html").startswith(f"in.html:{place}")


class TestCommand:
    def test_writes_a_claim_file_that_checks(self, tmp_path: Path, reference_dir: Path) -> None:
        """`import claimreview FILE -o OUT` writes a claim file that checks without errors."""
        out = tmp_path / "reviews.yaml"
        source = reference_dir / "claimreview" / "schemaorg-eg-0324-claimreview.jsonld"
        result = CliRunner().invoke(cli, ["import", "claimreview", str(source), "-o", str(out)])
        assert result.exit_code == 0, result.output
        checked = claimtrack.check([str(out)])
        assert [f for f in checked.findings if f.severity == "error"] == []

    def test_refuses_to_overwrite_without_force(self, tmp_path: Path) -> None:
        """An existing output file is kept unless --force is given."""
        source = tmp_path / "review.json"
        source.write_text(json.dumps(_review(claimReviewed="A.")), encoding="utf-8")
        out = tmp_path / "out.yaml"
        out.write_text("mine\n", encoding="utf-8")
        result = CliRunner().invoke(cli, ["import", "claimreview", str(source), "-o", str(out)])
        assert result.exit_code == 2
        assert out.read_text(encoding="utf-8") == "mine\n"

    @pytest.mark.parametrize(
        "text",
        [
            '{"@type": "ClaimReview",\n "claimReviewed": }',
            "[" * 100_000 + "]" * 100_000,
            '{"@type": "ClaimReview", "claimReviewed": "a \\ud800 b"}',
            '{"@type": "NewsArticle"}',
        ],
    )
    def test_bad_json_is_a_clear_error(self, tmp_path: Path, text: str) -> None:
        """Malformed, too deep, unwritable or not ClaimReview: a message naming the file (and
        line and column where there is one) and what to do, exit 2, never a traceback."""
        source = tmp_path / "review.json"
        source.write_text(text, encoding="utf-8")
        result = CliRunner().invoke(cli, ["import", "claimreview", str(source)])
        assert result.exit_code == 2, result.output
        assert result.stderr.startswith(f"claimtrack import: {source}")
        assert result.stderr.rstrip().endswith(".")
        assert "internal error" not in result.output
        assert "Traceback" not in result.output

    def test_unreadable_input_exits_2(self, tmp_path: Path) -> None:
        """A missing file is a clear message and exit 2, never a traceback."""
        result = CliRunner().invoke(cli, ["import", "claimreview", str(tmp_path / "none.json")])
        assert result.exit_code == 2
        assert "none.json" in result.stderr
        assert "Traceback" not in result.output
