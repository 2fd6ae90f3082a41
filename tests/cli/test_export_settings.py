"""``claimtrack export``: ClaimReview settings from the configuration, the warnings naming what
a consumer will miss, --strict, and the Hypothesis import file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimtrack.cli.main import cli


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def _config(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "claimtrack.toml"
    path.write_text(body, encoding="utf-8")
    return path


class TestClaimReviewSettings:
    def test_configuration_fills_url_and_author(self, fixtures_dir: Path, tmp_path: Path) -> None:
        """review-url, reviewer, reviewer-url and reviewer-type in the configuration reach every
        review, with no warning about them."""
        config = _config(
            tmp_path,
            'review-url = "https://checks.example.org/a"\nreviewer = "A. Editor"\n'
            'reviewer-url = "https://checks.example.org/"\nreviewer-type = "Person"\n',
        )
        code, out, err = _run(
            "export", str(fixtures_dir / "article"), "--to", "claimreview", "--config", str(config)
        )
        assert code == 0, err
        reviews = [i for i in json.loads(out)["@graph"] if i["@type"] == "ClaimReview"]
        assert reviews
        for review in reviews:
            assert review["url"].startswith("https://checks.example.org/a#")
            assert review["author"] == {
                "@type": "Person",
                "name": "A. Editor",
                "url": "https://checks.example.org/",
            }
        assert "without a url" not in err
        assert "without an author" not in err

    def test_command_line_beats_configuration(self, fixtures_dir: Path, tmp_path: Path) -> None:
        """--reviewer replaces the configuration's reviewer."""
        config = _config(tmp_path, 'reviewer = "Config Desk"\n')
        code, out, err = _run(
            "export",
            str(fixtures_dir / "article"),
            "--to",
            "claimreview",
            "--config",
            str(config),
            "--reviewer",
            "Flag Desk",
        )
        assert code == 0, err
        review = next(i for i in json.loads(out)["@graph"] if i["@type"] == "ClaimReview")
        assert review["author"]["name"] == "Flag Desk"

    def test_warns_naming_what_is_missing(self, fixtures_dir: Path, tmp_path: Path) -> None:
        """Without settings the export is written, and standard error names the missing url
        and author and how to give them."""
        config = _config(tmp_path, "")
        code, out, err = _run(
            "export", str(fixtures_dir / "article"), "--to", "claimreview", "--config", str(config)
        )
        assert code == 0, err
        assert json.loads(out)["@graph"]
        assert "without a url, which Google requires; give --review-url URL" in err
        assert "without an author" in err
        assert "--reviewer NAME" in err

    def test_strict_fails_and_writes_nothing(self, fixtures_dir: Path, tmp_path: Path) -> None:
        """--strict exits 1 and writes no file when a review lacks its url or author."""
        config = _config(tmp_path, 'reviewer = "Desk"\n')
        target = tmp_path / "reviews.jsonld"
        article = str(fixtures_dir / "article")
        strict = ("export", article, "--to", "claimreview", "--config", str(config), "--strict")
        code, _, err = _run(*strict, "-o", str(target))
        assert code == 1
        assert not target.exists()
        assert "without a url" in err
        code, _, err = _run(
            *strict, "--review-url", "https://checks.example.org/a", "-o", str(target)
        )
        assert code == 0, err
        assert target.exists()

    @pytest.mark.parametrize(
        ("body", "said"),
        [
            ('review-url = "ftp://x.example/"\n', "review-url: expected an absolute http(s) URL"),
            ('reviewer = ""\n', "reviewer: expected a non-empty string"),
            ('reviewer-type = "Robot"\n', "reviewer-type: unknown type 'Robot'"),
            ('docs-url = "docs"\n', "docs-url: expected an absolute http(s) URL"),
        ],
    )
    def test_bad_settings_are_usage_errors(
        self, fixtures_dir: Path, tmp_path: Path, body: str, said: str
    ) -> None:
        """A bad setting stops the export with exit 2 and names the file, the value's place
        and the key."""
        config = _config(tmp_path, body)
        code, _, err = _run(
            "export", str(fixtures_dir / "article"), "--to", "claimreview", "--config", str(config)
        )
        assert code == 2
        assert f"claimtrack.toml:1:{body.index('=') + 3}: {said}" in err


class TestHypothesisExport:
    def test_writes_the_import_file(self, fixtures_dir: Path) -> None:
        """--to hypothesis writes an object with an annotations array, one per claim of a
        document with a URL, naming the account given."""
        code, out, err = _run(
            "export",
            str(fixtures_dir / "article"),
            "--to",
            "hypothesis",
            "--hypothesis-user",
            "acct:desk@hypothes.is",
        )
        assert code == 0, err
        data = json.loads(out)
        assert data["annotations"]
        assert {a["user"] for a in data["annotations"]} == {"acct:desk@hypothes.is"}
        assert data["export_userid"] == "acct:desk@hypothes.is"
        assert "placeholder" not in err

    def test_placeholder_user_is_named(self, fixtures_dir: Path) -> None:
        """Without an account the placeholder on the reserved .invalid domain is used and
        standard error says how to name yours."""
        code, out, err = _run("export", str(fixtures_dir / "article"), "--to", "hypothesis")
        assert code == 0, err
        assert json.loads(out)["export_userid"] == "acct:claimtrack@claimtrack.invalid"
        assert "--hypothesis-user" in err

    def test_document_without_url_is_named(self, fixtures_dir: Path) -> None:
        """Claims of a document without an http(s) URL are left out, and the warning says so."""
        code, out, err = _run("export", str(fixtures_dir / "small"), "--to", "hypothesis")
        assert code == 0, err
        assert json.loads(out)["annotations"] == []
        assert "has no http(s) url" in err

    def test_rejects_a_malformed_account(self, fixtures_dir: Path) -> None:
        """An account that is not acct:name@authority is a usage error."""
        code, _, err = _run(
            "export", str(fixtures_dir / "article"), "--to", "hypothesis", "--hypothesis-user", "me"
        )
        assert code == 2
        assert "--hypothesis-user" in err
