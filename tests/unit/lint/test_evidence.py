"""Quote verification inside check: snapshot problems, failed and loose quotes, figures the
source does not give, statuses beyond their evidence, and the cache seeing snapshot edits."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

import claimtrack
from claimtrack.io.cache import ResultCache

TEXT = (
    "A monitoring group said more than 2,000 fighters had been killed since late November.\n"
    "Officials said 1.5 million people had crossed the border in the first week.\n"
)


def _project(tmp_path: Path, claims: str, text: str = TEXT, sha: str | None = None) -> Path:
    """A project folder with one claim file citing one source that has a snapshot."""
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    (tmp_path / "snapshots").mkdir()
    (tmp_path / "snapshots" / "wire.txt").write_text(text, encoding="utf-8")
    digest = sha or hashlib.sha256(text.encode()).hexdigest()
    body = f"""\
version: 1
document: {{id: doc, title: Doc}}
sources:
  - id: wire
    type: article-newspaper
    title: Rebels enter the capital
    issued: 2024-12-08
    url: https://news.example.org/rebels
    snapshot:
      path: snapshots/wire.txt
      sha256: {digest}
      coverage: full
      retrieved: 2026-12-01T10:00:00Z
claims:
{claims}"""
    path = tmp_path / "claims.yaml"
    path.write_text(body, encoding="utf-8")
    return path


CASUALTIES = """\
  - id: casualties
    text: More than {figure} fighters were killed.
    kind: quantity
    anchor: {{exact: "more than {figure} fighters"}}
    quantities: [{{lower_bound: {number}, unit: fighters}}]
    status: {status}
    citations:
      - source: wire
        quote: "{quote}"
"""


def _claims(quote: str, figure: str = "2,000", status: str = "unverified") -> str:
    number = figure.replace(",", "")
    return CASUALTIES.format(figure=figure, number=number, quote=quote, status=status)


def _codes(path: Path, **settings: object) -> list[str]:
    result = claimtrack.check([path], claimtrack.CheckSettings(**settings))  # type: ignore[arg-type]
    return [f.code for f in result.findings]


class TestVerification:
    def test_true_quote_is_clean(self, tmp_path: Path) -> None:
        """A quote the snapshot holds, giving the claim's figure, yields nothing."""
        path = _project(tmp_path, _claims("more than 2,000 fighters had been killed"))
        assert _codes(path) == []

    def test_false_quote_names_closest_passage(self, tmp_path: Path) -> None:
        """A changed figure fails verification, naming file:line:col and the passage."""
        path = _project(tmp_path, _claims("more than 3,000 fighters had been killed"))
        (finding,) = claimtrack.check([path]).findings
        assert finding.code == "F120"
        assert (finding.location.line, finding.location.column) == (23, 16)
        assert "more than 2,000 fighters had been killed" in finding.message
        assert "'2,000' where the quote has '3,000'" in finding.message

    def test_loose_match_is_a_note_with_the_difference(self, tmp_path: Path) -> None:
        """A quote found only after normalisation is an info note showing the difference."""
        path = _project(tmp_path, _claims("more than 2,000 fighters had  been killed"))
        (finding,) = claimtrack.check([path]).findings
        assert (finding.code, str(finding.severity)) == ("F121", "info")
        assert "after normalisation" in finding.message

    def test_figure_missing_from_quote_and_surroundings(self, tmp_path: Path) -> None:
        """A verified quote that does not give the claim's figure is flagged."""
        claims = _claims("had crossed the border in the first week", figure="5,000")
        text = TEXT + "x" * 400 + "\nNothing else here.\n"
        path = _project(tmp_path, claims, text=text.replace("2,000", "many"))
        assert _codes(path) == ["F122"]

    def test_figure_near_the_quote_counts(self, tmp_path: Path) -> None:
        """A figure stated just before the quote in the source is given by it."""
        path = _project(tmp_path, _claims("fighters had been killed since late November"))
        assert _codes(path) == []

    def test_a_figure_cut_by_the_reach_is_not_read_in_part(self, tmp_path: Path) -> None:
        """A larger figure at the edge of the reach is not read as the claim's: "12,000",
        whose first digit lies one code point beyond the 300 before the quote, does not
        give 2,000 (read in part, it would)."""
        quote = "Officials said they had no word of it."
        lead = "12,000 fighters were counted."
        text = lead + " " * (301 - len(lead)) + quote + "\n"
        assert text.index(quote) == 301
        assert _codes(_project(tmp_path, _claims(quote), text=text)) == ["F122"]

    def test_supported_on_failed_quotes_only(self, tmp_path: Path) -> None:
        """A supported claim whose content quotes all fail is also beyond its evidence."""
        claims = _claims("more than 3,000 fighters had been killed", status="supported")
        assert sorted(_codes(_project(tmp_path, claims))) == ["F120", "F123"]


