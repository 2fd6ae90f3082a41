"""The shared source library: loading, checking, resolving citations, corpus-wide flags."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimtrack
from claimtrack.config import ConfigError, load_config
from claimtrack.findings import Location
from claimtrack.schema import SOURCE_LIBRARY_SCHEMA, schema_text
from claimtrack.settings import CheckSettings
from claimtrack.shared_sources import covers_corpus, load_source_library
from claimtrack.validate.library import SourceLibrary, load_library
from tests.conftest import FIXTURES, ROOT
from tests.hostile import hostile_json, hostile_yaml, mutated_seed

LIBRARY = FIXTURES / "library"
WHERE = Location(path="pyproject.toml", line=3, column=12)
RECORD = "  - {{id: {id}, type: webpage, title: {title}, issued: 2024-01-02, url: {url}}}\n"


def _record(source_id: str, title: str = "A page") -> str:
    return RECORD.format(id=source_id, title=title, url=f"https://example.org/{source_id}")


def _library_file(folder: Path, name: str, *records: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("version: 1\nsources:\n" + "".join(records), encoding="utf-8")
    return path


def _claims(*cited: str, own: str = "") -> str:
    citations = ", ".join(f"{{source: {source_id}}}" for source_id in cited)
    sources = f"sources:\n{own}" if own else ""
    return (
        "version: 1\ndocument: {id: doc, title: T}\n" + sources + "claims:\n"
        "  - id: one\n    text: The president fled.\n    kind: event\n"
        "    anchor: {exact: fled}\n    dates: [{date: 2024-12-08}]\n"
        f"    citations: [{citations}]\n"
    )


def _load(folder: Path, *patterns: str) -> SourceLibrary:
    return load_library([(pattern, WHERE) for pattern in patterns], folder)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the fixture project (a library in two files, two claim files citing it)."""
    target = tmp_path / "project"
    shutil.copytree(LIBRARY, target)
    monkeypatch.chdir(target)
    return target


class TestSchema:
    def test_packaged_copy_is_byte_identical(self) -> None:
        """The packaged library schema is byte-identical to schemas/source-library.schema.json."""
        published = (ROOT / "schemas" / SOURCE_LIBRARY_SCHEMA).read_text(encoding="utf-8")
        assert schema_text(SOURCE_LIBRARY_SCHEMA) == published

    def test_records_are_the_claim_file_source_records(self, tmp_path: Path) -> None:
        """A library record is checked by the claim-file schema's source definition."""
        _library_file(tmp_path, "lib.yaml", "  - {id: x, type: magazine, title: T}\n")
        library = _load(tmp_path, "lib.yaml")
        assert [(f.code, f.location.line) for f in library.problems] == [("E113", 3)]


