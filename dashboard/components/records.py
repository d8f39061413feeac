"""Records as readable cards with their sources: used by the map's side panel and the profile pages."""

from __future__ import annotations

from urllib.parse import urlsplit

import pandas as pd
from dash import dcc, html

from dashboard.components.share import record_citation
from dashboard.components.site import Site
from dashboard.components.urls import company_href, safe_external_url
from dashboard.viewstate import DATASET_LABELS


def source_label(source: pd.Series) -> str:
    """The source's link text: its title, or, for the many pages whose title was not shown, the site's address."""
    title = source.get("title")
    if isinstance(title, str) and title.strip():
        return title
    return urlsplit(str(source["url"])).netloc.removeprefix("www.") or "Source page"


def source_item(source: pd.Series) -> html.Li:
    """One source: title (or site), publisher, date, verbatim quote; a link only if the URL is plain http(s)."""
    url = safe_external_url(source["url"])
    label = source_label(source)
    title = html.A(label, href=url, rel="noopener noreferrer", target="_blank") if url else html.Span(label)
    meta = ", ".join(str(part) for part in (source.get("publisher"), source.get("published"))
                     if isinstance(part, str) and part)
    return html.Li(className="source", children=[
        title, html.Span(f" \u2014 {meta}" if meta else "", className="source-meta"),
        html.Blockquote(source["evidence_quote"], className="evidence"),
    ])


def record_card(record: pd.Series, sources: pd.DataFrame, company_names: dict[str, str],
                citation: str) -> html.Article:
    """A record with its summary and every source (record text is rendered as text, never HTML)."""
    company = record.get("company_id")
    meta = [html.Span(DATASET_LABELS.get(record["dataset"], record["dataset"]), className=f"badge badge-"
                      f"{record['dataset']}"),
            html.Span(" " + next((str(record[key]) for key in ("date", "year") if pd.notna(record.get(key))),
                                 "no date"), className="date")]
    if isinstance(company, str):
        meta += [" \u00b7 ", dcc.Link(company_names.get(company, company), href=company_href(company))]
    if pd.notna(record.get("status")):
        meta.append(f" \u00b7 {str(record['status']).replace('_', ' ')}")
    meta.append(f" \u00b7 confidence: {record['confidence']}")
    return html.Article(className="record", id=f"record-{record['record_id']}", children=[
        html.H4([record["title"], html.Span(f" ({record['record_id']})", className="record-id")]),
        html.P(meta, className="record-meta"),
        html.P(record["summary"]),
        html.Ul([source_item(s) for _, s in sources.iterrows()], className="sources"),
        html.Details([html.Summary("Cite this record"), html.P(citation, id=f"cite-{record['record_id']}"),
                      dcc.Clipboard(target_id=f"cite-{record['record_id']}", title="Copy citation",
                                    className="clipboard")], className="cite"),
    ])


def record_list(records: pd.DataFrame, site: Site) -> html.Div:
    """Cards for every record (one card per record even if it is placed in several countries)."""
    unique = records.drop_duplicates(subset=["dataset", "record_id"])
    all_sources = site.atlas.sources
    by_record = {key: group for key, group in all_sources.groupby(["dataset", "record_id"])}
    return html.Div([record_card(r, by_record.get((r["dataset"], r["record_id"]), all_sources.iloc[0:0]),
                                 dict(site.company_names),
                                 record_citation(site, r["title"], r["iso3"], r["record_id"]))
                     for _, r in unique.iterrows()], className="record-list")
