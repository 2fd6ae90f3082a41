"""``claimtrack sources check --online`` against a real HTTP server on 127.0.0.1: dead links
only after repeated failures days apart (or at once with --strict), soft 404s, and sources
whose text changed since their snapshot."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from pytest_httpserver import HTTPServer

from claimtrack.cli.main import cli
from claimtrack.fetch import HttpSettings
from claimtrack.fetch.links import LinkSettings, LinkState, LinkStateError, check_links
from claimtrack.io.load import load_path
from claimtrack.model import Source
from tests.cli.test_sources_fetch import HTML, PAGES

pytestmark = pytest.mark.usefixtures("no_proxies")
QUICK = HttpSettings(timeout=2.0, retries=0, per_host_interval=0.0, use_proxies=False)


def _project(folder: Path, url: str) -> Path:
    (folder / "pyproject.toml").write_text("", encoding="utf-8")
    path = folder / "claims.yaml"
    path.write_text(
        f"""\
version: 1
document: {{id: demo, title: Demo}}
sources:
  - id: wire
    type: webpage
    title: Wire
    issued: '2024'
    url: {url}
claims: []
""",
        encoding="utf-8",
    )
    return path


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["sources", "check", *args])
    return result.exit_code, result.output


def _sources(path: Path) -> tuple[object, list[Source]]:
    from claimtrack._convert import structure

    document = load_path(path)
    return document, list(structure(document.data).sources)


class TestDeadLinks:
    def test_needs_online(self, tmp_path: Path) -> None:
        """Without --online the command refuses, touching no network."""
        code, output = _run(str(_project(tmp_path, "https://example.org/x")))
        assert code == 2
        assert "--online" in output

    def test_dead_only_after_repeated_failures_days_apart(
        self, httpserver: HTTPServer, tmp_path: Path
    ) -> None:
        """Two failures a day apart are 'failing'; the third, days after the first, 'dead'."""
        httpserver.expect_request("/gone").respond_with_data("no", status=404)
        path = _project(tmp_path, httpserver.url_for("/gone"))
        document, sources = _sources(path)
        state = LinkState()
        start = datetime(2026, 12, 1, 10, tzinfo=UTC)
        codes = []
        for day in (0, 1, 4):
            settings = LinkSettings(http=QUICK, now=lambda day=day: start + timedelta(days=day))
            codes.append([f.code for f in check_links(document, sources, state, settings)])  # type: ignore[arg-type]
        assert codes == [["F211"], ["F211"], ["F210"]]

    def test_success_forgets_failures(self, httpserver: HTTPServer, tmp_path: Path) -> None:
        """A link that answers again starts counting from nothing."""
        wire = (PAGES / "wire.html").read_bytes()
        httpserver.expect_request("/page").respond_with_data(wire, content_type=HTML)
        path = _project(tmp_path, httpserver.url_for("/page"))
        document, sources = _sources(path)
        state = LinkState({httpserver.url_for("/page"): ["2026-11-01T00:00:00+00:00"]})
        assert check_links(document, sources, state, LinkSettings(http=QUICK)) == []  # type: ignore[arg-type]
        assert state.failures == {}

    def test_strict_state_file_and_formats(self, httpserver: HTTPServer, tmp_path: Path) -> None:
        """--strict calls the first failure dead (exit 1); the state file remembers it."""
        httpserver.expect_request("/gone").respond_with_data("no", status=410)
        path = _project(tmp_path, httpserver.url_for("/gone"))
        code, output = _run("--online", "--strict", "-f", "json", str(path))
        assert code == 1, output
        (finding,) = json.loads(output)["findings"]
        assert (finding["code"], finding["line"]) == ("F210", 8)
        assert "410" in finding["message"]
        state = json.loads((tmp_path / ".claimtrack" / "link-state.json").read_text())
        assert list(state["failures"]) == [httpserver.url_for("/gone")]
        code, output = _run("--online", str(path))
        assert code == 0, output  # not strict: a second failure the same day is only failing
        assert "F211" in output

    @pytest.mark.parametrize(
        ("route", "reply"),
        [
            ("/missing-article", "<html><head><title>Page not found | Example</title></head>"),
            ("/deleted", "<html><body><h1>404</h1><p>Sorry.</p></body></html>"),
        ],
    )
    def test_soft_404(self, httpserver: HTTPServer, tmp_path: Path, route: str, reply: str) -> None:
        """A 200 page saying it is not found is a failure (soft 404)."""
        httpserver.expect_request(route).respond_with_data(reply, content_type=HTML)
        code, output = _run(
            "--online", "--strict", str(_project(tmp_path, httpserver.url_for(route)))
        )
        assert code == 1
        assert "soft 404" in output

    def test_deep_link_redirected_to_front_page(
        self, httpserver: HTTPServer, tmp_path: Path
    ) -> None:
        """A deep link that now lands on the site's front page is a soft 404."""
        httpserver.expect_request("/2024/story").respond_with_data(
            "", status=302, headers={"Location": "/"}
        )
        httpserver.expect_request("/").respond_with_data("<html>home</html>", content_type=HTML)
        path = _project(tmp_path, httpserver.url_for("/2024/story"))
        code, output = _run("--online", "--strict", str(path))
        assert (code, "soft 404" in output) == (1, True)


