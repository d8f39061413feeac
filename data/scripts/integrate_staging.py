"""Merge curators' staging files into the published data package, refusing incomplete rows loudly.

Curators write agreements in two regional halves (data/staging/agreements_[ab]*.csv), new company ids in
data/staging/companies_*.csv and aggregate findings in data/staging/aggregates_*.csv; the other datasets are
written in place. This step (load inputs, process, save outputs) publishes them: a source row missing a
required field is dropped, a record left without sources is withheld, and both are listed on stdout so they
can go on the "wanted" list. Run from the project root, then validate and refresh the manifest:

    .venv/bin/python data/scripts/integrate_staging.py [--out data]
    .venv/bin/python -m dashboard.data manifest && .venv/bin/python -m dashboard.data validate
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
sys.path.insert(0, str(ROOT))
from dashboard.data.validate import COMPANY_COLUMNS  # noqa: E402  (dataset -> its company id column)

STAGING = DATA / "staging"
TODAY = dt.date.today().isoformat()  # first_published / last_changed / changelog date of this run
SOURCE_REQUIRED = ["record_id", "source_n", "url", "publisher", "evidence_quote", "source_type"]
PARTIAL_DATE = re.compile(r"^(19|20)\d{2}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def read(path: Path) -> pd.DataFrame:
    """Read a CSV as strings, empty cells as empty strings."""
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


def tidy(frame: pd.DataFrame) -> pd.DataFrame:
    """Trim cells and fold runs of white space (quotes keep their words, line breaks become spaces)."""
    return frame.apply(lambda column: column.str.replace(r"\s+", " ", regex=True).str.strip())


def required_columns(descriptor: dict, resource: str) -> list[str]:
    """Columns the descriptor marks required."""
    fields = next(r for r in descriptor["resources"] if r["name"] == resource)["schema"]["fields"]
    return [f["name"] for f in fields if f.get("constraints", {}).get("required")]


def publish(records: pd.DataFrame, sources: pd.DataFrame, name: str, descriptor: dict,
            withheld: list[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Drop incomplete source rows and records; return what can be published."""
    ok = (sources[SOURCE_REQUIRED] != "").all(axis=1)
    ok &= sources["url"].str.match(r"^https?://\S+$") & (sources["evidence_quote"].str.len() <= 300)
    ok &= sources["published"].map(lambda v: v == "" or bool(PARTIAL_DATE.match(v)))
    for row in sources[~ok].itertuples():
        withheld.append(f"{name}_sources: {row.record_id} source {row.source_n} dropped (URL, publisher or quote "
                        f"missing, quote over 300 characters, or malformed date)")
    sources = sources[ok]
    needed = [c for c in required_columns(descriptor, name) if c in records.columns]
    complete = (records[needed] != "").all(axis=1)
    for row in records[~complete].itertuples():
        missing = [c for c in needed if getattr(row, c) == ""]
        withheld.append(f"{name}: {row.record_id} withheld (missing {', '.join(missing)})")
    records = records[complete]
    sourced = records["record_id"].isin(sources.loc[sources["published"] != "", "record_id"])
    for row in records[~sourced].itertuples():
        withheld.append(f"{name}: {row.record_id} withheld (no source with a publication date)")
    records = records[sourced]
    # Renumber sources 1..n per record so gaps from dropped rows do not show.
    sources = sources[sources["record_id"].isin(records["record_id"])].copy()
    sources["source_n"] = (sources.groupby("record_id").cumcount() + 1).astype(str)
    return records, sources


def main(out: Path) -> None:
    """Integrate and write the package files."""
    # 1. Load inputs.
    descriptor = json.loads((DATA / "datapackage.json").read_text())
    agreements = pd.concat([read(p) for p in sorted(STAGING.glob("agreements_[ab].csv"))], ignore_index=True)
    agreement_sources = pd.concat([read(p) for p in sorted(STAGING.glob("agreements_[ab]_sources.csv"))],
                                  ignore_index=True)
    tables = {name: read(DATA / f"{name}.csv") for name in
              ("courses", "courses_sources", "course_participants", "entity_list", "entity_list_sources",
               "donations", "donations_sources")}
    companies = pd.concat([read(DATA / "companies.csv")] + [read(p) for p in sorted(STAGING.glob("companies_*.csv"))],
                          ignore_index=True)
    aggregates = [read(p) for p in sorted(STAGING.glob("aggregates_*.csv"))]
    changelog = read(DATA / "changelog.csv")

    # 2. Process.
    withheld: list[str] = []
    companies = tidy(companies).drop_duplicates("company_id", keep="first")
    error = "Company ids must be lower_snake_case"
    assert companies["company_id"].str.match(r"^[a-z0-9_]+$").all(), error
    published = {}
    for name, records, sources in (
        ("agreements", agreements, agreement_sources),
        ("courses", tables["courses"], tables["courses_sources"]),
        ("entity_list", tables["entity_list"], tables["entity_list_sources"]),
        ("donations", tables["donations"], tables["donations_sources"]),
    ):
        records = tidy(records).drop_duplicates("record_id")
        company_column = COMPANY_COLUMNS.get(name)
        if company_column:
            # A transfer by several firms at once names them all in its text; the link goes to none of them.
            several = records[company_column].str.contains(";")
            records.loc[several, company_column] = ""
            unknown = (records[company_column] != "") & ~records[company_column].isin(companies["company_id"])
            for row in records[unknown].itertuples():
                withheld.append(f"{name}: {row.record_id} has unknown company id "
                                f"{getattr(row, company_column)!r}")
            records = records[~unknown]
        published[name] = publish(records, tidy(sources), name, descriptor, withheld)
    courses = published["courses"][0]
    participants = tidy(tables["course_participants"]).drop_duplicates()
    participants = participants[participants["record_id"].isin(courses["record_id"])]
    if aggregates:
        aggregate_rows = tidy(pd.concat(aggregates, ignore_index=True))
        aggregate_rows["aggregate_id"] = [f"AGG-{i:03d}" for i in range(1, len(aggregate_rows) + 1)]
    else:
        aggregate_rows = read(DATA / "aggregates.csv")
    known = set(changelog["record_id"])
    added = [{"date": TODAY, "record_id": record_id, "change": "added", "description": "First published."}
             for name in published for record_id in published[name][0]["record_id"] if record_id not in known]
    changelog = pd.concat([changelog, pd.DataFrame(added, columns=changelog.columns)], ignore_index=True)

    # 3. Save outputs.
    out.mkdir(parents=True, exist_ok=True)
    outputs = {"companies": companies, "course_participants": participants, "aggregates": aggregate_rows,
               "changelog": changelog}
    for name, (records, sources) in published.items():
        outputs[name], outputs[f"{name}_sources"] = records, sources
    for name, frame in outputs.items():
        columns = [f["name"] for f in next(r for r in descriptor["resources"] if r["name"] == name)["schema"]["fields"]]
        frame.reindex(columns=columns).fillna("").to_csv(out / f"{name}.csv", index=False, quoting=csv.QUOTE_MINIMAL,
                                                        lineterminator="\n")
    for name in ("agreements", "courses", "entity_list", "donations"):
        print(f"{name}: {len(outputs[name])} records, {len(outputs[name + '_sources'])} sources")
    print("\n".join(withheld) if withheld else "nothing withheld")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DATA)
    main(parser.parse_args().out)
