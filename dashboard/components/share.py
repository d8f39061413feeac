"""Share bar: downloads of the view, copy link, cite this view, slide and SVG image exports."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import quote

from dash import dcc, html

from dashboard.components.site import Site
from dashboard.components.urls import absolute
from dashboard.exports import citation_text
from dashboard.transforms import describe_view, filter_records
from dashboard.viewstate import ViewState, view_state_search


@dataclass(frozen=True)
class ShareIds:
    """Component IDs of one page's share bar."""

    prefix: str

    @property
    def csv(self) -> str:
        """Download-CSV link."""
        return f"{self.prefix}-share-csv"

    @property
    def xlsx(self) -> str:
        """Download-XLSX link."""
        return f"{self.prefix}-share-xlsx"

    @property
    def link(self) -> str:
        """The view's full URL (text, copied by the clipboard button)."""
        return f"{self.prefix}-share-link"

    @property
    def citation(self) -> str:
        """The citation text of the view."""
        return f"{self.prefix}-share-citation"

    @property
    def slide(self) -> str:
        """Button: 16:9 slide image."""
        return f"{self.prefix}-share-slide"

    @property
    def svg(self) -> str:
        """Button: SVG image."""
        return f"{self.prefix}-share-svg"

    @property
    def sink(self) -> str:
        """Store the clientside image callbacks write nothing useful to."""
        return f"{self.prefix}-share-sink"


def share_values(site: Site, state: ViewState, page_path: str) -> tuple[str, str, str, str]:
    """CSV href, XLSX href, absolute link and citation text for a view."""
    search = view_state_search(state)
    link = absolute(site.settings.site_url, page_path + search)
    records = filter_records(site.atlas.records, state)
    summary = describe_view(state, records, dict(site.company_names), site.options)
    citation = citation_text(summary, link, dt.date.today().isoformat(), site.atlas.last_updated)
    return f"/download/view.csv{search}", f"/download/view.xlsx{search}", link, citation


def share_bar(ids: ShareIds, site: Site, state: ViewState, page_path: str) -> html.Section:
    """The share controls, initialised for a state."""
    csv_href, xlsx_href, link, citation = share_values(site, state, page_path)
    return html.Section(className="share-bar", **{"aria-label": "Share and download"}, children=[
        html.A("Download CSV", id=ids.csv, href=csv_href, className="button-secondary", download=""),
        html.A("Download XLSX", id=ids.xlsx, href=xlsx_href, className="button-secondary", download=""),
        html.A("All data (zip)", href="/download/safe-city-atlas-data.zip", className="button-secondary",
               download=""),
        html.Button("Slide image (16:9)", id=ids.slide, className="button-secondary", n_clicks=0),
        html.Button("SVG image", id=ids.svg, className="button-secondary", n_clicks=0),
        html.Details(className="share-details", children=[
            html.Summary("Copy link / cite this view"),
            html.Div([html.Code(link, id=ids.link), dcc.Clipboard(target_id=ids.link, title="Copy link",
                                                                  className="clipboard")], className="share-row"),
            html.Div([html.P(citation, id=ids.citation), dcc.Clipboard(target_id=ids.citation,
                                                                      title="Copy citation", className="clipboard")],
                     className="share-row"),
        ]),
        dcc.Store(id=ids.sink),
    ])


def record_citation(site: Site, title: str, iso3: str, record_id: str) -> str:
    """Citation text for one record, linking to it on its country page."""
    url = absolute(site.settings.site_url, f"/country/{quote(iso3)}#record-{quote(record_id)}")
    return citation_text(f"{title} ({record_id})", url, dt.date.today().isoformat(), site.atlas.last_updated)

