"""Slide and export sizing: the same figure at a given size, with type scaled for projection."""

from __future__ import annotations

import copy

EXPORT_SIZE = (1200, 675)  # 16:9; the modebar and server exports multiply it by `scale`
SLIDE_SIZE = (1920, 1080)


def _grown(font: dict | None, size: int) -> dict:
    return {**(font or {}), "size": size}


def slide_figure(figure: dict) -> dict:
    """A copy of `figure` for a 1920x1080 slide: large title, body and caption type, wider margins."""
    slide = copy.deepcopy(figure)
    layout = slide.setdefault("layout", {})
    layout["font"] = _grown(layout.get("font"), 26)
    layout["title"] = {**layout.get("title", {}), "font": _grown(layout.get("title", {}).get("font"), 44)}
    # A chart's y-axis needs room for its large tick labels and title beside them (a map has no y-axis).
    layout["margin"] = {"l": 130 if "yaxis" in layout else 60, "r": 60, "t": 170, "b": 170}
    # Type doubles, so offsets from the plot area double too (the source line stays below the axis labels).
    layout["annotations"] = [{**a, "font": _grown(a.get("font"), 2 * a.get("font", {}).get("size", 12)),
                              **({"yshift": 2 * a["yshift"]} if "yshift" in a else {})}
                             for a in layout.get("annotations", [])]
    layout.pop("height", None)
    return slide
