"""Server-side images with kaleido driving Debian's chromium, offline (the topojson comes from assets/)."""

from __future__ import annotations

import atexit
import threading
import warnings
from pathlib import Path

import plotly.io as pio


class ImageExportUnavailable(RuntimeError):
    """No browser for kaleido on this machine."""


class ImageExporter:
    """One per process: starts kaleido's browser on the first export, then reuses it (about 0.2 s an image)."""

    def __init__(self, topojson_dir: Path) -> None:
        """Remember where the world topojson lives; nothing starts until the first image."""
        self._topojson_uri = topojson_dir.resolve().as_uri() + "/"
        self._lock = threading.Lock()
        self._started = False

    def _start(self) -> None:
        try:
            import kaleido
        except ImportError as exc:  # an install without the export extra still serves pages and data
            raise ImageExportUnavailable("kaleido is not installed") from exc

        pio.defaults.topojson = self._topojson_uri  # otherwise kaleido fetches world_110m.json from a CDN
        try:
            kaleido.start_sync_server(mathjax=False, silence_warnings=True)  # MathJax would be a CDN URL
        except Exception as exc:  # kaleido raises a bare RuntimeError when no browser is found
            raise ImageExportUnavailable(str(exc)) from exc
        atexit.register(kaleido.stop_sync_server, silence_warnings=True)
        self._started = True

    def render(self, figure: dict, fmt: str, width: int, height: int, scale: float) -> bytes:
        """PNG or SVG bytes of a figure dict."""
        with self._lock:
            if not self._started:
                self._start()
            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", message="The kopts argument is ignored")
                return pio.to_image(figure, format=fmt, width=width, height=height, scale=scale)
