"""The model and the schema agree both ways, and files round-trip through YAML and JSON."""

from __future__ import annotations

import copy
import functools
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimtrack
from claimtrack._convert import structure, unstructure
from claimtrack.schema import load_schema, validator
from tests import strategies


class TestModelToSchema:
    """Records drawn from the model's strategies."""

    @given(strategies.claim_files)
    def test_dumped_records_are_schema_valid(self, claim_file: claimtrack.ClaimFile) -> None:
        """Every record the model can hold dumps to a document the schema accepts."""
        data = unstructure(claim_file)
        errors = [error.message for error in validator().iter_errors(data)]
        assert errors == []

    @given(strategies.claim_files)
    def test_structure_inverts_unstructure(self, claim_file: claimtrack.ClaimFile) -> None:
        """Loading dumped data gives back an equal record."""
        assert structure(unstructure(claim_file)) == claim_file

    @pytest.mark.parametrize("fmt", ["yaml", "json"])
    @given(claim_file=strategies.claim_files)
    def test_text_round_trip(self, fmt: str, claim_file: claimtrack.ClaimFile) -> None:
        """dumps then loads gives back an equal record, in YAML and in JSON."""
        text = claimtrack.dumps(claim_file, fmt)
        assert claimtrack.loads(text, fmt) == claim_file


# Generating from the whole schema is the suite's slowest property: a handful of documents
# locally, the full run under the thorough profile CI uses (tests/conftest.py).
_SCHEMA_EXAMPLES = 60 if settings().max_examples >= 200 else 6


@functools.cache
def _schema_strategy() -> st.SearchStrategy[Any]:
    from hypothesis_jsonschema import from_schema

    schema = copy.deepcopy(load_schema())  # the generator rewrites what it is given
    # hypothesis-jsonschema documents drafts 4, 6 and 7. Our schema uses only keywords those
    # drafts share (type, properties, required, additionalProperties, enum, const, pattern,
    # min/max, anyOf/oneOf/not, $ref into $defs); only the $schema URI says 2020-12, so we
    # present it as Draft 7 to the generator. The validator that checks the result below is
    # the real 2020-12 one.
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    schema.pop("$id", None)
    return from_schema(schema)


class TestSchemaToModel:
    """Documents generated from the schema itself."""

    @settings(max_examples=_SCHEMA_EXAMPLES)
    @given(data=st.data())
    def test_schema_documents_load_into_the_model(self, data: st.DataObject) -> None:
        """Anything the schema accepts structures into the model and dumps back to the same
        data, defaults aside."""
        document = data.draw(_schema_strategy())
        assert validator().is_valid(document)
        claim_file = structure(document)
        again = unstructure(claim_file)
        assert validator().is_valid(again)
        assert structure(again) == claim_file

    def test_generator_covers_our_keywords(self) -> None:
        """Every keyword the schema uses is one the generator understands (the gap check)."""
        understood = {
            "$schema",
            "$id",
            "$ref",
            "$defs",
            "title",
            "description",
            "examples",
            "default",
            "type",
            "properties",
            "required",
            "additionalProperties",
            "items",
            "enum",
            "const",
            "pattern",
            "minLength",
            "maxLength",
            "minimum",
            "maximum",
            "anyOf",
            "oneOf",
            "not",
        }
        used: set[str] = set()

        def walk(node: Any, in_properties: bool = False) -> None:
            if isinstance(node, dict):
                for key, value in node.items():
                    if not in_properties:
                        used.add(key)
                        if key in ("examples", "default", "const", "enum"):
                            continue  # data, not schema
                    walk(value, in_properties=key in ("properties", "$defs") and not in_properties)
            elif isinstance(node, list):
                for item in node:
                    walk(item)

        walk(load_schema())
        assert used - understood == set()


