"""Claim matching: the same claim across documents, and the near misses it must refuse."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

import claimtrack
from claimtrack.cli.main import cli
from claimtrack.corpus import match
from claimtrack.corpus.match import ClaimRef, features, propose, score
from claimtrack.model import Anchor, Claim, ClaimKind, Quantity

CORPUS = Path(__file__).resolve().parents[2] / "fixtures" / "corpus"


def _claims() -> dict[str, tuple[ClaimRef, Claim]]:
    found = {}
    for path in sorted((CORPUS / "claims").glob("*.yaml")):
        for claim in claimtrack.load(path).claims:
            found[f"{path.name}#{claim.id}"] = (ClaimRef(path.name, claim.id), claim)
    return found


def _gold() -> dict[str, set[frozenset[str]]]:
    data = yaml.safe_load((CORPUS / "gold.yaml").read_text(encoding="utf-8"))
    return {kind: {frozenset(pair) for pair in data[kind]} for kind in ("same", "different")}


def _claim(text: str, **fields: object) -> Claim:
    return Claim(id="c", text=text, kind=ClaimKind.EVENT, anchor=Anchor(exact="x"), **fields)  # type: ignore[arg-type]


class TestCorpus:
    def test_every_known_repeat_is_proposed_and_no_near_miss(self) -> None:
        """On the fixture corpus, recall and precision are both 1: every pair of the gold
        list's 'same' is proposed, and nothing else, so none of its near misses."""
        claims = _claims()
        proposed = {
            frozenset((f"{p.claim.path}#{p.claim.claim_id}", f"{p.other.path}#{p.other.claim_id}"))
            for p in propose(claims.values())
        }
        gold = _gold()
        assert gold["same"] <= proposed
        assert not proposed & gold["different"]
        assert proposed == gold["same"]


class TestVetoes:
    def test_a_changed_number_is_another_claim(self) -> None:
        """ "$30bn" and "$50bn" in otherwise equal sentences do not match."""
        a = features(_claim("Iran spent $30bn propping up Assad."))
        b = features(_claim("Iran spent $50bn propping up Assad."))
        assert score(a, b) == (0.0, "the claims state different figures")

    def test_recorded_quantities_count_as_figures(self) -> None:
        """A figure recorded in quantities, not written in digits, still vetoes."""
        a = features(_claim("Iran spent a fortune.", quantities=(Quantity(value=3e10),)))
        b = features(_claim("Iran spent a fortune.", quantities=(Quantity(value=5e10),)))
        assert score(a, b)[0] == 0.0

    def test_a_whole_number_beyond_a_float_is_a_figure(self) -> None:
        """A recorded value too large for a float is compared exactly, not a crash."""
        huge = 10**400
        a = features(_claim("A huge count.", quantities=(Quantity(value=huge),)))
        b = features(_claim("A huge count.", quantities=(Quantity(value=huge + 1),)))
        assert a.figures == {huge}
        assert score(a, b)[0] == 0.0

    def test_a_negation_is_another_claim(self) -> None:
        """A claim and its negation do not match, however alike their words."""
        a = features(_claim("Russia withdrew its forces from Syria."))
        b = features(_claim("Russia never withdrew its forces from Syria."))
        assert score(a, b) == (0.0, "one claim is negated and the other is not")

    def test_another_year_is_another_claim(self) -> None:
        """The same event in two different years does not match."""
        a = features(_claim("Israel struck the consulate in 2023."))
        b = features(_claim("Israel struck the consulate in 2024."))
        assert score(a, b)[0] == 0.0

    def test_scaled_ranges_agree(self) -> None:
        """ "$30–50 billion", "between 30 and 50 billion" and "$30bn" are read as figures."""
        assert features(_claim("$30–50 billion")).figures == {3e10, 5e10}
        assert features(_claim("between 30 and 50 billion dollars")).figures == {3e10, 5e10}
        assert features(_claim("some $30bn")).figures == {3e10}

    @pytest.mark.parametrize(
        ("text", "figures"),
        [
            ("2½ million people fled", {2.5e6}),
            ("4 500 000 people fled", {4.5e6}),
            ("1.200.000 people fled", {1.2e6}),
            ("1.200 people fled", {1.2, 1200.0}),
            ("the 21st century", set()),
            ("F-35 jets", set()),
            ("prices fell −3.5%", {-3.5}),
        ],
    )
    def test_figures_are_read_as_extract_and_the_flags_read_them(
        self, text: str, figures: set[float]
    ) -> None:
        """A claim's figures come from the shared reading of digits: fractions, other
        groupings and signs are read by value, "1.200" in both its readings, and ordinals
        and names are no figure."""
        assert features(_claim(text)).figures == figures

    def test_a_changed_fraction_is_another_claim(self) -> None:
        """ "2½ million" and "3½ million" in otherwise equal sentences do not match."""
        a = features(_claim("Some 2½ million people fled the fighting."))
        b = features(_claim("Some 3½ million people fled the fighting."))
        assert score(a, b) == (0.0, "the claims state different figures")


