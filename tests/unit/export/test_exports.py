"""Exports: ClaimReview, CSL-JSON, Web Annotation and PROV-JSON, checked against the official
schemas and examples in ../shared/reference."""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest

from claimtrack import Claim, Entity, EntityType, Status
from claimtrack.export.claimreview import (
    CLAIM_REVIEWED_CHARS,
    ClaimReviewSettings,
    claimant,
    claimreview_data,
    short_claim,
)
from claimtrack.export.claimreview_gaps import claimreview_gaps
from claimtrack.export.csl import csl_items
from claimtrack.export.prov import prov_document
from claimtrack.export.webannotation import CONTEXT, annotation_collection, snapshot_iri
from claimtrack.render.report import Report
from claimtrack.render.report.state import VERDICTS

FIXTURES = ("article", "small", "hostile")


def _schema(reference_dir: Path, relative: str) -> Any:
    return json.loads((reference_dir / relative).read_text(encoding="utf-8"))


def _claims(report: Report) -> list[Claim]:
    return [row.claim for doc in report.documents for row in doc.claims]


class TestClaimReview:
    def test_reviews_only_claims_with_a_verdict(self, article_report: Report) -> None:
        """Claims with a verdict become ClaimReviews; the others are bare Claims, unrated."""
        graph = claimreview_data(article_report)["@graph"]
        claims = _claims(article_report)
        assert len(graph) == len(claims)
        for item, claim in zip(graph, claims, strict=True):
            if claim.status in VERDICTS:
                assert item["@type"] == "ClaimReview"
                assert item["claimReviewed"] == short_claim(claim.text)
                assert item["itemReviewed"]["@type"] == "Claim"
                assert item["itemReviewed"]["text"] == claim.text
            else:
                assert item["@type"] == "Claim"
                assert "reviewRating" not in json.dumps(item)

    def test_rating_has_the_properties_consumers_expect(self, article_report: Report) -> None:
        """A rating has ratingValue within bestRating/worstRating, and the verdict by name."""
        reviews = [
            i for i in claimreview_data(article_report)["@graph"] if i["@type"] == "ClaimReview"
        ]
        assert reviews
        for review in reviews:
            rating = review["reviewRating"]
            assert rating["@type"] == "Rating"
            assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
            assert rating["alternateName"]
            assert review["itemReviewed"]["appearance"]["url"].startswith("https://")

    def test_uses_the_same_properties_as_schema_org_examples(
        self, article_report: Report, reference_dir: Path
    ) -> None:
        """Our reviews use the property names of schema.org's own ClaimReview example."""
        example = _schema(reference_dir, "claimreview/schemaorg-eg-0324-claimreview.jsonld")
        settings = ClaimReviewSettings(review_url="https://checks.example.org/r", reviewer="Desk")
        review = next(
            i
            for i in claimreview_data(article_report, settings)["@graph"]
            if i["@type"] == "ClaimReview"
        )
        expected = {
            "@type",
            "datePublished",
            "url",
            "author",
            "claimReviewed",
            "reviewRating",
            "itemReviewed",
        }
        assert expected <= set(example)
        assert expected <= set(review)
        assert set(example["reviewRating"]) - {"image"} <= set(review["reviewRating"])
        assert review["url"].startswith("https://checks.example.org/r#")
        assert review["author"] == {"@type": "Organization", "name": "Desk"}

    def test_named_claimant_becomes_author(self, article_report: Report) -> None:
        """A named claimant that an entity types as a person becomes the Claim's Person author."""
        graph = claimreview_data(article_report)["@graph"]
        lavrov = next(i for i in graph if "Lavrov" in json.dumps(i.get("itemReviewed", i)))
        item = lavrov.get("itemReviewed", lavrov)
        assert item["author"] == {"@type": "Person", "name": "Sergei Lavrov"}

    def test_long_claims_are_shortened_at_a_word(self, article_report: Report) -> None:
        """claimReviewed keeps within Google's 75 characters, ending at a word of the claim."""
        reviews = [
            i for i in claimreview_data(article_report)["@graph"] if i["@type"] == "ClaimReview"
        ]
        shortened = [r for r in reviews if r["claimReviewed"] != r["itemReviewed"]["text"]]
        assert shortened
        for review in reviews:
            short, full = review["claimReviewed"], review["itemReviewed"]["text"]
            assert len(short) <= CLAIM_REVIEWED_CHARS
            if short != full:
                stem = short.removesuffix("…")
                assert short.endswith("…")
                assert full.startswith(stem)
                assert full[len(stem)] in " ,;:.-–—"

    def test_every_person_or_organization_is_typed(self, article_report: Report) -> None:
        """Every author and publisher in the export is a typed Person or Organization."""
        settings = ClaimReviewSettings(
            review_url="https://checks.example.org/r", reviewer="A. Editor", reviewer_type="Person"
        )
        parties: list[Any] = []

        def walk(node: Any) -> None:
            if isinstance(node, dict):
                for key, value in node.items():
                    if key in ("author", "publisher"):
                        parties.extend(value if isinstance(value, list) else [value])
                    walk(value)
            elif isinstance(node, list):
                for value in node:
                    walk(value)

        walk(claimreview_data(article_report, settings))
        assert parties
        assert {party["@type"] for party in parties} <= {"Person", "Organization"}
        assert {"@type": "Person", "name": "A. Editor"} in parties

    def test_claimant_typed_by_another_claims_entity(self, article_report: Report) -> None:
        """A claimant typed by an entity of any claim of the file is typed; one no entity
        types is left out and named as a gap."""
        doc = article_report.documents[0]
        assert doc.claim_file is not None
        claim = next(
            c for c in doc.claim_file.claims if c.attribution and c.attribution.asserted_by
        )
        name = claim.attribution.asserted_by if claim.attribution else ""
        assert name
        bare = attrs.evolve(claim, entities=())
        assert claimant(name, bare) is None
        typed = claimant(name, bare, [Entity(name=name.upper(), type=EntityType.PERSON)])
        assert typed == {"@type": "Person", "name": name}

    def test_gaps_name_the_missing_url_and_author(self, article_report: Report) -> None:
        """Without settings the gaps name the url and author that fail --strict; with them
        every review carries all that Google requires."""
        gaps = claimreview_gaps(article_report, ClaimReviewSettings())
        strict = [gap for gap in gaps if gap.fails_strict]
        assert len(strict) == 2
        assert "url" in str(strict[0])
        assert "--review-url" in str(strict[0])
        assert "author" in str(strict[1])
        assert "--reviewer" in str(strict[1])
        settings = ClaimReviewSettings(review_url="https://checks.example.org/r", reviewer="Desk")
        assert not [gap for gap in claimreview_gaps(article_report, settings) if gap.fails_strict]
        for item in claimreview_data(article_report, settings)["@graph"]:
            if item["@type"] != "ClaimReview":
                continue
            assert item["claimReviewed"]
            assert item["url"].startswith("https://checks.example.org/")
            assert item["reviewRating"]["alternateName"]
            assert item["author"]["name"] == "Desk"

    def test_nothing_is_invented(self, small_report: Report) -> None:
        """Without a review URL, reviewer or dates on record, those properties are left out."""
        review = next(
            i for i in claimreview_data(small_report)["@graph"] if i["@type"] == "ClaimReview"
        )
        for key in ("url", "author", "datePublished"):
            assert key not in review


