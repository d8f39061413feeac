"""Write data/datapackage.json: the typed contract (Frictionless Data Package) for every file in data/.

The descriptor is generated so that shared column definitions (sources, record dates, tags) are written
once. Edit this script, run it, and commit both it and the JSON. Then refresh the checksum manifest:

    .venv/bin/python data/scripts/write_datapackage.py
    .venv/bin/python -m dashboard.data manifest
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def latest_change(changelog: Path) -> str:
    """The package's last_updated: the newest date in the record changelog (a curation run writes it)."""
    with changelog.open(encoding="utf-8", newline="") as handle:
        return max(row["date"] for row in csv.DictReader(handle))


LAST_UPDATED = latest_change(ROOT / "data" / "changelog.csv")
EARLIEST_DATE = "2000-01-01"


def enum_list_pattern(values: list[str]) -> str:
    """Pattern for a ';'-separated list whose members all come from `values`."""
    member = "(" + "|".join(values) + ")"
    return f"^{member}(;{member})*$"


PARTIAL_DATE = r"^(19|20)\d{2}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
ISO3 = "^([A-Z]{3})$"
RECORD_ID = {"AGR": r"^AGR-\d{3}$", "CRS": r"^CRS-\d{3}$", "ENT": r"^ENT-\d{3}$", "DON": r"^DON-\d{3}$"}
CONFIDENCE = ["high", "medium", "low"]
SOURCE_TYPES = ["official_document", "vendor_statement", "research_report", "reputable_media", "state_media",
                "secondary"]
AGREEMENT_TAGS = ["cameras", "facial_recognition", "licence_plate_recognition", "command_centre", "data_centre",
                  "network", "cloud", "ai_analytics", "emergency_communications", "intelligent_transport",
                  "biometrics", "smart_lighting"]
COURSE_TOPICS = ["smart_city", "public_opinion_guidance", "internet_management", "public_security",
                 "telecommunications", "big_data", "urban_planning", "media", "cybersecurity", "ethnic_policy",
                 "surveillance_technology"]
ENTITY_TAGS = ["telecommunications", "video_surveillance", "facial_recognition", "voice_recognition", "ai", "cloud",
               "semiconductors", "supercomputing", "public_security", "drones", "forensics", "genetics", "biometrics"]
DONATION_TAGS = ["thermal_cameras", "drones", "video_conferencing", "ai_diagnosis", "medical_supplies", "testing",
                 "robots", "software", "network_equipment", "cloud"]


def field(name: str, type_: str = "string", description: str = "", **constraints) -> dict:
    """One schema field; keyword arguments become Frictionless constraints."""
    spec = {"name": name, "type": type_}
    if description:
        spec["description"] = description
    if constraints:
        spec["constraints"] = constraints
    return spec


def text(name: str, description: str = "", required: bool = False, max_length: int = 500) -> dict:
    """A free-text field."""
    return field(name, "string", description, required=required, maxLength=max_length) if required else field(
        name, "string", description, maxLength=max_length)


def record_tail() -> list[dict]:
    """Columns every curated record ends with."""
    return [
        field("summary", description="One neutral sentence in our words.", required=True, maxLength=600),
        field("confidence", description="high: official or vendor document; medium: reputable media or research; "
              "low: single aggregator, re-post or state media.", required=True, enum=CONFIDENCE),
        text("notes", "Caveats in our words.", max_length=1000),
        field("first_published", "date", "Date the record was first published in this atlas.", required=True,
              minimum="2026-01-01", maximum=LAST_UPDATED),
        field("last_changed", "date", "Date the record last changed.", required=True, minimum="2026-01-01",
              maximum=LAST_UPDATED),
    ]


def sources_resource(name: str, parent: str, prefix: str) -> dict:
    """The long table of sources for one dataset (one row per record and source)."""
    return {
        "name": name, "path": f"{name}.csv", "profile": "tabular-data-resource", "encoding": "utf-8",
        "description": f"Public sources for every {parent} record, each with a verbatim evidence quote.",
        "schema": {
            "fields": [
                field("record_id", required=True, pattern=RECORD_ID[prefix]),
                field("source_n", "integer", required=True, minimum=1, maximum=20),
                field("url", description="The source page's own URL.", required=True, pattern=r"^https?://[^\s]+$",
                      maxLength=1000),
                field("publisher", required=True, maxLength=200),
                field("title", description="The page's title; empty where the stored copy did not show it.",
                      maxLength=400),
                field("published", description="Publication date, as precise as the source shows; every record "
                      "has at least one dated source.", pattern=PARTIAL_DATE),
                field("evidence_quote", description="Verbatim text from the source supporting the record.",
                      required=True, minLength=10, maxLength=300),
                field("source_type", required=True, enum=SOURCE_TYPES),
            ],
            "primaryKey": ["record_id", "source_n"],
            "foreignKeys": [{"fields": "record_id", "reference": {"resource": parent, "fields": "record_id"}}],
            "missingValues": [""],
        },
    }