class TestLoading:
    def test_sources_from_several_files_by_id(self, tmp_path: Path) -> None:
        """Every record of every matched file is indexed by id, files in path order."""
        _library_file(tmp_path, "s/b.yaml", _record("b-one"))
        _library_file(tmp_path, "s/a.yaml", _record("a-one"), _record("a-two"))
        library = _load(tmp_path, "s/*.yaml")
        assert library.problems == ()
        assert library.ids == ("a-one", "a-two", "b-one")
        assert library.sources["b-one"].location.path.endswith("s/b.yaml")
        assert library.sources["a-two"].location.line == 4

    def test_json_library_file(self, tmp_path: Path) -> None:
        """A library file may be JSON; its records load the same."""
        (tmp_path / "lib.json").write_text(
            '{"version": 1, "sources": [{"id": "j", "type": "webpage", "title": "T"}]}',
            encoding="utf-8",
        )
        assert _load(tmp_path, "lib.json").ids == ("j",)

    def test_pattern_matching_nothing_is_an_error_at_the_pattern(self, tmp_path: Path) -> None:
        """A pattern that matches no file is E100 at the configuration's line and column."""
        library = _load(tmp_path, "missing/*.yaml")
        (problem,) = library.problems
        assert problem.code == "E100"
        assert (problem.location.path, problem.location.line) == ("pyproject.toml", 3)
        assert "'missing/*.yaml' matches no file" in problem.message

    def test_same_id_in_two_files_names_both_places(self, tmp_path: Path) -> None:
        """An id twice in the library is E201 at the second, naming the first's file:line:col."""
        _library_file(tmp_path, "a.yaml", _record("same"))
        _library_file(tmp_path, "b.yaml", _record("other"), _record("same"))
        (problem,) = _load(tmp_path, "*.yaml").problems
        assert problem.code == "E201"
        assert problem.location.path.endswith("b.yaml")
        assert problem.location.line == 4
        assert "a.yaml:3:10" in problem.message

    def test_unparsable_file_is_a_located_finding(self, tmp_path: Path) -> None:
        """A library file that does not parse gives its parse error with its position."""
        (tmp_path / "lib.yaml").write_text("version: 1\nsources: [\n", encoding="utf-8")
        (problem,) = _load(tmp_path, "lib.yaml").problems
        assert problem.code == "E102"
        assert problem.location.path.endswith("lib.yaml")

    def test_hostile_file_is_held_to_the_input_limits(self, tmp_path: Path) -> None:
        """An alias bomb in a library file stops at the same limit as in a claim file."""
        bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
            f"{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
            for prev, name in zip("abcdefgh", "bcdefghi", strict=True)
        )
        (tmp_path / "lib.yaml").write_text(bomb, encoding="utf-8")
        (problem,) = _load(tmp_path, "lib.yaml").problems
        assert problem.code == "E104"

    def test_impossible_date_is_found_in_the_library(self, tmp_path: Path) -> None:
        """A calendar-impossible date in a library record is E204 at the library file."""
        _library_file(
            tmp_path, "lib.yaml", "  - {id: x, type: webpage, title: T, issued: 2023-02-29}\n"
        )
        (problem,) = _load(tmp_path, "lib.yaml").problems
        assert (problem.code, problem.location.line) == ("E204", 3)

    def test_digest_follows_the_bytes(self, tmp_path: Path) -> None:
        """The digest changes when a library file's bytes change, and only then."""
        path = _library_file(tmp_path, "lib.yaml", _record("x"))
        before = _load(tmp_path, "lib.yaml").digest
        assert _load(tmp_path, "lib.yaml").digest == before
        path.write_text(path.read_text(encoding="utf-8").replace("A page", "B page"), "utf-8")
        assert _load(tmp_path, "lib.yaml").digest != before


class TestConfiguration:
    def test_sources_key_with_positions(self, tmp_path: Path) -> None:
        """``sources`` patterns are read with the line and column where they are written."""
        path = tmp_path / "pyproject.toml"
        path.write_text('[tool.claimtrack]\nsources = [\n  "a/*.yaml",\n  "b.json",\n]\n', "utf-8")
        config = load_config(path)
        assert [(s.pattern, s.line, s.column) for s in config.sources] == [
            ("a/*.yaml", 3, 3),
            ("b.json", 4, 3),
        ]

    @pytest.mark.parametrize("value", ["[]", '[""]', "[1]", "{a = 1}"])
    def test_bad_sources_value_is_a_config_error(self, tmp_path: Path, value: str) -> None:
        """A ``sources`` value that is not a list of patterns names the key."""
        path = tmp_path / "claimtrack.toml"
        path.write_text(f"sources = {value}\n", encoding="utf-8")
        with pytest.raises(ConfigError, match="sources"):
            load_config(path)

    def test_no_library_configured(self, tmp_path: Path) -> None:
        """Without ``sources`` there is no library at all."""
        path = tmp_path / "claimtrack.toml"
        path.write_text('fail-level = "error"\n', encoding="utf-8")
        assert load_source_library(load_config(path)) is None


def _settings(project: Path, **extra: bool) -> CheckSettings:
    library = load_source_library(load_config(project / "pyproject.toml"))
    assert library is not None
    assert library.problems == ()
    return CheckSettings(library=library, **extra)


