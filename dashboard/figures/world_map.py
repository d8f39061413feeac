"""The world map: records per country as a choropleth, with an optional context overlay."""

from __future__ import annotations

from collections.abc import Collection

import pandas as pd

from dashboard.figures.captions import citation_annotations, wrapped
from dashboard.figures.narrow import CAPTION_CHARS, NARROW_MAP_HEIGHT, narrow_margins, narrow_spec, narrow_title
from dashboard.figures.template import BRI_COLOURS, COUNT_COLOURSCALE, REGIME_COLOURS, TEMPLATE
from dashboard.viewstate import BRI_LABELS, REGIME_LABELS

NO_DATA_COLOUR, BORDER_COLOUR = "#eeeeee", "#ffffff"
# No land or border layers: countries without a colour of their own are one neutral choropleth trace
# (`_background_trace`). plotly re-projects every base layer on each update, and the two layers cost about a
# third of a filter change's redraw; the background trace draws the same picture for less.
GEO_LAYOUT = {
    "fitbounds": False,  # plotly.js 4 defaults to "locations", which zooms to the data (STACK-NOTES 1.5)
    "projection": {"type": "natural earth"},
    "showframe": False, "showcoastlines": False, "showcountries": False, "showland": False, "showocean": False,
    "lataxis": {"range": [-58, 84]}, "bgcolor": "rgba(0,0,0,0)",
}
BORDER = {"color": BORDER_COLOUR, "width": 0.5}


def _background_trace(codes: list[str]) -> dict:
    """Every other country shape of the base map, neutral grey, without hover or clicks."""
    return {"type": "choropleth", "locationmode": "ISO-3", "locations": codes, "z": [0] * len(codes),
            "zmin": 0, "zmax": 1, "colorscale": [[0, NO_DATA_COLOUR], [1, NO_DATA_COLOUR]], "showscale": False,
            "marker": {"line": BORDER}, "hoverinfo": "skip", "name": "no records"}


def _categorical_trace(context: pd.DataFrame, column: str, colours: dict[str, str], labels: dict[str, str],
                       title: str) -> dict:
    """A choropleth colouring every country by a context category (discrete colours, legend by text)."""
    categories = list(colours)
    shown = context.dropna(subset=[column])
    codes = shown[column].map({c: i for i, c in enumerate(categories)})
    # A stepped colour scale: category i fills the band [i/k, (i+1)/k] of the 0..1 scale.
    k = len(categories)
    scale = [step for i, category in enumerate(categories)
             for step in ([i / k, colours[category]], [(i + 1) / k, colours[category]])]
    return {
        "type": "choropleth", "locationmode": "ISO-3", "locations": shown["iso3"].tolist(),
        "z": codes.tolist(), "zmin": -0.5, "zmax": len(categories) - 0.5, "colorscale": scale,
        "customdata": [[name, labels.get(value, value)]
                       for name, value in zip(shown["name"], shown[column], strict=True)],
        "hovertemplate": "%{customdata[0]}<br>" + title + ": %{customdata[1]}<extra></extra>",
        "marker": {"line": BORDER},
        "colorbar": {"title": {"text": title}, "tickvals": list(range(len(categories))),
                     "ticktext": [labels.get(c, c.replace("_", " ")) for c in categories], "len": 0.6},
        "name": title,
    }


