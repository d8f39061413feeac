"""The server-drawn map: projection, antimeridian cuts, colours taken from the figure, the /map.svg route."""

import json
import re
from pathlib import Path
from xml.etree import ElementTree

import numpy as np
import pandas as pd
import pytest

from dashboard.data.geo import base_map_codes
from dashboard.figures.projection import natural_earth, project_shapes, split_at_antimeridian
from dashboard.figures.static_map import LAND, colour_at, static_map_svg
from dashboard.figures.template import COUNT_COLOURSCALE
from dashboard.figures.world_map import make_world_map

SVG = "{http://www.w3.org/2000/svg}"
TOPOJSON = Path(__file__).parents[1] / "assets" / "topojson" / "world_110m.json"
COUNTS = pd.DataFrame({"iso3": ["KEN", "SRB", "BRA"], "country_name": ["Kenya", "Serbia", "Brazil"],
                       "on_base_map": [True, True, True], "count": [9, 1, 5]})
CAPTION = {"title": "T", "summary": "S", "source_line": "Source: X", "url": "http://127.0.0.1:8050/",
           "base_map": base_map_codes(TOPOJSON)}


@pytest.fixture(scope="module")
def shapes():
    return project_shapes(json.loads(TOPOJSON.read_text()))


def fills_by_country(svg: str, shapes) -> dict[str, str]:
    """The fill each country's path data got in the SVG."""
    found = {}
    for fill, data in re.findall(r'<path fill="([^"]+)" d="([^"]*)"/>', svg):
        for code, path_data in shapes.countries.items():
            if path_data and path_data in data:
                found[code] = fill
    return found


def test_natural_earth_matches_d3_at_reference_points():
    x, y = natural_earth(np.array([180.0, 0.0, 0.0]), np.array([0.0, 90.0, 0.0]))
    assert x[0] == pytest.approx(np.pi * 0.8707)  # d3.geoNaturalEarth1Raw(pi, 0)[0]
    assert y[1] == pytest.approx(1.4224, abs=1e-3)  # ... (0, pi/2)[1]
    assert x[2] == y[2] == 0


def test_a_ring_across_the_antimeridian_is_cut_into_pieces_on_each_side():
    ring = np.array([[170.0, 60.0], [-170.0, 60.0], [-170.0, 70.0], [170.0, 70.0], [170.0, 60.0]])
    pieces = split_at_antimeridian(ring)
    assert len(pieces) == 2
    spans = sorted((round(float(piece[:, 0].min())), round(float(piece[:, 0].max()))) for piece in pieces)
    assert spans == [(-180, -170), (170, 180)]  # each piece stays on its side; none spans the map
    same_side = np.array([[170.0, 60.0], [175.0, 60.0], [175.0, 70.0], [170.0, 70.0], [170.0, 60.0]])
    assert len(split_at_antimeridian(same_side)) == 1


def test_colour_scale_ends_and_middle():
    assert colour_at(COUNT_COLOURSCALE, 0) == "#b3d3ea" and colour_at(COUNT_COLOURSCALE, 1) == "#08306b"
    assert colour_at(COUNT_COLOURSCALE, 0.5) == "#4f93c8" and colour_at(COUNT_COLOURSCALE, 7) == "#08306b"
    assert colour_at([[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]], 0.3) == "rgba(0,0,0,0)"


def test_svg_fills_countries_as_the_figure_does_and_stands_alone(shapes):
    figure = make_world_map(COUNTS, **(CAPTION | {"title": "Records & more by country"}), selected="KEN")
    svg = static_map_svg(figure, shapes)
    root = ElementTree.fromstring(svg)  # well-formed XML, the figure's title escaped
    assert root.find("{http://www.w3.org/2000/svg}title").text == "Records & more by country"
    fills = fills_by_country(svg, shapes)
    assert fills["KEN"] == "#08306b" and fills["SRB"] == "#b3d3ea" and fills["BRA"] == colour_at(COUNT_COLOURSCALE, 0.5)
    assert fills["FRA"] == LAND and "ATA" not in fills  # no data: land grey; Antarctica is below the map's range
    assert f'fill="none" stroke="#000000" stroke-width="2.4" d="{shapes.countries["KEN"]}"' in svg  # selection
    assert "href" not in svg and set(re.findall(r"url\(([^)]*)\)", svg)) == {"#bar"}  # nothing to fetch
    assert len(svg) < 150_000