FIGURE = """\
  - id: figure
    text: {exact}
    kind: quantity
    anchor: {{exact: "{exact}"}}
    quantities: [{quantity}]
    status: unverified
    citations:
      - source: wire
        quote: "had been counted since late November"
"""

_SOURCE_STYLES = [
    *(
        (f"more than 2{space}000 fighters", "more than 2,000 fighters", "{lower_bound: 2000}")
        for space in ("\u00a0", "\u202f", "\u2009")
    ),
    ("1,5 million people", "1.5 million people", "{value: 1.5, unit: million people}"),
    ("45,5 million euros", "45.5 million euros", "{value: 45500000, currency: EUR}"),
    ("US$1.5trn", "US$1.5 trillion", "{value: 1.5, unit: trillion, currency: USD}"),
    ("more than 4 500 fighters", "more than 4,500 fighters", "{lower_bound: 4500}"),
    ("1’500’000 people", "1.5 million people", "{value: 1500000}"),
    ("1.250.000 people", "1.25 million people", "{value: 1250000}"),
    ("1.250 families", "1,250 families", "{value: 1250}"),
    ("1.250 tonnes", "1.25 tonnes", "{value: 1.25, unit: tonnes}"),
    ("2½ million people", "2.5 million people", "{value: 2500000}"),
    ("a loss of −$5bn", "a loss of −$5 billion", "{value: -5000000000, currency: USD}"),
    ("a $25m grant", "a $25 million grant", "{value: 25000000, currency: USD}"),
]


class TestFiguresInEveryStyle:
    @pytest.mark.parametrize(("written", "exact", "quantity"), _SOURCE_STYLES)
    def test_a_figure_the_source_writes_in_any_style_is_found(
        self, tmp_path: Path, written: str, exact: str, quantity: str
    ) -> None:
        """A source stating the claim's figure with thousands grouped by a no-break or thin
        space, a decimal comma or "trn", in another convention (plain-space, apostrophe or
        dot groups; "1.250" read either way), a minus sign, a fraction or a letter scale
        gives that figure: no F122."""
        text = f"A monitoring group said {written} had been counted since late November.\n"
        claims = FIGURE.format(exact=exact, quantity=quantity)
        assert _codes(_project(tmp_path, claims, text=text)) == []

    @pytest.mark.parametrize(("written", "exact", "quantity"), _SOURCE_STYLES)
    def test_another_figure_in_that_style_is_not_the_claims(
        self, tmp_path: Path, written: str, exact: str, quantity: str
    ) -> None:
        """A source that writes a different figure in that style does not give the
        claim's: F122."""
        other = written.replace("2", "3").replace("5", "7")
        text = f"A monitoring group said {other} had been counted since late November.\n"
        claims = FIGURE.format(exact=exact, quantity=quantity)
        assert _codes(_project(tmp_path, claims, text=text)) == ["F122"]


