"""Phones: the changes a figure needs on a screen at most 700 px wide, carried in the figure itself.

plotly.js neither wraps a title or an annotation nor shrinks a fixed-height map: at 390 px the map page's title
and source line were cut off and the world was a 270 x 125 px strip inside 560 px of white; the timeline's legend
took half the width. Each figure therefore carries `layout.meta.narrow`: its title and captions wrapped for a
phone, a height that fits the map, the legend above the bars. `assets/atlas.js` applies it as plotly draws on a
screen matching `NARROW_MEDIA`, and the server-drawn map (`/map-narrow.svg`) applies it with `apply_narrow`, so a
phone draws each chart once, at its size. Slides and server-rendered images keep the wide layout; the modebar
camera and the "SVG image" button save what the screen shows.
"""

from __future__ import annotations

import copy

from dashboard.figures.captions import wrapped

NARROW_MEDIA = "(max-width: 700px)"  # the same query as style.css's narrow-screen rules
WIDE_MEDIA = "not all and (max-width: 700px)"  # every other screen
NARROW_MAP_HEIGHT = 400  # style.css sizes the map frame and its server-drawn picture to this on narrow screens
TITLE_SIZE = 15
TITLE_DROP = 0.7  # plotly's drop of a top-anchored title's baseline below its pad, in type sizes
TITLE_CHARS, CAPTION_CHARS = 40, 52  # about 340 px of 15 px title type and of 13 px summary / 11 px source type


def narrow_spec(layout: dict, traces: dict[str, dict] | None = None) -> dict:
    """The `layout.meta.narrow` entry: layout changes, and changes to traces by trace name."""
    return {"media": NARROW_MEDIA, "layout": layout, **({"traces": traces} if traces else {})}


def narrow_title(title: str) -> dict:
    """A wrapped title hung from the top edge, its first baseline ~20 px down.

    By default plotly centres a title in the top margin, whatever its lines. Hung from the top, one line drops
    0.7 em below the pad, but several lines do not (each line is a tspan with its own y), so a wrapped title gets
    that drop as pad instead.
    """
    text = wrapped(title, TITLE_CHARS)
    return {"text": text, "font": {"size": TITLE_SIZE}, "yref": "container", "y": 1, "yanchor": "top",
            "pad": {"t": 10 + (round(TITLE_DROP * TITLE_SIZE) if "<br>" in text else 0)}}


def narrow_margins(heading: dict, captions: list[dict], above_plot: int = 0) -> dict:
    """Top and bottom margins that just hold a wrapped title, the summary above the plot and the source line below.

    Lines are 1.3 x their type (15 px title, 13 px summary, 11 px source line); the title's first baseline is
    ~20 px down and its descenders ~4 px below its last baseline. `above_plot`: pixels between the plot and the
    summary (a legend).
    """
    summary, source = captions
    title_bottom = 25 + 1.3 * TITLE_SIZE * heading["text"].count("<br>")
    summary_lines, source_lines = (caption["text"].count("<br>") + 1 for caption in (summary, source))
    return {"t": round(title_bottom + 12 + 17 * summary_lines + above_plot),
            "b": round(-source["yshift"] + 14.3 * source_lines + 8)}


def _merged(base: dict, changes: dict) -> dict:
    """`base` with `changes` merged in: dicts merge key by key, anything else (lists too) replaces."""
    merged = dict(base)
    for key, value in changes.items():
        both_dicts = isinstance(value, dict) and isinstance(base.get(key), dict)
        merged[key] = _merged(base[key], value) if both_dicts else copy.deepcopy(value)
    return merged


def apply_narrow(figure: dict) -> dict:
    """The figure as a narrow screen draws it (what assets/atlas.js does in the browser); unchanged without a spec."""
    spec = figure.get("layout", {}).get("meta", {}).get("narrow")
    if not spec:
        return figure
    changes = spec.get("traces", {})
    data = [_merged(trace, changes[trace.get("name")]) if trace.get("name") in changes else trace
            for trace in figure.get("data", [])]
    return {**figure, "data": data, "layout": _merged(figure["layout"], spec["layout"])}
