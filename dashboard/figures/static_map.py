"""The world map as a small server-drawn SVG, shown in place of the interactive map until plotly.js has drawn it.

plotly.js (0.4 MB compressed) and the Dash renderer take one to two seconds of a phone's main thread before the
choropleth appears; this picture of the same view needs none of it. It uses the figure plotly will draw (same
colour scale, same natural-earth projection and latitude range, same topojson), so the swap is quiet. Country
shapes are projected once per process (`project_shapes`); each view only picks fills (`static_map_svg`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

import numpy as np
from shapely.geometry import Polygon, box
from shapely.geometry.polygon import orient

from dashboard.figures.world_map import BORDER_COLOUR, GEO_LAYOUT, NO_DATA_COLOUR

WIDTH = 1000  # viewBox width; coordinates are whole units of it (a pixel on a 1000 px wide map)
LAND, BORDER = NO_DATA_COLOUR, BORDER_COLOUR  # what plotly draws for the same map
LAT_RANGE = tuple(GEO_LAYOUT["lataxis"]["range"])
SVG_NS, XHTML_NS = "http://www.w3.org/2000/svg", "http://www.w3.org/1999/xhtml"


@dataclass(frozen=True)
class ProjectedShapes:
    """SVG path data per ISO-3 country, the land outline for places without an id, and the viewBox."""

    countries: dict[str, str]
    land: str
    view_box: str


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
    land = "".join(path(g) for g in topology["objects"]["land"]["geometries"]) if "land" in topology["objects"] else ""
    return ProjectedShapes(countries=countries, land=land, view_box=f"0 0 {WIDTH} {height}")


def _hex_or_rgb(colour: str) -> tuple[float, float, float, float]:
    """'#rrggbb', 'rgb(r,g,b)' or 'rgba(r,g,b,a)' as numbers."""
    colour = colour.strip()
    if colour.startswith("#") and len(colour) == 7:
        return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16), 1.0
    inside = colour[colour.index("(") + 1: colour.rindex(")")].split(",")
    numbers = [float(part) for part in inside]
    return numbers[0], numbers[1], numbers[2], numbers[3] if len(numbers) > 3 else 1.0


def colour_at(colorscale: list, fraction: float) -> str:
    """Plotly's colour for a position 0..1 on a colorscale (linear between stops, in RGB)."""
    fraction = min(1.0, max(0.0, fraction))
    stops = [(float(position), _hex_or_rgb(colour)) for position, colour in colorscale]
    for (p0, c0), (p1, c1) in zip(stops, stops[1:], strict=False):
        if fraction <= p1:
            t = 0.0 if p1 == p0 else (fraction - p0) / (p1 - p0)
            r, g, b, a = (c0[i] + t * (c1[i] - c0[i]) for i in range(4))
            break
    else:
        r, g, b, a = stops[-1][1]
    if a < 1:
        return f"rgba({round(r)},{round(g)},{round(b)},{a:g})"
    return f"#{round(r):02x}{round(g):02x}{round(b):02x}"


def _fills(figure: dict) -> tuple[dict[str, str], dict[str, tuple[str, float]]]:
    """Fill colour per country from the figure's choropleth traces, and outlines of transparent ones."""
    fills: dict[str, str] = {}
    outlines: dict[str, tuple[str, float]] = {}
    for trace in figure.get("data", []):
        if trace.get("type") != "choropleth":
            continue
        values = trace.get("z") or []
        low = trace.get("zmin", min(values, default=0))
        high = trace.get("zmax", max(values, default=1))
        span = (high - low) or 1
        for code, value in zip(trace.get("locations", []), values, strict=False):
            colour = colour_at(trace["colorscale"], (value - low) / span)
            if colour.startswith("rgba(") and colour.endswith(",0)"):
                line = trace.get("marker", {}).get("line", {})
                outlines[code] = (line.get("color", "#000000"), float(line.get("width", 1)))
            else:
                fills[code] = colour
    return fills, outlines


