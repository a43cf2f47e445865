"""What the endpoint accepts of a request's head, and what it sends in every answer.

Independent of the server library (:mod:`kg.server.http_server` runs uvicorn, whose h11
parser already refuses malformed request lines and header syntax): this module is the
endpoint's own policy on top of that.

- **Framing**: ``Content-Length`` must be one non-negative decimal number (h11 merges a
  list such as ``5, 5``, which RFC 9110 permits but this endpoint refuses, so the raw
  head is checked too: :func:`framing_problem`); chunked bodies are refused (411); one
  ``Host`` of host-name syntax (nothing from it is ever written into an answer).
- **Parse errors** get a fixed message by kind, never the offending bytes
  (:func:`parse_error_reply`).
- **Updates**: only with ``--allow-update``, the operator's token and, when a browser
  sends ``Origin``, the server's own origin or an allowed one (:func:`update_refusal`).
- **Headers of every answer** (:func:`reply_headers`): ``Content-Type`` with a charset,
  ``Content-Length``, ``Vary``, ``X-Content-Type-Options: nosniff``, and CORS for reads
  only, so no page elsewhere can read an update's answer.

>>> framing_problem(b"POST / HTTP/1.1\\r\\nContent-Length: 5, 5\\r\\n\\r\\n", max_head=100).body
b'Content-Length must be one non-negative decimal number\\n'
>>> framing_problem(b"POST / HTTP/1.1\\r\\nContent-Length: 12\\r\\n\\r\\n", max_head=100) is None
True
"""

from __future__ import annotations

import hmac
import re
from collections.abc import Iterable

from kg.server.execute import Reply
from kg.server.sparql_protocol import ProtocolError

__all__ = [
    "CORS",
    "PREFLIGHT",
    "check_headers",
    "declared_length",
    "framing_problem",
    "header",
    "parse_error_reply",
    "raw_reply",
    "reply_headers",
    "update_refusal",
]

#: Sent with every read: any page may read query results (not updates' answers).
CORS = (
    ("Access-Control-Allow-Origin", "*"),
    ("Access-Control-Expose-Headers", "X-Result-Truncated, X-Result-Limit, Content-Type"),
)
#: The answer to a CORS preflight. ``Authorization`` (the update token) is not among the
#: allowed headers, so no page elsewhere can send an authorized update.
PREFLIGHT = (
    *CORS,
    ("Access-Control-Allow-Methods", "GET, POST, OPTIONS"),
    ("Access-Control-Allow-Headers", "Content-Type, Accept"),
    ("Access-Control-Max-Age", "86400"),
)
_LENGTH_MESSAGE = "Content-Length must be one non-negative decimal number"
# A Host header: a DNS name or IPv4 address, or a bracketed IPv6 address, and a port.
_HOST = re.compile(
    r"(?:[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,252})|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?"
)
_LENGTH_LINE = re.compile(rb"^content-length[ \t]*:(.*?)\r?$", re.IGNORECASE | re.MULTILINE)
_HEAD_END = re.compile(rb"\r?\n\r?\n")
_STATUS_TEXT = {
    400: "Bad Request",
    411: "Length Required",
    413: "Content Too Large",
    431: "Request Header Fields Too Large",
    501: "Not Implemented",
    505: "HTTP Version Not Supported",
    503: "Service Unavailable",
}

Headers = Iterable[tuple[bytes, bytes]]


def header(headers: Headers, name: bytes) -> list[str]:
    """Every value of header ``name`` (lower case) in an ASGI header list, in order.

    >>> header([(b"host", b"a"), (b"accept", b"x"), (b"host", b"b")], b"host")
    ['a', 'b']
    """
    return [value.decode("latin-1") for key, value in headers if key == name]


def framing_problem(head: bytes, *, max_head: int) -> Reply | None:
    """The refusal of this raw request head, or None when its size and framing are fine.

    431 when the request line and headers are longer than ``max_head`` bytes (h11 bounds
    only a head that arrives in pieces); 400 when ``Content-Length`` is not one decimal
    number. Looks only up to the blank line that ends the head, so a body is never read
    as headers.
    """
    end = _HEAD_END.search(head)
    size = end.start() if end else len(head)
    if size > max_head:
        return Reply.error(431, "request line and headers are too long")
    lengths = _LENGTH_LINE.findall(head[:size])
    if len(lengths) > 1 or any(not value.strip().isdigit() for value in lengths):
        return Reply.error(400, _LENGTH_MESSAGE)
    return None


