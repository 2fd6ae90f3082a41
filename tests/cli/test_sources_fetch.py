"""``claimtrack sources fetch`` against a real HTTP server on 127.0.0.1: articles with
boilerplate, a PDF, redirects, errors and hostile replies; then ``check`` verifies quotes."""

from __future__ import annotations

import gzip
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

import claimtrack
from claimtrack.cli.main import cli
from claimtrack.fetch import (
    FetchError,
    FetchSettings,
    FetchStatus,
    HttpSettings,
    Session,
    fetch_claim_file,
)
from tests.pdf_fixture import text_pdf

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "fetch"
HTML = "text/html; charset=utf-8"
PDF_LINES = [
    "Annual report 2023 of the example development fund.",
    "The fund lent 4.2 billion to the ministry in 2023.",
    "Repayments fell by 12 percent compared with the year before.",
]

TRUE_QUOTES = [
    ("wire", "Opposition fighters entered the capital early on Sunday"),
    ("wire", "more than 2,000 fighters had been killed since late November"),
    ("wire", "The president's whereabouts were not immediately known"),
    ("wire", '"The regime has fallen, and a new era begins today."'),
    ("wire", "1.5 million people had crossed the border in the first week of the offensive"),
    ("wire", "the largest movement of people in the region since 2015"),
    ("budget", "Spending on the programme rose to 30 billion over the decade"),
    ("budget", "between 30 and 50 billion dollars once loans and credit lines are included"),
    ("budget", "repayments were due to begin in 2020 ... by the end of March"),
    ("fund", "The fund lent 4.2 billion to the ministry in 2023."),
    ("fund", "Repayments fell by 12 percent compared with the year before."),
]
FALSE_QUOTES = [
    ("wire", "more than 3,000 fighters had been killed since late November"),  # changed number
    ("wire", "2.5 million people had crossed the border in the first week of the offensive"),
    ("wire", "the largest movement of people in the region since 2011"),
    ("wire", "Spending on the programme rose to 30 billion over the decade"),  # other page
    ("budget", "Opposition fighters entered the capital early on Sunday"),  # other page
    ("budget", "between 30 and 60 billion dollars once loans and credit lines are included"),
    ("budget", "The note says repayments began in 2020 and were received in full"),
    ("fund", "The fund lent 4.8 billion to the ministry in 2023."),
    ("fund", "Repayments rose by 12 percent compared with the year before."),
    ("fund", "Crowds gathered in the main square"),  # other page
    ("wire", "state radio stopped broadcasting shortly after midnight"),  # made up
]


def _serve_pages(server: HTTPServer) -> None:
    """The realistic pages: two HTML articles (one behind a redirect) and a PDF report."""
    wire = (PAGES / "wire.html").read_bytes()
    server.expect_request("/2024/12/08/rebels").respond_with_data(wire, content_type=HTML)
    server.expect_request("/rebels").respond_with_data(
        "", status=301, headers={"Location": "/2024/12/08/rebels"}
    )
    budget = (PAGES / "budget.html").read_bytes()
    server.expect_request("/budget-14").respond_with_data(budget, content_type=HTML)
    server.expect_request("/fund-2023.pdf").respond_with_data(
        text_pdf(PDF_LINES), content_type="application/pdf"
    )


def _claim_file(folder: Path, server: HTTPServer, quotes: list[tuple[str, str]]) -> Path:
    """A project with a claim file citing the served sources with ``quotes``."""
    (folder / "pyproject.toml").write_text("[project]\nname = 'demo'\n", encoding="utf-8")
    urls = {
        "wire": server.url_for("/rebels"),
        "budget": server.url_for("/budget-14"),
        "fund": server.url_for("/fund-2023.pdf"),
    }
    lines = ["# The claims of a made-up article; sources served on 127.0.0.1.", "version: 1"]
    lines += ["document: {id: demo, title: Demo}", "sources:"]
    for source_id, url in urls.items():
        lines += [
            f"  - id: {source_id}  # kept through the rewrite",
            "    type: webpage",
            f"    title: {source_id} page",
            "    issued: '2024'",
            f"    url: {url}",
        ]
    lines.append("claims:" if quotes else "claims: []")
    for number, (source_id, quote) in enumerate(quotes):
        escaped = quote.replace("\\", "\\\\").replace('"', '\\"')
        lines += [
            f"  - id: claim-{number}",
            f"    text: Claim {number}.",
            "    kind: relation",
            f"    anchor: {{exact: claim {number}}}",
            f'    citations: [{{source: {source_id}, quote: "{escaped}"}}]',
        ]
    path = folder / "claims.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _fetch(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["sources", "fetch", *args])
    return result.exit_code, result.output