class TestCsl:
    @pytest.mark.parametrize("names", [FIXTURES, ("article",)])
    def test_valid_against_csl_data_schema(
        self, report_of: Callable[..., Report], reference_dir: Path, names: tuple[str, ...]
    ) -> None:
        """The bibliography is valid against the official CSL-JSON data schema."""
        schema = _schema(reference_dir, "csl/csl-data.json")
        validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
        assert list(validator.iter_errors(csl_items(report_of(*names)))) == []

    def test_maps_fields_to_csl_keys(self, article_report: Report) -> None:
        """Our snake_case fields become CSL keys, dates become date-parts."""
        items = {item["id"]: item for item in csl_items(article_report)}
        nyt = items["nyt-2024-12-07"]
        assert nyt["container-title"] == "The New York Times"
        assert nyt["issued"] == {"date-parts": [[2024, 12, 7]]}
        assert nyt["accessed"] == {"date-parts": [[2024, 12, 10]]}
        assert nyt["URL"].startswith("https://")
        lavrov = items["lavrov-doha-2024"]
        assert lavrov["author"] == [
            {"literal": "Ministry of Foreign Affairs of the Russian Federation"}
        ]
        assert lavrov["archive_location"].startswith("https://")
        assert lavrov["custom"] == {"primary_source": True}
        assert items["casualty-tally"]["issued"] == {"date-parts": [[2023]]}

    def test_clashing_ids_are_qualified(self, report_of: Callable[..., Report]) -> None:
        """Two documents with different sources under one id keep both, qualified."""
        report = report_of("article", "article")
        assert len(csl_items(report)) == len(report.documents[0].bibliography)
        small = report_of("small")
        doc = small.documents[0]
        assert doc.claim_file is not None
        other_source = attrs.evolve(doc.claim_file.sources[0], title="Something else")
        other = attrs.evolve(
            doc,
            claim_file=attrs.evolve(
                doc.claim_file, document=attrs.evolve(doc.claim_file.document, id="other")
            ),
            bibliography=(attrs.evolve(doc.bibliography[0], source=other_source),),
        )
        ids = [item["id"] for item in csl_items(attrs.evolve(small, documents=(doc, other)))]
        assert "bridge-note/council-minutes" in ids
        assert "other/council-minutes" in ids


