"""``claimtrack sources fetch --archive`` against an imitation of Save Page Now on 127.0.0.1
that gives the replies SPN2's public API documents: a job, a pending and a done status, a
refusal with HTTP 200, HTTP 429, a job that never completes."""

from __future__ import annotations

import email.utils
import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

import claimtrack
from claimtrack.cli.main import cli
from claimtrack.fetch import (
    Archiver,
    ArchiveSettings,
    FetchSettings,
    FetchStatus,
    HttpSettings,
    fetch_claim_file,
)
from tests.cli.test_sources_fetch import _claim_file, _serve_pages

pytestmark = pytest.mark.usefixtures("no_proxies")

Reply = tuple[int, dict[str, Any], dict[str, str]]


class SavePageNow:
    """An imitation of SPN2: each capture request takes the next of ``captures`` (default: a
    new job), each status request the next of that job's ``statuses`` (the last repeats)."""

    def __init__(
        self,
        server: HTTPServer,
        statuses: list[dict[str, Any]] | None = None,
        captures: list[Reply] | None = None,
    ) -> None:
        self.server = server
        self.statuses = statuses
        self.captures = list(captures or [])
        self.asked: list[str] = []
        self.polls: dict[str, int] = {}
        server.expect_request("/save", method="POST").respond_with_handler(self.capture)
        server.expect_request(re.compile(r"^/save/status/[^/]+$")).respond_with_handler(self.status)

    @property
    def endpoint(self) -> str:
        """The address claimtrack is told to ask."""
        return self.server.url_for("/save")

    def capture(self, request: Request) -> Response:
        """A capture request: a job for the URL, or the next planned reply."""
        url = request.form["url"]
        self.asked.append(url)
        if self.captures:
            status, body, headers = self.captures.pop(0)
            return Response(json.dumps(body), status=status, headers=headers)
        job = f"spn2-{len(self.asked)}"
        self.polls[job] = 0
        return Response(json.dumps({"url": url, "job_id": job}), content_type="application/json")

    def status(self, request: Request) -> Response:
        """A status request: pending, then done with a timestamp, unless planned otherwise."""
        job = request.path.rsplit("/", 1)[1]
        count = self.polls.get(job, 0)
        self.polls[job] = count + 1
        url = self.asked[int(job.split("-")[1]) - 1]
        done = {"status": "success", "timestamp": "20261201100000", "original_url": url}
        plan = self.statuses if self.statuses is not None else [{"status": "pending"}, done]
        return Response(
            json.dumps(plan[min(count, len(plan) - 1)]), content_type="application/json"
        )


class Clock:
    """A clock that only sleeps forward, recording each sleep."""

    def __init__(self) -> None:
        self.now = 0.0
        self.slept: list[float] = []

    def sleep(self, seconds: float) -> None:
        """Advance the clock by ``seconds``."""
        self.slept.append(seconds)
        self.now += seconds

    def clock(self) -> float:
        """The current fake time."""
        return self.now


def _settings(spn: SavePageNow, **archive: Any) -> FetchSettings:
    http = HttpSettings(timeout=2.0, retries=0, per_host_interval=0.0, use_proxies=False)
    spn2 = ArchiveSettings(endpoint=spn.endpoint, use_proxies=False, timeout=2.0, **archive)
    return FetchSettings(http=http, archive=spn2)


def _run(path: Path, settings: FetchSettings, clock: Clock) -> claimtrack.fetch.FetchResult:
    assert settings.archive is not None
    archiver = Archiver(settings.archive, sleep=clock.sleep, clock=clock.clock)
    return fetch_claim_file(str(path), settings, archiver=archiver)


def _archived(result: claimtrack.fetch.FetchResult) -> dict[str, tuple[FetchStatus, str]]:
    kinds = (FetchStatus.ARCHIVED, FetchStatus.NOT_ARCHIVED)
    return {o.source_id: (o.status, o.message) for o in result.outcomes if o.status in kinds}


