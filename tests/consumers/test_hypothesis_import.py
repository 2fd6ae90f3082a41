"""The ``--to hypothesis`` file has the shape the Hypothesis client's import reads.

What is checked is read from the client's source (hypothesis/client, main branch as stored
in the public code index): ``readExportFile`` in ``import.ts`` (a JSON
object whose ``annotations`` is an array, else "Not a valid Hypothesis JSON file"),
``src/sidebar/services/import-annotations.ts`` (``getImportData`` keeps ``target``, ``tags``,
``text``, ``uri`` and ``document``; repeated annotations are matched on text, tags and quote),
``src/sidebar/components/ShareDialog/ImportAnnotations.tsx`` (annotations are listed and
chosen by ``user``) and ``src/types/api.ts`` (``Target`` is ``{source, selector?}``; a
``TextQuoteSelector`` has ``exact`` and optional ``prefix``/``suffix``). The server's own
import schema (hypothesis/h ``h/schemas/annotation_import.py``, ``AnnotationImportSchema``)
wants a W3C-shaped annotation whose creator is an ``acct:`` URI, motivation ``commenting`` or
``replying`` and target a bare URI string: it cannot carry selectors, so the export follows
the client; its ``user`` still has the ``acct:`` form that schema requires of creators.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from claimtrack.export.hypothesis import hypothesis_export
from claimtrack.render.report import Report

_ALLOWED_SELECTOR_KEYS = {"TextQuoteSelector": ({"type", "exact"}, {"prefix", "suffix"})}


def _shape_problems(data: Any) -> list[str]:
    """What the client's import would refuse or lose, as its code reads the file."""
    if not isinstance(data, dict) or not isinstance(data.get("annotations"), list):
        return ["Not a valid Hypothesis JSON file"]
    problems = []
    for n, ann in enumerate(data["annotations"]):
        if not isinstance(ann.get("user"), str) or not re.match(r"^acct:.+$", ann["user"]):
            problems.append(f"{n}: user is not an acct: id")
        if not isinstance(ann.get("text"), str):
            problems.append(f"{n}: text is not a string")
        if not (isinstance(ann.get("tags"), list) and all(isinstance(t, str) for t in ann["tags"])):
            problems.append(f"{n}: tags is not a list of strings")
        if not isinstance(ann.get("uri"), str) or not ann["uri"].startswith(
            ("http://", "https://")
        ):
            problems.append(f"{n}: uri is not an http(s) URL")
        if not isinstance(ann.get("document"), dict) or not isinstance(
            ann["document"].get("title"), str
        ):
            problems.append(f"{n}: document.title is not a string")
        target = ann.get("target")
        if not isinstance(target, list) or len(target) != 1:
            problems.append(f"{n}: target is not a list of one (the server keeps one target)")
            continue
        if target[0].get("source") != ann.get("uri"):
            problems.append(f"{n}: target source is not the annotation's uri")
        for selector in target[0].get("selector", []):
            required, optional = _ALLOWED_SELECTOR_KEYS.get(selector.get("type"), (None, None))
            if required is None or optional is None:
                problems.append(f"{n}: selector {selector.get('type')!r} is not a quote selector")
            elif not required <= set(selector) <= required | optional:
                problems.append(f"{n}: selector keys {sorted(selector)}")
    return problems


class TestHypothesisImport:
    def test_the_client_import_reads_every_annotation(self, claims_report: Report) -> None:
        """Every claim of the article becomes an annotation the client's import takes whole."""
        data = hypothesis_export(
            claims_report, "acct:desk@hypothes.is", "2026-01-01T00:00:00+00:00"
        )
        claims = [row.claim for doc in claims_report.documents for row in doc.claims]
        assert len(data["annotations"]) == len(claims) > 0
        assert _shape_problems(data) == []
        assert data["export_userid"] == "acct:desk@hypothes.is"

    @pytest.mark.parametrize(
        ("broken", "said"),
        [
            ([], "Not a valid Hypothesis JSON file"),
            ({"annotations": [{"user": "desk"}]}, "0: user is not an acct: id"),
        ],
    )
    def test_the_check_sees_what_the_client_refuses(self, broken: Any, said: str) -> None:
        """A bare array, or a user that is not an acct: id, is reported."""
        assert said in _shape_problems(broken)

    def test_quotes_anchor_in_the_text(self, claims_report: Report) -> None:
        """Each quote, with its prefix and suffix, stands in the document text once it is
        found, so the client can anchor it; no position counted on another text is given."""
        doc = claims_report.documents[0]
        assert doc.text is not None
        data = hypothesis_export(claims_report)
        for ann in data["annotations"]:
            (selector,) = ann["target"][0]["selector"]
            assert selector["type"] == "TextQuoteSelector"
            context = selector.get("prefix", "") + selector["exact"] + selector.get("suffix", "")
            assert context in doc.text

    def test_text_escapes_markdown(self, claims_report: Report) -> None:
        """The claim's words cannot open Markdown markup in the annotation's text."""
        data = hypothesis_export(claims_report)
        for ann in data["annotations"]:
            first = ann["text"].split("\n", 1)[0]
            assert re.search(r"(?<!\\)[\[\]<>*_`]", first) is None