@pytest.fixture
def settings() -> FetchSettings:
    """Fetch settings for the local server: no proxies, no waiting, short timeouts."""
    http = HttpSettings(timeout=2.0, retries=0, per_host_interval=0.0, use_proxies=False)
    return FetchSettings(http=http)


pytestmark = pytest.mark.usefixtures("no_proxies")


class TestAcceptance:
    def test_fetch_then_check_verifies_true_and_flags_false_quotes(
        self, httpserver: HTTPServer, tmp_path: Path
    ) -> None:
        """Every true quote verifies and every planted false one is flagged F120."""
        _serve_pages(httpserver)
        path = _claim_file(tmp_path, httpserver, TRUE_QUOTES + FALSE_QUOTES)
        code, output = _fetch(str(path))
        assert code == 0, output
        assert "3 fetched; claim file updated" in output
        text = path.read_text(encoding="utf-8")
        assert "# kept through the rewrite" in text
        assert (tmp_path / "snapshots" / "sources" / "wire.warc.gz").exists()
        findings = claimtrack.check([path]).findings
        failed = {f.location.claim_id for f in findings if f.code == "F120"}
        false_ids = {f"claim-{n}" for n in range(len(TRUE_QUOTES), len(TRUE_QUOTES) + 11)}
        assert failed == false_ids
        assert {f.code for f in findings} <= {"F120", "F121"}

    def test_snapshot_records_the_capture(self, httpserver: HTTPServer, tmp_path: Path) -> None:
        """The snapshot records requested and final URL, status, type, tool and WARC."""
        _serve_pages(httpserver)
        path = _claim_file(tmp_path, httpserver, TRUE_QUOTES[:1])
        assert _fetch(str(path), "--source", "wire")[0] == 0
        wire = claimtrack.load(path).sources[0]
        assert wire.snapshot is not None
        assert wire.snapshot.requested_url == httpserver.url_for("/rebels")
        assert wire.snapshot.url == httpserver.url_for("/2024/12/08/rebels")
        assert (wire.snapshot.http_status, wire.snapshot.extractor) == (200, "trafilatura")
        assert wire.snapshot.content_type == HTML
        assert claimtrack.load(path).sources[1].snapshot is None  # not selected
        from warcio.archiveiterator import ArchiveIterator

        with (tmp_path / "snapshots" / "sources" / "wire.warc.gz").open("rb") as stream:
            records = list(ArchiveIterator(stream))
            kinds = [record.rec_type for record in records]
            assert kinds == ["request", "response"]
            response = records[1]
            assert response.http_headers.get_statuscode() == "200"
            assert response.rec_headers.get_header("WARC-Target-URI") == wire.snapshot.url

    def test_existing_snapshot_kept_without_refresh(
        self, httpserver: HTTPServer, tmp_path: Path
    ) -> None:
        """A second fetch skips sources with a snapshot; --refresh fetches them again."""
        _serve_pages(httpserver)
        path = _claim_file(tmp_path, httpserver, TRUE_QUOTES[:1])
        assert _fetch(str(path))[0] == 0
        before = path.read_bytes()
        code, output = _fetch(str(path))
        assert code == 0
        assert "3 skipped" in output
        assert path.read_bytes() == before
        code, output = _fetch(str(path), "--refresh")
        assert (code, "3 fetched" in output) == (0, True)


def _slow(_request: Request) -> Response:
    time.sleep(3)
    return Response("late", content_type=HTML)


def _big(_request: Request) -> Response:
    def body() -> Iterator[bytes]:
        for _ in range(50):
            yield b"x" * (1024 * 1024)

    return Response(body(), content_type="text/plain")