class TestWebAnnotation:
    def test_shape_follows_the_model(self, article_report: Report, reference_dir: Path) -> None:
        """Annotations use the anno.jsonld terms and the selector shapes of the spec's examples."""
        quote_example = _schema(reference_dir, "web-annotation/examples/anno23.json")
        position_example = _schema(reference_dir, "web-annotation/examples/anno24.json")
        context = _schema(reference_dir, "web-annotation/anno.jsonld")["@context"]
        collection = annotation_collection(article_report)
        assert collection["@context"] == CONTEXT == quote_example["@context"]
        assert collection["type"] in context
        items = collection["first"]["items"]
        assert collection["total"] == len(items) == len(_claims(article_report))
        for annotation in items:
            for key in annotation:
                assert key in context or key in ("id", "type")
            quote, position = annotation["target"]["selector"]
            assert set(quote) == set(quote_example["target"]["selector"])
            assert set(position) == set(position_example["target"]["selector"])
            for body in annotation["body"]:
                assert body["purpose"] in context

    def test_positions_select_the_quote_in_the_named_snapshot(
        self, article_report: Report, fixtures_dir: Path
    ) -> None:
        """Positions come with a TimeState whose cached copy names the snapshot's bytes, and in
        that representation (normalised as documented) they select the quote exactly."""
        snapshots = {
            snapshot_iri(hashlib.sha256(path.read_bytes()).hexdigest()): path
            for path in fixtures_dir.rglob("*.txt")
        }
        items = annotation_collection(article_report)["first"]["items"]
        for annotation in items:
            target = annotation["target"]
            quote, position = target["selector"]
            assert target["state"]["type"] == "TimeState"
            raw = snapshots[target["state"]["cached"]].read_text(encoding="utf-8")
            text = unicodedata.normalize("NFC", raw.replace("\r\n", "\n"))
            assert text[position["start"] : position["end"]] == quote["exact"]
            assert text[: position["start"]].endswith(quote["prefix"])
            assert text[position["end"] :].startswith(quote["suffix"])

    def test_snapshot_iri_is_rfc_6920(self) -> None:
        """The cached copy's name is ni:///sha-256; with the digest in unpadded base64url."""
        digest = hashlib.sha256(b"abc").hexdigest()
        assert snapshot_iri(digest) == "ni:///sha-256;ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0"

    def test_unplaced_anchor_has_only_a_quote(self, small_report: Report) -> None:
        """An anchor not found in the snapshot gets no position selector."""
        items = annotation_collection(small_report)["first"]["items"]
        unplaced = next(i for i in items if i["id"].endswith(":opened"))
        assert [s["type"] for s in unplaced["target"]["selector"]] == ["TextQuoteSelector"]
        assert "state" not in unplaced["target"]

    def test_recorded_context_wins(self, small_report: Report) -> None:
        """A prefix recorded on the anchor is exported as recorded."""
        items = annotation_collection(small_report)["first"]["items"]
        cost = next(i for i in items if i["id"].endswith(":bridge-cost"))
        assert cost["target"]["selector"][0]["prefix"] == "The council said "


