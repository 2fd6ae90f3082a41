"""The report schema: published under schemas/ and packaged byte for byte."""

from __future__ import annotations

from pathlib import Path

import jsonschema

from claimtrack.schema import load_schema, schema_text

ROOT = Path(__file__).resolve().parents[2]


class TestReportSchema:
    def test_packaged_copy_is_identical(self) -> None:
        """The packaged report schema is byte-identical to schemas/report.schema.json."""
        published = (ROOT / "schemas" / "report.schema.json").read_text(encoding="utf-8")
        assert schema_text("report.schema.json") == published

    def test_is_a_valid_draft_2020_12_schema(self) -> None:
        """The schema passes its metaschema."""
        jsonschema.Draft202012Validator.check_schema(load_schema("report.schema.json"))
