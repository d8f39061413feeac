"""Country profile: every dataset for one country on one timeline, its context, and every record with sources."""

from __future__ import annotations

import dash
import pandas as pd
from dash import dcc, html

from dashboard.components.graph import export_filename, graph
from dashboard.components.records import record_list
from dashboard.components.site import Site, current_site
from dashboard.components.urls import absolute, country_href, home_href
from dashboard.data.store import DATASETS
from dashboard.figures.timeline import make_timeline
from dashboard.transforms import count_by_year, records_for_country, regime_periods
from dashboard.viewstate import BRI_LABELS, DATASET_LABELS, REGIME_LABELS, ViewState


def country_code(iso3: object) -> str:
    """The ISO-3 code in the path, upper-cased (links may use lower case); "" for no usable code."""
    return iso3.upper() if isinstance(iso3, str) else ""


def page_title(iso3: str | None = None, **_query) -> str:
    """The tab, bookmark and link-preview name: the country's own, so a shared link says what it opens."""
    name = current_site().country_names.get(country_code(iso3))
    return f"{name} - Safe City Atlas" if name else "Unknown country - Safe City Atlas"


dash.register_page(__name__, path_template="/country/<iso3>", title=page_title, name="Country")


class ids:
    """Component IDs of this page."""

    TIMELINE = "country-timeline"


FH_LABELS = {"free": "Free", "partly_free": "Partly free", "not_free": "Not free"}


def periods_text(periods: list[tuple[int, int, str]], labels: dict[str, str]) -> str:
    """Runs as text, e.g. "2010–2016 electoral democracy; 2017–2022 electoral autocracy"."""
    return "; ".join(f"{a}–{b} {labels[v].lower()}" if a != b else f"{a} {labels[v].lower()}"
                     for a, b, v in periods)


def context_items(country: pd.Series, history: pd.DataFrame) -> list:
    """BRI MoU and regime type, each with its year and source."""
    bri = BRI_LABELS.get(country["bri_status"], "Former BRI MoU signatory")
    if pd.notna(country["bri_join_date"]):
        bri += f" (joined {country['bri_join_date'][:7]}"
        bri += f", left {country['bri_exit_date'][:7]})" if pd.notna(country["bri_exit_date"]) else ")"
    items = [html.Li([html.Strong("BRI MoU: "), bri, " \u2014 Green Finance & Development Center (2023)"])]
    if pd.notna(country["regime_row"]):
        items.append(html.Li([html.Strong("Regime type: "), REGIME_LABELS[country["regime_row"]],
                              f" in {country['regime_row_year']} \u2014 V-Dem Regimes of the World via OWID"]))
    if pd.notna(country["fh_status"]):
        items.append(html.Li([html.Strong("Freedom House: "), FH_LABELS[country["fh_status"]],
                              f" in {country['fh_year']} \u2014 Freedom in the World via OWID"]))
    regime_runs = regime_periods(history, country.name, "regime_row")
    if len(regime_runs) > 1:
        items.append(html.Li([html.Strong("Regime type over time: "), periods_text(regime_runs, REGIME_LABELS)]))
    fh_runs = regime_periods(history, country.name, "fh_status")
    if len(fh_runs) > 1:
        items.append(html.Li([html.Strong("Freedom House over time: "), periods_text(fh_runs, FH_LABELS)]))
    if pd.notna(country["note"]):
        items.append(html.Li(country["note"]))
    return items


def unknown_country(iso3: object) -> html.Div:
    """A friendly page for a code we do not know."""
    return html.Div(className="not-found", children=[
        html.H1("Unknown country"),
        html.P(f"There is no country with the code {str(iso3)[:12]!r}. Country pages use ISO 3166-1 alpha-3 codes, "
               "for example /country/KEN for Kenya."),
        html.P([dcc.Link("Browse the map", href="/"), " or ", dcc.Link("all data", href="/data"), "."]),
    ])


def country_page(site: Site, iso3: str) -> html.Div:
    """The profile of one known country."""
    country = site.atlas.countries.set_index("iso3").loc[iso3]
    name = country["name"]
    records = records_for_country(site.atlas.records, iso3)
    counts = records.drop_duplicates(["dataset", "record_id"])["dataset"].value_counts()
    stats = [html.Div([html.Strong(str(counts.get(d, 0))), DATASET_LABELS[d]], className="stat") for d in DATASETS]
    history = site.atlas.tables["regime_history"]
    body: list = [html.H1(name), html.Ul(context_items(country, history), className="context"),
                  html.Div(stats, className="stat-row")]
    if not len(records):
        body.append(html.P(f"No records for {name} yet. The atlas only lists what public sources document; "
                           "absence here is not evidence of absence.", className="empty-result"))
    else:
        summary = f"{name}: {len(records)} records across the four datasets"
        figure = make_timeline(count_by_year(records, DATASETS), title=f"{name}: records per year", summary=summary,
                               source_line=site.source_line, url=absolute(site.settings.site_url, country_href(iso3)))
        body += [graph(ids.TIMELINE, figure, filename=export_filename("country", iso3),
                       label=f"Records per year for {name}"),
                 html.P(dcc.Link(f"Show {name} on the map \u2192", href=home_href(ViewState(country=iso3)))),
                 html.H2("Records and sources"),
                 record_list(records, site)]
    return html.Div(body, className="country-page")


def layout(iso3: str | None = None, **_query) -> html.Div:
    """Country page for /country/<iso3>."""
    site = current_site()
    code = country_code(iso3)
    if code not in site.country_names:
        return unknown_country(iso3)
    return country_page(site, code)