def make_world_map(counts: pd.DataFrame, *, base_map: Collection[str], title: str, summary: str, source_line: str,
                   url: str, overlay: str = "none", countries: pd.DataFrame | None = None,
                   selected: str | None = None, count_label: str = "records") -> dict:
    """Figure dict: choropleth of `counts` (iso3, country_name, count), or context colours + count bubbles.

    `base_map` holds the ISO-3 ids of every country shape the map shows (`Site.base_map_codes`): those not coloured
    are drawn grey.
    """
    drawn = counts[counts["on_base_map"].fillna(False).astype(bool)] if len(counts) else counts
    hover = [[name, int(n)] for name, n in zip(drawn["country_name"], drawn["count"], strict=True)]
    if overlay in ("regime", "bri") and countries is not None:
        column, colours, labels, legend = (("regime_row", REGIME_COLOURS, REGIME_LABELS, "Regime (V-Dem)")
                                           if overlay == "regime" else
                                           ("bri_status", BRI_COLOURS, {**BRI_LABELS, "former_member":
                                                                        "Former BRI signatory"}, "BRI MoU"))
        traces = [_categorical_trace(countries, column, colours, labels, legend), {
            "type": "scattergeo", "locationmode": "ISO-3", "locations": drawn["iso3"].tolist(),
            "text": [str(int(n)) for n in drawn["count"]], "mode": "markers+text",
            "textfont": {"size": 11, "color": "#000000"}, "customdata": hover,
            "marker": {"size": [10 + 3 * min(int(n), 15) for n in drawn["count"]], "color": "#ffffff",
                       "opacity": 0.85, "line": {"color": "#000000", "width": 1}},
            "hovertemplate": "%{customdata[0]}<br>%{customdata[1]} " + count_label + "<extra></extra>",
            "name": count_label}]
    else:
        counts_drawn = [int(n) for n in drawn["count"]]
        highest = max(counts_drawn, default=1)
        traces = [{
            "type": "choropleth", "locationmode": "ISO-3", "locations": drawn["iso3"].tolist(),
            "z": counts_drawn, "zmin": 1, "zmax": highest,
            "colorscale": COUNT_COLOURSCALE, "customdata": hover,
            "hovertemplate": "%{customdata[0]}<br>%{customdata[1]} " + count_label + "<extra></extra>",
            "marker": {"line": BORDER},
            "colorbar": {"title": {"text": count_label.capitalize()}, "len": 0.6, "thickness": 14,
                         "tickformat": "d", "dtick": max(1, round(highest / 5))},
            "name": count_label}]
    coloured = set(traces[0]["locations"])
    traces.insert(0, _background_trace([code for code in sorted(base_map) if code not in coloured]))
    if selected:
        traces.append({"type": "choropleth", "locationmode": "ISO-3", "locations": [selected], "z": [0],
                       "colorscale": [[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]], "showscale": False,
                       "marker": {"line": {"color": "#000000", "width": 2}}, "hoverinfo": "skip",
                       "name": "selected"})
    return {
        "data": traces,
        "layout": {
            "template": TEMPLATE, "title": {"text": title}, "geo": GEO_LAYOUT, "dragmode": False,
            "height": 560, "margin": {"l": 0, "r": 0, "t": 80, "b": 60},
            "annotations": citation_annotations(summary, source_line, url),
            "meta": {"kind": "world-map", "overlay": overlay,
                     "narrow": _narrow_map(title, summary, source_line, url, traces)},
        },
    }


def _narrow_map(title: str, summary: str, source_line: str, url: str, traces: list[dict]) -> dict:
    """The map on a phone (figures/narrow.py): wrapped texts and the margins that just hold them.

    Also a slimmer colour bar with wrapped category labels, and count bubbles at about the map's scale (half the
    wide one).
    """
    heading = narrow_title(title)
    annotations = citation_annotations(summary, source_line, url, line_chars=CAPTION_CHARS)
    changes = {}
    for trace in traces:
        if "colorbar" in trace:
            bar = {"thickness": 10, "len": 0.8, "title": {"font": {"size": 12}}, "tickfont": {"size": 11}}
            if "ticktext" in trace["colorbar"]:
                bar["ticktext"] = [wrapped(text, 10) for text in trace["colorbar"]["ticktext"]]
            changes[trace["name"]] = {"colorbar": bar}
        elif trace["type"] == "scattergeo":
            changes[trace["name"]] = {"marker": {"size": [round(size / 2 + 3) for size in trace["marker"]["size"]]},
                                      "textfont": {"size": 9}}
    return narrow_spec({"title": heading, "height": NARROW_MAP_HEIGHT, "annotations": annotations,
                        "margin": narrow_margins(heading, annotations)}, changes)
