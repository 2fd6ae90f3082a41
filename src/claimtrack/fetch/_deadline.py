"""A hard deadline for one request: the connection's socket is shut when it passes.

A socket timeout bounds each wait for bytes, not the whole reply, so a server sending a
byte a second (in the status line, the headers or the body) or a chunked body that never
ends would hold a fetch for ever. The handlers made here record the socket of each
connection they open; :meth:`Deadline.watch` shuts those sockets when the time is up, which
ends any read in progress, and the caller then reports the timeout.
"""

from __future__ import annotations

import contextlib
import functools
import http.client
import socket
import threading
import urllib.request
from collections.abc import Callable, Iterator
from typing import Any

__all__ = ["Deadline"]


class Deadline:
    """Opens URLs through connections whose sockets it can shut at a deadline."""

    def __init__(self, use_proxies: bool) -> None:
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        register = self._register
        handlers: list[urllib.request.BaseHandler] = [
            _Handler(functools.partial(_Connection, register=register)),
            _TLSHandler(functools.partial(_TLSConnection, register=register)),
        ]
        if not use_proxies:
            handlers.append(urllib.request.ProxyHandler({}))
        self.handlers = handlers

    def _register(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)

    def _cut(self) -> None:
        with self._lock:
            for sock in self._sockets:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    @contextlib.contextmanager
    def watch(self, seconds: float) -> Iterator[None]:
        """Within the block, the sockets opened are shut after ``seconds``."""
        with self._lock:
            self._sockets.clear()
        timer = threading.Timer(max(seconds, 0.0), self._cut)
        timer.daemon = True
        timer.start()
        try:
            yield
        finally:
            timer.cancel()
            with self._lock:
                self._sockets.clear()


class _Connection(http.client.HTTPConnection):
    """A connection that hands its socket to ``register`` once it is connected."""

    def __init__(self, host: str, *, register: Callable[[socket.socket], None], **options: Any):
        super().__init__(host, **options)
        self._register = register

    def connect(self) -> None:
        super().connect()
        self._register(self.sock)


class _TLSConnection(_Connection, http.client.HTTPSConnection):
    """The same over TLS (the socket handed over is the TLS one)."""


class _Handler(urllib.request.HTTPHandler):
    def __init__(self, make: Any) -> None:
        super().__init__()
        self._make = make

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self._make, req)


class _TLSHandler(urllib.request.HTTPSHandler):
    def __init__(self, make: Any) -> None:
        super().__init__()
        self._make = make

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self._make, req, context=self._context)  # type: ignore[attr-defined]