class TestResolution:
    def test_citations_of_shared_sources_are_known(self, project: Path) -> None:
        """A citation of a library id is no E203, and the records show the shared source."""
        result = claimtrack.check(["claims/count.json"], _settings(project)).files[0]
        assert result.findings == ()
        assert result.claim_file is not None
        assert [s.id for s in result.claim_file.sources] == ["monitor-count", "wire-report"]

    def test_unknown_everywhere_is_e203(self, project: Path) -> None:
        """An id neither local nor shared is E203, with a near library id suggested."""
        (project / "claims" / "typo.yaml").write_text(_claims("wire-reprot"), encoding="utf-8")
        (finding,) = claimtrack.check(["claims/typo.yaml"], _settings(project)).findings
        assert finding.code == "E203"
        assert "neither 'sources' nor the shared source library" in finding.message
        assert finding.hint == "Did you mean 'wire-report'?"

    def test_without_library_a_shared_id_is_unknown(self, project: Path) -> None:
        """Without the library configured the same citation is E203 as before."""
        codes = [f.code for f in claimtrack.check(["claims/count.json"]).findings]
        assert codes == ["E203", "E203"]

    def test_local_reusing_a_shared_id_is_e205_naming_both(self, project: Path) -> None:
        """A file's own record with a shared id is E201 at it, naming the library's place."""
        own = _record("wire-report", "Another title")
        (project / "claims" / "clash.yaml").write_text(
            _claims("wire-report", own=own), encoding="utf-8"
        )
        (finding,) = claimtrack.check(["claims/clash.yaml"], _settings(project)).findings
        assert (finding.code, finding.location.line) == ("E201", 4)
        assert "sources/wires.yaml:4:9" in finding.message

    def test_shared_snapshot_path_is_relative_to_the_library(self, tmp_path: Path) -> None:
        """A shared snapshot path starts at the library file; claims see it from their folder."""
        _library_file(
            tmp_path,
            "lib/shared.yaml",
            "  - id: s\n    type: webpage\n    title: T\n"
            "    snapshot: {path: texts/s.txt, sha256: " + "a" * 64 + "}\n",
        )
        library = _load(tmp_path, "lib/shared.yaml")
        assert library.problems == ()
        (tmp_path / "deep" / "er").mkdir(parents=True)
        path = tmp_path / "deep" / "er" / "doc.yaml"
        path.write_text(_claims("s"), encoding="utf-8")
        (result,) = claimtrack.check([path], CheckSettings(library=library)).files
        assert result.claim_file is not None
        snapshot = result.claim_file.sources[0].snapshot
        assert snapshot is not None
        assert snapshot.path == "../../lib/texts/s.txt"

    @settings(max_examples=25, deadline=None)
    @given(names=st.permutations(["a", "b", "c", "d"]), local=st.booleans())
    def test_resolution_is_independent_of_file_order(
        self, tmp_path_factory: pytest.TempPathFactory, names: list[str], local: bool
    ) -> None:
        """Whatever the library files are called (so however they sort), the same citations
        resolve to the same records, and a claim file's own record always wins."""
        folder = tmp_path_factory.mktemp("order")
        for number, name in enumerate(names):
            _library_file(folder, f"lib/{name}.yaml", _record(f"shared-{number}", f"T{number}"))
        library = _load(folder, "lib/*.yaml")
        own = _record("mine", "Own") if local else ""
        cited = ("shared-3", "shared-0", "mine") if local else ("shared-3", "shared-0")
        path = folder / "doc.yaml"
        path.write_text(_claims(*cited, own=own), encoding="utf-8")
        (result,) = claimtrack.check([path], CheckSettings(library=library)).files
        assert result.findings == ()
        assert result.claim_file is not None
        titles = [(s.id, s.title) for s in result.claim_file.sources]
        expected = [("shared-3", "T3"), ("shared-0", "T0")]
        assert titles == ([("mine", "Own"), *expected] if local else expected)


class TestCorpusWideFlags:
    def test_shared_record_flags_at_the_library_once(self, project: Path) -> None:
        """F201 of a shared record is reported once, at the library file, not per citer."""
        settings = _settings(project, library_results=True)
        result = claimtrack.check(["claims"], settings)
        by_path = {r.path: [f.code for f in r.findings] for r in result.files}
        assert by_path == {
            "claims/count.json": [],
            "claims/fall.yaml": [],
            "sources/background.yaml": ["F201"],
            "sources/wires.yaml": [],
        }

    def test_unused_shared_source_only_when_the_corpus_is_covered(self, project: Path) -> None:
        """F202 of a shared source is given at its place when asked, never otherwise."""
        judged = claimtrack.check(
            ["claims"], _settings(project, library_results=True, library_unused=True)
        )
        unused = [f for f in judged.findings if f.code == "F202"]
        assert [(f.location.path, f.location.line) for f in unused] == [
            ("sources/background.yaml", 3)
        ]
        not_judged = claimtrack.check(["claims"], _settings(project, library_results=True))
        assert not [f for f in not_judged.findings if f.code == "F202"]

    def test_covers_corpus(self, project: Path) -> None:
        """Only a run over every claim file under the configuration folder covers it."""
        config = load_config(project / "pyproject.toml")
        library = load_source_library(config)
        assert library is not None
        assert covers_corpus(config, ["claims/fall.yaml", "claims/count.json"], library)
        assert not covers_corpus(config, ["claims/fall.yaml"], library)

    def test_local_unused_source_keeps_its_rule(self, project: Path) -> None:
        """A file's own source nothing in it cites is F202 in that file, as without a library."""
        (project / "claims" / "own.yaml").write_text(
            _claims("wire-report", own=_record("leftover")), encoding="utf-8"
        )
        result = claimtrack.check(["claims/own.yaml"], _settings(project)).files[0]
        assert [(f.code, f.location.line) for f in result.findings] == [("F202", 4)]


