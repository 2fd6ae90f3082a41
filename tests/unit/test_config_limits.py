"""Input limits set in configuration: sizes with units, bounds, and their effect on check."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimtrack.cli.main import cli
from claimtrack.config import load_config
from claimtrack.errors import ConfigError
from claimtrack.io.limits import Limits


def _config(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "claimtrack.toml"
    path.write_text(body, encoding="utf-8")
    return path


class TestLimits:
    def test_defaults_stay_when_not_set(self, tmp_path: Path) -> None:
        """A configuration without limit keys keeps today's limits."""
        assert load_config(_config(tmp_path, 'fail-level = "error"\n')).limits == Limits()

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            ('"512 MiB"', 512 * 1024**2),
            ('"2GB"', 2 * 1000**3),
            ("1000", 1000),
            ('"300 KiB"', 307200),
        ],
    )
    def test_file_size_takes_units(self, tmp_path: Path, value: str, expected: int) -> None:
        """max-file-size is a number of bytes or a size with a unit."""
        config = load_config(_config(tmp_path, f"max-file-size = {value}\n"))
        assert config.limits.max_bytes == expected
        assert config.limits.max_depth == Limits().max_depth

    @pytest.mark.parametrize(
        ("body", "message"),
        [
            ("max-depth = 0\n", "must be between 1 and 1000"),
            ("max-depth = 5000\n", "must be between 1 and 1000"),
            ("max-depth = true\n", "expected a whole number"),
            ('max-file-size = "lots"\n', 'expected "512 MiB" or a number of bytes'),
            ('max-alias-nodes = "10"\n', "expected a number"),
        ],
    )
    def test_bad_values_name_the_key(self, tmp_path: Path, body: str, message: str) -> None:
        """A bad limit is a configuration error naming the file, the value's place and the key."""
        with pytest.raises(ConfigError, match=message) as raised:
            load_config(_config(tmp_path, body))
        assert f"claimtrack.toml:1:{body.index('=') + 3}: max-" in str(raised.value)

    def test_check_uses_the_configured_size(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A file over a lowered max-file-size gets E104; under the default it would pass."""
        claim_file = tmp_path / "c.yaml"
        claim_file.write_text(
            "version: 1\ndocument: {id: d, title: A document with a long enough title}\n",
            encoding="utf-8",
        )
        _config(tmp_path, "max-file-size = 40\n")
        monkeypatch.chdir(tmp_path)
        result = CliRunner().invoke(cli, ["check", "c.yaml", "--no-cache"])
        assert result.exit_code == 1
        assert "E104" in result.output
        (tmp_path / "claimtrack.toml").unlink()
        result = CliRunner().invoke(cli, ["check", "c.yaml", "--no-cache"])
        assert result.exit_code == 0, result.output

    def test_source_snapshots_keep_the_configured_size(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A source snapshot over a lowered max-file-size is E213 (too large), not read."""
        text = "The valley had water again by spring, the ministry said.\n" * 30
        (tmp_path / "note.txt").write_text(text, encoding="utf-8")
        sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
        (tmp_path / "c.yaml").write_text(SOURCED.format(sha256=sha256), encoding="utf-8")
        monkeypatch.chdir(tmp_path)
        result = CliRunner().invoke(cli, ["check", "c.yaml", "--no-cache", "--select", "E2"])
        assert result.exit_code == 0, result.output
        _config(tmp_path, "max-file-size = 1000\n")
        result = CliRunner().invoke(cli, ["check", "c.yaml", "--no-cache", "--select", "E2"])
        assert result.exit_code == 1, result.output
        assert "E213" in result.output
        assert "over the limit of" in result.output


SOURCED = """\
version: 1
document: {{id: d, title: t}}
sources:
  - id: note
    type: report
    title: Returns
    issued: 2024-01-01
    url: https://example.org/returns
    snapshot: {{path: note.txt, sha256: "{sha256}", coverage: full}}
claims:
  - id: c1
    text: The valley had water again.
    kind: relation
    anchor: {{exact: "valley"}}
    citations:
      - {{source: note, quote: "The valley had water again by spring"}}
"""
