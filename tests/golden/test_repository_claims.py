"""Every claim file kept in the repository's ``claims/`` folder renders in every report format
and exports valid data (the goldens above pin the output on fixed fixtures)."""

from __future__ import annotations

import json
from pathlib import Path

import html5lib
import jsonschema
import pytest

import claimtrack
from claimtrack.export.csl import csl_items
from claimtrack.export.prov import prov_document
from claimtrack.render.report import build_report
from claimtrack.render.report.csv import render_csv
from claimtrack.render.report.html import render_html
from claimtrack.render.report.json import report_data
from claimtrack.render.report.markdown import render_markdown
from claimtrack.schema import load_schema

ROOT = Path(__file__).resolve().parents[2]
CLAIM_FILES = sorted(
    path for pattern in ("*.yaml", "*.yml", "*.json") for path in (ROOT / "claims").rglob(pattern)
)


@pytest.mark.parametrize("path", CLAIM_FILES, ids=[p.name for p in CLAIM_FILES])
class TestRepositoryClaims:
    def test_reports_render(self, path: Path) -> None:
        """The report renders in every format; the HTML parses and the JSON fits its schema."""
        report = build_report(claimtrack.check([path]).files)
        assert render_markdown(report).startswith("# Citation report")
        assert render_csv(report).startswith("document,")
        html5lib.HTMLParser(strict=True).parse(render_html(report))
        validator = jsonschema.Draft202012Validator(load_schema("report.schema.json"))
        assert list(validator.iter_errors(report_data(report))) == []

    def test_exports_validate(self, path: Path, reference_dir: Path) -> None:
        """CSL-JSON and PROV-JSON exports are valid against the official schemas."""
        report = build_report(claimtrack.check([path]).files)
        csl = json.loads((reference_dir / "csl" / "csl-data.json").read_text(encoding="utf-8"))
        prov = json.loads(
            (reference_dir / "prov" / "prov-json.schema.json").read_text(encoding="utf-8")
        )
        checker = jsonschema.FormatChecker()
        assert (
            list(
                jsonschema.Draft7Validator(csl, format_checker=checker).iter_errors(
                    csl_items(report)
                )
            )
            == []
        )
        assert (
            list(
                jsonschema.Draft4Validator(prov, format_checker=checker).iter_errors(
                    prov_document(report)
                )
            )
            == []
        )