class TestCsl:
    def test_shared_source_with_a_snapshot_is_one_item(self, tmp_path: Path) -> None:
        """Cited from claim files in different folders, a shared source with a snapshot is
        one CSL-JSON item under its own id."""
        from claimtrack.export.csl import csl_items
        from claimtrack.render.report.model import build_report

        _library_file(
            tmp_path,
            "lib.yaml",
            "  - id: s\n    type: webpage\n    title: T\n    issued: 2024-01-02\n"
            "    snapshot: {path: s.txt, sha256: " + "a" * 64 + "}\n",
        )
        library = _load(tmp_path, "lib.yaml")
        paths = []
        for folder in ("one", "two/three"):
            (tmp_path / folder).mkdir(parents=True)
            path = tmp_path / folder / "doc.yaml"
            path.write_text(_claims("s").replace("id: doc", f"id: {folder[:3]}"), "utf-8")
            paths.append(path)
        results = claimtrack.check(paths, CheckSettings(library=library)).files
        items = csl_items(build_report(results))
        assert [item["id"] for item in items] == ["s"]


class TestQuotes:
    def test_quotes_are_verified_against_a_shared_snapshot(self, tmp_path: Path) -> None:
        """A quote cited from a shared source is sought in its snapshot, found relative to the
        library file: a true quote passes and a changed figure is F120."""
        import hashlib

        text = "The ministry said more than 2,000 fighters were killed in the offensive.\n"
        (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")  # the project's root
        (tmp_path / "lib" / "texts").mkdir(parents=True)
        (tmp_path / "lib" / "texts" / "w.txt").write_text(text, encoding="utf-8")
        sha = hashlib.sha256(text.encode()).hexdigest()
        _library_file(
            tmp_path,
            "lib/lib.yaml",
            "  - id: w\n    type: webpage\n    title: T\n    issued: 2024-01-01\n"
            f"    url: https://example.org/w\n    snapshot: {{path: texts/w.txt, sha256: {sha}}}\n",
        )
        library = _load(tmp_path, "lib/lib.yaml")
        (tmp_path / "claims" / "deep").mkdir(parents=True)
        path = tmp_path / "claims" / "deep" / "a.yaml"
        claims = "".join(
            f"  - id: c{n}\n    text: More than {n},000 fighters were killed.\n"
            "    kind: event\n    anchor: {exact: fighters}\n    dates: [{date: 2024-12-08}]\n"
            f'    citations: [{{source: w, quote: "more than {n},000 fighters were killed"}}]\n'
            for n in (2, 3)
        )
        path.write_text(
            "version: 1\ndocument: {id: a, title: A}\nclaims:\n" + claims, encoding="utf-8"
        )
        (result,) = claimtrack.check([path], CheckSettings(library=library)).files
        assert [(f.code, f.location.claim_id) for f in result.findings] == [("F120", "c3")]


class TestHostileLibraries:
    @settings(max_examples=30, deadline=None)
    @given(data=st.one_of(hostile_json(), hostile_yaml(), mutated_seed()), suffix=st.booleans())
    def test_hostile_library_file_is_findings_never_an_exception(
        self, tmp_path_factory: pytest.TempPathFactory, data: bytes, suffix: bool
    ) -> None:
        """Whatever bytes a library file holds, loading it gives sources or located problems."""
        folder = tmp_path_factory.mktemp("hostile")
        name = "lib.json" if suffix else "lib.yaml"
        (folder / name).write_bytes(data)
        library = _load(folder, name)
        assert library.problems or library.files
        for problem in library.problems:
            assert problem.location.path.endswith(name)
            assert problem.location.line >= 1


class TestConfinement:
    def test_library_file_outside_the_configuration_folder_is_refused(self, tmp_path: Path) -> None:
        """A pattern or a link leading out of the configuration's folder reads nothing there."""
        outside = _library_file(tmp_path, "outside/lib.yaml", _record("secret"))
        project = tmp_path / "project"
        project.mkdir()
        (project / "link.yaml").symlink_to(outside)
        library = _load(project, "../outside/*.yaml", "link.yaml")
        assert library.ids == ()
        assert [p.code for p in library.problems] == ["E100", "E100"]
        assert all(
            "lies outside the configuration file's folder" in p.message for p in library.problems
        )