def dataset_resource(name: str, title: str, description: str, fields: list[dict], foreign_keys: list[dict]) -> dict:
    """A curated dataset resource."""
    return {
        "name": name, "path": f"{name}.csv", "title": title, "profile": "tabular-data-resource",
        "encoding": "utf-8", "description": description,
        "schema": {"fields": fields, "primaryKey": ["record_id"], "foreignKeys": foreign_keys,
                   "missingValues": [""]},
    }


def fk(column: str, resource: str, target: str) -> dict:
    """A foreign key from `column` to `resource.target`."""
    return {"fields": column, "reference": {"resource": resource, "fields": target}}


COUNTRIES = {
    "name": "countries", "path": "countries.csv", "title": "Countries and context layers",
    "profile": "tabular-data-resource", "encoding": "utf-8",
    "description": "ISO 3166-1 countries (plus Kosovo, XKX) with region, BRI MoU status and regime type. Built by "
                   "data/scripts/build_countries.py.",
    "sources": [
        {"title": "pycountry (ISO 3166-1 codes and names)", "path": "https://pypi.org/project/pycountry/"},
        {"title": "country_converter (continent, UN region, name patterns)",
         "path": "https://github.com/IndEcol/country_converter"},
        {"title": "Nedopil, C. (2023): Countries of the Belt and Road Initiative, Green Finance & Development "
                  "Center, FISF Fudan University (December 2023 edition)", "path": "https://greenfdc.org/"},
        {"title": "V-Dem Regimes of the World via Our World in Data, 'Political regime' (data to 2022)",
         "path": "https://ourworldindata.org/grapher/political-regime"},
        {"title": "Freedom House, Freedom in the World, cleaned by Our World in Data (ratings to 2022)",
         "path": "https://freedomhouse.org/report/freedom-world"},
    ],
    "schema": {
        "fields": [
            field("iso3", required=True, pattern=ISO3),
            field("name", required=True, maxLength=100),
            field("region", description="Continent (country_converter)."),
            field("subregion", description="UN geoscheme region (country_converter)."),
            field("bri_status", description="BRI MoU (GFDC): member, former_member (exited) or none.", required=True,
                  enum=["member", "former_member", "none"]),
            field("bri_join_date", "date", "GFDC's 'likely date of joining' (often month precision shown as day 01)."),
            field("bri_exit_date", "date", "GFDC's 'likely date of exit'."),
            field("regime_row", description="V-Dem Regimes of the World, latest year.",
                  enum=["closed_autocracy", "electoral_autocracy", "electoral_democracy", "liberal_democracy"]),
            field("regime_row_year", "integer", minimum=1900, maximum=2030),
            field("fh_status", description="Freedom House Freedom in the World status, latest year.",
                  enum=["not_free", "partly_free", "free"]),
            field("fh_year", "integer", minimum=1970, maximum=2030),
            field("on_base_map", "boolean", "Whether plotly's world_110m base map draws this country.",
                  required=True),
            text("note", "How a non-standard case is handled."),
        ],
        "primaryKey": ["iso3"], "missingValues": [""],
    },
}

REGIME_HISTORY = {
    "name": "regime_history", "path": "regime_history.csv", "title": "Regime type by year",
    "profile": "tabular-data-resource", "encoding": "utf-8",
    "description": "V-Dem Regimes of the World and Freedom House status per country and year since 2010. Built by "
                   "data/scripts/build_countries.py from the same sources as countries.csv.",
    "schema": {
        "fields": [
            field("iso3", required=True, pattern=ISO3),
            field("year", "integer", required=True, minimum=2010, maximum=2030),
            field("regime_row", enum=["closed_autocracy", "electoral_autocracy", "electoral_democracy",
                                      "liberal_democracy"]),
            field("fh_status", enum=["not_free", "partly_free", "free"]),
        ],
        "primaryKey": ["iso3", "year"], "foreignKeys": [fk("iso3", "countries", "iso3")], "missingValues": [""],
    },
}

COMPANIES = {
    "name": "companies", "path": "companies.csv", "title": "Companies and organisations",
    "profile": "tabular-data-resource", "encoding": "utf-8",
    "description": "Chinese vendors, donors and listed entities that the datasets link to.",
    "schema": {
        "fields": [
            field("company_id", required=True, pattern="^[a-z0-9_]+$"),
            field("name_en", required=True, maxLength=200),
            field("name_zh", maxLength=100),
            field("aliases", description="';'-separated other names.", maxLength=500),
            field("sector", required=True, maxLength=100),
            field("headquarters", maxLength=100),
            field("parent_id", pattern="^[a-z0-9_]+$"),
            text("notes"),
            field("merged_into", pattern="^[a-z0-9_]+$",
                  description="Set when this id turned out to duplicate another company: the id stays valid (its "
                              "page redirects there) and no record uses it any more."),
        ],
        "primaryKey": ["company_id"],
        "foreignKeys": [fk("parent_id", "", "company_id"), fk("merged_into", "", "company_id")],
        "missingValues": [""],
    },
}

