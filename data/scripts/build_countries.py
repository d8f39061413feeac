"""Build data/countries.csv: ISO codes, regions, BRI MoU status and regime type for every country.

Re-runnable curation step (OWID-style: load inputs, process, save outputs). Inputs are the raw context
files in ../shared/sources (see its PROVENANCE.md) and the country tables shipped by pycountry and
country_converter. Run from the project root:

    .venv/bin/python data/scripts/build_countries.py [--sources ../shared/sources]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from pathlib import Path

import pandas as pd
import pycountry

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "data" / "countries.csv"
HISTORY_OUTPUT = ROOT / "data" / "regime_history.csv"
HISTORY_FROM = 2010  # the atlas's records start in the 2010s
TOPOJSON = ROOT / "assets" / "topojson" / "world_110m.json"

VDEM_LABELS = {0: "closed_autocracy", 1: "electoral_autocracy", 2: "electoral_democracy", 3: "liberal_democracy"}
FH_LABELS = {0: "not_free", 1: "partly_free", 2: "free"}

# Codes outside ISO 3166-1 that we use on purpose. XKX is the user-assigned code for Kosovo used by the
# EU, the World Bank and plotly's base map alike.
NON_ISO = {"XKX": "Kosovo"}

# Cases that need a sentence in the data, not just a code (issue 3).
SPECIAL_NOTES = {
    "XKX": "Kosovo is not in ISO 3166-1; XKX is a user-assigned code. V-Dem (via OWID) codes it OWID_KOS.",
    "TWN": "Listed under its ISO 3166-1 code TWN (ISO name 'Taiwan, Province of China'); shown as Taiwan.",
    "HKG": "Hong Kong SAR of China has its own ISO code; Entity List rules list Hong Kong as a separate destination.",
    "MAC": "Macao SAR of China has its own ISO code.",
    "PSE": (
        "V-Dem (via OWID) codes Palestine/Gaza and Palestine/West Bank separately without an ISO code, and "
        "Freedom House rates the West Bank and the Gaza Strip separately: no single regime value is given."
    ),
    "CHN": "China is the origin of the records; its own entries (e.g. the Entity List) are shown for context.",
}

# Display names: ISO's official short names are long for a map tooltip in a few places.
SHORT_NAMES = {"TWN": "Taiwan", "XKX": "Kosovo", "PSE": "Palestine", "HKG": "Hong Kong", "MAC": "Macao"}


def load_country_converter_table() -> pd.DataFrame:
    """Read country_converter's bundled table (its own reader breaks on pandas 3: ISO2 'NA' becomes NaN)."""
    import country_converter

    path = Path(country_converter.__file__).with_name("country_data.tsv")
    return pd.read_csv(path, sep="\t", keep_default_na=False, dtype=str)


def name_to_iso3(names: pd.Series, coco: pd.DataFrame) -> pd.Series:
    """Map country names to ISO3 with country_converter's regexes (the maintained matcher)."""
    patterns = [(re.compile(row.regex, re.IGNORECASE), row.ISO3) for row in coco.itertuples()]

    def match(name: str) -> str | None:
        hits = {iso3 for pattern, iso3 in patterns if pattern.search(name)}
        return hits.pop() if len(hits) == 1 else None

    return names.map(match)


