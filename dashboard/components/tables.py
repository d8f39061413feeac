"""Record tables rendered on the server: sortable headers and pages are plain links, so every table view is a URL.

(A client-side grid library would add ~360 KB of JavaScript to every page; these tables add none.)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
from dash import dcc, html

from dashboard.components.site import Site
from dashboard.components.urls import safe_external_url
from dashboard.tablestate import LINK_SUFFIX, TableState, table_page
from dashboard.viewstate import DATASET_LABELS


@dataclass(frozen=True)
class Column:
    """One table column: the row key it shows, its header, and whether it is numeric (right-aligned)."""

    key: str
    label: str
    numeric: bool = False


RECORD_COLUMNS = (
    Column("record_id", "Record"), Column("dataset", "Dataset"), Column("countries", "Countries"),
    Column("year", "Year", numeric=True), Column("title", "Title"), Column("summary", "Summary"),
    Column("confidence", "Confidence"), Column("source", "First source"), Column("sources", "Sources", numeric=True),
)


def sortable(columns: tuple[Column, ...]) -> tuple[str, ...]:
    """The keys a table may be sorted by."""
    return tuple(column.key for column in columns)


def first_sources(site: Site) -> pd.DataFrame:
    """Each record's first source, indexed by (dataset, record_id)."""
    return site.atlas.sources.drop_duplicates(["dataset", "record_id"]).set_index(["dataset", "record_id"])


def source_cells(first: pd.DataFrame, dataset: str, record_id: str) -> dict:
    """The first-source cell: publisher text, with a link only if the URL is plain http(s)."""
    source = first.loc[(dataset, record_id)]
    return {"source": str(source["publisher"]), "source" + LINK_SUFFIX: safe_external_url(source["url"])}


def grid_rows(site: Site, records: pd.DataFrame | None = None) -> list[dict]:
    """One row per record (countries joined), with its first source as a link; all records by default."""
    records = site.atlas.records if records is None else records
    countries = records.groupby(["dataset", "record_id"])["country_name"].agg(lambda c: ", ".join(sorted(set(c))))
    n_sources = site.atlas.sources.groupby(["dataset", "record_id"]).size()
    first = first_sources(site)
    rows = []
    for record in records.drop_duplicates(["dataset", "record_id"]).itertuples():
        key = (record.dataset, record.record_id)
        rows.append({"record_id": record.record_id, "dataset": DATASET_LABELS[record.dataset],
                     "countries": countries[key], "year": None if pd.isna(record.year) else int(record.year),
                     "title": record.title, "summary": record.summary, "confidence": record.confidence,
                     **source_cells(first, *key), "sources": int(n_sources[key])})
    return rows


def cell(row: dict, column: Column) -> html.Td:
    """One cell: text, or a link when the row carries a target for it (external links open a new tab)."""
    value = row.get(column.key)
    text = "" if value is None else str(value)
    target = row.get(column.key + LINK_SUFFIX)
    if target and target.startswith("/"):
        text = dcc.Link(text, href=target)
    elif target:
        text = html.A(text, href=target, rel="noopener noreferrer", target="_blank")
    # data-label: on a phone each row is a card and each cell is labelled with its column (style.css).
    return html.Td(text, className="num" if column.numeric else None, **{"data-label": column.label})


def header(column: Column, state: TableState, href: Callable[[TableState], str]) -> html.Th:
    """A column header that links to the table sorted by it (again: the other direction), from page 1."""
    current = state.sort == column.key
    descending = not state.descending if current else column.numeric
    arrow = (" \u25bc" if state.descending else " \u25b2") if current else ""
    link = dcc.Link(column.label + arrow, href=href(state.with_changes(sort=column.key, descending=descending, page=1)),
                    title=f"Sort by {column.label.lower()}")
    aria = {"aria-sort": "descending" if state.descending else "ascending"} if current else {}
    return html.Th(link, scope="col", className="num" if column.numeric else None, **aria)


def pager(total: int, page: int, pages: int, page_size: int, state: TableState,
          href: Callable[[TableState], str]) -> html.Nav:
    """'Rows 26-50 of 94', previous / next links and the page number."""
    first, last = (page - 1) * page_size + 1, min(page * page_size, total)
    items: list = [html.Span(f"Rows {first}\u2013{last} of {total}" if total else "No rows",
                             className="pager-count")]
    if page > 1:
        items.append(dcc.Link("\u2190 Previous", href=href(state.with_changes(page=page - 1)), className="pager-prev"))
    if pages > 1:
        items.append(html.Span(f"Page {page} of {pages}", className="pager-page"))
    if page < pages:
        items.append(dcc.Link("Next \u2192", href=href(state.with_changes(page=page + 1)), className="pager-next"))
    return html.Nav(items, className="pager", **{"aria-label": "Table pages"})


def records_table(component_id: str, rows: list[dict], columns: tuple[Column, ...], state: TableState,
                  href: Callable[[TableState], str], page_size: int = 25) -> html.Div:
    """One page of `rows` as an HTML table with sort links in the headers and a pager below."""
    shown = table_page(rows, state, page_size)
    body = [html.Tr([cell(row, column) for column in columns]) for row in shown.rows]
    if not body:
        body = [html.Tr(html.Td("No records match.", colSpan=len(columns)))]
    return html.Div(id=component_id, className="record-table", children=[
        html.Div(className="data-table-wrap", children=html.Table(className="plain records", children=[
            html.Thead(html.Tr([header(column, state, href) for column in columns])),
            html.Tbody(body),
        ])),
        pager(shown.total, shown.page, shown.pages, page_size, state, href),
    ])
