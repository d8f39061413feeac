"""Plain HTTP routes beside the Dash pages: downloads, the read API and its OpenAPI document."""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re

import flask
import pandas as pd

from dashboard.components.graph import export_filename
from dashboard.components.home_view import home_view
from dashboard.components.site import Site
from dashboard.components.timeline_view import timeline_view
from dashboard.components.urls import absolute, home_href
from dashboard.data.store import DATASETS
from dashboard.exports import citation_text, export_rows, package_zip_bytes, to_csv_bytes, to_xlsx_bytes
from dashboard.figures.narrow import apply_narrow
from dashboard.figures.slides import EXPORT_SIZE, SLIDE_SIZE, slide_figure
from dashboard.figures.static_map import static_map_svg
from dashboard.image_export import ImageExporter, ImageExportUnavailable
from dashboard.transforms import describe_view, filter_records
from dashboard.viewstate import KNOWN_PARAMS, ViewState, parse_view_state

API_FILTERS = tuple(p for p in KNOWN_PARAMS if p not in ("ds", "view", "ov", "c", "by"))
PAGING = {"page": 1, "per_page": 100}
MAX_PER_PAGE = 500
MAX_PAGE = 100_000


class ApiError(Exception):
    """A 400 naming the parameter at fault."""

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(message)
        self.parameter, self.message = parameter, message


YEARS = re.compile(r"^(\d{4})(?:-(\d{4}))?$")


def strict_state(site: Site, args: dict[str, str], allowed: tuple[str, ...]) -> ViewState:
    """Parse filters one parameter at a time so an error can name its parameter.

    Unlike the pages, a well-formed year range outside the data is not an error: it simply matches nothing.
    """
    years = None
    if "y" in args:
        match = YEARS.match(args.pop("y"))
        if not match:
            raise ApiError("y", "y must be a year or a range such as 2014-2019")
        years = tuple(sorted((int(match.group(1)), int(match.group(2) or match.group(1)))))
    for key, value in args.items():
        if key not in allowed:
            raise ApiError(key, f"unknown parameter {key!r}; allowed: {', '.join(allowed)}")
        notices = parse_view_state({key: value}, site.options).notices
        if notices:
            raise ApiError(key, notices[0].replace("Ignored unknown", "Unknown"))
    return parse_view_state(args, site.options).with_changes(years=years)


def positive_int(args: dict[str, str], name: str, maximum: int) -> int:
    """A paging parameter as an int in 1..maximum."""
    raw = args.pop(name, None)
    if raw is None:
        return PAGING[name]
    if not raw.isdigit() or not 1 <= int(raw) <= maximum:
        raise ApiError(name, f"{name} must be a whole number from 1 to {maximum}")
    return int(raw)


def api_records(site: Site, rows: pd.DataFrame) -> list[dict]:
    """JSON rows: the record fields plus every source of the record."""
    sources = site.atlas.sources
    by_record = {key: group.drop(columns=["dataset", "record_id"]).to_dict("records")
                 for key, group in sources.groupby(["dataset", "record_id"])}
    out = []
    for row in rows.astype(object).where(rows.notna(), None).to_dict("records"):
        row["sources"] = by_record.get((row["dataset"], row["record_id"]), [])
        out.append(row)
    return out


def export_figure(site: Site, view: str, state: ViewState) -> dict:
    """The figure a page shows for a state, for server-side export."""
    if view == "map":
        return home_view(site, state).figure
    return timeline_view(site, state)[0]


