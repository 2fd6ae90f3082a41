"""Markdown, CSV and JSON renderers of the citation report."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

import jsonschema
import pytest

from claimtrack.render.report import Report
from claimtrack.render.report.csv import COLUMNS, neutralize, render_csv
from claimtrack.render.report.json import report_data
from claimtrack.render.report.markdown import escape_cell, render_markdown
from claimtrack.schema import load_schema


class TestMarkdown:
    @pytest.mark.parametrize(
        ("raw", "escaped"),
        [
            ("a | b", r"a \| b"),
            ("line one\nline two", "line one line two"),
            ("`code`", r"\`code\`"),
            ("  padded  ", "padded"),
            ("<script>", "&lt;script&gt;"),
            ("[x](javascript:alert(1))", r"\[x\](javascript:alert(1))"),
            ("", " "),
        ],
    )
    def test_cells_are_escaped(self, raw: str, escaped: str) -> None:
        """Table cells lose newlines and outer spaces; pipes, backticks and markup are inert."""
        assert escape_cell(raw) == escaped

    def test_tables_keep_their_columns(self, hostile_report: Report) -> None:
        """Every row of the claims table has as many cells as its header, hostile text or not."""
        lines = render_markdown(hostile_report).splitlines()
        start = next(i for i, line in enumerate(lines) if line.startswith("| # | Claim"))
        header = lines[start]
        rows = []
        for line in lines[start + 2 :]:
            if not line.startswith("|"):
                break  # the end of the claims table
            rows.append(line)
        assert rows

        def cells(line: str) -> int:
            return len(line.replace("\\|", "").split("|")) - 2

        assert all(cells(row) == cells(header) for row in rows)

    def test_several_documents_get_a_summary(self, report_of: Callable[..., Report]) -> None:
        """A report of several documents opens with a summary table naming each of them."""
        text = render_markdown(report_of("article", "small"))
        summary = text.split("\n## ", 1)[0]
        assert "| All documents |" in summary
        assert "A note on the bridge" in summary


class TestCsv:
    @pytest.mark.parametrize(
        "cell",
        [
            "=1+1",
            "+1",
            "-1",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "\n=1+1",
            "\uff1dSUM(A1)",  # fullwidth equals sign
            "\ufe62cmd",  # small plus sign
            "\u200b=1",  # zero-width space hiding the formula
            "\ufeff=1",  # byte-order mark
            " =1",
            "\u00a0@x",  # no-break space
            "\u3000=1",  # ideographic space
        ],
    )
    def test_formula_cells_are_neutralised(self, cell: str) -> None:
        """A cell a spreadsheet would run as a formula gets a leading single quote."""
        assert neutralize(cell) == "'" + cell

    def test_plain_cells_are_kept(self) -> None:
        """Other cells are left as they are."""
        assert neutralize("Iran invested $30 billion") == "Iran invested $30 billion"

    def test_one_row_per_claim(self, article_report: Report) -> None:
        """The CSV has a header and one row per claim, with the claim ids in order."""
        rows = list(csv.DictReader(io.StringIO(render_csv(article_report))))
        assert [row["claim_id"] for row in rows] == [
            r.claim.id for r in article_report.documents[0].claims
        ]
        assert list(rows[0]) == list(COLUMNS)


class TestJson:
    def test_valid_against_published_schema(self, report_of: Callable[..., Report]) -> None:
        """The JSON report of several documents is valid against schemas/report.schema.json."""
        validator = jsonschema.Draft202012Validator(load_schema("report.schema.json"))
        data = report_data(report_of("article", "small", "hostile"))
        assert list(validator.iter_errors(data)) == []

    def test_schema_rejects_unknown_keys(self, article_report: Report) -> None:
        """The schema is strict: an unexpected key is an error (so it documents every key)."""
        validator = jsonschema.Draft202012Validator(load_schema("report.schema.json"))
        data = report_data(article_report)
        data["documents"][0]["claims"][0]["surprise"] = True
        assert list(validator.iter_errors(data))

    def test_round_trips_claim_text(self, hostile_report: Report) -> None:
        """Claim text survives JSON exactly, markup and all (JSON is data, never markup)."""
        from claimtrack.render.report.json import render_report_json

        data = json.loads(render_report_json(hostile_report))
        texts = [claim["text"] for claim in data["documents"][0]["claims"]]
        assert texts == [row.claim.text for row in hostile_report.documents[0].claims]
