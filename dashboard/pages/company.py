"""Company profile: Entity List status, its records on a map and in a table, counts before and after listing."""

from __future__ import annotations

import dash
import pandas as pd
from dash import dcc, html

from dashboard.components.graph import export_filename, graph
from dashboard.components.layout import notice
from dashboard.components.records import record_list
from dashboard.components.site import Site, current_site
from dashboard.components.tables import RECORD_COLUMNS, grid_rows, records_table, sortable
from dashboard.components.urls import absolute, company_href, home_href
from dashboard.figures.world_map import make_world_map
from dashboard.tablestate import TableState, parse_table_state, with_table_query
from dashboard.transforms import count_by_country, entity_listing
from dashboard.viewstate import DATASET_LABELS, ViewState


def page_title(company_id: str | None = None, **_query) -> str:
    """The tab, bookmark and link-preview name: the company's own, so a shared link says what it opens."""
    name = current_site().company_names.get(company_id if isinstance(company_id, str) else "")
    return f"{name} - Safe City Atlas" if name else "Unknown company - Safe City Atlas"


dash.register_page(__name__, path_template="/company/<company_id>", title=page_title, name="Company")


class ids:
    """Component IDs of this page."""

    MAP = "company-map"
    TABLE = "company-table"


def listing_badge(listing: pd.DataFrame) -> html.Div:
    """Entity List status with date and Federal Register citation, or 'not listed'."""
    added = listing[listing["action"] == "added"]
    if not len(added):
        return html.Div("Not on the US Entity List in this atlas", className="badge-status not-listed")
    first = added.iloc[0]
    citation = first["fr_citation"] if pd.notna(first["fr_citation"]) else "Federal Register citation not recorded"
    items = [html.Strong("On the US Entity List "), f"since {first['effective_date']} ({citation})"]
    if pd.notna(first["license_review_policy"]):
        items += [html.Br(), f"Licence review policy: {first['license_review_policy']}"]
    removed = listing[listing["action"] == "removed"]
    if len(removed):
        items += [html.Br(), f"Removed {removed.iloc[-1]['effective_date']}"]
    return html.Div(items, className="badge-status listed", role="status")


def before_after(records: pd.DataFrame, listed_on: str | None) -> html.P:
    """Counts of the company's dated records before and after its first listing."""
    if not listed_on:
        return html.P("")
    year = int(listed_on[:4])
    abroad = records[records["dataset"] != "entity_list"].drop_duplicates(["dataset", "record_id"])
    dated = abroad.dropna(subset=["year"])
    before, after = int((dated["year"] < year).sum()), int((dated["year"] >= year).sum())
    undated = len(abroad) - len(dated)  # named, so that the parts add up to the total the map gives
    return html.P(f"Records dated before {year}: {before}; in {year} or later: {after} "
                  f"(listing year counted as 'after'){f'; without a date: {undated}' if undated else ''}.",
                  className="legend-note")


def company_page(site: Site, company_id: str, table: TableState) -> html.Div:
    """The profile of one known company."""
    company = site.atlas.companies.set_index("company_id").loc[company_id]
    records = site.atlas.records[site.atlas.records["company_id"] == company_id]
    listing = entity_listing(site.atlas.tables["entity_list"], company_id)
    abroad = records[records["dataset"] != "entity_list"]
    listed_on = listing.loc[listing["action"] == "added", "effective_date"].min() if len(listing) else None
    facts = [f"Sector: {company['sector']}"]
    if pd.notna(company["headquarters"]):
        facts.append(f"Headquarters: {company['headquarters']}")
    if pd.notna(company["aliases"]):
        facts.append("Also known as: " + company["aliases"].replace(";", ", "))
    title = company["name_en"] + (f" ({company['name_zh']})" if pd.notna(company["name_zh"]) else "")
    body: list = [html.H1(title), notice(table.notices), html.P(" \u00b7 ".join(facts)), listing_badge(listing),
                  before_after(records, listed_on if isinstance(listed_on, str) else None)]
    counts = abroad.drop_duplicates(["dataset", "record_id"])["dataset"].value_counts()
    body.append(html.P(", ".join(f"{DATASET_LABELS[d]}: {n}" for d, n in counts.items()) or
                       "No agreements or donations recorded for this company."))
    if len(abroad):
        summary = f"{company['name_en']}: {len(abroad)} records abroad in {abroad['iso3'].nunique()} countries"
        figure = make_world_map(count_by_country(abroad), base_map=site.base_map_codes,
                                title=f"{company['name_en']} abroad", summary=summary, source_line=site.source_line,
                                url=absolute(site.settings.site_url, company_href(company_id)))
        body += [graph(ids.MAP, figure, filename=export_filename("company", company_id),
                       label=f"Countries with {company['name_en']} records"),
                 html.P(dcc.Link("Open these records on the main map \u2192",
                                 href=home_href(ViewState(companies=(company_id,)))))]
    if len(records):
        def table_href(next_table: TableState) -> str:
            return company_href(company_id) + with_table_query("", next_table)

        body += [html.H2("Table"), records_table(ids.TABLE, grid_rows(site, records), RECORD_COLUMNS, table,
                                                 table_href),
                 html.H2("Records and sources"), record_list(records, site)]
    return html.Div(body, className="company-page")


def layout(company_id: str | None = None, **query) -> html.Div:
    """Company page for /company/<company_id>."""
    site = current_site()
    if company_id not in site.company_names:
        return html.Div(className="not-found", children=[
            html.H1("Unknown company"),
            html.P(f"There is no company with the id {str(company_id)[:40]!r} in the atlas."),
            html.P([dcc.Link("Search from the map page", href="/"), " or ", dcc.Link("browse all data", href="/data"),
                    "."]),
        ])
    return company_page(site, company_id, parse_table_state(query, sortable(RECORD_COLUMNS)))