# Plotly's layout rules for the parts around the map, as measured on the drawn figure (plotly.js 3): the title's
# baseline sits mid top margin; a colour bar is 14 px wide with 10 px padding, its title (1.2 x the font) takes
# ~25 px of its length, and the bar's box is as wide as its title or its labels.
LINE_HEIGHT = 1.3  # annotation lines, in font sizes
BAR_THICKNESS, BAR_PAD, BAR_TITLE, BAR_TITLE_SCALE = 14, 10, 25, 1.2
BAR_OUTLINE = "#444444"  # plotly's colour-bar outline
CHAR_WIDTH = 0.58  # average glyph width of the UI font, in font sizes ("Records" at 17 px is 68 px wide)


def _plain(text: str) -> list[str]:
    """An annotation's or title's text as escaped lines (plotly's <br> splits lines; other tags dropped)."""
    return [escape(re.sub(r"<[^>]+>", "", line)) for line in re.split(r"<br\s*/?>", str(text))]


def _colour_bar(trace: dict, top: float, plot_height: float, font_size: float) -> tuple[str, int]:
    """A choropleth trace's colour bar drawn as plotly draws it at the right edge; and the width it takes."""
    bar = trace.get("colorbar", {})
    values = trace.get("z") or [0]
    low, high = float(trace.get("zmin", min(values))), float(trace.get("zmax", max(values)))
    length = plot_height * float(bar.get("len", 1))
    bar_top = top + (plot_height - length) / 2 + BAR_PAD
    fill_top, fill_bottom = bar_top + BAR_TITLE, top + (plot_height + length) / 2 - BAR_PAD
    if "tickvals" in bar:
        ticks = list(zip(bar["tickvals"], bar.get("ticktext", bar["tickvals"]), strict=False))
    else:  # plotly's linear ticks: multiples of dtick (from tick0 = 0) inside the scale
        step = float(bar.get("dtick", 1)) or 1.0
        ticks = [(k * step, f"{k * step:g}") for k in range(int(low // step), int(high // step) + 1)
                 if low <= k * step <= high]
    title = str(bar.get("title", {}).get("text", ""))
    title_size = font_size * BAR_TITLE_SCALE
    label_width = max([len(str(text)) for _, text in ticks] + [0]) * font_size * CHAR_WIDTH + 4
    width = round(2 * BAR_PAD + max(len(title) * title_size * CHAR_WIDTH, BAR_THICKNESS + label_width))
    span = (high - low) or 1.0
    stops = "".join(f'<stop offset="{float(position):g}" stop-color="{colour}"/>'
                    for position, colour in trace["colorscale"])

    def y_of(value: float) -> float:
        return fill_bottom - (float(value) - low) / span * (fill_bottom - fill_top)

    labels = "".join(f'<text x="{BAR_THICKNESS + 4}" y="{y_of(value) + font_size * 0.35:.1f}">'
                     f"{escape(str(text))}</text>" for value, text in ticks)
    svg = (f'<defs><linearGradient id="bar" x1="0" y1="1" x2="0" y2="0">{stops}</linearGradient></defs>'
           f'<g transform="translate({BAR_PAD - width} 0)">'
           f'<svg x="100%" width="{width}" height="100%" overflow="visible">'
           f'<text x="0" y="{bar_top + title_size:.1f}" font-size="{title_size:g}">{escape(title)}</text>'
           f'<rect y="{fill_top:.1f}" width="{BAR_THICKNESS}" height="{fill_bottom - fill_top:.1f}" fill="url(#bar)"'
           f' stroke="{BAR_OUTLINE}"/>'
           f"{labels}</svg></g>")
    return svg, width


def _annotation(annotation: dict, top: float, plot_height: float) -> str:
    """A paper-anchored annotation (the summary above the map, the source line below it) as SVG text."""
    lines = _plain(annotation.get("text", ""))
    size = float(annotation.get("font", {}).get("size", 12))
    anchor = top + (1 - float(annotation.get("y", 0))) * plot_height - float(annotation.get("yshift", 0))
    box_top = anchor - len(lines) * size * LINE_HEIGHT if annotation.get("yanchor") == "bottom" else anchor
    colour = annotation.get("font", {}).get("color", "#000000")
    spans = "".join(f'<tspan x="2" dy="{0 if i == 0 else LINE_HEIGHT}em">{line}</tspan>'
                    for i, line in enumerate(lines))
    return f'<text y="{box_top + size * 0.95:.1f}" font-size="{size:g}" fill="{colour}">{spans}</text>'


def _map_drawing(figure: dict, shapes: ProjectedShapes) -> str:
    """The countries in the figure's colours, as an SVG scaled to whatever box holds it."""
    fills, outlines = _fills(figure)
    parts = [f'<svg xmlns="{SVG_NS}" width="100%" height="100%" viewBox="{shapes.view_box}">',
             f'<path fill="{LAND}" d="{shapes.land}"/>' if shapes.land else "",
             f'<g stroke="{BORDER}" stroke-width="0.6" stroke-linejoin="round">']
    by_colour: dict[str, list[str]] = {}
    for code, path_data in shapes.countries.items():
        by_colour.setdefault(fills.get(code, LAND), []).append(path_data)
    parts += [f'<path fill="{colour}" d="{"".join(paths)}"/>' for colour, paths in by_colour.items()]
    parts.append("</g>")
    parts += [f'<path fill="none" stroke="{colour}" stroke-width="{width * 1.2:g}" d="{shapes.countries[code]}"/>'
              for code, (colour, width) in outlines.items() if code in shapes.countries]
    parts.append("</svg>")
    return "".join(parts)


def static_map_svg(figure: dict, shapes: ProjectedShapes, title: str = "") -> str:
    """The whole figure as plotly will draw it (title, summary, map, colour bar, source line), as one SVG.

    It has no fixed size: shown as an <img> the size of the graph, every part keeps plotly's pixel offsets from
    the edges, so the swap to the interactive map moves nothing. The map's box is "the width less the colour bar",
    which SVG cannot express, hence the one HTML box (foreignObject) around the drawing.
    """
    layout = figure.get("layout", {})
    look = layout.get("template", {}).get("layout", {})  # the site template: font, title position, paper colour
    font = look.get("font", {})
    font_size = float(font.get("size", 12))
    height, margin = float(layout.get("height", 450)), layout.get("margin", {})
    top = float(margin.get("t", 80))
    plot_height = height - top - float(margin.get("b", 80))
    scales = [trace for trace in figure.get("data", []) if trace.get("type") == "choropleth"
              and trace.get("showscale", True) is not False and "colorbar" in trace]
    bar, bar_width = _colour_bar(scales[0], top, plot_height, font_size) if scales else ("", 0)
    heading = layout.get("title", {})
    heading_size = float(heading.get("font", look.get("title", {}).get("font", {})).get("size", 17))
    notes = [_annotation(note, top, plot_height) for note in layout.get("annotations", [])
             if note.get("xref") == "paper"]
    heading_x = float(look.get("title", {}).get("x", 0.05)) * 100
    return "".join([
        f'<svg xmlns="{SVG_NS}" width="100%" height="100%" role="img" font-size="{font_size:g}"'
        f' font-family="{escape(font.get("family", "sans-serif"))}" fill="{font.get("color", "#000000")}">',
        f"<title>{escape(title)}</title>" if title else "",
        f'<rect width="100%" height="100%" fill="{look.get("paper_bgcolor", "#ffffff")}"/>',
        f'<text x="{heading_x:g}%" y="{top / 2:g}" font-size="{heading_size:g}">'
        f'{"".join(_plain(heading.get("text", "")))}</text>',
        *notes,
        f'<foreignObject y="{top:g}" width="100%" height="{plot_height:g}"><div xmlns="{XHTML_NS}" '
        f'style="width:calc(100% - {bar_width}px);height:{plot_height:g}px">{_map_drawing(figure, shapes)}</div>'
        "</foreignObject>",
        bar, "</svg>"])
