"""Data contracts: the shipped package is valid, and every kind of bad data stops start-up with one line."""

import datetime as dt
import json

import pandas as pd
import pytest

from dashboard.data import DataPackageError, load_atlas
from dashboard.data.manifest import write_manifest

DATASETS = ("agreements", "courses", "entity_list", "donations")


class TestShippedPackage:
    def test_every_record_has_a_dated_public_source_with_a_quote(self, atlas):
        sources = atlas.sources
        assert sources["url"].str.match(r"^https?://").all()
        assert sources["evidence_quote"].str.len().between(10, 300).all()
        for dataset in DATASETS:
            dated = sources[(sources["dataset"] == dataset) & sources["published"].notna()]
            assert set(atlas.tables[dataset]["record_id"]) <= set(dated["record_id"]), dataset

    def test_rows_curated_equal_rows_shown(self, atlas):
        records = atlas.records
        for dataset in DATASETS:
            assert records.loc[records["dataset"] == dataset, "record_id"].nunique() == len(atlas.tables[dataset])

    def test_ids_are_stable_patterns_and_unique(self, atlas):
        for dataset, prefix in zip(DATASETS, ("AGR", "CRS", "ENT", "DON"), strict=True):
            ids = atlas.tables[dataset]["record_id"]
            assert ids.is_unique and ids.str.match(rf"^{prefix}-\d{{3}}$").all()

    def test_every_record_country_is_known(self, atlas):
        assert atlas.records["iso3"].isin(atlas.countries["iso3"]).all()

    def test_changelog_lists_every_record(self, atlas):
        published = set().union(*(set(atlas.tables[d]["record_id"]) for d in DATASETS))
        assert published <= set(atlas.tables["changelog"]["record_id"])

    def test_last_updated_is_the_newest_changelog_date(self, atlas):
        # write_datapackage.py derives it; a curation run on a later day must be followed by rewriting the
        # descriptor, or the site would cite an old "data as of" date.
        assert atlas.last_updated == str(atlas.tables["changelog"]["date"].max())[:10]

    def test_descriptor_documents_every_resource(self, atlas):
        descriptor = atlas.descriptor
        assert descriptor["licenses"] and descriptor["sources"] and descriptor["last_updated"]
        for resource in descriptor["resources"]:
            assert resource["schema"]["fields"], resource["name"]
            assert "primaryKey" in resource["schema"] or resource["name"] == "changelog"


def break_csv(package, name, row, column, value):
    path = package / f"{name}.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.loc[row, column] = value
    frame.to_csv(path, index=False)
    write_manifest(package)


def refusal(package, **kwargs) -> str:
    with pytest.raises(DataPackageError) as caught:
        load_atlas(package, **kwargs)
    return str(caught.value)


