"""Downloads of the filtered view (CSV, XLSX with sources and citation sheets) and of the whole package (zip)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pandas as pd

from dashboard.data import AtlasData

EXPORT_COLUMNS = ["record_id", "dataset", "iso3", "country_name", "year", "date", "company_id", "title", "summary",
                  "status", "tags", "confidence", "city", "latitude", "longitude", "source_url", "source_publisher",
                  "source_published", "all_source_urls"]


def export_rows(atlas: AtlasData, records: pd.DataFrame) -> pd.DataFrame:
    """The filtered records (one row per record and country) with their first source and every source URL."""
    sources = atlas.sources
    first = sources.drop_duplicates(["dataset", "record_id"])[["dataset", "record_id", "url", "publisher",
                                                                "published"]]
    first = first.rename(columns={"url": "source_url", "publisher": "source_publisher",
                                  "published": "source_published"})
    every = sources.groupby(["dataset", "record_id"])["url"].agg(" | ".join).rename("all_source_urls").reset_index()
    rows = records.merge(first, on=["dataset", "record_id"], how="left").merge(every, on=["dataset", "record_id"],
                                                                              how="left")
    return rows[EXPORT_COLUMNS]


def citation_text(title: str, url: str, accessed: str, last_updated: str) -> str:
    """Citation for a view or record: title, publisher, data date, access date, URL."""
    return (f"Safe City Atlas, \u201c{title}\u201d, data as of {last_updated}. {url} (accessed {accessed}).")


def to_csv_bytes(rows: pd.DataFrame) -> bytes:
    """UTF-8 CSV with a byte-order mark so spreadsheet programs read Chinese names correctly."""
    return rows.to_csv(index=False).encode("utf-8-sig")


def to_xlsx_bytes(rows: pd.DataFrame, sources: pd.DataFrame, citation: str, summary: str) -> bytes:
    """Workbook: the records, their sources (with evidence quotes), and a citation sheet."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        rows.to_excel(writer, sheet_name="records", index=False)
        sources.to_excel(writer, sheet_name="sources", index=False)
        pd.DataFrame({"field": ["view", "cite as", "licence"],
                      "value": [summary, citation, "CC BY 4.0 (quotes remain their publishers' words)"]}
                     ).to_excel(writer, sheet_name="citation", index=False)
    return buffer.getvalue()


def package_zip_bytes(data_dir: Path) -> bytes:
    """The whole data package (descriptor, CSVs, manifest, README) as a zip."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(data_dir.iterdir()):
            if path.is_file() and (path.suffix in {".csv", ".json", ".md"} or path.name == "SHA256SUMS"):
                archive.write(path, f"safe-city-atlas-data/{path.name}")
    return buffer.getvalue()