def test_svg_draws_the_whole_figure_where_plotly_puts_each_part(shapes):
    """Title, summary, colour bar and source line at plotly's offsets: the swap to plotly's map moves nothing."""
    figure = make_world_map(COUNTS, **(CAPTION | {"title": "Records & more", "summary": "All records, 2019"}))
    svg = static_map_svg(figure, shapes)
    root = ElementTree.fromstring(svg)
    texts = ["".join(node.itertext()) for node in root.iter("{http://www.w3.org/2000/svg}text")]
    assert texts[:2] == ["Records & more", "All records, 2019"]
    source = root.findall(".//{http://www.w3.org/2000/svg}tspan")
    assert [node.text for node in source][-2:] == ["Source: X", "http://127.0.0.1:8050/"]  # the link, on its own line
    # The colour bar: plotly's ticks for counts 1..9 (dtick 2 from 0), its title, the figure's colour scale.
    assert texts[-5:] == ["Records", "2", "4", "6", "8"]
    stops = [(stop.get("offset"), stop.get("stop-color")) for stop in root.iter("{http://www.w3.org/2000/svg}stop")]
    assert stops == [(f"{position:g}", colour) for position, colour in COUNT_COLOURSCALE]
    ticks = {node.text: float(node.get("y")) for node in root.iter("{http://www.w3.org/2000/svg}text")
             if node.text in ("2", "8")}
    # plotly draws z = 1..9 along 207 px from y 406 up (len 0.6 of the 420 px plot, less padding and title)
    assert ticks["2"] == pytest.approx(406 - 207 / 8 + 4.9, abs=0.2)
    assert ticks["8"] == pytest.approx(406 - 207 * 7 / 8 + 4.9, abs=0.2)
    # The map keeps the plot area: 80 px from the top, 420 px tall, the width less the colour bar's 88 px.
    box = root.find("{http://www.w3.org/2000/svg}foreignObject")
    assert (box.get("y"), box.get("height")) == ("80", "420")
    assert box[0].get("style") == "width:calc(100% - 88px);height:420px;display:flex;align-items:center"


def test_svg_of_an_overlay_view_labels_its_categories(shapes):
    countries = pd.DataFrame({"iso3": ["KEN"], "name": ["Kenya"], "regime_row": ["electoral_democracy"],
                              "bri_status": ["member"]})
    svg = static_map_svg(make_world_map(COUNTS, **CAPTION, overlay="bri", countries=countries), shapes)
    texts = ["".join(node.itertext()) for node in ElementTree.fromstring(svg).iter("{http://www.w3.org/2000/svg}text")]
    assert texts[-4:] == ["BRI MoU", "BRI MoU signatory", "Former BRI signatory", "No BRI MoU"]
    width = int(re.search(r"calc\(100% - (\d+)px\)", svg).group(1))
    assert width > 88  # longer labels take more room from the map, as plotly's automargin does


def test_overlay_views_draw_the_count_bubbles_at_plotlys_marker_points(shapes):
    countries = pd.DataFrame({"iso3": ["KEN", "SRB", "BRA"], "name": ["Kenya", "Serbia", "Brazil"],
                              "regime_row": ["electoral_democracy"] * 3, "bri_status": ["member"] * 3})
    figure = make_world_map(COUNTS, **CAPTION, overlay="regime", countries=countries)
    bubbles_trace = figure["data"][-1]
    svg = static_map_svg(figure, shapes)
    bubbles = re.findall(r'<div class="bubble" style="left:([\d.]+)%;top:([\d.]+)%;width:([\d.]+)px;[^"]*">(\d+)</div>',
                         svg)
    assert [text for *_, text in bubbles] == bubbles_trace["text"] == ["9", "1", "5"]
    assert [float(size) for _, _, size, _ in bubbles] == bubbles_trace["marker"]["size"]
    width, height = shapes.size
    left, top, _, _ = bubbles[0]  # Kenya: plotly's marker point, the topojson's centre of the country
    assert (float(left), float(top)) == pytest.approx((shapes.centres["KEN"][0] / width * 100,
                                                      shapes.centres["KEN"][1] / height * 100), abs=0.01)
    assert 55 < float(left) < 62 and 45 < float(top) < 58  # east Africa, just south of the equator
    assert ".bubble{" in svg and "bubble" not in static_map_svg(make_world_map(COUNTS, **CAPTION), shapes)


