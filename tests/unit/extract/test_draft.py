"""Drafting a whole claim file, on an article written for the tests."""

from __future__ import annotations

import datetime
import re
import time
from pathlib import Path

import pytest

import claimtrack
from claimtrack.anchor import locate
from claimtrack.extract import ArticleFormat, ExtractSettings, entities, extract, parse_article
from claimtrack.extract.draft import ClaimIds
from claimtrack.extract.entities import EntityFinder
from claimtrack.model import Claim, ClaimFile, ClaimKind, Method, Specificity, Status

ROOT = Path(__file__).resolve().parents[3]
ARTICLE = ROOT / "tests" / "fixtures" / "articles" / "reservoir-drought.txt"
SHARED_ARTICLE = ROOT.parent / "shared" / "source-article.txt"
TODAY = datetime.date(2026, 1, 1)


@pytest.fixture(scope="module")
def draft() -> ClaimFile:
    article = parse_article(ARTICLE.read_text("utf-8"), ArticleFormat.TEXT)
    return extract(article, ExtractSettings(document_id="drought", title="Drought", today=TODAY))


def _claim(draft: ClaimFile, words: str) -> Claim:
    (claim,) = [claim for claim in draft.claims if words in claim.text]
    return claim


class TestDraft:
    def test_every_claim_starts_unverified_and_unsourced(self, draft: ClaimFile) -> None:
        """No claim has a citation, a status other than unverified, or a graded confidence."""
        assert draft.claims
        for claim in draft.claims:
            assert claim.citations == ()
            assert claim.status is Status.UNVERIFIED
            assert claim.confidence is not None
            assert claim.confidence.rationale == "not yet assessed"
            assert claim.confidence.likelihood is None
            assert claim.provenance is not None
            assert claim.provenance.method is Method.EXTRACTED

    def test_anchors_select_their_quotes(self, draft: ClaimFile) -> None:
        """Every anchor's offsets select its exact quote in the text."""
        text = ARTICLE.read_text("utf-8")
        for claim in draft.claims:
            match = locate(text, claim.anchor)
            assert match is not None
            assert text[match.start : match.end] == claim.anchor.exact

    def test_ids_are_unique_slugs(self, draft: ClaimFile) -> None:
        """Claim ids are distinct slugs."""
        ids = [claim.id for claim in draft.claims]
        assert len(set(ids)) == len(ids)
        assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", claim_id) for claim_id in ids)

    def test_a_repeated_sentence_gets_numbered_ids_in_linear_time(self) -> None:
        """The same sentence drafted 20,000 times (a page of repeated boilerplate) is given
        numbered ids at once, skipping a number already taken; each id was sought by trying
        every number from 2 up, which took time growing with the square of the count."""
        ids = ClaimIds()
        assert ids.new("Rebels seized the Tula dam.") == "rebels-seized-tula-dam"
        assert ids.new("Rebels seized Tula dam 3.") == "rebels-seized-tula-dam-3"
        started = time.perf_counter()
        given = [ids.new("Rebels seized the Tula dam.") for _ in range(20_000)]
        assert time.perf_counter() - started < 2
        assert given[:3] == [
            "rebels-seized-tula-dam-2",
            *(f"rebels-seized-tula-dam-{n}" for n in (4, 5)),
        ]
        assert len(set(given)) == len(given)

    def test_money_and_date(self, draft: ClaimFile) -> None:
        """A sum of money and a full date are parsed from the sentence that states them."""
        claim = _claim(draft, "emergency budget")
        assert claim.kind is ClaimKind.QUANTITY
        assert (claim.quantities[0].value, claim.quantities[0].currency) == (1.2e9, "USD")
        assert claim.dates[0].date == "2023-03-14"

    def test_bound_with_named_document_source(self, draft: ClaimFile) -> None:
        """ "According to the board's annual report, more than 40,000 …" is a bound, sourced."""
        claim = _claim(draft, "40,000 households")
        assert claim.quantities[0].lower_bound == 40000
        assert claim.attribution is not None
        assert claim.attribution.specificity is Specificity.NAMED
        # the latest year the text states as fact (2023), not one it predicts (2026)
        assert (claim.dates[0].start, claim.dates[0].end) == ("2018", "2023")

    def test_approximate_date_and_hedge(self, draft: ClaimFile) -> None:
        """ "reportedly … in early 2021" is vague, hedged, and approximately dated."""
        claim = _claim(draft, "reportedly considered")
        assert claim.attribution is not None
        assert claim.attribution.specificity is Specificity.VAGUE
        assert "reportedly" in claim.attribution.hedges
        assert (claim.dates[0].date, claim.dates[0].approximate) == ("2021", True)
        late = _claim(draft, "late August")
        assert (late.dates[0].date, late.dates[0].approximate) == ("2023-08", True)

    def test_quote_with_named_speaker(self, draft: ClaimFile) -> None:
        """A quoted expert is a quote claim with a named source and the outlet as relay."""
        claim = _claim(draft, "borrowed water")
        assert claim.kind is ClaimKind.QUOTE
        assert claim.attribution is not None
        assert claim.attribution.specificity is Specificity.NAMED
        assert claim.attribution.asserted_by is not None
        assert claim.attribution.asserted_by.startswith("Dr. Amara Okafor")
        assert claim.attribution.reported_by == "the Valley Gazette"

    def test_speculation_is_not_check_worthy(self, draft: ClaimFile) -> None:
        """A prediction with nothing checkable in it is kept but marked not check-worthy."""
        claim = _claim(draft, "coming years may show")
        assert claim.check_worthy is False
        assert claim.kind is ClaimKind.ASSESSMENT

    def test_dumps_to_a_valid_file(self, draft: ClaimFile) -> None:
        """The draft dumps to YAML that loads back to the same records."""
        assert claimtrack.loads(claimtrack.dumps(draft)) == draft