class TestProv:
    @pytest.mark.parametrize("names", [FIXTURES, ("article",)])
    def test_valid_against_prov_json_schema(
        self, report_of: Callable[..., Report], reference_dir: Path, names: tuple[str, ...]
    ) -> None:
        """The provenance is valid against the PROV-JSON schema, formats checked."""
        schema = _schema(reference_dir, "prov/prov-json.schema.json")
        validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
        assert list(validator.iter_errors(prov_document(report_of(*names)))) == []

    def test_claims_are_quotations_of_the_document(self, article_report: Report) -> None:
        """Each claim is an entity derived from the document as a prov:Quotation."""
        prov = prov_document(article_report)
        quotations = {
            (d["prov:generatedEntity"], d["prov:usedEntity"])
            for d in prov["wasDerivedFrom"].values()
            if d["prov:type"]["$"] == "prov:Quotation"
        }
        document = "ct:iran-syria-excerpt.document"
        for claim in _claims(article_report):
            entity = f"ct:iran-syria-excerpt.claim.{claim.id}"
            assert prov["entity"][entity]["prov:value"] == claim.anchor.exact
            assert (entity, document) in quotations

    def test_primary_sources_are_marked(self, article_report: Report) -> None:
        """A primary source is typed so, and a claim resting on it derives from it as such."""
        prov = prov_document(article_report)
        source = "ct:iran-syria-excerpt.source.lavrov-doha-2024"
        assert prov["entity"][source]["prov:type"]["$"] == "claimtrack:PrimarySource"
        assert any(
            d["prov:usedEntity"] == source and d["prov:type"]["$"] == "prov:PrimarySource"
            for d in prov["wasDerivedFrom"].values()
        )

    def test_people_and_tools_are_agents(self, article_report: Report) -> None:
        """Recorders, verifiers and drafting tools are agents associated with activities."""
        prov = prov_document(article_report)
        labels = {agent["prov:label"] for agent in prov["agent"].values()}
        assert {"research desk", "A. Editor", "claimtrack extract 0.0.1"} <= labels
        tool = next(a for a in prov["agent"].values() if a["prov:label"].startswith("claimtrack"))
        assert tool["prov:type"]["$"] == "prov:SoftwareAgent"
        associated = {a["prov:agent"] for a in prov["wasAssociatedWith"].values()}
        assert associated == set(prov["agent"]) - {
            a["prov:agent"]
            for a in prov["wasAttributedTo"].values()
            if a["prov:agent"] not in associated
        }

    def test_snapshot_specialises_the_document(self, article_report: Report) -> None:
        """The snapshot is an entity specialising the document, with its hash."""
        prov = prov_document(article_report)
        assert {
            "prov:specificEntity": "ct:iran-syria-excerpt.snapshot",
            "prov:generalEntity": "ct:iran-syria-excerpt.document",
        } in prov["specializationOf"].values()

    def test_dates_without_time_stay_out_of_prov_time(self, article_report: Report) -> None:
        """A bare date is kept as an xsd:date attribute, never forced into prov:time."""
        prov = prov_document(article_report)
        for relation in prov["wasGeneratedBy"].values():
            if "prov:time" in relation:
                assert "T" in relation["prov:time"]
        dated = [r for r in prov["wasGeneratedBy"].values() if "claimtrack:time" in r]
        assert dated
        assert dated[0]["claimtrack:time"]["type"] == "xsd:date"


def test_status_enum_covers_verdicts() -> None:
    """Every verdict status has a ClaimReview rating."""
    from claimtrack.export.claimreview import RATINGS

    assert set(RATINGS) == set(VERDICTS)
    assert Status.UNVERIFIED not in RATINGS
