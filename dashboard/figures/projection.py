"""Country shapes of the plotly map's topojson, projected once per process for the server-drawn map.

The same natural-earth projection and latitude range as plotly.js (d3-geo), so that the picture and the
interactive map line up; the antimeridian cut is what d3-geo does in the browser.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from shapely.geometry import Polygon, box
from shapely.geometry.polygon import orient

from dashboard.figures.world_map import GEO_LAYOUT

WIDTH = 1000  # viewBox width; coordinates are whole units of it (a pixel on a 1000 px wide map)
LAT_RANGE = tuple(GEO_LAYOUT["lataxis"]["range"])


@dataclass(frozen=True)
class ProjectedShapes:
    """SVG path data per ISO-3 country, the land outline for places without an id, and the viewBox.

    `centres`: where plotly puts a marker for each country (the topojson's `ct` point), in viewBox units.
    """

    countries: dict[str, str]
    land: str
    view_box: str
    centres: dict[str, tuple[float, float]]

    @property
    def size(self) -> tuple[int, int]:
        """The viewBox's width and height."""
        _, _, width, height = (int(part) for part in self.view_box.split())
        return width, height


def natural_earth(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The Natural Earth projection (Šavrič et al. 2011) as d3-geo's geoNaturalEarth1 and plotly.js use it."""
    lam, phi = np.radians(lon), np.radians(lat)
    phi2 = phi * phi
    phi4 = phi2 * phi2
    x = lam * (0.8707 - 0.131979 * phi2 + phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4)))
    y = phi * (1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4)))
    return x, y


def _arcs_lonlat(topology: dict) -> list[np.ndarray]:
    """Every arc as an (n, 2) array of longitude, latitude (topojson arcs are quantised and delta-encoded)."""
    scale = np.asarray(topology["transform"]["scale"], dtype=float)
    translate = np.asarray(topology["transform"]["translate"], dtype=float)
    return [np.cumsum(np.asarray(arc, dtype=float), axis=0) * scale + translate for arc in topology["arcs"]]


def _ring(indices: list[int], arcs: list[np.ndarray]) -> np.ndarray:
    """One closed ring from its arcs (~i is arc i reversed); each arc starts where the last one ended."""
    parts = [arcs[i] if i >= 0 else arcs[~i][::-1] for i in indices]
    return np.vstack([parts[0], *(part[1:] for part in parts[1:])])


def _signed_area(ring: np.ndarray) -> float:
    x, y = ring[:, 0], ring[:, 1]
    return float(np.dot(x[:-1], y[1:]) - np.dot(x[1:], y[:-1])) / 2


def split_at_antimeridian(ring: np.ndarray) -> list[np.ndarray]:
    """A lon/lat ring that jumps across ±180° (Russia, Fiji) cut into pieces that each stay on one side.

    d3-geo clips such rings in the browser; a straight projection would draw a band across the whole map.
    """
    steps = np.diff(ring[:, 0])
    jumps = np.abs(steps) > 180
    if not jumps.any():
        return [ring]
    shift = np.concatenate([[0.0], np.cumsum(np.where(jumps, -np.sign(steps) * 360.0, 0.0))])
    unwrapped = Polygon(np.column_stack([ring[:, 0] + shift, ring[:, 1]])).buffer(0)
    sign = 1.0 if _signed_area(ring) >= 0 else -1.0  # keep the ring's winding: holes stay holes
    pieces = []
    for offset in (-360.0, 0.0, 360.0):
        part = unwrapped.intersection(box(-180 - offset, -90, 180 - offset, 90))
        for piece in getattr(part, "geoms", [part]):
            if isinstance(piece, Polygon) and not piece.is_empty:
                pieces.append(np.asarray(orient(piece, sign).exterior.coords) + [offset, 0.0])
    return pieces


def _polygons(geometry: dict) -> list[list[list[int]]]:
    """A Polygon's or MultiPolygon's rings as lists of arc indices."""
    if geometry.get("type") == "Polygon":
        return [geometry["arcs"]]
    if geometry.get("type") == "MultiPolygon":
        return geometry["arcs"]
    return []


def _subpath(lonlat: np.ndarray, left: float, top: float, factor: float) -> str:
    """One projected ring as SVG path data in whole viewBox units, relative steps after the first point."""
    x, y = natural_earth(lonlat[:, 0], lonlat[:, 1])
    points = np.rint(np.column_stack([(x - left) * factor, (top - y) * factor])).astype(int)
    keep = np.ones(len(points), dtype=bool)
    keep[1:] = (np.diff(points, axis=0) != 0).any(axis=1)  # whole-unit repeats add nothing
    points = points[keep]
    if len(points) < 3:
        return ""
    steps = np.diff(points, axis=0)
    return f"M{points[0][0]} {points[0][1]}l" + " ".join(f"{dx} {dy}" for dx, dy in steps) + "z"


def project_shapes(topology: dict, lat_range: tuple[float, float] = LAT_RANGE) -> ProjectedShapes:
    """Project the topology's countries and land into a viewBox that frames longitudes ±180 and `lat_range`."""
    arcs = _arcs_lonlat(topology)
    left, _ = natural_earth(np.array([-180.0]), np.array([0.0]))
    _, top = natural_earth(np.array([0.0]), np.array([float(lat_range[1])]))
    _, bottom = natural_earth(np.array([0.0]), np.array([float(lat_range[0])]))
    factor = WIDTH / (2 * -left[0])
    height = round(float(top[0] - bottom[0]) * factor)

    def path(geometry: dict) -> str:
        commands = []
        for polygon in _polygons(geometry):
            for ring_indices in polygon:
                ring = _ring(ring_indices, arcs)
                if ring[:, 1].max() < lat_range[0]:
                    continue  # Antarctica: below the latitudes the map shows (plotly clips it too)
                for lonlat in split_at_antimeridian(ring):
                    commands.append(_subpath(lonlat, left[0], top[0], factor))
        return "".join(commands)

    geometries = topology["objects"]["countries"]["geometries"]
    countries = {g["id"]: path(g) for g in geometries if g.get("id")}
    with_centre = [g for g in geometries if g.get("id") and "ct" in g.get("properties", {})]
    lon, lat = (np.array([float(g["properties"]["ct"][i]) for g in with_centre]) for i in (0, 1))
    x, y = natural_earth(lon, lat)
    centres = {g["id"]: (round(float(cx), 1), round(float(cy), 1))
               for g, cx, cy in zip(with_centre, (x - left[0]) * factor, (top[0] - y) * factor, strict=True)}
    land = "".join(path(g) for g in topology["objects"]["land"]["geometries"]) if "land" in topology["objects"] else ""
    return ProjectedShapes(countries=countries, land=land, view_box=f"0 0 {WIDTH} {height}", centres=centres)
