"""HTTP for ``ckg serve``: uvicorn (h11 parser) serving the Starlette app, with guards.

Who enforces what:

- **uvicorn and h11** parse HTTP/1.1 strictly: a malformed request line, header line,
  ``Content-Length`` or ``Transfer-Encoding`` is refused with 400 (501 for unknown
  transfer codings), a request line and headers above :data:`MAX_HEAD` bytes with 431,
  and the connection is closed. uvicorn's keep-alive timeout closes idle connections
  after ``--client-timeout``, and its ``limit_concurrency`` backs up the connection cap.
- **This module's protocol** (:class:`GuardedH11Protocol`, a subclass of uvicorn's h11
  protocol) adds what uvicorn leaves open: each request must arrive *completely* (line,
  headers, body) within ``--client-timeout`` of the connection's start or of the previous
  answer, so a client dripping its headers a byte at a time is cut off (uvicorn alone has
  no header timeout); an answer the client does not take within ``--timeout`` plus
  ``--client-timeout`` is dropped; a connection beyond ``--max-connections`` is answered
  503 with ``Retry-After`` at once and closed, before it sends anything; and the parser's
  refusals get a fixed message by kind (:func:`kg.server.http_policy.parse_error_reply`),
  never the offending bytes.
- **The app** (:mod:`kg.server.app`) checks ``Host`` and framing headers, updates,
  ``SERVICE``; **the worker pool** (:mod:`kg.server.limits`) bounds each query's time and
  memory, the queue and each client's share.

>>> MAX_HEAD
65536
"""

from __future__ import annotations

import asyncio
import math
import signal
import socket
import threading
from typing import Any

import h11
from uvicorn import Config, Server
from uvicorn.config import LOGGING_CONFIG
from uvicorn.protocols.http.h11_impl import H11Protocol

from kg.server.app import ServerConfig, build_app
from kg.server.execute import Reply
from kg.server.http_policy import framing_problem, parse_error_reply, raw_reply
from kg.server.limits import Limits, WorkerPool

__all__ = ["MAX_HEAD", "GuardedH11Protocol", "SparqlServer", "make_server"]

#: Bytes of request line and headers (h11's bound on an incomplete event): long GET
#: queries fit, as they did with the standard library's 64 KiB request line.
MAX_HEAD = 64 * 1024

# Seconds a refused connection stays half-open for the client to read its 503.
_LINGER = 1.0
_BUSY = raw_reply(
    Reply.error(503, "too many open connections; try again shortly"),
    extra=(("Retry-After", "1"),),
)


class GuardedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with a whole-request deadline, an answer deadline, a
    connection cap answered 503 at once, and fixed messages for parse errors.

    :func:`make_server` makes a subclass with :attr:`limits` set.
    """

    limits: Limits = Limits()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._deadline: asyncio.TimerHandle | None = None
        self._receiving = True  # waiting for (the rest of) a request, not answering one
        self._parse_error: h11.RemoteProtocolError | None = None
        self._tail = b""  # the last bytes received, where a head's end may begin
        self._check_head = False
        self._refused = False  # answered 503 at once: over the connection cap
        next_event = self.conn.next_event

        def remembering_next_event() -> Any:
            # uvicorn answers a parse error with one fixed text; keep the error's kind.
            try:
                return next_event()
            except h11.RemoteProtocolError as err:
                self._parse_error = err
                raise

        self.conn.next_event = remembering_next_event  # type: ignore[method-assign]

    # -- the connection cap ---------------------------------------------------------------

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        if len(self.connections) > self.limits.max_connections:
            self.connections.discard(self)  # so that it does not count against the next one
            self._refused = True
            transport.write(_BUSY)
            # Half-close and drop what the client sends meanwhile: closing at once, with
            # its request unread, would reset the connection and lose the answer.
            transport.write_eof()
            self._deadline = self.loop.call_later(_LINGER, self._expired)
            return
        self._expect_request()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_deadline()
        super().connection_lost(exc)

    # -- deadlines --------------------------------------------------------------------------

    def _cancel_deadline(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _expect_request(self) -> None:
        """The next request must arrive whole within the client timeout from now."""
        self._cancel_deadline()
        self._receiving = True
        self._deadline = self.loop.call_later(self.limits.client_timeout, self._expired)

    def _expect_answer(self) -> None:
        """The answer must be computed and taken within the time limit and the client timeout."""
        self._cancel_deadline()
        self._receiving = False
        allowed = self.limits.timeout + self.limits.client_timeout
        self._deadline = self.loop.call_later(allowed, self._expired)

    def _expired(self) -> None:
        self._deadline = None
        if not self.transport.is_closing():
            # abort, not close: close would wait for a client that does not read to read.
            self.transport.abort()

    # -- parsing ----------------------------------------------------------------------------

    def data_received(self, data: bytes) -> None:
        if self._refused:
            return
        # Whether a request head may have ended in these bytes: a cheap look at the new
        # bytes only, so a client dripping its head does not make every byte rescan it.
        window = self._tail + data
        self._tail = window[-3:]
        if b"\n\n" in window or b"\n\r\n" in window:
            self._check_head = True
        super().data_received(data)

    def handle_events(self) -> None:
        if self._check_head and self.conn.their_state is h11.IDLE:
            self._check_head = False
            refusal = framing_problem(self.conn.trailing_data[0], max_head=MAX_HEAD)
            if refusal is not None:
                self._refuse(refusal)
                return
        super().handle_events()
        # The request is in whole (MUST_CLOSE: an HTTP/1.0 request without keep-alive).
        if self._receiving and self.conn.their_state in (h11.DONE, h11.MUST_CLOSE):
            self._expect_answer()

    def send_400_response(self, msg: str) -> None:
        err = self._parse_error
        status = getattr(err, "error_status_hint", 400)
        self._refuse(parse_error_reply(str(err or msg), status))

    def _refuse(self, reply: Reply) -> None:
        if not self.transport.is_closing():
            self.transport.write(raw_reply(reply))
            self.transport.close()

    def on_response_complete(self) -> None:
        # Before uvicorn's own handling, which may go on to a pipelined request at once.
        if not self.transport.is_closing():
            self._expect_request()
            self._check_head = True  # a pipelined request may wait in the buffer
        super().on_response_complete()


def _bound_socket(host: str, port: int) -> socket.socket:
    """A TCP socket bound to ``host:port`` and not yet listening: a port in use fails
    here, and nobody connects before the workers are ready (uvicorn calls ``listen``)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    return sock


