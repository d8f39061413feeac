"""Pages through the Flask test client, and callbacks called the way a client would (any JSON)."""

import json

import dash
import pytest

DASH_ROUTES = ["/_dash-layout", "/_dash-dependencies"]


def test_health_reports_data_version(client, atlas):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "data_version": atlas.version,
                                   "data_last_updated": atlas.last_updated}


@pytest.mark.parametrize("path", ["/", "/?y=abc&utm_source=x", *DASH_ROUTES])
def test_routes_answer(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert b"Traceback" not in response.data


def test_every_registered_page_renders_its_layout(client, dash_app):
    for page in dash.page_registry.values():
        with dash_app.server.test_request_context(page["path"]):
            layout = page["layout"](**{"y": "abc", "unknown": "1"})
        assert layout is not None, page["module"]


def test_every_callback_input_and_output_exists_in_a_layout(client, dash_app):
    client.get("/")  # first request finishes Dash's setup (validation layout)
    known = set()

    def walk(component):
        if isinstance(component, list | tuple):
            for child in component:
                walk(child)
        elif hasattr(component, "to_plotly_json"):
            if getattr(component, "id", None):
                known.add(component.id)
            walk(getattr(component, "children", None))

    walk(dash_app.validation_layout)
    dependencies = client.get("/_dash-dependencies").get_json()
    ids = set()
    for dependency in dependencies:
        for item in dependency["inputs"] + dependency["state"]:
            ids.add(item["id"])
        for output in dependency["output"].strip(".").split("..."):
            ids.add(output.rsplit(".", 1)[0].lstrip("."))
    assert ids - known <= {"_pages_location", "_pages_content", "_pages_store", "_pages_dummy"}


def home_update_body(search="", **values):
    """A /_dash-update-component body for the map page's main callback (`search`: the page's query string)."""
    defaults = {"home-datasets": [], "home-companies": [], "home-years": [2000, 2030], "home-regions": [],
                "home-regimes": [], "home-bri": "", "home-tags": [], "home-confidences": [], "home-view": "map",
                "home-overlay": "none", "home-country": None} | values
    outputs = ["home-map.figure", "home-summary.children", "home-search.data", "home-panel.children",
               "home-table-wrap.children", "home-map-wrap.hidden", "home-table-wrap.hidden", "home-empty.children",
               "home-off-map.children", "home-export-name.data"]
    return {"output": ".." + "...".join(outputs) + "..", "changedPropIds": ["home-datasets.value"],
            "outputs": [dict(zip(("id", "property"), o.split("."), strict=True)) for o in outputs],
            "inputs": [{"id": k, "property": "value", "value": v} for k, v in defaults.items()],
            "state": [{"id": "home-search", "property": "data", "value": search}]}


class TestHomeCallback:
    def post(self, client, body):
        client.get("/")
        return client.post("/_dash-update-component", data=json.dumps(body), content_type="application/json")

    def test_filter_response_carries_counts_not_geometry(self, client):
        response = self.post(client, home_update_body(**{"home-datasets": ["agreements"]}))
        assert response.status_code == 200
        figure = response.get_json()["response"]["home-map"]["figure"]
        assert figure["data"][0]["type"] == "choropleth" and "geojson" not in figure["data"][0]
        assert len(response.data) < 30_000
        assert response.get_json()["response"]["home-search"]["data"] == "?ds=agreements"

    def test_every_visible_country_is_drawn_once_and_antarctica_not_at_all(self, client):
        from dashboard.data.geo import base_map_codes
        from tests.test_topojson import TOPO

        figure = self.post(client, home_update_body(**{"home-datasets": ["agreements"]})).get_json()[
            "response"]["home-map"]["figure"]
        background, counts = figure["data"][:2]
        assert background["name"] == "no records" and not set(background["locations"]) & set(counts["locations"])
        drawn = set(background["locations"]) | set(counts["locations"])
        assert drawn == base_map_codes(TOPO / "world_110m.json") - {"ATA"}  # below the map's latitude range

    def test_table_view_keeps_its_sort_and_goes_back_to_page_one(self, client):
        body = home_update_body(search="?ds=courses&sort=-year&page=3", **{"home-view": "table"})
        response = self.post(client, body).get_json()["response"]
        assert response["home-search"]["data"] == "?view=table&sort=-year"
        table = json.dumps(response["home-table-wrap"]["children"])
        assert "Rows 1\\u2013" in table and "/?view=table&sort=year" in table  # header link flips the order
        assert "/?view=table&sort=-year&page=2" in table  # next page keeps the sort

    def test_parts_the_page_already_shows_are_not_resent(self, client):
        same_panel = self.post(client, home_update_body(search="?ds=courses", **{"home-datasets": ["agreements"]}))
        response = same_panel.get_json()["response"]
        assert "home-map" in response and "home-summary" in response
        assert "home-panel" not in response and "children" not in response["home-table-wrap"]  # unchanged parts
        leaving_kenya = self.post(client, home_update_body(search="?c=KEN", **{"home-datasets": ["agreements"]}))
        assert "home-panel" in leaving_kenya.get_json()["response"]
        leaving_table = self.post(client, home_update_body(search="?view=table"))
        assert leaving_table.get_json()["response"]["home-table-wrap"]["children"] == []

    @pytest.mark.parametrize("junk", [{"x": 1}, 12, "x" * 5000, [[1]], None])
    def test_malformed_values_get_the_default_view_not_a_500(self, client, junk):
        body = home_update_body(**{key: junk for key in ("home-datasets", "home-years", "home-view", "home-country")})
        response = self.post(client, body)
        assert response.status_code == 200

    def test_malformed_bodies_get_a_4xx(self, client):
        client.get("/")
        assert client.post("/_dash-update-component", data="{not json",
                           content_type="application/json").status_code == 400
        big = json.dumps(home_update_body(**{"home-tags": ["x" * 70_000]}))
        assert client.post("/_dash-update-component", data=big, content_type="application/json").status_code == 413
        unknown = home_update_body() | {"output": "home-map.secret"}
        response = client.post("/_dash-update-component", data=json.dumps(unknown), content_type="application/json")
        assert response.status_code == 400 and "unknown callback output" in response.get_json()["error"]
        wrong_length = home_update_body()
        wrong_length["outputs"] = wrong_length["outputs"][:2]
        no_state, short_inputs = home_update_body() | {"state": []}, home_update_body()
        short_inputs["inputs"] = short_inputs["inputs"][:3]
        for shape in ({}, [], {"output": 3, "inputs": []}, {"output": "home-map.figure", "inputs": "x"}, wrong_length,
                      no_state, short_inputs):
            response = client.post("/_dash-update-component", data=json.dumps(shape),
                                   content_type="application/json")
            assert response.status_code == 400, shape


def data_filter_body(text, search=""):
    outputs = ["data-grid-wrap.children", "data-search.data"]
    return {"output": ".." + "...".join(outputs) + "..", "changedPropIds": ["data-quick-filter.value"],
            "outputs": [dict(zip(("id", "property"), o.split("."), strict=True)) for o in outputs],
            "inputs": [{"id": "data-quick-filter", "property": "value", "value": text}],
            "state": [{"id": "data-search", "property": "data", "value": search}]}


def test_data_page_text_filter_keeps_the_sort_and_puts_q_in_the_address(client):
    client.get("/data")
    body = json.dumps(data_filter_body("Hikvision", "?sort=-year&page=2"))
    response = client.post("/_dash-update-component", data=body,
                           content_type="application/json").get_json()["response"]
    assert response["data-search"]["data"] == "?sort=-year&q=Hikvision"
    table = json.dumps(response["data-grid-wrap"]["children"])
    assert "Hikvision" in table and "Nairobi" not in table
    for junk in (None, 5, {"a": 1}, "x" * 500):
        assert client.post("/_dash-update-component", data=json.dumps(data_filter_body(junk)),
                           content_type="application/json").status_code == 200


def test_data_page_renders_the_table_for_its_url(dash_app):
    layout = next(p for p in dash.page_registry.values() if p["path"] == "/data")["layout"]
    with dash_app.server.test_request_context("/data"):
        text = str(layout(q="huawei", sort="year", page="2"))
    assert "Rows 26" in text and "/data?sort=year&q=huawei" in text  # previous page keeps sort and filter
    with dash_app.server.test_request_context("/data"):
        assert "Ignored unknown sort column" in str(layout(sort="<script>"))
