import json
from pathlib import Path

import plotly.offline

from dashboard.data.geo import base_map_codes

TOPO = Path(__file__).parents[1] / "assets" / "topojson"


def test_topojson_matches_bundled_plotlyjs():
    assert (TOPO / "VERSION").read_text().strip() == plotly.offline.get_plotlyjs_version()
    countries = json.loads((TOPO / "world_110m.json").read_text())["objects"]["countries"]
    assert len(countries["geometries"]) == 199


def test_countries_table_knows_which_shapes_the_browser_draws(atlas):
    codes = base_map_codes(TOPO / "world_110m.json")
    on_map = set(atlas.countries.loc[atlas.countries["on_base_map"].astype(bool), "iso3"])
    assert on_map == codes & set(atlas.countries["iso3"])
    assert {"KEN", "SRB", "CHN"} <= on_map
    assert "XKX" not in on_map  # Kosovo has no shape of its own at 110m; the page lists it beside the map