class SparqlServer:
    """uvicorn serving the endpoint's app on a bound socket, with its worker pool.

    The socket is bound at construction (so ``port=0`` picks a free port, and a port in
    use fails early) and the workers started; :meth:`serve_forever` listens and serves
    until SIGINT or SIGTERM.
    """

    def __init__(self, config: ServerConfig, *, quiet: bool = False) -> None:
        self.config = config
        self.quiet = quiet
        self.socket = _bound_socket(config.host, config.port)
        self.server_address: tuple[str, int] = self.socket.getsockname()[:2]
        try:
            self.pool = WorkerPool(
                config.store_path,
                size=config.workers,
                writer=config.allow_update,
                limits=config.limits,
            )
        except BaseException:
            self.socket.close()
            raise
        app, self._endpoint = build_app(config, self.pool, self.origin)
        limits = config.limits
        protocol = type("Protocol", (GuardedH11Protocol,), {"limits": limits})
        self.uvicorn = Server(
            Config(
                app,
                http=protocol,
                interface="asgi3",
                lifespan="off",
                ws="none",
                loop="asyncio",
                proxy_headers=False,  # the client address is the peer's: no X-Forwarded-For
                server_header=False,
                # Our protocol refuses beyond max_connections itself; this only backs it up.
                limit_concurrency=limits.max_connections + 1,
                timeout_keep_alive=max(1, math.ceil(limits.client_timeout)),
                timeout_graceful_shutdown=max(1, math.ceil(limits.client_timeout)),
                h11_max_incomplete_event_size=MAX_HEAD,
                backlog=128,
                access_log=not quiet,
                log_level="error" if quiet else "info",
                log_config=LOGGING_CONFIG,
            )
        )

    @property
    def origin(self) -> str:
        """``http://HOST:PORT`` of the configured address and the port actually bound.

        The service description names it, and updates from this origin are accepted.
        """
        host = self.config.host
        if ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{self.server_address[1]}"

    def serve_forever(self) -> None:
        """Serve until SIGINT or SIGTERM (then raises :class:`KeyboardInterrupt`)."""
        main = threading.current_thread() is threading.main_thread()
        # uvicorn re-raises the signal that stopped it once it has shut down; as
        # KeyboardInterrupt, the caller still closes the worker pool (server_close).
        previous = signal.signal(signal.SIGTERM, signal.default_int_handler) if main else None
        try:
            self.uvicorn.run(sockets=[self.socket])
        finally:
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)

    def shutdown(self) -> None:
        """Ask :meth:`serve_forever` (running in another thread) to stop."""
        self.uvicorn.should_exit = True

    def server_close(self) -> None:
        """Close the socket, the request threads and the worker processes."""
        self.socket.close()
        self._endpoint.close()
        self.pool.close()


def make_server(config: ServerConfig, *, quiet: bool = False) -> SparqlServer:
    """Check the store and create the server (not yet serving: call ``serve_forever``).

    The store must exist (``ckg ingest`` creates it); with ``allow_update`` an empty one
    is created. It is opened once here to fail early with a clear error.
    """
    from kg.errors import CkgError
    from kg.store import open_store

    if config.allow_update and not config.update_token:
        raise CkgError(
            "--allow-update needs a token: give --update-token or set CKG_UPDATE_TOKEN "
            "(clients send it as 'Authorization: Bearer TOKEN')"
        )

    # Raises CkgError with a one-line reason: missing, locked, not writable, not a store.
    store = open_store(config.store_path, read_only=not config.allow_update)
    del store
    try:
        return SparqlServer(config, quiet=quiet)
    except OSError as err:
        raise CkgError(f"cannot listen on {config.host}:{config.port}: {err}") from None
