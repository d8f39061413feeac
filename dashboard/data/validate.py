"""Validate the data package once: Frictionless schema checks plus the atlas's own integrity rules.

Command line (prints a short summary, exits 1 with one line on the first problem):

    .venv/bin/python -m dashboard.data validate [DATA_DIR]
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from frictionless import Package

from dashboard.data.errors import DataPackageError
from dashboard.data.manifest import check_manifest

# Each curated dataset and its long table of sources.
SOURCE_TABLES = {"agreements": "agreements_sources", "courses": "courses_sources",
                 "entity_list": "entity_list_sources", "donations": "donations_sources"}
PARTIAL_DATE_COLUMNS = {"agreements": ["date"], "courses": ["start_date", "end_date"], "donations": ["date"],
                        "agreements_sources": ["published"], "courses_sources": ["published"],
                        "entity_list_sources": ["published"], "donations_sources": ["published"],
                        "aggregates": ["published"]}
# The column of each dataset that names a company (courses name none).
COMPANY_COLUMNS = {"agreements": "vendor_id", "entity_list": "company_id", "donations": "donor_company_id"}


def read_descriptor(data_dir: Path) -> dict:
    """Read datapackage.json, refusing a missing, unreadable or malformed file with one line."""
    path = data_dir / "datapackage.json"
    label = f"{data_dir.name}/datapackage.json"
    try:
        descriptor = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataPackageError(label, "file not found") from None
    except PermissionError:
        raise DataPackageError(label, "file cannot be read (permission denied)") from None
    except UnicodeDecodeError as exc:
        raise DataPackageError(label, f"not valid UTF-8 at byte {exc.start}") from None
    except json.JSONDecodeError as exc:
        raise DataPackageError(label, f"not valid JSON ({exc.msg})", row=exc.lineno) from None
    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("resources"), list):
        raise DataPackageError(label, "has no 'resources' list")
    return descriptor


def check_files_readable(data_dir: Path, descriptor: dict) -> None:
    """Every resource file exists, is readable and is UTF-8, before Frictionless reads it."""
    for resource in descriptor["resources"]:
        label = f"{data_dir.name}/{resource['path']}"
        try:
            raw = (data_dir / resource["path"]).read_bytes()
        except FileNotFoundError:
            raise DataPackageError(label, "file not found") from None
        except (PermissionError, IsADirectoryError):
            raise DataPackageError(label, "file cannot be read") from None
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            raise DataPackageError(label, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})", row=line - 1,
                                   value=raw[max(0, exc.start - 20): exc.start + 5].decode("utf-8", "replace")
                                   ) from None


def first_frictionless_error(data_dir: Path, descriptor: dict) -> DataPackageError | None:
    """Run Frictionless over the whole package; the first error as a DataPackageError, or None."""
    package = Package(descriptor, basepath=str(data_dir))
    report = package.validate()
    if report.valid:
        return None
    for task in report.tasks:
        for error in task.errors:
            path = f"{data_dir.name}/{task.place or task.name}".replace(f"{data_dir}/", "")
            row_number = getattr(error, "row_number", None)
            row = row_number - 1 if row_number else None  # Frictionless counts the header as row 1
            column = getattr(error, "field_name", None) or ",".join(getattr(error, "field_names", []) or []) or None
            value = getattr(error, "cell", None)
            if value is None and getattr(error, "field_cells", None):  # foreign keys name their own cells
                value = ",".join(str(c) for c in error.field_cells)
            elif value is None and getattr(error, "cells", None):  # row-level errors (extra/missing cells)
                value = ",".join(str(c) for c in error.cells)
            return DataPackageError(path, f"{error.title}: {error.note}", row=row, column=column, value=value)
    return DataPackageError(data_dir.name, "package is invalid")


def check_integrity(data_dir: Path, tables: dict, today: dt.date) -> None:
    """Rules Frictionless cannot express: every record has a source, and no date lies in the future."""
    for dataset, sources_name in SOURCE_TABLES.items():
        records, sources = tables[dataset], tables[sources_name]
        # Every record needs at least one source with URL, publisher, publication date and quote.
        dated = sources.loc[sources["published"].notna(), "record_id"]
        unsourced = records.loc[~records["record_id"].isin(dated)]
        if len(unsourced):
            first = unsourced.index[0]
            raise DataPackageError(f"{data_dir.name}/{dataset}.csv", "record has no dated source in "
                                   f"{sources_name}.csv", row=int(first) + 1, column="record_id",
                                   value=unsourced.iloc[0]["record_id"])
    for name, columns in PARTIAL_DATE_COLUMNS.items():
        for column in columns:
            values = tables[name][column].dropna()
            # Partial dates compare as strings: "2020-05" <= "2026-11-29" works for YYYY, YYYY-MM, YYYY-MM-DD.
            future = values[values > today.isoformat()]
            if len(future):
                raise DataPackageError(f"{data_dir.name}/{name}.csv", "date lies in the future",
                                       row=int(future.index[0]) + 1, column=column, value=future.iloc[0])
    check_merged_companies(data_dir, tables)
    for name in ("courses",):
        frame = tables[name]
        backwards = frame[frame["end_date"].notna() & frame["start_date"].notna()
                          & (frame["end_date"] < frame["start_date"])]
        if len(backwards):
            raise DataPackageError(f"{data_dir.name}/{name}.csv", "end_date is before start_date",
                                   row=int(backwards.index[0]) + 1, column="end_date",
                                   value=backwards.iloc[0]["end_date"])


def check_merged_companies(data_dir: Path, tables: dict) -> None:
    """A merged company id keeps its row (old links redirect) but no record may use it, and merges do not chain."""
    companies = tables["companies"]
    merged = companies.loc[companies["merged_into"].notna()]
    chained = merged[merged["merged_into"].isin(set(merged["company_id"]))]
    if len(chained):
        raise DataPackageError(f"{data_dir.name}/companies.csv", "merged into a company that is itself merged",
                               row=int(chained.index[0]) + 1, column="merged_into",
                               value=chained.iloc[0]["merged_into"])
    retired = set(merged["company_id"])
    for dataset, column in COMPANY_COLUMNS.items():
        frame = tables[dataset]
        using = frame[frame[column].isin(retired)]
        if len(using):
            raise DataPackageError(f"{data_dir.name}/{dataset}.csv", "record names a merged company id (use the id "
                                   "it was merged into)", row=int(using.index[0]) + 1, column=column,
                                   value=using.iloc[0][column])


def validate_package(data_dir: Path, *, check_checksums: bool = True) -> dict:
    """Run every check on the package in `data_dir`; return the descriptor or raise DataPackageError."""
    descriptor = read_descriptor(data_dir)
    check_files_readable(data_dir, descriptor)
    if check_checksums:
        check_manifest(data_dir)
    error = first_frictionless_error(data_dir, descriptor)
    if error is not None:
        raise error
    return descriptor

