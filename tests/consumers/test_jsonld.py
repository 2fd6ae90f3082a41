"""pyld, offline, expands and compacts the ClaimReview and Web Annotation exports back to
what was written: no term is dropped for want of a definition in the real contexts.

schema.org's context has an ``@vocab``, so an undefined property would not be dropped but
silently become a made-up schema.org IRI; there every property and type used must also be a
term the context defines. anno.jsonld has no ``@vocab``: an undefined term is dropped and the
round trip shows it."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from pyld import jsonld

from claimtrack.export.claimreview import ClaimReviewSettings, claimreview_data
from claimtrack.export.webannotation import annotation_collection
from claimtrack.render.report import Report


def _unalias(node: Any, aliases: dict[str, str]) -> Any:
    """Compacted data with the context's keyword aliases (schema.org's ``type`` for
    ``@type``) spelt as keywords, so it compares with what was written."""
    if isinstance(node, dict):
        return {aliases.get(key, key): _unalias(value, aliases) for key, value in node.items()}
    if isinstance(node, list):
        return [_unalias(value, aliases) for value in node]
    return node


def _keys(node: Any) -> int:
    if isinstance(node, dict):
        return len(node) + sum(_keys(value) for value in node.values())
    if isinstance(node, list):
        return sum(_keys(value) for value in node)
    return 0


def _undefined(data: Any, loader: Callable[..., Any]) -> set[str]:
    """The properties and types used that the schema.org context does not define."""
    terms = set(loader("https://schema.org")["document"]["@context"])
    used: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "@type":
                    used.update(value if isinstance(value, list) else [value])
                elif not key.startswith("@"):
                    used.add(key)
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(data)
    return used - terms


def _round_trip(data: dict[str, Any], loader: Callable[..., Any]) -> tuple[Any, Any]:
    options = {"documentLoader": loader}
    expanded = jsonld.expand(data, options)
    compacted = jsonld.compact(expanded, data["@context"], options)
    return expanded, compacted


class TestClaimReview:
    def test_round_trip_is_lossless(
        self, claims_report: Report, loader: Callable[..., Any]
    ) -> None:
        """Expanded with the schema.org context and compacted again, the ClaimReview export is
        what was written, every property kept."""
        settings = ClaimReviewSettings(
            review_url="https://checks.example.org/reviews", reviewer="Example Desk"
        )
        data = claimreview_data(claims_report, settings)
        expanded, compacted = _round_trip(data, loader)
        assert expanded
        aliases = {"type": "@type", "id": "@id"}
        assert _unalias(compacted, aliases) == data
        assert _keys(compacted) == _keys(data)
        assert _undefined(data, loader) == set()

    def test_an_unknown_term_would_be_caught(self, loader: Callable[..., Any]) -> None:
        """A property or type the schema.org context does not define is reported."""
        data = {"@context": "https://schema.org", "@type": "ClaimReviewed", "notATerm": "x"}
        assert _undefined(data, loader) == {"ClaimReviewed", "notATerm"}

    def test_other_addresses_are_never_fetched(self, loader: Callable[..., Any]) -> None:
        """The loader refuses any address it does not hold, so the test cannot go online."""
        with pytest.raises(jsonld.JsonLdError):
            jsonld.expand(
                {"@context": "https://example.org/ctx", "a": 1}, {"documentLoader": loader}
            )


class TestWebAnnotation:
    def test_round_trip_is_lossless(
        self, claims_report: Report, loader: Callable[..., Any]
    ) -> None:
        """Expanded with anno.jsonld and compacted again, the annotations are what was written,
        state and selectors included."""
        data = annotation_collection(claims_report)
        expanded, compacted = _round_trip(data, loader)
        assert expanded
        assert compacted == data
        targets = [item["target"] for item in compacted["first"]["items"]]
        assert all(target["state"]["type"] == "TimeState" for target in targets)
        text = json.dumps(expanded)
        assert text.count("http://www.w3.org/ns/oa#hasState") == len(targets)
        assert text.count("http://www.w3.org/ns/oa#cachedSource") == len(targets)

    def test_an_undefined_term_would_be_dropped(self, loader: Callable[..., Any]) -> None:
        """A term anno.jsonld does not define is lost in the round trip: the check can fail."""
        data = {
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "id": "urn:x:1",
            "type": "Annotation",
            "target": "https://example.org/",
            "notATerm": "x",
        }
        _, compacted = _round_trip(data, loader)
        assert "notATerm" not in compacted