class TestSchemaFile:
    """The published schema itself."""

    def test_schema_is_valid_draft_2020_12(self) -> None:
        """The schema passes its own metaschema."""
        from jsonschema import Draft202012Validator

        Draft202012Validator.check_schema(load_schema())

    def test_every_property_is_described(self) -> None:
        """Every property has a description, directly or through the definition it refers to."""
        schema = load_schema()
        defs = schema["$defs"]
        missing = []

        def check(owner: str, node: dict[str, Any]) -> None:
            for name, prop in node.get("properties", {}).items():
                target = prop
                if "$ref" in prop and "description" not in prop:
                    target = defs[prop["$ref"].rsplit("/", 1)[-1]]
                if "description" not in target:
                    missing.append(f"{owner}.{name}")

        check("(root)", schema)
        for name, definition in defs.items():
            check(name, definition)
        assert missing == []

    def test_packaged_copy_is_identical(self) -> None:
        """The wheel's copy of each schema is byte-identical to the one in schemas/."""
        from tests.conftest import ROOT

        for name in ("claim-file.schema.json", "check-output.schema.json"):
            top = (ROOT / "schemas" / name).read_bytes()
            packaged = (ROOT / "src" / "claimtrack" / "schemas" / name).read_bytes()
            assert top == packaged, name

    def test_examples_are_valid(self) -> None:
        """The schema's own top-level examples validate against it."""
        schema = load_schema()
        for example in schema["examples"]:
            assert validator().is_valid(example), json.dumps(example)


class TestFastValidator:
    """The compiled fast path never hides an error the reference validator would report."""

    @given(strategies.claim_files)
    def test_both_accept_valid_records(self, claim_file: claimtrack.ClaimFile) -> None:
        """Documents the model dumps are accepted by both validators."""
        from claimtrack.schema import fast_validator

        data = unstructure(claim_file)
        fast = fast_validator()
        assert fast is not None
        assert fast.is_valid(data)
        assert validator().is_valid(data)

    @given(claim_file=strategies.claim_files, data=st.data())
    def test_fast_acceptance_implies_reference_acceptance(
        self, claim_file: claimtrack.ClaimFile, data: st.DataObject
    ) -> None:
        """After one random value is replaced, if the fast validator accepts the document,
        so does the reference one."""
        from claimtrack.schema import fast_validator

        document = unstructure(claim_file)
        paths: list[tuple[Any, Any]] = []

        def collect(node: Any) -> None:
            if isinstance(node, dict):
                for key, value in node.items():
                    paths.append((node, key))
                    collect(value)
            elif isinstance(node, list):
                for index, value in enumerate(node):
                    paths.append((node, index))
                    collect(value)

        collect(document)
        container, key = data.draw(st.sampled_from(paths))
        container[key] = data.draw(
            st.one_of(
                st.none(),
                st.booleans(),
                st.integers(),
                st.text(max_size=5),
                st.just([]),
                st.just({}),
                st.sampled_from(["yes", "ZZ", "2024-13-01", "-1", "a b"]),
            )
        )
        fast = fast_validator()
        assert fast is not None
        if fast.is_valid(document):
            assert validator().is_valid(document)


class TestPatternsAgree:
    """The model's field validators use the schema's own patterns."""

    def test_model_patterns_equal_schema_patterns(self) -> None:
        """Each pattern constant of the model is the pattern of the schema definition."""
        from claimtrack import model

        defs = load_schema()["$defs"]
        pairs = {
            "Id": model.ID_PATTERN,
            "Text": model.TEXT_PATTERN,
            "PartialDate": model.PARTIAL_DATE_PATTERN,
            "Timestamp": model.TIMESTAMP_PATTERN,
            "HttpUrl": model.HTTP_URL_PATTERN,
        }
        for name, pattern in pairs.items():
            assert defs[name]["pattern"] == pattern, name

    @pytest.mark.parametrize(
        ("text", "valid"),
        [("abc", True), ("abc\n", False), ("\x1f", False), ("\u00a0 ", False), ("é", True)],
    )
    def test_validators_agree_on_edge_strings(self, text: str, valid: bool) -> None:
        """The reference and the compiled validator agree on trailing newlines and on
        characters Python and ECMA-262 class differently."""
        from claimtrack.schema import fast_validator

        document = {
            "version": 1,
            "document": {"id": "abc" if text != "abc\n" else text, "title": text},
        }
        fast = fast_validator()
        assert fast is not None
        assert validator().is_valid(document) is valid
        assert fast.is_valid(document) is valid