def register_routes(server: flask.Flask, site: Site, exporter: ImageExporter) -> None:
    """Add the download, image export and API routes to the Flask server."""

    def view_from_request() -> ViewState:
        # Downloads follow the page: unknown or malformed parameters are ignored, as on the page.
        return parse_view_state(flask.request.args.to_dict(), site.options)

    def attachment(body: bytes, mimetype: str, filename: str) -> flask.Response:
        return flask.Response(body, mimetype=mimetype,
                              headers={"Content-Disposition": f'attachment; filename="{filename}"'})

    @server.get("/download/view.csv")
    def download_view_csv():
        state = view_from_request()
        return attachment(to_csv_bytes(export_rows(site.atlas, filter_records(site.atlas.records, state))),
                          "text/csv", "safe-city-atlas-view.csv")

    @server.get("/download/view.xlsx")
    def download_view_xlsx():
        state = view_from_request()
        records = filter_records(site.atlas.records, state)
        summary = describe_view(state, records, dict(site.company_names), site.options)
        url = absolute(site.settings.site_url, home_href(state))
        citation = citation_text(summary, url, dt.date.today().isoformat(), site.atlas.last_updated)
        keys = records[["dataset", "record_id"]].drop_duplicates()
        sources = site.atlas.sources.merge(keys, on=["dataset", "record_id"])
        body = to_xlsx_bytes(export_rows(site.atlas, records), sources, citation, summary)
        return attachment(body, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                          "safe-city-atlas-view.xlsx")

    def static_map(narrow: bool) -> flask.Response:
        # The map page shows this until plotly.js has drawn the interactive map; the query is the page's.
        state = view_from_request()

        def draw() -> tuple[str, str]:
            figure = home_view(site, state).figure
            svg = static_map_svg(apply_narrow(figure) if narrow else figure, site.map_shapes)
            return svg, hashlib.sha256(svg.encode()).hexdigest()[:32]  # hashed once per view, not per request

        svg, etag = site.views.get_or_build(("static-map", narrow, state), draw)
        response = flask.Response(svg, mimetype="image/svg+xml")
        response.set_etag(etag)
        response.cache_control.public = True
        response.cache_control.max_age = 600  # the picture changes only with the data, i.e. with a deploy
        return response.make_conditional(flask.request)

    server.get("/map.svg", endpoint="static_map")(lambda: static_map(narrow=False))
    server.get("/map-narrow.svg", endpoint="static_map_narrow")(lambda: static_map(narrow=True))  # phones

    @server.get("/download/safe-city-atlas-data.zip")
    def download_package():
        return attachment(package_zip_bytes(site.atlas.data_dir), "application/zip", "safe-city-atlas-data.zip")

    @server.get("/export/<view>.<fmt>")
    def export_image(view: str, fmt: str):
        args = flask.request.args.to_dict()
        if view not in ("map", "timeline") or fmt not in ("png", "svg"):
            return {"error": "use /export/map.png, /export/map.svg, /export/timeline.png or /export/timeline.svg",
                    "parameter": "view"}, 404
        slide = args.pop("slide", "") in ("1", "true")
        scale_text = args.pop("scale", "2")
        if not re.fullmatch(r"[1-4]", scale_text):
            return {"error": "scale must be 1, 2, 3 or 4", "parameter": "scale"}, 400
        state = parse_view_state(args, site.options)
        figure = export_figure(site, view, state)
        width, height = SLIDE_SIZE if slide else EXPORT_SIZE
        scale = 1 if slide else int(scale_text)
        try:
            body = exporter.render(slide_figure(figure) if slide else figure, fmt, width, height, scale)
        except ImageExportUnavailable:
            return {"error": "image export is not available on this server"}, 503
        name = export_filename(view, *state.datasets, *state.companies,
                               f"{state.years[0]}-{state.years[1]}" if state.years else "", *state.regions)
        mimetype = "image/png" if fmt == "png" else "image/svg+xml"
        return attachment(body, mimetype, f"{name}{'_slide' if slide else ''}.{fmt}")

    @server.get("/api/v1/<dataset>")
    def api_dataset(dataset: str):
        args = flask.request.args.to_dict()
        try:
            if dataset not in DATASETS:
                raise ApiError("dataset", f"unknown dataset {dataset[:40]!r}; one of {', '.join(DATASETS)}")
            fmt = args.pop("format", "json")
            if fmt not in ("json", "csv"):
                raise ApiError("format", "format must be json or csv")
            page, per_page = positive_int(args, "page", MAX_PAGE), positive_int(args, "per_page", MAX_PER_PAGE)
            state = strict_state(site, args, API_FILTERS).with_changes(datasets=(dataset,))
        except ApiError as error:
            return {"error": error.message, "parameter": error.parameter}, 400
        rows = export_rows(site.atlas, filter_records(site.atlas.records, state))
        total = len(rows)
        window = rows.iloc[(page - 1) * per_page: page * per_page]
        if fmt == "csv":
            return flask.Response(to_csv_bytes(window), mimetype="text/csv")
        return {"data": api_records(site, window),
                "meta": {"dataset": dataset, "total": total, "page": page, "per_page": per_page,
                         "pages": max(1, math.ceil(total / per_page)), "data_version": site.atlas.version,
                         "data_last_updated": site.atlas.last_updated}}

    @server.get("/api/v1/openapi.json")
    def openapi():
        return openapi_document(site)


def openapi_document(site: Site) -> dict:
    """OpenAPI 3.0 description of the read API, with the filter values the data allow."""
    def list_param(name: str, values: tuple[str, ...], description: str) -> dict:
        member = "(" + "|".join(re.escape(v) for v in values) + ")"
        return {"name": name, "in": "query", "required": False, "description": description + " (comma-separated)",
                "schema": {"type": "string", "pattern": f"^{member}(,{member})*$"}}

    options = site.options
    parameters = [
        {"name": "dataset", "in": "path", "required": True, "schema": {"type": "string", "enum": list(DATASETS)}},
        list_param("co", options.companies, "Company ids: " + ", ".join(options.companies[:20]) + ", ..."),
        {"name": "y", "in": "query", "required": False, "description": "Year range, e.g. 2014-2019",
         "schema": {"type": "string", "pattern": r"^\d{4}(-\d{4})?$"}},
        list_param("r", options.regions, "Regions: " + ", ".join(options.regions)),
        list_param("rt", options.regimes, "V-Dem regime types: " + ", ".join(options.regimes)),
        {"name": "bri", "in": "query", "required": False, "schema": {"type": "string", "enum": ["member", "none"]}},
        list_param("tag", options.tags, "Technology tags: " + ", ".join(options.tags)),
        list_param("conf", options.confidences, "Confidence: high, medium, low"),
        {"name": "page", "in": "query", "required": False,
         "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE}},
        {"name": "per_page", "in": "query", "required": False,
         "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE}},
        {"name": "format", "in": "query", "required": False, "schema": {"type": "string", "enum": ["json", "csv"]}},
    ]
    error = {"description": "Bad parameter", "content": {"application/json": {"schema": {
        "type": "object", "required": ["error", "parameter"],
        "properties": {"error": {"type": "string"}, "parameter": {"type": "string"}}}}}}
    return {
        "openapi": "3.0.3",
        "info": {"title": "Safe City Atlas read API", "version": "1.0.0",
                 "description": "Records of the Safe City Atlas with their sources. Same filters as the pages. "
                                f"Data version {site.atlas.version}, last updated {site.atlas.last_updated}."},
        "paths": {"/api/v1/{dataset}": {"get": {
            "summary": "Records of one dataset, filtered and paged", "parameters": parameters,
            "responses": {"200": {"description": "Records with sources", "content": {
                "application/json": {"schema": {"type": "object", "required": ["data", "meta"], "properties": {
                    "data": {"type": "array", "items": {"type": "object"}}, "meta": {"type": "object"}}}},
                "text/csv": {"schema": {"type": "string"}}}}, "400": error}}}},
    }
