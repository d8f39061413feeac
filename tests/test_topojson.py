import importlib.util
import json
from itertools import accumulate
from pathlib import Path

import plotly.offline

from dashboard.data.geo import base_map_codes

TOPO = Path(__file__).parents[1] / "assets" / "topojson"
_spec = importlib.util.spec_from_file_location("trim_topojson", Path(__file__).parents[1] / "scripts" /
                                               "trim_topojson.py")
trim_topojson = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(trim_topojson)


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


def test_shipped_topojson_holds_only_what_the_map_draws():
    from dashboard.figures.world_map import GEO_LAYOUT

    topology = json.loads((TOPO / "world_110m.json").read_text())
    assert set(topology["objects"]) == {"countries", "land"}
    hidden = ("showcoastlines", "showocean", "showlakes", "showrivers", "showsubunits")
    assert not any(GEO_LAYOUT.get(layer) for layer in hidden)  # a layer switched on would need its object back
    used = set()
    for obj in topology["objects"].values():
        used |= trim_topojson.arc_indices(obj)
    assert used == set(range(len(topology["arcs"])))  # no unused arcs shipped, no dangling index


def test_trim_keeps_objects_renumbers_arcs_and_reversed_indices():
    topology = {"type": "Topology", "bbox": [0, 0, 10, 10], "transform": {"scale": [1, 1], "translate": [0, 0]},
                "arcs": [[[0, 0], [1, 1]], [[5, 5], [1, 0]], [[2, 2], [0, 3]]],
                "objects": {"countries": {"type": "GeometryCollection", "geometries": [
                                {"type": "Polygon", "arcs": [[2, ~2]], "id": "AAA"}]},
                            "land": {"type": "MultiPolygon", "arcs": [[[~2]]]},
                            "rivers": {"type": "LineString", "arcs": [0, 1]}}}
    trimmed = trim_topojson.trim(topology)
    assert set(trimmed["objects"]) == {"countries", "land"}
    assert trimmed["arcs"] == [[[2, 2], [0, 3]]]
    assert trimmed["objects"]["countries"]["geometries"][0]["arcs"] == [[0, ~0]]
    assert trimmed["objects"]["land"]["arcs"] == [[[~0]]]


def test_requantise_keeps_positions_within_one_grid_step_and_shared_end_points_equal():
    topology = {"bbox": [-180, -90, 180, 90], "transform": {"scale": [0.001, 0.001], "translate": [-180, -90]},
                "arcs": [[[1000, 2000], [12345, 5], [1, 1]], [[13346, 2006], [-500, 400]]]}
    coarse = trim_topojson.requantise(topology, grid=1025)

    def points(arc, transform):
        x = y = 0
        out = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            out.append((x * transform["scale"][0] + transform["translate"][0],
                        y * transform["scale"][1] + transform["translate"][1]))
        return out

    step = 360 / 1024
    for old, new in zip(topology["arcs"], coarse["arcs"], strict=True):
        old_points, new_points = points(old, topology["transform"]), points(new, coarse["transform"])
        assert abs(old_points[0][0] - new_points[0][0]) <= step and abs(old_points[-1][1] - new_points[-1][1]) <= step
    assert points(coarse["arcs"][0], coarse["transform"])[-1] == points(coarse["arcs"][1], coarse["transform"])[0]


def absolute_points(arc: list) -> list[list[int]]:
    """A delta-encoded arc as absolute grid points."""
    xs, ys = accumulate(dx for dx, _ in arc), accumulate(dy for _, dy in arc)
    return [[x, y] for x, y in zip(xs, ys, strict=True)]


def test_simplify_keeps_arc_end_points_and_closed_rings():
    wiggly = [[0, 0]] + [[10, 1 if i % 2 else -1] for i in range(20)]  # a straight line with 1-step noise
    ring = [[0, 0], [3, 0], [0, 3], [-3, 0], [0, -3]]  # a closed loop that would simplify to a line
    simple = trim_topojson.simplify({"arcs": [wiggly, ring, [[5, 5], [1, 1]]]}, tolerance=4)
    decoded = [absolute_points(arc) for arc in simple["arcs"]]
    assert decoded[0] == [[0, 0], [200, 0]]  # noise under the tolerance is gone, both end points stay
    assert decoded[1][0] == decoded[1][-1] == [0, 0] and len(decoded[1]) >= 4
    assert decoded[2] == [[5, 5], [6, 6]]


def test_shipped_topojson_is_the_pipeline_output_of_the_full_file():
    full = json.loads((Path(__file__).parents[1] / "benchmarks" / "stock_assets" / "topojson" /
                       "world_110m.json").read_text())
    rebuilt = trim_topojson.simplify(trim_topojson.requantise(trim_topojson.trim(full)))
    assert json.loads(json.dumps(rebuilt)) == json.loads((TOPO / "world_110m.json").read_text())
