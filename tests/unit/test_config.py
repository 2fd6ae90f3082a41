"""Reading [tool.claimtrack] from pyproject.toml or a claimtrack.toml."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimtrack.config import find_config, load_config
from claimtrack.errors import ConfigError
from claimtrack.findings import Severity


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


class TestFindConfig:
    def test_nearest_file_above_wins(self, tmp_path: Path) -> None:
        """The nearest configuration at or above the start folder is used."""
        _write(tmp_path / "pyproject.toml", "[tool.claimtrack]\n")
        inner = _write(tmp_path / "sub" / "claimtrack.toml", "")
        assert find_config(tmp_path / "sub") == inner.resolve()
        assert find_config(tmp_path) == (tmp_path / "pyproject.toml").resolve()

    def test_claimtrack_toml_beats_pyproject_in_one_folder(self, tmp_path: Path) -> None:
        """In one folder claimtrack.toml is preferred to pyproject.toml."""
        _write(tmp_path / "pyproject.toml", "[tool.claimtrack]\n")
        _write(tmp_path / "claimtrack.toml", "")
        assert find_config(tmp_path) == (tmp_path / "claimtrack.toml").resolve()

    def test_pyproject_without_table_is_passed_over(self, tmp_path: Path) -> None:
        """A pyproject.toml without [tool.claimtrack] does not stop the search."""
        outer = _write(tmp_path / "claimtrack.toml", "")
        _write(tmp_path / "sub" / "pyproject.toml", "[project]\nname = 'x'\n")
        assert find_config(tmp_path / "sub") == outer.resolve()

    @pytest.mark.parametrize(
        "text",
        [
            "[project]\ndependencies = ['claimtrack']\n",  # named, but no table
            '[tool.ruff]\nexclude = ["a\\\\b"]\n',  # an escape, but no table
        ],
    )
    def test_pyproject_naming_claimtrack_without_a_table_is_passed_over(
        self, tmp_path: Path, text: str
    ) -> None:
        outer = _write(tmp_path / "claimtrack.toml", "")
        _write(tmp_path / "sub" / "pyproject.toml", text)
        assert find_config(tmp_path / "sub") == outer.resolve()

    @pytest.mark.parametrize(
        "text",
        [
            "[tool.claimtrack]\n",
            "[tool]\nclaimtrack = { ignore = ['F101'] }\n",
            '[tool."claim\\u0074rack"]\n',  # the name written with an escape
        ],
    )
    def test_a_claimtrack_table_however_written_is_found(self, tmp_path: Path, text: str) -> None:
        inner = _write(tmp_path / "pyproject.toml", text)
        assert find_config(tmp_path) == inner.resolve()


class TestLoadConfig:
    def test_all_keys(self, tmp_path: Path) -> None:
        """Every documented key is read; paths are relative to the file."""
        path = _write(
            tmp_path / "pyproject.toml",
            """
[tool.claimtrack]
select = ["F1", "source-unused"]
extend-select = ["F001"]
ignore = ["by-whom"]
severity = { F106 = "info" }
fail-level = "error"
baseline = "base/known.json"
exclude = ["drafts/*"]
""",
        )
        config = load_config(path)
        assert config.select == ("F1", "source-unused")
        assert config.fail_level is Severity.ERROR
        assert config.baseline == tmp_path / "base" / "known.json"
        selection = config.selection()
        assert selection.is_enabled("F202")
        assert not selection.is_enabled("F102")
        assert not selection.is_enabled("F201")
        assert selection.severities == {"F106": Severity.INFO}

    def test_no_file_gives_defaults(self, tmp_path: Path) -> None:
        """Without a configuration file everything has its default."""
        config = load_config(start=tmp_path)
        assert config.path is None or config.path.name in ("pyproject.toml", "claimtrack.toml")

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            (
                "[tool.claimtrack]\nselekt = ['F1']\n",
                r"tool\.claimtrack\.selekt: unknown key; did you mean 'select'",
            ),
            (
                "[tool.claimtrack]\nselect = ['F999']\n",
                r"tool\.claimtrack\.select: unknown rule 'F999'",
            ),
            (
                "[tool.claimtrack]\nignore = 'nope'\n",
                r"tool\.claimtrack\.ignore: unknown rule 'nope'",
            ),
            (
                "[tool.claimtrack]\nselect = [1]\n",
                r"tool\.claimtrack\.select: expected a list of strings",
            ),
            (
                "[tool.claimtrack]\nfail-level = 'fatal'\n",
                r"tool\.claimtrack\.fail-level: unknown level",
            ),
            (
                "[tool.claimtrack]\nseverity = { F101 = 'loud' }\n",
                r"tool\.claimtrack\.severity: unknown severity",
            ),
            (
                "[tool.claimtrack]\nseverity = { nope = 'info' }\n",
                r"tool\.claimtrack\.severity: unknown rule",
            ),
            (
                "[tool.claimtrack]\nbaseline = 3\n",
                r"tool\.claimtrack\.baseline: expected a file path",
            ),
            ("[tool.claimtrack\n", r"not valid TOML"),
        ],
    )
    def test_errors_name_the_file_and_key(self, tmp_path: Path, text: str, message: str) -> None:
        """Unknown keys, rules and levels are ConfigErrors naming the file and the key."""
        path = _write(tmp_path / "pyproject.toml", text)
        with pytest.raises(ConfigError, match=message) as caught:
            load_config(path)
        assert str(caught.value).startswith(path.as_posix())

    @pytest.mark.parametrize(
        ("name", "text", "place"),
        [
            ("pyproject.toml", '[tool.claimtrack]\nselect = ["F1\n', "2:14"),
            ("claimtrack.toml", 'ignore = ["F101"\n', "2:1"),
            ("claimtrack.toml", "\n\nfail-level = \n", "3:14"),
        ],
    )
    def test_toml_syntax_error_names_its_place_first(
        self, tmp_path: Path, name: str, text: str, place: str
    ) -> None:
        """A TOML syntax error starts FILE:LINE:COL, says what is wrong and what to do, and
        leaves no "(at line ...)" inside the message; the end of the file is a place too."""
        path = _write(tmp_path / name, text)
        with pytest.raises(ConfigError) as caught:
            load_config(path)
        message = str(caught.value)
        assert message.startswith(f"{path.as_posix()}:{place}: not valid TOML: ")
        assert message.endswith("; correct the TOML at that place")
        assert "(at " not in message

    def test_claimtrack_toml_has_no_prefix(self, tmp_path: Path) -> None:
        """In claimtrack.toml keys stand at the top level and errors name them so."""
        path = _write(tmp_path / "claimtrack.toml", "ignor = ['F101']\n")
        with pytest.raises(ConfigError, match=r"claimtrack\.toml:1:1: ignor: unknown key"):
            load_config(path)

    def test_exclude_globs_are_relative_to_the_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """exclude patterns match paths relative to the configuration's folder."""
        path = _write(tmp_path / "claimtrack.toml", "exclude = ['drafts/*', '*.json']\n")
        config = load_config(path)
        monkeypatch.chdir(tmp_path)
        assert config.is_excluded("drafts/deep/a.yaml")
        assert config.is_excluded("claims/a.json")
        assert not config.is_excluded("claims/a.yaml")
        assert not config.is_excluded("-")
