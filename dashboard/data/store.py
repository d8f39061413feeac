"""Load the validated data package into read-only frames, and the unified table the pages count from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import pandas as pd

from dashboard.data.errors import DataPackageError
from dashboard.data.validate import COMPANY_COLUMNS, SOURCE_TABLES, check_integrity, validate_package

DATASETS = ("agreements", "courses", "entity_list", "donations")
ORGANISER_COUNTRY = "CHN"

# Frictionless field type -> pandas dtype. Dates stay strings where they may be partial (YYYY or YYYY-MM).
PANDAS_DTYPES = {"string": "string", "integer": "Int64", "number": "Float64", "boolean": "boolean",
                 "date": "string", "year": "Int64"}

RECORD_COLUMNS = ["record_id", "dataset", "iso3", "year", "date", "company_id", "title", "summary", "status",
                  "tags", "confidence", "city", "latitude", "longitude"]


def read_table(data_dir: Path, resource: dict) -> pd.DataFrame:
    """Read one CSV with the dtypes its schema declares (missing values are empty cells)."""
    fields = resource["schema"]["fields"]
    dtypes = {f["name"]: PANDAS_DTYPES.get(f["type"], "string") for f in fields}
    booleans = [name for name, dtype in dtypes.items() if dtype == "boolean"]
    frame = pd.read_csv(data_dir / resource["path"], dtype={k: v for k, v in dtypes.items() if k not in booleans},
                        keep_default_na=False, na_values=[""], encoding="utf-8")
    for name in booleans:
        frame[name] = frame[name].map({"True": True, "true": True, "False": False, "false": False,
                                       True: True, False: False}).astype("boolean")
    return frame[[f["name"] for f in fields]]


def unify_records(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per record and country: the unit the map, timeline and table all count.

    A course appears once per participant country its sources name (at its host country when none is
    named, else in China), so a course with five named participant countries counts five times on the map.
    """
    agreements = tables["agreements"]
    agreement_rows = pd.DataFrame({
        "record_id": agreements["record_id"], "dataset": "agreements", "iso3": agreements["iso3"],
        "year": agreements["year"], "date": agreements["date"], "company_id": agreements[COMPANY_COLUMNS["agreements"]],
        "title": agreements["project_name"].fillna(agreements["customer"]).fillna(agreements["summary"]),
        "summary": agreements["summary"], "status": agreements["status"], "tags": agreements["tech_tags"],
        "confidence": agreements["confidence"], "city": agreements["city"], "latitude": agreements["latitude"],
        "longitude": agreements["longitude"]})

    courses = tables["courses"]
    placements = tables["course_participants"].merge(courses[["record_id"]], on="record_id")
    unplaced = courses.loc[~courses["record_id"].isin(placements["record_id"]), ["record_id", "host_iso3"]]
    # Every course is run by a Chinese official body, so with no participant or host named it sits in China.
    unplaced = unplaced.assign(iso3=unplaced["host_iso3"].fillna(ORGANISER_COUNTRY))[["record_id", "iso3"]]
    placements = pd.concat([placements, unplaced], ignore_index=True)
    placed_courses = placements.merge(courses, on="record_id")
    course_rows = pd.DataFrame({
        "record_id": placed_courses["record_id"], "dataset": "courses", "iso3": placed_courses["iso3"],
        "year": placed_courses["year"], "date": placed_courses["start_date"], "company_id": pd.NA,
        "title": placed_courses["title"], "summary": placed_courses["summary"], "status": "held",
        "tags": placed_courses["topics"], "confidence": placed_courses["confidence"], "city": pd.NA,
        "latitude": pd.NA, "longitude": pd.NA})

    entities = tables["entity_list"]
    entity_rows = pd.DataFrame({
        "record_id": entities["record_id"], "dataset": "entity_list", "iso3": entities["destination_iso3"],
        "year": pd.to_numeric(entities["effective_date"].str.slice(0, 4)).astype("Int64"),
        "date": entities["effective_date"], "company_id": entities[COMPANY_COLUMNS["entity_list"]],
        "title": entities["entity_name"],
        "summary": entities["summary"], "status": entities["action"], "tags": entities["tech_tags"],
        "confidence": entities["confidence"], "city": pd.NA, "latitude": pd.NA, "longitude": pd.NA})

    donations = tables["donations"]
    donation_rows = pd.DataFrame({
        "record_id": donations["record_id"], "dataset": "donations", "iso3": donations["recipient_iso3"],
        "year": donations["year"], "date": donations["date"], "company_id": donations[COMPANY_COLUMNS["donations"]],
        "title": donations["donor_name"] + ": " + donations["items"], "summary": donations["summary"],
        "status": donations["transfer_type"], "tags": donations["tech_category"],
        "confidence": donations["confidence"], "city": pd.NA, "latitude": pd.NA, "longitude": pd.NA})

    parts = [frame.astype({"latitude": "Float64", "longitude": "Float64", "year": "Int64"})
             for frame in (agreement_rows, course_rows, entity_rows, donation_rows) if len(frame)]
    if not parts:
        return pd.DataFrame({column: pd.Series(dtype="string") for column in RECORD_COLUMNS})
    records = pd.concat(parts, ignore_index=True)[RECORD_COLUMNS]
    return records.astype({c: "string" for c in RECORD_COLUMNS if c not in ("year", "latitude", "longitude")})


