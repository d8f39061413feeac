"""Rows for the record tables: one per record with its countries and first source as a link."""

from __future__ import annotations

import dash_ag_grid as dag
import pandas as pd

from dashboard.components.site import Site
from dashboard.components.urls import safe_external_url
from dashboard.viewstate import DATASET_LABELS


def grid_rows(site: Site, records: pd.DataFrame | None = None) -> list[dict]:
    """One row per record (countries joined), with its first source as a link; all records by default."""
    records = site.atlas.records if records is None else records
    countries = records.groupby(["dataset", "record_id"])["country_name"].agg(lambda c: ", ".join(sorted(set(c))))
    sources = site.atlas.sources
    n_sources = sources.groupby(["dataset", "record_id"]).size()
    first = sources.drop_duplicates(["dataset", "record_id"]).set_index(["dataset", "record_id"])
    rows = []
    for record in records.drop_duplicates(["dataset", "record_id"]).itertuples():
        key = (record.dataset, record.record_id)
        url = safe_external_url(first.loc[key, "url"])
        publisher = first.loc[key, "publisher"]
        rows.append({"record_id": record.record_id, "dataset": DATASET_LABELS[record.dataset],
                     "countries": countries[key], "year": None if pd.isna(record.year) else int(record.year),
                     "title": record.title, "summary": record.summary, "confidence": record.confidence,
                     "source": f"[{publisher}]({url})" if url else publisher, "sources": int(n_sources[key])})
    return rows


GRID_COLUMNS = [
    {"field": "record_id", "headerName": "Record", "width": 110, "pinned": "left"},
    {"field": "dataset", "headerName": "Dataset", "width": 170},
    {"field": "countries", "headerName": "Countries", "width": 160},
    {"field": "year", "headerName": "Year", "width": 90},
    {"field": "title", "headerName": "Title", "minWidth": 260, "flex": 2},
    {"field": "summary", "headerName": "Summary", "minWidth": 300, "flex": 3},
    {"field": "confidence", "headerName": "Confidence", "width": 120},
    {"field": "source", "headerName": "First source", "cellRenderer": "markdown", "minWidth": 180},
    {"field": "sources", "headerName": "Sources", "width": 100},
]


def records_grid(component_id: str, rows: list[dict], height: str = "640px") -> dag.AgGrid:
    """A sortable, filterable, paginated table of records."""
    return dag.AgGrid(id=component_id, columnDefs=GRID_COLUMNS, rowData=rows,
                      defaultColDef={"sortable": True, "filter": True, "resizable": True},
                      dashGridOptions={"pagination": True, "paginationPageSize": 20, "enableCellTextSelection": True},
                      className="ag-theme-alpine", style={"height": height, "width": "100%"})
