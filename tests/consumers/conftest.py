"""The real consumers of the exports, run offline: a pyld document loader that serves the
contexts kept in the test data and refuses every other address, and the exports of the
article record."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from claimtrack.render.report import Report, build_report
from tests.article import check_article

ROOT = Path(__file__).resolve().parents[2]
CONTEXTS = ROOT / "tests" / "fixtures" / "contexts"
SERVED = {
    "https://schema.org": CONTEXTS / "schemaorg-context-30.0.jsonld",
    "http://www.w3.org/ns/anno.jsonld": CONTEXTS / "anno.jsonld",
}


def offline_loader(url: str, options: Any = None) -> dict[str, Any]:
    """Serve a kept context for its address; any other address is an error, never a fetch."""
    from pyld import jsonld

    path = SERVED.get(url.rstrip("/"))
    if path is None:
        raise jsonld.JsonLdError(
            f"not served offline: {url}",
            "jsonld.LoadDocumentError",
            {"url": url},
            code="loading document failed",
        )
    document = json.loads(path.read_text(encoding="utf-8"))
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": document,
    }


@pytest.fixture(scope="session")
def loader() -> Callable[[str, Any], dict[str, Any]]:
    """The offline document loader."""
    return offline_loader


@pytest.fixture(scope="session")
def claims_report() -> Report:
    """The report of the repository's own claim record (the article)."""
    return build_report(check_article().files)