def test_overlay_views_use_the_category_colours(shapes):
    countries = pd.DataFrame({"iso3": ["KEN", "SRB"], "name": ["Kenya", "Serbia"],
                              "regime_row": ["electoral_democracy", "closed_autocracy"], "bri_status": ["member"] * 2})
    figure = make_world_map(COUNTS, **CAPTION, overlay="regime", countries=countries)
    fills = fills_by_country(static_map_svg(figure, shapes), shapes)
    assert fills["KEN"] == "#56b4e9" and fills["SRB"] == "#d55e00"


class TestRoute:
    def test_map_svg_answers_the_page_query_with_caching(self, client):
        response = client.get("/map.svg?ds=agreements&utm_source=x")
        assert response.status_code == 200 and response.mimetype == "image/svg+xml"
        assert "Content-Security-Policy" in response.headers and response.headers["ETag"]
        assert "public" in response.headers["Cache-Control"]
        again = client.get("/map.svg?ds=agreements", headers={"If-None-Match": response.headers["ETag"]})
        assert again.status_code == 304  # unknown parameters are ignored, as on the page
        assert client.get("/map.svg?ds=courses").data != response.data

    def test_bad_query_gets_the_default_picture(self, client):
        assert client.get("/map.svg?y=abc&ds=<script>").data == client.get("/map.svg").data

    def test_the_map_page_shows_the_picture_of_its_own_view_and_preloads_it(self, client):
        index = client.get("/?ds=donations&r=Africa&utm_source=x").get_data(as_text=True)
        # Each screen preloads the picture it shows: phones the narrow one (figures/narrow.py), others the wide one.
        assert ('<link rel="preload" href="/map.svg?ds=donations&amp;r=Africa" as="image"'
                ' media="not all and (max-width: 700px)">') in index
        assert ('<link rel="preload" href="/map-narrow.svg?ds=donations&amp;r=Africa" as="image"'
                ' media="(max-width: 700px)">') in index
        entry = index[index.index('<div id="react-entry-point">'):]
        assert entry.index('class="page boot-shell"') < entry.index('src="/map.svg?ds=donations&amp;r=Africa"')
        assert ('<source srcset="/map-narrow.svg?ds=donations&amp;r=Africa" media="(max-width: 700px)">'
                '<img src="/map.svg?ds=donations&amp;r=Africa"') in entry
        assert "boot-shell" not in client.get("/timeline").get_data(as_text=True)  # only the map page has one
        for not_a_map in ("/?view=table", "/?ds=entity_list&r=Africa"):  # the table, and a view with no records
            index = client.get(not_a_map).get_data(as_text=True)
            assert "boot-shell" not in index and "map.svg" not in index
        layout = client.get("/_dash-layout", headers={"Referer": "http://localhost/?ds=donations&r=Africa"})
        layout_json = json.dumps(layout.get_json())
        assert '"src": "/map.svg?ds=donations&r=Africa"' in layout_json
        assert '"srcSet": "/map-narrow.svg?ds=donations&r=Africa"' in layout_json
        assert '"media": "(max-width: 700px)"' in layout_json

    def test_narrow_picture_is_the_phone_layout_of_the_same_view(self, client):
        wide, narrow = (client.get(f"/map{kind}.svg") for kind in ("", "-narrow"))
        assert narrow.status_code == 200 and narrow.mimetype == "image/svg+xml" and narrow.headers["ETag"]
        assert narrow.headers["ETag"] != wide.headers["ETag"]
        titles = [ElementTree.fromstring(response.data).find(f"{SVG}text") for response in (wide, narrow)]
        assert len(titles[0]) == 1 and len(titles[1]) == 2  # the default view's long title, wrapped for a phone
        assert " ".join(node.text for node in titles[1]) == titles[0][0].text
        assert client.get("/map-narrow.svg?ds=courses").data != narrow.data  # the picture of the page's view