def test_each_capture_is_recorded_as_archive_url(httpserver: HTTPServer, tmp_path: Path) -> None:
    """Each source without an archive_url gets its capture's address; comments, mode kept."""
    _serve_pages(httpserver)
    spn = SavePageNow(httpserver)
    path = _claim_file(tmp_path, httpserver, [])
    path.chmod(0o640)
    clock = Clock()
    result = _run(path, _settings(spn), clock)
    assert result.rewritten
    assert result.error is None
    sources = claimtrack.load(path).sources
    web = httpserver.url_for("/web")
    assert [s.archive_url for s in sources] == [f"{web}/20261201100000/{s.url}" for s in sources]
    assert spn.asked == [s.url for s in sources]
    assert all(s.snapshot is not None for s in sources)
    assert "# kept through the rewrite" in path.read_text(encoding="utf-8")
    assert path.stat().st_mode & 0o777 == 0o640
    # each job polled again 5 s later; the next capture waits out the rest of the 20 s
    assert clock.slept == [5.0, 15.0, 5.0, 15.0, 5.0]


def test_a_source_with_an_archive_url_is_not_sent(httpserver: HTTPServer, tmp_path: Path) -> None:
    """Save Page Now is asked only for URLs without an archive_url."""
    _serve_pages(httpserver)
    spn = SavePageNow(httpserver)
    path = _claim_file(tmp_path, httpserver, [])
    text = path.read_text(encoding="utf-8").replace(
        "    title: wire page\n",
        "    title: wire page\n    archive_url: https://web.archive.org/web/2024/x\n",
    )
    path.write_text(text, encoding="utf-8")
    _run(path, _settings(spn), Clock())
    assert [url.rsplit("/", 1)[1] for url in spn.asked] == ["budget-14", "fund-2023.pdf"]
    assert claimtrack.load(path).sources[0].archive_url == "https://web.archive.org/web/2024/x"


REFUSAL = {
    "status": "error",
    "status_ext": "error:too-many-daily-captures",
    "message": "This URL has been already captured 10 times today.",
}
NOT_FOUND = {"status": "error", "status_ext": "error:not-found", "message": "Not found."}


@pytest.mark.parametrize(
    ("captures", "statuses", "expected"),
    [
        pytest.param(
            [(200, REFUSAL, {})], None, "refused to capture .*too-many-daily", id="refused"
        ),
        pytest.param(None, [{"status": "pending"}, NOT_FOUND], "error:not-found", id="job-failed"),
        pytest.param(
            [(429, {}, {})] * 3, None, r"limiting the rate \(HTTP 429\)", id="rate-limited"
        ),
        pytest.param(None, [{"status": "pending"}], "did not finish job spn2-1", id="never-done"),
        pytest.param(
            [(401, {"message": "You need to be logged in."}, {})], None, "keys", id="unauthorised"
        ),
        pytest.param(None, [{"status": "success"}], "without a timestamp", id="no-timestamp"),
        pytest.param(
            [(429, {}, {"Retry-After": "999999999"})],
            None,
            "asks to wait 999,999,999 s",
            id="rate-limited-for-years",
        ),
        pytest.param(
            None,
            [{"status": "success", "timestamp": "20261201100000", "original_url": "x" * 3000}],
            "archive_url the server gave .* cannot be recorded",
            id="address-too-long",
        ),
    ],
)
def test_a_failed_capture_says_why_and_records_nothing(
    httpserver: HTTPServer,
    tmp_path: Path,
    captures: list[Reply] | None,
    statuses: list[dict[str, Any]] | None,
    expected: str,
) -> None:
    """Each documented error reply gives a clear message and leaves archive_url unset."""
    _serve_pages(httpserver)
    spn = SavePageNow(httpserver, statuses=statuses, captures=captures)
    path = _claim_file(tmp_path, httpserver, [])
    settings = attrs_evolve_sources(_settings(spn), {"wire"})
    result = _run(path, settings, Clock())
    status, message = _archived(result)["wire"]
    assert status is FetchStatus.NOT_ARCHIVED
    assert re.search(expected, message), message
    assert claimtrack.load(path).sources[0].archive_url is None


def attrs_evolve_sources(settings: FetchSettings, sources: set[str]) -> FetchSettings:
    """The settings with only ``sources`` selected."""
    import attrs

    return attrs.evolve(settings, sources=frozenset(sources))


def test_rate_limiting_is_waited_out(httpserver: HTTPServer, tmp_path: Path) -> None:
    """An HTTP 429 is waited out for its Retry-After, then the capture is recorded."""
    _serve_pages(httpserver)
    spn = SavePageNow(httpserver, captures=[(429, {}, {"Retry-After": "42"})])
    path = _claim_file(tmp_path, httpserver, [])
    clock = Clock()
    result = _run(path, attrs_evolve_sources(_settings(spn), {"wire"}), clock)
    assert _archived(result)["wire"][0] is FetchStatus.ARCHIVED
    assert 42.0 in clock.slept
    assert claimtrack.load(path).sources[0].archive_url is not None


