"""The map figure as a server-drawn SVG, shown in place of the interactive map until plotly.js has drawn it.

plotly.js (0.4 MB compressed) and the Dash renderer take one to two seconds of a phone's main thread before the
choropleth appears; this picture of the same view needs none of it. It draws the figure plotly will draw (title,
summary, colour scale and source line at plotly's offsets; the shapes from `projection.py`, projected once per
process), so the swap is quiet; each view only picks fills and texts (`static_map_svg`). The count bubbles of
the overlay views (a scattergeo trace) are HTML circles at plotly's marker points and pixel sizes.
"""

from __future__ import annotations

import re
from html import escape

from dashboard.figures.narrow import TITLE_DROP
from dashboard.figures.projection import ProjectedShapes
from dashboard.figures.world_map import BORDER_COLOUR, NO_DATA_COLOUR

LAND, BORDER = NO_DATA_COLOUR, BORDER_COLOUR  # what plotly draws for the same map
SVG_NS, XHTML_NS = "http://www.w3.org/2000/svg", "http://www.w3.org/1999/xhtml"


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


def _z_range(trace: dict) -> tuple[float, float]:
    """The values a choropleth's colour scale spans: its zmin and zmax, else the range of its z."""
    values = trace.get("z") or []
    return float(trace.get("zmin", min(values, default=0))), float(trace.get("zmax", max(values, default=1)))


def _fills(figure: dict) -> tuple[dict[str, str], dict[str, tuple[str, float]]]:
    """Fill colour per country from the figure's choropleth traces, and outlines of transparent ones."""
    fills: dict[str, str] = {}
    outlines: dict[str, tuple[str, float]] = {}
    for trace in figure.get("data", []):
        if trace.get("type") != "choropleth":
            continue
        low, high = _z_range(trace)
        span = (high - low) or 1
        for code, value in zip(trace.get("locations", []), trace.get("z") or [], strict=False):
            colour = colour_at(trace["colorscale"], (value - low) / span)
            if colour.startswith("rgba(") and colour.endswith(",0)"):
                line = trace.get("marker", {}).get("line", {})
                outlines[code] = (line.get("color", "#000000"), float(line.get("width", 1)))
            else:
                fills[code] = colour
    return fills, outlines


# Plotly's layout rules for the parts around the map, as measured on the drawn figure (plotly.js 3): the title's
# baseline sits mid top margin (a title hung from the top edge: see figures/narrow.py); a colour bar is as thick
# as its trace sets (plotly's default: 30 px), with 10 px padding; its title (1.2 x the font unless set) takes
# ~1.5 title sizes of its length, and the bar's box is as wide as its title or its labels.
LINE_HEIGHT = 1.3  # annotation and title lines, in font sizes
BAR_THICKNESS, BAR_PAD, BAR_TITLE, BAR_TITLE_SCALE = 30, 10, 25 / 16.8, 1.2
BAR_OUTLINE = "#444444"  # plotly's colour-bar outline
CHAR_WIDTH = 0.58  # average glyph width of the UI font, in font sizes ("Records" at 17 px is 68 px wide)


def _plain(text: str) -> list[str]:
    """An annotation's or title's text as escaped lines (plotly's <br> splits lines; other tags dropped)."""
    return [escape(re.sub(r"<[^>]+>", "", line)) for line in re.split(r"<br\s*/?>", str(text))]


def _tspans(lines: list[str], x: str) -> str:
    """Escaped lines as SVG tspans, each LINE_HEIGHT below the last (plotly's <br> line spacing)."""
    return "".join(f'<tspan x="{x}" dy="{0 if i == 0 else LINE_HEIGHT}em">{line}</tspan>'
                   for i, line in enumerate(lines))


