"""Rows for the record tables: one per record with its countries and first source as a link."""

from __future__ import annotations

import pandas as pd

from dashboard.components.site import Site
from dashboard.components.urls import safe_external_url
from dashboard.viewstate import DATASET_LABELS


def grid_rows(site: Site) -> list[dict]:
    """One row per record (countries joined), with its first source as a link."""
    records = site.atlas.records
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
