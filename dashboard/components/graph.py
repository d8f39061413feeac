"""Every dcc.Graph is built here, so the local topojson and the export settings are never forgotten."""

from __future__ import annotations

import re

from dash import dcc, get_asset_url, html


def export_filename(*parts: str) -> str:
    """A file name that encodes the view, e.g. safe-city-atlas_map_huawei_2014-2019_africa."""
    slug = "_".join(p for p in (re.sub(r"[^a-z0-9-]+", "-", part.lower()).strip("-") for part in parts) if p)
    return ("safe-city-atlas_" + slug)[:120]


def default_graph_config(filename: str = "safe-city-atlas", **overrides) -> dict:
    """Modebar and map settings shared by every graph (call at layout time, inside the app)."""
    return {
        "topojsonURL": get_asset_url("topojson/"),  # plotly.js would fetch world_110m.json from a CDN
        "showSendToCloud": False, "displaylogo": False, "responsive": True,
        "modeBarButtonsToRemove": ["select2d", "lasso2d"],
        "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 3},
    } | overrides


def graph(component_id: str, figure: dict, *, filename: str = "safe-city-atlas", label: str = "",
          **kwargs) -> html.Div:
    """A dcc.Graph with the shared config, in a figure region that screen readers announce as `label`."""
    return html.Div(dcc.Graph(id=component_id, figure=figure, config=default_graph_config(filename),
                              className="atlas-graph", **kwargs), role="figure", **{"aria-label": label})
