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


def home_update_body(**values):
    """A /_dash-update-component body for the map page's main callback."""
    defaults = {"home-datasets": [], "home-companies": [], "home-years": [2000, 2030], "home-regions": [],
                "home-regimes": [], "home-bri": "", "home-tags": [], "home-confidences": [], "home-view": "map",
                "home-overlay": "none", "home-country": None} | values
    outputs = ["home-map.figure", "home-summary.children", "home-search.data", "home-panel.children",
               "home-table-wrap.children", "home-map-wrap.hidden", "home-table-wrap.hidden", "home-empty.children",
               "home-off-map.children", "home-export-name.data"]
    return {"output": ".." + "...".join(outputs) + "..", "changedPropIds": ["home-datasets.value"],
            "outputs": [dict(zip(("id", "property"), o.split("."), strict=True)) for o in outputs],
            "inputs": [{"id": k, "property": "value", "value": v} for k, v in defaults.items()], "state": []}


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
        for shape in ({}, [], {"output": 3, "inputs": []}, {"output": "home-map.figure", "inputs": "x"}, wrong_length):
            response = client.post("/_dash-update-component", data=json.dumps(shape),
                                   content_type="application/json")
            assert response.status_code == 400, shape
