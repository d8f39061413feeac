"""Phone layouts carried by the figures (figures/narrow.py), the server-drawn narrow map, and the CSS that sizes it."""

import copy
import re
from pathlib import Path
from xml.etree import ElementTree

import pandas as pd

from dashboard.figures.narrow import (
    CAPTION_CHARS,
    NARROW_MAP_HEIGHT,
    NARROW_MEDIA,
    TITLE_CHARS,
    apply_narrow,
    narrow_title,
)
from dashboard.figures.timeline import LEGEND_ROW, make_timeline
from dashboard.figures.world_map import make_world_map

SVG = "{http://www.w3.org/2000/svg}"
STYLE = Path(__file__).parents[1] / "assets" / "style.css"
LONG = {"title": "Chinese smart-city and safe-city technology records by country",
        "summary": "Safe/smart-city agreements, Huawei Technologies Co. Ltd., Africa, 2014\u20132019 \u2014 "
                   "40 records in 20 countries",
        "source_line": "Source: Safe City Atlas, data as of 2026-11-29; underlying sources: EUISS, US BIS / Federal "
                       "Register, CSIS, Freedom House and the public sources cited per record",
        "url": "http://127.0.0.1:8050/?ds=agreements&co=huawei&r=Africa&y=2014-2019"}
COUNTS = pd.DataFrame({"iso3": ["KEN", "SRB"], "country_name": ["Kenya", "Serbia"], "on_base_map": [True, True],
                       "count": [3, 1]})


def lines(text: str) -> list[str]:
    return text.split("<br>")


def test_narrow_map_wraps_every_text_and_fits_the_phone_height():
    figure = make_world_map(COUNTS, base_map=["KEN", "SRB", "FRA"], **LONG)
    spec = figure["layout"]["meta"]["narrow"]
    assert spec["media"] == NARROW_MEDIA
    narrow = spec["layout"]
    assert len(lines(narrow["title"]["text"])) == 2 and all(len(line) <= TITLE_CHARS
                                                            for line in lines(narrow["title"]["text"]))
    summary, source = narrow["annotations"]
    assert all(len(line) <= CAPTION_CHARS for line in lines(summary["text"]) + lines(source["text"])[:-1])
    assert lines(source["text"])[-1] == LONG["url"]  # the link stays whole, on its own line
    assert narrow["height"] == NARROW_MAP_HEIGHT
    # Room for the texts: 2 title lines (~45 px), 2 summary lines (34 px) above; 5 source lines (72 px) below.
    assert narrow["margin"]["t"] >= 45 + 34 and narrow["margin"]["b"] >= 6 + 5 * 14
    assert NARROW_MAP_HEIGHT - narrow["margin"]["t"] - narrow["margin"]["b"] >= 200  # the map keeps ~half


def test_apply_narrow_merges_the_spec_without_touching_the_wide_figure():
    figure = make_world_map(COUNTS, base_map=["KEN", "SRB", "FRA"], **LONG)
    wide = copy.deepcopy(figure)
    narrow = apply_narrow(figure)
    assert figure == wide  # downloads and slides keep the wide layout
    assert narrow["layout"]["height"] == NARROW_MAP_HEIGHT and figure["layout"]["height"] == 560
    assert narrow["layout"]["geo"] == figure["layout"]["geo"]  # what the spec does not name is kept
    assert narrow["layout"]["template"] is figure["layout"]["template"] or narrow["layout"]["template"] == wide[
        "layout"]["template"]
    bars = [trace["colorbar"] for trace in narrow["data"] if "colorbar" in trace]
    assert bars and all(bar["thickness"] == 10 and bar["title"]["text"] == "Records" for bar in bars)
    assert apply_narrow({"data": [], "layout": {"height": 300}}) == {"data": [], "layout": {"height": 300}}


