"""The first layout response carries the referring page (no router round trip); the index drops unused scripts."""

import json
import re

import pytest

from dashboard.first_render import match_page, preload_links, query_arguments


def layout_for(client, referer=None):
    client.get("/")
    headers = {"Referer": referer} if referer else {}
    response = client.get("/_dash-layout", headers=headers)
    assert response.status_code == 200
    return response, response.get_data(as_text=True)


def find(component, component_id):
    """The component dict with this id in a layout JSON tree."""
    if isinstance(component, list):
        return next((hit for child in component if (hit := find(child, component_id))), None)
    if isinstance(component, dict) and "props" in component:
        if component["props"].get("id") == component_id:
            return component
        return find(component["props"].get("children"), component_id)
    return None


def test_same_origin_referer_gets_the_page_inside_with_a_matching_location(client):
    response, text = layout_for(client, "http://localhost/?ds=agreements&view=table&sort=-year")
    layout = json.loads(text)
    location = find(layout, "_pages_location")["props"]
    assert location["pathname"] == "/" and location["search"] == "?ds=agreements&view=table&sort=-year"
    assert location["href"] == "http://localhost/?ds=agreements&view=table&sort=-year"
    content = find(layout, "_pages_content")["props"]["children"]
    assert find(content, "home-map") is not None and find(content, "home-table") is not None
    assert find(layout, "_pages_store")["props"]["data"] == {"title": "Map - Safe City Atlas"}
    assert "Referer" in response.headers["Vary"] and "no-store" in response.headers["Cache-Control"]


@pytest.mark.parametrize(("path", "title"), [
    ("/country/KEN", "Kenya - Safe City Atlas"), ("/country/ken", "Kenya - Safe City Atlas"),
    ("/company/hikvision", "Hangzhou Hikvision Digital Technology Co. Ltd. - Safe City Atlas"),
    ("/country/XXX", "Unknown country - Safe City Atlas"), ("/company/<b>", "Unknown company - Safe City Atlas"),
    ("/data", "Data &amp; sources - Safe City Atlas"), ("/no/such/page", "Page not found - Safe City Atlas"),
])
def test_the_index_title_names_the_page_and_its_subject(client, path, title):
    """Tabs, bookmarks and shared links say what a page holds before (or without) any script running."""
    html = client.get(path).get_data(as_text=True)
    assert re.findall(r"<title>(.*?)</title>", html) == [title]
    _, layout = layout_for(client, "http://localhost" + path)
    assert find(json.loads(layout), "_pages_store")["props"]["data"] == {"title": title.replace("&amp;", "&")}


def test_profile_pages_and_unknown_paths_are_pre_rendered_too(client):
    _, kenya = layout_for(client, "http://localhost/country/KEN")
    assert "Kenya" in kenya and "country-timeline" in kenya
    _, company = layout_for(client, "http://localhost/company/huawei?sort=year&page=2")
    assert "Page 2 of" in company
    _, unknown = layout_for(client, "http://localhost/no/such/page")
    assert "Page not found" in unknown


@pytest.mark.parametrize("referer", [None, "http://evil.example/country/KEN", "javascript:alert(1)", "not a url"])
def test_without_a_same_origin_referer_the_router_renders_as_before(client, referer):
    _, text = layout_for(client, referer)
    layout = json.loads(text)
    assert find(layout, "_pages_content")["props"].get("children") is None
    assert "pathname" not in find(layout, "_pages_location")["props"]


def test_page_matching_and_query_arguments():
    assert match_page("/")[0]["path"] == "/"
    page, variables = match_page("/country/KEN")
    assert page["path_template"] == "/country/<iso3>" and variables == {"iso3": "KEN"}
    assert match_page("/country/KEN/extra") == (None, {})
    assert query_arguments("ds=courses&co=a&co=b&y=") == {"ds": "courses", "co": ["a", "b"], "y": ""}


def test_preloads_only_where_a_chart_needs_them():
    assert "plotly.min.js" in preload_links("/") and "world_110m.json" in preload_links("/")
    assert "plotly.min.js" in preload_links("/timeline") and "world_110m.json" not in preload_links("/timeline")
    for path in ("/data", "/search"):
        assert "plotly.min.js" not in preload_links(path) and "async-graph" not in preload_links(path)
        assert "/_dash-layout" in preload_links(path) and "async-dropdown.js" in preload_links(path)


def test_index_drops_the_babel_polyfill_and_the_unused_table_bundle(client):
    index = client.get("/").get_data(as_text=True)
    scripts = re.findall(r'<script src="([^"]+)"', index)
    assert scripts and not any("polyfill@" in s or "dash_table" in s for s in scripts)
    assert any("regenerator-runtime.js" in s for s in scripts)  # Dash's lazy loaders need the global
    assert '<link rel="preload" href="/assets/topojson/world_110m.json"' in index
    assert "plotly.min.js" not in client.get("/data").get_data(as_text=True)
