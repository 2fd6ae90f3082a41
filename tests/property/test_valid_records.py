"""Records built from schema-valid data without cattrs equal the ones cattrs builds, and data
they cannot be built from still gets cattrs's own errors."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from cattrs.errors import BaseValidationError
from hypothesis import given, settings
from hypothesis import strategies as st

import claimtrack
from claimtrack._convert import structure, structure_valid, unstructure
from claimtrack._valid_records import record_builder
from claimtrack.io.load import load_bytes
from claimtrack.model import ClaimFile, Quantity
from claimtrack.records import records_or_findings
from claimtrack.schema import validator
from tests import strategies
from tests.property.test_model_schema import _SCHEMA_EXAMPLES, _schema_strategy

_VALID = {
    "version": 1,
    "document": {"id": "doc", "title": "A document"},
    "claims": [
        {
            "id": "c1",
            "text": "Over 2,000 were counted.",
            "kind": "quantity",
            "anchor": {"exact": "Over 2,000", "start": 0, "end": 10},
            "quantities": [{"lower_bound": 2000, "unit": "people"}],
            "confidence": {"likelihood": "likely", "credibility": 2.0},
        }
    ],
}


class TestSameRecords:
    """The builder and cattrs agree on every document the schema accepts."""

    @given(strategies.claim_files)
    def test_records_of_dumped_files(self, claim_file: claimtrack.ClaimFile) -> None:
        """Dumped records build back into records equal to cattrs's, field for field and
        type for type (an enum member, not its string, which would compare equal)."""
        data = unstructure(claim_file)
        built = record_builder(ClaimFile)(data)
        assert repr(built) == repr(structure(data))
        assert built == claim_file

    @settings(max_examples=_SCHEMA_EXAMPLES)
    @given(data=st.data())
    def test_records_of_schema_documents(self, data: st.DataObject) -> None:
        """Documents generated from the schema build into the records cattrs makes."""
        document = data.draw(_schema_strategy())
        assert validator().is_valid(document)
        assert repr(record_builder(ClaimFile)(document)) == repr(structure(document))

    def test_types_are_the_models(self) -> None:
        """Enums become members, integers written as 2.0 become 2, and lists become tuples."""
        built = structure_valid(copy.deepcopy(_VALID))
        claim = built.claims[0]
        assert claim.kind is claimtrack.ClaimKind.QUANTITY
        assert claim.confidence is not None
        assert claim.confidence.credibility == 2
        assert type(claim.confidence.credibility) is int
        assert claim.quantities == (Quantity(lower_bound=2000, unit="people"),)
        assert built == structure(copy.deepcopy(_VALID))


class TestFallback:
    """Data the builder cannot take goes to cattrs, which says what is wrong."""

    @pytest.mark.parametrize(
        ("where", "value"),
        [
            (("claims", 0, "unknown_field"), "x"),  # a key no field has
            (("claims", 0, "kind"), "not-a-kind"),  # not an enum value
            (("claims", 0, "anchor", "exact"), ""),  # the model's own validator refuses it
        ],
    )
    def test_cattrs_errors_for_data_the_schema_would_refuse(
        self, where: tuple[Any, ...], value: Any
    ) -> None:
        """structure_valid raises cattrs's grouped errors, as structure does."""
        data = copy.deepcopy(_VALID)
        node: Any = data
        for step in where[:-1]:
            node = node[step]
        node[where[-1]] = value
        with pytest.raises(BaseValidationError):
            structure_valid(data)

    def test_the_shape_finding_still_points_at_the_field(self) -> None:
        """Data the model refuses becomes an E114 finding at the record that holds it."""
        text = (
            "version: 1\n"
            "document: {id: doc, title: T}\n"
            "claims:\n"
            "  - id: c\n"
            "    text: t\n"
            "    kind: event\n"
            '    anchor: {exact: ""}\n'
        )
        document = load_bytes(text.encode(), "refused.yaml")
        found = records_or_findings(document)
        assert isinstance(found, list)
        assert [(f.code, f.location.line, f.location.pointer) for f in found] == [
            ("E114", 7, "/claims/0/anchor")
        ]
