"""Every URL the site builds: page links with view state, and the scheme check for data URLs."""

from __future__ import annotations

import re
from urllib.parse import quote

from dashboard.viewstate import ViewState, view_state_search

SAFE_URL = re.compile(r"^https?://[^\s<>\"']+$", re.IGNORECASE)


def safe_external_url(url: object) -> str | None:
    """The URL if it is plain http(s), else None: no data value reaches an href without this check."""
    return url if isinstance(url, str) and SAFE_URL.match(url) else None


def home_href(state: ViewState | None = None) -> str:
    """The map page for a view state."""
    return "/" + (view_state_search(state) if state else "")


def timeline_href(state: ViewState | None = None) -> str:
    """The timeline page for a view state."""
    return "/timeline" + (view_state_search(state) if state else "")


def country_href(iso3: str) -> str:
    """A country's profile page."""
    return f"/country/{quote(iso3)}"


def company_href(company_id: str) -> str:
    """A company's profile page."""
    return f"/company/{quote(company_id)}"


def absolute(site_url: str, href: str) -> str:
    """An absolute link for citations and figure captions."""
    return site_url + href
