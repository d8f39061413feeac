"""Reuse computed views: a bounded memo per Site (per process, never module-level), and resend only what changed."""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from functools import partial
from typing import TypeVar

from dash import no_update
from plotly.utils import PlotlyJSONEncoder

T = TypeVar("T")


class ViewMemo:
    """Least-recently-used results keyed by a hashable view state.

    The data never changes while the process runs and a view is a pure function of its state, so a repeated
    filter combination (the common case when a story sends many readers to the same link) is built once.
    """

    def __init__(self, max_entries: int = 128) -> None:
        self._max_entries = max_entries
        self._entries: OrderedDict[Hashable, object] = OrderedDict()
        self._lock = threading.Lock()

    def get_or_build(self, key: Hashable, build: Callable[[], T]) -> T:
        """The cached result for `key`, building (outside the lock) and storing it on a miss."""
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                return self._entries[key]  # type: ignore[return-value]
        value = build()
        with self._lock:
            self._entries[key] = value
            self._entries.move_to_end(key)
            while len(self._entries) > self._max_entries:
                self._entries.popitem(last=False)
        return value

    def __len__(self) -> int:
        return len(self._entries)


def same_content(new: object, old: object) -> bool:
    """Whether two callback values (plain data or Dash components) would serialise to the same JSON."""
    if new is old:
        return True
    encode = partial(json.dumps, cls=PlotlyJSONEncoder, sort_keys=True)
    return encode(new) == encode(old)


def only_if_changed(new: object, old: object) -> object:
    """`new`, or no_update when the page already shows the same: the renderer then skips re-rendering it."""
    return no_update if same_content(new, old) else new
