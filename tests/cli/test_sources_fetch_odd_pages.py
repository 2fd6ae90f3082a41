"""``claimtrack sources fetch`` against odd and hostile pages that a well-behaved HTTP server
cannot send: a raw socket server on 127.0.0.1 trickles bytes, lies about lengths, cuts
bodies short, mislabels encodings and redirects where it should not."""

from __future__ import annotations

import gzip
import socket
import subprocess
import sys
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import claimtrack
from claimtrack.fetch import FetchSettings, FetchStatus, HttpSettings, fetch_claim_file
from tests.pdf_fixture import text_pdf

Reply = Callable[[socket.socket, str], None]
ARTICLE = (
    "Le café était fermé depuis le 3 mars, selon le maire. La ville compte 12 000 habitants"
    " et deux écoles, dit-il “vraiment”."
)
LANDED = "/landed"


def _page(text: str = ARTICLE) -> str:
    head = "<html><head><title>Story</title></head>"
    return f"{head}<body><article><p>{text}</p></article></body></html>"


def _reply(
    body: bytes,
    *,
    status: str = "200 OK",
    content_type: str | None = "text/html; charset=utf-8",
    headers: tuple[tuple[bytes, bytes], ...] = (),
    length: int | None = -1,
) -> bytes:
    """A raw HTTP/1.1 reply; ``length`` -1 announces the body's true length, None none."""
    lines = [f"HTTP/1.1 {status}".encode()]
    if content_type is not None:
        lines.append(f"Content-Type: {content_type}".encode())
    if length is not None:
        lines.append(b"Content-Length: %d" % (len(body) if length == -1 else length))
    lines += [name + b": " + value for name, value in headers]
    lines.append(b"Connection: close")
    return b"\r\n".join(lines) + b"\r\n\r\n" + body


class RawServer:
    """A socket server on 127.0.0.1: each request's path picks the reply function."""

    def __init__(self) -> None:
        self.routes: dict[str, Reply] = {}
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.running = True
        threading.Thread(target=self._accept, daemon=True).start()

    def url(self, path: str) -> str:
        """The address of ``path`` on this server."""
        return f"http://127.0.0.1:{self.port}{path}"

    def _accept(self) -> None:
        while self.running:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(connection,), daemon=True).start()

    def _serve(self, connection: socket.socket) -> None:
        with connection:
            connection.settimeout(5)
            data = b""
            try:
                while b"\r\n\r\n" not in data:
                    chunk = connection.recv(65536)
                    if not chunk:
                        return
                    data += chunk
                path = data.split(b" ", 2)[1].decode("latin-1")
                route = self.routes.get(path.split("?", 1)[0], _landed)
                route(connection, path)
            except OSError:  # the client gave up: what a trickling server wants to see
                return

    def close(self) -> None:
        """Stop accepting connections."""
        self.running = False
        self.listener.close()


def _landed(connection: socket.socket, path: str) -> None:
    connection.sendall(_reply(_page(f"{ARTICLE} Landed on {path}.").encode()))


@pytest.fixture
def raw_server() -> Iterator[RawServer]:
    """A raw socket server on 127.0.0.1, closed after the test."""
    server = RawServer()
    yield server
    server.close()


def _project(folder: Path, url: str) -> Path:
    (folder / "pyproject.toml").write_text("[project]\nname = 'demo'\n", encoding="utf-8")
    path = folder / "claims.yaml"
    path.write_text(
        "# A comment kept through the rewrite.\nversion: 1\ndocument: {id: demo, title: Demo}\n"
        "sources:\n  - id: page  # the page\n    type: webpage\n    title: A page\n"
        f"    issued: '2024'\n    url: \"{url}\"\nclaims: []\n",
        encoding="utf-8",
    )
    return path


def _fetch(path: Path, timeout: float = 0.5) -> tuple[FetchStatus, str]:
    http = HttpSettings(timeout=timeout, retries=0, per_host_interval=0.0, use_proxies=False)
    (outcome,) = fetch_claim_file(str(path), FetchSettings(http=http)).outcomes
    return outcome.status, outcome.message


def _snapshot_text(folder: Path) -> str:
    return (folder / "snapshots" / "sources" / "page.txt").read_text(encoding="utf-8")


def _trickle(data: bytes, *, head: int = 0) -> Reply:
    def reply(connection: socket.socket, _path: str) -> None:
        connection.sendall(data[:head])
        for byte in data[head:]:
            connection.sendall(bytes([byte]))
            time.sleep(0.05)

    return reply


def _send(data: bytes) -> Reply:
    def reply(connection: socket.socket, _path: str) -> None:
        connection.sendall(data)

    return reply


def _endless_chunks(connection: socket.socket, _path: str) -> None:
    connection.sendall(_reply(b"", length=None, headers=((b"Transfer-Encoding", b"chunked"),)))
    until = time.monotonic() + 5
    while time.monotonic() < until:
        connection.sendall(b"1\r\nx\r\n")
        time.sleep(0.01)