class TestRepeatedStatements:
    def test_repeated_quotes_get_context(self) -> None:
        """A statement that occurs twice is anchored with context, and each anchor places."""
        text = "Officials said 40 people died.\nThe storm passed.\nOfficials said 40 people died.\n"
        draft = extract(
            parse_article(text, ArticleFormat.TEXT),
            ExtractSettings(document_id="storm", title="Storm", today=TODAY),
        )
        repeated = [claim for claim in draft.claims if claim.text.startswith("Officials")]
        assert len(repeated) == 2
        assert repeated[0].id != repeated[1].id
        assert repeated[0].anchor.suffix is not None
        assert repeated[1].anchor.prefix is not None
        starts = [locate(text, claim.anchor) for claim in repeated]
        assert [match.start for match in starts if match] == [0, text.rindex("Officials")]


def _names_in(text: str) -> set[str]:
    return {
        word
        for found in EntityFinder(text).find(text)
        for word in re.findall(r"[A-Z][\w-]{3,}", found.entity.name)
    }


def _leaked(names: set[str]) -> list[str]:
    package = ROOT / "src" / "claimtrack" / "extract"
    source = "\n".join(path.read_text("utf-8") for path in sorted(package.rglob("*.py")))
    generic = {word.capitalize() for word in (*entities._TITLES, *entities._BODIES)}
    return sorted(
        name
        for name in names - generic
        if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", source)
    )


class TestKnowsNoArticle:
    @pytest.mark.skipif(
        not SHARED_ARTICLE.exists(), reason="the shared article is not beside the clone"
    )
    def test_no_name_of_the_modelled_article_in_the_extractor(self) -> None:
        """No person, place or body the modelled article names appears in the extractor
        (titles and words for bodies, such as "General" or "Council", are its vocabulary)."""
        names = _names_in(SHARED_ARTICLE.read_text("utf-8"))
        assert len(names) > 20
        assert _leaked(names) == []

    def test_no_name_of_a_test_article_in_the_extractor(self) -> None:
        """No person, place, outlet or body named in the real test articles appears in the
        extractor: its rules are shapes of writing, not names it was tuned on."""
        names: set[str] = set()
        for path in sorted(ARTICLE.parent.glob("*.txt")):
            names |= _names_in(path.read_text("utf-8"))
        assert {"Widodo", "Mould", "Shepherd"} <= names
        assert _leaked(names) == []
