"""The SQLite export served by a real Datasette on 127.0.0.1: every canned query answers."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import claimtrack
from claimtrack.cli.main import cli
from claimtrack.export.sqlite import CANNED_QUERIES

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = ROOT / "claims" / "assad-fall-iran-syria.yaml"
CORPUS = ROOT / "tests" / "fixtures" / "corpus" / "claims"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _get(base: str, path: str) -> object:
    with urllib.request.urlopen(base + path, timeout=10) as response:  # noqa: S310 (loopback)
        return json.load(response)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("datasette")
    database = folder / "claims.db"
    result = CliRunner().invoke(
        cli, ["export", str(ARTICLE), str(CORPUS), "--to", "sqlite", "-o", str(database)]
    )
    assert result.exit_code == 0, result.output
    port = _free_port()
    log = folder / "datasette.log"
    log_stream = log.open("wb")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "datasette",
            "serve",
            str(database),
            "--metadata",
            str(folder / "claims.metadata.yml"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=log_stream,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                _get(base, "/-/versions.json")
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    log_stream.flush()
                    pytest.fail(f"datasette did not start: {log.read_text(errors='replace')}")
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log_stream.close()


class TestDatasette:
    def test_check_worthy_unsourced(self, served: str) -> None:
        """The unsourced query lists exactly the check-worthy claims without a citation."""
        rows = _get(served, "/claims/check_worthy_unsourced.json?_shape=array")
        files = [claimtrack.load(ARTICLE), *(claimtrack.load(p) for p in CORPUS.glob("*.yaml"))]
        expected = sum(1 for f in files for c in f.claims if c.check_worthy and not c.citations)
        assert isinstance(rows, list)
        assert len(rows) == expected

    def test_disputed_by_document(self, served: str) -> None:
        """Disputed claims are counted per document; the article has some."""
        rows = _get(served, "/claims/disputed_by_document.json?_shape=array")
        assert isinstance(rows, list)
        by_path = {row["path"]: row["disputed"] for row in rows}
        article = claimtrack.load(ARTICLE)
        assert by_path[str(ARTICLE)] >= sum(c.status == "disputed" for c in article.claims) > 0

    def test_claims_citing_source(self, served: str) -> None:
        """Given a source id, the query returns every claim citing it."""
        article = claimtrack.load(ARTICLE)
        source = next(c.source for claim in article.claims for c in claim.citations)
        citing = {c.id for c in article.claims if any(x.source == source for x in c.citations)}
        query = urllib.parse.urlencode({"source": source, "_shape": "array"})
        rows = _get(served, f"/claims/claims_citing_source.json?{query}")
        assert isinstance(rows, list)
        assert {row["claim_id"] for row in rows} == citing

    def test_repeated_claims(self, served: str) -> None:
        """Repeated claims include the known repeat of the fixture corpus."""
        rows = _get(served, "/claims/repeated_claims.json?_shape=array")
        assert isinstance(rows, list)
        pairs = {frozenset((row["claim_id"], row["other_claim_id"])) for row in rows}
        assert frozenset(("assad-fled", "assad-in-moscow")) in pairs

    def test_every_canned_query_is_served(self, served: str) -> None:
        """Datasette lists every canned query of the metadata."""
        data = _get(served, "/claims.json")
        assert isinstance(data, dict)
        assert {query["name"] for query in data["queries"]} == set(CANNED_QUERIES)

    def test_full_text_search_through_datasette(self, served: str) -> None:
        """Table search on claims uses the FTS index."""
        data = _get(served, "/claims/claims.json?_search=Moscow&_shape=array")
        assert isinstance(data, list)
        assert {row["claim_id"] for row in data} >= {"assad-fled", "assad-in-moscow"}
