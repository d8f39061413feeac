"""Keep only the topojson objects our maps draw (countries, land) and the arcs they use, on a coarser grid.

plotly.js's world_110m also carries coastlines, ocean, lakes, rivers and subunits; our geo layout turns those
layers off. Its coordinates are quantised to a 10^6 x 10^6 grid, finer than a 1:110m map drawn a few thousand
pixels wide can show; a GRID x GRID grid (about 2.5 km at the equator) looks the same and takes half the bytes.
Shared arc end points map to the same grid point, so borders still join. Each arc is then simplified
(Douglas-Peucker, SIMPLIFY_STEPS grid steps, about 0.18 degrees: under a pixel on a 1,920 px slide): plotly
projects every point on each draw and each filter change, and a third fewer points is a third less of that work.
An arc's end points stay, so neighbours still share their border exactly. Run by update_topojson.sh.
    python scripts/trim_topojson.py assets/topojson/world_110m.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
from shapely.geometry import LineString

KEEP = ("countries", "land")
GRID = 16_384
SIMPLIFY_STEPS = 8


def arc_indices(geometry: dict) -> set[int]:
    """Every arc index a geometry uses (negative indices ~i mean arc i reversed)."""
    found: set[int] = set()

    def walk(arcs):
        for item in arcs:
            if isinstance(item, list):
                walk(item)
            else:
                found.add(item if item >= 0 else ~item)

    if geometry.get("type") == "GeometryCollection":
        for child in geometry["geometries"]:
            found |= arc_indices(child)
    elif "arcs" in geometry:
        walk(geometry["arcs"])
    return found


def renumber(arcs, mapping: dict[int, int]):
    """The same nesting with old arc indices replaced by new ones."""
    if isinstance(arcs, list):
        return [renumber(item, mapping) for item in arcs]
    return mapping[arcs] if arcs >= 0 else ~mapping[~arcs]


def trim(topology: dict, keep: tuple[str, ...] = KEEP) -> dict:
    """A topology with only the `keep` objects and the arcs they reference."""
    objects = {name: topology["objects"][name] for name in keep}
    used = sorted(set().union(*(arc_indices(obj) for obj in objects.values())))
    mapping = {old: new for new, old in enumerate(used)}

    def rewrite(geometry: dict) -> dict:
        geometry = dict(geometry)
        if geometry.get("type") == "GeometryCollection":
            geometry["geometries"] = [rewrite(child) for child in geometry["geometries"]]
        elif "arcs" in geometry:
            geometry["arcs"] = renumber(geometry["arcs"], mapping)
        return geometry

    return {**topology, "objects": {name: rewrite(obj) for name, obj in objects.items()},
            "arcs": [topology["arcs"][i] for i in used]}


def requantise(topology: dict, grid: int = GRID) -> dict:
    """The topology on a grid x grid quantisation (delta-encoded arcs; repeated points dropped)."""
    old_x, old_y = topology["transform"]["scale"]
    west, south, east, north = topology["bbox"]
    new_scale = [(east - west) / (grid - 1), (north - south) / (grid - 1)]
    tx, ty = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points, last = [], None
        for dx, dy in arc:
            x, y = x + dx, y + dy
            point = (round((x * old_x + tx - west) / new_scale[0]), round((y * old_y + ty - south) / new_scale[1]))
            if point != last:
                points.append(point)
                last = point
        if len(points) == 1:
            points.append(points[0])  # a collapsed arc still needs two points
        encoded, px, py = [], 0, 0
        for qx, qy in points:
            encoded.append([qx - px, qy - py])
            px, py = qx, qy
        arcs.append(encoded)
    return {**topology, "arcs": arcs, "transform": {"scale": new_scale, "translate": [west, south]}}


def simplify_arc(points: np.ndarray, tolerance: float) -> np.ndarray:
    """An arc's absolute grid points simplified; end points kept, a closed ring keeps at least four points."""
    if len(points) <= 2:
        return points
    simple = np.rint(np.asarray(LineString(points).simplify(tolerance, preserve_topology=False).coords))
    simple = simple.astype(np.int64)
    if len(simple) < 2 or (simple[0] != points[0]).any() or (simple[-1] != points[-1]).any():
        return points
    if (points[0] == points[-1]).all() and len(simple) < 4:  # an island drawn by one arc must stay a polygon
        return points[np.linspace(0, len(points) - 1, 4).astype(int)]
    return simple


def simplify(topology: dict, tolerance: float = SIMPLIFY_STEPS) -> dict:
    """The topology with every (delta-encoded, quantised) arc simplified to `tolerance` grid steps."""
    arcs = []
    for arc in topology["arcs"]:
        points = simplify_arc(np.cumsum(np.asarray(arc, dtype=np.int64), axis=0), tolerance)
        arcs.append(np.vstack([points[:1], np.diff(points, axis=0)]).tolist())
    return {**topology, "arcs": arcs}


if __name__ == "__main__":
    path = Path(sys.argv[1])
    topology = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(simplify(requantise(trim(topology))), separators=(",", ":")), encoding="utf-8")
    print(f"{path}: kept {', '.join(KEEP)}")
