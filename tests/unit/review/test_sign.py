"""Sign-off: the fingerprint of what was verified, the rewrite that records it, and the
F3xx flags CI enforces with it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.gitrepo import SMALL, GitRepo

from claimtrack import check, loads
from claimtrack.cli.main import cli
from claimtrack.lint.signoff import claim_fingerprint
from claimtrack.review import Repository, diff_revisions
from claimtrack.review.sign import SignError, sign

AT = "2026-02-03T04:05:06Z"


def _codes(path: Path) -> list[str]:
    return [f.code for f in check(path).findings]


class TestFingerprint:
    def test_provenance_and_suppressions_are_not_content(self) -> None:
        """Adding provenance or a suppression keeps a claim's fingerprint; editing its text,
        verdict or a citation changes it."""
        base = loads(SMALL).claims[0]
        same = loads(
            SMALL.replace(
                "    status: supported\n  - id: rationing",
                "    status: supported\n    provenance: {recorded_by: Ada}\n"
                "    suppress: [{rule: F106, reason: Two sources.}]\n  - id: rationing",
            )
        ).claims[0]
        assert claim_fingerprint(same) == claim_fingerprint(base)
        for old, new in (
            ("stood at 40 percent.", "stood at 41 percent."),
            ("    status: supported\n  - id: rationing", "    status: disputed\n  - id: rationing"),
            ("locator: p. 3", "locator: p. 4"),
        ):
            assert claim_fingerprint(loads(SMALL.replace(old, new)).claims[0]) != claim_fingerprint(
                base
            )

    def test_formatting_does_not_change_it(self) -> None:
        """Quoting, flow or block style and key order leave the fingerprint as it was."""
        base = loads(SMALL).claims[1]
        restyled = loads(
            SMALL.replace(
                '    anchor: {exact: "introduced rationing"}\n    dates: [{date: "2024-06-01"}]',
                "    dates:\n      - date: '2024-06-01'\n"
                "    anchor:\n      exact: introduced rationing",
            )
        ).claims[1]
        assert claim_fingerprint(restyled) == claim_fingerprint(base)


class TestSign:
    def test_sign_records_who_when_and_what_and_keeps_everything_else(self, tmp_path: Path) -> None:
        """Signing writes verified_by, verified_at and the fingerprint into provenance, keeps
        comments, other bytes and the file's mode, and leaves the file free of F303."""
        path = tmp_path / "claims.yaml"
        path.write_text(SMALL, encoding="utf-8")
        path.chmod(0o640)
        sign(path, ["level"], "Bo Reviewer", AT)
        text = path.read_text(encoding="utf-8")
        fingerprint = claim_fingerprint(loads(SMALL).claims[0])
        added = (
            f"    provenance: {{verified_by: Bo Reviewer, verified_at: {AT},"
            f" verified_fingerprint: {fingerprint}}}\n"
        )
        assert text == SMALL.replace(
            "    status: supported\n  - id: rationing",
            "    status: supported\n" + added + "  - id: rationing",
        )
        assert os.stat(path).st_mode & 0o777 == 0o640
        assert _codes(path) == []

    def test_an_existing_provenance_gains_the_keys(self, tmp_path: Path) -> None:
        """A claim that already has provenance keeps it and gains the three keys."""
        path = tmp_path / "claims.yaml"
        path.write_text(
            SMALL.replace(
                "    status: supported\n  - id: rationing",
                "    status: supported\n    provenance:\n      recorded_by: Ada Editor\n"
                "  - id: rationing",
            ),
            encoding="utf-8",
        )
        sign(path, ["level"], "Bo Reviewer", AT)
        claim = loads(path.read_text(encoding="utf-8")).claims[0]
        assert claim.provenance is not None
        assert (
            claim.provenance.recorded_by,
            claim.provenance.verified_by,
            claim.provenance.verified_at,
        ) == ("Ada Editor", "Bo Reviewer", AT)
        assert claim.provenance.verified_fingerprint == claim_fingerprint(claim)

    def test_unknown_claim_and_bad_time_are_refused_without_writing(self, tmp_path: Path) -> None:
        """An id the file lacks, or a time that is not ISO 8601, raises and leaves the file."""
        path = tmp_path / "claims.yaml"
        path.write_text(SMALL, encoding="utf-8")
        with pytest.raises(SignError, match="no claim with id 'nope'"):
            sign(path, ["level", "nope"], "Bo", AT)
        with pytest.raises(SignError, match="not an ISO 8601"):
            sign(path, ["level"], "Bo", "yesterday")
        assert path.read_text(encoding="utf-8") == SMALL


