"""Replay callback and page-layout responses this process has already answered.

When a story sends thousands of readers to the same link, their browsers post the same few callback bodies and
ask for the same page layouts. Every server callback here is a pure function of its request, and so is the
layout the renderer fetches (`/_dash-layout`, pre-rendered for the page named in its Referer: a company page
with all its records and quotes takes ~300 ms to build). The data are read-only for the life of the process and
the one clock-dependent value, the "accessed" date in citations, is in the key, so a repeated request can get the
stored response without Flask or Dash running at all. Only complete 200 responses are stored; anything else (a
400 for a malformed envelope, an error) goes through the app every time.
"""

from __future__ import annotations

import datetime as dt
import io
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable

CALLBACK_PATH = "/_dash-update-component"
LAYOUT_PATH = "/_dash-layout"  # answered for the page in the Referer (first_render.py)

CacheKey = tuple[bytes, str, bool, str]
StoredResponse = tuple[str, list[tuple[str, str]], bytes]


class CallbackResponseCache:
    """WSGI middleware: a bounded, least-recently-used store of callback responses keyed by the request.

    The key is the raw body, its content type, whether the client accepts gzip (the stored bytes may be
    compressed) and today's date. `max_bytes` bounds the memory held per worker process.
    """

    def __init__(self, app: Callable, *, max_entries: int = 512, max_bytes: int = 8 * 1024 * 1024,
                 max_body_bytes: int = 16 * 1024, today: Callable[[], dt.date] = dt.date.today) -> None:
        self.app = app
        self.max_entries, self.max_bytes, self.max_body_bytes = max_entries, max_bytes, max_body_bytes
        self.today = today
        self.hits = self.misses = 0
        self._entries: OrderedDict[CacheKey, StoredResponse] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        """Answer a repeated callback request from the store; pass everything else to the app."""
        key = self._key(environ)
        if key is None:
            return self.app(environ, start_response)
        with self._lock:
            stored = self._entries.get(key)
            if stored is None:
                self.misses += 1
            else:
                self._entries.move_to_end(key)
                self.hits += 1
        if stored is None:
            return self._answer_and_store(key, environ, start_response)
        status, headers, payload = stored
        start_response(status, list(headers))
        return [payload]

    def __len__(self) -> int:
        return len(self._entries)

    def _key(self, environ: dict) -> CacheKey | None:
        """The cache key for a callback POST of bounded size (its body is read and put back) or a layout GET."""
        gzip = "gzip" in environ.get("HTTP_ACCEPT_ENCODING", "")
        if environ.get("REQUEST_METHOD") == "GET" and environ.get("PATH_INFO") == LAYOUT_PATH:
            # The layout depends on the page that asks (Referer), checked against the Host, and nothing else.
            asked = "\n".join([LAYOUT_PATH, environ.get("HTTP_HOST", ""), environ.get("HTTP_REFERER", ""),
                               environ.get("QUERY_STRING", "")]).encode("utf-8", "surrogateescape")
            return (asked, "layout", gzip, self.today().isoformat()) if len(asked) <= self.max_body_bytes else None
        if environ.get("REQUEST_METHOD") != "POST" or environ.get("PATH_INFO") != CALLBACK_PATH:
            return None
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return None
        if not 0 < length <= self.max_body_bytes:
            return None  # empty or large bodies go to the app, which answers them (400 / 413)
        body = environ["wsgi.input"].read(length)
        environ["wsgi.input"] = io.BytesIO(body)
        environ["CONTENT_LENGTH"] = str(len(body))
        return body, environ.get("CONTENT_TYPE", ""), gzip, self.today().isoformat()

    def _answer_and_store(self, key: CacheKey, environ: dict, start_response: Callable) -> list[bytes]:
        """Run the app, pass its answer on, and keep it if it is a complete 200 without cookies."""
        seen: dict = {}

        def capture(status: str, headers: list[tuple[str, str]], exc_info=None):
            seen["status"], seen["headers"] = status, headers
            return start_response(status, headers, exc_info)

        result = self.app(environ, capture)
        try:
            payload = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        headers = seen.get("headers", [])
        cacheable = (seen.get("status", "").startswith("200 ")
                     and not any(name.lower() == "set-cookie" for name, _ in headers))
        if cacheable:
            self._store(key, (seen["status"], list(headers), payload))
        return [payload]

    def _store(self, key: CacheKey, stored: StoredResponse) -> None:
        size = len(key[0]) + len(stored[2])
        if size > self.max_bytes:
            return
        with self._lock:
            if key in self._entries:
                return
            self._entries[key] = stored
            self._bytes += size
            while len(self._entries) > self.max_entries or self._bytes > self.max_bytes:
                old_key, old = self._entries.popitem(last=False)
                self._bytes -= len(old_key[0]) + len(old[2])