def _colour_bar(trace: dict, top: float, plot_height: float, font_size: float) -> tuple[str, int]:
    """A choropleth trace's colour bar drawn as plotly draws it at the right edge; and the width it takes."""
    bar = trace.get("colorbar", {})
    low, high = _z_range(trace)
    length = plot_height * float(bar.get("len", 1))
    bar_top = top + (plot_height - length) / 2 + BAR_PAD
    if "tickvals" in bar:
        ticks = list(zip(bar["tickvals"], bar.get("ticktext", bar["tickvals"]), strict=False))
    else:  # plotly's linear ticks: multiples of dtick (from tick0 = 0) inside the scale
        step = float(bar.get("dtick", 1)) or 1.0
        ticks = [(k * step, f"{k * step:g}") for k in range(int(low // step), int(high // step) + 1)
                 if low <= k * step <= high]
    title = str(bar.get("title", {}).get("text", ""))
    title_size = float(bar.get("title", {}).get("font", {}).get("size", font_size * BAR_TITLE_SCALE))
    thickness = float(bar.get("thickness", BAR_THICKNESS))
    tick_size = float(bar.get("tickfont", {}).get("size", font_size))
    labels = [(value, _plain(text)) for value, text in ticks]  # a label may have several lines (figures/narrow.py)
    label_width = max([len(line) for _, lines in labels for line in lines] + [0]) * tick_size * CHAR_WIDTH + 4
    width = round(2 * BAR_PAD + max(len(title) * title_size * CHAR_WIDTH, thickness + label_width))
    fill_top, fill_bottom = bar_top + BAR_TITLE * title_size, top + (plot_height + length) / 2 - BAR_PAD
    span = (high - low) or 1.0
    stops = "".join(f'<stop offset="{float(position):g}" stop-color="{colour}"/>'
                    for position, colour in trace["colorscale"])

    def y_of(value: float) -> float:
        return fill_bottom - (float(value) - low) / span * (fill_bottom - fill_top)

    def label(value: float, lines: list[str]) -> str:  # plotly centres a label's lines on its tick
        first = y_of(value) + tick_size * (0.35 - LINE_HEIGHT * (len(lines) - 1) / 2)
        size = f' font-size="{tick_size:g}"' if tick_size != font_size else ""
        return f'<text y="{first:.1f}"{size}>{_tspans(lines, f"{thickness + 4:g}")}</text>' if len(lines) > 1 else (
            f'<text x="{thickness + 4:g}" y="{first:.1f}"{size}>{lines[0]}</text>')

    tick_labels = "".join(label(value, lines) for value, lines in labels)
    svg = (f'<defs><linearGradient id="bar" x1="0" y1="1" x2="0" y2="0">{stops}</linearGradient></defs>'
           f'<g transform="translate({BAR_PAD - width} 0)">'
           f'<svg x="100%" width="{width}" height="100%" overflow="visible">'
           f'<text x="0" y="{bar_top + title_size:.1f}" font-size="{title_size:g}">{escape(title)}</text>'
           f'<rect y="{fill_top:.1f}" width="{thickness:g}" height="{fill_bottom - fill_top:.1f}" fill="url(#bar)"'
           f' stroke="{BAR_OUTLINE}"/>'
           f"{tick_labels}</svg></g>")
    return svg, width


def _annotation(annotation: dict, top: float, plot_height: float) -> str:
    """A paper-anchored annotation (the summary above the map, the source line below it) as SVG text."""
    lines = _plain(annotation.get("text", ""))
    size = float(annotation.get("font", {}).get("size", 12))
    anchor = top + (1 - float(annotation.get("y", 0))) * plot_height - float(annotation.get("yshift", 0))
    box_top = anchor - len(lines) * size * LINE_HEIGHT if annotation.get("yanchor") == "bottom" else anchor
    colour = annotation.get("font", {}).get("color", "#000000")
    return f'<text y="{box_top + size * 0.95:.1f}" font-size="{size:g}" fill="{colour}">{_tspans(lines, "2")}</text>'


def _bubbles(figure: dict, shapes: ProjectedShapes) -> str:
    """The count bubbles of an overlay view (scattergeo markers with text) as HTML circles on the map's box.

    Positions are shares of the map's box, sizes plotly's pixels: the box has the map's own aspect, so a share
    of it is a point on the map at any width.
    """
    width, height = shapes.size
    parts = []
    for trace in figure.get("data", []):
        if trace.get("type") != "scattergeo":
            continue
        marker = trace.get("marker", {})
        sizes = marker.get("size", 6)
        font = trace.get("textfont", {}).get("size", 12)
        texts = trace.get("text") or []
        for i, code in enumerate(trace.get("locations", [])):
            if code not in shapes.centres:
                continue
            x, y = shapes.centres[code]
            size = float(sizes[i] if isinstance(sizes, list) else sizes)
            text = escape(str(texts[i])) if i < len(texts) else ""
            parts.append(f'<div class="bubble" style="left:{x / width * 100:.2f}%;top:{y / height * 100:.2f}%;'
                         f'width:{size:g}px;height:{size:g}px;margin:{-size / 2:g}px;line-height:{size:g}px;'
                         f'font-size:{font:g}px">{text}</div>')
    return "".join(parts)


# The bubbles: plotly's white markers at 0.85 opacity with a 1 px black outline, their count in black on top.
BUBBLE_STYLE = (".bubble{position:absolute;box-sizing:border-box;border-radius:50%;text-align:center;"
                "background:rgba(255,255,255,0.85);border:1px solid rgba(0,0,0,0.85);color:#000}")


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


def static_map_svg(figure: dict, shapes: ProjectedShapes) -> str:
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
    lines = _plain(heading.get("text", ""))
    if heading.get("yanchor") == "top":  # hung from the top edge (figures/narrow.py): one line drops 0.7 em
        heading_y = float(heading.get("pad", {}).get("t", 0)) + (heading_size * TITLE_DROP if len(lines) == 1 else 0)
    else:
        heading_y = top / 2
    map_width, map_height = shapes.size
    bubbles = _bubbles(figure, shapes)
    heading_lines = _tspans(lines, f"{heading_x:g}%")
    return "".join([
        f'<svg xmlns="{SVG_NS}" width="100%" height="100%" role="img" font-size="{font_size:g}"'
        f' font-family="{escape(font.get("family", "sans-serif"))}" fill="{font.get("color", "#000000")}">',
        f"<title>{' '.join(lines)}</title>" if any(lines) else "",  # what an <img> of it is called
        f"<style>{BUBBLE_STYLE}</style>" if bubbles else "",
        f'<rect width="100%" height="100%" fill="{look.get("paper_bgcolor", "#ffffff")}"/>',
        f'<text y="{heading_y:g}" font-size="{heading_size:g}">{heading_lines}</text>',
        *notes,
        f'<foreignObject y="{top:g}" width="100%" height="{plot_height:g}"><div xmlns="{XHTML_NS}" '
        f'style="width:calc(100% - {bar_width}px);height:{plot_height:g}px;display:flex;align-items:center">'
        # The map's own box, as plotly fits it: the full width, or the full height where that is narrower.
        f'<div style="position:relative;margin:auto;width:min(100%,{plot_height * map_width / map_height:.1f}px);'
        f'aspect-ratio:{map_width}/{map_height}">{_map_drawing(figure, shapes)}{bubbles}</div></div>'
        "</foreignObject>",
        bar, "</svg>"])