def check_headers(headers: Headers) -> None:
    """Refuse malformed or ambiguous framing and addressing headers (400/411).

    >>> check_headers([(b"host", b"127.0.0.1:8000"), (b"content-length", b"3")])
    >>> check_headers([(b"host", b"x> <http://e/p")])
    Traceback (most recent call last):
    ...
    kg.server.sparql_protocol.ProtocolError: malformed Host header
    """
    headers = list(headers)
    hosts = header(headers, b"host")
    if len(hosts) > 1 or (hosts and not _HOST.fullmatch(hosts[0].strip())):
        raise ProtocolError(400, "malformed Host header")
    lengths = header(headers, b"content-length")
    if len(lengths) > 1 or (lengths and not lengths[0].strip().isdigit()):
        raise ProtocolError(400, _LENGTH_MESSAGE)
    if header(headers, b"transfer-encoding"):
        raise ProtocolError(411, "chunked request bodies are not supported; send Content-Length")


def declared_length(headers: Headers, *, limit: int) -> int:
    """The body length the request declares (0 without one); 413 beyond ``limit`` bytes.

    >>> declared_length([(b"content-length", b"20")], limit=10)
    Traceback (most recent call last):
    ...
    kg.server.sparql_protocol.ProtocolError: request body of 20 bytes exceeds 10 bytes
    """
    lengths = header(headers, b"content-length")
    length = int(lengths[0].strip()) if lengths else 0
    if length > limit:
        raise ProtocolError(413, f"request body of {length} bytes exceeds {limit} bytes")
    return length


def parse_error_reply(message: str, status_hint: int) -> Reply:
    """The answer to a request the HTTP parser refused, by kind; nothing of it echoed.

    ``message`` is the parser's own description, used only to pick the kind: some of the
    parser's messages quote the offending bytes, which must not reach the answer.

    >>> parse_error_reply("bad Content-Length", 400).body
    b'Content-Length must be one non-negative decimal number\\n'
    >>> parse_error_reply("Illegal header name b'<script>'", 400).body
    b'malformed request line or header\\n'
    """
    if status_hint == 431:
        return Reply.error(431, "request line and headers are too long")
    if status_hint == 505:
        return Reply.error(505, "only HTTP/1.0 and HTTP/1.1 are served")
    if status_hint == 501:
        return Reply.error(501, "unsupported Transfer-Encoding; send Content-Length")
    if "content-length" in message.lower():
        return Reply.error(400, _LENGTH_MESSAGE)
    if "host" in message.lower():
        return Reply.error(400, "malformed Host header")
    return Reply.error(400, "malformed request line or header")


def raw_reply(reply: Reply, *, extra: tuple[tuple[str, str], ...] = ()) -> bytes:
    """A whole HTTP/1.1 answer that closes the connection, for where no parser state exists.

    >>> raw_reply(Reply.error(503, "busy")).split(b"\\r\\n")[0]
    b'HTTP/1.1 503 Service Unavailable'
    """
    lines = [f"HTTP/1.1 {reply.status} {_STATUS_TEXT.get(reply.status, '')}".rstrip()]
    lines += [f"{name}: {value}" for name, value in reply_headers(reply, close=True)]
    lines += [f"{name}: {value}" for name, value in extra]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + reply.body


def reply_headers(
    reply: Reply, *, cors: bool = False, close: bool = False
) -> list[tuple[str, str]]:
    """The headers of ``reply`` as sent: the common ones first, then the reply's own.

    >>> [name for name, _ in reply_headers(Reply.error(404, "no"), cors=True)][:4]
    ['Content-Type', 'Content-Length', 'Vary', 'X-Content-Type-Options']
    """
    media_type = reply.media_type
    if media_type.startswith(("text/", "application/sparql-results+xml")) and (
        "charset" not in media_type
    ):
        media_type += "; charset=utf-8"
    headers = [
        ("Content-Type", media_type),
        ("Content-Length", str(len(reply.body))),
        ("Vary", "Accept, Origin"),
        ("X-Content-Type-Options", "nosniff"),
    ]
    if close:
        headers.append(("Connection", "close"))
    return [*headers, *(CORS if cors else ()), *reply.headers]


def update_refusal(
    *,
    allow_update: bool,
    token: str | None,
    origin: str | None,
    authorization: str,
    own_origins: tuple[str, ...],
) -> Reply | None:
    """Why an update may not run (403 read-only or foreign origin, 401 no token), or None.

    >>> update_refusal(allow_update=True, token="t", origin=None,
    ...                authorization="Bearer t", own_origins=()) is None
    True
    >>> update_refusal(allow_update=True, token="t", origin="http://evil.example",
    ...                authorization="Bearer t", own_origins=("http://127.0.0.1:8000",)).status
    403
    """
    if not allow_update or not token:
        return Reply.error(
            403, "SPARQL Update is refused: this endpoint is read-only (see --allow-update)"
        )
    if origin is not None and origin not in own_origins:
        return Reply.error(403, "SPARQL Update is refused from another origin (see --allow-origin)")
    scheme, _, given = authorization.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        given.strip().encode(), token.encode()
    ):
        reply = Reply.error(
            401, "SPARQL Update needs the operator's token: Authorization: Bearer …"
        )
        return Reply(
            401, reply.media_type, reply.body, (("WWW-Authenticate", 'Bearer realm="ckg"'),)
        )
    return None
