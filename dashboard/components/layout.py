"""The frame around every page: header with navigation and search, notices, footer with source and licence."""

from __future__ import annotations

from dash import dcc, html

from dashboard.components.site import Site

NAV = [("Map", "/"), ("Timeline", "/timeline"), ("Data & sources", "/data")]


def site_header(search_box: html.Div | None = None) -> html.Header:
    """Site title and navigation."""
    return html.Header(className="site-header", children=[
        html.A("Skip to content", href="#main", className="skip-link"),
        dcc.Link(html.Span("Safe City Atlas", className="site-title"), href="/", className="brand"),
        html.Nav([dcc.Link(label, href=href, className="nav-link") for label, href in NAV],
                 className="site-nav", **{"aria-label": "Main"}),
        search_box or html.Div(),
    ])


def notice(messages: tuple[str, ...] | list[str], component_id: str | None = None) -> html.Div:
    """A polite notice (for ignored URL parameters and similar)."""
    props = {"id": component_id} if component_id else {}
    if not messages:
        return html.Div(className="notice notice-empty", role="status", **props)
    return html.Div(className="notice", role="status", children=[
        html.Strong("Note: "), " ".join(messages), " Showing the closest valid view."], **props)


def site_footer(site: Site) -> html.Footer:
    """Source and licence on every page (as Datasette does)."""
    licence = (site.atlas.descriptor.get("licenses") or [{}])[0]
    return html.Footer(className="site-footer", children=[
        html.P(site.source_line + "."),
        html.P([f"Data package {site.atlas.version}, last updated {site.atlas.last_updated}. Licence: ",
                html.A(licence.get("name", ""), href=licence.get("path", "#"), rel="license"),
                ". Every record links to its public sources: ", dcc.Link("Data & sources", href="/data"), "."]),
    ])


def empty_result(what_to_relax: str) -> html.Div:
    """Shown instead of an empty chart."""
    return html.Div(className="empty-result", role="status", children=[
        html.Strong("No records match. "), what_to_relax])