def main(sources: Path) -> None:
    """Build and write data/countries.csv."""
    # 1. Load inputs.
    coco = load_country_converter_table()
    bri = pd.read_csv(sources / "bri_mou" / "gfdc_23_12_BRI-countries-public.csv", dtype=str)
    vdem = pd.read_csv(sources / "regime_type" / "owid_vdem_row_political-regime_to2022.csv")
    fh = pd.read_csv(sources / "regime_type" / "owid_fh_final.csv", low_memory=False)
    topo = json.loads(TOPOJSON.read_text())
    on_base_map = {g.get("id") for g in topo["objects"]["countries"]["geometries"]}

    # 2. Process.
    countries = pd.DataFrame(
        [{"iso3": c.alpha_3, "name": SHORT_NAMES.get(c.alpha_3, getattr(c, "common_name", c.name))}
         for c in pycountry.countries]
        + [{"iso3": code, "name": name} for code, name in NON_ISO.items()]
    )
    regions = coco.set_index("ISO3")[["continent", "UNregion"]]
    countries["region"] = countries["iso3"].map(regions["continent"]).replace("", pd.NA)
    countries["subregion"] = countries["iso3"].map(regions["UNregion"]).replace("", pd.NA)
    error = "Every country with data needs a region from country_converter"
    assert countries.loc[countries["iso3"].isin(["KEN", "SRB", "XKX", "TWN", "PSE"]), "region"].notna().all(), error

    bri = bri.rename(columns={"Country Code": "iso3", "Likely date of joining": "bri_join_date",
                              "Likely date of exit": "bri_exit_date"})
    error = "GFDC codes must be ISO3 codes we know"
    assert bri["iso3"].isin(countries["iso3"]).all(), error
    countries = countries.merge(bri[["iso3", "bri_join_date", "bri_exit_date"]], on="iso3", how="left")
    countries["bri_status"] = "none"
    countries.loc[countries["iso3"].isin(bri["iso3"]), "bri_status"] = "member"
    countries.loc[countries["bri_exit_date"].notna(), "bri_status"] = "former_member"

    vdem = vdem.dropna(subset=["Code", "regime_row_owid"]).replace({"Code": {"OWID_KOS": "XKX"}})
    latest_vdem = vdem.sort_values("Year").groupby("Code").tail(1)
    countries = countries.merge(
        latest_vdem.rename(columns={"Code": "iso3", "Year": "regime_row_year"})[
            ["iso3", "regime_row_owid", "regime_row_year"]], on="iso3", how="left")
    countries["regime_row"] = countries.pop("regime_row_owid").map(VDEM_LABELS)

    fh = fh[fh["regime_fh"].notna()].copy()
    fh["iso3"] = name_to_iso3(fh["country_name"], coco)
    error = "Freedom House names must map to ISO3 for the countries we show"
    assert fh.loc[fh["country_name"].isin(["Kenya", "Serbia", "Kosovo", "Taiwan"]), "iso3"].notna().all(), error
    latest_fh = fh.dropna(subset=["iso3"]).sort_values("year").groupby("iso3").tail(1)
    countries = countries.merge(
        latest_fh[["iso3", "regime_fh", "year"]].rename(columns={"year": "fh_year"}), on="iso3", how="left")
    countries["fh_status"] = countries.pop("regime_fh").map(FH_LABELS)
    countries.loc[countries["iso3"] == "PSE", ["regime_row", "regime_row_year", "fh_status", "fh_year"]] = pd.NA

    countries["on_base_map"] = countries["iso3"].isin(on_base_map)
    countries["note"] = countries["iso3"].map(SPECIAL_NOTES)
    for column in ("regime_row_year", "fh_year"):
        countries[column] = countries[column].astype("Int64")
    countries = countries.sort_values("iso3")[
        ["iso3", "name", "region", "subregion", "bri_status", "bri_join_date", "bri_exit_date",
         "regime_row", "regime_row_year", "fh_status", "fh_year", "on_base_map", "note"]]
    error = "ISO3 codes must be unique"
    assert countries["iso3"].is_unique, error

    history = vdem[(vdem["Year"] >= HISTORY_FROM) & vdem["Code"].isin(countries["iso3"])].rename(
        columns={"Code": "iso3", "Year": "year"})
    history = history.assign(regime_row=history["regime_row_owid"].map(VDEM_LABELS))
    fh_history = fh.dropna(subset=["iso3"]).rename(columns={"year": "year_fh"})
    fh_history = fh_history[fh_history["year_fh"] >= HISTORY_FROM].assign(
        fh_status=fh_history["regime_fh"].map(FH_LABELS))[["iso3", "year_fh", "fh_status"]]
    history = history.merge(fh_history.rename(columns={"year_fh": "year"}).drop_duplicates(["iso3", "year"]),
                            on=["iso3", "year"], how="outer")
    history = history[history["iso3"] != "PSE"].sort_values(["iso3", "year"])[["iso3", "year", "regime_row",
                                                                               "fh_status"]]
    history["year"] = history["year"].astype(int)
    error = "Regime history must have one row per country and year"
    assert not history.duplicated(["iso3", "year"]).any(), error

    # 3. Save outputs.
    countries.to_csv(OUTPUT, index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    history.to_csv(HISTORY_OUTPUT, index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    print(f"wrote {len(countries)} countries to {OUTPUT.relative_to(ROOT)} and {len(history)} country-years to "
          f"{HISTORY_OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=Path, default=ROOT.parent / "shared" / "sources")
    main(parser.parse_args().sources)