AGREEMENTS = dataset_resource(
    "agreements", "Safe/smart-city agreements abroad",
    "Agreements and projects by Chinese vendors for safe-city or smart-city systems outside China.",
    [
        field("record_id", required=True, pattern=RECORD_ID["AGR"]),
        field("iso3", required=True, pattern=ISO3),
        field("city", maxLength=100),
        field("latitude", "number", "Approximate city centre.", minimum=-90, maximum=90),
        field("longitude", "number", "Approximate city centre.", minimum=-180, maximum=180),
        field("customer", maxLength=300),
        field("vendor_id", required=True, pattern="^[a-z0-9_]+$"),
        field("project_name", maxLength=300),
        field("year", "integer", "Year of the agreement or launch; empty where no source dates it.",
              minimum=2000, maximum=2026),
        field("date", description="Partial date (YYYY, YYYY-MM or YYYY-MM-DD).", pattern=PARTIAL_DATE),
        field("status", required=True, enum=["announced", "signed", "deployed", "suspended"]),
        field("tech_tags", pattern=enum_list_pattern(AGREEMENT_TAGS)),
        field("financing", maxLength=300),
        *record_tail(),
    ],
    [fk("iso3", "countries", "iso3"), fk("vendor_id", "companies", "company_id")],
)

COURSES = dataset_resource(
    "courses", "Chinese official training courses for foreign officials",
    "Courses, seminars and study tours run or funded by Chinese official bodies for foreign officials.",
    [
        field("record_id", required=True, pattern=RECORD_ID["CRS"]),
        field("title", required=True, maxLength=300),
        field("organiser", maxLength=300),
        field("organiser_type", enum=["central_government", "ministry_agency", "university", "company", "party_organ",
                                       "local_government"]),
        field("host_city", maxLength=100),
        field("host_iso3", pattern=ISO3),
        field("start_date", pattern=PARTIAL_DATE),
        field("end_date", pattern=PARTIAL_DATE),
        field("year", "integer", "Year held; empty where no source dates it.", minimum=2000, maximum=2026),
        field("topics", pattern=enum_list_pattern(COURSE_TOPICS)),
        field("participant_count", "integer", minimum=1, maximum=100000),
        *record_tail(),
    ],
    [fk("host_iso3", "countries", "iso3")],
)

COURSE_PARTICIPANTS = {
    "name": "course_participants", "path": "course_participants.csv", "profile": "tabular-data-resource",
    "encoding": "utf-8", "description": "Participant countries named by a course's sources (course x country).",
    "schema": {
        "fields": [field("record_id", required=True, pattern=RECORD_ID["CRS"]),
                   field("iso3", required=True, pattern=ISO3)],
        "primaryKey": ["record_id", "iso3"],
        "foreignKeys": [fk("record_id", "courses", "record_id"), fk("iso3", "countries", "iso3")],
        "missingValues": [""],
    },
}

ENTITY_LIST = dataset_resource(
    "entity_list", "US Entity List: Chinese entities",
    "Entries for China and Hong Kong on the US Commerce Department's Entity List (15 CFR 744, Supplement 4) "
    "relevant to smart/safe-city technology, with the Federal Register rule for each action.",
    [
        field("record_id", required=True, pattern=RECORD_ID["ENT"]),
        field("entity_name", required=True, maxLength=400),
        field("company_id", required=True, pattern="^[a-z0-9_]+$"),
        field("destination_iso3", required=True, pattern=ISO3),
        field("action", required=True, enum=["added", "removed", "modified"]),
        field("effective_date", "date", required=True, minimum="2000-01-01", maximum=LAST_UPDATED),
        field("fr_citation", pattern=r"^\d{2} FR \d{3,6}$"),
        field("fr_document_number", pattern=r"^\d{4}-\d{4,6}$"),
        field("fr_published", "date", minimum="2000-01-01", maximum=LAST_UPDATED),
        field("reason", maxLength=1000),
        field("license_requirement", maxLength=500),
        field("license_review_policy", maxLength=500),
        field("tech_tags", pattern=enum_list_pattern(ENTITY_TAGS)),
        *record_tail(),
    ],
    [fk("company_id", "companies", "company_id"), fk("destination_iso3", "countries", "iso3")],
)