@dataclass(frozen=True)
class AtlasData:
    """Everything the pages need, loaded once per process and never changed afterwards.

    Frames are shared, not copied: pandas 3's copy-on-write means a caller's derived frame never
    writes back into these. Do not assign into them (`frame.loc[...] = ...`).
    """

    descriptor: MappingProxyType
    tables: MappingProxyType
    records: pd.DataFrame
    sources: pd.DataFrame
    data_dir: Path

    @property
    def countries(self) -> pd.DataFrame:
        """The countries reference table with context layers."""
        return self.tables["countries"]

    @property
    def companies(self) -> pd.DataFrame:
        """The companies and organisations reference table."""
        return self.tables["companies"]

    @property
    def last_updated(self) -> str:
        """The package's last_updated date (YYYY-MM-DD)."""
        return str(self.descriptor.get("last_updated", ""))

    @property
    def version(self) -> str:
        """The package version."""
        return str(self.descriptor.get("version", ""))

    def resource(self, name: str) -> dict:
        """The descriptor entry of one resource."""
        return next(r for r in self.descriptor["resources"] if r["name"] == name)

    def summary_text(self) -> str:
        """Short plain-text summary: records per dataset, countries covered, sources per record."""
        lines = [f"Safe City Atlas data package {self.version} (last updated {self.last_updated})"]
        for dataset in DATASETS:
            frame = self.tables[dataset]
            in_dataset = self.records[self.records["dataset"] == dataset]
            sources = self.sources[self.sources["dataset"] == dataset]
            per_record = len(sources) / len(frame) if len(frame) else 0
            lines.append(f"  {dataset:<12} {len(frame):>4} records  {in_dataset['iso3'].nunique():>3} countries  "
                         f"{per_record:.1f} sources/record")
        lines.append(f"  aggregates   {len(self.tables['aggregates']):>4} documented totals")
        return "\n".join(lines)


def load_atlas(data_dir: Path, *, today: dt.date | None = None, check_checksums: bool = True) -> AtlasData:
    """Validate the package in `data_dir` and load it; raise DataPackageError with one line if it is bad."""
    descriptor = validate_package(data_dir, check_checksums=check_checksums)
    try:
        tables = {r["name"]: read_table(data_dir, r) for r in descriptor["resources"]}
    except (ValueError, KeyError) as exc:  # Frictionless already checked types; this is belt and braces.
        raise DataPackageError(data_dir.name, f"could not be read as declared ({exc})") from None
    check_integrity(data_dir, tables, today or dt.date.today())
    sources = pd.concat([tables[name].assign(dataset=dataset) for dataset, name in SOURCE_TABLES.items()],
                        ignore_index=True)
    context = tables["countries"][["iso3", "name", "region", "regime_row", "fh_status", "bri_status",
                                   "on_base_map"]].rename(columns={"name": "country_name"})
    records = unify_records(tables).merge(context, on="iso3", how="left", validate="many_to_one")
    return AtlasData(descriptor=MappingProxyType(descriptor), tables=MappingProxyType(tables),
                     records=records, sources=sources, data_dir=data_dir)
