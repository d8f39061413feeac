"""Country shapes the browser draws: which ISO-3 codes plotly's world_110m base map knows."""

from __future__ import annotations

import json
from pathlib import Path


def base_map_codes(topojson_path: Path) -> frozenset[str]:
    """ISO-3 ids of the countries in the committed topojson (its `countries` object)."""
    topology = json.loads(topojson_path.read_text())
    return frozenset(g["id"] for g in topology["objects"]["countries"]["geometries"] if g.get("id"))