class TestChangedSources:
    def test_changed_text_is_summarised(self, httpserver: HTTPServer, tmp_path: Path) -> None:
        """A page revised since its full snapshot is F212 with a diff summary."""
        wire = (PAGES / "wire.html").read_text(encoding="utf-8")
        httpserver.expect_request("/page").respond_with_data(wire, content_type=HTML)
        path = _project(tmp_path, httpserver.url_for("/page"))
        fetched = CliRunner().invoke(cli, ["sources", "fetch", str(path)])
        assert fetched.exit_code == 0, fetched.output
        assert _run("--online", str(path)) == (0, "No problems found in 1 file.\n")
        httpserver.clear()
        revised = wire.replace("more than 2,000 fighters", "more than 3,000 fighters")
        httpserver.expect_request("/page").respond_with_data(revised, content_type=HTML)
        code, output = _run("--online", str(path))
        assert code == 1, output
        assert "F212" in output
        assert "1 line added, 1 removed; first removed: 'A monitoring group said more" in output


class TestStateFile:
    @pytest.mark.parametrize(
        ("content", "message"),
        [
            (
                '{"version": 1,\n "failures": {"https://a.example/": [}\n',
                ":2:38: the link state is",
            ),
            ("[]\n", ": not a claimtrack link-state file"),
            ('{"version": 1, "failures": {"https://a.example/": "x"}}', "are not a list"),
            ('{"version": 1, "failures": {"https://a.example/": ["soon"]}}', "'soon'"),
            ('{"version": 1, "failures": {"https://a.example/": ["2026-01-01"]}}', "offset"),
            (b"\xff\xfe{}", ": the link state is not UTF-8 text"),
        ],
    )
    def test_damaged_state_is_an_error_and_kept(
        self, httpserver: HTTPServer, tmp_path: Path, content: str | bytes, message: str
    ) -> None:
        """A damaged state file stops the run before any request (exit 2) with its name (and
        FILE:LINE:COL for a JSON syntax error) and what to do; its bytes are kept."""
        path = _project(tmp_path, httpserver.url_for("/page"))
        state = tmp_path / "state.json"
        data = content.encode("utf-8") if isinstance(content, str) else content
        state.write_bytes(data)
        code, output = _run("--online", "--state", str(state), str(path))
        assert code == 2, output
        line = output.strip()
        assert line.startswith(f"claimtrack: {state.as_posix()}"), output
        assert message in line
        assert line.endswith("; move it aside or delete it to start afresh")
        assert "Traceback" not in output
        assert state.read_bytes() == data
        assert httpserver.log == []

    @pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
    def test_fifo_as_state_is_refused_without_waiting(self, tmp_path: Path) -> None:
        """A FIFO given as --state is refused at once (exit 2), not waited on for a writer."""
        path = _project(tmp_path, "http://127.0.0.1:9/page")
        fifo = tmp_path / "state.json"
        os.mkfifo(fifo)
        command = ["sources", "check", "--online", "--state", str(fifo), str(path)]
        done = subprocess.run(
            [sys.executable, "-m", "claimtrack", *command],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == 2, done.stderr
        assert "FIFO" in done.stderr
        assert "regular file" in done.stderr

    def test_state_over_the_limit_is_refused(self, tmp_path: Path) -> None:
        """A state file over the limit is refused as it is read, never held whole."""
        state = tmp_path / "state.json"
        state.write_text('{"version": 1, "failures": {}}', encoding="utf-8")
        with pytest.raises(LinkStateError, match="over the limit of 10"):
            LinkState.load(state, limit=10)
        assert LinkState.load(state).failures == {}

    def test_missing_state_is_a_first_run(self, tmp_path: Path) -> None:
        """No state file yet is an empty history, not an error."""
        assert LinkState.load(tmp_path / "none.json").failures == {}