def test_a_retry_after_date_is_waited_out(httpserver: HTTPServer, tmp_path: Path) -> None:
    """An HTTP 429 whose Retry-After is a date is waited out until that date."""
    _serve_pages(httpserver)
    when = email.utils.format_datetime(datetime.now(UTC) + timedelta(seconds=90), usegmt=True)
    spn = SavePageNow(httpserver, captures=[(429, {}, {"Retry-After": when})])
    path = _claim_file(tmp_path, httpserver, [])
    clock = Clock()
    result = _run(path, attrs_evolve_sources(_settings(spn, backoff=1.0), {"wire"}), clock)
    assert _archived(result)["wire"][0] is FetchStatus.ARCHIVED
    assert 80.0 < clock.slept[0] <= 90.0


def test_a_job_that_never_completes_is_given_up_in_bounded_time(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    """A job pending for ever is polled only until max_wait, then reported."""
    _serve_pages(httpserver)
    spn = SavePageNow(httpserver, statuses=[{"status": "pending"}])
    path = _claim_file(tmp_path, httpserver, [])
    clock = Clock()
    settings = attrs_evolve_sources(_settings(spn, max_wait=30.0), {"wire"})
    _run(path, settings, clock)
    assert clock.now <= 30.0
    assert spn.polls["spn2-1"] == 7  # at 0, 5, ... 30 s


def test_an_interrupted_run_leaves_the_claim_file_unchanged(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    """Interrupting while a job is pending leaves the claim file's bytes as they were."""
    _serve_pages(httpserver)
    spn = SavePageNow(httpserver)
    path = _claim_file(tmp_path, httpserver, [])
    before = path.read_bytes()

    def interrupt(_seconds: float) -> None:
        raise KeyboardInterrupt

    settings = _settings(spn)
    assert settings.archive is not None
    archiver = Archiver(settings.archive, sleep=interrupt)
    with pytest.raises(KeyboardInterrupt):
        fetch_claim_file(str(path), settings, archiver=archiver)
    assert path.read_bytes() == before


def _cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["sources", "fetch", *args])
    return result.exit_code, result.output


def test_cli_archive_records_and_reports(httpserver: HTTPServer, tmp_path: Path) -> None:
    """--archive with --archive-endpoint asks the given server and says what it recorded."""
    _serve_pages(httpserver)
    spn = SavePageNow(httpserver, statuses=[{"status": "success", "timestamp": "20261201"}])
    path = _claim_file(tmp_path, httpserver, [])
    code, output = _cli(
        str(path), "--source", "wire", "--archive", "--archive-endpoint", spn.endpoint
    )
    assert code == 0, output
    assert "source 'wire' archived: " in output
    assert "1 archived, 1 fetched; claim file updated" in output
    assert claimtrack.load(path).sources[0].archive_url == (
        f"{httpserver.url_for('/web')}/20261201/{httpserver.url_for('/rebels')}"
    )


def test_cli_refusal_exits_one(httpserver: HTTPServer, tmp_path: Path) -> None:
    """A refused capture is printed with file:line:col and makes the exit code 1."""
    _serve_pages(httpserver)
    spn = SavePageNow(httpserver, captures=[(200, REFUSAL, {})])
    path = _claim_file(tmp_path, httpserver, [])
    code, output = _cli(
        str(path), "--source", "wire", "--archive", "--archive-endpoint", spn.endpoint
    )
    assert code == 1, output
    assert re.search(r"claims\.yaml:\d+:\d+: source 'wire' not archived: .*too-many-daily", output)


def test_without_archive_the_archive_is_never_asked(httpserver: HTTPServer, tmp_path: Path) -> None:
    """Without --archive no request reaches the archive endpoint."""
    _serve_pages(httpserver)
    spn = SavePageNow(httpserver)
    path = _claim_file(tmp_path, httpserver, [])
    code, output = _cli(str(path), "--archive-endpoint", spn.endpoint)
    assert code == 0, output
    assert spn.asked == []
    assert all(s.archive_url is None for s in claimtrack.load(path).sources)


def test_cli_refuses_an_endpoint_that_is_not_http(tmp_path: Path) -> None:
    """An --archive-endpoint that is not http(s) is a usage error, exit 2."""
    code, output = _cli(str(tmp_path), "--archive", "--archive-endpoint", "file:///etc/save")
    assert code == 2
    assert "--archive-endpoint" in output