def test_narrow_overlay_wraps_category_labels_and_halves_the_count_bubbles():
    countries = pd.DataFrame({"iso3": ["KEN", "SRB"], "name": ["Kenya", "Serbia"],
                              "regime_row": ["electoral_democracy", "electoral_autocracy"],
                              "bri_status": ["member", "member"]})
    figure = make_world_map(COUNTS, base_map=["KEN", "SRB", "FRA"], overlay="regime", countries=countries, **LONG)
    _, context, bubbles = figure["data"]
    _, narrow_context, narrow_bubbles = apply_narrow(figure)["data"]
    assert context["colorbar"]["ticktext"][1] == "Electoral autocracy"
    assert narrow_context["colorbar"]["ticktext"][1] == "Electoral<br>autocracy"  # ~70 px instead of ~150
    assert narrow_bubbles["marker"]["size"] == [round(size / 2 + 3) for size in bubbles["marker"]["size"]]
    assert narrow_bubbles["text"] == bubbles["text"] and narrow_bubbles["marker"]["color"] == "#ffffff"


def test_a_short_title_stays_on_one_line_and_keeps_plotlys_drop():
    assert narrow_title("Kenya") == {"text": "Kenya", "font": {"size": 15}, "yref": "container", "y": 1,
                                     "yanchor": "top", "pad": {"t": 10}}
    assert narrow_title(LONG["title"])["pad"] == {"t": 10 + round(0.7 * 15)}  # a wrapped title: the drop as pad


def test_narrow_timeline_puts_the_legend_above_the_plot_and_thins_the_year_labels():
    years = [str(y) for y in range(2002, 2026)] + ["no date"]
    by_year = pd.DataFrame({"agreements": range(25), "courses": range(25), "donations": range(25)}, index=years)
    figure = make_timeline(by_year, **LONG)
    narrow = figure["layout"]["meta"]["narrow"]["layout"]
    assert narrow["legend"]["yanchor"] == "bottom" and narrow["legend"]["y"] == 1  # between summary and plot
    summary = next(a for a in narrow["annotations"] if a.get("name") == "summary")
    assert summary["yshift"] == 4 + 3 * LEGEND_ROW + 6  # the summary sits above the three legend entries
    assert narrow["xaxis"]["tickvals"][-1] == "no date" and len(narrow["xaxis"]["tickvals"]) <= 5
    assert narrow["height"] > figure["layout"]["height"] - 100


def test_narrow_static_map_draws_the_wrapped_title_and_the_slim_colour_bar(tmp_path):
    import json

    from dashboard.data.geo import base_map_codes
    from dashboard.figures.projection import project_shapes
    from dashboard.figures.static_map import static_map_svg

    topojson = Path(__file__).parents[1] / "assets" / "topojson" / "world_110m.json"
    figure = make_world_map(COUNTS, base_map=base_map_codes(topojson), **LONG)
    svg = static_map_svg(apply_narrow(figure), project_shapes(json.loads(topojson.read_text())))
    root = ElementTree.fromstring(svg)
    heading = root.find(f"{SVG}text")
    assert [node.text for node in heading] == lines(figure["layout"]["meta"]["narrow"]["layout"]["title"]["text"])
    assert heading.get("y") == str(10 + round(0.7 * 15))  # the first baseline: where plotly puts a wrapped title's
    bar = next(node for node in root.iter(f"{SVG}rect") if node.get("fill") == "url(#bar)")
    assert bar.get("width") == "10"


def test_style_sizes_the_phone_map_frame_to_the_narrow_figure():
    css = STYLE.read_text()
    rule = re.search(r"@media \(max-width: 700px\) \{ \.map-frame \{ min-height: (\d+)px; \} "
                     r"\.map-placeholder \{ height: (\d+)px; \} \}", css)
    assert NARROW_MEDIA == "(max-width: 700px)" and rule
    assert int(rule.group(1)) == int(rule.group(2)) == NARROW_MAP_HEIGHT
    # The picture sits in a <picture>: the rule that hides it once plotly has drawn must not need a direct child.
    assert ".map-frame:has(.choroplethlocation) .map-placeholder { display: none; }" in css
