"""Site search: countries and companies by English name, Chinese name or alias."""

from __future__ import annotations

import pandas as pd
from dash import dcc, html

from dashboard.components.site import Site
from dashboard.components.urls import company_href, country_href

SEARCH_BOX = "site-search"
SEARCH_LOCATION = "site-search-location"


def search_entries(site: Site) -> list[dict]:
    """One entry per country with records and per company: label, href and further text matched against.

    The label already holds the English and Chinese names; `search` adds only what it lacks (ISO code, aliases).
    The header Dropdown indexes every substring of both fields as the page loads, so repeats cost main-thread time.
    """
    atlas = site.atlas
    with_records = set(atlas.records["iso3"].dropna())
    countries = atlas.countries[atlas.countries["iso3"].isin(with_records)]
    entries = [{"label": f"{row.name} (country)", "value": country_href(row.iso3),
                "search": row.iso3} for row in countries.itertuples()]
    for row in atlas.companies[atlas.companies["merged_into"].isna()].itertuples():  # merged ids redirect
        label = row.name_en + (f" {row.name_zh}" if isinstance(row.name_zh, str) else "")
        aliases = [a.strip() for a in row.aliases.split(";")] if isinstance(row.aliases, str) else []
        extra = " ".join(a for a in aliases if a and a.casefold() not in label.casefold())
        entries.append({"label": f"{label} (company)", "value": company_href(row.company_id), "search": extra})
    return entries


def match_entries(entries: list[dict], query: str) -> list[dict]:
    """Entries whose label or search text contains every word of the query (case-insensitive)."""
    words = [w for w in query.casefold().split() if w][:10]
    if not words:
        return []
    return [e for e in entries if all(w in (e["label"] + " " + e["search"]).casefold() for w in words)]


def search_box(site: Site) -> html.Div:
    """The type-ahead box in the header (Enter on an option opens its page).

    Every option ships with the page. Sending only the matches for what is typed (a callback on `search_value`)
    saved ~50 ms of indexing per page load, but each reply re-renders the Dropdown with the search text it had
    when the request left, so a fast typist lost characters ("Kenya" became "Knya" in 4 of 15 browser runs).
    """
    options = [{"label": e["label"], "value": e["value"], "search": e["search"]} for e in search_entries(site)]
    return html.Div(className="site-search", role="search", children=[
        dcc.Dropdown(id=SEARCH_BOX, options=options, placeholder="Search countries and companies (e.g. 海康威视)",
                     clearable=True, searchable=True),
        dcc.Location(id=SEARCH_LOCATION, refresh="callback-nav"),
    ])


def frame_of(entries: list[dict]) -> pd.DataFrame:
    """Entries as a frame (for tests and the results page)."""
    return pd.DataFrame(entries, columns=["label", "value", "search"])