class TestSignOffRules:
    def test_an_edit_after_sign_off_is_flagged_and_the_diff_shows_it(self, tmp_path: Path) -> None:
        """A claim signed off in one commit and edited in the next gains F303, and the diff of
        the edit names it as introduced."""
        repo = GitRepo(tmp_path / "repo")
        repo.write("claims/small.yaml", SMALL)
        sign(repo.root / "claims/small.yaml", ["level"], "Bo Reviewer", AT)
        repo.commit("Sign off the level")
        repo.edit("claims/small.yaml", "stood at 40 percent.", "stood at 45 percent.")
        repo.commit("Edit after sign-off")
        assert _codes(repo.root / "claims/small.yaml") == ["F303"]
        repository = Repository(repo.root)
        (document,) = diff_revisions(
            repository, repository.commit("HEAD~1"), repository.commit("HEAD")
        ).documents
        assert [f.code for f in document.introduced] == ["F303"]

    def test_published_requires_sign_off_and_four_eyes_refuses_self_review(
        self, tmp_path: Path
    ) -> None:
        """A published document flags its unverified check-worthy claims (F301); with
        four-eyes review, a claim its recorder verified is flagged (F302)."""
        path = tmp_path / "claims.yaml"
        path.write_text(
            SMALL.replace(
                "  title: The reservoir report\n",
                "  title: The reservoir report\n  state: published\n  four_eyes: true\n",
            ),
            encoding="utf-8",
        )
        assert _codes(path) == ["F301", "F301"]
        sign(path, ["level", "rationing"], "Bo Reviewer", AT)
        assert _codes(path) == []
        path.write_text(
            path.read_text(encoding="utf-8").replace(
                "provenance: {verified_by: Bo Reviewer",
                "provenance: {recorded_by: bo reviewer, verified_by: Bo Reviewer",
                1,
            ),
            encoding="utf-8",
        )
        assert _codes(path) == ["F302"]


class TestSignCommand:
    def test_sign_finds_the_file_and_reports(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """``review sign ID --by NAME`` finds the claim's file under the current folder,
        signs it and says so on stderr."""
        monkeypatch.chdir(tmp_path)
        (tmp_path / "claims").mkdir()
        (tmp_path / "claims" / "small.yaml").write_text(SMALL, encoding="utf-8")
        result = CliRunner().invoke(cli, ["review", "sign", "rationing", "--by", "Bo", "--at", AT])
        assert result.exit_code == 0, result.output
        assert "claims/small.yaml: signed off rationing as Bo" in result.stderr
        assert (
            loads((tmp_path / "claims" / "small.yaml").read_text("utf-8")).claims[1].provenance
            is not None
        )

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (["nope", "--by", "Bo"], "no claim file holds a claim with id 'nope'"),
            (["level", "--by", "Bo", "--at", "soon"], "'soon' is not an ISO 8601"),
            (["level", "--by", "Bo", "--in", "missing"], "missing: no such file"),
        ],
    )
    def test_bad_input_exits_2_with_one_line(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
    ) -> None:
        """An unknown claim, a bad time or a missing path exits 2 with one clear line."""
        monkeypatch.chdir(tmp_path)
        (tmp_path / "a.yaml").write_text(SMALL, encoding="utf-8")
        result = CliRunner().invoke(cli, ["review", "sign", *args])
        assert result.exit_code == 2, result.output
        assert message in result.stderr
        assert "Traceback" not in result.output
        assert (tmp_path / "a.yaml").read_text(encoding="utf-8") == SMALL

    def test_a_file_that_breaks_the_schema_is_named_with_its_position(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Signing a claim in a file the schema refuses names the file, line and column and
        writes nothing."""
        monkeypatch.chdir(tmp_path)
        broken = SMALL.replace("    kind: event\n", "    kind: rumour\n")
        (tmp_path / "a.yaml").write_text(broken, encoding="utf-8")
        result = CliRunner().invoke(cli, ["review", "sign", "level", "--by", "Bo"])
        assert result.exit_code == 2, result.output
        assert result.stderr.startswith("claimtrack: a.yaml:")
        assert "fix the file first" in result.stderr
        assert (tmp_path / "a.yaml").read_text(encoding="utf-8") == broken

    def test_a_claim_in_two_files_is_ambiguous(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A claim id held by two files is refused until --in names one."""
        monkeypatch.chdir(tmp_path)
        (tmp_path / "a.yaml").write_text(SMALL, encoding="utf-8")
        (tmp_path / "b.yaml").write_text(SMALL, encoding="utf-8")
        result = CliRunner().invoke(cli, ["review", "sign", "level", "--by", "Bo"])
        assert result.exit_code == 2
        assert "in several files (a.yaml, b.yaml)" in result.stderr
        result = CliRunner().invoke(
            cli, ["review", "sign", "level", "--by", "Bo", "--in", "b.yaml"]
        )
        assert result.exit_code == 0, result.output
        assert (tmp_path / "a.yaml").read_text(encoding="utf-8") == SMALL


class TestSignJson:
    def test_a_json_file_keeps_its_layout(self, tmp_path: Path) -> None:
        """Signing a claim of a JSON file adds one provenance member and changes no other
        line (but for the comma the member before it needs)."""
        import json

        data = loads(SMALL)
        from claimtrack import dumps

        text = dumps(data, "json")
        path = tmp_path / "claims.json"
        path.write_text(text, encoding="utf-8")
        sign(path, ["rationing"], "Bo", AT)
        after = path.read_text(encoding="utf-8")
        assert json.loads(after)["claims"][1]["provenance"]["verified_by"] == "Bo"
        before = {line.rstrip(",") for line in text.splitlines()}
        assert [line for line in after.splitlines() if line.rstrip(",") not in before] == [
            line for line in after.splitlines() if "provenance" in line
        ]