class TestRefusals:
    """Each broken fixture stops loading with one message naming file, row, column and value."""

    def test_the_small_fixture_itself_is_valid(self, mini_package):
        assert len(load_atlas(mini_package).records) > 0

    def test_unknown_iso_code(self, mini_package):
        break_csv(mini_package, "agreements", 1, "iso3", "XYZ")
        message = refusal(mini_package)
        assert "agreements.csv" in message and "row 2" in message and "iso3" in message and "XYZ" in message

    def test_duplicate_id(self, mini_package):
        first = pd.read_csv(mini_package / "donations.csv", dtype=str)["record_id"][0]
        break_csv(mini_package, "donations", 1, "record_id", first)
        message = refusal(mini_package)
        assert "donations" in message and first in message and "row 2" in message

    def test_dangling_foreign_key(self, mini_package):
        break_csv(mini_package, "entity_list", 0, "company_id", "no_such_company")
        message = refusal(mini_package)
        assert "entity_list.csv" in message and "company_id" in message and "no_such_company" in message

    def test_record_naming_a_merged_company(self, mini_package):
        used = pd.read_csv(mini_package / "entity_list.csv", dtype=str)["company_id"][0]
        companies = pd.read_csv(mini_package / "companies.csv", dtype=str, keep_default_na=False)
        row = int(companies.index[companies["company_id"] == used][0])
        other = companies.loc[companies["company_id"] != used, "company_id"].iloc[0]
        break_csv(mini_package, "companies", row, "merged_into", other)
        message = refusal(mini_package)
        assert "merged company" in message and f"value {used!r}" in message and ".csv, row " in message

    def test_merges_that_chain(self, mini_package):
        companies = pd.read_csv(mini_package / "companies.csv", dtype=str, keep_default_na=False)
        unused = [c for c in companies["company_id"] if c not in {"huawei", "hikvision"}][:2]
        first, second = (int(companies.index[companies["company_id"] == c][0]) for c in unused)
        break_csv(mini_package, "companies", first, "merged_into", unused[1])
        break_csv(mini_package, "companies", second, "merged_into", "huawei")
        message = refusal(mini_package)
        assert "companies.csv" in message and "merged_into" in message and unused[1] in message

    @pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,hi", "ftp://example.org/x"])
    def test_non_http_source_url(self, mini_package, url):
        break_csv(mini_package, "agreements_sources", 0, "url", url)
        message = refusal(mini_package)
        assert "agreements_sources.csv" in message and "row 1" in message and "'url'" in message and url in message

    def test_missing_evidence_quote(self, mini_package):
        break_csv(mini_package, "donations_sources", 0, "evidence_quote", "")
        message = refusal(mini_package)
        assert "donations_sources.csv" in message and "evidence_quote" in message and "row 1" in message

    def test_record_without_any_source(self, mini_package):
        sources = pd.read_csv(mini_package / "courses_sources.csv", dtype=str, keep_default_na=False)
        first = pd.read_csv(mini_package / "courses.csv", dtype=str)["record_id"][0]
        sources[sources["record_id"] != first].to_csv(mini_package / "courses_sources.csv", index=False)
        write_manifest(mini_package)
        message = refusal(mini_package)
        assert "courses.csv" in message and first in message and "no dated source" in message

    def test_impossible_date(self, mini_package):
        break_csv(mini_package, "entity_list", 0, "effective_date", "2019-02-30")
        message = refusal(mini_package)
        assert "entity_list.csv" in message and "effective_date" in message and "2019-02-30" in message

    def test_future_date(self, mini_package):
        break_csv(mini_package, "donations_sources", 0, "published", "2031-01")
        message = refusal(mini_package, today=dt.date(2026, 11, 29))
        assert "donations_sources.csv" in message and "published" in message and "2031-01" in message

    def test_wrong_type(self, mini_package):
        break_csv(mini_package, "donations", 0, "year", "twenty")
        message = refusal(mini_package)
        assert "donations.csv" in message and "'year'" in message and "twenty" in message

    def test_unknown_enum_value(self, mini_package):
        break_csv(mini_package, "agreements", 0, "status", "rumoured")
        message = refusal(mini_package)
        assert "agreements.csv" in message and "status" in message and "rumoured" in message

    def test_non_utf8_file(self, mini_package):
        path = mini_package / "companies.csv"
        path.write_bytes(path.read_bytes().replace("华为".encode(), "华为".encode("gb18030")))
        write_manifest(mini_package)
        message = refusal(mini_package)
        assert "companies.csv" in message and "UTF-8" in message and "row" in message

    def test_truncated_csv(self, mini_package):
        path = mini_package / "agreements.csv"
        text = path.read_text()
        path.write_text(text[: text.rindex(",")] + "\n")  # the last row loses its final cells
        write_manifest(mini_package)
        message = refusal(mini_package)
        assert "agreements.csv" in message and "row 3" in message

    def test_file_changed_since_manifest(self, mini_package):
        path = mini_package / "aggregates.csv"
        path.write_text(path.read_text() + "\n")
        message = refusal(mini_package)
        assert "aggregates.csv" in message and "SHA-256" in message

    def test_missing_file(self, mini_package):
        (mini_package / "donations.csv").unlink()
        assert "donations.csv: file not found" in refusal(mini_package)

    def test_malformed_descriptor(self, mini_package):
        (mini_package / "datapackage.json").write_text("{not json")
        assert "datapackage.json" in refusal(mini_package)

    def test_descriptor_must_declare_sources_as_http(self, mini_package):
        descriptor = json.loads((mini_package / "datapackage.json").read_text())
        url_field = next(f for r in descriptor["resources"] if r["name"] == "agreements_sources"
                         for f in r["schema"]["fields"] if f["name"] == "url")
        assert url_field["constraints"]["pattern"] == r"^https?://[^\s]+$"


class TestBriefCases:
    """The cases the EUISS brief names are in the data (issue 3)."""

    def test_agreements(self, atlas):
        agreements = atlas.tables["agreements"]

        def find(iso3, text):
            rows = agreements[(agreements["iso3"] == iso3) & agreements["vendor_id"].eq("huawei")]
            return rows[rows.apply(lambda r: text.lower() in " ".join(str(v) for v in r.values).lower(), axis=1)]

        assert find("KEN", "Nairobi")["year"].eq(2014).any()
        assert find("SAU", "Ministry of Interior")["year"].eq(2016).any()
        assert find("SRB", "Belgrade").shape[0] >= 1
        assert find("SRB", "Niš")["year"].eq(2019).any()

    def test_minimums(self, atlas):
        agreements = atlas.tables["agreements"]
        assert len(agreements) >= 45 and agreements["iso3"].nunique() >= 30
        assert len(atlas.tables["courses"]) >= 12
        assert len(atlas.tables["entity_list"]) >= 40
        assert len(atlas.tables["donations"]) >= 40

    def test_october_2019_courses(self, atlas):
        titles = " | ".join(atlas.tables["courses"].query("year == 2019")["title"])
        for title in ("Building Smart Cities under the Belt and Road Initiative",
                      "Urbanisation Infrastructure Planning and Development",
                      "Telecommunications, New Technology & Equipment Maintenance for Developing Countries"):
            assert title in titles

    def test_thirty_six_countries_is_an_aggregate_not_rows(self, atlas):
        aggregates = atlas.tables["aggregates"]
        assert ((aggregates["dataset"] == "courses") & (aggregates["value"] == 36)).any()

    def test_huawei_listing_citation(self, atlas):
        entries = atlas.tables["entity_list"]
        huawei = entries[(entries["company_id"] == "huawei") & (entries["action"] == "added")]
        assert (huawei["fr_citation"] == "84 FR 22961").any()
        listed = set(entries.loc[entries["action"] == "added", "company_id"])
        assert {"hikvision", "dahua", "megvii", "sensetime", "yitu", "iflytek"} <= listed

    def test_covid_donations(self, atlas):
        donations = atlas.tables["donations"]

        def has(company, iso3):
            return ((donations["donor_company_id"] == company) & (donations["recipient_iso3"] == iso3)).any()

        assert has("huawei", "KEN") and has("huawei", "PAK")
        assert has("dahua", "LBN") and has("dahua", "THA")
        assert has("dji", "ESP") and has("dji", "ITA") and has("dji", "PHL")