class TestSnapshotProblems:
    def test_changed_snapshot(self, tmp_path: Path) -> None:
        """A snapshot whose hash differs is an error, and its quotes are not judged."""
        claims = _claims("more than 3,000 fighters had been killed")
        path = _project(tmp_path, claims, sha="ab" * 32)
        assert _codes(path) == ["E214"]

    def test_missing_snapshot(self, tmp_path: Path) -> None:
        """A snapshot file that is gone is an error naming why."""
        path = _project(tmp_path, _claims("more than 2,000 fighters had been killed"))
        (tmp_path / "snapshots" / "wire.txt").unlink()
        (finding,) = claimtrack.check([path]).findings
        assert finding.code == "E213"
        assert "wire" in finding.message

    def test_snapshot_outside_the_project(self, tmp_path: Path) -> None:
        """A snapshot path that leaves the project is refused, never read."""
        project = tmp_path / "project"
        project.mkdir()
        (tmp_path / "secret.txt").write_text(TEXT, encoding="utf-8")
        path = _project(project, _claims("more than 2,000 fighters had been killed"))
        data = path.read_text(encoding="utf-8").replace("snapshots/wire.txt", "../secret.txt")
        path.write_text(data, encoding="utf-8")
        (finding,) = claimtrack.check([path]).findings
        assert finding.code == "E213"
        assert "leaves the project" in finding.message

    @pytest.mark.parametrize("select", [["F120"], ["E213", "E214"]])
    def test_selection(self, tmp_path: Path, select: list[str]) -> None:
        """The new rules obey selection like every other rule."""
        path = _project(tmp_path, _claims("more than 3,000 fighters had been killed"))
        rules = claimtrack.RuleSelection(enabled=frozenset(select))
        assert _codes(path, rules=rules) == (["F120"] if "F120" in select else [])


class TestCache:
    def test_editing_a_source_snapshot_invalidates_the_cached_result(self, tmp_path: Path) -> None:
        """A cached clean result is not reused once a source snapshot changes."""
        path = _project(tmp_path, _claims("more than 2,000 fighters had been killed"))

        def run() -> list[str]:
            settings = claimtrack.CheckSettings()
            cache = ResultCache(tmp_path / ".cache", settings.fingerprint())
            result = claimtrack.check([path], claimtrack.CheckSettings(cache=cache))
            return [f.code for f in result.findings]

        assert run() == []
        assert run() == []
        (tmp_path / "snapshots" / "wire.txt").write_text("Other text.\n", encoding="utf-8")
        assert run() == ["E214"]


def _status_doc(claim: str) -> claimtrack.LoadedDocument:
    from claimtrack.io.load import load_bytes

    body = f"""\
version: 1
document: {{id: doc, title: Doc}}
sources:
  - {{id: a, type: report, title: A, issued: '2024', url: 'https://a.example.org/'}}
  - {{id: b, type: report, title: B, issued: '2024', url: 'https://b.example.org/'}}
claims:
{claim}"""
    return load_bytes(body.encode(), "status.yaml")


class TestStatusBeyondEvidence:
    @pytest.mark.parametrize(
        ("confidence", "citations", "kind", "flagged"),
        [
            ("{likelihood: roughly-even-chance}", "[{source: a}]", "assessment", True),
            ("{likelihood: likely, analytic: low}", "[{source: a}]", "assessment", True),
            ("{likelihood: likely, analytic: moderate}", "[{source: a}]", "assessment", False),
            (
                "{likelihood: likely}",
                "[{source: a, backs: attribution}, {source: b, stance: mentions}]",
                "quote",
                True,
            ),
            ("{likelihood: likely}", "[{source: a, backs: both}]", "quote", False),
        ],
    )
    def test_supported_claims(
        self, confidence: str, citations: str, kind: str, flagged: bool
    ) -> None:
        """Supported with even chance, low confidence, or content only mentioned is F123."""
        claim = f"""\
  - id: c
    text: A said the ceasefire held.
    kind: {kind}
    anchor: {{exact: the ceasefire held}}
    attribution: {{specificity: named, asserted_by: A}}
    status: supported
    confidence: {confidence}
    citations: {citations}
"""
        codes = [f.code for f in claimtrack.check(_status_doc(claim)).findings]
        assert ("F123" in codes) is flagged