DONATIONS = dataset_resource(
    "donations", "Covid-era technology donations",
    "Technology and supplies given or sold by Chinese donors to foreign recipients in 2020-2021.",
    [
        field("record_id", required=True, pattern=RECORD_ID["DON"]),
        field("donor_name", required=True, maxLength=300),
        field("donor_type", required=True,
              enum=["central_government", "local_government", "company", "foundation", "embassy"]),
        field("donor_company_id", pattern="^[a-z0-9_]+$"),
        field("recipient_iso3", required=True, pattern=ISO3),
        field("recipient_org", maxLength=300),
        field("items", required=True, maxLength=500),
        field("tech_category", required=True, pattern=enum_list_pattern(DONATION_TAGS)),
        field("quantity", "integer", minimum=1, maximum=100000000),
        field("transfer_type", required=True, enum=["donated", "sold", "loaned", "unclear"]),
        field("date", pattern=PARTIAL_DATE),
        field("year", "integer", required=True, minimum=2020, maximum=2021),
        *record_tail(),
    ],
    [fk("recipient_iso3", "countries", "iso3"), fk("donor_company_id", "companies", "company_id")],
)

AGGREGATES = {
    "name": "aggregates", "path": "aggregates.csv", "title": "Documented aggregate findings",
    "profile": "tabular-data-resource", "encoding": "utf-8",
    "description": "Published totals (e.g. countries whose officials were trained) that are not expanded into rows.",
    "schema": {
        "fields": [
            field("aggregate_id", required=True, pattern=r"^AGG-\d{3}$"),
            field("dataset", required=True, enum=["agreements", "courses", "entity_list", "donations"]),
            field("statement", required=True, maxLength=500),
            field("value", "integer", required=True, minimum=0),
            field("unit", required=True, maxLength=100),
            field("url", required=True, pattern=r"^https?://[^\s]+$"),
            field("publisher", required=True, maxLength=200),
            field("title", maxLength=400),
            field("published", pattern=PARTIAL_DATE),
            field("evidence_quote", required=True, minLength=10, maxLength=300),
            field("source_type", required=True, enum=SOURCE_TYPES),
        ],
        "primaryKey": ["aggregate_id"], "missingValues": [""],
    },
}

CHANGELOG = {
    "name": "changelog", "path": "changelog.csv", "title": "Record-level changelog",
    "profile": "tabular-data-resource", "encoding": "utf-8",
    "description": "Every addition, correction and withdrawal of a record, newest last.",
    "schema": {
        "fields": [
            field("date", "date", required=True, minimum="2026-01-01", maximum=LAST_UPDATED),
            field("record_id", required=True, pattern=r"^(AGR|CRS|ENT|DON)-\d{3}$"),
            field("change", required=True, enum=["added", "corrected", "withdrawn"]),
            field("description", required=True, maxLength=500),
        ],
        "missingValues": [""],
    },
}


def build() -> dict:
    """The whole descriptor."""
    return {
        "profile": "tabular-data-package",
        "name": "safe-city-atlas",
        "title": "Safe City Atlas: Chinese smart-city and safe-city technology exports",
        "version": "0.1.0",
        "last_updated": LAST_UPDATED,
        "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
                      "title": "Creative Commons Attribution 4.0 (our curation; quoted sources keep their terms)"}],
        "sources": [
            {"title": "Ekman & de Esperanza Picardo, Towards Urban Decoupling? China's smart city ambitions at the "
                      "time of Covid-19, EUISS Brief 10, May 2020",
             "path": "https://www.iss.europa.eu/content/towards-urban-decoupling-china%E2%80%99s-smart-city-"
                     "ambitions-time-covid-19", "producer": "EUISS"},
            {"title": "US Bureau of Industry and Security rules in the Federal Register",
             "path": "https://www.federalregister.gov/", "producer": "US BIS / Federal Register"},
            {"title": "CSIS Reconnecting Asia, Watching Huawei's Safe Cities (2019)",
             "path": "https://www.csis.org/analysis/watching-huaweis-safe-cities", "producer": "CSIS"},
            {"title": "Freedom House, Freedom on the Net 2018",
             "path": "https://freedomhouse.org/report/freedom-net/2018/rise-digital-authoritarianism",
             "producer": "Freedom House"},
        ],
        "resources": [COUNTRIES, REGIME_HISTORY, COMPANIES, AGREEMENTS,
                      sources_resource("agreements_sources", "agreements", "AGR"),
                      COURSES, COURSE_PARTICIPANTS, sources_resource("courses_sources", "courses", "CRS"),
                      ENTITY_LIST, sources_resource("entity_list_sources", "entity_list", "ENT"),
                      DONATIONS, sources_resource("donations_sources", "donations", "DON"),
                      AGGREGATES, CHANGELOG],
    }


if __name__ == "__main__":
    target = ROOT / "data" / "datapackage.json"
    target.write_text(json.dumps(build(), indent=1, ensure_ascii=False) + "\n")
    print(f"wrote {target.relative_to(ROOT)}")
