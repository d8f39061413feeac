"""Downloads, the read API and its OpenAPI document (issue 5), through the Flask test client."""

import csv
import io
import zipfile

import openpyxl
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from dashboard.transforms import filter_records
from dashboard.viewstate import parse_view_state


def expected_rows(atlas, dash_app, query):
    from dashboard.components.site import current_site

    with dash_app.server.test_request_context("/"):
        state = parse_view_state(query, current_site().options)
    return filter_records(atlas.records, state)


@pytest.mark.parametrize("query", [{}, {"ds": "agreements"}, {"ds": "donations", "r": "Africa"},
                                   {"co": "huawei", "y": "2014-2020"}])
def test_csv_download_has_the_view_rows_with_ids_and_sources(client, atlas, dash_app, query):
    response = client.get("/download/view.csv", query_string=query)
    assert response.status_code == 200 and "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.data.decode("utf-8-sig"))))
    expected = expected_rows(atlas, dash_app, query)
    assert len(rows) == len(expected)
    assert all(row["record_id"] and row["source_url"].startswith(("http://", "https://")) for row in rows)


def test_xlsx_download_has_records_sources_and_citation_sheets(client, atlas, dash_app):
    response = client.get("/download/view.xlsx?ds=agreements")
    workbook = openpyxl.load_workbook(io.BytesIO(response.data))
    assert workbook.sheetnames == ["records", "sources", "citation"]
    records = list(workbook["records"].values)
    assert len(records) - 1 == len(expected_rows(atlas, dash_app, {"ds": "agreements"}))
    sources_header = list(next(workbook["sources"].values))
    assert "evidence_quote" in sources_header and "url" in sources_header
    citation = " ".join(str(v) for row in workbook["citation"].values for v in row)
    assert "Safe City Atlas" in citation and "?ds=agreements" in citation


def test_package_zip_holds_the_whole_package(client, data_dir):
    archive = zipfile.ZipFile(io.BytesIO(client.get("/download/safe-city-atlas-data.zip").data))
    names = {name.split("/")[-1] for name in archive.namelist()}
    assert {"datapackage.json", "SHA256SUMS", "agreements.csv", "agreements_sources.csv"} <= names
    assert names >= {p.name for p in data_dir.glob("*.csv")}


class TestApi:
    @pytest.mark.parametrize("dataset, query", [("agreements", {}), ("agreements", {"co": "huawei"}),
                                                ("donations", {"r": "Africa", "y": "2020-2020"}),
                                                ("courses", {"conf": "high"}), ("entity_list", {})])
    def test_api_equals_the_page_for_the_same_filters(self, client, atlas, dash_app, dataset, query):
        response = client.get(f"/api/v1/{dataset}", query_string=query | {"per_page": 500})
        body = response.get_json()
        expected = expected_rows(atlas, dash_app, query | {"ds": dataset})
        assert body["meta"]["total"] == len(expected) == len(body["data"])
        assert all(row["record_id"] and row["sources"] and row["sources"][0]["url"] for row in body["data"])

    def test_paging(self, client):
        first = client.get("/api/v1/entity_list?per_page=5&page=1").get_json()
        second = client.get("/api/v1/entity_list?per_page=5&page=2").get_json()
        assert len(first["data"]) == 5 and first["meta"]["pages"] >= 2
        assert {r["record_id"] for r in first["data"]}.isdisjoint({r["record_id"] for r in second["data"]})

    @pytest.mark.parametrize("path, parameter", [
        ("/api/v1/agreements?zz=1", "zz"), ("/api/v1/agreements?y=abc", "y"), ("/api/v1/nothing", "dataset"),
        ("/api/v1/agreements?per_page=0", "per_page"), ("/api/v1/agreements?page=x", "page"),
        ("/api/v1/agreements?co=nobody", "co"), ("/api/v1/agreements?format=xml", "format"),
    ])
    def test_bad_parameters_get_a_400_naming_them(self, client, path, parameter):
        response = client.get(path)
        assert response.status_code == 400 and response.get_json()["parameter"] == parameter

    def test_csv_format(self, client):
        response = client.get("/api/v1/courses?format=csv&per_page=3")
        rows = list(csv.DictReader(io.StringIO(response.data.decode("utf-8-sig"))))
        assert len(rows) == 3 and rows[0]["source_url"].startswith("http")


def test_openapi_document_validates(client):
    from jsonschema.exceptions import ValidationError  # noqa: F401  (schemathesis brings jsonschema)

    document = client.get("/api/v1/openapi.json").get_json()
    assert document["openapi"].startswith("3.0")
    schema = schemathesis.openapi.from_dict(document)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert [(op.method.upper(), op.path) for op in operations] == [("GET", "/api/v1/{dataset}")]


def api_operation():
    import app as app_module

    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app_module.server)
    return schema["/api/v1/{dataset}"]["GET"]


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(case=api_operation().as_strategy())
def test_api_conforms_to_its_openapi_document_and_never_5xx(case):
    """Property-based: generated requests get documented responses, never a server error."""
    case.call_and_validate(headers={"Accept-Encoding": "identity"})


class TestImageExport:
    """Server-side export by URL: kaleido with Debian's chromium and the self-hosted topojson."""

    def png_size(self, data: bytes) -> tuple[int, int]:
        import struct

        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        return struct.unpack(">II", data[16:24])

    def test_png_at_the_requested_scale_named_for_the_view(self, client):
        response = client.get("/export/map.png?ds=agreements&co=huawei&scale=2")
        assert response.status_code == 200
        assert self.png_size(response.data) == (2400, 1350)
        assert 'filename="safe-city-atlas_map_agreements_huawei.png"' in response.headers["Content-Disposition"]

    def test_slide_is_1920_by_1080(self, client):
        assert self.png_size(client.get("/export/timeline.png?slide=1").data) == (1920, 1080)

    def test_svg_carries_title_summary_and_source_line(self, client, atlas):
        svg = client.get("/export/map.svg?ds=donations").data.decode()
        assert svg.startswith("<svg") and "Covid-era donations by country" in svg
        assert "records in" in svg and f"data as of {atlas.last_updated}" in svg

    @pytest.mark.parametrize("path, status", [("/export/map.gif", 404), ("/export/pie.png", 404),
                                              ("/export/map.png?scale=9", 400)])
    def test_bad_export_requests(self, client, path, status):
        assert client.get(path).status_code == status


def test_embed_allows_framing_only_there(client):
    embed = client.get("/embed/map?ds=agreements")
    assert embed.status_code == 200 and "X-Frame-Options" not in embed.headers
    assert "frame-ancestors 'self'" in embed.headers["Content-Security-Policy"]
    assert client.get("/").headers["X-Frame-Options"] == "SAMEORIGIN"


def test_embed_origins_come_from_the_environment():
    from dashboard.config import read_settings

    settings = read_settings({"ATLAS_EMBED_ORIGINS": "https://news.example.org javascript:x"})
    assert settings.embed_allowed_origins == ("https://news.example.org",)
