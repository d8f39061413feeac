"""Headers, status codes and hostile input through the Flask test client (issue 7)."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_pages import home_update_body

PAGES = ["/", "/timeline", "/data", "/search?q=kenya", "/country/KEN", "/company/huawei"]


def test_security_headers_on_every_page(client):
    for path in PAGES:
        response = client.get(path)
        assert response.status_code == 200, path
        csp = response.headers["Content-Security-Policy"]
        assert "script-src 'self' 'sha256-" in csp and "unsafe-eval" not in csp
        assert "connect-src 'self'" in csp and "frame-ancestors 'self'" in csp
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert "camera=()" in response.headers["Permissions-Policy"]


def test_unknown_routes_and_codes_get_a_404_status(client):
    for path in ("/no-such-page", "/country/ZZZ", "/company/nobody", "/404"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert b"Traceback" not in response.data


def test_known_profiles_are_200(client, atlas):
    assert client.get("/country/ken").status_code == 200  # codes are case-insensitive in links
    assert client.get(f"/company/{atlas.companies['company_id'][0]}").status_code == 200


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(segment=st.text(min_size=0, max_size=60).filter(lambda s: "/" not in s and "\x00" not in s),
       query=st.dictionaries(st.sampled_from(["ds", "co", "y", "r", "rt", "bri", "tag", "conf", "view", "ov", "c",
                                              "q", "zzz"]), st.text(max_size=40), max_size=5))
def test_fuzzed_paths_and_queries_never_error(dash_app, segment, query):
    import dash

    layouts = {p["path_template"] or p["path"]: p["layout"] for p in dash.page_registry.values()}
    with dash_app.server.test_request_context("/"):
        for path, layout in layouts.items():
            kwargs = dict(query)
            if path == "/country/<iso3>":
                kwargs["iso3"] = segment
            elif path == "/company/<company_id>":
                kwargs["company_id"] = segment
            assert layout(**kwargs) is not None


scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30)
json_values = st.recursive(scalars, lambda children: st.lists(children, max_size=4)
                           | st.dictionaries(st.text(max_size=5), children, max_size=3), max_leaves=8)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=st.fixed_dictionaries({key: json_values for key in (
    "home-datasets", "home-companies", "home-years", "home-regions", "home-regimes", "home-bri", "home-tags",
    "home-confidences", "home-view", "home-overlay", "home-country")}))
def test_fuzzed_callback_values_never_5xx(client, values):
    client.get("/")
    response = client.post("/_dash-update-component", data=json.dumps(home_update_body(**values)),
                           content_type="application/json")
    assert response.status_code < 500


def test_data_values_never_reach_an_href_without_a_scheme_check():
    from dashboard.components.urls import safe_external_url

    assert safe_external_url("https://example.org/a") == "https://example.org/a"
    for bad in ("javascript:alert(1)", "data:text/html,x", " https://x.org", "//evil.org", None, 3):
        assert safe_external_url(bad) is None