_BODY = _page().encode()
_GZIPPED = gzip.compress(_BODY + b"<!--" + b"padding " * 4000 + b"-->")
FAILURES: dict[str, tuple[Reply, str]] = {
    "trickled-body": (_trickle(_reply(_BODY), head=len(_reply(_BODY)) - len(_BODY)), "timed out"),
    "trickled-headers": (_trickle(_reply(_BODY)), "timed out"),
    "endless-chunks": (_endless_chunks, "timed out"),
    "closed-before-its-length": (
        _send(_reply(_BODY, length=len(_BODY) + 400)),
        f"closed after {len(_BODY)} of the {len(_BODY) + 400:,} bytes",
    ),
    "gzip-cut-short": (
        _send(_reply(_GZIPPED[: len(_GZIPPED) // 2], headers=((b"Content-Encoding", b"gzip"),))),
        "cut short",
    ),
    "redirect-with-password": (
        _send(_reply(b"", status="302 Found", headers=((b"Location", b"http://me:pw@h/x"),))),
        "user name or password",
    ),
    "redirect-too-long": (
        _send(_reply(b"", status="302 Found", headers=((b"Location", b"/x?" + b"a" * 3000),))),
        "cannot be recorded in a claim file",
    ),
    "status-line-garbage": (_send(b"no status line\r\n\r\n"), "no status line"),
}


class TestRefused:
    @pytest.mark.parametrize("case", sorted(FAILURES))
    def test_each_reply_fails_its_source_in_time_and_keeps_nothing(
        self, raw_server: RawServer, tmp_path: Path, case: str
    ) -> None:
        """The source fails within its timeout with a one-line reason; nothing is written."""
        reply, expected = FAILURES[case]
        raw_server.routes[f"/{case}"] = reply
        path = _project(tmp_path, raw_server.url(f"/{case}"))
        before = path.read_bytes()
        started = time.monotonic()
        status, message = _fetch(path)
        assert time.monotonic() - started < 3
        assert status is FetchStatus.FAILED
        assert expected in message
        assert "\n" not in message
        assert path.read_bytes() == before
        assert not (tmp_path / "snapshots").exists()

    def test_a_url_that_does_not_parse_is_a_failure(self, tmp_path: Path) -> None:
        """A source URL with a broken bracketed host fails that source, not the command."""
        path = _project(tmp_path, "http://[::1:bad/x")
        status, message = _fetch(path)
        assert status is FetchStatus.FAILED
        assert "not a valid URL" in message

    def test_a_pdf_of_too_many_pages_is_refused(
        self, raw_server: RawServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A PDF with more pages than the limit fails instead of being read for minutes."""
        import claimtrack.fetch._extract as extract

        monkeypatch.setattr(extract, "MAX_PDF_PAGES", 0)
        pdf = text_pdf(["The fund lent 4.2 billion to the ministry in 2023."])
        raw_server.routes["/report.pdf"] = _send(_reply(pdf, content_type="application/pdf"))
        status, message = _fetch(_project(tmp_path, raw_server.url("/report.pdf")))
        assert status is FetchStatus.FAILED
        assert "pages, over the limit of 0" in message

    def test_a_pdf_that_breaks_the_reader_is_a_failure(
        self, raw_server: RawServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Whatever a damaged PDF makes pypdf raise, the source fails with a reason."""
        import pypdf

        def broken(*_args: object, **_kwargs: object) -> None:
            raise IndexError("list index out of range")

        monkeypatch.setattr(pypdf, "PdfReader", broken)
        pdf = text_pdf(["The fund lent 4.2 billion."])
        raw_server.routes["/report.pdf"] = _send(_reply(pdf, content_type="application/pdf"))
        status, message = _fetch(_project(tmp_path, raw_server.url("/report.pdf")))
        assert (status, message) == (
            FetchStatus.FAILED,
            "the PDF cannot be read: list index out of range",
        )

    def test_the_cli_keeps_pdf_reader_warnings_off_the_terminal(
        self, raw_server: RawServer, tmp_path: Path
    ) -> None:
        """A damaged PDF gives one 'not fetched' line, without pypdf's own warnings."""
        pdf = text_pdf(["The fund lent 4.2 billion."])
        raw_server.routes["/report.pdf"] = _send(
            _reply(pdf[: len(pdf) // 2], content_type="application/pdf")
        )
        path = _project(tmp_path, raw_server.url("/report.pdf"))
        command = [sys.executable, "-m", "claimtrack", "sources", "fetch", "--timeout", "2"]
        done = subprocess.run(
            [*command, str(path)], capture_output=True, text=True, timeout=60, check=False
        )
        assert done.returncode == 1
        assert "source 'page' not fetched: the PDF cannot be read" in done.stdout
        assert done.stderr == ""


def _deflated(data: bytes, wbits: int) -> bytes:
    packer = zlib.compressobj(wbits=wbits)
    return packer.compress(data) + packer.flush()


_CP1252 = _page().encode("cp1252")
# A UTF-8 page whose meta says UTF-16, of an even length, so that it would decode as UTF-16.
_META_UTF16 = _BODY.replace(b"<head>", b'<head><meta charset="utf-16">')
_META_UTF16 += b" " * (len(_META_UTF16) % 2)
_PDF = text_pdf(["The fund lent 4.2 billion to the ministry in 2023."])
_PDF_TEXT = "The fund lent 4.2 billion to the ministry in 2023.\n"
KEPT: dict[str, tuple[Reply, str]] = {
    "raw-deflate": (
        _send(_reply(_deflated(_BODY, -15), headers=((b"Content-Encoding", b"deflate"),))),
        ARTICLE,
    ),
    "gzip-members": (
        _send(
            _reply(
                gzip.compress(_BODY[:60]) + gzip.compress(_BODY[60:]),
                headers=((b"Content-Encoding", b"gzip"),),
            )
        ),
        ARTICLE,
    ),
    "latin-1-label": (
        _send(_reply(_CP1252, content_type="text/html; charset=iso-8859-1")),
        ARTICLE,
    ),
    "utf-16-with-bom": (_send(_reply(_page().encode("utf-16"), content_type="text/html")), ARTICLE),
    "one-bad-byte-in-utf-8": (
        _send(_reply(_BODY.replace(b"deux", b"d\xffux"))),
        ARTICLE.replace("deux", "d\ufffdux"),
    ),
    "pdf-called-html": (_send(_reply(_PDF, content_type="text/html")), _PDF_TEXT),
    "pdf-as-bare-bytes": (_send(_reply(_PDF, content_type="application/octet-stream")), _PDF_TEXT),
    "html-called-pdf": (_send(_reply(_BODY, content_type="application/pdf")), ARTICLE),
    "reason-beyond-ascii": (_send(_reply(_BODY, status="200 Ökay ☃")), ARTICLE),
    "charset-not-a-text-encoding": (
        _send(_reply(_BODY, content_type="text/html; charset=rot13")),
        ARTICLE,
    ),
    "charset-that-never-decodes": (
        _send(_reply(_BODY, content_type="text/html; charset=undefined")),
        ARTICLE,
    ),
    "charset-reading-escapes": (
        _send(
            _reply(
                _page(f"{ARTICLE} Voir C:\\nouveau\\x41.").encode(),
                content_type="text/html; charset=unicode_escape",
            )
        ),
        f"{ARTICLE} Voir C:\\nouveau\\x41.",
    ),
    "utf-16-in-a-meta-of-utf-8": (_send(_reply(_META_UTF16, content_type="text/html")), ARTICLE),
    "control-characters": (
        _send(_reply(f"{ARTICLE}\x00\x1b[31m\n".encode(), content_type="text/plain")),
        f"{ARTICLE}[31m\n",
    ),
}


class TestKept:
    @pytest.mark.parametrize("case", sorted(KEPT))
    def test_each_page_gives_the_text_it_shows(
        self, raw_server: RawServer, tmp_path: Path, case: str
    ) -> None:
        """The snapshot holds the text a reader of the page sees; the claim file stays valid."""
        reply, expected = KEPT[case]
        raw_server.routes[f"/{case}"] = reply
        path = _project(tmp_path, raw_server.url(f"/{case}"))
        status, message = _fetch(path, timeout=5.0)
        assert status is FetchStatus.FETCHED, message
        text = _snapshot_text(tmp_path)
        assert text.startswith(expected) if expected.endswith("\n") else expected in text
        assert "# A comment kept through the rewrite." in path.read_text(encoding="utf-8")
        assert not [f for f in claimtrack.check([path]).findings if f.code.startswith("E")]

    @pytest.mark.parametrize(
        ("route", "location"),
        [
            pytest.param("/ärticle", None, id="non-ascii-path"),
            pytest.param("/moved", "/über uns?q=ä b".encode(), id="utf-8-location"),
        ],
    )
    def test_a_url_beyond_ascii_is_sent_percent_encoded(
        self, raw_server: RawServer, tmp_path: Path, route: str, location: bytes | None
    ) -> None:
        """Non-ASCII and spaces in a URL are sent and recorded percent-encoded as UTF-8."""
        if location is not None:
            raw_server.routes[route] = _send(
                _reply(b"", status="301 Moved", headers=((b"Location", location),))
            )
        path = _project(tmp_path, raw_server.url(route))
        status, message = _fetch(path, timeout=5.0)
        assert status is FetchStatus.FETCHED, message
        sent = "/%C3%BCber%20uns?q=%C3%A4%20b" if location else "/%C3%A4rticle"
        assert f"Landed on {sent}." in _snapshot_text(tmp_path)
        snapshot = claimtrack.load(path).sources[0].snapshot
        assert snapshot is not None
        assert snapshot.url == raw_server.url(sent)