class TestCandidates:
    def test_claims_of_one_file_are_not_paired(self) -> None:
        """Two equal claims in one file are not proposed: matching is across documents."""
        claim = _claim("Assad fled to Moscow.")
        assert propose([(ClaimRef("a.yaml", "x"), claim), (ClaimRef("a.yaml", "y"), claim)]) == []

    def test_a_files_claims_apart_are_not_paired_either(self) -> None:
        """Claims of one file given apart (another file's claim between them) are still
        not paired with each other, and each is paired with the other file's claim."""
        claim = _claim("Assad fled to Moscow on a Russian military plane.")
        refs = [ClaimRef("a.yaml", "x"), ClaimRef("b.yaml", "y"), ClaimRef("a.yaml", "z")]
        pairs = {
            frozenset((p.claim.claim_id, p.other.claim_id))
            for p in propose([(ref, claim) for ref in refs])
        }
        assert pairs == {frozenset(("x", "y")), frozenset(("y", "z"))}

    def test_comparisons_grow_slower_than_the_square(self) -> None:
        """On 4,000 claims with a shared vocabulary, far fewer than n²/2 pairs are
        compared."""
        words = [f"w{n}" for n in range(400)]
        feats = []
        refs = []
        for n in range(4000):
            text = " ".join(words[(n * k) % 400] for k in (1, 3, 7, 11, 13))
            feats.append(features(_claim(f"{text} everywhere syria")))
            refs.append(ClaimRef(f"f{n % 50}.yaml", f"c{n}"))
        pairs = sum(1 for _ in match._candidates(refs, feats))
        assert pairs < 4000 * 4000 / 2 / 10


class TestMatchCommand:
    def test_accept_records_links_on_both_claims_and_keeps_the_rest(self, tmp_path: Path) -> None:
        """--accept adds same_as links (only insertions: every original line is kept) and a
        second run lists them as accepted."""
        folder = tmp_path / "claims"
        shutil.copytree(CORPUS / "claims", folder)
        before = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("*.yaml")}
        result = CliRunner().invoke(cli, ["match", str(folder), "--accept"])
        assert result.exit_code == 0, result.output
        assert "recorded 10 same_as links in 3 files" in result.stderr
        for path in folder.glob("*.yaml"):
            old_lines = before[path.name].splitlines()
            new_lines = path.read_text(encoding="utf-8").splitlines()
            assert [line for line in new_lines if "same_as" not in line] == old_lines
        wire = claimtrack.load(folder / "wire.yaml")
        fled = next(c for c in wire.claims if c.id == "assad-fled")
        assert [(link.document, link.claim) for link in fled.same_as] == [
            ("explainer", "assad-in-moscow")
        ]
        again = CliRunner().invoke(cli, ["match", str(folder), "--format", "json"])
        assert again.exit_code == 0
        assert '"accepted": true' in again.stdout
        assert '"accepted": false' not in again.stdout
        result = claimtrack.check([str(p) for p in folder.glob("*.yaml")])
        assert [f for f in result.findings if f.severity == "error"] == []

    def test_a_broken_file_is_reported_and_exits_2(self, tmp_path: Path) -> None:
        """A file that does not load is named with its line and column; exit 2."""
        (tmp_path / "bad.yaml").write_text("version: 1\ndocument: [\n", encoding="utf-8")
        result = CliRunner().invoke(cli, ["match", str(tmp_path)])
        assert result.exit_code == 2
        assert "bad.yaml:" in result.stderr
        assert "Traceback" not in result.output

    @pytest.mark.parametrize("argument", ["nothing-here/", "-"])
    def test_bad_arguments_exit_2(self, tmp_path: Path, argument: str) -> None:
        """A path that matches nothing, or standard input, is a usage error."""
        result = CliRunner().invoke(
            cli, ["match", str(tmp_path / argument) if argument != "-" else "-"]
        )
        assert result.exit_code == 2
