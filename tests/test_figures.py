import pandas as pd

from dashboard.figures.timeline import make_timeline
from dashboard.figures.world_map import make_world_map

COUNTS = pd.DataFrame({"iso3": ["KEN", "SRB", "SGP"], "country_name": ["Kenya", "Serbia", "Singapore"],
                       "on_base_map": [True, True, False], "count": [3, 1, 2]})
COUNTRIES = pd.DataFrame({"iso3": ["KEN", "SRB"], "name": ["Kenya", "Serbia"],
                          "regime_row": ["electoral_democracy", "electoral_autocracy"],
                          "bri_status": ["member", "member"]})
CAPTION = {"title": "T", "summary": "All records \u2014 6 records in 3 countries", "source_line": "Source: X",
           "url": "http://127.0.0.1:8050/?ds=agreements"}
MAP = {**CAPTION, "base_map": ["KEN", "SRB", "FRA", "CHN"]}


def annotation_texts(figure):
    return " ".join(a["text"] for a in figure["layout"]["annotations"])


class TestWorldMap:
    def test_choropleth_by_iso3_without_geometry(self):
        figure = make_world_map(COUNTS, **MAP)
        background, trace = figure["data"]
        assert trace["type"] == "choropleth" and trace["locationmode"] == "ISO-3"
        assert trace["locations"] == ["KEN", "SRB"] and trace["z"] == [3, 1]  # SGP has no shape at 110m
        assert "geojson" not in trace and "geojson" not in background
        assert figure["layout"]["geo"]["fitbounds"] is False

    def test_other_countries_are_one_grey_trace_instead_of_plotlys_land_and_border_layers(self):
        figure = make_world_map(COUNTS, **MAP)
        background = figure["data"][0]
        assert background["locations"] == ["CHN", "FRA"] and background["hoverinfo"] == "skip"
        assert {stop[1] for stop in background["colorscale"]} == {"#eeeeee"} and background["showscale"] is False
        geo = figure["layout"]["geo"]
        assert geo["showland"] is False and geo["showcountries"] is False

    def test_screenshot_cites_itself(self):
        figure = make_world_map(COUNTS, **MAP)
        text = annotation_texts(figure)
        assert figure["layout"]["title"]["text"] == "T"
        assert CAPTION["summary"] in text and "Source: X" in text and CAPTION["url"] in text

    def test_overlay_colours_context_and_keeps_counts_as_text(self):
        figure = make_world_map(COUNTS, overlay="regime", countries=COUNTRIES, **MAP)
        background, context, bubbles = figure["data"]
        assert context["locations"] == ["KEN", "SRB"] and bubbles["text"] == ["3", "1"]
        assert background["locations"] == ["CHN", "FRA"]  # no context value: grey, like a country without records

    def test_selected_country_is_outlined(self):
        figure = make_world_map(COUNTS, selected="KEN", **MAP)
        assert figure["data"][-1]["locations"] == ["KEN"] and figure["data"][-1]["marker"]["line"]["width"] == 2

    def test_figure_is_small_enough_to_send_on_every_filter_change(self):
        import json

        assert len(json.dumps(make_world_map(COUNTS, **MAP))) < 5_000


def test_timeline_stacks_datasets_with_patterns_and_marks_listings():
    by_year = pd.DataFrame({"agreements": [1, 2, 0], "donations": [0, 0, 4]}, index=["2018", "2019", "no date"])
    figure = make_timeline(by_year, listings=[("2019-05-16", "Huawei listed")], **CAPTION)
    assert figure["layout"]["yaxis"]["dtick"] == 1  # whole records, not 0.5 steps, on a short axis
    assert "dtick" not in make_timeline(by_year * 10, **CAPTION)["layout"]["yaxis"]  # plotly's own whole steps
    assert figure["layout"]["barmode"] == "stack"
    assert [t["y"] for t in figure["data"]] == [[1, 2, 0], [0, 0, 4]]
    assert figure["data"][1]["marker"]["pattern"]["shape"]  # never colour alone
    assert len(figure["layout"]["shapes"]) == 1 and "Huawei listed" in annotation_texts(figure)


def test_slide_keeps_the_source_line_and_the_y_axis_title_clear_of_larger_type():
    from dashboard.figures.slides import slide_figure

    by_year = pd.DataFrame({"agreements": [3, 9]}, index=["2018", "2019"])
    chart = make_timeline(by_year, **CAPTION)
    slide = slide_figure(chart)["layout"]
    source = next(a for a in slide["annotations"] if a.get("name") == "source")
    original = next(a for a in chart["layout"]["annotations"] if a.get("name") == "source")
    assert source["yshift"] == 2 * original["yshift"] and source["font"]["size"] == 2 * original["font"]["size"]
    assert slide["margin"]["l"] >= 120  # 26 px tick labels plus the axis title
    assert slide_figure(make_world_map(COUNTS, **MAP))["layout"]["margin"]["l"] == 60  # a map has no y-axis