HOSTILE = {
    "/missing": ("respond", b"not here", 404, {}, "answered 404"),
    "/to-file": ("respond", b"", 302, {"Location": "file:///etc/passwd"}, "only http and https"),
    "/error": ("respond", b"boom", 503, {}, "answered 503"),
    "/declared-huge": ("big", None, 200, {}, "over the limit"),
    "/bomb": ("bomb", None, 200, {}, "compression bomb"),
    "/slow": ("slow", None, 200, {}, "timed out"),
    "/binary": ("respond", b"\x00\x01", 200, {"Content-Type": "image/png"}, "cannot extract"),
    "/empty": (
        "respond",
        b"<html><head><title></title></head><body>  </body></html>",
        200,
        {"Content-Type": HTML},
        "no readable text",
    ),
    "/loop": ("respond", b"", 302, {"Location": "/loop"}, "redirects more than"),
}


class TestHostile:
    @pytest.mark.parametrize("route", sorted(HOSTILE))
    def test_each_hostile_reply_is_a_clear_failure(
        self, httpserver: HTTPServer, tmp_path: Path, route: str, settings: FetchSettings
    ) -> None:
        """A hostile reply fails that source with a reason; the claim file is untouched."""
        kind, data, status, headers, expected = HOSTILE[route]
        handler = httpserver.expect_request(route)
        if kind == "slow":
            handler.respond_with_handler(_slow)
        elif kind == "big":
            handler.respond_with_handler(_big)
        elif kind == "bomb":
            bomb = gzip.compress(b"\0" * (40 * 1024 * 1024), compresslevel=9)
            handler.respond_with_data(
                bomb, headers={"Content-Encoding": "gzip", "Content-Type": HTML}
            )
        else:
            handler.respond_with_data(data or b"", status=status, headers=headers)
        path = _claim_file(tmp_path, httpserver, [])
        text = path.read_text(encoding="utf-8").replace(
            httpserver.url_for("/rebels"), httpserver.url_for(route)
        )
        path.write_text(text, encoding="utf-8")
        before = path.read_bytes()
        limited = FetchSettings(
            http=HttpSettings(
                timeout=1.0,
                retries=0,
                per_host_interval=0.0,
                use_proxies=False,
                max_bytes=8 * 1024 * 1024,
            ),
            sources=frozenset({"wire"}),
        )
        result = fetch_claim_file(str(path), limited)
        (outcome,) = result.outcomes
        assert outcome.status is FetchStatus.FAILED
        assert expected in outcome.message
        assert "after 1 attempts" not in outcome.message  # one try is no retry to count
        assert (outcome.location.line, outcome.location.column) == (5, 9)
        assert path.read_bytes() == before
        assert not (tmp_path / "snapshots").exists()

    def test_wrong_charset_still_gives_the_text(
        self, httpserver: HTTPServer, tmp_path: Path, settings: FetchSettings
    ) -> None:
        """A page declared UTF-8 but sent as Windows-1252 is read, not refused."""
        page = "<html><body><article><p>Le café était fermé depuis le 3 mars, selon le maire."
        page += " La ville compte 12 000 habitants et deux écoles.</p></article></body></html>"
        httpserver.expect_request("/rebels").respond_with_data(
            page.encode("cp1252"), content_type=HTML
        )
        path = _claim_file(tmp_path, httpserver, [("wire", "Le café était fermé depuis le 3 mars")])
        result = fetch_claim_file(str(path), attrs_evolve(settings, sources=frozenset({"wire"})))
        assert result.outcomes[0].status is FetchStatus.FETCHED
        text = (tmp_path / "snapshots" / "sources" / "wire.txt").read_text(encoding="utf-8")
        assert "Le café était fermé" in text
        assert "F120" not in [f.code for f in claimtrack.check([path]).findings]

    def test_snapshot_link_leading_outside_is_not_written_through(
        self, httpserver: HTTPServer, tmp_path: Path, settings: FetchSettings
    ) -> None:
        """A snapshot file that is a link out of the project is not written through: the
        source fails, and the file outside and the claim file are as they were."""
        _serve_pages(httpserver)
        project = tmp_path / "project"
        project.mkdir()
        path = _claim_file(project, httpserver, TRUE_QUOTES[:1])
        before = path.read_bytes()
        outside = tmp_path / "outside.txt"
        outside.write_text("not the project's\n", encoding="utf-8")
        folder = project / "snapshots" / "sources"
        folder.mkdir(parents=True)
        (folder / "wire.txt").symlink_to(outside)
        result = fetch_claim_file(str(path), attrs_evolve(settings, sources=frozenset({"wire"})))
        assert result.outcomes[0].status is FetchStatus.FAILED
        assert "snapshots/sources/wire.txt leads outside the project" in result.outcomes[0].message
        assert outside.read_text(encoding="utf-8") == "not the project's\n"
        assert path.read_bytes() == before

    def test_interrupted_fetch_leaves_the_claim_file(
        self, httpserver: HTTPServer, tmp_path: Path, settings: FetchSettings
    ) -> None:
        """Ctrl-C during the second source leaves the claim file exactly as it was."""
        _serve_pages(httpserver)
        path = _claim_file(tmp_path, httpserver, TRUE_QUOTES[:1])
        before = path.read_bytes()

        class Interrupted(Session):
            calls = 0

            def get(self, url: str) -> object:  # type: ignore[override]
                Interrupted.calls += 1
                if Interrupted.calls == 2:
                    raise KeyboardInterrupt
                return super().get(url)

        with pytest.raises(KeyboardInterrupt):
            fetch_claim_file(str(path), settings, Interrupted(settings.http))
        assert path.read_bytes() == before

    def test_missing_extra_is_a_clear_error(
        self, httpserver: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Without trafilatura the command says which extra to install, exit 2."""
        _serve_pages(httpserver)
        path = _claim_file(tmp_path, httpserver, [])
        monkeypatch.setitem(sys.modules, "trafilatura", None)
        code, output = _fetch(str(path), "--source", "wire")
        assert code == 2
        assert "reading HTML needs trafilatura" in output
        assert "claimtrack[fetch]" in output
        assert "Traceback" not in output


class _PausedClock:
    """A clock that a pause moves on at once: the spacing of requests, without the wait."""

    def __init__(self) -> None:
        self.paused = 0.0

    def __call__(self) -> float:
        return time.monotonic() + self.paused

    def sleep(self, seconds: float) -> None:
        self.paused += seconds


class TestPoliteness:
    def _session(self, clock: _PausedClock) -> Session:
        http = HttpSettings(timeout=1.0, retries=0, per_host_interval=0.6, use_proxies=False)
        return Session(http, sleep=clock.sleep, clock=clock)

    def test_the_pause_between_requests_to_a_host_is_not_the_servers_time(
        self, httpserver: HTTPServer
    ) -> None:
        """Redirects within one host, each hop answered at once, are followed to the page
        however long the pauses between requests to that host add up to: the timeout is
        the server's time, not claimtrack's own waiting."""
        for hop in ("a", "b", "c"):
            following = {"a": "/b", "b": "/c", "c": "/page"}[hop]
            httpserver.expect_request(f"/{hop}").respond_with_data(
                b"", status=302, headers={"Location": following}
            )
        httpserver.expect_request("/page").respond_with_data(b"<p>Here.</p>", content_type=HTML)
        clock = _PausedClock()
        response = self._session(clock).get(httpserver.url_for("/a"))
        assert response.url == httpserver.url_for("/page")
        assert clock.paused > 1.0  # more than the timeout

    def test_a_redirect_loop_within_a_host_is_named_as_one(self, httpserver: HTTPServer) -> None:
        """A loop of redirects on one host is reported as too many redirects, not as the
        timeout its pauses would add up to."""
        httpserver.expect_request("/loop").respond_with_data(
            b"", status=302, headers={"Location": "/loop"}
        )
        with pytest.raises(FetchError, match="redirects more than 5 times"):
            self._session(_PausedClock()).get(httpserver.url_for("/loop"))


def attrs_evolve(settings: FetchSettings, **changes: object) -> FetchSettings:
    """``settings`` with ``changes``."""
    import attrs

    return attrs.evolve(settings, **changes)  # type: ignore[arg-type]
